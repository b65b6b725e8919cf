"""A small linear model of "does this sentence report an event, and of which kind".

The rules find events through triggers and clause shapes; on articles nobody tuned them on
they miss about four event sentences in ten, mostly phrasings no lexicon lists yet. This
model is the safety net for those: a logistic regression over a sentence's words and word
pairs (names, numbers and dates folded into placeholders, so it learns how news reports
events rather than who did what), trained offline by ``desktop.model_training`` on the
annotated sets and shipped as data (``resources/models/event_sentences.json``). Scoring is
a sum of weights: pure Python, no dependency, deterministic, ~10 µs a sentence.

It only ever speaks for a sentence no rule produced an event from (``model_events``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from desktop.extract.types import KINDS

FEATURES_VERSION = 3

_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»…—–"  # stripped from both ends of a word
_YEAR = re.compile(r"(?:19|20)\d\d")
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
# Capitalised only because they open the sentence: read as words; any other capitalised
# opening word is taken for a name ("Acme raised …" and "Zenith raised …" look the same).
_OPENER_WORDS = (
    "a an the this that these those it its he she they we i you his her their our my there "
    "in on at by for from to of with without after before during following under over as "
    "since until while when where if although though because but and or so yet also still "
    "last earlier later meanwhile however separately elsewhere today yesterday tomorrow now "
    "according both each every many most some several one two three other another such "
    "not no new next first second third more only just even then"
)
_OPENERS = frozenset(_OPENER_WORDS.split())
_LENGTH_STEP = 8  # tokens per sentence-length bucket
_LENGTH_BUCKETS = 6


def _placeholder(token: str, first: bool) -> str:
    low = token.lower()
    head = token[0]
    if head.isdigit() or head in "$€£":
        return "<YEAR>" if _YEAR.fullmatch(token) else "<NUM>"
    if low in _CALENDAR:
        return "<MON>"
    if head.isupper() and not (first and low in _OPENERS):
        return "<CAP>"  # a name: the model must not learn who, only how
    return low


_WORDS: dict[str, str] = {}  # raw word -> placeholder (not first in a sentence), bounded
_WORDS_MAX = 200_000


def _word(raw: str) -> str:
    """A non-initial word's placeholder ('' for punctuation only), remembered per word."""
    found = _WORDS.get(raw)
    if found is None:
        token = raw.strip(_PUNCTUATION)
        found = _placeholder(token, False) if token else ""
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        _WORDS[raw] = found
    return found


def sentence_features(text: str) -> frozenset[str]:
    """Words, adjacent word pairs, a length bucket and a quote flag (binary features)."""
    raw = text.split()
    first = next((t for t in (w.strip(_PUNCTUATION) for w in raw[:1]) if t), "")
    words = [w for w in map(_word, raw[1:]) if w]
    if first:
        words.insert(0, _placeholder(first, True))
    out = set(words)
    out.update(map("_".join, pairwise(words)))
    out.add(f"LEN{min(len(words) // _LENGTH_STEP, _LENGTH_BUCKETS)}")
    if '"' in text or "“" in text:
        out.add("<QUOTE>")
    return frozenset(out)


@dataclass(frozen=True)
class SentenceModel:
    """Event and kind scorers over ``sentence_features``."""

    event_bias: float
    event_weights: dict[str, float]
    kind_bias: tuple[float, ...]  # one per KINDS entry
    kind_weights: dict[str, tuple[float, ...]]
    threshold: float  # event probability at or above which a sentence counts as an event

    def event_probability(self, text: str) -> float:
        return self.probability_of(sentence_features(text))

    def probability_of(self, features: frozenset[str]) -> float:
        z = self.event_bias + sum(map(self.event_weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def kind_of(self, features: frozenset[str]) -> str:
        scores = list(self.kind_bias)
        for f in features:
            row = self.kind_weights.get(f)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        return KINDS[max(range(len(scores)), key=scores.__getitem__)]


def model_from_dict(data: dict) -> SentenceModel:
    """A model from its JSON form (``desktop.model_training`` writes it)."""
    if data.get("features_version") != FEATURES_VERSION:
        raise ValueError(
            f"sentence model features version {data.get('features_version')!r}, "
            f"this build reads {FEATURES_VERSION}"
        )
    if tuple(data["kinds"]) != KINDS:
        raise ValueError("sentence model kinds differ from this build's kinds")
    return SentenceModel(
        event_bias=float(data["event"]["bias"]),
        event_weights={k: float(v) for k, v in data["event"]["weights"].items()},
        kind_bias=tuple(float(v) for v in data["kind"]["bias"]),
        kind_weights={k: tuple(float(x) for x in v) for k, v in data["kind"]["weights"].items()},
        threshold=float(data["threshold"]),
    )


def load_model(path: Path) -> SentenceModel:
    with open(path, encoding="utf-8") as fh:
        return model_from_dict(json.load(fh))


@lru_cache(maxsize=1)
def default_model() -> SentenceModel:
    """The shipped model (read once per process)."""
    from desktop.paths import resource_path

    return load_model(resource_path("models", "event_sentences.json"))
