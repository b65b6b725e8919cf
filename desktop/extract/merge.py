"""Deciding when two mentions report the same real-world event, and naming events.

Pure functions over anything with ``actor``, ``subject``, ``kind`` and ``interval`` attributes
(an ExtractedEvent, or a store row adapted to that shape); ``anchor`` and ``status`` attributes
are used when present.

Rules (same_event):
- the same actor (canonical names; "ManusAI (Monica)" equals "ManusAI") and the same kind;
- overlapping time. A day-precision interval anchored to the publication date means "on or
  before that day" (the article gives no date of its own), so it is widened to the span from
  1 January of that year to the day: compatible with anything earlier in the same year, never
  with a later date or another year. Unresolved intervals are compatible with anything. A
  reported or planned event also meets the happened one that starts within its interval or up
  to 120 days after it (talks reported in January, the deal signed in February);
- compatible subjects: they share a content word (plural "s" ignored), or one of them has no
  content word (empty or generic, "AI models"); when both name versions ("GPT-4" vs "GPT-5"),
  the version numbers must agree (amounts and dates are no versions: "$1.1 billion"); a
  release's or a round's subject that is only a verb form ("released", "put out") is generic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from desktop.extract.types import ExtractedEvent, TimeInterval

_GENERIC = frozenset(
    [
        "ai",
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "to",
        "in",
        "on",
        "with",
        "by",
        "its",
        "their",
        "new",
        "latest",
        "model",
        "models",
        "version",
        "series",
        "system",
        "systems",
        "artificial",
        "intelligence",
        "machine",
        "large",
        "language",
        "product",
        "products",
        "tool",
        "tools",
        "some",
        "several",
        "these",
        "this",
        "that",
        "first",
        "additional",
        "it",
        "we",
        "they",
    ]
)
_FULFILMENT_DAYS = 120  # a reported or planned event may take place this long after its report
_SUFFIXES = ("ations", "ation", "ating", "ated", "ates", "ate", "ings", "ing", "ed", "es", "s")
# numbers that are amounts or dates, not versions: "$1.1 billion", "₹10,372 crore", "10 June 2025"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NOT_VERSION = re.compile(
    r"(?:[$€£¥₹]\s?|\b(?:us|rs|usd|eur)\s?)?\d[\d,.]*\s*(?:million|billion|trillion|bn|mn|m|k"
    r"|crore|lakh|yen|won|yuan|euros?|dollars?|reais|rupees?)\b"
    r"|[$€£¥₹]\s?\d[\d,.]*"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b|\b{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b"
    r"|\b(?:19|20)\d\d\b",
    re.I,
)
_THING_KINDS = frozenset({"release", "open_source", "funding", "partnership"})
_VERB_ONLY = re.compile(r"^\s*(?:[a-z]{3,}ed|[a-z]{2,}\s+(?:out|up|off|down|back|over))\s*$")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")


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


def _span(facts: EventFacts) -> tuple[dt.date, dt.date] | None:
    iv = facts.interval
    if not iv.is_resolved or iv.start is None or iv.end is None:
        return None
    if getattr(facts, "anchor", "") == "publication" and iv.precision == "day":
        return dt.date(iv.start.year, 1, 1), iv.end
    return iv.start, iv.end


def compatible_times(a: EventFacts, b: EventFacts) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _stem(word: str) -> str:
    """A crude English stem so "videos"/"video" and "generate"/"generation" meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_words(text: str) -> set[str]:
    return {
        _stem(w)
        for w in _TOKEN.findall(text.lower())
        if w not in _GENERIC and (len(w) > 1 or w.isdigit())
    }


def compatible_subjects(a: str, b: str, kind: str = "") -> bool:
    """Whether two subjects may name one thing; with a ``kind`` whose subject is a thing
    (a release, a round), a subject that is only a verb form ("released") names nothing."""
    a, b = _NOT_VERSION.sub(" ", a), _NOT_VERSION.sub(" ", b)  # "$210m", "10 June 2025"
    if kind in _THING_KINDS:
        a, b = _VERB_ONLY.sub("", a), _VERB_ONLY.sub("", b)
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return True
    va = {w for w in wa if any(c.isdigit() for c in w)}
    vb = {w for w in wb if any(c.isdigit() for c in w)}
    if va and vb and not va & vb:
        return False
    return bool(wa & wb)


def same_actor(a: str, b: str) -> bool:
    """Canonical actor names agree ("ManusAI (Monica)" and "ManusAI" do)."""
    return _slug(a.split("(")[0]) == _slug(b.split("(")[0])


def _announced_then_done(a: EventFacts, b: EventFacts) -> bool:
    """A reported or planned event (talks "according to people familiar", "will release in
    the summer") and the happened event that fulfils it up to _FULFILMENT_DAYS after its time:
    the same real-world event reported before and after it took place."""
    statuses = (getattr(a, "status", "happened"), getattr(b, "status", "happened"))
    if statuses.count("happened") != 1:
        return False
    early, done = (a, b) if statuses[1] == "happened" else (b, a)
    se, sd = _span(early), _span(done)
    if se is None or sd is None:
        return False
    return se[0] <= sd[0] <= se[1] + dt.timedelta(days=_FULFILMENT_DAYS)


def same_event(a: EventFacts, b: EventFacts) -> bool:
    """True when a and b plausibly report one real-world event."""
    if not same_actor(a.actor, b.actor) or a.kind != b.kind:
        return False
    if not (compatible_times(a, b) or _announced_then_done(a, b)):
        return False
    return compatible_subjects(a.subject, b.subject, a.kind)


def assign_keys(documents: Sequence[Sequence[ExtractedEvent]]) -> list[list[ExtractedEvent]]:
    """Give every event an ``event_key``; events of different documents that are the same
    real-world event share one. Keys are unique otherwise, and the key of an event is the slug
    of its first mention, so adding documents later never renames earlier keys."""
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
