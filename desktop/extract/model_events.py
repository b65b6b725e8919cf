"""An event for a sentence no rule read, when the sentence model says it reports one.

The model (``sentence_model``) decides *whether* and *which kind*; everything else comes from
the same machinery the rules use: the actor from the sentence's organisations, a name it
opens with, a person the document tied to an organisation, or the organisation the previous
sentences were about; the status from the status cues; the time from the sentence's own time
expressions (none: the publication date, "on or before", as for any undated event).
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actors import DocState, first_actor_org, org_mentions
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, nearest_time, times_in
from desktop.extract.orgmentions import local_org
from desktop.extract.sentence_model import SentenceModel, sentence_features
from desktop.extract.sentences import Span
from desktop.extract.triggers import cue_at

CONFIDENCE = 0.3  # below every rule's: the details pane and exports show how sure we are
_MAX_WORDS = 80  # longer "sentences" are lists, tables or page text run together
# "Gripline opened …" / "Lin Wei, head of research at Gripline, said …": a leading name
_LEADING_NAME = re.compile(r"([A-Z][\w&.-]*(?:[ -](?:[A-Z][\w&.-]*|de|of|for|and)){0,3})")
# A sentence whose subject is a pronoun or a definite description of an organisation
_ANAPHOR = re.compile(
    r"(?:It|They|The\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|start-?up|operator|"
    r"marketplace|lab|bank|insurer|retailer|carrier|maker|developer|provider|platform|"
    r"business|chain|club|council|agency|regulator|ministry|university|studio|label|"
    r"airline|miner|port|hospital|foundation|unit|subsidiary))(?:'s|’s)?\s"
)
_NEXT_WORD = re.compile(r"[\s,]+(?:[\w$€£%.,-]+\s+){0,6}?([a-z]+(?:ed|s))\b")


def model_mention(
    lex: Lexicon,
    model: SentenceModel,
    sent: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> Mention | None:
    """The sentence's event by the model, or None (not an event, too long, or no actor)."""
    text = sent.text
    if "\n" in text.strip() or len(text.split()) > _MAX_WORDS:
        return None
    features = sentence_features(text)
    if model.probability_of(features) < model.threshold:
        return None
    actor = _actor(lex, text, index, state)
    if not actor:
        return None
    reported = cue_at(lex, "status.reported", text) >= 0
    planned = not reported and cue_at(lex, "status.planned", text) >= 0
    status = "reported" if reported else "planned" if planned else "happened"
    times = times_in(text, sent.start, published, planned)
    verb = _NEXT_WORD.match(text, text.find(actor) + len(actor)) if actor in text else None
    return Mention(
        start=sent.start,
        end=sent.end,
        sentence=index,
        kind=model.kind_of(features),
        status=status,
        actor=actor,
        subject="",
        trigger=verb.group(1) if verb else "",
        time=nearest_time(times, sent.start, sent.end, sent.start),
        confidence=CONFIDENCE,
    )


def _actor(lex: Lexicon, text: str, index: int, state: DocState) -> str:
    if _ANAPHOR.match(text) and state.antecedent(index):
        return state.antecedent(index)  # "The Bengaluru-based marketplace rolled out …"
    named = first_actor_org(org_mentions(lex, text), text) or local_org(text, state)
    if named:
        return named
    lead = _LEADING_NAME.match(text)
    if lead is not None:
        name = lead.group(1)
        first = name.split()[0].rstrip(".,")
        if name in state.leaders:  # a person the document tied to an organisation
            return state.leaders[name]
        if lex.rx["person"].match(text):  # someone the document has not tied to anyone
            return state.antecedent(index)
        dateline = first.isupper() and text[lead.end() : lead.end() + 1] == ","  # "BRUSSELS,"
        known_word = first in lex.name_stop_words or first in lex.not_person_words
        if not dateline and not known_word and (name != first or len(first) > 2):
            return name
    return state.antecedent(index)
