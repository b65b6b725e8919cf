"""The event-sentence model: features fold names away, the shipped model reads unseen domains."""

from __future__ import annotations

import json

import pytest

from desktop.extract.sentence_model import (
    FEATURES_VERSION,
    default_model,
    load_model,
    model_from_dict,
    sentence_features,
)
from desktop.extract.types import KINDS

# Written for this test, in domains the annotated sets do not cover.
EVENTS = [
    "Pfizer acquired a Boston biotech start-up for $2 billion in May.",
    "Volvo said on Monday it had signed a deal with Northvolt to supply batteries.",
    "The Bavarian bank will open a lending hub in Nairobi next year, its chief executive said.",
    "Carrefour launched a checkout-free store in Lyon on Thursday.",
]
NON_EVENTS = [
    "Analysts say the market could be worth $40 billion by 2030.",
    "Shares fell 3% on Tuesday.",
    "The weather in Lyon was mild for the season.",
    "Many shoppers still prefer to pay in cash, according to a survey of 2,000 adults.",
]


def test_names_numbers_and_dates_become_placeholders() -> None:
    a = sentence_features("Acme raised $40m from Beta Capital on 3 March 2025.")
    b = sentence_features("Zenith raised $75m from Omega Partners on 9 June 2024.")
    assert a == b  # who, how much and when differ; how the news is told does not
    assert {"<CAP>", "<NUM>", "<MON>", "<YEAR>", "raised", "raised_<NUM>"} <= a
    assert "the" in sentence_features("The bank opened a branch.")  # an opening word


def test_quote_and_length_features() -> None:
    assert "<QUOTE>" in sentence_features('"We will ship it," she said.')
    assert "LEN0" in sentence_features("Acme launched X.")
    assert "LEN6" in sentence_features(" ".join(["word"] * 200))


@pytest.mark.parametrize("sentence", EVENTS)
def test_shipped_model_flags_event_sentences(sentence: str) -> None:
    model = default_model()
    assert model.event_probability(sentence) >= model.threshold


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_shipped_model_passes_over_non_events(sentence: str) -> None:
    model = default_model()
    assert model.event_probability(sentence) < model.threshold


def test_shipped_model_kinds() -> None:
    model = default_model()
    assert model.kind_of(sentence_features(EVENTS[1])) == "partnership"
    assert model.kind_of(sentence_features("The start-up raised $30m in a Series B round.")) == (
        "funding"
    )


def _tiny(**changes) -> dict:
    data = {
        "features_version": FEATURES_VERSION,
        "kinds": list(KINDS),
        "threshold": 0.5,
        "event": {"bias": -1.0, "weights": {"launched": 3.0}},
        "kind": {"bias": [0.0] * len(KINDS), "weights": {"launched": [1.0] + [0.0] * 6}},
    }
    data.update(changes)
    return data


def test_model_from_dict_scores_with_its_weights(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(_tiny()), encoding="utf-8")
    model = load_model(path)
    assert model.event_probability("Acme launched X.") == pytest.approx(1 / (1 + 2.718281828**-2))
    assert model.event_probability("Acme said nothing.") < 0.5
    assert model.kind_of(sentence_features("Acme launched X.")) == "release"


@pytest.mark.parametrize(
    "changes", [{"features_version": FEATURES_VERSION + 1}, {"kinds": ["release", "other"]}]
)
def test_a_model_for_other_features_or_kinds_is_refused(changes: dict) -> None:
    with pytest.raises(ValueError):
        model_from_dict(_tiny(**changes))
