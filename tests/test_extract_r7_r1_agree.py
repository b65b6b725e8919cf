"""Round 7: "agreed a collaboration / an alliance / a joint venture" is a concluded agreement
like "agreed a deal" (actions.json object_events), also in a subordinate "when" clause after a
dated main clause. Sentences written for these tests, in several domains (not taken from any
evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


@pytest.mark.parametrize(
    ("text", "actor", "date"),
    [
        (
            "The turning point came on Tuesday, when Halvard Biotech agreed a research "
            "collaboration worth $200 million with Novo Nordisk.",
            "Halvard Biotech",
            "2025-10-07",
        ),
        ("Lloyds Banking Group agreed a joint venture with Visa in March.", "Lloyds", "2025-03"),
        ("Tesco Group agreed a buying alliance with Carrefour last week.", "Tesco", "2025-09-29"),
        ("Renault Group agreed a collaboration on batteries in May.", "Renault", "2025-05"),
    ],
)
def test_agreeing_a_collaboration_is_an_event(text: str, actor: str, date: str) -> None:
    found = [(e.actor, e.interval.date_str()) for e in extract_events(text, PUBLISHED)]
    assert any(actor in a and d == date for a, d in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Halvard Biotech's staff agreed a collaboration was overdue.",
        "Most analysts agreed in May that a collaboration would help Renault Group.",
        "Tesco Group has not agreed an alliance with Carrefour this year.",
    ],
)
def test_no_agreement_event(text: str) -> None:
    assert extract_events(text, PUBLISHED) == []
