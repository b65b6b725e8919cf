"""Round-4 rules on invented sentences: a reaction reported with "said it would appeal/review"
is no event, and a time inside a relative clause does not date the main clause's report."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUB = dt.date(2025, 6, 18)  # a Wednesday


def _events(text: str):
    return [(e.actor, e.kind, e.status, e.interval.date_str()) for e in extract_events(text, PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Brindle Labs said on Tuesday it would appeal the ruling.",
        "Osterhof Energy said it will comply with the order.",
        "The start-up Quenza said it was considering a challenge to the decision.",
    ],
)
def test_a_reported_reaction_is_not_an_event(text: str) -> None:
    assert _events(text) == []


def test_a_reported_plan_of_its_own_is_still_an_event() -> None:
    found = _events("Brindle Labs said on Tuesday that it will open a plant in Ghana.")
    assert [(a, k, d) for a, k, _s, d in found] == [("Brindle Labs", "announcement", "2025-06-17")]


def test_a_relative_clause_time_does_not_date_the_report() -> None:
    text = "Tavora Robotics, which raised $9 million in April, said it would appeal the fine."
    assert _events(text) == [("Tavora Robotics", "funding", "happened", "2025-04")]


def test_a_relative_clause_time_does_not_date_a_reported_plan() -> None:
    text = "Tavora Robotics, which raised $9 million in April, said it would expand into Brazil."
    dates = {k: d for _a, k, _s, d in _events(text)}
    assert dates["funding"] == "2025-04"
    assert dates.get("announcement") != "2025-04"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Portugal's data regulator on Monday ordered Vendra Apps to delete the recordings.",
            ("Portugal's data regulator", "other", "happened", "2025-06-16"),
        ),
        (
            "The transport ministry on Tuesday ordered Kivo Motors to recall 3,000 scooters.",
            ("transport ministry", "other", "happened", "2025-06-17"),
        ),
        (
            "The digital ministry announced on Monday a €40 million grant scheme for start-ups.",
            ("digital ministry", "announcement", "happened", "2025-06-16"),
        ),
    ],
)
def test_orders_and_lowercase_public_bodies(text: str, expected: tuple) -> None:
    assert _events(text) == [expected]


def test_ordering_goods_is_not_an_order_to_act() -> None:
    assert _events("Kivo Motors on Monday ordered 500 batteries from a supplier in Osaka.") == []


def test_the_company_is_not_a_public_body() -> None:
    found = _events("The Danish company on Monday ordered Vendra Apps to stop using its logo.")
    assert all(a != "Danish company" for a, *_rest in found)
