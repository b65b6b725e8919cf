"""The general event detector (desktop/extract/generic_clause.py): an organisation subject, a
finite action verb and the clause's own time make an event no trigger pattern knows. Sentences
written for these tests (not taken from any set)."""

from __future__ import annotations

import datetime as dt

import pytest

import desktop.extract.pipeline as pipeline
from desktop.extract import extract_events
from desktop.extract.actions import default_actions, past_lemmas
from desktop.extract.generic_gate import time_hint
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 6, 18)
INTRO = "Brisvale Analytics is a Porto start-up that sells logistics software. "


def _events(sentence: str) -> list[ExtractedEvent]:
    return [e for e in extract_events(INTRO + sentence, PUBLISHED) if e.start >= len(INTRO)]


def _without_detector(sentence: str, monkeypatch: pytest.MonkeyPatch) -> list[ExtractedEvent]:
    with monkeypatch.context() as m:
        m.setattr(pipeline, "generic_events", lambda *a, **k: [])
        return _events(sentence)


def _detected(sentence: str, monkeypatch: pytest.MonkeyPatch) -> ExtractedEvent:
    """The one event of ``sentence``, which only the general detector finds."""
    assert _without_detector(sentence, monkeypatch) == [], "a trigger already reports it"
    found = _events(sentence)
    assert len(found) == 1, [(e.kind, e.evidence) for e in found]
    return found[0]


# --- past tenses: regular, irregular, phrasal, perfect, passive ------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor", "date"),
    [
        ("Brisvale relocated its headquarters to Braga in April.", "Brisvale", "2025-04"),
        ("Brisvale quietly moved its data centre to Porto last month.", "Brisvale", "2025-05"),
        ("Brisvale suspended its Spanish operations on Friday.", "Brisvale", "2025-06-13"),
        ("Brisvale withdrew its application in March.", "Brisvale", "2025-03"),
        ("In January, Brisvale closed its Madrid office.", "Brisvale", "2025-01"),
        ("Brisvale has settled the lawsuit with Zentro this month.", "Brisvale", "2025-06"),
        (
            "Portugal's competition authority on Tuesday banned the merger of Brisvale and Zentro.",
            "Portugal's competition authority",
            "2025-06-17",
        ),
    ],
)
def test_a_past_action_of_an_organisation_with_its_time_is_an_event(
    sentence: str, actor: str, date: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = _detected(sentence, monkeypatch)
    assert (event.actor, event.kind, event.status) == (actor, "other", "happened")
    assert event.interval.date_str() == date


def test_the_company_resolves_to_the_organisation_acting_before(monkeypatch) -> None:
    text = "Brisvale closed its Madrid office in January. The company then renamed itself in May."
    found = _events(text)
    assert [(e.actor, e.interval.date_str()) for e in found] == [
        ("Brisvale", "2025-01"),
        ("Brisvale", "2025-05"),
    ]


def test_a_passive_takes_its_agent_as_actor(monkeypatch) -> None:
    event = _detected("Brisvale was penalised by Microsoft in May.", monkeypatch)
    assert (event.actor, event.interval.date_str()) == ("Microsoft", "2025-05")


def test_the_kind_comes_from_the_verb_lexicon(monkeypatch) -> None:
    event = _detected("Brisvale collaborated with the University of Porto in 2024.", monkeypatch)
    assert (event.kind, event.interval.date_str()) == ("partnership", "2024")


def test_a_phrasal_and_an_irregular_verb_have_their_lemma() -> None:
    actions = default_actions()
    assert "relocate" in past_lemmas("relocated", actions)
    assert past_lemmas("bought", actions) == ("buy",)
    assert "plan" in past_lemmas("planned", actions)
    assert "cancel" in past_lemmas("cancelled", actions)
    assert past_lemmas("need", actions) == () and past_lemmas("based", actions) == ()


# --- plan constructions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Brisvale will relocate its headquarters to Braga in October.",
        "Brisvale will move its headquarters to Braga next year.",
        "Brisvale intends to relocate its warehouse to Braga by December.",
    ],
)
def test_a_plan_construction_with_its_own_time_is_planned(sentence: str, monkeypatch) -> None:
    event = _detected(sentence, monkeypatch)
    assert (event.actor, event.status) == ("Brisvale", "planned")
    assert event.interval.start is not None and event.interval.start > PUBLISHED


