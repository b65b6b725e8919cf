"""One document → its events: sentences, clause analysis, continuations, one row per event."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from desktop.extract.actions import default_actions
from desktop.extract.actors import (
    DocState,
    first_actor_org,
    learn_organisations,
    learn_people,
    org_mentions,
)
from desktop.extract.consolidate import consolidate, to_event
from desktop.extract.events import Mention, analyse_clause, times_in
from desktop.extract.generic_clause import generic_events
from desktop.extract.generic_relative import object_relative_events
from desktop.extract.generic_report import announced_plans
from desktop.extract.generic_second import dated_second, second_clause
from desktop.extract.generic_verbs import announced_kind, supply_kind
from desktop.extract.lexicon import Lexicon
from desktop.extract.orgnames import canonical
from desktop.extract.participials import participial_events
from desktop.extract.relatives import relative_events
from desktop.extract.sentences import Span, split_clauses, split_sentences
from desktop.extract.timex import refine
from desktop.extract.triggers import cue_at, find_trigger
from desktop.extract.types import ExtractedEvent, TimeExpression

# When a continuation sentence adds to an event, the stronger kind wins.
_KIND_STRENGTH = ("open_source", "funding", "partnership", "release", "announcement", "statement")


_HEADLINE_LINES = 3  # a title is among the first lines and has no sentence-final punctuation
_COMPANY_OPENING = re.compile(
    r"(?:The|the)\s+(?:company|firm|start-?up|startup|group|lab|business)\s+(?!(?:that|which|who)\b)"
)
_OPENING_NAME = re.compile(r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}(?=[\s,])")
_SPEECH = re.compile(r"\b(?:said|says|added|told|wrote|noted|explained)\b")
_HEADING_WORDS = 14
_LIST_MARK = re.compile(r"[ \t]*(?:(?:\d{1,2}|[A-Za-z])[.)][ \t]+|[-*•][ \t]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _is_heading(text: str, sent: Span, index: int) -> bool:
    """A title among the first lines, or a short subheading line further down (neither ends
    like a sentence): its events count only when the body reports them."""
    if _SENTENCE_END.search(sent.text):
        return False
    if index < _HEADLINE_LINES:
        return True
    line_start = text.rfind("\n", 0, sent.start) + 1
    opens_line = _LIST_MARK.fullmatch(text, line_start, sent.start) is not None  # "2. " too
    whole_line = opens_line and text[sent.end : sent.end + 1] in ("", "\n")
    return whole_line and len(sent.text.split()) <= _HEADING_WORDS and sent.text[:1].isupper()


def _revive_main(text: str, state: DocState, index: int, notes: Counter[str]) -> None:
    """ "The company will hold a hackathon in July" long after the company was last named: with
    no organisation in reach, "the company" opening a sentence is the article's main one (the
    one most often salient so far)."""
    if notes and not state.antecedent(index) and _COMPANY_OPENING.match(text):
        state.note(notes.most_common(1)[0][0], index - 1)


def _opening_org(text: str, state: DocState) -> str:
    """An organisation the document introduced that opens the sentence ("Pony.ai says its
    system costs less", "Acme says …" after "Acme Robotics"): the subject, even when the
    sentence reports no event."""
    m = _OPENING_NAME.match(text)
    if m is None or not state.local_orgs:
        return ""
    first = m.group(0).split()[0]
    if not any(org.startswith(first) for org in state.local_orgs):
        return ""  # cheap test before the ordered search
    name = canonical(m.group(0), state.local_orgs)
    return name if name in state.local_orgs else ""


def _speaker_org(text: str, state: DocState) -> str:
    """The organisation of a known leader quoted in the sentence ('"…," Krishnan said'): the
    article is still about it, so "the company" in the next sentences still means it."""
    if not state.leaders or not _SPEECH.search(text):
        return ""
    named = [(text.rfind(n), org) for n, org in state.leaders.items() if _named(text, n)]
    return max(named)[1] if named else ""


def _named(text: str, name: str) -> bool:
    at = text.find(name)
    return at >= 0 and not text[at + len(name) : at + len(name) + 1].isalnum()


def _stronger(a: str, b: str) -> str:
    rank = {k: i for i, k in enumerate(_KIND_STRENGTH)}
    return a if rank.get(a, 99) <= rank.get(b, 99) else b


def _continues_nominally(
    lex: Lexicon, sent: Span, prev: Mention, published: dt.date | None
) -> bool:
    """ "It is expected that this debut will take place at the end of June." refines the previous
    sentence's event instead of being a new one."""
    nominal = cue_at(lex, "continuation.nominal", sent.text)
    if nominal < 0:
        return False
    if any(kind in ("company", "lab") for *_x, kind in org_mentions(lex, sent.text)):
        return False
    own = find_trigger(lex, sent.text)
    if own is not None and own.needs == "antecedent":
        return False  # "The deal is expected to close in the third quarter": its own event
    if own is not None and own.start < nominal:
        return False  # "Altman said ... that the launch was delayed": a sentence of its own
    planned = prev.status == "planned" or bool(lex.rx["status.planned"].search(sent.text))
    times = [
        t for t in times_in(sent.text, sent.start, published, planned) if t.interval.is_resolved
    ]
    if prev.status == "happened" and any(_after(t, published) for t in times):
        return False  # "The launch, first planned for March, is now expected later this year"
    if times:
        inner = times[0]
        narrowed = refine(prev.time, inner) if prev.time is not None else inner
        prev.time = narrowed or prev.time
    prev.end = sent.end
    return True


def _after(time: TimeExpression, published: dt.date | None) -> bool:
    """The expression's interval ends after the publication date (a plan's time)."""
    end = time.interval.end
    return published is not None and end is not None and end > published


def _absorb(lex: Lexicon, sent: Span, prev: Mention, found: list[Mention]) -> bool:
    """ "In this case, the company released …" elaborates the previous sentence's event."""
    if not found or not lex.rx["continuation.connective"].match(sent.text):
        return False
    first = found[0]
    if len(found) > 1 or first.actor != prev.actor or first.time is not None:
        return False
    prev.end = sent.end
    prev.kind = _stronger(prev.kind, first.kind)
    prev.subject = prev.subject or first.subject
    return True


def _sentence_mentions(
    lex: Lexicon,
    sent: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    second: bool = True,
) -> list[Mention]:
    found: list[Mention] = []
    for clause in split_clauses(sent):
        found.extend(analyse_clause(lex, clause, sent, index, state, published))
        relative = relative_events(lex, clause, index, published, state)
        found.extend(relative)
        found.extend(
            m
            for m in participial_events(lex, clause, index, published, state)
            if not any(r.start < m.end and m.start < r.end for r in relative)
        )
        found.extend(object_relative_events(lex, clause, index, published, state, found, sent))
    found.extend(generic_events(lex, sent, index, state, published, found))
    found.extend(_second_clause(lex, sent, index, state, published, found) if second else [])
    said = announced_plans(lex, sent, found, state, published) if found else None
    found.extend([said] if said is not None else [])  # "Kim said Hanbit aims to …"
    _refine_kinds(sent, found)
    return found


def _second_clause(
    lex: Lexicon,
    sent: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    found: list[Mention],
) -> list[Mention]:
    """ "Acme reported X last week and has said it plans to … in 2026": the second clause read
    as a sentence of its own (its "It" is the first clause's organisation)."""
    second = second_clause(lex, sent, found) if len(found) == 1 else None
    if second is None:
        return []
    clause, actor, taken = second
    saved = (state.salient, state.salient_at)
    if actor:
        state.note(actor, index)
    try:
        out = dated_second(_sentence_mentions(lex, clause, index, state, published, False), taken)
    finally:
        state.salient, state.salient_at = saved
    if out:  # the first event's evidence ends where the second clause starts
        head = sent.text[: clause.start - sent.start].rstrip(" ,")
        found[0].end = min(found[0].end, sent.start + len(head))
    return out


def _refine_kinds(sent: Span, found: list[Mention]) -> None:
    """Kinds the object of the verb decides: "began mass shipments of X" (release), "announced
    the round" (funding), "announced on Monday a partnership" (partnership)."""
    if not found:
        return
    actions, low = default_actions(), sent.text.lower()
    for m in found:
        lo, hi = m.start - sent.start, m.end - sent.start
        if m.kind == "other":
            m.kind = supply_kind(actions, low, lo, hi) or "other"
        elif m.kind == "announcement" and m.status == "happened" and m.trigger:
            at = low.find(m.trigger.lower(), max(lo, 0), hi)
            kind = announced_kind(actions, low, at + len(m.trigger)) if at >= 0 else ""
            m.kind = kind or m.kind


def extract_document(text: str, published: dt.date | None, lex: Lexicon) -> list[ExtractedEvent]:
    """Events of one document, one per real-world event, without event keys."""
    state = DocState()
    mentions: list[Mention] = []
    notes: Counter[str] = Counter()  # how often each organisation was the salient one
    for index, sent in enumerate(split_sentences(text)):
        if "\n" not in sent.text and lex.rx["furniture"].match(sent.text):
            continue
        orgs = org_mentions(lex, sent.text)
        learn_people(lex, sent.text, state, index, orgs)
        learn_organisations(lex, sent.text, state)
        prev = mentions[-1] if mentions and mentions[-1].sentence == index - 1 else None
        if prev is not None and _continues_nominally(lex, sent, prev, published):
            prev.sentence = index
            continue
        _revive_main(sent.text, state, index, notes)
        found = _sentence_mentions(lex, sent, index, state, published)
        if prev is not None and _absorb(lex, sent, prev, found):
            prev.sentence = index
            continue
        if _is_heading(text, sent, index):
            for m in found:
                m.headline = True
        mentions.extend(found)
        state.local_orgs.update(m.actor for m in found)
        state.local_orgs.update(o[2] for o in orgs if o[3] in ("company", "lab"))
        salient = found[-1].actor if found else first_actor_org(orgs, sent.text)
        salient = salient or _opening_org(sent.text, state) or _speaker_org(sent.text, state)
        if salient:
            state.note(salient, index)
            notes[salient] += 1
    return [to_event(lex, text, m, published) for m in consolidate(mentions, published)]
