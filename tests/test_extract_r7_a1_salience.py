"""A1 round 7, the organisation "the company" refers to:
- organisations named as examples or rivals ("its backers include X", "groups including X",
  "Rival X has also reported …") do not take the focus from the article's organisation;
- an unknown name opening a sentence whose verb takes "its" ("Kestova showed its first van")
  is an organisation, so it takes the focus even when the sentence reports no event."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actors import DocState, first_actor_org, learn_organisations, org_mentions
from desktop.extract.lexicon import default_lexicon

PUBLISHED = dt.date(2025, 9, 17)


def _last_actor(text: str) -> str:
    return extract_events(text, PUBLISHED)[-1].actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Pellar Bank reported record profit on Tuesday. Rival Northwind Bank and Osk Bank "
            "have also reported strong lending.\n\nThe company will open 20 branches in March.",
            "Pellar Bank",
        ),
        (
            "Duvano Motors unveiled a new sedan on Monday. Parts come from a group of suppliers "
            "including Kessel Electronics and Orvane Technologies.\n\n"
            "The company will start deliveries in May.",
            "Duvano Motors",
        ),
        (
            "Vellor Group opened a store in Leeds on Monday. Peers such as Brandwell Group are "
            "also testing smaller shops.\n\nThe company plans to open ten more stores in 2026.",
            "Vellor Group",
        ),
        (
            "Helixa Bio started a trial of its drug in June. Its backers include Orvane Capital "
            "and Kessel Ventures.\n\nThe company expects to report results in December.",
            "Helixa Bio",
        ),
        (
            "Kestova showed its first electric van to dealers in July. Mass production is "
            "planned for 2027, the company has said.",
            "Kestova",
        ),
    ],
)
def test_the_company_is_the_article_organisation(text: str, actor: str) -> None:
    assert _last_actor(text) == actor


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Northwind Bank said demand included mortgages and car loans.", "Northwind Bank"),
        ("Analysts would like to see Pellar Bank grow faster.", "Pellar Bank"),
        ("Kessel Motors launched a car in Spain.", "Kessel Motors"),
    ],
)
def test_an_organisation_before_any_example_keeps_the_focus(text: str, first: str) -> None:
    assert first_actor_org(org_mentions(default_lexicon(), text), text) == first


@pytest.mark.parametrize(
    ("text", "learned"),
    [
        ("Talvik sold its stake in a Lima grocer last year.", "Talvik"),
        ("On Monday, Brightmoor has also cut its prices.", "Brightmoor"),
        ("Norra quietly closed its Oslo office.", "Norra"),
        ("Kestova showed its first electric van to dealers in July.", "Kestova"),
    ],
)
def test_a_subject_whose_verb_takes_its_is_an_organisation(text: str, learned: str) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert state.local_orgs == {learned}


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez sold its stake last year.",  # a person's name
        "Japan increased its subsidies.",  # a place
        "Gemini 2.5 doubled its context window.",  # a product
        "Orvane and its partners met in May.",  # no verb between the name and "its"
        "Smith sold his stake in Orvane.",  # a person's pronoun
    ],
)
def test_no_organisation_learned_from_other_subjects(text: str) -> None:
    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    assert state.local_orgs == set()
