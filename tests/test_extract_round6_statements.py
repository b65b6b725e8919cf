"""Round 6: a leader's account of what the organisation wants, at an identifiable occasion, is
a statement of the organisation (a wish that others act is otherwise a reaction, no event).
Sentences written for these tests (not taken from any set), in several domains."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 3, 12)
INTRO = "Korvale Robotics is a Lisbon start-up that builds warehouse arms. "


def _events(sentence: str) -> list[ExtractedEvent]:
    return [e for e in extract_events(INTRO + sentence, PUBLISHED) if e.start >= len(INTRO)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale's chief executive, Ana Ribeiro, told reporters on Monday that the company "
        "wanted hospitals to own robots, not rent them.",
        "Korvale president Ana Ribeiro said at a conference in Lisbon that the group wanted "
        "robots to be part of every ward.",
        "Korvale chief executive Ana Ribeiro said in an interview on Tuesday that the company "
        "prefers insurers to pay for robot-assisted care.",
        "Korvale's chief executive, Ana Ribeiro, told reporters on Friday that the company wants "
        "carmakers to build its arms into their lines.",
    ],
)
def test_a_leaders_account_of_the_organisations_wish_is_a_statement(sentence: str) -> None:
    assert [(e.actor, e.kind) for e in _events(sentence)] == [("Korvale Robotics", "statement")]


@pytest.mark.parametrize(
    "sentence",
    [
        # the organisation itself, not a leader at an occasion: a wish that others act
        "Korvale said on Monday that it wanted regulators to approve the arm quickly.",
        # a reaction to someone else's decision stays no event, leader or not
        "Korvale chief executive Ana Ribeiro said on Monday that the company would appeal the "
        "ruling.",
        # an analyst's view of the company's wishes
        "Analyst Jo Smith said on Monday that Korvale wanted hospitals to own robots.",
    ],
)
def test_other_wishes_and_reactions_are_no_event(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "On a call with analysts after the results, chief executive Ana Ribeiro said the company "
        "would price more contracts on outcomes.",
        "In a letter to investors, chief executive Ana Ribeiro said on Monday that the company "
        "would stop selling arms to car plants.",
        "Speaking to shareholders on Friday, chief executive Ana Ribeiro said the company would "
        "open a plant in Brazil next year.",
        "Chief executive Ana Ribeiro said on the earnings call that the company would hire 200 "
        "engineers.",
    ],
)
def test_an_audience_of_analysts_or_investors_is_not_the_speaker(sentence: str) -> None:
    found = _events(sentence)
    assert found and all(e.actor == "Korvale Robotics" for e in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts at Jefferies said on Monday that Korvale would price more contracts on outcomes.",
        "In a note to clients on Monday, analysts at Jefferies said Korvale would raise prices.",
        "Jefferies analyst Ana Ribeiro said on Monday that Korvale would raise prices.",
    ],
)
def test_analysts_speaking_are_still_opinion(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Elsewhere, Toyota opened a battery plant in Ohio in May.",
        "Similarly, Toyota opened a battery plant in Ohio in May.",
        "Separately, Toyota opened a battery plant in Ohio in May.",
    ],
)
def test_a_sentence_adverb_is_no_actor(sentence: str) -> None:
    assert [e.actor for e in _events(sentence)] == ["Toyota"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota has neither confirmed nor denied the report on Monday.",
        "The bank neither announced nor ruled out a sale on Tuesday.",
        "Korvale has neither released the arm nor said when it will in 2025.",
    ],
)
def test_neither_nor_negates(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]
