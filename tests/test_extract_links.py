"""Cross-article links: names, subjects, amounts, kinds and dates that vary between articles
reporting one event, and the guards that keep different events apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.extract.links import actors_linked, amounts, subject_agreement
from desktop.extract.merge import assign_keys, link_score, make_key, same_event
from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.sources.document import Document
from desktop.store import EventStore

try:
    from tests.test_merge import Facts, _day, _month
except ImportError:  # run from inside tests/
    from test_merge import Facts, _day, _month

D = dt.date


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Samsung", "Samsung Electronics"),
        ("Tupã", "Tupã AI"),
        ("Orbita Labs", "Orbita"),
        ("Nordvik Holdings Ltd", "Nordvik Group"),
        ("Hanbit AI (Kim Seo-yeon)", "Hanbit AI"),
        ("Tsubame Labs; Hokuriku Financial Group", "Hokuriku Financial Group"),
    ],
)
def test_one_organisation_named_differently(a: str, b: str) -> None:
    assert actors_linked(a, b) and actors_linked(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Samsung", "Apple"),
        ("Meta", "Metaculus"),
        ("South Korean government", "South Africa"),
        ("Banco Meridional", "Banco Estrela"),
        ("AI Singapore", "AI21 Labs"),
    ],
)
def test_different_organisations_stay_apart(a: str, b: str) -> None:
    assert not actors_linked(a, b)


@pytest.mark.parametrize(
    ("a", "b", "agreement"),
    [
        ("HBM4 chips", "its HBM4 memory", 2),
        ("the deal", "licensing agreement", 1),
        ("by December", "$110 million purchase of Lumera Analytics", 1),
        ("8-billion-parameter version of Doyun-3", "Doyun-3 8B", 2),
        ("Ernie 4.5", "Ernie X1", 0),
        ("Kite 2", "Kite 3", 0),
        ("humanoid robot", "search engine", 0),
        ("$42 million Series B", "$42m", 1),
    ],
)
def test_subject_agreement(a: str, b: str, agreement: int) -> None:
    assert subject_agreement(a, b) == agreement
    assert subject_agreement(b, a) == agreement


def test_amounts_are_parsed_with_currency_and_scale() -> None:
    assert amounts("a $1.5 billion stake") == (("usd", 1.5e9),)
    assert amounts("€320 million at a €2.1 billion valuation") == (("eur", 3.2e8), ("eur", 2.1e9))
    assert amounts("1.2 billion reais") == (("brl", 1.2e9),)
    assert amounts("40% of 8 robots") == ()
    assert amounts("an 8-billion-parameter model") == ()


def test_rounds_of_different_amounts_stay_apart_close_amounts_meet() -> None:
    assert subject_agreement("$42 million funding", "$10 million funding") == 0
    assert subject_agreement("about €300 million (talks)", "€320 million round") > 0
    assert subject_agreement("₹500 crore", "$60 million") > 0  # no common currency: no verdict
    march = _month(2025, 3)
    a = Facts("Kora", "$42 million Series B", "funding", march)
    assert not same_event(a, Facts("Kora", "$10 million seed round", "funding", march))
    assert same_event(a, Facts("Kora Labs", "$42m round", "funding", _day(D(2025, 3, 12))))


def test_kindred_kinds_link_other_kinds_do_not() -> None:
    june = _day(D(2025, 6, 10))
    release = Facts("Hanbit AI", "Doyun-3", "release", june)
    assert same_event(release, Facts("Hanbit", "Doyun-3 weights", "open_source", june))
    assert not same_event(release, Facts("Hanbit", "Doyun-3", "funding", june))
    # an announcement links to another kind only when both name the same thing
    assert same_event(Facts("Hanbit", "plan to open Doyun-3", "announcement", june), release)
    assert not same_event(Facts("Hanbit", "announced", "announcement", june), release)
    # equal kinds agree better than kindred ones
    assert link_score(release, Facts("Hanbit", "Doyun-3", "release", june)) > link_score(
        release, Facts("Hanbit", "Doyun-3", "open_source", june)
    )


def test_two_releases_in_one_month_with_different_names_stay_apart() -> None:
    march = _month(2025, 3)
    ernie = Facts("Baidu", "Ernie 4.5", "release", _day(D(2025, 3, 16)))
    assert not same_event(ernie, Facts("Baidu", "Ernie X1", "release", march))
    assert not same_event(ernie, Facts("Baidu", "Wenxin search", "release", march))
    assert same_event(ernie, Facts("Baidu Inc", "its Ernie 4.5 model", "release", march))


def test_day_dates_a_few_days_apart_link_for_a_shared_name_only() -> None:
    a = Facts("Orbita", "Orbita-7B", "release", _day(D(2025, 6, 10)))
    assert same_event(a, Facts("Orbita", "Orbita-7B", "release", _day(D(2025, 6, 12))))
    assert not same_event(a, Facts("Orbita", "Orbita-7B", "release", _day(D(2025, 6, 20))))
    assert not same_event(a, Facts("Orbita", "new model", "release", _day(D(2025, 6, 12))))
    assert same_event(a, Facts("Orbita", "Orbita-7B", "release", _month(2025, 6)))


def test_a_report_meets_the_event_that_happened_months_later() -> None:
    talks = Facts("Aurore AI", "about €300 million", "funding", _day(D(2025, 6, 27)))
    talks.status = "reported"
    closed = Facts("Aurore AI", "€320 million round", "funding", _day(D(2025, 12, 5)))
    assert same_event(talks, closed)
    much_later = Facts("Aurore AI", "€320 million round", "funding", _day(D(2026, 3, 5)))
    assert not same_event(talks, much_later)
    before = Facts("Aurore AI", "€320 million round", "funding", _day(D(2025, 5, 1)))
    assert not same_event(talks, before)


def _event(actor: str, subject: str, kind: str, iv: TimeInterval) -> ExtractedEvent:
    return ExtractedEvent(0, 1, "x", iv, "explicit", "", "happened", kind, actor, subject, "t")


def test_best_agreeing_mention_takes_the_key_first() -> None:
    first = [_event("Alibaba", "Qwen3", "open_source", _day(D(2025, 4, 29)))]
    # the later article also mentions a release of Qwen3 before its open-sourcing
    later = [
        _event("Alibaba", "Qwen3", "release", _month(2025, 4)),
        _event("Alibaba", "Qwen3", "open_source", _month(2025, 4)),
    ]
    keyed = assign_keys([first, later])
    assert keyed[1][1].event_key == keyed[0][0].event_key
    assert keyed[1][0].event_key != keyed[0][0].event_key


def test_make_key_cuts_the_subject_on_a_word_boundary() -> None:
    facts = Facts(
        "01.AI", "large language model platform for enterprises", "release", _month(2025, 1)
    )
    key = make_key(facts)
    assert key == "01.ai-large-language-model-platform-for-release"
    long_word = Facts("X", "a" * 60, "release", _month(2025, 1))
    assert make_key(long_word) == "x-" + "a" * 40 + "-release"
    keys = [
        e.event_key
        for e in assign_keys(
            [[_event("01.AI", facts.subject, "release", _month(y, 1)) for y in (2023, 2024)]]
        )[0]
    ]
    assert keys == [key, key + "-2"]


def _stored(text: str, actor: str, subject: str, kind: str, iv: TimeInterval) -> ExtractedEvent:
    return ExtractedEvent(
        start=0,
        end=len(text),
        evidence=text,
        interval=iv,
        anchor="explicit",
        resolution="",
        status="happened",
        kind=kind,
        actor=actor,
        subject=subject,
        title=f"{actor} {subject}",
    )


def test_store_merges_like_extract_across_names_and_kindred_kinds(tmp_path) -> None:
    june = _day(D(2025, 6, 10))
    texts = [
        "Samsung released HBM4 chips on Tuesday.",
        "Samsung Electronics open-sourced its HBM4 memory design.",
        "Samsung Electronics released Exynos 3000 chips.",
    ]
    events = [
        _stored(texts[0], "Samsung", "HBM4 chips", "release", june),
        _stored(texts[1], "Samsung Electronics", "its HBM4 memory", "open_source", june),
        _stored(texts[2], "Samsung Electronics", "Exynos 3000 chips", "release", june),
    ]
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        results = [
            store.add_document(Document(t, f"{i}.txt", published=D(2025, 6, 12)), [e])
            for i, (t, e) in enumerate(zip(texts, events, strict=True))
        ]
        assert [(r.events_new, r.events_merged) for r in results] == [(1, 0), (0, 1), (1, 0)]
        assert sorted(e.n_mentions for e in store.list_events()) == [1, 2]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Zorvia AI closed its funding round at a valuation of $2.1 billion on Monday.", ""),
        ("Zorvia AI raised $50 million at a valuation of $1 billion on Monday.", "$50 million"),
        ("Zorvia AI, valued at $900 million, raised $40 million on Monday.", "$40 million"),
        ("Zorvia AI raised $40 million at a $1.2 billion post-money valuation.", "$40 million"),
    ],
)
def test_a_rounds_subject_is_its_amount_not_the_valuation(sentence: str, subject: str) -> None:
    from desktop.extract import extract_events

    (event,) = [e for e in extract_events(sentence, D(2025, 6, 12)) if e.kind == "funding"]
    assert event.subject == (f"{subject} funding" if subject else "funding round")


def test_a_partnership_reported_from_either_side_is_one_event() -> None:
    from desktop.extract.links import parties, same_parties

    june = _month(2025, 6)
    assert parties("Tsubame Labs", "with Hokuriku Bank and Orbita", "partnership") == (
        "Tsubame Labs",
        "Hokuriku Bank",
        "Orbita",
    )
    assert parties("Tsubame Labs", "with Hokuriku Bank", "release") == ("Tsubame Labs",)
    assert same_parties(("Tsubame Labs", "Hokuriku Bank"), ("Hokuriku", "Tsubame"))
    assert not same_parties(("Tsubame Labs", "Hokuriku Bank"), ("Tsubame Labs", "Daewon"))
    assert not same_parties(("Tsubame Labs",), ("Tsubame Labs", "Daewon"))
    one = Facts("Tsubame Labs", "with Hokuriku Bank", "partnership", _day(D(2025, 6, 16)))
    assert same_event(one, Facts("Hokuriku Bank", "with Tsubame Labs", "partnership", june))
    assert not same_event(one, Facts("Hokuriku Bank", "with Daewon Motors", "partnership", june))
    assert not same_event(one, Facts("Tsubame Labs", "with Daewon Motors", "partnership", june))
    later = Facts("Hokuriku Bank", "with Tsubame Labs", "partnership", _month(2025, 9))
    assert not same_event(one, later)
    keyed = assign_keys(
        [
            [_event("Tsubame Labs", "with Hokuriku Bank", "partnership", june)],
            [_event("Hokuriku Bank", "with Tsubame Labs", "partnership", june)],
        ]
    )
    assert keyed[0][0].event_key == keyed[1][0].event_key


def test_store_merges_a_partnership_named_from_the_other_side(tmp_path) -> None:
    june = _day(D(2025, 6, 16))
    texts = ["Tsubame Labs signed a deal with Hokuriku Bank.", "Hokuriku Bank partnered Tsubame."]
    events = [
        _stored(texts[0], "Tsubame Labs", "with Hokuriku Bank", "partnership", june),
        _stored(texts[1], "Hokuriku Bank", "with Tsubame", "partnership", june),
    ]
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        for i, (text, ev) in enumerate(zip(texts, events, strict=True)):
            result = store.add_document(Document(text, f"{i}.txt", published=D(2025, 6, 20)), [ev])
        assert (result.events_new, result.events_merged) == (0, 1)


@pytest.mark.parametrize(
    ("sentence", "expected", "not_expected"),
    [
        ("Orbita AI settled a lawsuit brought by U.S. music labels on Monday.", "music", ""),
        ("Orbita AI settled a lawsuit filed by U.K. broadcasters on Monday.", "broadcasters", ""),
        (
            "On Monday, Orbita AI settled a lawsuit with labels in the U.S. The firm will pay.",
            "",
            "firm",
        ),
    ],
)
def test_an_abbreviation_does_not_end_the_subject(
    sentence: str, expected: str, not_expected: str
) -> None:
    from desktop.extract import extract_events

    subjects = " ".join(e.subject for e in extract_events(sentence, D(2025, 6, 12)))
    assert "lawsuit" in subjects
    assert expected in subjects
    assert not not_expected or not_expected not in subjects


@pytest.mark.parametrize(
    ("a", "b", "agreement"),
    [
        ("Qwen 3", "Qwen3 models", 2),
        ("Jaci-8B", "Jaci 8B", 2),
        ("Ernie 4.5", "the Ernie chatbot", 2),
        ("Kite 2", "Orbis 2", 0),  # a shared number is not a shared name
        ("GPT-4", "GPT-4o", 0),
        ("Q2 results", "Q3 results", 0),
        ("Nvidia B200", "H200", 0),
        ("version 2 of Orbis", "Orbis", 2),
    ],
)
def test_a_name_and_its_number_are_one_word(a: str, b: str, agreement: int) -> None:
    assert subject_agreement(a, b) == agreement
    assert subject_agreement(b, a) == agreement


def test_two_reports_of_one_rumour_meet_within_a_month() -> None:
    first = Facts("Aurore AI", "talks to raise", "funding", _day(D(2025, 6, 27)), status="reported")
    again = Facts("Aurore", "new funding", "funding", _day(D(2025, 7, 20)), status="reported")
    assert same_event(first, again)
    autumn = Facts("Aurore", "new funding", "funding", _day(D(2025, 9, 20)), status="reported")
    assert not same_event(first, autumn)
    happened = Facts("Aurore", "new funding", "funding", _day(D(2025, 6, 20)))
    assert not same_event(first, happened)  # a round closed before the talks were reported
    other_amount = Facts("Aurore", "$50 million", "funding", _day(D(2025, 7, 2)), status="reported")
    first.subject = "talks to raise $300 million"
    assert not same_event(first, other_amount)


def test_store_gives_a_stored_event_to_the_best_agreeing_mention_of_a_document(tmp_path) -> None:
    april = _month(2025, 4)
    first = "Alibaba open-sourced Qwen3 on 29 April."
    later = "Alibaba released Qwen3 in April. Alibaba open-sourced Qwen3 in April."
    release, open_source = later.split(". ")
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        day = _day(D(2025, 4, 29))
        stored = _stored(first, "Alibaba", "Qwen3", "open_source", day)
        store.add_document(Document(first, "a.txt", published=D(2025, 5, 2)), [stored])
        evs = [
            _stored(release, "Alibaba", "Qwen3", "release", april),
            replace(
                _stored(open_source, "Alibaba", "Qwen3", "open_source", april),
                start=len(release) + 2,
                end=len(later),
            ),
        ]
        result = store.add_document(Document(later, "b.txt", published=D(2025, 5, 9)), evs)
        assert (result.events_new, result.events_merged) == (1, 1)
        kinds = {e.kind: e.n_mentions for e in store.list_events()}
        assert kinds == {"open_source": 2, "release": 1}
