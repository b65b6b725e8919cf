"""Time expressions: find them in a sentence and resolve them against a publication date.

Public API:
    find_time_expressions(text, published, tense="past", *, base=0) -> list[TimeExpression]
    refine(outer, inner) -> TimeExpression | None

Speed: a cheap trigger regex (digits, month/weekday names, "year", "summer", …) finds the few
places worth a look; the full combined regex (timex_patterns.TIMEX_FAST) is only tried at the
word starts just before each trigger (prepositions, determiners, modifiers). Patterns are
compiled once at import.

Decisions: "recently" and "soon" are not time expressions; durations ("for two years",
"three to six months", "a 10-year plan") never match; a bare year 1900–2100 matches unless it is
part of a number, an amount, a version or a count ("2000 employees"), so "2025 will be the year"
is a year expression and the caller decides whether it dates an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from desktop.extract import timex_calendar as cal
from desktop.extract import timex_explicit as ex
from desktop.extract import timex_periods as per
from desktop.extract import timex_relative as rel
from desktop.extract.timex_patterns import TIMEX_FAST, words
from desktop.extract.types import Tense, TimeExpression

__all__ = ["find_time_expressions", "refine"]

Handler = Callable[[re.Match, ex.Ctx], ex.Result | None]

_HANDLERS: dict[str, Handler] = {
    "range_md": ex.range_days,
    "range_dm": lambda m, c: ex.range_days(m, c, "range_dm"),
    "range_m": ex.range_months,
    "range_y": ex.range_years,
    "iso": ex.iso_date,
    "num": ex.numeric_date,
    "mdy": lambda m, c: ex.day_month(m, c, "mdy"),
    "dmy": lambda m, c: ex.day_month(m, c, "dmy"),
    "my": ex.month_year,
    "mod_month": per.mod_month,
    "mod_year": per.mod_year,
    "mod_rel": per.mod_relative,
    "year_end": per.year_end,
    "quarter": per.quarter,
    "quarter_w": per.quarter_words,
    "half": per.half,
    "half_w": per.half_words,
    "season": per.season,
    "ago": rel.ago,
    "hence": rel.hence,
    "coming": rel.coming,
    "day_word": rel.day_word,
    "weekday": rel.weekday,
    "weekend": rel.weekend,
    "rel": rel.relative_unit,
    "month": ex.bare_month,
    "year": ex.bare_year,
}

_KEYWORDS = words(
    "year|month|week|quarter|half|summer|spring|autumn|fall|winter|today|tonight|tomorrow"
    "|yesterday|days|morning|afternoon|evening|night",
    "|",
)
_NAMES = words(
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday"
    "|Saturday|Sunday|Q[1-4]|H[12]|FY",
    "|",
)
_TRIGGER_WORDS = [*_NAMES, *_KEYWORDS, *(w.capitalize() for w in _KEYWORDS)]
_FIRST_CHARS = "".join(sorted({w[0] for w in _TRIGGER_WORDS}))
# Case-sensitive on purpose: scanning with IGNORECASE is several times slower.
_TRIGGER = re.compile(rf"\b(?=[0-9{_FIRST_CHARS}])(?:\d|{'|'.join(_TRIGGER_WORDS)})")
# Words that may open an expression before its trigger word ("at the very end of", "later in
# the current", "a couple of", "no later than", "the first").
_LEAD_WORDS = frozenset(
    words(
        "in on during since by until till before after throughout from at as of early earlier no "
        "later late than not the very end beginning start middle close turn mid between this last "
        "next current coming past upcoming calendar fiscal fy a an couple few several one two "
        "three four five six seven eight nine ten eleven twelve first second third fourth final "
        "1st 2nd 3rd 4th latter back front day"
    )
)
_SEPARATORS = frozenset(" \t\n-\u00a0")
_MAX_LEAD = 6


def _lead_starts(text: str, lo: int, at: int) -> list[int]:
    """Start offsets of the lead words right before ``at``, leftmost first."""
    starts: list[int] = []
    k = at
    while len(starts) < _MAX_LEAD:
        j = k
        while j > lo and text[j - 1] in _SEPARATORS:
            j -= 1
        i = j
        while i > lo and text[i - 1].isalnum():
            i -= 1
        if j == k or i == j or text[i:j].lower() not in _LEAD_WORDS:
            break
        starts.append(i)
        k = i
    starts.reverse()
    return starts


def _matches(text: str, ctx: ex.Ctx) -> Iterator[tuple[re.Match, ex.Result]]:
    """Accepted matches in text order, non-overlapping, leftmost-longest at each trigger."""
    pos = 0
    for trigger in _TRIGGER.finditer(text):
        at = trigger.start()
        if at < pos:
            continue
        for start in [*_lead_starts(text, pos, at), at]:
            m = TIMEX_FAST.match(text, start)
            if m is None or m.end() <= at:
                continue
            result = _HANDLERS[m.lastgroup or ""](m, ctx)
            if result is not None:
                yield m, result
                pos = m.end()
                break


def find_time_expressions(
    text: str, published: dt.date | None, tense: Tense = "past", *, base: int = 0
) -> list[TimeExpression]:
    """Time expressions in ``text`` resolved against ``published``, in text order.

    Offsets are ``base`` + offsets in ``text``; ``tense`` ("past" | "present" | "future")
    decides which occurrence an expression without a year names.
    """
    ctx = ex.Ctx(text, published, tense)
    found: list[TimeExpression] = []
    for m, (interval, anchor, resolution) in _matches(text, ctx):
        if _RECURRING.search(text, max(0, m.start() - 16), m.start()):
            continue  # "published every Friday": a recurrence names no date
        found.append(
            TimeExpression(
                base + m.start(), base + m.end(), m.group(0), interval, anchor, resolution
            )
        )
    return found


_RECURRING = re.compile(r"\b(?:every|each)\s+(?:other\s+|single\s+)?$", re.IGNORECASE)
_RANK = {"day": 0, "month": 1, "quarter": 2, "season": 2, "half": 3, "year": 4}
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|'\d\d\b")


def refine(outer: TimeExpression, inner: TimeExpression) -> TimeExpression | None:
    """The narrower expression when ``inner`` is more specific and falls inside ``outer``.

    "in the summer … at the end of June" → June; "in 2024 … in March" → March 2024 (an inner
    expression without a year of its own is moved into the outer period). Keeps the inner's
    span and text; the resolution mentions both. None when they do not nest.
    """
    a, b = outer.interval, inner.interval
    if not (a.is_resolved and b.is_resolved) or a.end is None or b.end is None:
        return None
    if _RANK.get(b.precision, 9) >= _RANK.get(a.precision, 9):
        return None
    span: cal.Span | None = (b.start, b.end)  # type: ignore[assignment]
    if not _inside(span, a) and not _HAS_YEAR.search(inner.text):
        span = next(
            (s for k in (-2, -1, 1, 2) if (s := cal.shift_years((b.start, b.end), k))  # type: ignore[arg-type]
             and _inside(s, a)),
            None,
        )  # fmt: skip
    if span is None or not _inside(span, a):
        return None
    interval = cal.interval(span, b.precision)
    anchor = "relative" if "relative" in (outer.anchor, inner.anchor) else inner.anchor
    resolution = f"{outer.text}, then {inner.text} -> {cal.format_interval(interval)}"
    return TimeExpression(inner.start, inner.end, inner.text, interval, anchor, resolution)


def _inside(span: cal.Span | None, outer: object) -> bool:
    start, end = getattr(outer, "start", None), getattr(outer, "end", None)
    return span is not None and start is not None and start <= span[0] and span[1] <= end
