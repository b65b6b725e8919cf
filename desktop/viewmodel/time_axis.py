"""Pure time-axis maths for the timeline: UTC ticks, their labels, and label packing.

No Qt here. Times are float epoch seconds (UTC); calendar dates sit at UTC midnight.

- ``choose_levels(start_s, end_s, width_px, measure)`` picks a major and a minor tick unit so
  that labels of both levels fit without touching, from centuries down to minutes.
- ``tick_values(unit, start_s, end_s)`` lists a unit's tick positions in a range.
- ``tick_label(value_s, unit, major)`` writes one tick's label ("2025", "Mar", "16 Mar",
  "14:00").
- ``context_label(start_s, end_s, minor)`` gives the date context an axis label should show
  when the ticks alone do not say it (e.g. the day when zoomed into hours).
- ``place_labels(extents, priorities, gap)`` greedily keeps the most important labels whose
  pixel extents do not overlap.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

DAY_S = 86400.0
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MIN_S = (dt.datetime(1, 1, 2, tzinfo=dt.UTC) - _EPOCH).total_seconds()
MAX_S = (dt.datetime(9999, 12, 1, tzinfo=dt.UTC) - _EPOCH).total_seconds()
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_TICKS = 2000  # hard cap on ticks per level, whatever is asked


@dataclass(frozen=True)
class TickUnit:
    """A tick step: ``name`` is minute | hour | day | month | year, ``step`` its multiple."""

    name: str
    step: int

    @property
    def min_spacing_s(self) -> float:
        """The smallest gap between two consecutive ticks of this unit, in seconds."""
        base = {"minute": 60.0, "hour": 3600.0, "day": DAY_S, "month": 28 * DAY_S}
        if self.name == "year":
            return self.step * 365 * DAY_S
        return self.step * base[self.name]


_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
MINOR_UNITS: tuple[TickUnit, ...] = (
    *(TickUnit("minute", k) for k in (1, 5, 10, 15, 30)),
    *(TickUnit("hour", k) for k in (1, 2, 3, 6, 12)),
    *(TickUnit("day", k) for k in (1, 2, 5, 10, 15)),
    *(TickUnit("month", k) for k in (1, 2, 3, 6)),
    *(TickUnit("year", k) for k in _YEAR_STEPS),
)


def major_unit(minor: TickUnit) -> TickUnit:
    """The coarser unit whose ticks carry the context of ``minor``'s labels."""
    if minor.name == "minute":
        return TickUnit("hour", 1)
    if minor.name == "hour":
        return TickUnit("day", 1)
    if minor.name == "day":
        return TickUnit("month", 1)
    if minor.name == "month":
        return TickUnit("year", 1)
    bigger = [k for k in _YEAR_STEPS if k >= 4 * minor.step and k % minor.step == 0]
    return TickUnit("year", bigger[0] if bigger else minor.step * 5)


def to_datetime(value_s: float) -> dt.datetime:
    """UTC datetime of epoch seconds, clamped to the years 1..9999."""
    clamped = min(max(value_s, MIN_S), MAX_S)
    return _EPOCH + dt.timedelta(seconds=clamped)


def to_seconds(value: dt.datetime | dt.date) -> float:
    """Epoch seconds of a UTC datetime, or of a date's UTC midnight."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return (value - _EPOCH).total_seconds()


def tick_label(value_s: float, unit: TickUnit, major: bool = False) -> str:
    """The label of a tick at ``value_s`` for ``unit`` ("2025", "Mar", "16 Mar", "14:05")."""
    t = to_datetime(value_s)
    if unit.name == "year":
        return str(t.year)
    if unit.name == "month":
        return f"{MONTHS[t.month - 1]} {t.year}" if major else MONTHS[t.month - 1]
    if unit.name == "day":
        return f"{t.day} {MONTHS[t.month - 1]}"
    return f"{t.hour:02d}:{t.minute:02d}"


def _sample_labels(unit: TickUnit, major: bool) -> str:
    samples = {"year": "2000", "day": "28 May", "hour": "00:00", "minute": "00:00"}
    if unit.name == "month":
        return "May 2000" if major else "May"
    return samples[unit.name]


def choose_levels(
    start_s: float,
    end_s: float,
    width_px: float,
    measure: Callable[[str], float] = lambda s: 7.0 * len(s),
    padding_px: float = 14.0,
) -> tuple[TickUnit, TickUnit]:
    """(major, minor) tick units for showing [start_s, end_s] over ``width_px`` pixels.

    The minor unit is the finest one whose closest two ticks leave room for a minor label next
    to a major label (both centred on their ticks) plus ``padding_px``.
    """
    span = abs(end_s - start_s)
    if width_px <= 0 or not math.isfinite(span) or span <= 0:
        return TickUnit("year", 10), TickUnit("year", 1)
    px_per_s = width_px / span
    for minor in MINOR_UNITS:
        major = major_unit(minor)
        w_minor = measure(_sample_labels(minor, False))
        w_major = measure(_sample_labels(major, True))
        need = max(w_minor, (w_minor + w_major) / 2) + padding_px
        if minor.min_spacing_s * px_per_s >= need:
            return major, minor
    last = MINOR_UNITS[-1]
    return major_unit(last), last


def _month_index(t: dt.datetime) -> int:
    return t.year * 12 + (t.month - 1)


def _from_month_index(index: int) -> float:
    year, month0 = divmod(index, 12)
    return to_seconds(dt.date(year, month0 + 1, 1))


def _calendar_ticks(unit: TickUnit, lo: dt.datetime, hi_s: float) -> list[float]:
    if unit.name == "year":
        year = max(1, math.ceil((lo.year + (lo.month > 1 or lo.day > 1)) / unit.step) * unit.step)
        out = []
        while year <= 9999 and len(out) < MAX_TICKS:
            v = to_seconds(dt.date(year, 1, 1))
            if v > hi_s:
                break
            out.append(v)
            year += unit.step
        return out
    index = _month_index(lo) + (1 if (lo.day > 1 or lo.hour or lo.minute or lo.second) else 0)
    index = math.ceil(index / unit.step) * unit.step
    out = []
    while index < 9999 * 12 and len(out) < MAX_TICKS:
        v = _from_month_index(index)
        if v > hi_s:
            break
        out.append(v)
        index += unit.step
    return out


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.date(year, month, 1)).days


def _day_ticks(step: int, lo_s: float, hi_s: float) -> list[float]:
    """Days of month 1, 1+step, … keeping at least ``step`` days before the next month's 1st."""
    out: list[float] = []
    index = _month_index(to_datetime(lo_s))
    while len(out) < MAX_TICKS and index < 9999 * 12:
        year, month0 = divmod(index, 12)
        month_start = _from_month_index(index)
        if month_start > hi_s:
            break
        last_day = _days_in_month(year, month0 + 1)
        for day in range(1, last_day + 2 - step, step):
            v = month_start + (day - 1) * DAY_S
            if lo_s <= v <= hi_s:
                out.append(v)
        index += 1
    return out[:MAX_TICKS]


