"""Small checks on a clause that decide whether a mention is an event and who acts: statements
at an identifiable occasion, reporting periods, guidance, "he/she" subjects, places."""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actors import Actor, DocState
from desktop.extract.lexicon import Lexicon
from desktop.extract.triggers import Hit
from desktop.extract.types import TimeExpression

_SUBORDINATE = re.compile(r"\b(?:where|when|while|before|after)\s+(?:he|she)\b", re.I)
_NOT_BY_PLACES = ("release", "funding", "partnership", "open_source")


def on_occasion(lex: Lexicon, text: str, quoted: bool = False) -> bool:
    """A statement with no time expression is an event only at a named occasion; a reported
    position (not a quote) also when told to reporters or given in an interview or a post."""
    if lex.rx["occasion"].search(text):
        return True
    return not quoted and bool(lex.rx["occasion_unquoted"].search(text))


def reporting_period(lex: Lexicon, text: str, at: int) -> bool:
    """ "a profit for the third quarter on Wednesday": the period reported on, not the date."""
    return bool(lex.rx["period_for"].search(text[max(0, at - 12) : at]))


def is_forecast(
    lex: Lexicon, hit: Hit, time: TimeExpression | None, published: dt.date | None
) -> bool:
    """ "expects revenue growth of 20% in 2026": guidance for a future period, not an event."""
    if time is None or published is None or time.interval.start is None:
        return False
    return bool(lex.rx["forecast_verb"].match(hit.text)) and time.interval.start > published


def pronoun_leader(lex: Lexicon, region: str, state: DocState, index: int) -> Actor | None:
    """ "he"/"she" as the subject: the organisation of the last leader named before, if any."""
    if _SUBORDINATE.search(region):
        return None  # "…worked at Google, where he launched …": not the organisation now
    known = {**lex.people, **state.leaders}
    named = [(region.rfind(n), n) for n in known if n in region]
    if named:
        return Actor(known[max(named)[1]], "person")
    last = next(reversed(state.leaders.values()), "")  # the leader introduced last
    return Actor(last, "person") if last and last == state.antecedent(index) else None


def place_acting(lex: Lexicon, actor: Actor, hit: Hit) -> bool:
    """A country or city named as the subject of a release, funding, partnership or
    open-sourcing: an aggregate or a location, not an organisation."""
    return actor.how == "subject" and actor.name in lex.place_names and hit.kind in _NOT_BY_PLACES
