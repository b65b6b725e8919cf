"""Events told in relative clauses, read with the action lexicon (actions.json), each with its
own time.

A subject relative about an organisation whose verb no trigger of events.json knows: "Nvidia,
which invested earlier this year, also took part" (``relative_action`` gives the verb's hit).
An object relative whose own subject is an organisation acting or planning on the thing the
clause names: "its accelerators, which the company will start delivering in the second half",
"a successor, Tarang-2, that it expects to tape out in 2026", "guidance, which the Commission is
expected to publish in the second quarter" (``object_relative_events``).
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actions import Actions, default_actions, known, past_lemmas, verb_candidates
from desktop.extract.actors import Actor, DocState, org_mentions
from desktop.extract.generic_gate import time_hint
from desktop.extract.generic_subject import clause_actor, subject_ends
from desktop.extract.generic_verbs import Verb, counts_goods, object_kind, verb_kind
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit, is_negated

_PRONOUN = re.compile(r"\b(?:which|that)\s+")
_LEAD_WORDS = re.compile(r"(?:(?:also|then|later|first|recently|previously|already|[a-z]+ly)\s+)*")
_PERFECT = re.compile(r"(?:has|have|had)\s+(?:(?:also|already|recently|just|[a-z]+ly)\s+)?")
# "which/that", a short subject, a plan cue: an object relative with a plan may start here
_CANDIDATE = re.compile(
    r"\b(?:which|that)\s+(?:[\w’'.&-]+\s+){1,5}?(?:will|would|plans?\s+to|aims?\s+to|intends?\s+to"
    r"|expects?\s+to|(?:is|are)\s+(?:[a-z]+\s+)?(?:set|expected|scheduled|due|poised|slated"
    r"|going|preparing)\s+to)\b"
)
_TIME_REACH = 160  # characters after the pronoun where the relative's time may be
_WINDOW = 70  # characters after the pronoun where the relative's verb group may start
_SUBJECT_WORDS = 5
_BODY_END = re.compile(r"[,;:()]|\s+(?:and|but|while|although)\s+|\s[-–—]\s")
_ANAPHOR = re.compile(r"^(?:it|they|the\s+(?:[\w-]+\s+){0,2}(?P<head>[a-z][\w-]*))$")
_PUBLIC = frozenset(
    (
        "ministry", "government", "regulator", "agency", "authority", "commission", "watchdog",
        "parliament", "council", "court", "cabinet",
    )
)  # fmt: skip  # heads that never mean a company named before
_COMPANIES = ("company", "lab")
_NOT_RELATIVE = frozenset(("so", "such", "now", "fact", "than", "and", "but", "said", "says"))


def relative_action(lex: Lexicon, text: str) -> Hit | None:
    """The action verb opening a subject relative's body ``text`` (the words after "which" /
    "who"): a past tense or present perfect of a listed, not excluded action ("invested",
    "has opened"), one made an event by its object ("reported a net profit", "raised $5m"),
    or a plan ("will open", "plans to hire"); None otherwise."""
    actions = default_actions()
    low = text.lower()
    at = _LEAD_WORDS.match(low).end()
    perfect = _PERFECT.match(low, at)
    at = perfect.end() if perfect else at
    for group, start, end, word, planned in verb_candidates(low[:_WINDOW], actions):
        if group != at or (planned and perfect):
            continue
        verb = _verb(actions, (group, start, end), word, planned)
        if verb is None or counts_goods(actions, verb, low):
            return None
        kind = object_kind(lex, actions, verb, text, low)
        if not kind and verb.lemma not in actions.kinds:
            return None
        verb = Verb(verb.group, verb.start, verb.end, verb.lemma, planned, False, kind)
        return Hit(verb_kind(lex, actions, verb, text[start:]), "action", "", start, end, word)
    return None


def _verb(actions: Actions, where: tuple[int, int, int], word: str, planned: bool) -> Verb | None:
    lemmas = (word,) if planned else past_lemmas(word, actions)
    if not lemmas:
        return None
    lemma = known(lemmas, actions.kinds) or known(lemmas, actions.excluded) or lemmas[0]
    if lemma in actions.excluded and lemma not in actions.kinds:
        listed = lemma in actions.amount_kinds or lemma in actions.results_verbs
        if not (listed or lemma in actions.object_events):
            return None
    return Verb(*where, lemma, planned, False)


def object_relative_events(
    lex: Lexicon,
    clause: Span,
    index: int,
    published: dt.date | None,
    state: DocState,
    found: list[Mention],
    sentence: Span,
) -> list[Mention]:
    """Events of the clause's object relatives ("X, which Acme will ship in May") whose subject
    is an organisation and which carry their own time (not one an event ``found`` has)."""
    text = clause.text
    if (" which " not in text and " that " not in text) or (
        " to " not in text and "will " not in text and "would " not in text
    ):
        return []  # cheap tests first: a pronoun and a plan cue, then the cue a few words on
    out: list[Mention] = []
    for candidate in _CANDIDATE.finditer(text):
        pronoun = _PRONOUN.match(text, candidate.start())
        reach = text[candidate.start() : candidate.start() + _TIME_REACH] if pronoun else ""
        if pronoun is None or not time_hint(reach, reach.lower()):
            continue  # no time in reach
        if _complement(text, pronoun.start()):
            continue  # "Kim estimates that Acme will hold 55%": no relative clause
        before = sentence.text[: clause.start - sentence.start + pronoun.start()]
        mention = _object_relative(lex, clause, pronoun, before, index, published, state)
        if mention is not None and not any(_same_time(m, mention) for m in found):
            found = [*found, mention]
            out.append(mention)
    return out


def _same_time(a: Mention, b: Mention) -> bool:
    return a.time is not None and b.time is not None and a.time.start == b.time.start


def _object_relative(
    lex: Lexicon,
    clause: Span,
    pronoun: re.Match[str],
    before: str,
    index: int,
    published: dt.date | None,
    state: DocState,
) -> Mention | None:
    """The event of the relative at ``pronoun``: a plan of the organisation its subject names
    ("which the company will ship in May"); ``before`` is the sentence up to the pronoun."""
    text, at = clause.text, pronoun.end()
    actions = default_actions()
    low = text[at : at + _WINDOW].lower()
    verbs = [c for c in verb_candidates(low, actions) if c[0] > 0]
    if not verbs:
        return None
    group, start, end, word, planned = verbs[0]
    region = text[at : at + group]
    if len(region.split()) > _SUBJECT_WORDS or not subject_ends(actions, region):
        return None
    verb = _verb(actions, (group, start, end), word, planned) if planned else None
    if verb is None:
        return None  # a past action there is a participial's ("which Acme opened in May")
    actor = _relative_subject(lex, before, region.strip(), state, index)
    if actor is None:
        return None
    body_end = _BODY_END.search(text, at + end)
    hi = body_end.start() if body_end else len(text)
    body = Span(clause.start + pronoun.start(), clause.start + hi, text[pronoun.start() : hi])
    return _mention(lex, actions, body, verb, at - pronoun.start(), actor, index, published)


def _complement(text: str, at: int) -> bool:
    """ "that" right after a verb ("estimates that", "said that") or in "so that": it opens a
    complement clause, not a relative one."""
    prev = text[:at].split()[-1:] or [""]
    word = prev[0].lower()
    if word in _NOT_RELATIVE:
        return True
    actions = default_actions()
    lemmas = (word, word[:-1] if word.endswith("s") else word, *past_lemmas(word, actions))
    return any(w in actions.excluded or w in actions.kinds for w in lemmas)


def _relative_subject(
    lex: Lexicon, before: str, region: str, state: DocState, index: int
) -> Actor | None:
    """Who acts in an object relative: the organisation its subject names, or for an anaphor
    ("it", "the US company") the last organisation the sentence named before the relative,
    else the document's organisation in reach."""
    anaphor = _ANAPHOR.match(region)
    if anaphor is not None and anaphor.group("head") not in _PUBLIC:
        named = [o for o in org_mentions(lex, before) if o[3] in _COMPANIES]
        if named:
            return Actor(named[-1][2], "anaphor")
        return Actor(state.antecedent(index), "anaphor") if state.antecedent(index) else None
    return clause_actor(lex, region, region, -1, -1, state, index)


def _mention(
    lex: Lexicon,
    actions: Actions,
    body: Span,
    verb: Verb,
    shift: int,
    actor: Actor,
    index: int,
    published: dt.date | None,
) -> Mention | None:
    """The relative's event: ``body`` runs from the pronoun to the relative's end; the verb's
    offsets are relative to the text after the pronoun (``shift`` characters in)."""
    text = body.text
    lo, hi = verb.start + shift, verb.end + shift
    hit = Hit("other", "action", "", lo, hi, text[lo:hi])
    if is_negated(lex, text, hit) or lex.rx["not_event_sentence"].search(text):
        return None
    hit = Hit(verb_kind(lex, actions, verb, text[lo:]), "action", "", lo, hi, hit.text)
    cue = verb.group + shift if verb.planned else None
    times = clause_times(lex, text, body.start, published, cue)
    time = nearest_time(times, body.start + lo, body.end, body.start + lo)
    if time is None:
        return None
    mention = make_mention(lex, body, index, hit, len(text), actor, time)
    mention.status = "planned" if verb.planned else mention.status
    mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
    return mention
