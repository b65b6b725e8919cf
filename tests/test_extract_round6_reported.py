"""Round 6: an organisation's action in progress by a media report or unnamed sources ("is
reportedly negotiating", "is raising again, according to people familiar with the matter") is
a reported event. Sentences written for these tests (not taken from any set)."""

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
    ("sentence", "actor", "kind"),
    [
        ("Toyota is reportedly negotiating with battery makers in Europe.", "Toyota",
         "partnership"),
        ("Korvale is raising again, according to people familiar with the matter.",
         "Korvale Robotics", "funding"),
        ("Santander is preparing job cuts at its UK branches, Bloomberg reported on Monday.",
         "Santander", "other"),
        ("Pfizer Inc. is exploring a sale of its consumer unit, people familiar with the "
         "matter said.", "Pfizer", "other"),
    ],
)  # fmt: skip
def test_a_reported_action_in_progress_is_a_reported_event(
    sentence: str, actor: str, kind: str
) -> None:
    found = _events(sentence)
    assert [(e.actor, e.kind, e.status) for e in found] == [(actor, kind, "reported")]


@pytest.mark.parametrize(
    "sentence",
    [
        # no media report or unnamed source: an ongoing state
        "Toyota is negotiating with battery makers in Europe.",
        # raising prices is no funding round
        "Toyota is raising prices in Europe, Reuters reported on Monday.",
        # an analyst's view, not a report of the company's action
        "Toyota is preparing for a slow year, analysts said.",
        # the subject is no organisation
        "Demand is reportedly weighing on prices in Europe.",
    ],
)
def test_other_progressives_are_no_event(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]
