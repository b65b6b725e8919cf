"""One row per document and real-world event, and the final ExtractedEvent values.

Two mentions in one document are the same event when merge.same_event says so and they are
either about overlapping subjects or at most two sentences apart. The most specific mention (a
time expression of its own, the finest precision) becomes the evidence; the others alt_spans.
"""

from __future__ import annotations

import datetime as dt

from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention
from desktop.extract.merge import compatible_subjects, compatible_times, same_actor
from desktop.extract.subjects import title_of
from desktop.extract.types import ExtractedEvent, TimeInterval

_PRECISION_RANK = {"day": 0, "month": 1, "quarter": 2, "season": 2, "half": 3, "year": 4}
_NEAR = 2


class _Facts:
    """The shape merge.same_event reads, for a Mention."""

    def __init__(self, m: Mention, published: dt.date | None) -> None:
        self.actor, self.kind, self.subject = m.actor, m.kind, m.subject
        self.interval = m.time.interval if m.time else _publication(published)
        self.anchor = m.time.anchor if m.time else "publication"


def _publication(published: dt.date | None) -> TimeInterval:
    if published is None:
        return TimeInterval.unknown()
    return TimeInterval(published, published, "day")


def _specificity(m: Mention) -> tuple[int, int, int]:
    if m.time is None:
        return (1, int(m.headline), 9)
    return (0, int(m.headline), _PRECISION_RANK.get(m.time.interval.precision, 9))


def _same(a: Mention, b: Mention, published: dt.date | None) -> bool:
    if (a.status == "planned") != (b.status == "planned"):
        return False
    if a.kind != b.kind or not same_actor(a.actor, b.actor):
        return False
    if not compatible_times(_Facts(a, published), _Facts(b, published)):
        return False
    near = a.kind == "statement" and abs(a.sentence - b.sentence) <= _NEAR
    near = near or a.sentence == b.sentence  # one sentence, one actor, one kind: one event
    near = near or a.headline or b.headline
    return near or compatible_subjects(a.subject, b.subject)


def consolidate(mentions: list[Mention], published: dt.date | None = None) -> list[Mention]:
    """Fold mentions of the same event into one (evidence = the most specific mention).

    Headline mentions are folded last, into the body event with the closest subject; the
    result keeps the order of the body text."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.headline):  # stable: body mentions first
        candidates = [k for k in kept if _same(k, m, published)]
        similar = [k for k in candidates if compatible_subjects(k.subject, m.subject)]
        twin = (similar or candidates or [None])[0]
        if twin is None:
            if not m.headline:  # a title the body does not report is not evidence enough
                kept.append(m)
            continue
        primary, other = (m, twin) if _specificity(m) < _specificity(twin) else (twin, m)
        primary.alt_spans = [*twin.alt_spans, *m.alt_spans, (other.start, other.end)]
        primary.confidence = max(primary.confidence, other.confidence)
        primary.subject = primary.subject or other.subject
        kept[kept.index(twin)] = primary
    return sorted(kept, key=lambda x: x.start)


def _resolution(m: Mention, published: dt.date | None) -> tuple[TimeInterval, str, str]:
    if m.time is not None:
        return m.time.interval, m.time.anchor, m.time.resolution
    if published is None:
        return TimeInterval.unknown(), "publication", "no time expression and no publication date"
    how = (
        "planned as of" if m.status == "planned" else "reported as already happened -> on or before"
    )
    return (
        _publication(published),
        "publication",
        f"no time expression; {how} publication {published}",
    )


def to_event(lex: Lexicon, text: str, m: Mention, published: dt.date | None) -> ExtractedEvent:
    interval, anchor, resolution = _resolution(m, published)
    if m.status == "reported" and "reported" not in resolution:
        resolution += "; status reported: attributed to media or unnamed sources"
    return ExtractedEvent(
        start=m.start,
        end=m.end,
        evidence=text[m.start : m.end],
        interval=interval,
        anchor=anchor,
        resolution=resolution,
        status=m.status,
        kind=m.kind,
        actor=m.actor,
        subject=m.subject,
        title=title_of(lex, m.actor, m.kind, m.status, m.subject, m.trigger),
        confidence=round(m.confidence, 2),
        time_start=m.time.start if m.time else None,
        time_end=m.time.end if m.time else None,
        alt_spans=tuple(sorted(set(m.alt_spans))),
    )
