"""A participial modifier's event is about the noun phrase it modifies: "X's R1 model, released
earlier this year, …" is the release of R1, not of "released" (the title and key showed it)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 3, 25)


@pytest.mark.parametrize(
    ("text", "actor", "subject"),
    [
        (
            "DeepSeek’s R1 model, released earlier this year, has disrupted the status quo.",
            "DeepSeek",
            "R1",
        ),
        (
            "Mistral’s Codestral 2 model, released in January, is now used by banks.",
            "Mistral AI",
            "Codestral 2",
        ),
    ],
)
def test_a_participle_names_the_product_it_modifies(text: str, actor: str, subject: str) -> None:
    events = [e for e in extract_events(text, PUBLISHED) if e.actor == actor]
    assert events, "the participial release is an event"
    assert events[0].subject == subject
    assert subject in events[0].title and "released" not in events[0].title.split()[-1]
