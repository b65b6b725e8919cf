"""A1 round 7: the organisation named right before a leader's role title ("Zalando chief
executive Robert Gentz said") is the one the person speaks for, even when the gazetteer does not
know it; the person's later words are that organisation's, not the previous sentence's."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actors import DocState, learn_people, org_mentions
from desktop.extract.lexicon import default_lexicon

PUBLISHED = dt.date(2025, 9, 17)


def _leaders(text: str, salient: str = "Northwind Bank") -> dict[str, str]:
    lex = default_lexicon()
    state = DocState()
    state.note(salient, 0)
    learn_people(lex, text, state, 1, org_mentions(lex, text))
    return state.leaders


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        (
            "Pellarin chief executive Sofia Marsh said the lender would close 40 branches.",
            "Sofia Marsh",
            "Pellarin",
        ),
        (
            "Duvano president Kenji Ota told reporters the carmaker had halted exports.",
            "Kenji Ota",
            "Duvano",
        ),
        (
            "Verdane Biologics' chief scientist Hanna Berg said the trial had ended.",
            "Hanna Berg",
            "Verdane Biologics",
        ),
        (
            "The Orvane co-founder Tomas Lind said the shop would open in May.",
            "Tomas Lind",
            "Orvane",
        ),
        (
            "Kessel Rail managing director Priya Nair said the line would reopen in June.",
            "Priya Nair",
            "Kessel Rail",
        ),
    ],
)
def test_name_before_role_is_the_persons_organisation(text: str, person: str, org: str) -> None:
    assert _leaders(text)[person] == org


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a place before the title: a head of state, not an organisation's leader
        ("Brazil president Luiz Moreira said the ministry would act.", "Luiz Moreira"),
        # a month, a common noun, a person's given name
        ("In March chief executive Sofia Marsh said the bank would grow.", "Sofia Marsh"),
        ("Shares fell after chief executive Sofia Marsh said the bank would grow.", "Sofia Marsh"),
    ],
)
def test_no_organisation_invented_before_role(text: str, person: str) -> None:
    leaders = _leaders(text)
    assert leaders.get(person, "Northwind Bank") == "Northwind Bank"


def test_former_leader_speaks_for_nobody() -> None:
    assert "Sofia Marsh" not in _leaders("Pellarin former chief executive Sofia Marsh said so.")


def test_statement_goes_to_the_named_organisation_not_the_previous_one() -> None:
    text = (
        "Northwind Bank opened a new branch in Leeds on Monday.\n\n"
        "Pellarin chief executive Sofia Marsh said on Tuesday that the retailer now sees "
        'itself as "a digital-first grocer".'
    )
    actors = [e.actor for e in extract_events(text, PUBLISHED)]
    assert actors == ["Northwind Bank", "Pellarin"]
