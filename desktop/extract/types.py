"""Plain value types produced by extraction (no Qt, no SQL, no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "quarter", "season", "half", "year", "unknown"]
Status = Literal["happened", "planned", "reported"]
Kind = Literal[
    "release", "open_source", "announcement", "funding", "statement", "partnership", "other"
]
Anchor = Literal["explicit", "relative", "publication"]
Tense = Literal["past", "present", "future"]

PRECISIONS: tuple[str, ...] = ("day", "month", "quarter", "season", "half", "year", "unknown")
STATUSES: tuple[str, ...] = ("happened", "planned", "reported")
KINDS: tuple[str, ...] = (
    "release",
    "open_source",
    "announcement",
    "funding",
    "statement",
    "partnership",
    "other",
)
ANCHORS: tuple[str, ...] = ("explicit", "relative", "publication")


@dataclass(frozen=True)
class TimeInterval:
    """A calendar interval [start, end] (inclusive) known to a precision.

    ``start``/``end`` are None only when precision is "unknown".
    """

    start: dt.date | None
    end: dt.date | None
    precision: str

    @classmethod
    def unknown(cls) -> TimeInterval:
        return cls(None, None, "unknown")

    @property
    def is_resolved(self) -> bool:
        return self.start is not None and self.precision != "unknown"

    def date_str(self) -> str | None:
        """The exchange format's ``date``: start written at its precision."""
        if self.start is None or self.precision == "unknown":
            return None
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "year":
            return f"{self.start.year:04d}"
        return f"{self.start.year:04d}-{self.start.month:02d}"

    def date_end_str(self) -> str | None:
        """The exchange format's optional ``date_end``.

        Quarter, season and half write their last month; a run of days at day precision writes
        its last day; month and year precision (and single days) have none.
        """
        if self.start is None or self.end is None:
            return None
        if self.precision in ("quarter", "season", "half"):
            return f"{self.end.year:04d}-{self.end.month:02d}"
        if self.precision == "day" and self.end != self.start:
            return self.end.isoformat()
        return None


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text, resolved (or not) against a publication date."""

    start: int  # character offsets into the text that was searched
    end: int
    text: str
    interval: TimeInterval
    anchor: str  # explicit | relative
    resolution: str  # human-readable chain, e.g. "last month (relative to 2025-03-25) -> 2025-02"


@dataclass(frozen=True)
class ExtractedEvent:
    """One event mention found in one document. Offsets index the document's stored text."""

    start: int  # evidence span
    end: int
    evidence: str
    interval: TimeInterval
    anchor: str
    resolution: str
    status: str
    kind: str
    actor: str
    subject: str
    title: str
    summary: str = ""
    confidence: float = 0.5
    time_start: int | None = None  # span of the time expression, if any
    time_end: int | None = None
    alt_spans: tuple[tuple[int, int], ...] = ()
    event_key: str = ""  # filled by merge.assign_keys / the store
    extra: dict = field(default_factory=dict, compare=False, hash=False)
