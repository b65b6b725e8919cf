"""model_events: the event a model-flagged sentence gets — actor, status, time — from the same
machinery as the rules, and nothing when no actor can be found."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract.docstate import DocState
from desktop.extract.lexicon import default_lexicon
from desktop.extract.model_events import model_mention
from desktop.extract.sentence_model import SentenceModel
from desktop.extract.sentences import Span

PUBLISHED = dt.date(2025, 6, 12)

# A model that flags every sentence containing "opened" or "hub"; kind "other".
ALWAYS = SentenceModel(
    event_bias=-5.0,
    event_weights={"opened": 10.0, "hub": 10.0},
    kind_bias=(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
    kind_weights={},
    threshold=0.5,
)


def _mention(text: str, state: DocState | None = None, index: int = 3):
    return model_mention(
        default_lexicon(),
        ALWAYS,
        Span(100, 100 + len(text), text),
        index,
        state or DocState(),
        PUBLISHED,
    )


def test_unflagged_sentence_gets_nothing() -> None:
    assert _mention("Siemens said demand was strong.") is None


def test_actor_from_a_known_organisation_and_time_of_the_sentence() -> None:
    m = _mention("In March, Siemens opened a training centre in Nuremberg.")
    assert m is not None
    assert (m.actor, m.kind, m.status) == ("Siemens", "other", "happened")
    assert m.time is not None and m.time.interval.date_str() == "2025-03"
    assert m.end - m.start == len("In March, Siemens opened a training centre in Nuremberg.")
    assert m.trigger == "opened" and m.confidence < 0.5


def test_leading_unknown_name_is_the_actor() -> None:
    m = _mention("Kestrelworks opened a repair depot in Leeds last week.")
    assert m is not None and m.actor == "Kestrelworks"


def test_planned_and_reported_status() -> None:
    planned = _mention("Kestrelworks will open a second hub in Porto next year.")
    assert planned is not None and planned.status == "planned"
    assert planned.time is not None and planned.time.interval.date_str() == "2026"
    reported = _mention(
        "Kestrelworks is preparing a hub in Porto, according to people familiar with the matter."
    )
    assert reported is not None and reported.status == "reported"


def test_company_anaphor_takes_the_organisation_in_focus() -> None:
    state = DocState()
    state.note("Kestrelworks", 2)
    m = _mention("The company opened a repair depot in Leeds on Monday.", state, index=3)
    assert m is not None and m.actor == "Kestrelworks"
    far = DocState()
    far.note("Kestrelworks", 2)
    assert _mention("The company opened a depot.", far, index=40) is None  # out of reach


def test_person_speaks_for_the_organisation_the_document_tied_them_to() -> None:
    state = DocState()
    state.learn("Maria Olsen", "Kestrelworks")
    m = _mention("Maria Olsen opened the new hub on Tuesday.", state)
    assert m is not None and m.actor == "Kestrelworks"
    assert _mention("Maria Olsen opened the new hub on Tuesday.") is None  # tied to nobody


@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS, June 3 - officials opened talks.",  # a dateline is no actor
        "Heading one\nKestrelworks opened a depot.",  # several lines: a list or a heading
        "Kestrelworks opened " + "a very long list of things " * 20 + ".",  # run-on page text
    ],
)
def test_no_event_without_a_believable_actor_or_sentence(text: str) -> None:
    assert _mention(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Leeds-based retailer opened a repair depot on Monday, beating Tesco to it.",
        "It opened a second hub in Porto next to a Siemens plant.",
    ],
)
def test_a_pronoun_or_description_subject_is_the_organisation_in_focus(text: str) -> None:
    state = DocState()
    state.note("Kestrelworks", 2)
    m = _mention(text, state, index=3)
    assert m is not None and m.actor == "Kestrelworks"
