"""The general event detector, widened: verbs that are events only with a particular object
(a commitment "agreed to buy", a reached settlement, a declined offer), phrasal verbs of stative
verbs ("turned down", "put out"), classifier nouns before a name ("technology investor Acme")
and datelines naming two places. Sentences written for these tests (not taken from any set)."""

from __future__ import annotations

import datetime as dt

import pytest

import desktop.extract.pipeline as pipeline
from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 6, 18)
INTRO = "Brisvale Analytics is a Porto start-up that sells logistics software. "


def _events(sentence: str) -> list[ExtractedEvent]:
    return [e for e in extract_events(INTRO + sentence, PUBLISHED) if e.start >= len(INTRO)]


def _detected(sentence: str, monkeypatch: pytest.MonkeyPatch) -> ExtractedEvent:
    """The one event of ``sentence``, which only the general detector finds."""
    with monkeypatch.context() as m:
        m.setattr(pipeline, "generic_events", lambda *a, **k: [])
        assert _events(sentence) == [], "a trigger already reports it"
    found = _events(sentence)
    assert len(found) == 1, [(e.kind, e.evidence) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Brisvale agreed on Monday to license its routing engine to Zentro.", "2025-06-16"),
        ("Brisvale offered in March to refund its Spanish customers.", "2025-03"),
        ("Brisvale decided last month to move its servers to Lisbon.", "2025-05"),
        ("Brisvale voted in April to dissolve its Brazilian unit.", "2025-04"),
        ("Brisvale reached a settlement with its former landlord in February.", "2025-02"),
        ("Brisvale had reached a licensing deal with Zentro in January.", "2025-01"),
        ("Brisvale declined a takeover bid from Zentro last year.", "2024"),
        ("Brisvale came out of stealth in May.", "2025-05"),
        ("Brisvale turned down a buyout proposal in March.", "2025-03"),
    ],
)
def test_a_verb_with_the_object_that_makes_it_an_action_is_an_event(
    sentence: str, date: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = _detected(sentence, monkeypatch)
    assert event.actor == "Brisvale"
    assert event.interval.date_str() == date


@pytest.mark.parametrize(
    "sentence",
    [
        "Brisvale declined to comment in May.",
        "Brisvale's revenue declined 4% in the first quarter.",
        "Brisvale reached 2 million users in April.",
        "Brisvale offered customers a discount in May.",
        "Brisvale agreed that the criticism was fair in March.",
        "Brisvale turned profitable last year.",
        "Brisvale came second in a ranking of Portuguese start-ups in May.",
        "Brisvale agreed in March to be bound by the ruling.",
    ],
)
def test_the_same_verbs_without_that_object_are_no_event(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_phrasal_verb_of_a_stative_verb_has_its_own_kind(monkeypatch) -> None:
    event = _detected("Brisvale put out a routing model for bakeries in May.", monkeypatch)
    assert (event.actor, event.kind, event.interval.date_str()) == (
        "Brisvale",
        "release",
        "2025-05",
    )


def test_a_commitment_takes_the_kind_of_the_predicate() -> None:
    found = _events("Brisvale agreed on Monday to invest €4 million in Zentro.")
    assert [(e.actor, e.kind) for e in found] == [("Brisvale", "funding")]
    found = _events("Brisvale agreed on Monday to open-source its routing engine.")
    assert [(e.actor, e.kind) for e in found] == [("Brisvale", "open_source")]


@pytest.mark.parametrize("role", ["technology investor", "venture investor", "partner"])
def test_a_role_noun_that_classifies_a_name_does_not_make_it_an_opinion(role: str) -> None:
    text = f"Lisbon {role} Norvik Capital agreed on Monday to take a 30% stake in Brisvale."
    found = _events(text)
    assert [(e.actor, e.interval.date_str()) for e in found] == [("Norvik Capital", "2025-06-16")]


def test_an_analyst_remains_an_opinion() -> None:
    assert _events("Analysts at Norvik Capital agreed in May that Brisvale moved too fast.") == []


def test_a_dateline_of_two_places_is_no_actor() -> None:
    text = "LISBON/PORTO - Brisvale agreed on Monday to acquire Zentro, a Braga start-up."
    assert [e.actor for e in _events(text)] == ["Brisvale"]


# --- subjects that name no organisation ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor", "date"),
    [
        (
            "A €40 million loan to Brisvale was approved on Monday by Norvik Bank.",
            "Norvik Bank",
            "2025-06-16",
        ),
        (
            "The merger of two Porto hauliers was rejected in May by Zentro Group.",
            "Zentro Group",
            "2025-05",
        ),
    ],
)
def test_a_passive_with_a_named_agent_needs_no_organisation_subject(
    sentence: str, actor: str, date: str
) -> None:
    found = _events(sentence)
    assert [(e.actor, e.interval.date_str()) for e in found] == [(actor, date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A €40 million loan to Brisvale was approved on Monday by regulators.",
        "A €40 million loan to Brisvale was approved on Monday.",
    ],
)
def test_a_passive_without_a_named_agent_or_subject_is_no_event(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "date"),
    [
        (
            "Its routing assistant, first promised for March, is now slated for Q4 2025.",
            "release",
            "2025-10",
        ),
        (
            "The new Braga depot is expected to open in the first half of 2026.",
            "other",
            "2026-01",
        ),
        (
            "The first product, a planner for bakeries, is set to go live in September.",
            "release",
            "2025-09",
        ),
        ("The company's open weights are due in August.", "open_source", "2025-08"),
    ],
)
def test_a_scheduled_thing_is_a_plan_of_the_organisation_in_reach(
    sentence: str, kind: str, date: str
) -> None:
    found = _events("Brisvale opened a Lisbon office in May. " + sentence)
    assert [(e.actor, e.kind, e.status) for e in found[1:]] == [("Brisvale", kind, "planned")]
    assert found[1].interval.date_str() == date


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices are expected to rise in the first half of 2026.",
        "The market is expected to double by 2027.",
        "Revenue is due to recover in 2026.",
        "Analysts are expected to revise their forecasts in July.",
        "A decision is due in August.",
        "The ruling is expected in September.",
    ],
)
def test_a_forecast_or_an_indefinite_subject_is_no_scheduled_thing(sentence: str) -> None:
    found = _events("Brisvale opened a Lisbon office in May. " + sentence)
    assert [e.evidence for e in found[1:]] == []


