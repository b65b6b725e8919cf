"""Round 7 (precision): what a speaker says about itself in the present simple, with no time of
its own, is a property claim or an ongoing state, not an event ("It says its models now handle
Yoruba", "says its system records the reasons"). Sentences written for these tests (not taken
from any set), in several domains."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 10, 8)
INTRO = "Halvard Biotech is an Oslo company that designs antibodies. "


def _events(sentence: str) -> list[ExtractedEvent]:
    return [e for e in extract_events(INTRO + sentence, PUBLISHED) if e.start >= len(INTRO)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Halvard says its platform now screens ten million molecules a week.",
        "The company says its assay detects the protein at far lower doses than rivals.",
        "Halvard Biotech says it now supplies most of the hospitals in Norway.",
        "Halvard says its trucks already run on the new software.",
        "Halvard Biotech said its lending unit approves loans for small clinics within a day.",
    ],
)
def test_a_present_simple_claim_about_the_speaker_is_no_event(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a time of its own: the report is dated, it stays
        ("Halvard said on Tuesday that it now supplies antibodies to Roche.", "announcement"),
        # past news about itself
        ("Halvard said its factory in Bergen had opened in August.", "other"),
        # a plan is news, not a state ("plans" is no present-state verb)
        ("Halvard said it plans to hire 200 chemists.", "announcement"),
        # a modal after a plural subject: "models" is the subject, not its verb
        ("Halvard said its new models will be offered to every hospital.", "announcement"),
    ],
)
def test_news_the_speaker_gives_about_itself_stays(sentence: str, kind: str) -> None:
    assert kind in [e.kind for e in _events(sentence)]


def test_a_noun_in_s_inside_the_subject_is_not_taken_for_its_verb() -> None:
    text = (
        "Halvard Biotech said on Monday that sales rose. The company also said its voice "
        "assistant for banks, first promised for June, has been pushed back to 2026."
    )
    assert any("pushed back" in e.evidence for e in extract_events(text, PUBLISHED))


NUMBERED_DIGEST = (
    "WEEKLY BANKING DIGEST\n\nGood morning. Here is what mattered this week.\n\n"
    "1) NORDLYS BANK BUYS A BROKER\n\n"
    "Nordlys Bank agreed on Monday to buy the Bergen broker Fjellmark for $90 million.\n\n"
    "2) Solvik Motors opens a plant\n\n"
    "Solvik Motors opened a battery plant in Gothenburg on Tuesday.\n"
)


def test_a_numbered_section_heading_is_no_event_of_its_own() -> None:
    events = extract_events(NUMBERED_DIGEST, PUBLISHED)
    assert not any(e.evidence.startswith(("1)", "2)")) for e in events)
    assert not any("NORDLYS BANK BUYS" in e.actor for e in events)
    assert {e.actor for e in events} >= {"Nordlys Bank", "Solvik Motors"}


@pytest.mark.parametrize(
    "line",
    [
        "1) Nordlys Bank bought a broker on Monday.",  # a list item that is a sentence
        "In 2) the bank bought a broker on Monday",
    ],
)
def test_a_numbered_sentence_is_not_furniture(line: str) -> None:
    from desktop.extract.lexicon import default_lexicon

    assert default_lexicon().rx["furniture"].match(line) is None


FUNDED = "Kodal Bank raised $40 million in a Series B round on Monday. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Its founder, Mia Storm, said the money would be used to open branches in Peru.",
        "The bank said the proceeds will be used to hire 50 engineers.",
        "Chief executive Mia Storm said on Monday that the new funds would go towards lending.",
        "Kodal said it would use the money to expand into Chile.",
    ],
)
def test_what_money_just_raised_is_for_is_no_event(sentence: str) -> None:
    events = extract_events(FUNDED + sentence, PUBLISHED)
    assert [e.kind for e in events] == ["funding"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kodal said on Tuesday it would open branches in Peru in May.",
        "Kodal said on Tuesday that it had bought the Chilean lender Banco Sur in May.",
        "The bank said on Tuesday that it would use its own app to sell insurance from June.",
    ],
)
def test_other_news_after_a_round_stays(sentence: str) -> None:
    events = extract_events(FUNDED + sentence, PUBLISHED)
    assert len(events) >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Kodal Bank and Visa offer a free budgeting assistant to students in 12 countries.",
        "Solvik Motors sells its electric vans in Sweden and Norway.",
        "Genvia Therapeutics provides its screening software to 40 hospitals.",
        "Mercado Rio ships its own-brand tablets to stores across Peru.",
    ],
)
def test_a_supply_verb_in_the_present_without_time_is_an_ongoing_state(sentence: str) -> None:
    assert extract_events(sentence, PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kodal Bank offered a free budgeting assistant to students on Monday.",
        "Solvik Motors will offer its new driving app to customers in Denmark.",
        "Genvia Therapeutics began offering its screening software to hospitals in May.",
    ],
)
def test_a_dated_past_or_planned_supply_stays_a_release(sentence: str) -> None:
    assert [e.kind for e in extract_events(sentence, PUBLISHED)] == ["release"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota, Honda and Nissan have all said they are complying with the rule.",
        "Barclays and HSBC have both said they are reviewing the guidance.",
        "The regulators have each said they support the plan.",
        "Pfizer and Roche have both said they are open to partnerships.",
    ],
)
def test_a_standing_position_of_several_speakers_is_no_event(sentence: str) -> None:
    assert extract_events(sentence, PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota, Honda and Nissan all said on Monday that they had opened plants in Ohio in May.",
        "Barclays and HSBC said on Tuesday that they had formed a joint venture.",
        "Pfizer said on Monday that it had acquired Genvia Therapeutics.",
    ],
)
def test_a_dated_report_of_several_speakers_stays(sentence: str) -> None:
    assert extract_events(sentence, PUBLISHED) != []
