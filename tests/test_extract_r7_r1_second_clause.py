"""Round 7 (recall): a sentence whose first clause is already an event may hold a second clause
with its own action and its own time: a coordinated predicate ("… on Monday and has said it
plans to … in early 2026") or a subordinate clause ("…, its best quarter since it went public in
1995"). Each is its own event; without a time of its own the second clause adds nothing.
Sentences written for these tests, in several domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


def _rows(text: str) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        (e.actor, e.kind, e.status, e.interval.date_str()) for e in extract_events(text, PUBLISHED)
    )


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Halvard Biotech raised $40 million in a Series B round on Monday and has said it "
            "plans to start a second trial in early 2026.",
            ("funding", "2025-10-06"),
            ("planned", "2026"),
        ),
        (
            "Tesco Group reported a 5% rise in quarterly sales on Tuesday, its best quarter "
            "since it went public in 1995.",
            ("other", "2025-10-07"),
            ("happened", "1995"),
        ),
        (
            "Lloyds Banking Group announced a partnership with Visa on Monday and will launch a "
            "joint card in the second half of 2026.",
            ("partnership", "2025-10-06"),
            ("planned", "2026-07"),
        ),
        (
            "Volvo Cars unveiled its EX30 Cross Country in Milan last week and expects to start "
            "deliveries in March 2026.",
            ("release", "2025-09-29"),
            ("planned", "2026-03"),
        ),
    ],
)
def test_a_second_clause_with_its_own_time_is_its_own_event(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    rows = _rows(text)
    assert any((k, d) == first for _a, k, _s, d in rows), rows
    assert any((s, d) == second for _a, _k, s, d in rows), rows


@pytest.mark.parametrize(
    "text",
    [
        "Halvard Biotech raised $40 million on Monday and said the money would fund research.",
        "Tesco Group reported a 5% rise in sales on Tuesday as shoppers returned to its stores.",
        "Volvo Cars recalled 20,000 cars on Monday and said it was working with regulators.",
        "Lloyds Banking Group announced job cuts on Monday, since demand fell in 2024.",
    ],
)
def test_a_second_clause_without_an_event_of_its_own_adds_nothing(text: str) -> None:
    assert len(_rows(text)) == 1, _rows(text)
