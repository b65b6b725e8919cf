"""A second clause of a sentence whose first clause is already an event: each clause with its own
action verb and its own time is its own event.

"Acme reported a 31% rise in revenue last week and has said it plans to open a plant in early
2026" (a coordinated predicate: its subject is the first clause's), "…, its first profitable
quarter since it went public in 2020", "The sign came on Friday, when Acme agreed a deal with
Beta" (a subordinate clause with its own subject). The pipeline reads the second clause as a
sentence of its own; a coordinated predicate is read with its subject spelled out as "It" (the
first clause's organisation).
"""

from __future__ import annotations

import re

from desktop.extract.generic_gate import time_hint
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention
from desktop.extract.sentences import Span

# "and" before a predicate of the same subject (an auxiliary, a reporting or plan verb)
_AND_PREDICATE = re.compile(
    r"(?:,\s*|\s)(?P<joint>and)\s+(?=(?:(?:also|later|then|has|have|had|will|would|plans|aims"
    r"|intends|expects|is|are|was|were|said|says|announced)\b))"
)
# a subordinate clause with a subject of its own
_SUBORDINATE = re.compile(r"(?:,\s*|\s)(?:since|when|after|before|while|as)\s+(?=[A-Za-z])")
_IT = "It "  # the subject a coordinated predicate is read with (same length as "and")


def second_clause(
    lex: Lexicon, sentence: Span, found: list[Mention]
) -> tuple[Span, str, int] | None:
    """The second clause to read on its own after the one event that covers the whole sentence
    (a coordinated predicate rewritten as "It …"), the organisation "it" stands for there (the
    first event's), and where the first event's time starts (-1: none): a second event must
    have a later time of its own."""
    cover = [m for m in found if sentence.end <= m.end]  # to the end: it reads no second clause
    if len(found) != 1 or len(cover) != 1 or not cover[0].trigger:
        return None
    main, text = cover[0], sentence.text
    at = text.find(main.trigger)
    if at < 0 or not time_hint(text[at:], text[at:].lower()):
        return None  # no time after the first event's verb: no dated second clause
    at += len(main.trigger)
    taken = main.time.start if main.time is not None else -1
    joint = _AND_PREDICATE.search(text, at)
    if joint is not None:
        a = joint.start("joint")
        tail = _IT + text[joint.end("joint") :]
        return Span(sentence.start + a, sentence.end, tail), main.actor, taken
    sub = _SUBORDINATE.search(text, at)
    if sub is None:
        return None
    return Span(sentence.start + sub.end(), sentence.end, text[sub.end() :]), main.actor, taken


def dated_second(found: list[Mention], taken: int) -> list[Mention]:
    """The second clause's events when one of them has a time of its own after ``taken`` (an
    announcement of that dated plan stays with it)."""
    dated = [m for m in found if m.time is not None and m.time.start > taken]
    return [m for m in found if m.time is None or m.time.start > taken] if dated else []
