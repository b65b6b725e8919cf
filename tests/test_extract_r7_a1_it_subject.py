"""A1 round 7: "It <verb> <names> … <trigger>": when "it" opens the clause and its own verb comes
before the trigger, "it" is the subject and the names are objects ("It raised Rs 250 crore in a
Series B round", "It drew Kessel Ventures into a Series B round"); "It said X …", "It was X
that …" and a document with no organisation in focus are left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 9, 17)
LEAD = "Kestova, a Lima grocer, opened its first store in Lima in July.\n\n"


def _actors(text: str) -> list[str]:
    return [e.actor for e in extract_events(text, PUBLISHED)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It raised Rs 250 crore in a Series B round in August.",
        "It secured Kessel Ventures and Osk Capital as backers in a Series A round in May.",
        "It brought Northwind Bank and Osk Capital into a Series C round in June.",
        "It drew Kessel Ventures into a Series B round in April.",
        "It counts Orvane Capital among the backers of a Series A round it closed in May.",
    ],
)
def test_it_is_the_subject_before_its_objects(sentence: str) -> None:
    assert _actors(LEAD + sentence) == ["Kestova", "Kestova"]


def test_another_subject_after_a_reporting_verb() -> None:
    text = LEAD + "It told Reuters that Orvane Robotics would launch a robot in May."
    assert _actors(text)[1:] == ["Orvane Robotics"]


@pytest.mark.parametrize(
    "text",
    [
        "It raised Rs 250 crore in a Series B round in August.",  # no organisation in focus
        "It was Orvane Robotics that launched the robot in May.",
    ],
)
def test_no_antecedent_invented(text: str) -> None:
    assert "Kestova" not in _actors(text) and "Rs" not in _actors(text)
