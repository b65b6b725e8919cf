"""Round 7 (recall): an event noun owned by an organisation, with its own time right after its
noun phrase, is that organisation's event: "The launch of its X in Japan last week", "Acme
booked its first orders in the third quarter", "since its debut in March", "the Authority's
publication of new guidelines for retailers and banks in February". Without a time of its own,
or with a noun that names no event, nothing. Sentences written for these tests, in several
domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 10, 8)


def _rows(text: str, sentence: str) -> list[tuple[str, str, str | None]]:
    at = text.find(sentence)
    return [
        (e.actor, e.kind, e.interval.date_str())
        for e in extract_events(text, PUBLISHED)
        if e.end > at
    ]


@pytest.mark.parametrize(
    ("before", "sentence", "actor", "kind", "date"),
    [
        (
            "Volvo Cars opened a plant in Ghent on Monday. Its factories are busy.",
            "The launch of its EX30 in Japan last week drew long queues.",
            "Volvo",
            "release",
            "2025-09-29",
        ),
        (
            "Demand for batteries is rising.",
            "For now, carmakers are the winners: Renault Group booked its first battery orders "
            "in the third quarter.",
            "Renault",
            "other",
            "2025-07",
        ),
        (
            "Mobile banking keeps growing.",
            "Lloyds Banking Group, whose app has grown fast since its debut in March, plans to "
            "hire engineers.",
            "Lloyds",
            "release",
            "2025-03",
        ),
        (
            "Retail lenders face new rules.",
            "The ministry cited the Competition Authority’s publication of new merger guidelines "
            "for large retailers in February.",
            "Competition Authority",
            "other",
            "2025-02",
        ),
    ],
)
def test_an_owned_event_noun_with_its_own_time_is_an_event(
    before: str, sentence: str, actor: str, kind: str, date: str
) -> None:
    rows = _rows(f"{before} {sentence}", sentence)
    assert any(actor in a and k == kind and d == date for a, k, d in rows), rows


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        ("OpenAI is growing fast.", "The launch of ChatGPT changed the industry."),
        ("Renault Group met analysts.", "It said its sales in 2024 were flat."),
        ("Analysts at UBS praised Tesco Group.", "Its store openings were slower than planned."),
        ("Volvo Cars' EX30 was a hit.", "The launch in Europe was smooth."),
    ],
)
def test_no_owned_event_without_an_event_noun_and_its_own_time(before: str, sentence: str) -> None:
    assert _rows(f"{before} {sentence}", sentence) == []


def test_an_owned_event_inside_a_sentence_with_another_event_keeps_its_own_span() -> None:
    text = (
        "Lloyds Banking Group, whose app has grown fast since its debut in March, will open an "
        "office in Lisbon in 2026."
    )
    events = extract_events(text, PUBLISHED)
    debut = [e for e in events if e.interval.date_str() == "2025-03"]
    plan = [e for e in events if e.status == "planned" and e.interval.date_str() == "2026"]
    assert len(debut) == 1 and len(plan) == 1, events
    assert debut[0].kind == "release" and "Lloyds" in debut[0].actor
    assert debut[0].evidence == "its debut in March"


def test_an_event_found_with_the_same_time_is_not_repeated() -> None:
    text = "Renault Group's deal with LG, signed in May, covers battery cells."
    events = extract_events(text, PUBLISHED)
    assert len([e for e in events if e.interval.date_str() == "2025-05"]) == 1, events
