"""Round 5 extraction rules: negotiations, completed milestones, planned actions with their own
time, regulator actions, deals. Sentences written for these tests (not taken from any set)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent

PUBLISHED = dt.date(2025, 3, 12)
INTRO = "Korvale Robotics is a Lisbon start-up that builds warehouse arms. "


def _events(sentence: str, published: dt.date = PUBLISHED) -> list[ExtractedEvent]:
    """The events of ``sentence`` placed after an introduction of the company."""
    return [e for e in extract_events(INTRO + sentence, published) if e.start >= len(INTRO)]


def _one(sentence: str) -> ExtractedEvent:
    found = _events(sentence)
    assert len(found) == 1, [(e.kind, e.evidence) for e in found]
    return found[0]


# --- negotiations reported by unnamed sources ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Korvale is in advanced talks with two pension funds about a $90 million round, "
            "people familiar with the matter said.",
            "funding",
        ),
        (
            "The company is also in talks with Maersk about a joint venture in Rotterdam, "
            "according to two people familiar with the matter.",
            "partnership",
        ),
        (
            "Korvale is exploring a sale of its drone unit, according to media reports.",
            "other",
        ),
        (
            "Korvale is preparing to spin off its sensor business, according to local media "
            "reports.",
            "other",
        ),
    ],
)
def test_reported_negotiations_are_reported_events(sentence: str, kind: str) -> None:
    event = _one(sentence)
    assert (event.kind, event.status, event.actor) == (kind, "reported", "Korvale Robotics")


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale gave three talks at the robotics fair.",
        "The talks between the two countries stalled over tariffs.",
        "Korvale explored the coast of Portugal with its drones.",
    ],
)
def test_talks_and_exploring_outside_negotiations_are_not_events(sentence: str) -> None:
    assert _events(sentence) == []


# --- completed milestones -----------------------------------------------------------------


def test_completed_milestone_with_its_time_is_an_event() -> None:
    event = _one("Korvale completed the acquisition of Brisa Sensors in the third quarter of 2024.")
    assert (event.kind, event.status, event.interval.date_str()) == ("other", "happened", "2024-07")


def test_completed_tape_out_is_dated() -> None:
    event = _one("Korvale finished the tape-out of its motion chip in January.")
    assert event.interval.date_str() == "2025-01"


def test_completed_homework_is_not_a_milestone() -> None:
    assert _events("Korvale completed its homework on safety rules.") == []


# --- planned actions with their own time ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Korvale will begin road testing its delivery robots in Porto in the second half.",
            "2025-07",
        ),
        ("The company will hold a developer conference in Lisbon in mid-June.", "2025-06"),
        ("The company aims to bring 40 megawatts of capacity online by 2027.", "2027"),
        ("The company will host the next edition of its robotics fair in October.", "2025-10"),
    ],
)
def test_planned_actions_with_their_own_time(sentence: str, date: str) -> None:
    event = _one(sentence)
    assert (event.status, event.kind, event.interval.date_str()) == ("planned", "other", date)


def test_bringing_a_product_to_devices_is_a_planned_release() -> None:
    event = _one("Korvale intends to bring its new picking model to partner robots in the autumn.")
    assert (event.kind, event.status) == ("release", "planned")


def test_a_service_expected_to_start_belongs_to_the_company_just_named() -> None:
    found = _events(
        "Korvale opened a depot in Madrid in January. "
        "The first commercial service is expected to start in 2026."
    )
    assert [(e.kind, e.status, e.actor, e.interval.date_str()) for e in found][-1] == (
        "release",
        "planned",
        "Korvale Robotics",
        "2026",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale has 400 robots in service across Europe.",
        "The holding company owns several brands.",
        "Korvale brought its lawyers to the hearing.",
    ],
)
def test_states_are_not_planned_actions(sentence: str) -> None:
    assert _events(sentence) == []


# --- regulators, deals, rounds led ------------------------------------------------------------


def test_a_regulator_publishing_guidance_next_month_is_planned() -> None:
    found = _events(
        "Portugal's data protection authority said it would publish guidance on warehouse "
        "robots next month."
    )
    planned = [(e.kind, e.interval.date_str()) for e in found if e.status == "planned"]
    assert planned == [("other", "2025-04")]


def test_signed_supply_deals_in_the_plural_are_a_partnership() -> None:
    event = _one("Korvale has signed battery supply deals with CATL and Northvolt in February.")
    assert (event.kind, event.interval.date_str()) == ("partnership", "2025-02")


def test_leading_a_round_is_funding() -> None:
    event = _one("Korvale led a $12 million round in the Polish start-up Dron earlier this month.")
    assert (event.kind, event.interval.date_str()) == ("funding", "2025-03")


def test_leading_the_market_is_not_funding() -> None:
    assert _events("Korvale led the market in warehouse arms last year.") == []


# --- a quoted leader keeps the company salient -------------------------------------------------

_QUOTED = (
    "Korvale Robotics unveiled a picking arm on Tuesday. "
    "Its co-founder and chief executive Ana Silva showed it to reporters. "
    "The arm lifts 20 kilograms. Warehouses are short of staff. "
    '"Nobody wants to lift boxes all night," Silva said. "We want to fix that." '
    "Rivals have been slower. The company plans to open an office in Madrid in June."
)


def test_a_quoted_leader_keeps_her_company_as_the_antecedent() -> None:
    found = extract_events(_QUOTED, PUBLISHED)
    planned = [(e.actor, e.interval.date_str()) for e in found if e.status == "planned"]
    assert planned == [("Korvale Robotics", "2025-06")]


# --- not events: properties, usage rates, use of proceeds, past descriptions, findings ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale says its new arm costs 40% less than the old one.",
        "Korvale said the gripper is three times faster than a human picker.",
        "Korvale says its robots now sort 2 million parcels a day across 12 sites.",
        "Chief executive Ana Silva said the company would use the money to hire engineers.",
        "Korvale said it had applied for a research licence.",
        "A study by the consultancy Brightline found that European robot makers raised "
        "$2 billion in 2024.",
    ],
)
def test_claims_rates_intentions_and_findings_are_not_events(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Korvale said it had secured a government grant to develop safer grippers.", "funding"),
        ("Korvale said it had raised $15 million from Iberian investors.", "funding"),
        ("Korvale said on Monday it would open a plant in Braga in 2026.", "announcement"),
    ],
)
def test_reported_own_actions_and_plans_remain_events(sentence: str, kind: str) -> None:
    assert kind in {e.kind for e in _events(sentence)}


def test_an_organisation_opening_a_sentence_stays_the_antecedent() -> None:
    text = (
        "Korvale Robotics raised $20 million in May. Lisbon Logistics bought a rival in June. "
        "Korvale says its arm costs 30% less than rivals'. The company plans to open a plant "
        "in Braga in 2026."
    )
    planned = [e.actor for e in extract_events(text, PUBLISHED) if e.status == "planned"]
    assert planned == ["Korvale Robotics"]


# --- past events in participial, relative and contact clauses ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor", "kind", "date"),
    [
        (
            "Korvale joined the Open Robotics Forum, the industry body formed by Siemens and ABB "
            "in April 2022, as its first Portuguese member.",
            "Siemens",
            "other",
            "2022-04",
        ),
        (
            "Korvale sells to Lusomart, the retail chain created by Sonae Group in May.",
            "Sonae Group",
            "other",
            "2024-05",
        ),
        (
            "Korvale hired engineers from Robocore, the Bosch unit that was shut down in "
            "November 2024.",
            "Bosch",
            "other",
            "2024-11",
        ),
        (
            "Its arms run on a controller board, which the Fraunhofer Institute designed and "
            "which the Lisbon Innovation Agency approved in January.",
            "Lisbon Innovation Agency",
            "other",
            "2025-01",
        ),
    ],
)
def test_events_told_in_noun_modifiers(sentence: str, actor: str, kind: str, date: str) -> None:
    found = [e for e in _events(sentence) if e.actor == actor]
    assert [(e.kind, e.status, e.interval.date_str()) for e in found] == [(kind, "happened", date)]


def test_a_contact_clause_belongs_to_the_possessor_and_keeps_open_framing() -> None:
    found = _events(
        "Korvale's PickSet, the openly licensed data set it put out in early February, now "
        "trains three rival models."
    )
    assert [(e.actor, e.kind, e.interval.date_str()) for e in found] == [
        ("Korvale Robotics", "open_source", "2025-02")
    ]


def test_a_fronted_noun_phrase_with_a_participle_is_the_salient_actors_event() -> None:
    text = (
        "Portugal's data protection authority fined Korvale Robotics €2 million on Monday. "
        "The inquiry, opened in May 2024 after complaints from workers, found gaps in logging."
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.interval.date_str() == "2024-05"]
    assert [(e.kind, e.status) for e in found] == [("other", "happened")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Korvale's arm, launched to great fanfare, has sold poorly.",
        "The robots, which were designed in Lisbon, ship in crates.",
        "Korvale worked with Robocore, the unit that was praised by critics.",
    ],
)
def test_modifiers_without_their_own_dated_event_add_nothing(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_plan_in_the_main_clause_is_not_a_modifier_of_the_speaker() -> None:
    found = _events("According to Silva, the new arm will be released by the end of the year.")
    assert "Silva" not in {e.actor for e in found}


# --- base-form 'ship'; warnings are positions, not events ---------------------------------------


def test_will_ship_a_product_is_a_planned_release() -> None:
    event = _one("Korvale will ship its KR-3 arm to pilot customers in the autumn.")
    assert (event.kind, event.status, event.interval.date_str()) == (
        "release",
        "planned",
        "2025-09",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Iberian Robotics Association has warned that strict rules could push start-ups "
        "to launch abroad first.",
        "Chairman Rui Costa cautioned that a bubble may be forming in warehouse automation.",
    ],
)
def test_warnings_about_what_could_happen_are_not_events(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_warning_with_a_concrete_own_action_keeps_it() -> None:
    found = _events("Korvale warned on Monday that it had cut 200 jobs in Porto.")
    assert [e.kind for e in found] == ["other"]


# --- "the company" long after the company was last named ----------------------------------------

_LONG = (
    "Korvale Robotics raised $20 million on Monday. Korvale plans to hire 50 people. "
    "Warehouses lack staff. Wages rose in 2024. Analysts expect more automation. "
    "Unions are wary. Parcel volumes keep growing. "
    "The company will hold a developer conference in Lisbon in mid-June."
)


def test_the_company_far_from_any_name_is_the_articles_main_organisation() -> None:
    found = [e for e in extract_events(_LONG, PUBLISHED) if e.interval.date_str() == "2025-06"]
    assert [(e.actor, e.status) for e in found] == [("Korvale Robotics", "planned")]


def test_a_relative_the_company_that_does_not_revive_the_main_organisation() -> None:
    text = _LONG.replace("The company will hold", "The company that will hold")
    found = [e for e in extract_events(text, PUBLISHED) if e.interval.date_str() == "2025-06"]
    assert found == []


# --- subheadings, nominal 'launch', wishes about others, delays ---------------------------------


def test_a_subheading_line_is_not_evidence_on_its_own() -> None:
    text = (
        "Weekly robotics notes\n\nHello and welcome to this week's notes on warehouse robots.\n\n"
        "Some news from the fairs this week follows below.\n\n"
        "Korvale Robotics releases a picking arm\n\n"
        "The arm is heavy. Buyers will judge it at the Hannover fair.\n"
    )
    assert [e for e in extract_events(text, PUBLISHED) if e.kind == "release"] == []


def test_a_subheading_folds_into_the_body_event() -> None:
    text = (
        "Weekly robotics notes\n\nHello and welcome to this week's notes on warehouse robots.\n\n"
        "Some news from the fairs this week follows below.\n\n"
        "Korvale Robotics releases a picking arm\n\n"
        "Korvale Robotics released the KR-3 picking arm on Monday.\n"
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.kind == "release"]
    assert [(e.evidence, e.interval.date_str()) for e in found] == [
        ("Korvale Robotics released the KR-3 picking arm on Monday.", "2025-03-10")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Silva said the first arms would go to pilot customers before a wider commercial launch.",
        "The company, which sells picking arms, said it wanted universities to improve the "
        "software.",
    ],
)
def test_a_nominal_launch_and_a_wish_about_others_are_not_events(sentence: str) -> None:
    assert _events(sentence) == []


def test_the_company_will_launch_is_still_a_verb() -> None:
    event = _one("The company will launch the KR-4 arm in October.")
    assert (event.kind, event.status) == ("release", "planned")


def test_pushing_back_a_launch_is_an_event() -> None:
    event = _one(
        "Korvale has pushed back the public launch of its KR-4 arm, according to media reports."
    )
    assert (event.kind, event.status) == ("other", "reported")


# --- a perfect-tense second verb after a plan; compound 'investment arm' ------------------------


def test_a_done_deal_coordinated_with_a_plan_is_not_dated_by_the_plan() -> None:
    found = _events(
        "Korvale aims to bring 40 megawatts of capacity online by 2030 and has signed battery "
        "supply deals with CATL and Northvolt."
    )
    assert sorted((e.kind, e.status, e.interval.date_str()) for e in found) == [
        ("other", "planned", "2030"),
        ("partnership", "happened", "2025-03-12"),
    ]


def test_a_planned_second_verb_still_needs_its_own_time() -> None:
    found = _events("Korvale opened a depot in Madrid in January and plans to open another one.")
    assert [(e.status, e.interval.date_str()) for e in found] == [("happened", "2025-01")]


def test_an_investment_arm_leading_a_round_is_funding() -> None:
    text = (
        INTRO + "Its investment arm led a $6 million round in the start-up Dron earlier this month."
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.kind == "funding"]
    assert [(e.actor, e.interval.date_str()) for e in found] == [("Korvale Robotics", "2025-03")]


# --- unnamed sources as speakers; sites with a place apposition; foundings; capex ---------------


def test_people_familiar_with_the_matter_report_the_content_event() -> None:
    found = _events(
        "People familiar with the matter said the company is in early talks with Gulf funds "
        "about a larger round."
    )
    assert [(e.kind, e.status, e.actor) for e in found] == [
        ("funding", "reported", "Korvale Robotics")
    ]


def test_sites_with_a_place_apposition_set_to_open() -> None:
    found = _events(
        "The first two warehouses, in Porto and Braga, are set to open in the first half of 2026."
    )
    assert [(e.status, e.actor, e.interval.date_str()) for e in found] == [
        ("planned", "Korvale Robotics", "2026-01")
    ]


def test_an_organisation_started_in_a_year_is_a_founding() -> None:
    event = _one("Korvale Robotics was started in 2021 by two former Siemens engineers.")
    assert (event.kind, event.interval.date_str()) == ("other", "2021")


def test_a_plan_to_raise_capital_spending_with_its_year_is_planned() -> None:
    found = _events("Korvale said in March that it plans to raise its capital spending next year.")
    assert ("other", "planned", "2026") in {
        (e.kind, e.status, e.interval.date_str()) for e in found
    }


def test_raising_prices_is_not_capital_spending() -> None:
    assert _events("Korvale plans to raise its prices next year.") == []


# --- leaders' positions at an occasion; unnamed spokespeople -------------------------------------


def test_a_leaders_position_at_a_conference_is_a_statement_even_with_a_modal() -> None:
    text = (
        INTRO + "Korvale chief executive Ana Silva spoke in Porto on Monday. "
        "Speaking at a conference in Porto, Silva said Europe could not depend on imported robots."
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.kind == "statement"]
    assert [e.actor for e in found] == ["Korvale Robotics"]


def test_an_analysts_modal_view_at_a_conference_is_not_a_statement() -> None:
    text = (
        INTRO + "Speaking at a conference in Porto, analyst Rui Costa of Brightline said demand "
        "could slow next year."
    )
    assert [e for e in extract_events(text, PUBLISHED) if e.start >= len(INTRO)] == []


def test_an_unnamed_spokesperson_speaks_for_the_company_just_named() -> None:
    found = _events(
        "A spokesperson told reporters the company had no plans to sell its drone unit."
    )
    assert [e.actor for e in found] == ["Korvale Robotics"]


def test_a_spokesperson_with_nothing_to_speak_for_is_no_actor() -> None:
    assert (
        extract_events("A spokesperson told reporters there were no plans to sell.", PUBLISHED)
        == []
    )


# --- positions: negated plans, conceding verbs, occasions of a reported position -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Chief executive Ana Silva said on Tuesday that Korvale would not try to compete with "
        "Chinese arm makers on price.",
        "A spokesperson told reporters the company had no plans to sell its drone unit.",
        "Korvale chief executive Ana Silva acknowledged on Monday that the company had been "
        "too slow on safety.",
    ],
)
def test_positions_are_statements_not_announcements(sentence: str) -> None:
    assert [e.kind for e in _events(sentence)] == ["statement"]


def test_a_quote_told_to_reporters_is_not_a_statement_by_itself() -> None:
    found = _events('"Demand is strong across Iberia," chief executive Ana Silva told reporters.')
    assert found == []


def test_news_about_the_speaker_is_still_an_announcement() -> None:
    found = _events("Korvale said on Tuesday that it would open an office in Madrid.")
    assert [e.kind for e in found] == ["announcement"]


# --- a plan verb with an object that acts ---------------------------------------------------


def test_expecting_something_to_go_live_is_a_plan_dated_in_the_future() -> None:
    found = _events(
        "The company expects the first part of the service, aimed at hospitals and logistics "
        "firms in Iberia, to go live in January."
    )
    assert [(e.kind, e.status, e.interval.date_str()) for e in found] == [
        ("release", "planned", "2026-01")
    ]


def test_an_object_of_a_past_verb_going_live_is_not_planned() -> None:
    found = _events("The company saw the first part of the service go live in January.")
    assert [(e.status, e.interval.date_str()) for e in found] == [("happened", "2025-01")]


# --- a clause after a name is not an appositive ---------------------------------------------------


def test_a_finite_clause_after_according_to_a_name_keeps_its_trigger() -> None:
    text = (
        INTRO + "Korvale chief executive Ana Silva spoke on Monday. "
        "According to Silva, the open picking model will be released by the end of the year, "
        "alongside a smaller version."
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.status == "planned"]
    assert [(e.actor, e.kind, e.interval.date_str()) for e in found] == [
        ("Korvale Robotics", "open_source", "2025")
    ]


def test_a_real_appositive_still_hides_its_trigger() -> None:
    found = _events("Korvale hired Nuno Reis, the engineer who launched Sonae's app, in May.")
    assert [e.kind for e in found if e.kind == "release"] == []


def test_a_non_committal_reply_is_not_an_event() -> None:
    assert _events('Korvale said only that it was "carefully preparing" the launch.') == []


def test_saying_that_a_launch_happened_is_still_an_event() -> None:
    assert [
        e.kind for e in _events("Korvale said on Monday that it had launched the KR-3 arm.")
    ] == ["release"]


# --- strategy quotes ---------------------------------------------------------------------------

_SPEECH = (
    "Korvale Robotics raised $20 million on Monday. "
    "Korvale chief executive Ana Silva spoke to reporters at the plant. "
)


def test_the_tail_of_a_strategy_quote_is_a_statement() -> None:
    text = (
        _SPEECH
        + '"We are not a toy company. We are building a coworker for the loading dock," Silva said.'
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.kind == "statement"]
    assert [(e.actor, e.status) for e in found] == [("Korvale Robotics", "happened")]


def test_a_quoted_strategy_sentence_after_its_speaker_is_a_statement() -> None:
    text = (
        _SPEECH + '"Rivals sell arms to whoever asks," Silva said in an interview. '
        '"We want to be the default arm for every warehouse in Iberia."'
    )
    found = [e for e in extract_events(text, PUBLISHED) if e.kind == "statement"]
    assert [e.evidence[:20] for e in found] == ['"We want to be the d']


@pytest.mark.parametrize(
    "quote",
    [
        '"Every euro of this round goes to the factory," Silva said.',
        '"We intend to prove the sceptics wrong."',
        '"Demand is strong. Customers are impatient," Silva said.',
    ],
)
def test_other_quotes_are_not_statements(quote: str) -> None:
    found = [e for e in extract_events(_SPEECH + quote, PUBLISHED) if e.kind == "statement"]
    assert found == []


# --- guards: 'talks' as a noun phrase head, states in service, legislative participles ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts say the company is in talks territory now, with valuations stretched.",
        "The company has put its robots in service at 40 warehouses.",
        "The law, passed in 2023, requires companies to label AI content.",
    ],
)
def test_guarded_forms_are_not_events(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_legislative_participle_with_its_agent_is_an_event() -> None:
    found = _events(
        "Korvale must follow the Robot Safety Act, which the Assembly of Portugal passed in May."
    )
    assert [(e.actor, e.interval.date_str()) for e in found] == [
        ("Assembly of Portugal", "2024-05")
    ]


def test_a_plan_to_hire_with_its_own_time_is_a_planned_event() -> None:
    found = _events(
        "Korvale opened a depot in Madrid in January and plans to hire 120 engineers in Spain "
        "by the end of next year."
    )
    assert sorted((e.status, e.interval.date_str()) for e in found) == [
        ("happened", "2025-01"),
        ("planned", "2026"),
    ]


def test_hiring_without_a_number_is_not_an_event() -> None:
    assert _events("Korvale is hiring engineers across Europe.") == []
