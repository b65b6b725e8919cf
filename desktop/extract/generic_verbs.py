"""The verbs the general detector (generic_clause.py) reads, and the kind of each: a verb's
object may make it an event ("raised $45 million": funding, "reached a settlement", "agreed to
buy") or none ("ordered 500 batteries"); else a trigger of the predicate or the verb lexicon
names the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.extract.actions import Actions
from desktop.extract.lexicon import Lexicon
from desktop.extract.triggers import find_trigger

_COUNT = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?(?:[$€£¥]?\d[\d,.]*"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\b)",
    re.I,
)
_BY_PREDICATE = "*"  # an object makes the verb an event; its kind comes from the predicate
_TO_VERB = re.compile(r"[^,;.]{0,40}?\bto\s+([a-z]+)")
_REPORTING_LIMIT = 60  # a trigger this far into the predicate names the kind


@dataclass(frozen=True)
class Verb:
    group: int  # start of the verb group (auxiliary or plan cue)
    start: int  # the verb itself
    end: int
    lemma: str  # lemma, or "lemma particle" for a phrasal verb
    planned: bool
    passive: bool
    kind: str = ""  # set by the verb's object ("raised $5m": funding)


def counts_goods(actions: Actions, verb: Verb, text: str) -> bool:
    """ "ordered 500 batteries", "sold two million phones": a purchase or a sales figure."""
    if verb.lemma.split()[0] not in actions.count_objects:
        return False
    after = text[verb.end : verb.end + 40]
    return bool(_COUNT.match(after) or actions.statistic_objects.match(after.lower()))


def object_kind(lex: Lexicon, actions: Actions, verb: Verb, text: str, low: str) -> str:
    """The kind an object gives a verb that is no event alone: a money amount ("raised $45
    million": funding), a financial result ("reported a net profit": other), or an object of
    ``object_events`` ("agreed to buy", "reached a settlement": kind by the predicate)."""
    lemma = verb.lemma.split()[0]
    if lemma in actions.amount_kinds and lex.rx["amount"].search(text, verb.end, verb.end + 50):
        return actions.amount_kinds[lemma]
    if lemma in actions.results_verbs and actions.results_nouns.search(
        low, verb.end, verb.end + 60
    ):
        return "other"
    pattern = actions.object_events.get(lemma)
    if pattern is not None and pattern.match(low, verb.end):
        return _BY_PREDICATE
    return ""


def verb_kind(lex: Lexicon, actions: Actions, verb: Verb, predicate: str) -> str:
    """The kind a trigger of events.json gives the predicate, else the verb's kind (data);
    for a commitment ("agreed to invest"), the kind of the verb committed to."""
    if verb.kind and verb.kind != _BY_PREDICATE:
        return verb.kind
    committed = _TO_VERB.match(predicate, verb.end - verb.start) if verb.kind else None
    if committed is not None and actions.kinds.get(committed.group(1), "other") != "other":
        return actions.kinds[committed.group(1)]
    hit = find_trigger(lex, predicate[: _REPORTING_LIMIT + 40])
    if hit is not None and hit.start <= _REPORTING_LIMIT and hit.role != "report":
        return hit.kind
    kind = actions.kinds.get(verb.lemma) or actions.kinds.get(verb.lemma.split()[0])
    return kind or "other"


_STARTS = ("begin", "began", "begun", "start", "commenc")


def supply_kind(actions: Actions, low: str, lo: int, hi: int) -> str:
    """'release' when the lower-cased span [lo, hi) starts the supply of a product to customers
    ("began mass shipments of", "plans to start deliveries"), else ''."""
    rx = actions.supply_start
    if rx is None or not any(s in low[lo:hi] for s in _STARTS):
        return ""  # a cheap test first
    return "release" if rx.search(low, lo, hi) else ""


def announced_kind(actions: Actions, low: str, at: int) -> str:
    """The kind of the event an announcement names as its object, the lower-cased text from
    ``at`` (right after the announcing verb): "the round" (funding), "a partnership"; or ''."""
    after = low[at : at + 80]
    return next((k for k, rx in actions.announced_objects if rx.match(after)), "")
