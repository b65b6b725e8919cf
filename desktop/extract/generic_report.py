"""The announcement of a plan: "Okafor said Acme intends to open-source its data by the end of
the year" is two events, the plan (planned, its own time) and Acme's announcement of it
(happened, the report's time or the publication), when the speaker is the planning organisation
itself or one of its people. ``plan_announcement`` serves the general detector
(generic_clause.py); ``announced_plans`` backs up any rule's plan: a reporting verb before it
("Kim said Hanbit aims to …"), or a trailing attribution with its own time ("Acme will open a
plant next spring, its chief executive said on Friday"; without a time of its own such an
attribution only sources the plan).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from desktop.extract.actors import Actor, DocState
from desktop.extract.generic_subject import clause_actor
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, nearest_time
from desktop.extract.sentences import Span
from desktop.extract.types import TimeExpression

_SAID = re.compile(
    r"\b(?:said|says|has\s+said|have\s+said|told\s+(?:reporters|analysts|investors|\w+)"
    r"|announced|confirmed)\b(?:\s+(?:on\s+\w+day|last\s+week|this\s+week|yesterday))?"
    r"(?:\s*,)?\s*(?:that\s*)?$"
)
_BEFORE = 60  # characters before the plan's subject that may hold the reporting verb
_LEADING = re.compile(
    r"\b(?:said|says|has\s+said|told\s+(?:reporters|analysts|investors|a\s+[\w\s]{1,40}?"
    r"|\w+)|announced|confirmed)\b(?:[^,]{0,40}?(?:\s*,)?\s+that\b|\s+(?:on\s+\w+day\s+"
    r"|last\s+week\s+|this\s+week\s+|yesterday\s+)?(?=[A-Za-z]))"
)
_TRAILING = re.compile(
    r",\s+(?P<speaker>[^,;]{1,80}?)\s+(?P<verb>said|told|added|announced|confirmed|wrote)\b"
    r"(?P<rest>[^,;]{0,80}?)[.!]?[\"”’]?\s*$"
)
_OWN_SPEAKER = re.compile(r"^(?:it|they|the\s+(?:company|firm|group|start-?up|lab|bank)|its\s)")


def plan_announcement(
    lex: Lexicon,
    clause: Span,
    plan: Mention,
    subject_at: int,
    actor: Actor,
    state: DocState,
    published: dt.date | None,
) -> Mention | None:
    """The announcement of ``plan`` (a planned mention whose subject starts at ``subject_at``
    in the clause) when a reporting verb right before the subject has the plan's organisation,
    or one of its people, as speaker."""
    text = clause.text
    said = _SAID.search(text, max(0, subject_at - _BEFORE), subject_at)
    if said is None or said.start() == 0:
        return None
    speaker = clause_actor(lex, text, text[: said.start()], -1, -1, state, plan.sentence)
    if speaker is None or speaker.name != actor.name:
        return None
    times = clause_times(lex, text, clause.start, published, None)
    time = nearest_time(times, clause.start + said.start(), clause.start + said.end(), 0)
    return replace(
        plan,
        kind="announcement",
        status="happened",
        trigger=text[said.start() : said.end()].strip(),
        time=time,
        confidence=plan.confidence - 0.1,
    )


def announced_plans(
    lex: Lexicon,
    sentence: Span,
    found: list[Mention],
    state: DocState,
    published: dt.date | None,
) -> Mention | None:
    """The announcement of the sentence's first dated plan when no rule reported one: its
    speaker, named before it or in a dated trailing attribution, is the planning organisation or
    one of its people."""
    plans = [m for m in found if m.status == "planned" and m.time is not None]
    if not plans or any(m.kind in ("announcement", "statement") for m in found):
        return None
    plan, text = plans[0], sentence.text
    at = text.find(plan.trigger) if plan.trigger else -1
    said = _LEADING.search(text, 0, at) if at > 0 else None
    if said is not None and said.start() > 0:
        speaker = clause_actor(lex, text, text[: said.start()], -1, -1, state, plan.sentence)
        subject = clause_actor(lex, text, text[said.end() : at], -1, -1, state, plan.sentence)
        if subject is None or subject.how == "product" or subject.name != plan.actor:
            return None  # "Acme said Gemini 2.5 would launch in May": the plan's own report
        times = clause_times(lex, text, sentence.start, published, None)
        time = nearest_time(times, sentence.start + said.start(), sentence.start + said.end(), 0)
        return _announcement(plan, speaker, said.group(0), time)
    tail = _TRAILING.search(text, max(0, at))
    if tail is None:
        return None
    rest = sentence.start + tail.start("rest")
    times = clause_times(lex, text, sentence.start, published, None)
    time = nearest_time(times, rest, sentence.start + tail.end("rest"), rest)
    if time is None:
        return None  # "…, the company said.": the plan's source, no event of its own
    speaker = _trailing_speaker(lex, tail.group("speaker"), plan, state)
    return _announcement(plan, speaker, tail.group("verb"), time)


def _trailing_speaker(lex: Lexicon, region: str, plan: Mention, state: DocState) -> Actor | None:
    if _OWN_SPEAKER.match(region):
        return Actor(plan.actor, "anaphor")  # "its chief executive Jane Roe", "the company"
    return clause_actor(lex, region, region, -1, -1, state, plan.sentence)


def _announcement(
    plan: Mention, speaker: Actor | None, verb: str, time: TimeExpression | None
) -> Mention | None:
    if speaker is None or speaker.name != plan.actor:
        return None
    return replace(
        plan,
        kind="announcement",
        status="happened",
        trigger=verb.split()[0],
        time=time,
        confidence=plan.confidence - 0.1,
    )
