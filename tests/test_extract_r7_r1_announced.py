"""Round 7 (recall): a reporting verb around a dated plan is also the organisation's
announcement of it (DESIGN.md, "What is an event"), when the speaker is the planning
organisation or one of its people: named before the plan ("Roe said Lloyds aims to …"), or in a
trailing attribution that carries its own time ("…, its chief executive said on Friday"); a
trailing attribution without a time only sources the plan. Sentences written for these tests,
in several domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 10, 8)  # a Wednesday


def _kinds(text: str, actor: str) -> list[tuple[str, str, str | None]]:
    events: list[ExtractedEvent] = extract_events(text, PUBLISHED)
    return sorted((e.kind, e.status, e.interval.date_str()) for e in events if actor in e.actor)


@pytest.mark.parametrize(
    ("text", "actor", "plan_date", "said_date"),
    [
        (
            "Volvo Cars will open a battery plant in Ghent next spring, its chief executive "
            "Jim Rowan said at a press event on Friday.",
            "Volvo",
            "2026-03",
            "2025-10-03",
        ),
        (
            "Halvard Biotech expects to begin a second trial by the end of the year, its "
            "president Ola Berg told investors in Oslo last week.",
            "Halvard",
            "2025",
            "2025-09-29",
        ),
        (
            "Tesco Group will close 20 stores in Wales in 2026, the company said on Tuesday.",
            "Tesco",
            "2026",
            "2025-10-07",
        ),
        (
            "Lloyds Banking Group's chief executive, Jane Roe, spoke in London. Roe said Lloyds "
            "aims to bring its mortgage app to Spain in the second half of next year.",
            "Lloyds",
            "2026-07",
            "2025-10-08",
        ),
    ],
)
def test_a_dated_plan_reported_by_its_organisation_is_also_an_announcement(
    text: str, actor: str, plan_date: str, said_date: str
) -> None:
    kinds = _kinds(text, actor)
    assert any(s == "planned" and d == plan_date for _k, s, d in kinds), kinds
    assert ("announcement", "happened", said_date) in kinds, kinds


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a trailing attribution without a time of its own only sources the plan
        ("Volvo Cars will open a battery plant in Ghent next spring, the company said.", "Volvo"),
        # someone else speaks
        (
            "Volvo Cars will open a battery plant in Ghent next spring, analysts at Jefferies "
            "said on Friday.",
            "Volvo",
        ),
        ("Renault Group said Volvo Cars would open a plant in Ghent next year.", "Volvo"),
        # the plan's subject is a product: the report is the plan's own source
        ("Google said on Monday Gemini Nano would launch in Spain in May.", "Google"),
        # no dated plan
        (
            "Tuyo Credit Ltd raised money in May. Its founder said the money would be used to "
            "expand to Peru.",
            "Tuyo",
        ),
    ],
)
def test_no_announcement_without_the_organisation_speaking_of_a_dated_plan(
    text: str, actor: str
) -> None:
    kinds = _kinds(text, actor)
    assert not any(k == "announcement" for k, _s, _d in kinds), kinds
