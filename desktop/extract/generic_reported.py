"""Reported actions in progress: an organisation that "is negotiating with publishers", "is
raising again" or "is preparing price cuts" by a media report or unnamed sources ("reportedly",
"according to people familiar with the matter", "Bloomberg reported"). A reported event of the
subject, dated by its own time expression, else by the report. Verb forms, kinds and report cues
are data (resources/lexicons/actions.json: progressive, report_cues).
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actions import Actions
from desktop.extract.actors import DocState
from desktop.extract.generic_subject import clause_actor
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit, find_trigger

_BE = re.compile(r"\b(?:is|are)\s+(?:(?:reportedly|also|now|already|still|quietly)\s+)?$")
_PREDICATE = 80  # characters after the verb a trigger may name the kind in


def reported_progress(
    lex: Lexicon,
    actions: Actions,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> Mention | None:
    """The sentence's reported action in progress, if any."""
    text = sentence.text
    if actions.progressive is None or actions.report_cues is None:
        return None
    if not (" is " in text or " are " in text) or "ing" not in text:
        return None  # a cheap test first
    low = text.lower()
    forms = [
        (form, kind, at)
        for form, kind in actions.progressive.items()
        if (at := _at(low, form)) >= 0
    ]
    if not forms or actions.report_cues.search(low) is None:
        return None  # the few verb forms before the cue pattern: far cheaper
    for form, kind, at in forms:
        be = _BE.search(low, 0, at + 1)
        not_object = actions.progressive_not
        if be is None or (not_object and not_object.match(low, at + 1 + len(form))):
            continue  # "is raising prices": no action of the list
        actor = clause_actor(lex, text, text[: be.start()], -1, -1, state, index)
        if actor is None:
            return None
        start, end = at + 1, at + 1 + len(form)
        trigger = find_trigger(lex, text[end : end + _PREDICATE])
        kind = kind or (trigger.kind if trigger is not None else "other")
        times = clause_times(lex, text, sentence.start, published, None)
        time = nearest_time(times, sentence.start + end, sentence.end, sentence.start + end)
        hit = Hit(kind, "action", "", start, end, text[start:end])
        mention = make_mention(lex, sentence, index, hit, len(text), actor, time)
        mention.status = "reported"
        mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
        return mention
    return None


def _at(low: str, form: str) -> int:
    """Where `` form`` first occurs in ``low`` as the whole verb form, else -1."""
    at = low.find(f" {form}")
    return at if at >= 0 and low.startswith((" ", ",", "."), at + 1 + len(form)) else -1
