"""A1 round 7: an unknown name ending in an organisation's head word ("Kessel Rail", "Linton
Hospital", "Brayford Town FC", "Harwick Mining") is an organisation, so it may speak about
something other than itself ("… said on Thursday that a new depot would open in 2026"); a
person's name (a given name first, even "Margaret Court") or a bare head word is not."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 9, 17)


def _actors(text: str) -> set[str]:
    return {e.actor for e in extract_events(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Kessel Rail said on Thursday that a new depot would open in 2026.", "Kessel Rail"),
        (
            "Harwick Mining said on Tuesday that the Pilbara pit would close in March.",
            "Harwick Mining",
        ),
        (
            "Brayford Town FC said on Friday that the new stadium would open in August.",
            "Brayford Town FC",
        ),
        (
            "Dunmore Ports told investors on Monday that two terminals would be automated "
            "next year.",
            "Dunmore Ports",
        ),
        (
            "Linton Hospital announced on Wednesday that an AI triage tool would go live in "
            "January.",
            "Linton Hospital",
        ),
    ],
)
def test_head_word_names_speak_as_organisations(text: str, actor: str) -> None:
    assert _actors(text) == {actor}


@pytest.mark.parametrize(
    "text",
    [
        "Margaret Court said on Tuesday that the new stadium would open in August.",
        "Anna Ross said on Tuesday that a clinic would open in May.",
        "Transport said on Monday that two depots would open in May.",
    ],
)
def test_people_and_bare_head_words_do_not_speak_as_organisations(text: str) -> None:
    assert _actors(text) == set()