# --- a plan reported by its own organisation: the plan and the announcement -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Brisvale said it intends to open a depot in Braga by the end of the year.",
        "Ferraz said Brisvale plans to relocate its warehouse in the second half of the year.",
        "Brisvale has said that it will shut its Spanish unit in March 2026.",
    ],
)
def test_a_plan_its_organisation_reports_is_also_an_announcement(sentence: str) -> None:
    text = "Brisvale was founded in 2019 by Ferraz, a former logistics manager. " + sentence
    found = [e for e in _events(text) if e.status != "happened" or e.kind == "announcement"]
    kinds = sorted((e.actor, e.kind, e.status) for e in found if "founded" not in e.evidence)
    assert len(kinds) == 2, kinds
    assert kinds[0][1:] == ("announcement", "happened")
    assert kinds[1][2] == "planned"
    assert {k[0] for k in kinds} == {"Brisvale"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said Brisvale plans to open a depot in Braga by the end of the year.",
        "Zentro said Brisvale intends to open a depot in Braga by the end of the year.",
    ],
)
def test_a_plan_reported_by_someone_else_is_no_announcement(sentence: str) -> None:
    found = _events("Zentro Group sells pallets. " + sentence)
    assert [e for e in found if e.kind == "announcement"] == []


def test_a_founder_named_by_surname_speaks_for_the_company() -> None:
    text = (
        "Brisvale was founded in 2019 by Ferraz, a former logistics manager. "
        "Ferraz said Brisvale intends to open a depot in Braga by the end of the year."
    )
    said = [e for e in _events(text) if e.kind == "announcement"]
    assert [(e.actor, e.interval.date_str()) for e in said] == [("Brisvale", "2025-06-18")]


@pytest.mark.parametrize(
    ("sentence", "actor", "date"),
    [
        (
            "Two former bankers founded Quillon Pay, a Faro start-up, in March.",
            "Quillon Pay",
            "2025-03",
        ),
        (
            "Engineers from a Lisbon telecoms group formed Tervo Labs last year.",
            "Tervo Labs",
            "2024",
        ),
    ],
)
def test_a_founding_by_people_is_an_event_of_the_organisation_founded(
    sentence: str, actor: str, date: str
) -> None:
    found = _events(sentence)
    assert [(e.actor, e.interval.date_str()) for e in found] == [(actor, date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two former bankers founded the company in March.",
        "Two former bankers founded Lisbon's first fintech club in March.",
        "Two former bankers founded Maria Costa's favourite café in March.",
    ],
)
def test_a_founding_without_a_named_organisation_object_is_no_event(sentence: str) -> None:
    assert _events(sentence) == []


# --- nominal events with a dated reduced relative ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor", "kind", "date"),
    [
        (
            "Growth came from a three-year deal with a Lisbon retailer signed in April.",
            "Brisvale",
            "partnership",
            "2025-04",
        ),
        (
            "Results benefited from a €10 million loan from a state bank agreed last month.",
            "Brisvale",
            "funding",
            "2025-05",
        ),
        (
            "Investors point to a complaint filed in March by Zentro Group.",
            "Zentro Group",
            "other",
            "2025-03",
        ),
    ],
)
def test_a_deal_noun_with_a_dated_participle_is_an_event(
    sentence: str, actor: str, kind: str, date: str
) -> None:
    found = _events("Brisvale opened a Lisbon office in May. " + sentence)[1:]
    assert [(e.actor, e.kind, e.interval.date_str()) for e in found] == [(actor, kind, date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Growth came from a three-year deal with a Lisbon retailer.",
        "A deal signed by the two governments is pending.",
        "Investors point to a complaint filed in March by a group of rival hauliers.",
        "The agreement signed ceremonially is a formality.",
    ],
)
def test_no_nominal_event_without_its_own_time_or_with_an_unnamed_agent(sentence: str) -> None:
    assert _events("Brisvale opened a Lisbon office in May. " + sentence)[1:] == []
