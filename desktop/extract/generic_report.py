"""The announcement of a plan the general detector found (generic_clause.py): "Okafor said
Acme intends to open-source its data by the end of the year" is two events, the plan (planned,
its own time) and Acme's announcement of it (happened, the report's time or the publication),
when the speaker is the planning organisation itself or one of its people.
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

_SAID = re.compile(
    r"\b(?:said|says|has\s+said|have\s+said|told\s+(?:reporters|analysts|investors|\w+)"
    r"|announced|confirmed)\b(?:\s+(?:on\s+\w+day|last\s+week|this\s+week|yesterday))?"
    r"(?:\s*,)?\s*(?:that\s*)?$"
)
_BEFORE = 60  # characters before the plan's subject that may hold the reporting verb


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
