"""Deciding when two mentions report the same real-world event, and naming events.

Pure functions over anything with ``actor``, ``subject``, ``kind`` and ``interval`` attributes
(an ExtractedEvent, or a store row adapted to that shape); ``anchor`` and ``status`` attributes
are used when present.

Rules (link_score; same_event is link_score > 0):
- linked actors (links.actors_linked): the words of one name, without legal or generic tails
  ("Inc", "AI", "Labs") and the parenthesised part, begin the other's ("Samsung" and "Samsung
  Electronics", "Tupã" and "Tupã AI"); a partnership reported from either side has the same
  parties (links.same_parties);
- compatible kinds: equal, kindred (a release and an open-sourcing), or an announcement or
  "other" occurrence and an event of any kind when both subjects share a name;
- compatible time. A day-precision interval anchored to the publication date means "on or
  before that day" (the article gives no date of its own), so it is widened to the span from
  1 January of that year to the day: compatible with anything earlier in the same year, never
  with a later date or another year. Unresolved intervals are compatible with anything. A
  reported or planned event also meets the happened one that starts within its interval or up
  to _FULFILMENT_DAYS after it (talks reported in June, the round closed in December); two
  reports of one rumour meet up to _REPORT_DAYS apart. Day
  dates up to _SLACK_DAYS apart meet when the subjects share a name;
- compatible subjects (links.subject_agreement): they share a content word, or one of them
  names nothing in particular (generic nouns, time words: "the deal", "by December"); version
  numbers ("GPT-4" vs "GPT-5") and amounts ("$42 million" vs "$10 million") must agree.
The best-agreeing mention wins: equal kinds and shared names score higher.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from desktop.extract.links import (
    actor_tokens,
    actors_linked,
    amounts_clash,
    compatible_subjects,
    parties,
    same_parties,
    subject_agreement,
)
from desktop.extract.types import KINDS, ExtractedEvent, TimeInterval

__all__ = ["assign_keys", "compatible_subjects", "compatible_times", "make_key", "same_event"]

_FULFILMENT_DAYS = 183  # a reported or planned event may take place this long after its report
_REPORT_DAYS = 31  # two reports of one rumour, each dated by its own article
_SLACK_DAYS = 3  # day dates of one event in two articles ("Tuesday" resolved differently)
_KINDRED = frozenset({frozenset({"release", "open_source"})})  # "launched" vs "open-sourced"
_ANY_KIND = frozenset({"announcement", "other"})  # may report an event of any kind
_KEY_SUBJECT = 40  # characters of the subject in a key, cut on a word boundary


class EventFacts(Protocol):
    actor: str
    subject: str
    kind: str
    interval: TimeInterval


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")


def make_key(facts: EventFacts) -> str:
    """A readable, stable slug for a new event: actor-subject-kind, the subject cut after
    its last whole word within _KEY_SUBJECT characters (a longer first word is cut)."""
    subject = _slug(facts.subject)
    if len(subject) > _KEY_SUBJECT:
        cut = subject.rfind("-", 0, _KEY_SUBJECT + 1)
        subject = subject[: cut if cut > 0 else _KEY_SUBJECT].strip("-.")
    parts = [_slug(facts.actor.split("(")[0]), subject, facts.kind]
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


def same_actor(a: str, b: str) -> bool:
    """Canonical actor names agree ("ManusAI (Monica)" and "ManusAI" do)."""
    return _slug(a.split("(")[0]) == _slug(b.split("(")[0])


def _kinds_linked(a: str, b: str, agreement: int) -> bool:
    """Equal or kindred kinds; an announcement (or an "other" occurrence) and an event of
    another kind when both name the same thing ("announced plans for Kite 2" and the
    planned open-sourcing of Kite 2)."""
    if a == b or frozenset((a, b)) in _KINDRED:
        return True
    return agreement == 2 and bool({a, b} & _ANY_KIND)


def link_candidate_kinds(kind: str) -> frozenset[str]:
    """The kinds an event of ``kind`` may be linked to (for an indexed candidate search)."""
    if kind in _ANY_KIND:
        return frozenset(KINDS)
    return frozenset({kind, *_ANY_KIND}).union(*(k for k in _KINDRED if kind in k))


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


def _reports_meet(a: EventFacts, b: EventFacts) -> bool:
    """Two reports of one rumour ("in talks", "exploring a sale", people familiar with the
    matter) dated by when each article heard of it, up to _REPORT_DAYS apart."""
    if getattr(a, "status", "") != "reported" or getattr(b, "status", "") != "reported":
        return False
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    gap = dt.timedelta(days=_REPORT_DAYS)
    return sa[0] - gap <= sb[1] and sb[0] - gap <= sa[1]


def _near_days(a: EventFacts, b: EventFacts) -> bool:
    """Two day-precision dates at most _SLACK_DAYS apart: articles resolve "Tuesday" or
    "last week" a day or two differently."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or not a.interval.precision == b.interval.precision == "day":
        return False
    slack = dt.timedelta(days=_SLACK_DAYS)
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def link_score(a: EventFacts, b: EventFacts) -> int:
    """How well ``a`` and ``b`` agree as mentions of one real-world event: 0 (different
    events), 1 (nothing contradicts), 2 (they share a name), +1 when their kinds are equal.
    Rules: linked actors (links.actors_linked); compatible kinds (equal, a release and an
    open-sourcing, or an announcement and anything of the same named subject); compatible
    subjects (links.subject_agreement: versions and amounts agree); compatible times
    (overlap, a report or plan fulfilled later, or day dates a few days apart for a shared
    name)."""
    partners = a.kind == b.kind == "partnership" and same_parties(
        parties(a.actor, a.subject, a.kind), parties(b.actor, b.subject, b.kind)
    )
    if not _kinds_linked(a.kind, b.kind, 2) or not (partners or actors_linked(a.actor, b.actor)):
        return 0
    timely = compatible_times(a, b) or _announced_then_done(a, b) or _reports_meet(a, b)
    if not timely and not _near_days(a, b):  # the cheap tests first
        return 0
    agreement = subject_agreement(a.subject, b.subject, a.kind if a.kind == b.kind else "")
    if partners:  # the parties are what a partnership is about
        agreement = 2 if agreement or not amounts_clash(a.subject, b.subject) else 0
    if agreement == 0 or not _kinds_linked(a.kind, b.kind, agreement):
        return 0
    if not timely and agreement < 2:
        return 0
    return agreement + (a.kind == b.kind)


