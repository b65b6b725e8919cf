"""A1 round 7: a definite description as the subject ("The hospital said …", "The club will
…", "The foundation intends to …") means the organisation the article named with that head word
("Linton General Hospital", "Brayford Town FC", "Open Weights Europe Foundation"), not merely the
organisation last in focus; company-like descriptions keep the organisation in focus."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actors import DocState, learn_organisations
from desktop.extract.lexicon import default_lexicon

PUBLISHED = dt.date(2025, 9, 17)


def _second_actors(text: str) -> list[str]:
    """Actors of the events the second paragraph reports."""
    start = text.index("\n\n")
    return [e.actor for e in extract_events(text, PUBLISHED) if e.start > start]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Medvio, a Boston start-up, sold its triage software to Linton General Hospital "
            "in May.\n\nThe hospital said on Tuesday it would roll the tool out to all wards "
            "in January.",
            "Linton General Hospital",
        ),
        (
            "Kestrel Analytics signed a data deal with Brayford Town FC on Monday.\n\n"
            "The club will open a new training centre in August.",
            "Brayford Town FC",
        ),
        (
            "Orvane Bio licensed its protein model to the University of Tarnow in March.\n\n"
            "The university plans to publish the first results in June.",
            "University of Tarnow",
        ),
        (
            "Vellor Retail sold its stake in the Marrow Foundation to the Osk Foundation in "
            "March. The Marrow Foundation had backed the chain since 2019.\n\n"
            "The foundation will open its first grant round in October.",
            "Marrow Foundation",
        ),
    ],
)
def test_description_means_the_organisation_named_with_its_head(text: str, actor: str) -> None:
    actors = _second_actors(text)
    assert actors and set(actors) == {actor}


def test_company_description_keeps_the_organisation_in_focus() -> None:
    text = (
        "Acme Robotics donated ten robots to the Linton Foundation on Monday.\n\n"
        "The company will open a new plant in Ohio in May."
    )
    assert _second_actors(text) == ["Acme Robotics"]


@pytest.mark.parametrize(
    "text",
    [
        "Flights from Port Harcourt resumed on Monday.",  # a head word opening a place name
        "The Foundation said little.",  # a head word alone names nothing
        "Shares in the hospital group fell.",  # lower case: a description, not a name
    ],
)
def test_no_organisation_learned_without_a_name(text: str) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert state.headed == {}


def test_the_organisation_in_focus_wins_among_those_named() -> None:
    state = DocState()
    state.name_for("club", "Brayford Town FC")
    state.name_for("club", "Brayford Town FC")
    state.name_for("club", "Linton Rovers FC")
    assert state.described("club") == "Brayford Town FC"  # named most often
    state.note("Linton Rovers FC", 3)
    assert state.described("club") == "Linton Rovers FC"  # the one in focus
    assert state.described("hospital") == ""


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            'Medvio said its triage tool went live on Monday. "It works," Health Minister '
            "Ana Ruiz told reporters.\n\nThe ministry will extend the tool to all clinics by "
            "the end of 2026.",
            "Ministry of Health",
        ),
        (
            "Kessel Bank cut its rates on Monday, Finance Minister Tom Hale said.\n\n"
            "The ministry will publish a review of bank lending in March.",
            "Ministry of Finance",
        ),
        (
            "Kessel Rail opened a line on Monday with Transport Minister Lea Berg.\n\n"
            "The ministry plans to tender two more lines in 2026.",
            "Ministry of Transport",
        ),
        (
            "Orvane Energy switched on a wind farm on Monday, Energy Minister Raj Patel said.\n\n"
            "The ministry will auction three more sites in June.",
            "Ministry of Energy",
        ),
    ],
)
def test_the_ministry_of_a_minister_named_by_portfolio(text: str, actor: str) -> None:
    assert _second_actors(text) == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Sara Holm visited the plant.",
        "Deputy Minister Sara Holm visited the plant.",
        "The Minister visited the plant.",
    ],
)
def test_no_ministry_without_a_portfolio(text: str) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert "ministry" not in state.headed
