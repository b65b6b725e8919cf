"""Deciding when two mentions report the same real-world event, and naming events.

Pure functions over anything with ``actor``, ``subject``, ``kind`` and ``interval`` attributes
(an ExtractedEvent, or a store row adapted to that shape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from desktop.extract.types import ExtractedEvent, TimeInterval


class EventFacts(Protocol):
    actor: str
    subject: str
    kind: str
    interval: TimeInterval


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")


def make_key(facts: EventFacts) -> str:
    """A readable, stable slug for a new event: actor-subject-kind."""
    parts = [_slug(facts.actor.split("(")[0]), _slug(facts.subject)[:40].strip("-"), facts.kind]
    return "-".join(p for p in parts if p) or "event"


def _overlaps(a: TimeInterval, b: TimeInterval) -> bool:
    if not a.is_resolved or not b.is_resolved:
        return True
    return a.start <= b.end and b.start <= a.end  # type: ignore[operator]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9.]+", text.lower()) if len(w) > 1}


def same_event(a: EventFacts, b: EventFacts) -> bool:
    """True when a and b plausibly report one real-world event."""
    if _slug(a.actor) != _slug(b.actor) or a.kind != b.kind:
        return False
    if not _overlaps(a.interval, b.interval):
        return False
    wa, wb = _words(a.subject), _words(b.subject)
    return not wa or not wb or bool(wa & wb)


def assign_keys(documents: Sequence[Sequence[ExtractedEvent]]) -> list[list[ExtractedEvent]]:
    """Give every event an ``event_key``; events of different documents that are the same
    real-world event share one. Keys are unique otherwise."""
    from dataclasses import replace

    known: list[tuple[str, ExtractedEvent]] = []
    used: set[str] = set()
    out: list[list[ExtractedEvent]] = []
    for events in documents:
        keyed: list[ExtractedEvent] = []
        taken_here: set[str] = set()
        for ev in events:
            key = next(
                (k for k, other in known if k not in taken_here and same_event(ev, other)), None
            )
            if key is None:
                base = make_key(ev)
                key, n = base, 2
                while key in used:
                    key, n = f"{base}-{n}", n + 1
                used.add(key)
                known.append((key, ev))
            taken_here.add(key)
            keyed.append(replace(ev, event_key=key))
        out.append(keyed)
    return out
