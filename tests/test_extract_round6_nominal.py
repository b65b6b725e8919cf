"""Round 6: an organisation's possessive event noun with its own time ("Acme's agreement with
Beta, signed in May"): an event of the owner. Sentences written for these tests (not taken
from any set), in several domains."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 3, 12)
INTRO = "Korvale Robotics is a Lisbon start-up that builds warehouse arms. "


def _events(sentence: str) -> list[ExtractedEvent]:
    """The events of ``sentence`` placed after an introduction of a company."""
    return [e for e in extract_events(INTRO + sentence, PUBLISHED) if e.start >= len(INTRO)]


@pytest.mark.parametrize(
    ("sentence", "actor", "kind", "date"),
    [
        (
            "Regulators point to Korvale's licensing agreement with a hospital chain, signed in "
            "May 2024, as a template.",
            "Korvale Robotics",
            "partnership",
            "2024-05",
        ),
        (
            "Toyota's supply deal with Panasonic, signed last week, covers battery cells.",
            "Toyota",
            "partnership",
            "2025-03-03",
        ),
        (
            "Analysts still cite the Hanover Savings Bank's $2 billion settlement with US "
            "prosecutors in December 2012 as the benchmark.",
            "Hanover Savings Bank",
            "other",
            "2012-12",
        ),
        (
            "Microsoft's pledge in January of $80 million for training teachers drew praise.",
            "Microsoft",
            "announcement",
            "2025-01",
        ),
    ],
)
def test_possessive_event_noun_with_its_own_time(
    sentence: str, actor: str, kind: str, date: str
) -> None:
    found = _events(sentence)
    assert [(e.actor, e.kind) for e in found] == [(actor, kind)]
    assert found[0].interval.start.isoformat().startswith(date)
    assert found[0].status == "happened"


@pytest.mark.parametrize(
    "sentence",
    [
        # the owner is a place, not an organisation
        "Brazil's trade deal with Mexico, signed in May, cut tariffs on cars.",
        # no time of its own right after the noun phrase
        "Toyota's supply deal with Panasonic is worth about $300 million a year.",
        # a quantity, not an event noun
        "HSBC's revenue in December rose 4% on the year.",
        # the owner is a person, not an organisation
        "Maria Lopez's agreement with the club, signed in May, runs until 2027.",
        # a time further away belongs to another clause
        "Toyota's agreement with Panasonic gave it rights to the vaccine that it sold in 2021 "
        "for the first time in Japan.",
    ],
)
def test_possessive_event_noun_not_an_event(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]


@pytest.mark.parametrize(
    ("sentence", "kind", "date"),
    [
        ("Its $12 million Series A, in June 2023, was led by a Dutch fund.", "funding", "2023-06"),
        ("Its supply agreement with a Spanish carmaker, signed in January, runs to 2028.",
         "partnership", "2025-01"),
        ("Its settlement with a former distributor last October ended the dispute.", "other",
         "2024-10"),
        ("Their loan from a state bank in February paid for the new factory.", "funding",
         "2025-02"),
    ],
)  # fmt: skip
def test_sentence_opening_possessive_pronoun_is_the_company_in_reach(
    sentence: str, kind: str, date: str
) -> None:
    found = _events(sentence)
    assert [(e.actor, e.kind) for e in found] == [("Korvale Robotics", kind)]
    assert found[0].interval.start.isoformat().startswith(date)


@pytest.mark.parametrize(
    "sentence",
    [
        # "its" inside the clause belongs to the clause's own subject, not the company in reach
        "Hospitals praised its contract in March.",
        # the phrase after the noun is no time
        "Its agreement with the union in principle covers overtime.",
        # an ongoing state, no dated occurrence
        "Its deal with the port is worth $4 million a year.",
    ],
)
def test_possessive_pronoun_not_an_event(sentence: str) -> None:
    found = _events(sentence)
    assert found == [], [(e.actor, e.kind, e.evidence) for e in found]


def test_a_date_before_a_duration_is_no_usage_statistic() -> None:
    found = _events("The new tariff will take effect on March 30, giving importers a month.")
    assert [(e.kind, e.status) for e in found] == [("other", "planned")]
    assert found[0].interval.start.isoformat() == "2025-03-30"
    assert _events("Its app now handles 20,000 orders a day, up from 5,000 in 2023.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Bureau of Industry and Security published a rule on Tuesday that limits exports.",
        "The U.S. Commerce Department fined a chip distributor $3 million on Monday.",
    ],
)
def test_the_export_regulator_is_one_organisation(sentence: str) -> None:
    assert [e.actor for e in _events(sentence)] == ["US Commerce Department"]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Toyota began mass shipments of its solid-state battery to Nissan on Tuesday.",
         "happened"),
        ("Korvale will start deliveries of the new arm to hospitals in March.", "planned"),
        ("Vodafone intends to begin commercial 6G service in Madrid next spring.", "planned"),
        ("Korvale started sales of its arm in Germany in May.", "happened"),
    ],
)  # fmt: skip
def test_starting_the_supply_of_a_product_is_a_release(sentence: str, status: str) -> None:
    assert [(e.kind, e.status) for e in _events(sentence)] == [("release", status)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale began operations at its Porto plant in May.",
        "Korvale began talks with Siemens about a sale of its robotics unit in May.",
        "Korvale began mass production of the arm in May.",  # production: no release yet
    ],
)
def test_starting_something_else_keeps_its_kind(sentence: str) -> None:
    assert [e.kind for e in _events(sentence)] == ["other"]


def test_a_contract_from_a_customer_is_no_alliance() -> None:
    found = _events("Thales Group's contract from the French army last month covers 40 radars.")
    assert [(e.actor, e.kind) for e in found] == [("Thales Group", "other")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Korvale announced the round on Tuesday.", "funding"),
        ("Korvale announced on Monday a $15 million financing led by a Danish pension fund.",
         "funding"),
        ("Toyota and Korvale announced on Monday a multi-year partnership to build arms.",
         "partnership"),
        ("Korvale announced a joint venture with a Saudi bank on Friday.", "partnership"),
    ],
)  # fmt: skip
def test_an_announced_event_has_the_kind_of_its_noun(sentence: str, kind: str) -> None:
    assert [e.kind for e in _events(sentence)] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale announced on Monday a new arm for hospitals.",
        "Korvale announced on Monday that its partner in Spain would build a second plant.",
        "Korvale announced a hiring freeze on Friday after the round failed.",
    ],
)
def test_an_announcement_of_something_else_stays_an_announcement(sentence: str) -> None:
    assert "announcement" in [e.kind for e in _events(sentence)]
    assert not {"funding", "partnership"} & {e.kind for e in _events(sentence)}