def same_event(a: EventFacts, b: EventFacts) -> bool:
    """True when a and b plausibly report one real-world event (link_score above 0)."""
    return link_score(a, b) > 0


class _Known:
    """The mentions keyed so far, found by the first word of each actor name (actors_linked
    names share it), so keying many documents does not compare every pair of events."""

    def __init__(self) -> None:
        self.mentions: list[tuple[str, ExtractedEvent]] = []
        self._by_root: dict[str, list[int]] = {}

    @staticmethod
    def _roots(ev: ExtractedEvent) -> set[str]:
        names = parties(ev.actor, ev.subject, ev.kind)
        return {words[0] for name in names if (words := actor_tokens(name))}

    def add(self, ev: ExtractedEvent) -> None:
        for root in self._roots(ev):
            self._by_root.setdefault(root, []).append(len(self.mentions))
        self.mentions.append((ev.event_key, ev))

    def candidates(self, ev: ExtractedEvent) -> list[int]:
        return sorted({n for r in self._roots(ev) for n in self._by_root.get(r, ())})


def _matches(events: Sequence[ExtractedEvent], known: _Known) -> dict[int, str]:
    """Which events of one document report an event already keyed: the best-agreeing pairs
    first (an open-sourcing takes the open-sourcing's key before a later release of the same
    model can), each event and each key used once."""
    scored = [
        (-score, i, n)
        for i, ev in enumerate(events)
        for n in known.candidates(ev)
        if (score := link_score(ev, known.mentions[n][1])) > 0
    ]
    found: dict[int, str] = {}
    taken: set[str] = set()
    for _, i, n in sorted(scored):
        key = known.mentions[n][0]
        if i not in found and key not in taken:
            found[i] = key
            taken.add(key)
    return found


def assign_keys(documents: Sequence[Sequence[ExtractedEvent]]) -> list[list[ExtractedEvent]]:
    """Give every event an ``event_key``; events of different documents that are the same
    real-world event share one. Keys are unique otherwise, and the key of an event is the slug
    of its first mention, so adding documents later never renames earlier keys."""
    known = _Known()
    used: set[str] = set()
    out: list[list[ExtractedEvent]] = []
    for n_doc, events in enumerate(documents):
        found = _matches(events, known) if n_doc else {}
        keyed: list[ExtractedEvent] = []
        for i, ev in enumerate(events):
            key = found.get(i)
            if key is None:
                base = make_key(ev)
                key, n = base, 2
                while key in used:
                    key, n = f"{base}-{n}", n + 1
                used.add(key)
            keyed.append(replace(ev, event_key=key))
        if n_doc < len(documents) - 1:  # the last document's events meet no later one
            for ev in keyed:
                known.add(ev)
        out.append(keyed)
    return out
