"""Resolving calendar-named time expressions: dates, months, years, ranges, quarters, halves.

Each handler takes the regex match and a context and returns (interval, anchor, resolution),
or None when the match turns out not to be a time expression (e.g. "H2" with no date context).
A month, day, quarter or half without a year takes it from the publication date, driven by
tense: past → the latest one starting on or before publication, future → the earliest one ending
on or after it (the current one included), present → the current one / the publication year's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop.extract import timex_calendar as cal
from desktop.extract.timex_patterns import BARE_MONTHS, month_number, words
from desktop.extract.types import TimeInterval

Result = tuple[TimeInterval, str, str]  # interval, anchor, resolution

# A bare year right after one of these is a quantity or a product name, not a year.
_NOT_YEAR_BEFORE = frozenset(
    words(
        "than about nearly almost roughly approximately least over some top only just no number "
        "model version v rtx gtx windows office galaxy iphone of with to costs cost paid worth "
        "priced code route flight room"
    )
)
_POSSESSIVE_BEFORE = re.compile(r"(?:\w[’']s|\b(?:its|their|his|her))\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|to|is|was|has|had|will|would|said|says|told)\b)[a-z][a-z-]+\b"
)
_PREV_WORD = re.compile(r"([\w#.]+)[^\w]{0,2}$")


@dataclass(frozen=True)
class Ctx:
    text: str
    pub: dt.date | None
    tense: str


def year_of(value: str | None) -> int | None:
    return int(value) if value else None


def explicit(span: cal.Span, precision: str, label: str) -> Result:
    iv = cal.interval(span, precision)
    return iv, "explicit", f"{label} -> {cal.format_interval(iv)}"


def unresolved(label: str, why: str, anchor: str = "relative") -> Result:
    return TimeInterval.unknown(), anchor, f"{label}: {why}"


def by_tense(
    span_of: Callable[[int], cal.Span | None],
    precision: str,
    label: str,
    what: str,
    ctx: Ctx,
    anchor: str = "explicit",
) -> Result:
    """A period named without its year: pick the year from the publication date and tense."""
    if ctx.pub is None:
        return unresolved(label, "no year and no publication date", anchor)
    mode = ctx.tense if ctx.tense in ("past", "future", "present") else "past"
    picked = cal.pick_span(span_of, ctx.pub, mode)
    if picked is None:
        return unresolved(label, f"no {what} near {ctx.pub}", anchor)
    iv = cal.interval(picked[1], precision)
    how = {
        "past": f"most recent {what} on or before {ctx.pub}",
        "future": f"next {what} on or after {ctx.pub}",
        "present": f"{what} of the publication year",
    }[mode]
    return iv, anchor, f"{label} (year from publication date: {how}) -> {cal.format_interval(iv)}"


def rel_year(which: str, pub: dt.date | None) -> int | None:
    """``this year`` / ``next year`` / ``last year`` / ``the current year`` → a year number."""
    if pub is None:
        return None
    word = which.split()[-2] if len(which.split()) > 1 else which
    word = word.lower()
    offset = {"next": 1, "coming": 1, "last": -1}.get(word, 0)
    return pub.year + offset


def _day_span(month: int, day: int) -> Callable[[int], cal.Span | None]:
    return lambda year: cal.day_span(year, month, day)


def day_month(m: re.Match, ctx: Ctx, form: str) -> Result | None:
    month = month_number(m.group(f"{form}_m"))
    day = int(m.group(f"{form}_d"))
    year = year_of(m.group(f"{form}_y"))
    label = m.group(0)
    if year is not None:
        span = cal.day_span(year, month, day)
        return None if span is None else explicit(span, "day", label)
    if cal.day_span(2024, month, day) is None:  # not a day of that month in any year
        return None
    return by_tense(_day_span(month, day), "day", label, cal_name(month, day), ctx)


def cal_name(month: int, day: int | None = None) -> str:
    name = dt.date(2000, month, 1).strftime("%B")
    return name if day is None else f"{name} {day}"


def iso_date(m: re.Match, ctx: Ctx) -> Result | None:
    span = cal.day_span(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return None if span is None else explicit(span, "day", m.group(0))


def numeric_date(m: re.Match, ctx: Ctx) -> Result | None:
    """dd/mm/yyyy or mm/dd/yyyy when unambiguous; dotted dates are day-first."""
    a, b, year = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
    if m.group("num_sep") == "." or (a > 12 >= b):
        day, month = a, b
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:
        iv = cal.interval(cal.year_span(year), "year")
        return iv, "explicit", f"{m.group(0)} (day/month order ambiguous) -> {year}"
    span = cal.day_span(year, month, day) if month <= 12 else None
    return None if span is None else explicit(span, "day", m.group(0))


def month_year(m: re.Match, ctx: Ctx) -> Result | None:
    span = cal.month_span(int(m.group("my_y")), month_number(m.group("my_m")))
    return explicit(span, "month", m.group(0))


def _attributive_month(m: re.Match, ctx: Ctx) -> bool:
    """ "Hugging Face's April acquisition", "its June launch": a capitalised month name between
    a possessive determiner and a lower-case noun dates that noun."""
    name = m.group("m_m")
    if not name[:1].isupper() or "." in name:
        return False
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    return bool(_POSSESSIVE_BEFORE.search(before)) and bool(_NOUN_AFTER.match(ctx.text, m.end()))


def bare_month(m: re.Match, ctx: Ctx) -> Result | None:
    """A month name alone: needs a preposition or determiner unless unambiguous."""
    name = m.group("m_m")
    month = month_number(name)
    which = (m.group("m_which") or "").lower().split()
    bare = not which and not m.group("prep") and name.lower() not in BARE_MONTHS
    if bare and not _attributive_month(m, ctx):
        return None
    label = m.group(0)
    span_of: Callable[[int], cal.Span | None] = lambda y: cal.month_span(y, month)  # noqa: E731
    if not which:
        return by_tense(span_of, "month", label, cal_name(month), ctx)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    mode = {"this": "present", "last": "last", "past": "last", "next": "next", "coming": "next"}
    picked = cal.pick_span(span_of, ctx.pub, mode[which[-1]])
    if picked is None:
        return unresolved(label, f"no {cal_name(month)} near {ctx.pub}")
    iv = cal.interval(picked[1], "month")
    return iv, "relative", f"{label} (relative to {ctx.pub}) -> {cal.format_interval(iv)}"


def bare_year(m: re.Match, ctx: Ctx) -> Result | None:
    year = int(m.group("y_y"))
    if not (m.group("prep") or m.group("y_the") or m.group("y_fy")):
        prev = _PREV_WORD.search(ctx.text, max(0, m.start() - 30), m.start())
        if prev and prev.group(1).lower().rstrip(".") in _NOT_YEAR_BEFORE:
            return None
    label = m.group(0)
    if m.group("y_fy"):
        label += " (fiscal year taken as calendar year)"
    return explicit(cal.year_span(year), "year", label)


def range_days(m: re.Match, ctx: Ctx, p: str = "range_md") -> Result | None:
    """ "March 3–5", "March 30 - April 2, 2025", "10 to 12 March" (p = "range_dm")."""
    groups = m.groupdict()
    first, second = groups.get(f"{p}_m1"), groups.get(f"{p}_m2")
    m1 = month_number(first or second or "")
    m2 = month_number(second) if second else m1
    d1, d2 = int(m.group(f"{p}_d1")), int(m.group(f"{p}_d2"))
    wraps = (m2, d2) < (m1, d1)
    if wraps and m1 == m2:
        return None

    def span_of(year: int) -> cal.Span | None:
        first = cal.day_span(year, m1, d1)
        last = cal.day_span(year + 1 if wraps else year, m2, d2)
        return None if first is None or last is None else (first[0], last[1])

    year = year_of(m.group(f"{p}_y"))
    if year is not None:
        span = span_of(year - 1 if wraps else year)
        return None if span is None else explicit(span, "day", m.group(0))
    return by_tense(span_of, "day", m.group(0), f"{cal_name(m1, d1)}–{d2}", ctx)


def range_months(m: re.Match, ctx: Ctx) -> Result | None:
    m1, m2 = month_number(m.group("range_m_m1")), month_number(m.group("range_m_m2"))
    y1, y2 = year_of(m.group("range_m_y1")), year_of(m.group("range_m_y2"))
    if y1 is None and y2 is not None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if y1 is not None and y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    if y1 is not None and y2 is not None:
        if (y2, m2) < (y1, m1):
            return None
        span = cal.month_span(y1, m1)[0], cal.month_end(y2, m2)
        return explicit(span, "month", m.group(0))

    def span_of(year: int) -> cal.Span:
        return cal.month_span(year, m1)[0], cal.month_end(year if m2 >= m1 else year + 1, m2)

    return by_tense(span_of, "month", m.group(0), f"{cal_name(m1)}–{cal_name(m2)}", ctx)


def range_years(m: re.Match, ctx: Ctx) -> Result | None:
    y1, y2 = int(m.group("range_y_y1")), int(m.group("range_y_y2"))
    if y2 <= y1:
        return None
    return explicit((dt.date(y1, 1, 1), dt.date(y2, 12, 31)), "year", m.group(0))
