"""Round-3 generalisation rules on invented sentences (no gold file's text): regulatory fines
and investigations, facility plural/other nouns, deals closing and sites opening with the
actor taken from the previous sentence, subjects followed by a time phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.lexicon import default_lexicon
from desktop.extract.orgnames import subject_name

PUB = dt.date(2025, 6, 18)  # a Wednesday


def _events(text: str):
    return [(e.actor, e.kind, e.status, e.interval.date_str()) for e in extract_events(text, PUB)]


@pytest.mark.parametrize(
    ("region", "name"),
    [
        ("Brunvik Audio on Monday ", "Brunvik Audio"),
        ("BERLIN -- Germany's Federal Cartel Office last week ", "Federal Cartel Office"),
        ("Quillo in March ", "Quillo"),
        ("The Danish company on Monday ", ""),
    ],
)
def test_a_subject_may_be_followed_by_a_time_phrase(region: str, name: str) -> None:
    assert subject_name(default_lexicon(), region) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spain's Competition Commission on Monday fined Orvalo Foods €8 million.",
            ("Competition Commission", "other", "happened", "2025-06-16"),
        ),
        (
            "The Norwegian Data Authority imposed a 3 million crown fine on Veltro in May.",
            ("Norwegian Data Authority", "other", "happened", "2025-05"),
        ),
        (
            "Korea's Fair Trade Commission opened an inquiry into Haneul Pay on Tuesday.",
            ("Fair Trade Commission", "other", "happened", "2025-06-17"),
        ),
    ],
)
def test_fines_and_investigations_are_events(text: str, expected: tuple) -> None:
    assert _events(text) == [expected]


def test_facility_nouns_in_the_plural_and_of_any_kind() -> None:
    text = "Tarsio Robotics plans to open three logistics centres in Poland next year."
    assert _events(text) == [("Tarsio Robotics", "other", "planned", "2026")]
    text = "Korvi Motors opened two factories in Morocco in April."
    assert _events(text) == [("Korvi Motors", "other", "happened", "2025-04")]


def test_a_deal_closing_belongs_to_the_previous_sentence_s_organisation() -> None:
    text = (
        "Halden Software agreed to acquire the start-up Brisa for $90 million on Tuesday. "
        "The acquisition is expected to close in the fourth quarter."
    )
    got = _events(text)
    assert ("Halden Software", "other", "planned", "2025-10") in got


def test_a_site_opening_belongs_to_the_speaker_organisation() -> None:
    text = (
        "Norrsken Cloud raised $40 million in May to build data centres. "
        "Its first site in Lulea is scheduled to open in March 2026, the company said."
    )
    got = _events(text)
    assert ("Norrsken Cloud", "other", "planned", "2026-03") in got


def test_a_deal_sentence_without_an_antecedent_is_no_event() -> None:
    assert _events("The deal is expected to close in the third quarter.") == []


def test_a_statement_needs_an_identifiable_time() -> None:
    undated = (
        "Polvo Systems chief executive Hanne Berg said retailers were spending more on software."
    )
    assert _events(undated) == []
    dated = "Polvo Systems chief Hanne Berg said on Tuesday that Europe needs more chip fabs."
    assert _events(dated) == [("Polvo Systems", "statement", "happened", "2025-06-17")]
    at_summit = "Polvo Systems chief Hanne Berg said at a summit that Europe needs more chip fabs."
    assert [e[1] for e in _events(at_summit)] == ["statement"]


def test_the_period_reported_on_does_not_date_the_report() -> None:
    text = "Orvalo Foods reported a net profit of $12 million for the second quarter on Tuesday."
    assert _events(text) == [("Orvalo Foods", "other", "happened", "2025-06-17")]


def test_guidance_for_a_future_period_is_not_an_event() -> None:
    assert _events("For 2026, Orvalo Foods expects revenue growth of about 15%.") == []
    past = "Orvalo Foods estimated its first-quarter operating profit at $40 million on Monday."
    assert _events(past) == [("Orvalo Foods", "other", "happened", "2025-06-16")]


def test_founders_speak_for_the_organisation_they_founded() -> None:
    text = (
        "Brisa Labs raised $5 million on Monday. The start-up was founded in 2022 by "
        "Ana Ferreira, a former researcher at a university, and Rui Costa. "
        "Ferreira said on Tuesday that the firm would hire 40 engineers."
    )
    assert {e[0] for e in _events(text)} == {"Brisa Labs"}


def test_coordinated_plans_with_their_own_times_are_two_events() -> None:
    text = (
        "Vexa Robotics said it planned to launch a delivery robot in the second half of next "
        "year and would open a factory in Hungary in October."
    )
    got = _events(text)
    assert ("Vexa Robotics", "release", "planned", "2026-07") in got
    assert ("Vexa Robotics", "other", "planned", "2025-10") in got


def test_a_founding_told_in_a_participial_appositive_is_its_own_event() -> None:
    text = "Quillo, founded in 2020 by two bankers, raised $8 million in March."
    assert _events(text) == [
        ("Quillo", "funding", "happened", "2025-03"),
        ("Quillo", "other", "happened", "2020"),
    ]
    undated = "Quillo, founded by two former bankers, raised $8 million in March."
    assert _events(undated) == [("Quillo", "funding", "happened", "2025-03")]


def test_joining_an_alliance_is_dated_by_its_own_time_not_the_alliance_s() -> None:
    text = "Hanwa Bio joined the Open Health Alliance, formed by Kaiza in May 2024, on Monday."
    got = _events(text)
    assert ("Hanwa Bio", "partnership", "happened", "2025-06-16") in got
    assert ("Open Health Alliance", "other", "happened", "2024-05") in got


@pytest.mark.parametrize(
    ("text", "actor", "date"),
    [
        (
            "Chile's central bank said on Monday it would launch a payments pilot in 2026.",
            "Chile's central bank",
            "2025-06-16",
        ),
        (
            "Ghana's communications ministry said in May it would spend $10 million on AI.",
            "Ghana's communications ministry",
            "2025-05",
        ),
    ],
)
def test_a_body_named_by_country_and_function_is_an_actor(text: str, actor: str, date: str) -> None:
    got = _events(text)
    assert (actor, "announcement", "happened", date) in got


def test_a_descriptive_body_inside_a_phrase_is_not_the_actor() -> None:
    assert _events("A report by Peru's competition authority found that prices rose in May.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez launched a podcast on Tuesday.",
        "Okafor previously worked at Google, where he launched a payments app in 2017.",
        "In 2023, global AI investment reached $90 billion.",
    ],
)
def test_people_and_acronyms_are_not_unknown_organisations(text: str) -> None:
    assert _events(text) == []


def test_he_as_subject_is_the_organisation_of_a_known_leader() -> None:
    text = (
        "Kestra Bio raised $10 million on Monday. Its chief executive, Ana Silva, spoke to "
        "reporters. She launched the company's diagnostics app in May."
    )
    assert ("Kestra Bio", "release", "happened", "2025-05") in _events(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ostra Energy began construction of its battery plant in 2023.",
            ("Ostra Energy", "other", "happened", "2023"),
        ),
        (
            "Ostra Energy laid off 12% of its staff in February.",
            ("Ostra Energy", "other", "happened", "2025-02"),
        ),
        (
            "Ostra Energy filed for bankruptcy on Monday.",
            ("Ostra Energy", "other", "happened", "2025-06-16"),
        ),
        (
            "Ostra Energy received regulatory approval for its grid batteries in April.",
            ("Ostra Energy", "other", "happened", "2025-04"),
        ),
        (
            "Ostra Energy was valued at $900 million in a round led by Vento Capital in May.",
            ("Ostra Energy", "funding", "happened", "2025-05"),
        ),
        (
            "Ostra Energy signed a $60 million contract with the Chilean navy in March.",
            ("Ostra Energy", "other", "happened", "2025-03"),
        ),
        (
            "Ostra Energy signed a supply agreement with Vento, a contract manufacturer, in March.",
            ("Ostra Energy", "partnership", "happened", "2025-03"),
        ),
    ],
)
def test_construction_layoffs_bankruptcy_approvals_valuations_contracts(
    text: str, expected: tuple
) -> None:
    assert _events(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Rivals cut prices by 20% in May.",
        "The deal values the company at $1.2 billion.",
    ],
)
def test_price_cuts_and_deal_values_are_not_events(text: str) -> None:
    assert _events(text) == []


def test_coordinated_verbs_of_one_subject_are_two_events() -> None:
    got = _events("Last year, Vexa Motors opened a factory in Hungary and launched two SUVs.")
    assert got == [
        ("Vexa Motors", "other", "happened", "2024"),
        ("Vexa Motors", "release", "happened", "2024"),
    ]
    got = _events("Zeta Labs released its model in March and open-sourced the weights in May.")
    assert got == [
        ("Zeta Labs", "release", "happened", "2025-03"),
        ("Zeta Labs", "open_source", "happened", "2025-05"),
    ]


def test_a_coordinated_plan_needs_its_own_time_and_does_not_date_the_first_verb() -> None:
    text = "Hanwul Robotics raised $50 million and plans to open an office in Berlin next year."
    assert _events(text) == [
        ("Hanwul Robotics", "funding", "happened", "2025-06-18"),
        ("Hanwul Robotics", "other", "planned", "2026"),
    ]
    text = "Hanwul Robotics raised $50 million on Monday and plans to hire more engineers."
    assert _events(text) == [("Hanwul Robotics", "funding", "happened", "2025-06-16")]


def test_one_of_several_companies_that_did_something_is_background() -> None:
    text = "Acme Robotics is one of several start-ups that have launched humanoid robots this year."
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ostra Energy was sued by a rival battery maker in March.",
            ("Ostra Energy", "other", "happened", "2025-03"),
        ),
        (
            "Chile's Ministry of Energy approved a $40 million subsidy package on Monday.",
            ("Ministry of Energy", "other", "happened", "2025-06-16"),
        ),
        (
            "Ostra Energy published two new versions of its grid software in May.",
            ("Ostra Energy", "release", "happened", "2025-05"),
        ),
    ],
)
def test_indictments_approved_programmes_and_published_versions(text: str, expected: tuple) -> None:
    assert _events(text) == [expected]


def test_has_since_is_not_dated_by_the_relative_clause() -> None:
    text = "Ostra Energy, which raised $5 million in April, has since published several updates."
    got = _events(text)
    assert ("Ostra Energy", "funding", "happened", "2025-04") in got  # the relative clause
    assert ("Ostra Energy", "release", "happened", "2025-06-18") in got  # publication date


def test_an_organisation_s_leader_as_subject_speaks_for_it() -> None:
    got = _events("Ostra Energy's founder was indicted on fraud charges in March.")
    assert got == [("Ostra Energy", "other", "happened", "2025-03")]
    text = (
        "Wisla Labs opened an office in Gdansk in May. Nowicka, Wisla's chief executive, "
        "said on Wednesday that Europe needs more sovereign models."
    )
    assert ("Wisla Labs", "statement", "happened", "2025-06-18") in _events(text)


def test_a_possessive_inside_the_content_does_not_make_it_about_the_speaker() -> None:
    text = "Ostra Systems chief Ana Silva said on Monday that Europe needs its own battery makers."
    assert _events(text) == [("Ostra Systems", "statement", "happened", "2025-06-16")]


@pytest.mark.parametrize("name", ["Ostra Energy", "Kivu Health", "Baltik Capital", "Nordwerk AG"])
def test_more_company_suffixes_make_a_speaker_an_organisation(name: str) -> None:
    text = f"{name} said on Monday it would open an office in Nairobi next year."
    assert (name, "announcement", "happened", "2025-06-16") in _events(text)


def test_the_company_founded_in_an_appositive_is_the_previous_organisation() -> None:
    text = (
        "Kivu Health raised $12 million on Monday. The company, founded in 2020 by two "
        "doctors, plans to enter Rwanda and Uganda by the end of the year."
    )
    got = _events(text)
    assert ("Kivu Health", "other", "happened", "2020") in got
    assert ("Kivu Health", "other", "planned", "2025") in got


def test_rival_is_not_part_of_the_name() -> None:
    got = _events("Rival Ostra Health closed a $30 million round in 2021.")
    assert got == [("Ostra Health", "funding", "happened", "2021")]


def test_a_standing_position_has_said_is_not_an_event() -> None:
    assert _events("Chile's government has said it wants to digitise all records by 2027.") == []


def test_a_news_agency_in_the_dateline_is_not_the_actor() -> None:
    text = "BEIJING (Reuters) - Chinese start-up Moonvale on Thursday released Orbit-V2, a model."
    assert _events(text) == [("Moonvale", "release", "happened", "2025-06-12")]


def test_a_product_in_apposition_is_not_an_organisation_its_owner_is() -> None:
    text = (
        "Moonvale raised $40 million in May. Its previous model, Orbit-V1, was released in January."
    )
    assert ("Moonvale", "release", "happened", "2025-01") in _events(text)


def test_a_known_product_inside_a_hyphenated_name_does_not_give_its_owner() -> None:
    lex = default_lexicon()
    assert lex.products is not None
    assert lex.products.search("Orbit-R1 was released") is None


def test_a_facility_with_an_amount_and_long_modifiers() -> None:
    text = (
        "Nordwerk AG, which opened a $2 billion assembly and test plant in Penang in "
        "2019, said on Monday it would expand it."
    )
    assert ("Nordwerk AG", "other", "happened", "2019") in _events(text)


def test_an_attributive_period_never_dates_a_plan() -> None:
    text = (
        "Banco Sol said on Monday it would cut about 900 jobs, after reporting a record "
        "third-quarter profit."
    )
    got = _events(text)
    assert ("Banco Sol", "announcement", "happened", "2025-06-16") in got
    assert all(date != "2025-07" for *_x, date in got)


def test_a_newspaper_citing_sources_makes_the_event_reported() -> None:
    text = (
        "Banco Sol is in talks to buy a stake in the digital bank Onda, the Diario newspaper "
        "reported on Monday, citing unnamed sources."
    )
    assert [e[2] for e in _events(text)] == ["reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Ostra Systems said on Monday that demand for its batteries remained strong.",
        "Ostra Systems chief Ana Silva said on Tuesday that the market was growing fast.",
        "Ostra Systems said in a statement on Monday that the outage had been resolved.",
    ],
)
def test_a_reported_state_of_affairs_is_not_a_statement(text: str) -> None:
    assert _events(text) == []


def test_a_quoted_admission_stays_a_statement() -> None:
    text = 'Ostra Systems chief Ana Silva admitted on Tuesday that Europe had been "too slow".'
    assert [e[1] for e in _events(text)] == ["statement"]


def test_a_place_does_not_release_or_fund_but_may_legislate() -> None:
    assert _events("Europe launched more than 300 AI start-ups last year.") == []
    assert _events("Chile passed a data protection law in 2019.") == [
        ("Chile", "other", "happened", "2019")
    ]


def test_the_deal_closing_is_its_own_event_not_a_continuation() -> None:
    text = (
        "Halden Software agreed to acquire the start-up Brisa for $90 million on Tuesday. "
        "The deal is expected to close in the fourth quarter."
    )
    assert _events(text) == [
        ("Halden Software", "other", "happened", "2025-06-17"),
        ("Halden Software", "other", "planned", "2025-10"),
    ]


def test_a_relative_clause_on_the_organisation_s_own_product() -> None:
    text = (
        "Sowa Labs released Kania 7B on Tuesday. The model is free through the lab's own "
        "chat app, which went live in May."
    )
    assert ("Sowa Labs", "release", "happened", "2025-05") in _events(text)


def test_what_a_quoted_speaker_added_about_a_plan_is_the_event() -> None:
    text = (
        '"Brisa gives us a foothold in Chile," said Ana Silva, chief executive of Halden '
        "Software, adding that the company would open an office in Santiago next year."
    )
    assert _events(text) == [("Halden Software", "other", "planned", "2026")]


def test_the_month_may_is_not_the_modal_may() -> None:
    lex = default_lexicon()
    assert lex.rx["speculation"].search("the model would launch in May") is None
    assert lex.rx["speculation"].search("the model may launch in June") is not None


def test_a_plan_in_the_content_keeps_a_past_description_a_position() -> None:
    text = "Ostra Systems said on Monday that the model was ready and would launch in May."
    assert _events(text) != []


def test_a_hedged_action_about_the_speaker_is_not_an_event() -> None:
    assert _events("Ostra Systems said on Monday that it may launch the model in June.") == []
    done = "Ostra Systems said on Monday that it had launched the model in June."
    assert _events(done) == [("Ostra Systems", "release", "happened", "2025-06")]
