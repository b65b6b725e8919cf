"""Nominal events with their own time: a deal noun followed by the past participle that
concludes it ("a $400 million deal with an insurer signed in August", "a complaint filed in
June by a group of cloud providers"): the actor is the participle's named agent, else the
organisation in reach; or an organisation's possessive event noun ("Acme's agreement with
Beta, signed in May", "Acme's pledge in August of $5 million", "Acme's $9 million Series A, in
March"): the owner acts. The first runs only on sentences where no rule found an event, the
second wherever no event found covers the possessive.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actor_words import actor_words
from desktop.extract.actors import Actor, DocState, subject_actor
from desktop.extract.generic_subject import passive_agent
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.orgmentions import org_mentions
from desktop.extract.orgnames import canonical
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
    "round": "funding",
    "series": "funding",
    "pledge": "announcement",
    "launch": "release",
    "release": "release",
    "debut": "release",
    "rollout": "release",
    "roll-out": "release",
    "unveiling": "release",
}
_NOMINAL = re.compile(
    r"\b(?P<noun>deal|agreement|contract|partnership|settlement|complaint|lawsuit|loan"
    r"|investment|acquisition|merger|takeover)s?\b(?:\s+(?:with|between|for|from|to|of|worth"
    r"|against)\s+[^,;.]{0,60}?)?\s+(?P<verb>signed|struck|agreed|reached|filed|completed"
    r"|closed|sealed)\s+(?=(?:in|on|last|earlier|this)\b)"
)


_OWNED_NOUNS = frozenset(
    (
        "deal", "agreement", "contract", "partnership", "settlement", "pledge", "loan",
        "investment", "acquisition", "merger", "takeover", "round", "series", "rule", "ruling",
        "decision", "publication", "order", "deals", "agreements", "contracts", "orders",
        "launch", "release", "debut", "rollout", "roll-out", "unveiling", "opening", "listing",
        "ipo",
    )
)  # fmt: skip
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_TIME_START = (  # a time expression opens here (not "in Japan", "on the use of")
    r"in\s+(?:(?:early|mid|late)[- ]?)?(?:" + _MONTH + r"|\d{4}|the\s+(?:first|second|third"
    r"|fourth|last|end|spring|summer|autumn|fall|winter))|on\s+(?:\w+day|" + _MONTH + r"|\d)"
    r"|(?:(?:earlier|later)\s+this|last|earlier|this|next)\s+(?:week|month|year|quarter|spring"
    r"|summer|autumn|winter|\w+day|" + _MONTH + r")\b|(?:early|mid|late)[- ]\d{4}|yesterday|today"
)
_OWNED = re.compile(
    r"(?:(?P<owner>\b[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of))*?)['’]s|^(?P<its>Its|Their)"
    r"|\b(?P<pronoun>its|their)|^(?P<the>The)(?=\s+(?:launch|release|debut|roll-?out|unveiling"
    r"|opening|listing|IPO)\b))"
    r"\s+(?:[\w$.-]+\s+){0,3}?"
    r"(?P<noun>deal|agreement|contract|partnership|settlement|pledge|loan|investment|acquisition"
    r"|merger|takeover|round|[Ss]eries\s+[A-E]|rule|ruling|decision|publication|order|launch"
    r"|release|debut|roll-?out|unveiling|opening|listing|IPO)s?\b"
    r"(?:\s+(?:with|between|for|from|to|of|worth|against)"  # a short phrase, no clause in it
    r"(?:\s+(?!(?:that|which|who|and|but|is|are|was|were|has|have|had)\b)[\w$.&-]+){1,10}?)?"
    r",?\s+"
    r"(?:(?P<verb>signed|struck|agreed|reached|filed|completed|closed|sealed|published|issued"
    r"|adopted|announced|made|placed|awarded)\s+)?(?=" + _TIME_START + ")",
)
_THE = re.compile(r"The\s+(?:launch|release|debut|roll-?out|unveiling|opening|listing|IPO)\b")
_NAME_VERB = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+$")
_SUPPLY = ("contract", "order")  # "Acme's contract from the army": a customer's order, no alliance
_OWNED_TIME = 3  # characters: the time opens right where the noun phrase (or participle) ends


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


def owned_event(
    lex: Lexicon,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    taken: list[Mention],
) -> Mention | None:
    """An organisation's possessive event noun with its own time right after it (or after its
    concluding participle): "Acme's agreement with Beta, signed in May", "Acme's pledge in
    August", "the ministry's rule published on Jan. 20", "Its Series A, in March" opening
    the sentence (the organisation in reach); not inside an event found already (``taken``)."""
    text = sentence.text
    if not (
        "'s " in text
        or "’s " in text
        or "its " in text
        or "their " in text
        or text.startswith(("Its ", "Their "))
        or _THE.match(text)
    ) or _OWNED_NOUNS.isdisjoint(w.strip(",").lower() for w in text.split()):
        return None  # a cheap test first
    for m in _OWNED.finditer(text):
        start = sentence.start + m.start()
        actor = (
            _owner(lex, m.group("owner"), state)
            if m.group("owner")
            else _sentence_org(lex, text[: m.start()], state, index)
            if m.group("pronoun")  # "its" inside a clause: its own subject's, or nobody's
            else _in_reach(state, index)
        )
        if actor is None:
            continue
        at = sentence.start + m.end()
        times = clause_times(lex, text, sentence.start, published, None)
        time = nearest_time(times, at, at + 40, at)
        if time is None or time.start - at > _OWNED_TIME or _found(taken, start, time.start):
            continue
        noun = m.group("noun").lower().split()[0]
        verb = m.group("verb")
        hit_at = (m.start("verb"), m.end("verb")) if verb else (m.start("noun"), m.end("noun"))
        kind = "other" if noun in _SUPPLY else _KINDS.get(noun, "other")
        hit = Hit(kind, "action", "", *hit_at, text[hit_at[0] : hit_at[1]])
        mention = make_mention(lex, sentence, index, hit, len(text), actor, time)
        mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
        if any(t.start < sentence.end and sentence.start < t.end for t in taken):
            mention.start, mention.end = start, time.end  # another event shares the sentence
        return mention
    return None


def _found(taken: list[Mention], at: int, time_at: int) -> bool:
    """An event found already covers the noun at ``at`` and is this one: it has no time or the
    same time ("Acme said on Monday it will launch X, since its debut in June a hit": another)."""
    return any(t.start <= at < t.end and (t.time is None or t.time.start == time_at) for t in taken)


def _owner(lex: Lexicon, words: str, state: DocState) -> Actor | None:
    """The organisation a possessive names: a known name ending it, a name the document
    introduced, or a name that looks like an organisation's ("The US Commerce Department's");
    not a person's or a place's."""
    orgs = [o for o in org_mentions(lex, words) if o[1] == len(words)]
    if orgs:
        return Actor(orgs[-1][2], "gazetteer")
    name = words.split(" ", 1)[1] if words.split()[0] in ("The", "the") and " " in words else words
    name = canonical(name, state.local_orgs)
    if name in state.local_orgs or name.split()[-1] in actor_words().org_head_words:
        return Actor(name, "subject")
    return None


def _sentence_org(lex: Lexicon, before: str, state: DocState, index: int) -> Actor | None:
    """ "Acme, whose X model …, since its open release in June", "Nokia booked its first orders
    in the third quarter": "its" after the clause's subject is the subject's organisation."""
    if not before.strip():
        return None
    named = _NAME_VERB.search(before)  # "…: Nokia booked its …"
    actor = subject_actor(lex, named.group(1) if named else before, state, index)
    if actor is None or actor.opinion or actor.name in lex.place_names:
        return None
    known = actor.how in ("gazetteer", "person") or actor.name in state.local_orgs
    return actor if known else None  # "Hospitals praised its contract": no organisation


def _in_reach(state: DocState, index: int) -> Actor | None:
    """The organisation the article last spoke of, a few sentences back at most (a deal noun
    reaches further back than a pronoun)."""
    if state.salient and index - state.salient_at <= _REACH:
        return Actor(state.salient, "anaphor")
    return None
