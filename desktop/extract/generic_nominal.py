"""Nominal events with a reduced relative: a deal noun followed by the past participle that
concludes it and its own time ("a $400 million deal with an insurer signed in August", "a
complaint filed in June by a group of cloud providers"). The actor is the participle's named
agent, else the organisation in reach. Runs only on sentences where no rule found an event.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actors import Actor, DocState
from desktop.extract.generic_subject import passive_agent
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit

_REACH = 8  # sentences
_PARTICIPLES = frozenset(
    ("signed", "struck", "agreed", "reached", "filed", "completed", "closed", "sealed")
)
_KINDS = {
    "deal": "partnership",
    "agreement": "partnership",
    "contract": "partnership",
    "partnership": "partnership",
    "loan": "funding",
    "investment": "funding",
}
_NOMINAL = re.compile(
    r"\b(?P<noun>deal|agreement|contract|partnership|settlement|complaint|lawsuit|loan"
    r"|investment|acquisition|merger|takeover)s?\b(?:\s+(?:with|between|for|from|to|of|worth"
    r"|against)\s+[^,;.]{0,60}?)?\s+(?P<verb>signed|struck|agreed|reached|filed|completed"
    r"|closed|sealed)\s+(?=(?:in|on|last|earlier|this)\b)"
)


def nominal_events(
    lex: Lexicon,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> list[Mention]:
    """The sentence's nominal event with a dated reduced relative, if any."""
    if _PARTICIPLES.isdisjoint(sentence.text.split()):
        return []  # a cheap test first
    text = sentence.text
    m = _NOMINAL.search(text)
    if m is None:
        return []
    times = clause_times(lex, text, sentence.start, published, None)
    at = sentence.start + m.end("verb")
    time = nearest_time(times, at, at + 40, at)
    if time is None:
        return []
    after = time.end - sentence.start
    actor = passive_agent(lex, text, after)
    if actor is None and not text.startswith(" by ", after):  # an unnamed agent: unknown
        actor = _in_reach(state, index)
    if actor is None:
        return []
    kind = _KINDS.get(m.group("noun"), "other")
    hit = Hit(kind, "action", "", m.start("verb"), m.end("verb"), m.group("verb"))
    mention = make_mention(lex, sentence, index, hit, len(text), actor, time)
    mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
    return [mention]


def _in_reach(state: DocState, index: int) -> Actor | None:
    """The organisation the article last spoke of, a few sentences back at most (a deal noun
    reaches further back than a pronoun)."""
    if state.salient and index - state.salient_at <= _REACH:
        return Actor(state.salient, "anaphor")
    return None
