"""A1 round 7: a law does not act; when a law "enters into force" or "takes effect", the actor is
who made it, as its name says ("The EU AI Act" -> European Union, "Japan's AI Promotion Act" ->
Japan government, "The US rule requiring licences …" -> US government)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 9, 17)


def _actors(text: str) -> list[str]:
    return [e.actor for e in extract_events(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The EU AI Act entered into force on 1 August 2024.", "European Union"),
        ("The UK Online Safety Act came into force in March.", "UK government"),
        ("Japan's AI Promotion Act took effect in June.", "Japan government"),
        (
            "The US rule requiring licences for AI chip sales to Chinese companies took effect "
            "on Feb. 20.",
            "US government",
        ),
        ("The EU's new AI law took effect in June.", "European Union"),
    ],
)
def test_a_law_in_force_is_its_makers_event(text: str, actor: str) -> None:
    assert _actors(text) == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The Digital Markets Act took effect in March 2024.",  # its name names no maker
        "The US market for memory chips grew in May.",  # not a law
        "A UK start-up launched a chip in May.",  # not a law
    ],
)
def test_no_law_maker_invented(text: str) -> None:
    assert not any(
        a in ("US government", "UK government", "Digital Markets Act") for a in _actors(text)
    )
