"""Round 7 (kinds): a minority stake is an investment in the company (funding), a majority or
controlling stake an acquisition (other); a seed or pre-seed round is funding; the subject of
a prepositional relative clause ("X, in which Y agreed to take a stake") acts in it.
Sentences written for these tests (not taken from any set), in several domains."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events

PUBLISHED = dt.date(2025, 6, 18)


def _facts(text: str) -> list[tuple[str, str]]:
    return [(e.actor, e.kind) for e in extract_events(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Toyota agreed on Monday to take a 20% stake in the battery maker Solvik.", "Toyota"),
        ("Barclays bought a 9.9% stake in the Dutch lender Hollandse Krediet in May.", "Barclays"),
        ("Novartis took a minority stake in the Swiss biotech Genvia last week.", "Novartis"),
        ("Carrefour acquired a further 15 per cent stake in the grocer Mercado Rio in April.",
         "Carrefour"),
        ("Renault bought a quarter of the software house Kodal in March.", "Renault"),
    ],
)  # fmt: skip
def test_a_minority_stake_is_funding(sentence: str, actor: str) -> None:
    assert _facts(sentence) == [(actor, "funding")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota agreed on Monday to take a majority stake in the battery maker Solvik.",
        "Barclays bought a controlling stake in the Dutch lender Hollandse Krediet in May.",
        "Carrefour acquired a 60% stake in the grocer Mercado Rio in April.",
        "Novartis acquired the Swiss biotech Genvia in March.",
    ],
)
def test_a_majority_stake_or_a_takeover_is_no_funding(sentence: str) -> None:
    assert [kind for _a, kind in _facts(sentence)] == ["other"]


def test_the_stakes_of_a_debate_are_no_event() -> None:
    assert _facts("Regulators said in May that the stakes for banks were high.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Genvia Therapeutics came out of stealth on Tuesday with a $4 million pre-seed round.",
        "Kodal Software closed a €2 million seed round on Tuesday.",
    ],
)
def test_a_seed_round_is_funding(sentence: str) -> None:
    assert [kind for _a, kind in _facts(sentence)] == ["funding"]


def test_the_subject_of_a_prepositional_relative_clause_acts_in_it() -> None:
    text = (
        "Solvik Batteries, in which Toyota agreed last month to take a 20% stake for $300 "
        "million, wants to build a second plant."
    )
    assert ("Toyota", "funding") in _facts(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Finance Ministry said on Tuesday that it firmly opposed the tariff.",
        "Kodal Bank said on Monday that it welcomed the court's ruling on card fees.",
        "Solvik Motors said on Thursday that the company would become a software business first.",
        "Genvia Therapeutics said on Monday that it would remain independent.",
    ],
)
def test_a_stance_or_what_the_speaker_will_be_is_a_statement(sentence: str) -> None:
    assert [kind for _a, kind in _facts(sentence)] == ["statement"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kodal Bank said on Monday that it would open an office in Lisbon.",
        "Solvik Motors said on Tuesday that it would be launching a cheaper van.",
        "Genvia Therapeutics said on Monday that it would be listed in Zurich.",
    ],
)
def test_news_about_what_the_speaker_will_do_stays_an_announcement(sentence: str) -> None:
    assert [kind for _a, kind in _facts(sentence)] == ["announcement"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Solvik Motors delayed the launch of its electric van to the first quarter of 2026.",
        "Kodal Bank postponed the rollout of its savings app, first planned for May, until "
        "next spring.",
        "Genvia Therapeutics pushed back the release of its diagnostic kit to September.",
        "Solvik Motors said its cheaper van has been delayed to early 2026.",
    ],
)
def test_a_launch_delayed_to_a_new_time_is_a_planned_release(sentence: str) -> None:
    facts = [(e.kind, e.status) for e in extract_events(sentence, PUBLISHED)]
    assert ("release", "planned") in facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Solvik Motors delayed the launch of its electric van in May.",  # no new time
        "Kodal Bank postponed its annual meeting to September.",  # no launch
        "Genvia Therapeutics said the delay pushed its costs up to $9 million.",
    ],
)
def test_a_delay_without_a_new_launch_time_is_no_planned_release(sentence: str) -> None:
    facts = [(e.kind, e.status) for e in extract_events(sentence, PUBLISHED)]
    assert ("release", "planned") not in facts
