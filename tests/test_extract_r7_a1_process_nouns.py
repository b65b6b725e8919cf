"""A1 round 7: a capitalised process noun opening a sentence ("Construction is scheduled to
begin …", "Production will start …") is no organisation; institutions whose names look alike
("Parliament", "Government") and names the article introduced still are."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 9, 17)
LEAD = "Kessel Energy said on Monday it had signed a supply deal with a steelworks.\n\n"


def _second_actors(text: str) -> list[str]:
    start = text.index("\n\n")
    return [e.actor for e in extract_events(text, PUBLISHED) if e.start > start]


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Construction is scheduled to begin in the first quarter of 2026.", "Construction"),
        ("Production will start at the Ohio plant in March.", "Production"),
        ("Deployment across all branches was completed in June.", "Deployment"),
        ("Installation of the cranes is planned for October.", "Installation"),
    ],
)
def test_a_process_noun_is_no_actor(sentence: str, noun: str) -> None:
    assert noun not in _second_actors(LEAD + sentence)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Parliament passed the Data Act in November.", "Parliament"),
        ("Government will publish its AI plan in March.", "Government"),
        ("Motion Robotics said it raised $20 million in May.", "Motion Robotics"),
    ],
)
def test_institutions_and_longer_names_still_act(sentence: str, actor: str) -> None:
    assert actor in _second_actors(LEAD + sentence)


def test_a_name_the_article_introduced_still_acts() -> None:
    text = (
        "Ascension, a Texas-based hospital operator, cut 300 jobs in May.\n\n"
        "Ascension will open a new clinic in Dallas in March."
    )
    assert _second_actors(text) == ["Ascension"]