def tick_values(unit: TickUnit, start_s: float, end_s: float) -> list[float]:
    """Tick positions (epoch seconds, UTC) of ``unit`` within [start_s, end_s]."""
    lo_s, hi_s = sorted((max(start_s, MIN_S), min(end_s, MAX_S)))
    if not (math.isfinite(lo_s) and math.isfinite(hi_s)):
        return []
    if unit.name in ("year", "month"):
        return _calendar_ticks(unit, to_datetime(lo_s), hi_s)
    if unit.name == "day":
        return _day_ticks(unit.step, lo_s, hi_s)
    step_s = unit.min_spacing_s
    first = math.ceil(lo_s / step_s)
    count = min(math.floor(hi_s / step_s) - first + 1, MAX_TICKS)
    return [(first + i) * step_s for i in range(max(0, count))]


def level_ticks(
    major: TickUnit, minor: TickUnit, start_s: float, end_s: float
) -> tuple[list[float], list[float]]:
    """(major ticks, minor ticks without those already at a major position)."""
    majors = tick_values(major, start_s, end_s)
    taken = set(majors)
    minors = [v for v in tick_values(minor, start_s, end_s) if v not in taken]
    return majors, minors


def context_label(start_s: float, end_s: float, minor: TickUnit) -> str:
    """Date context the ticks may not show: the day(s) below day zoom, the month(s) at day zoom,
    the year(s) at month zoom; nothing when ticks are years."""
    if not (math.isfinite(start_s) and math.isfinite(end_s)):
        return ""
    a, b = to_datetime(min(start_s, end_s)), to_datetime(max(start_s, end_s))
    if minor.name in ("minute", "hour"):
        first = f"{a.day} {MONTHS[a.month - 1]} {a.year}"
        last = f"{b.day} {MONTHS[b.month - 1]} {b.year}"
        return first if first == last else f"{first} – {last}"
    if minor.name == "day":
        first, last = f"{MONTHS[a.month - 1]} {a.year}", f"{MONTHS[b.month - 1]} {b.year}"
        return first if first == last else f"{first} – {last}"
    if minor.name == "month":
        return str(a.year) if a.year == b.year else f"{a.year} – {b.year}"
    return ""


def place_labels(
    extents: Sequence[tuple[float, float]],
    priorities: Sequence[float] | None = None,
    gap: float = 4.0,
) -> list[int]:
    """Indices of labels to show so that no two kept extents come closer than ``gap``.

    Greedy interval packing: labels are taken by descending priority (ties: left first) and
    kept when they do not overlap any label kept before. Returns kept indices, sorted.
    """
    n = len(extents)
    prio = priorities if priorities is not None else [0.0] * n
    order = sorted(range(n), key=lambda i: (-prio[i], extents[i][0], i))
    starts: list[float] = []  # kept intervals, sorted by start
    ends: list[float] = []
    kept: list[int] = []
    widest = 0.0
    for i in order:
        lo, hi = sorted(extents[i])
        pos = bisect.bisect_left(starts, lo - widest - gap)
        clash = False
        while pos < len(starts) and starts[pos] < hi + gap:
            if lo < ends[pos] + gap:
                clash = True
                break
            pos += 1
        if clash:
            continue
        pos = bisect.bisect_right(starts, lo)
        starts.insert(pos, lo)
        ends.insert(pos, hi)
        kept.append(i)
        widest = max(widest, hi - lo)
    return sorted(kept)
