"""Round 7 (recall): the plan of a scheduled thing whose subject names no organisation ("The
first is expected to open in 2027", "The launch is now expected later this year", "Open weights
for the small model are due in July"): an event of the organisation in reach. Forecasts of
quantities and stative predicates stay no event. Sentences written for these tests, in several
domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


def _planned(text: str, second: str) -> list[tuple[str, str, str | None]]:
    at = text.find(second)
    return [
        (e.actor, e.status, e.interval.date_str())
        for e in extract_events(text, PUBLISHED)
        if e.end > at and e.status == "planned"
    ]


@pytest.mark.parametrize(
    ("first", "second", "actor", "date"),
    [
        (
            "Renault Group will build two battery plants in France, it said on Monday.",
            "The first is expected to open in the second half of 2027.",
            "Renault",
            "2027-07",
        ),
        (
            "Halvard Biotech has three antibodies in trials, it said on Monday.",
            "The first is set to enter a final trial in 2026.",
            "Halvard",
            "2026",
        ),
        (
            "Lloyds Banking Group is building two new apps, it said on Monday.",
            "The second is expected to launch next spring.",
            "Lloyds",
            "2026-03",
        ),
        (
            "Tesco Group is refitting 40 stores, it said on Monday.",
            "The last is scheduled to reopen in March 2026.",
            "Tesco",
            "2026-03",
        ),
    ],
)
def test_a_scheduled_thing_without_a_noun_is_its_organisations_plan(
    first: str, second: str, actor: str, date: str
) -> None:
    found = _planned(f"{first} {second}", second)
    assert any(actor in a and d == date for a, _s, d in found), found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Renault Group sold two plants on Monday.",
            "The first is expected to be profitable in 2027.",
        ),
        ("The Bank of England held rates on Monday.", "The weather is expected to improve in May."),
        ("Tesco Group cut prices on Monday.", "Prices are expected to rise in 2026."),
    ],
)
def test_a_forecast_or_a_state_is_no_scheduled_event(first: str, second: str) -> None:
    assert _planned(f"{first} {second}", second) == []


@pytest.mark.parametrize(
    ("first", "second", "actor", "date"),
    [
        (
            "Volvo Cars said on Monday it had delayed the launch of its EX90 in Europe.",
            "The launch, first planned for June, is now expected next spring.",
            "Volvo",
            "2026-03",
        ),
        (
            "Halvard Biotech paused its trial in May.",
            "The restart is now expected in the first quarter of 2026.",
            "Halvard",
            "2026-01",
        ),
        (
            "Tesco Group closed its Leeds store on Monday.",
            "The new store is expected later this year.",
            "Tesco",
            "2025",
        ),
    ],
)
def test_a_scheduled_thing_now_expected_at_a_time_is_a_new_plan(
    first: str, second: str, actor: str, date: str
) -> None:
    found = _planned(f"{first} {second}", second)
    assert any(actor in a and d == date for a, _s, d in found), found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Halvard Biotech reported results on Monday.", "A ruling is expected in May."),
        ("Tesco Group cut prices on Monday.", "Growth is expected later this year."),
        ("Volvo Cars recalled 5,000 cars on Monday.", "More recalls are expected by analysts."),
    ],
)
def test_an_expected_forecast_is_no_plan(first: str, second: str) -> None:
    assert _planned(f"{first} {second}", second) == []


@pytest.mark.parametrize(
    ("first", "second", "actor", "date"),
    [
        (
            "Lloyds Banking Group updated its app on Monday.",
            "New versions of the app are due in March, it added.",
            "Lloyds",
            "2026-03",
        ),
        (
            "Volvo Cars opened a plant in Ghent on Monday.",
            "Production at the plant is scheduled to start in the second half of 2026.",
            "Volvo",
            "2026-07",
        ),
        (
            "Tesco Group signed a lease in Leeds on Monday.",
            "Sales at the new store are expected to begin in May.",
            "Tesco",
            "2026-05",
        ),
    ],
)
def test_a_bare_scheduled_thing_or_a_start_is_a_plan(
    first: str, second: str, actor: str, date: str
) -> None:
    found = _planned(f"{first} {second}", second)
    assert any(actor in a and d == date for a, _s, d in found), found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tesco Group cut prices on Monday.", "Sales are expected to rise in 2026."),
        ("Volvo Cars opened a plant on Monday.", "Customers are expected to switch in 2026."),
        ("Lloyds Banking Group hired a vendor.", "Analysts are due to publish a review in March."),
    ],
)
def test_a_bare_subject_that_names_no_product_is_no_plan(first: str, second: str) -> None:
    assert _planned(f"{first} {second}", second) == []
