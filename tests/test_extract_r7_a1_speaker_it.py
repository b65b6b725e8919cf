"""A1 round 7: "X said it …": the "it" of what a speaker says is the speaker, even when the
speaker is a name the gazetteer does not know and another organisation was in focus before
("Telia, in which the state holds a stake, said it plans to …"); "X, in which Y holds a stake"
also tells that X is an organisation."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actors import DocState, learn_organisations, subject_actor
from desktop.extract.lexicon import default_lexicon

PUBLISHED = dt.date(2025, 9, 17)
LEAD = "Northwind Bank opened a branch in Leeds on Monday.\n\n"


def _second_actors(text: str) -> set[str]:
    start = text.index("\n\n")
    return {e.actor for e in extract_events(text, PUBLISHED) if e.start > start}


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        (
            "Orvane, in which the state holds a 20% stake, said it plans to announce a new "
            "strategy at an investor day in the spring.",
            "Orvane",
        ),
        (
            "Osk, of which the city owns 40%, said it plans to announce a new port strategy at "
            "an investor day in the spring.",
            "Osk",
        ),
        (
            "Brightmoor, in which two pension funds hold stakes, said it plans to announce new "
            "store targets at a capital markets day in March.",
            "Brightmoor",
        ),
        (
            "Talvik, in which Kessel Foods holds a stake, said it plans to announce new targets "
            "at a strategy day in the autumn.",
            "Talvik",
        ),
        (
            "Duvano told reporters it expects to present new targets at a strategy day in May.",
            "Duvano",
        ),
    ],
)
def test_it_in_what_a_speaker_says_is_the_speaker(sentence: str, actor: str) -> None:
    assert _second_actors(LEAD + sentence) == {actor}


def test_a_speaker_region_ending_in_it() -> None:
    lex, state = default_lexicon(), DocState()
    state.note("Northwind Bank", 0)
    region = "Brightmoor, in which a pension fund holds a stake, said it "
    assert subject_actor(lex, region, state, 1).name == "Brightmoor"


@pytest.mark.parametrize(
    ("text", "learned"),
    [
        ("Osk, of which the city owns 40%, runs the port.", {"Osk"}),
        ("Japan, in which most plants are old, imports coal.", set()),  # a place
        ("Maria Lopez, in which case the bank pays, agreed.", set()),  # a person's name
    ],
)
def test_in_which_tells_an_organisation(text: str, learned: set[str]) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert state.local_orgs == learned


def test_an_unnamed_spokesperson_still_speaks_for_the_organisation_in_focus() -> None:
    text = LEAD + "A spokesperson said on Tuesday it would open a second branch in May."
    assert _second_actors(text) <= {"Northwind Bank"}
