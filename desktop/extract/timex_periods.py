"""Resolving parts of a year: quarters, halves, seasons, and early/mid/late/end-of modifiers.

Choices (documented here because exact-string scoring depends on them):
- "the end of June" / "early June" / "mid-June" → month precision (June), interval narrowed to
  days 1–10 / 11–20 / 21–end so the timeline can place it; the exchange date is still YYYY-MM.
- "early/mid/late 2024", "the end of 2025", "year-end" → year precision (thirds of the year).
- "late summer" → month precision: the season's last month (early → first, mid → middle).
- Winter YEAR is December YEAR to February YEAR+1.
- Quarters and halves of a fiscal year are taken as calendar quarters/halves (noted).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.extract import timex_calendar as cal
from desktop.extract.timex_explicit import (
    Ctx,
    Result,
    by_tense,
    cal_name,
    explicit,
    rel_year,
    unresolved,
    year_of,
)
from desktop.extract.timex_patterns import ORDINALS, SEASONS, month_number

# Which third of a period a modifier names: 0 first, 1 middle, 2 last, None the whole period.
_THIRD: dict[str, int | None] = {
    "early": 0, "beginning": 0, "start": 0, "earlier": None, "later": None,
    "mid": 1, "middle": 1, "late": 2, "end": 2, "close": 2, "turn": None,
}  # fmt: skip


def _modifier(m: re.Match, prefix: str) -> str:
    return (m.group(f"{prefix}_of") or m.group(f"{prefix}_adj") or "").lower()


def _month_part(span: cal.Span, third: int | None) -> cal.Span:
    if third is None:
        return span
    start, end = span
    first = start.replace(day=1 + 10 * third)
    last = end if third == 2 else start.replace(day=10 + 10 * third)
    return first, last


def _year_part(span: cal.Span, third: int | None) -> cal.Span:
    if third is None:
        return span
    year = span[0].year
    return cal.month_span(year, 1 + 4 * third, 4)


def _year_from_part(m: re.Match, prefix: str, ctx: Ctx) -> tuple[int | None, bool]:
    """(year, relative?) from a "_y" / "_yy" / "_rel" group set; (None, False) when absent."""
    year = year_of(m.groupdict().get(f"{prefix}_y"))
    if year is not None:
        return year, False
    short = m.groupdict().get(f"{prefix}_yy")
    if short:
        return 2000 + int(short), False
    rel = m.groupdict().get(f"{prefix}_rel")
    if rel:
        return rel_year(rel, ctx.pub), True
    return None, False


def mod_month(m: re.Match, ctx: Ctx) -> Result | None:
    month = month_number(m.group("mm_m"))
    third = _THIRD.get(_modifier(m, "mm"))
    year = year_of(m.group("mm_y"))
    label = m.group(0)
    if year is not None:
        return explicit(_month_part(cal.month_span(year, month), third), "month", label)
    iv, anchor, resolution = by_tense(
        lambda y: cal.month_span(y, month), "month", label, cal_name(month), ctx
    )
    if not iv.is_resolved:
        return iv, anchor, resolution
    span = _month_part((iv.start, iv.end), third)  # type: ignore[arg-type]
    return cal.interval(span, "month"), anchor, resolution


def mod_year(m: re.Match, ctx: Ctx) -> Result | None:
    third = _THIRD.get(_modifier(m, "my2"))
    span = _year_part(cal.year_span(int(m.group("my2_y"))), third)
    return explicit(span, "year", m.group(0))


def year_end(m: re.Match, ctx: Ctx) -> Result | None:
    year = year_of(m.group("ye_y"))
    if year is not None:
        return explicit(_year_part(cal.year_span(year), 2), "year", m.group(0))
    if ctx.pub is None:
        return unresolved(m.group(0), "no publication date")
    iv = cal.interval(_year_part(cal.year_span(ctx.pub.year), 2), "year")
    return iv, "relative", f"{m.group(0)} (relative to {ctx.pub}) -> {iv.date_str()}"


def _numbered(
    m: re.Match,
    ctx: Ctx,
    prefix: str,
    span_of: Callable[[int], cal.Span],
    precision: str,
    what: str,
) -> Result:
    year, relative = _year_from_part(m, prefix, ctx)
    label = m.group(0)
    if relative and year is None:
        return unresolved(label, "no publication date")
    if year is None:
        return by_tense(span_of, precision, label, what, ctx)
    iv = cal.interval(span_of(year), precision)
    if relative:
        return iv, "relative", f"{label} (relative to {ctx.pub}) -> {cal.format_interval(iv)}"
    return iv, "explicit", f"{label} -> {cal.format_interval(iv)}"


def quarter(m: re.Match, ctx: Ctx) -> Result | None:
    n = int(m.group("q_n") or m.group("q_n2"))
    return _numbered(m, ctx, "q", lambda y: cal.quarter_span(y, n), "quarter", f"Q{n}")


def quarter_words(m: re.Match, ctx: Ctx) -> Result | None:
    word = m.group("qw_ord").lower()
    has_year = any(m.group(g) for g in ("qw_y", "qw_rel"))
    if word in ("last", "final") and not has_year:
        return _previous_quarter(m.group(0), ctx)
    n = ORDINALS[word]
    return _numbered(m, ctx, "qw", lambda y: cal.quarter_span(y, n), "quarter", f"Q{n}")


def _previous_quarter(label: str, ctx: Ctx) -> Result:
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    year, month = cal.add_months(ctx.pub.year, ctx.pub.month, -3)
    iv = cal.interval(cal.quarter_span(year, (month - 1) // 3 + 1), "quarter")
    return iv, "relative", f"{label} (relative to {ctx.pub}) -> {cal.format_interval(iv)}"


def half(m: re.Match, ctx: Ctx) -> Result | None:
    n = int(m.group("h_n") or m.group("h_n2"))
    if not (m.group("prep") or any(m.group(g) for g in ("h_yy", "h_y", "h_rel"))):
        return None  # "H2" alone is as likely hydrogen as a half-year
    return _numbered(m, ctx, "h", lambda y: cal.half_span(y, n), "half", f"H{n}")


def half_words(m: re.Match, ctx: Ctx) -> Result | None:
    n = ORDINALS[m.group("hw_ord").lower()]
    if not (m.group("prep") or m.group("hw_y") or m.group("hw_rel")):
        return None  # "the second half" of something else
    return _numbered(m, ctx, "hw", lambda y: cal.half_span(y, n), "half", f"H{n}")


_SEASON_MODE = {
    "this": "present", "last": "last", "this past": "last", "next": "next", "coming": "next",
    "this coming": "next", "the coming": "next", "the upcoming": "next", "upcoming": "next",
}  # fmt: skip


def season(m: re.Match, ctx: Ctx) -> Result | None:
    name = SEASONS[m.group("s_name").lower()]
    det = " ".join((m.group("s_det") or "").lower().split())
    adj = (m.group("s_adj") or m.group("s_adj2") or "").lower()
    year = year_of(m.group("s_y"))
    if not (det or year or adj or m.group("prep")):
        return None
    label = m.group(0)

    def span_of(y: int) -> cal.Span:
        return _season_part(cal.season_span(y, name), adj)

    precision = "month" if adj else "season"
    if year is not None:
        return explicit(span_of(year), precision, label)
    if det in _SEASON_MODE:
        if ctx.pub is None:
            return unresolved(label, "no publication date")
        picked = cal.pick_span(lambda y: cal.season_span(y, name), ctx.pub, _SEASON_MODE[det])
        if picked is None:
            return unresolved(label, f"no {name} near {ctx.pub}")
        iv = cal.interval(span_of(picked[0]), precision)
        return iv, "relative", f"{label} (relative to {ctx.pub}) -> {cal.format_interval(iv)}"
    iv, _, resolution = by_tense(
        lambda y: cal.season_span(y, name), "season", label, f"{name}", ctx, "relative"
    )
    if iv.is_resolved and adj:
        iv = cal.interval(_season_part((iv.start, iv.end), adj), "month")  # type: ignore[arg-type]
        resolution = f"{resolution.rsplit(' -> ', 1)[0]} -> {cal.format_interval(iv)}"
    return iv, "relative", resolution


def _season_part(span: cal.Span, adj: str) -> cal.Span:
    third = _THIRD.get(adj)
    if not adj or third is None:
        return span
    start = span[0]
    return cal.month_span(*cal.add_months(start.year, start.month, third))


def mod_relative(m: re.Match, ctx: Ctx) -> Result | None:
    """ "earlier this year", "the end of the month", "early next year", "later this week"."""
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    modifier = _modifier(m, "mr")
    which = " ".join(m.group("mr_which").lower().split())
    unit = m.group("mr_unit").lower()
    offset = {"next": 1, "last": -1}.get(which, 0)
    span, precision = unit_span(ctx, unit, offset)
    pub = ctx.pub
    if modifier in ("earlier", "later"):
        side = "before" if modifier == "earlier" else "after"
        iv = cal.interval(cal.clip(span, pub, side), precision)
        return iv, "relative", f"{label} -> {cal.format_interval(iv)} ({side} {pub})"
    third = _THIRD.get(modifier)
    if unit == "year":
        span = _year_part(span, third)
    elif unit == "month":
        span = _month_part(span, third)
    iv = cal.interval(span, precision)
    return iv, "relative", f"{label} (relative to {pub}) -> {cal.format_interval(iv)}"


def unit_span(ctx: Ctx, unit: str, offset: int) -> tuple[cal.Span, str]:
    """The week/month/quarter/year containing the publication date, shifted by ``offset``."""
    pub = ctx.pub
    assert pub is not None
    if unit == "week":
        return cal.week_span(pub, offset), "day"
    if unit == "month":
        return cal.month_span(*cal.add_months(pub.year, pub.month, offset)), "month"
    if unit == "quarter":
        year, month = cal.add_months(pub.year, pub.month, 3 * offset)
        return cal.quarter_span(year, (month - 1) // 3 + 1), "quarter"
    return cal.year_span(pub.year + offset), "year"
