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


BEFORE = "Italy's Data Authority and the lender Kodal Pay settled their dispute in August. "


@pytest.mark.parametrize(
    ("sentence", "later", "actor"),
    [
        (
            "Solvik Motors, a Gothenburg van maker backed by pension funds, will open a plant in "
            "Poland next year, its chief executive Maja Lind said on Friday.",
            "Lind said on Monday that the company had hired 300 engineers in March.",
            "Solvik Motors",
        ),
        (
            "Genvia Therapeutics, a Basel biotech, began a trial of its antibody in May, its "
            "president Tomas Weber said on Tuesday.",
            "Weber said on Wednesday that the company had opened a lab in Zurich in June.",
            "Genvia Therapeutics",
        ),
        (
            "Fjellmark Bank, a Bergen lender, will close 40 branches next year, its chair Ola "
            "Berg told reporters on Monday.",
            "Berg said on Thursday that the bank had sold its insurance arm in May.",
            "Fjellmark Bank",
        ),
        (
            "Mercado Rio, a Lima grocer, opened its first store in Chile in May, its founder "
            "Lucia Paz said on Monday.",
            "Paz said on Friday that the company had raised $20 million in June.",
            "Mercado Rio",
        ),
    ],
)
def test_its_leader_speaks_for_the_sentences_subject(sentence: str, later: str, actor: str) -> None:
    events = extract_events(BEFORE + sentence + " " + later, PUBLISHED)
    assert [e.actor for e in events if e.start > len(BEFORE) + len(sentence)] == [actor]


def test_a_known_organisation_next_to_the_role_still_decides() -> None:
    text = (
        "Kodal Pay will open an office in Rome next year, Nvidia's chief executive Jensen Huang "
        "said on Friday. Huang said on Monday that Nvidia had opened a lab in Milan in May."
    )
    events = extract_events(BEFORE + text, PUBLISHED)
    assert [e.actor for e in events if "Huang said on Monday" in e.evidence] == ["Nvidia"]


def test_a_month_before_its_role_is_no_person() -> None:
    text = (
        "Mercado Rio, a Lima grocer, opened its first store in Chile in May, its founder "
        "Lucia Paz said on Monday."
    )
    events = extract_events(BEFORE + text, PUBLISHED)
    assert [e.actor for e in events if e.start >= len(BEFORE)] == ["Mercado Rio"]


def test_a_role_later_in_the_sentence_is_not_the_first_names() -> None:
    text = (
        "Solvik Motors, a Gothenburg van maker, will open a plant in Poland next year, its "
        "chief executive Maja Lind said on Friday. Solvik Motors said on Monday that it had "
        "hired 300 engineers in March."
    )
    events = extract_events(BEFORE + text, PUBLISHED)
    assert {e.actor for e in events if e.start >= len(BEFORE)} == {"Solvik Motors"}


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Toyota's Woven Solutions unit launched a mapping app on Monday.", "Toyota"),
        ("Siemens' Healthineers Systems division opened a lab in Erlangen in May.", "Siemens"),
        (
            "Jo Park, head of Samsung's Device Solutions division, said on Monday that it had "
            "opened a plant in Texas in May.",
            "Samsung",
        ),
        ("Nvidia's Omniverse Solutions business released a new toolkit on Tuesday.", "Nvidia"),
    ],
)
def test_a_unit_named_with_its_parent_acts_for_the_parent(sentence: str, actor: str) -> None:
    assert _actors(sentence) == [actor]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # no unit word: the named company acts
        ("Toyota's partner Woven Solutions launched a mapping app on Monday.", "Woven Solutions"),
        # the unit word belongs to another noun phrase
        ("Device Solutions, a Samsung supplier, opened a plant on Monday.", "Device Solutions"),
        ("Kodal Solutions opened a business unit in Oslo on Monday.", "Kodal Solutions"),
    ],
)
def test_a_company_that_is_no_named_unit_acts_itself(sentence: str, actor: str) -> None:
    assert _actors(sentence) == [actor]
