"""Round 7 (recall, actors): a participial modifier of "Its/Their <noun>, <Name>," ("Its new
model, Kite 2, released earlier this month") reports an event of the organisation the pronoun
stands for, not of the named product. Sentences written for these tests, in several domains
(not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


@pytest.mark.parametrize(
    ("first", "second", "actor", "date"),
    [
        (
            "Volvo Cars opened a plant in Ghent on Monday.",
            "Its new SUV, the EX90 Cross, launched in March, sells well in Sweden.",
            "Volvo Cars",
            "2025-03",
        ),
        (
            "Halvard Biotech signed a licensing deal on Monday.",
            "Its lead antibody, Halvamab, unveiled in May, is its main product.",
            "Halvard Biotech",
            "2025-05",
        ),
        (
            "Lloyds Banking Group reported results on Monday.",
            "Its new app, Lloyds Go, released last month, has two million users.",
            "Lloyds Banking Group",
            "2025-09",
        ),
        (
            "Tesco Group opened a store in Leeds on Monday.",
            "Its loyalty scheme, Clubcard Plus, introduced in 2024, keeps growing.",
            "Tesco Group",
            "2024",
        ),
    ],
)
def test_its_named_thing_modified_by_a_participle_is_the_organisations_event(
    first: str, second: str, actor: str, date: str
) -> None:
    at = len(first) + 1
    found = [e for e in extract_events(f"{first} {second}", PUBLISHED) if e.end > at]
    assert [(e.actor, e.interval.date_str()) for e in found] == [(actor, date)]


@pytest.mark.parametrize(
    "second",
    [
        "Its new SUV, the EX90 Cross, sells well in Sweden.",
        "Its new SUV, the EX90 Cross, which sells well, is built in Ghent.",
        "Its rival, Polestar, launched a car in March.",
    ],
)
def test_no_participial_event_of_the_pronouns_organisation(second: str) -> None:
    first = "Volvo Cars opened a plant in Ghent on Monday."
    found = extract_events(f"{first} {second}", PUBLISHED)
    assert not [e for e in found if e.end > len(first) + 1 and e.actor == "Volvo Cars"]
