"""Generalisation rules: unknown organisations as subjects, wrong-actor guards, new trigger
families and not-events, on invented sentences (no gold file's text)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.lexicon import default_lexicon
from desktop.extract.orgnames import canonical, fronted_subject, subject_name

PUB = dt.date(2025, 6, 18)  # a Wednesday


def _events(text: str):
    return [(e.actor, e.kind, e.status, e.interval.date_str()) for e in extract_events(text, PUB)]


@pytest.mark.parametrize(
    ("region", "name"),
    [
        ("Torvane Robotics ", "Torvane Robotics"),
        ("Separately, Quillo ", "Quillo"),
        ("In Lima, Andespay ", "Andespay"),
        ("Chilean payments start-up Andespay ", "Andespay"),
        ("Peru's Ministry of Production ", "Ministry of Production"),
        ("Orkla's rival Brunvik ", "Brunvik"),
        ("LAGOS, June 17 -- Moniflo ", "Moniflo"),
        ("Brunvik and Orkla ", "Brunvik"),
        ("Fintech start-ups ", ""),
        ("Developers have ", ""),
        ("The Danish company ", ""),
    ],
)
def test_subject_name_is_the_grammatical_subject(region: str, name: str) -> None:
    assert subject_name(default_lexicon(), region) == name


def test_fronted_subject_and_short_forms() -> None:
    lex = default_lexicon()
    text = "Set up in 2020 by two chemists, Verdalis now sells enzymes to brewers."
    assert fronted_subject(lex, text, len("Set up")) == "Verdalis"
    assert canonical("Verdalis", {"Verdalis Bio", "Orkla"}) == "Verdalis Bio"
    assert canonical("Orkla", {"Orkla"}) == "Orkla"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Torvane Robotics raised $30 million in a Series B round on Tuesday.",
            ("Torvane Robotics", "funding", "happened", "2025-06-17"),
        ),
        (
            "Peru's Ministry of Production launched a national robotics strategy on Monday.",
            ("Ministry of Production", "announcement", "happened", "2025-06-16"),
        ),
        (
            "Separately, Quillo opened a research centre in Porto in May.",
            ("Quillo", "other", "happened", "2025-05"),
        ),
        (
            "Congress passed the Digital Services Act in April.",
            ("Congress", "other", "happened", "2025-04"),
        ),
        (
            "Brunvik acquired a Latvian logistics start-up in March.",
            ("Brunvik", "other", "happened", "2025-03"),
        ),
        (
            "Andespay and Moniflo formed a joint venture in February.",
            ("Andespay", "partnership", "happened", "2025-02"),
        ),
        (
            "Orkla Semiconductor expects to begin mass production in the third quarter.",
            ("Orkla Semiconductor", "other", "planned", "2025-07"),
        ),
        (
            "Halden Grid listed its shares on the Oslo stock exchange in January.",
            ("Halden Grid", "other", "happened", "2025-01"),
        ),
        (
            "Kelpie Energy won a $40 million contract from the port authority last month.",
            ("Kelpie Energy", "other", "happened", "2025-05"),
        ),
    ],
)
def test_unknown_organisations_act(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _events(text) == [expected]


def test_short_form_and_anaphor_reach_the_introduced_name() -> None:
    text = (
        "Verdalis Bio, a Ghent start-up, raised €12 million in a seed round in April. "
        "Verdalis was established in 2021. The Belgian company opened a plant in Lyon in May."
    )
    got = _events(text)
    assert [a for a, *_r in got] == ["Verdalis Bio"] * 3
    assert [k for _a, k, *_r in got] == ["funding", "other", "other"]


def test_fronted_participle_founding() -> None:
    text = "Founded in 2019 by two former bankers, Quillo lends to farmers in Peru."
    assert _events(text) == [("Quillo", "other", "happened", "2019")]


def test_trailing_speaker_is_the_actor() -> None:
    text = (
        "Orkla Semiconductor unveiled a new sensor chip on Monday. "
        "The chip taped out in March, the company said."
    )
    got = _events(text)
    assert ("Orkla Semiconductor", "other", "happened", "2025-03") in got


def test_object_and_backer_do_not_win_over_the_subject() -> None:
    text = "The Chilean firm, backed by SoftBank, acquired a mapping start-up in May."
    prior = "Andespay, a Chilean payments firm, launched a wallet app on Monday. "
    got = _events(prior + text)
    assert ("Andespay", "other", "happened", "2025-05") in got
    assert not any(a == "SoftBank" for a, *_r in got)


def test_possessive_org_in_a_comparison_is_not_salient() -> None:
    text = (
        "Orkla Semiconductor unveiled a new chip on Monday. "
        "The chip is faster than Nvidia's H100 on small models. "
        "It raised $50 million in a Series C round in January."
    )
    got = _events(text)
    assert ("Orkla Semiconductor", "funding", "happened", "2025-01") in got
    assert not any(a == "Nvidia" for a, *_r in got)


def test_relative_clause_of_an_introduced_org_carries_its_own_event() -> None:
    text = (
        "Lima-based start-up Andespay Labs raised $8 million in January. "
        "Andespay, which launched its wallet app in 2023, says it has 400,000 users."
    )
    got = _events(text)
    assert ("Andespay Labs", "release", "happened", "2023") in got
    assert not any(k == "announcement" for _a, k, *_r in got)


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian start-ups raised $900 million in 2024, according to data from LAVCA.",
        "Developers built more than 2,000 apps on the platform, making it popular.",
        "Quillo has partnered with Visa in the past to offer cards.",
        "Brunvik says it has 2 million customers.",
    ],
)
def test_not_events(text: str) -> None:
    assert _events(text) == []


def test_plan_trigger_without_content_takes_the_time_after_it() -> None:
    text = "Chile's Ministry of Science presented its AI roadmap on Monday."
    assert _events(text) == [("Ministry of Science", "announcement", "happened", "2025-06-16")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pelikan AI opened a public beta of its tutoring assistant on Tuesday.",
            ("Pelikan AI", "release", "happened", "2025-06-17"),
        ),
        (
            "Pelikan AI made the source code of its compiler available on GitHub in March.",
            ("Pelikan AI", "open_source", "happened", "2025-03"),
        ),
        (
            "Marlow Bank made its debut on the London Stock Exchange on Friday.",
            ("Marlow Bank", "other", "happened", "2025-06-13"),
        ),
        (
            "Kovra reported a first-quarter profit of $12 million on Tuesday.",
            ("Kovra", "other", "happened", "2025-06-17"),
        ),
    ],
)
def test_more_trigger_families(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _events(text) == [expected]


def test_an_appositive_founding_time_does_not_date_the_main_event() -> None:
    text = "Moonbay, founded in 2022, secured $15 million in seed funding last month."
    assert _events(text) == [
        ("Moonbay", "funding", "happened", "2025-05"),
        ("Moonbay", "other", "happened", "2022"),  # the founding is an event of its own
    ]


def test_speaker_talking_about_it_is_an_organisation_dated_by_its_own_adverbial() -> None:
    got = _events("Harukaze said on Monday it would list its shares next year.")
    assert ("Harukaze", "announcement", "happened", "2025-06-16") in got
    assert ("Harukaze", "other", "planned", "2026") in got


def test_unknown_person_speaking_about_a_third_party_is_not_an_actor() -> None:
    assert _events("Kowalski said on Monday that Europe needs its own chips.") == []


def test_leaders_of_unknown_organisations_speak_for_them() -> None:
    text = (
        "Hanbit Dynamics launched a welding robot on Monday. "
        '"Factories need help," Hanbit co-founder Min-jun Park said on Tuesday.'
    )
    assert ("Hanbit Dynamics", "statement", "happened", "2025-06-17") in _events(text)
    text = '"We will grow," said Laura Diaz, chief executive of Costa Verde Foods, on Tuesday.'
    assert _events(text) == [("Costa Verde Foods", "statement", "happened", "2025-06-17")]
