"""Round 7: two guards of the general clause detector. A usage statistic in the subject's
relative clause ("Acme, which has 40 million users, changed X in March") does not make the
main clause a statistic; a clause after another speaker's forecast verb ("Kim estimates that
Acme will hold 55% of the market this year") is that speaker's view, not the organisation's
plan. Sentences written for these tests, in several domains (not taken from any set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


@pytest.mark.parametrize(
    ("text", "actor", "date"),
    [
        (
            "Halvard Biotech, which has 2 million patients on its drugs, opened a lab in Oslo "
            "in March.",
            "Halvard Biotech",
            "2025-03",
        ),
        (
            "Tesco Group, which serves 20 million customers, closed its Leeds store in May.",
            "Tesco Group",
            "2025-05",
        ),
        (
            "Lloyds Banking Group, which has 26 million customers, shut its Bristol branch in "
            "June.",
            "Lloyds Banking Group",
            "2025-06",
        ),
        (
            "Volvo Cars, which has more than 10 million customers, opened an office in Lagos in "
            "April.",
            "Volvo Cars",
            "2025-04",
        ),
    ],
)
def test_a_statistic_in_the_subjects_relative_clause_leaves_the_event(
    text: str, actor: str, date: str
) -> None:
    found = [(e.actor, e.interval.date_str()) for e in extract_events(text, PUBLISHED)]
    assert (actor, date) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Analyst Jane Roe estimates that Renault Group will hold 12% of the market in 2026.",
        "Investors believe that Volvo Cars will sell its truck unit in 2026.",
        "Economists predict that Tesco Group will cut prices in May.",
    ],
)
def test_a_clause_after_another_speakers_forecast_is_no_plan(text: str) -> None:
    assert extract_events(text, PUBLISHED) == []


def test_an_organisations_own_expectation_stays_a_plan() -> None:
    found = extract_events("Renault Group expects that it will open a plant in May.", PUBLISHED)
    assert [(e.actor, e.status, e.interval.date_str()) for e in found] == [
        ("Renault Group", "planned", "2026-05")
    ]
