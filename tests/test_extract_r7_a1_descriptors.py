"""A1 round 7: an organisation introduced with a descriptor from outside tech ("retailer
Brandwell", "Brandwell, a Leeds grocer,", "miner Tarrow Resources", "insurer Harwell Mutual")
is known for the rest of the article, and "the retailer" / "the grocer" later means it even when
another organisation was named in between."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actors import DocState, learn_organisations
from desktop.extract.lexicon import default_lexicon

PUBLISHED = dt.date(2025, 9, 17)


def _second_actors(text: str) -> list[str]:
    start = text.index("\n\n")
    return [e.actor for e in extract_events(text, PUBLISHED) if e.start > start]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Brandwell, a Leeds grocer, agreed to buy robots from Kessel Robotics in May. "
            "Kessel Robotics said on Tuesday it would hire 200 engineers in June.\n\n"
            "The grocer plans to install the robots in 40 stores by July.",
            "Brandwell",
        ),
        (
            "Kessel Robotics signed a deal with retailer Brandwell on Monday.\n\n"
            "The retailer will open a robotic depot in March.",
            "Brandwell",
        ),
        (
            "Kessel Drills signed a contract with miner Tarrow Resources in May.\n\n"
            "The miner plans to deploy autonomous trucks at two pits in 2026.",
            "Tarrow Resources",
        ),
        (
            "Kessel Analytics signed a claims deal with insurer Harwell on Monday.\n\n"
            "The insurer will roll the software out to all branches in January.",
            "Harwell",
        ),
    ],
)
def test_the_description_means_the_organisation_introduced_with_it(text: str, actor: str) -> None:
    assert _second_actors(text) == [actor]


def test_the_company_still_means_the_organisation_in_focus() -> None:
    text = (
        "Kessel Robotics signed a deal with retailer Brandwell on Monday.\n\n"
        "The company will open a robotic depot in March."
    )
    assert _second_actors(text) == ["Kessel Robotics"]


@pytest.mark.parametrize(
    "text",
    [
        "Shares of a Leeds retailer fell on Monday.",  # no name
        "The retailer said sales were flat.",  # a description, no name
        "Analysts expect the supermarket sector to shrink.",  # no name
    ],
)
def test_no_organisation_learned_without_a_name(text: str) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert state.local_orgs == set() and state.headed == {}
