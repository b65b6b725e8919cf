"""What the source view shows: an article's text and the spans to highlight, mark and tint.

Pure functions, no Qt. For a huge article only a window of ±64 KB around the evidence is shown;
every span is given in the coordinates of the shown text (``offset`` maps back to the article).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

WINDOW = 64 * 1024

EVIDENCE = "evidence"  # the selected event's evidence in this article
ALT = "alt"  # other passages reporting the selected event
TIME = "time"  # the selected event's time expression
TINT = "tint"  # evidence of the article's other events (click to select)


@dataclass(frozen=True)
class Span:
    start: int  # in shown-text coordinates
    end: int
    role: str
    event_id: int


@dataclass(frozen=True)
class SourceLayout:
    document_id: str
    text: str  # the shown text (the whole article, or a window of it)
    offset: int  # article offset of text[0]
    spans: tuple[Span, ...]
    focus: int | None  # where to scroll to (shown-text coordinates)
    header: str = ""  # names the article (plain text)

    def event_at(self, position: int) -> int | None:
        """The event whose evidence or tint covers ``position`` (shown-text coordinates)."""
        best: Span | None = None
        for span in self.spans:
            if span.role == TIME or not span.start <= position < span.end:
                continue
            if best is None or span.end - span.start < best.end - best.start:
                best = span  # the innermost passage wins
        return best.event_id if best is not None else None

    def spans_with_role(self, role: str) -> list[Span]:
        return [span for span in self.spans if span.role == role]


def layout_source(
    document_id: str,
    text: str,
    mentions: Iterable[Any],
    selected_event_id: int | None,
    *,
    window: int = WINDOW,
    header: str = "",
) -> SourceLayout:
    """Spans of one article for the selected event (``mentions`` are that article's)."""
    mentions = list(mentions)
    selected = [m for m in mentions if m.event_id == selected_event_id]
    centre = selected[0].start if selected else 0
    lo, hi = _window(len(text), centre, window)
    spans: list[Span] = []
    for mention in mentions:
        spans.extend(_spans_of(mention, mention.event_id == selected_event_id))
    shown = tuple(_clip(span, lo, hi) for span in spans if span.end > lo and span.start < hi)
    focus = selected[0].start - lo if selected and lo <= selected[0].start < hi else None
    ordered = tuple(sorted(shown, key=lambda s: (_ROLE_ORDER[s.role], s.start)))
    if (lo, hi) != (0, len(text)):
        header += f" (characters {lo:,}–{hi:,} of {len(text):,})"
    return SourceLayout(document_id, text[lo:hi], lo, ordered, focus, header.strip())


_ROLE_ORDER = {TINT: 0, ALT: 1, EVIDENCE: 2, TIME: 3}  # later roles are drawn on top


def _spans_of(mention: Any, is_selected: bool) -> list[Span]:
    event_id = int(mention.event_id)
    if not is_selected:
        return [Span(mention.start, mention.end, TINT, event_id)]
    spans = [Span(mention.start, mention.end, EVIDENCE, event_id)]
    for alt in getattr(mention, "alt_spans", ()) or ():
        if len(alt) == 2 and alt[0] < alt[1]:
            spans.append(Span(int(alt[0]), int(alt[1]), ALT, event_id))
    t0, t1 = mention.time_start, mention.time_end
    if t0 is not None and t1 is not None and t0 < t1:
        spans.append(Span(t0, t1, TIME, event_id))
    return spans


def _window(length: int, centre: int, window: int) -> tuple[int, int]:
    if length <= 2 * window:
        return 0, length
    lo = max(0, min(centre - window, length - 2 * window))
    return lo, min(length, lo + 2 * window)


def _clip(span: Span, lo: int, hi: int) -> Span:
    return Span(max(span.start, lo) - lo, min(span.end, hi) - lo, span.role, span.event_id)
