"""Round 7 (recall): events told in relative clauses, read with the action lexicon. A subject
relative about an organisation whose verb no trigger knows ("X, which invested earlier this
year"), and an object relative whose own subject is an organisation with a plan ("… which the
carmaker will start selling in the second half"). Sentences written for these tests, in several
domains (not taken from any evaluation set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.docstate import DocState
from desktop.extract.generic_relative import object_relative_events
from desktop.extract.lexicon import default_lexicon
from desktop.extract.sentences import Span
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 10, 8)


def _events(text: str, after: str = "") -> list[ExtractedEvent]:
    at = text.find(after) if after else 0
    return [e for e in extract_events(text, PUBLISHED) if e.end > at]


@pytest.mark.parametrize(
    ("text", "actor", "kind", "date"),
    [
        (
            "Halvard Biotech closed a $40 million round. Novo Nordisk, which invested earlier "
            "this year, also took part.",
            "Novo Nordisk",
            "funding",
            "2025",
        ),
        (
            "Volvo Cars, which acquired a battery start-up in March, said demand was strong.",
            "Volvo",
            "other",
            "2025-03",
        ),
        (
            "The loan was arranged by Santander Holdings, which opened a branch in Lagos last "
            "month, and two local lenders.",
            "Santander",
            "other",
            "2025-09",
        ),
    ],
)
def test_a_subject_relative_with_an_action_verb_and_its_own_time(
    text: str, actor: str, kind: str, date: str
) -> None:
    found = [e for e in _events(text) if e.interval.date_str() == date]
    assert any(actor in e.actor and e.kind == kind for e in found), found


@pytest.mark.parametrize(
    ("text", "actor", "date"),
    [
        (
            "Renault Group showed the R7 hatchback in Paris on Monday. The car uses a new "
            "platform, which the carmaker will start selling in the second half of next year.",
            "Renault",
            "2026-07",
        ),
        (
            "Halvard Biotech reported positive trial data. It is also working on a second "
            "antibody, HB-2, that it expects to file with regulators in 2027.",
            "Halvard Biotech",
            "2027",
        ),
        (
            "Retailers await new labelling rules from the European Commission, which the "
            "Commission is expected to publish in the first quarter of 2026.",
            "Commission",
            "2026-01",
        ),
        (
            "The Treasury wants its payments system replaced. Lloyds Banking Group supplies "
            "the core ledger, which the bank plans to retire in 2028.",
            "Lloyds",
            "2028",
        ),
    ],
)
def test_an_object_relative_with_an_organisations_plan_is_a_planned_event(
    text: str, actor: str, date: str
) -> None:
    found = [e for e in _events(text) if e.interval.date_str() == date]
    assert any(actor in e.actor and e.status == "planned" for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a past count in a relative: no plan, no event
        "The fine is the third that the regulator has imposed on a bank this year.",
        # a relative whose subject is no organisation
        "Shoppers want the new phone, which customers expect to cost less in 2026.",
        # a subject relative with a stative verb
        "Tesco, which employed 300,000 people in 2024, said sales were flat.",
    ],
)
def test_relatives_that_are_no_event(text: str) -> None:
    assert [e for e in _events(text) if e.status == "planned" or "2024" in str(e.interval)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Analyst Jane Roe estimates that Renault Group will hold 12% of the market in 2026.",
        "Regulators said that Lloyds Banking Group would pay the fine in 2026.",
        "The bank moved its ledger to a new vendor so that Lloyds Banking Group will save "
        "money in 2026.",
    ],
)
def test_a_complement_clause_is_no_object_relative(text: str) -> None:
    sentence = Span(0, len(text), text)
    found = object_relative_events(
        default_lexicon(), sentence, 0, PUBLISHED, DocState(), [], sentence
    )
    assert found == []
