"""Resolving expressions that count from the publication date.

"last month", "this week", "two weeks ago", "yesterday", "on Tuesday", "in the coming months".
Without a publication date they stay unresolved (never guessed as today).

Choices: "N weeks ago" → the single day pub − 7N (day precision); "this/the current X" in the
past tense keeps the part up to publication, in the future tense the whole unit ("will ship this
week" → Monday to Sunday: a week is written as its first day with an end); "in the coming
days/weeks" → a run of days after publication (7 days / 6 weeks); "in the coming months" →
month precision from the day after publication to the end of the third following month.
"recently" / "soon" are not time expressions.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract import timex_calendar as cal
from desktop.extract.timex_explicit import Ctx, Result, unresolved
from desktop.extract.timex_patterns import WEEKDAYS, number_value
from desktop.extract.timex_periods import unit_span

_DAY_WORDS: dict[str, int] = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
    "tonight": 0, "earlier today": 0, "later today": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip


def _relative(label: str, iv_span: cal.Span, precision: str, pub: dt.date) -> Result:
    iv = cal.interval(iv_span, precision)
    return iv, "relative", f"{label} (relative to {pub}) -> {cal.format_interval(iv)}"


def day_word(m: re.Match, ctx: Ctx) -> Result | None:
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    offset = _DAY_WORDS[" ".join(m.group("dw").lower().split())]
    day = ctx.pub + dt.timedelta(days=offset)
    return _relative(label, (day, day), "day", ctx.pub)


def ago(m: re.Match, ctx: Ctx) -> Result | None:
    label = m.group(0)
    n = number_value(m.group("ago_n"))
    if n is None:
        return None
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    pub = ctx.pub
    unit = m.group("ago_unit").lower()
    if unit in ("day", "week"):
        day = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _relative(label, (day, day), "day", pub)
    if unit == "month":
        return _relative(label, cal.month_span(*cal.add_months(pub.year, pub.month, -n)), "month",
                         pub)  # fmt: skip
    if pub.year - n < 1:
        return None
    return _relative(label, cal.year_span(pub.year - n), "year", pub)


def hence(m: re.Match, ctx: Ctx) -> Result | None:
    """ "will launch in two weeks", "in three months' time": a plan's date counted from
    publication (day or month precision); only after "in" and in the future tense, since "built
    in two weeks" is a duration."""
    if (m.group("prep") or "").lower() != "in" or ctx.tense != "future":
        return None
    label = m.group(0)
    words = m.group("in_n").lower().split()
    n = 2 if words[-1] == "of" else 3 if words[-1] == "few" else number_value(m.group("in_n"))
    if n is None:
        return None
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    unit = m.group("in_unit").lower()
    if unit == "month":
        return _relative(label, cal.month_span(*cal.add_months(ctx.pub.year, ctx.pub.month, n)),
                         "month", ctx.pub)  # fmt: skip
    day = ctx.pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _relative(label, (day, day), "day", ctx.pub)


def coming(m: re.Match, ctx: Ctx) -> Result | None:
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    pub = ctx.pub
    unit = (m.group("co_unit") or m.group("co_unit2")).lower()
    first = pub + dt.timedelta(days=1)
    if unit == "day":
        return _relative(label, (first, pub + dt.timedelta(days=7)), "day", pub)
    if unit == "week":
        return _relative(label, (first, pub + dt.timedelta(weeks=6)), "day", pub)
    year, month = cal.add_months(pub.year, pub.month, 3)
    return _relative(label, (first, cal.month_end(year, month)), "month", pub)


_WEEKDAY_MODE = {
    "last": "last", "past": "last", "this past": "last",
    "next": "next", "coming": "next", "this coming": "next",
}  # fmt: skip


def weekend(m: re.Match, ctx: Ctx) -> Result | None:
    """ "over the weekend", "last weekend", "this coming weekend": Saturday and Sunday, the
    pair on or before publication (past/present), the next one in a plan; last/next → strictly
    before/after. A run of days: day precision with an end."""
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    which = " ".join((m.group("we_which") or "").lower().split())
    mode = _WEEKDAY_MODE.get(which, ctx.tense if ctx.tense in ("past", "future") else "present")
    saturday = cal.weekday_date(ctx.pub, 5, mode)
    if mode in ("past", "present") and ctx.pub.weekday() == 6:
        saturday = ctx.pub - dt.timedelta(days=1)  # published on a Sunday: this weekend
    return _relative(label, (saturday, saturday + dt.timedelta(days=1)), "day", ctx.pub)


def weekday(m: re.Match, ctx: Ctx) -> Result | None:
    """past/present → on or before publication; future → the next one; last/next → strictly."""
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    which = " ".join((m.group("w_which") or "").lower().split())
    mode = _WEEKDAY_MODE.get(which, ctx.tense if ctx.tense in ("past", "future") else "present")
    day = cal.weekday_date(ctx.pub, WEEKDAYS[m.group("w_day").lower()], mode)
    return _relative(label, (day, day), "day", ctx.pub)


def relative_unit(m: re.Match, ctx: Ctx) -> Result | None:
    """ "this month", "last year", "next week", "the current quarter"."""
    label = m.group(0)
    if ctx.pub is None:
        return unresolved(label, "no publication date")
    pub = ctx.pub
    which = m.group("r_which").lower()
    offset = {"next": 1, "coming": 1, "last": -1}.get(which, 0)
    span, precision = unit_span(ctx, m.group("r_unit").lower(), offset)
    if offset == 0 and ctx.tense == "past":
        iv = cal.interval(cal.clip(span, pub, "before"), precision)
        return iv, "relative", f"{label} -> {cal.format_interval(iv)} (before {pub})"
    return _relative(label, span, precision, pub)