# --- exclusions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # no time expression of its own
        "Brisvale relocated its headquarters to Braga.",
        # reporting and cognition verbs alone
        "Brisvale said in May that demand stayed strong.",
        "Brisvale believed in April that the market was ready.",
        # stative and description verbs
        "Brisvale employed 300 people in 2024.",
        "Brisvale remained the largest supplier in Portugal last year.",
        # measurement of statistics and comparisons
        "Brisvale grew 40% in 2024.",
        "Brisvale doubled its revenue last year.",
        "Brisvale outperformed its rivals in the first quarter.",
        # share-price moves, counts of goods, speculation, negation, questions
        "Brisvale shares jumped 12% on Monday.",
        "Brisvale ordered 500 scanners from a supplier in May.",
        "Brisvale could relocate its headquarters in October.",
        "Brisvale never relocated its headquarters in 2024.",
        "Did Brisvale relocate its headquarters in April?",
        # the subject is no organisation
        "Prices of warehouse robots tumbled in May.",
        "The valuation Brisvale commanded in May surprised analysts.",
        "Analysts at Norberg Research downgraded the sector in May.",
    ],
)
def test_no_event_without_action_subject_or_time(sentence: str) -> None:
    assert _events(sentence) == [], [(e.kind, e.evidence) for e in _events(sentence)]


def test_an_existing_trigger_event_is_not_duplicated(monkeypatch) -> None:
    sentence = "Brisvale launched its Rota route planner in May and relocated to Braga."
    before = _without_detector(sentence, monkeypatch)
    after = _events(sentence)
    assert len(before) == 1
    assert [(e.kind, e.start, e.end) for e in after] == [(e.kind, e.start, e.end) for e in before]


def test_an_appositive_does_not_hide_the_subject(monkeypatch) -> None:
    sentence = "Brisvale, a maker of routing software, on Thursday relocated its staff to Braga."
    event = _detected(sentence, monkeypatch)
    assert event.actor == "Brisvale" and event.interval.date_str() == "2025-06-12"


def test_a_verb_inside_a_relative_clause_is_not_the_main_verb(monkeypatch) -> None:
    sentence = "Brisvale, which relocated to Braga in 2023, employs 300 people."
    assert _events(sentence) == _without_detector(sentence, monkeypatch)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brisvale lost a court case against Zentro in March.", 1),
        ("Brisvale lost €3 million in the first quarter.", 0),
        ("Brisvale gained 200 customers in the second quarter.", 0),
        ("Brisvale will likely relocate its headquarters next year.", 0),
        ("Last year Brisvale moved its warehouse into Germany.", 1),
        ("Brisvale dismissed the report on Tuesday.", 0),
    ],
)
def test_counts_hedges_and_reactions(sentence: str, expected: int) -> None:
    assert len(_events(sentence)) == expected, [(e.kind, e.evidence) for e in _events(sentence)]


