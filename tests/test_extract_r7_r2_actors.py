"""Round 7 (actors): a parent or holding company is an organisation of its own, named as the
article names it, not an alias of its best-known subsidiary ("Alphabet reported …" is
Alphabet's event, "Google released …" Google's). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.extract import extract_events
from desktop.paths import resource_path

PUBLISHED = dt.date(2025, 11, 20)


def _actors(text: str) -> list[str]:
    return [e.actor for e in extract_events(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Alphabet reported on Tuesday that its quarterly revenue rose 15%.", "Alphabet"),
        ("Google released a new version of Gemini on Tuesday.", "Google"),
        (
            "Nu Holdings reported third-quarter net income of $700 million on Tuesday.",
            "Nu Holdings",
        ),
        ("Nubank launched a savings account in Colombia on Tuesday.", "Nubank"),
        ("PDD Holdings reported quarterly revenue of $14 billion on Monday.", "PDD Holdings"),
    ],
)
def test_parents_and_subsidiaries_act_as_named(sentence: str, actor: str) -> None:
    assert _actors(sentence) == [actor]


def test_other_names_of_one_organisation_still_map_to_it() -> None:
    assert _actors("Temu opened a warehouse in Poland on Monday.") == ["Pinduoduo"]
    assert _actors("Google DeepMind released Gemma 4 on Monday.") == ["Google"]


def test_no_alias_is_the_name_of_another_organisation() -> None:
    data = json.loads(resource_path("lexicons/organisations.json").read_text(encoding="utf-8"))
    names = {o["name"].lower(): o["name"] for o in data["organisations"]}
    pairs = [(a.lower(), o["name"]) for o in data["organisations"] for a in o.get("aliases", [])]
    assert [(a, n) for a, n in pairs if names.get(a, n) != n] == []
