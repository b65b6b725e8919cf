"""The action-verb lexicon of the general event detector (resources/lexicons/actions.json):
lemmas of past tenses, the kind of each action, and the verbs that never make an event alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_ED_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z-]*ed(?![\w’'-])")
_CUE_WORDS = frozenset(("will", "would", "to"))
_SCHEDULE_WORDS = frozenset(
    ("due", "slated", "scheduled", "pencilled", "penciled", "timed", "expected")
)
_CUE_LITERALS = (
    " to ",
    "will ",
    "would ",
    "’ll ",
    "'ll ",
)  # "to" only after a cue word ("plans to")
_BASE = re.compile(
    r"(?:(?:also|then|soon|now|first|eventually|formally|officially|[a-z]+ly)\s+)?([a-z][a-z-]*)"
)


@dataclass(frozen=True, eq=False)
class Actions:
    irregular: dict[str, str]  # past tense / participle -> lemma
    kinds: dict[str, str]  # lemma or "lemma particle" -> kind
    excluded: frozenset[str]  # lemmas (or "lemma particle") that never make an event alone
    adjectival: frozenset[str]  # -ed forms that are no past tense
    particles: frozenset[str]
    count_objects: frozenset[str]  # no event with a count of goods as object
    statistic_objects: re.Pattern[str]  # 'lost users': a statistic without a number
    before_subject: frozenset[str]  # words that may precede a subject name
    amount_kinds: dict[str, str]  # lemma -> kind, an event only with a money amount
    results_verbs: frozenset[str]  # with a financial result as object: an event
    results_nouns: re.Pattern[str]
    object_events: dict[str, re.Pattern[str]]  # lemma -> object that makes it an event
    scheduled_determiners: frozenset[str]  # open a scheduled thing ("The first product …")
    forecast_nouns: frozenset[str]  # heads of a forecast's subject ("Prices are expected to")
    schedule_predicate: re.Pattern[str]  # "is due in", "are slated for": group 1 the word
    scheduled_kinds: tuple[tuple[str, re.Pattern[str]], ...]  # kind by the subject's words
    phrasal_heads: frozenset[str]  # lemmas of the phrasal verbs in ``kinds``
    founding: frozenset[str]  # passives whose subject is the actor ('was founded by')
    subject_heads: frozenset[str]
    adverbs: frozenset[str]
    plan_cue: re.Pattern[str]  # matches (lower-cased text) right before a planned verb
    irregular_words: frozenset[str]  # one-word irregular forms
    cue_words: frozenset[str]  # words right before the "to" of a plan cue ("plans to")
    supply_start: re.Pattern[str] | None = None  # "began mass shipments": kind release
    announced_objects: tuple[tuple[str, re.Pattern[str]], ...] = ()  # "announced the round"
    progressive: dict[str, str] | None = None  # "is negotiating" -> kind, when reported
    report_cues: re.Pattern[str] | None = None  # "reportedly", "according to people familiar"
    progressive_not: re.Pattern[str] | None = None  # "is raising prices": no funding


def past_lemmas(word: str, actions: Actions) -> tuple[str, ...]:
    """Candidate lemmas of a lower-case past form ("opened" -> open, "closed" -> close,
    "planned" -> plan, "applied" -> apply), or () when it is no past tense."""
    irregular = actions.irregular.get(word)
    if irregular is not None:
        return (irregular,)
    if len(word) < 4 or not word.endswith("ed") or word in actions.adjectival:
        return ()
    if word.endswith("eed"):
        return ()  # "need", "speed", "proceed": not a past tense
    if word.endswith("ied"):
        return (word[:-3] + "y",)
    stem = word[:-2]
    out = [stem, word[:-1]]
    if len(stem) > 2 and stem[-1] == stem[-2]:  # "planned" -> plan, "cancelled" -> cancel
        out.insert(len(out) if stem[-1] in "ls" else 0, stem[:-1])  # "called" stays "call"
    return tuple(out)


def known(lemmas: tuple[str, ...], table: dict[str, str] | frozenset[str]) -> str:
    """The first of ``lemmas`` found in ``table``, else ''."""
    return next((w for w in lemmas if w in table), "")


def verb_candidates(
    low: str, actions: Actions, words: list[str] | None = None
) -> list[tuple[int, int, int, str, bool]]:
    """Verb candidates of lower-cased text, in order: (group start, start, end, word, planned)
    for each past form ("-ed" or irregular) and each base verb after a plan cue ("will open",
    "plans to hire"). Cheap scans first: this runs on most sentences of every article."""
    out = [
        (m.start(), m.start(), m.end(), m.group(0), False)
        for m in _ED_WORD.finditer(low)
        if past_lemmas(m.group(0), actions)
    ]
    # irregular forms and cues are rarely glued to punctuation
    words = set(low.split() if words is None else words)
    for word in words & actions.irregular_words:
        out.extend((m.start(), m.start(), m.end(), word, False) for m in _exact(word).finditer(low))
    if not words.isdisjoint(_CUE_WORDS) or "’ll " in low or "'ll " in low:
        out.extend(_planned(low, actions))
    if not words.isdisjoint(_SCHEDULE_WORDS):  # "is due in July", "are slated for Q1"
        found = actions.schedule_predicate.finditer(low)
        out.extend((m.start(), m.start(1), m.end(1), m.group(1), True) for m in found)
    return sorted(out)


def _planned(low: str, actions: Actions) -> list[tuple[int, int, int, str, bool]]:
    out = []
    for lit in _CUE_LITERALS:
        at = low.find(lit)
        while at >= 0:
            if lit != " to " or low[low.rfind(" ", 0, at) + 1 : at] in actions.cue_words:
                base = _BASE.match(low, at + len(lit))
                cue = base and actions.plan_cue.search(
                    low, max(0, base.start(1) - 50), base.start(1)
                )
                if base is not None and cue is not None:
                    out.append((cue.start(), base.start(1), base.end(1), base.group(1), True))
            at = low.find(lit, at + 1)
    return out


@lru_cache(maxsize=512)
def _exact(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])")


def load_actions(path: Path) -> Actions:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    excluded = frozenset(w for words in data["exclude"].values() for w in words)
    return Actions(
        irregular=dict(data["irregular"]),
        kinds=dict(data["kinds"]),
        excluded=excluded,
        adjectival=frozenset(data["adjectival"]),
        particles=frozenset(data["particles"]),
        founding=frozenset(data["founding"]),
        phrasal_heads=frozenset(k.split()[0] for k in data["kinds"] if " " in k),
        amount_kinds=dict(data["amount_kinds"]),
        results_verbs=frozenset(data["results_verbs"]),
        results_nouns=re.compile(data["results_nouns"]),
        object_events={k: re.compile(v) for k, v in data["object_events"].items()},
        scheduled_determiners=frozenset(data["scheduled_determiners"]),
        forecast_nouns=frozenset(data["forecast_nouns"]),
        schedule_predicate=re.compile(data["schedule_predicates"]),
        scheduled_kinds=tuple((k, re.compile(rx)) for k, rx in data["scheduled_kinds"]),
        before_subject=frozenset(data["before_subject"]),
        count_objects=frozenset(data["count_objects"]),
        statistic_objects=re.compile(data["statistic_objects"]),
        subject_heads=frozenset(data["subject_heads"]),
        adverbs=frozenset(data["adverbs"]),
        plan_cue=re.compile(data["plan_cues"] + "$"),
        irregular_words=frozenset(w for w in data["irregular"] if " " not in w),
        cue_words=frozenset(data["plan_cue_words"]),
        supply_start=re.compile(data["supply_start"]),
        announced_objects=tuple((k, re.compile(rx)) for k, rx in data["announced_objects"]),
        progressive=dict(data["progressive"]),
        report_cues=re.compile(data["report_cues"]),
        progressive_not=re.compile(data["progressive_objects_not"]),
    )


@lru_cache(maxsize=1)
def default_actions() -> Actions:
    """The shipped action lexicon (read once per process)."""
    from desktop.paths import resource_path

    return load_actions(resource_path("lexicons", "actions.json"))