def _detector_alone(sentence: str, monkeypatch: pytest.MonkeyPatch) -> list[ExtractedEvent]:
    """The events of ``sentence`` with every other clause rule switched off."""
    with monkeypatch.context() as m:
        for name in ("analyse_clause", "relative_events", "participial_events"):
            m.setattr(pipeline, name, lambda *a, **k: [])
        return _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind", "status"),
    [
        ("Brisvale raised €12 million from two Lisbon investors in March.", "funding", "happened"),
        ("Brisvale reported a net profit of €2 million on Thursday.", "other", "happened"),
        ("Brisvale posted a 12% rise in quarterly revenue on Thursday.", "other", "happened"),
        ("Brisvale expects to open a warehouse in Seville in the autumn.", "other", "planned"),
        ("Brisvale, maker of the Rota planner, relocated its staff in May.", "other", "happened"),
        ("Brisvale sued two rivals over a patent in May.", "other", "happened"),
    ],
)
def test_objects_and_shapes_the_detector_reads(
    sentence: str, kind: str, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _detector_alone(sentence, monkeypatch)
    assert [(e.actor, e.kind, e.status) for e in found] == [("Brisvale", kind, status)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Brisvale raised its prices in March.",
        "Brisvale reported the outage to customers on Thursday.",
        "Brisvale has lost customers since a data breach in January.",
        "Brisvale lost market share in 2024.",
        "Brisvale lost money in every quarter of 2024.",
        "Brisvale said on Monday that demand was strong.",
        "Analysts said Brisvale moved too slowly in 2024.",
        "Brisvale missed analyst estimates in the second quarter.",
        "Brisvale spent €40 million on research in 2024.",
        "Brisvale was named one of Europe's fastest-growing companies in 2023.",
        "Founder Marta Sousa relocated her start-up to Braga in 2019.",
    ],
)
def test_objects_that_make_no_event(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _detector_alone(sentence, monkeypatch) == []


def test_the_lead_sentence_is_dated_by_the_publication() -> None:
    doc = (
        "Brisvale moves its headquarters to Braga\n"
        "June 18, 2025\n"
        "LISBON -- Brisvale Analytics, a Porto start-up that sells logistics software, has "
        "relocated its headquarters to Braga, the company said.\n"
        "The company has also relocated its data centre to Spain, according to a filing.\n"
    )
    found = extract_events(doc, PUBLISHED)
    assert [(e.actor, e.interval.date_str(), e.anchor) for e in found] == [
        ("Brisvale Analytics", "2025-06-18", "publication")
    ]
    assert found[0].evidence.startswith("LISBON -- Brisvale Analytics")


def test_a_plan_announced_with_its_own_time_is_its_own_planned_event() -> None:
    found = _events("Brisvale said on Monday that it would relocate its staff to Braga in October.")
    assert sorted((e.kind, e.status, e.interval.date_str()) for e in found) == [
        ("announcement", "happened", "2025-06-16"),
        ("other", "planned", "2025-10"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the plan has no time of its own: the announcement alone
        "In May, Brisvale said it would relocate its headquarters to Braga.",
        # a condition, not a plan
        "Brisvale would relocate its headquarters if the tax rules changed next year.",
    ],
)
def test_no_planned_event_without_own_time_or_with_a_condition(sentence: str) -> None:
    assert not [e for e in _events(sentence) if e.status == "planned"]


def test_a_coordinated_verb_with_its_own_time_is_its_own_event(monkeypatch) -> None:
    sentence = "Brisvale relocated its staff to Braga in May and plans to rebrand itself in 2026."
    found = _detector_alone(sentence, monkeypatch)
    assert [(e.status, e.interval.date_str()) for e in found] == [
        ("happened", "2025-05"),
        ("planned", "2026"),
    ]


def test_a_time_after_the_coordination_may_date_both_verbs(monkeypatch) -> None:
    sentence = "Brisvale relocated its staff and renamed its Braga unit in May."
    found = _detector_alone(sentence, monkeypatch)
    assert found and (found[0].status, found[0].interval.date_str()) == ("happened", "2025-05")


@pytest.mark.parametrize(
    ("text", "hinted"),
    [
        ("Acme opened an office in mid-July.", True),
        ("Acme opened an office two weeks ago.", True),
        ("Acme opened an office on Oct. 29.", True),
        ("Acme opened an office in Q3.", True),
        ("Acme opened an office in 2019.", True),
        ("Acme may open an office with 5.6 million euros.", False),
        ("This office is the last one Acme opened.", False),
    ],
)
def test_the_time_hint_gate(text: str, hinted: bool) -> None:
    assert time_hint(text, text.lower()) is hinted
