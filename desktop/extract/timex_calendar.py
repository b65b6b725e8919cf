"""Calendar arithmetic for time expressions: periods, seasons, tense-driven year choice.

Pure functions over ``datetime.date``; no text handling here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from desktop.extract.types import TimeInterval

Span = tuple[dt.date, dt.date]

# Northern-hemisphere meteorological seasons: first month and the offset of the year it starts in.
# Winter YEAR is December YEAR to February YEAR+1 (documented choice).
SEASON_START_MONTH: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def month_span(year: int, month: int, months: int = 1) -> Span:
    """``months`` consecutive months starting at year-month."""
    last_year, last_month = add_months(year, month, months - 1)
    return dt.date(year, month, 1), month_end(last_year, last_month)


def year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def quarter_span(year: int, quarter: int) -> Span:
    return month_span(year, 3 * quarter - 2, 3)


def half_span(year: int, half: int) -> Span:
    return month_span(year, 6 * half - 5, 6)


def season_span(year: int, season: str) -> Span:
    return month_span(year, SEASON_START_MONTH[season], 3)


def day_span(year: int, month: int, day: int) -> Span | None:
    try:
        when = dt.date(year, month, day)
    except ValueError:
        return None
    return when, when


def pick_span(
    span_of: Callable[[int], Span | None], pub: dt.date, mode: str
) -> tuple[int, Span] | None:
    """Choose the occurrence of a yearly period relative to ``pub``.

    mode: "past" → the latest one starting on or before pub; "future" → the earliest one ending
    on or after pub (the current one included); "present" → the one containing pub, else the
    one of pub's year; "last" → the latest one ended before pub; "next" → the earliest one
    starting after pub.
    """
    candidates: list[tuple[int, Span]] = []
    for year in range(pub.year - 2, pub.year + 3):
        span = span_of(year)
        if span is not None:
            candidates.append((year, span))
    tests: dict[str, Callable[[Span], bool]] = {
        "past": lambda s: s[0] <= pub,
        "future": lambda s: s[1] >= pub,
        "present": lambda s: s[0] <= pub <= s[1],
        "last": lambda s: s[1] < pub,
        "next": lambda s: s[0] > pub,
    }
    matching = [c for c in candidates if tests[mode](c[1])]
    if mode == "present" and not matching:
        matching = [c for c in candidates if c[0] == pub.year]
    if not matching:
        return None
    return matching[-1] if mode in ("past", "last") else matching[0]


def interval(span: Span, precision: str) -> TimeInterval:
    return TimeInterval(span[0], span[1], precision)


def clip(span: Span, pub: dt.date, side: str) -> Span:
    """Keep the part of ``span`` before ("before") or after ("after") the publication date."""
    start, end = span
    if side == "before" and start <= pub <= end:
        return start, pub
    if side == "after" and start <= pub <= end:
        return pub, end
    return span


def weekday_date(pub: dt.date, weekday: int, mode: str) -> dt.date:
    """The weekday (0 = Monday) nearest ``pub`` in the direction given by ``mode``.

    past/present → on or before pub; last → strictly before; future/next → strictly after.
    """
    delta = (pub.weekday() - weekday) % 7
    if mode in ("past", "present"):
        return pub - dt.timedelta(days=delta)
    if mode == "last":
        return pub - dt.timedelta(days=delta or 7)
    ahead = (weekday - pub.weekday()) % 7
    return pub + dt.timedelta(days=ahead or 7)


def week_span(pub: dt.date, offset: int) -> Span:
    """The Monday–Sunday week containing pub, shifted by ``offset`` weeks."""
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def shift_years(span: Span, years: int) -> Span | None:
    try:
        return span[0].replace(year=span[0].year + years), span[1].replace(
            year=span[1].year + years
        )
    except ValueError:
        return None


def format_interval(iv: TimeInterval) -> str:
    """``2025-03``, ``2025-06..2025-08``, or ``unknown``."""
    first = iv.date_str()
    if first is None:
        return "unknown"
    last = iv.date_end_str()
    start, end = iv.start, iv.end
    if last is None and start is not None and end is not None:
        if iv.precision == "month" and (end.year, end.month) != (start.year, start.month):
            last = f"{end.year:04d}-{end.month:02d}"
        elif iv.precision == "year" and end.year != start.year:
            last = f"{end.year:04d}"
    return f"{first}..{last}" if last else first
