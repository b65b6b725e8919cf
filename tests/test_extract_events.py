"""Event extraction rules on short, invented news paragraphs (not the seed articles)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.extract import extract_documents, extract_events
from desktop.extract.lexicon import load_lexicon
from desktop.extract.pipeline import extract_document
from desktop.paths import resource_path

PUB = dt.date(2025, 3, 25)  # a Tuesday


def _one(text: str, published: dt.date | None = PUB):
    events = extract_events(text, published)
    assert len(events) == 1, [(e.kind, e.actor, e.evidence) for e in events]
    return events[0]


# --- status -------------------------------------------------------------------------------


def test_planned_event_gets_future_date() -> None:
    ev = _one("Meta plans to release Llama 5 in September.")
    assert (ev.status, ev.kind, ev.actor) == ("planned", "release", "Meta")
    assert ev.interval.date_str() == "2025-09"
    assert "Llama 5" in ev.subject


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia reportedly acquired a chip startup for $700 million.",
        "According to people familiar with the matter, Anthropic raised $2 billion.",
        "Mistral AI, as reported by the media, launched a new coding model.",
    ],
)
def test_reported_when_attributed_to_media_or_sources(text: str) -> None:
    assert _one(text).status == "reported"


def test_media_report_keeps_past_date_of_report_for_planned_talks() -> None:
    ev = _one("In January, the media reported that xAI is negotiating a new funding round.")
    assert ev.status == "reported" and ev.kind == "funding"
    assert ev.interval.date_str() == "2025-01"


def test_hedge_on_a_property_leaves_the_event_happened() -> None:
    ev = _one("Moonshot AI unveiled a model that allegedly beats GPT-4o at coding.")
    assert (ev.status, ev.kind) == ("happened", "release")


# --- kind precedence ----------------------------------------------------------------------


def test_open_source_framing_beats_release() -> None:
    ev = _one("Tencent released three open-source video models on Monday.")
    assert ev.kind == "open_source" and ev.interval.date_str() == "2025-03-24"


def test_open_weights_subject_of_a_passive_release() -> None:
    ev = _one("Gemma 3, an open-weights model from Google, was released last week.")
    assert (ev.kind, ev.actor) == ("open_source", "Google")


def test_announced_plans_is_an_announcement_dated_at_the_report() -> None:
    ev = _one("Stability AI has announced plans to open-source its audio models.")
    assert (ev.kind, ev.status, ev.anchor) == ("announcement", "happened", "publication")
    assert ev.interval.date_str() == "2025-03-25"


def test_announced_plan_with_its_own_time_adds_a_planned_event() -> None:
    events = extract_events("Mistral AI announced plans to open-source its models in May.", PUB)
    kinds = sorted((e.kind, e.status, e.interval.date_str()) for e in events)
    assert kinds == [
        ("announcement", "happened", "2025-03-25"),
        ("open_source", "planned", "2025-05"),
    ]


def test_position_statement_is_a_statement_not_dated_by_its_content() -> None:
    ev = _one("Cohere announced last month that 2026 will be the year of enterprise agents.")
    assert (ev.kind, ev.status, ev.actor) == ("statement", "happened", "Cohere")
    assert ev.interval.date_str() == "2025-02"


def test_company_saying_what_it_does_is_an_announcement() -> None:
    assert _one("Xiaomi said on Friday that it uses its own chips in new phones.").kind == (
        "announcement"
    )


def test_company_reporting_its_own_completed_action_is_that_action() -> None:
    ev = _one("Perplexity said it raised $500 million in a new round.")
    assert (ev.kind, ev.status) == ("funding", "happened")


def test_announced_partnership_is_a_partnership() -> None:
    ev = _one("Samsung announced a partnership with Baidu in January.")
    assert (ev.kind, ev.actor, ev.interval.date_str()) == ("partnership", "Samsung", "2025-01")


def test_founding_with_a_year_is_other() -> None:
    ev = _one("Anthropic was founded in 2021 by former researchers.")
    assert (ev.kind, ev.interval.date_str(), ev.interval.precision) == ("other", "2021", "year")


# --- actors -------------------------------------------------------------------------------


def test_aliases_map_to_canonical_names() -> None:
    assert _one("Meta Platforms launched a new assistant on March 3.").actor == "Meta"
    assert _one("Alibaba Group released Qwen 3 on March 3.").actor == "Alibaba"


def test_pronoun_and_the_company_resolve_to_the_last_organisation() -> None:
    text = (
        "Huawei has long built its own chips. On March 10, it launched the Ascend 920. "
        "The company also intends to release a new phone in June."
    )
    events = extract_events(text, PUB)
    assert [(e.actor, e.kind, e.status) for e in events] == [
        ("Huawei", "release", "happened"),
        ("Huawei", "release", "planned"),
    ]


def test_leader_statement_is_attributed_to_the_organisation() -> None:
    text = "Tencent President Martin Lau said on Wednesday that AI spending will double."
    assert _one(text).actor == "Tencent"


def test_person_of_a_known_organisation_from_the_gazetteer() -> None:
    text = "Jensen Huang stated on Monday that every company will need AI factories."
    assert _one(text).actor == "Nvidia"


def test_product_owner_is_the_actor_of_a_nominal_debut() -> None:
    ev = _one("Gemini's launch in December 2023 surprised rivals.")
    assert (ev.actor, ev.kind, ev.interval.date_str()) == ("Google", "release", "2023-12")


def test_unknown_actor_gives_no_event() -> None:
    assert extract_events("Several startups launched new models this month.", PUB) == []


# --- not events ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dan Ives, an analyst at Wedbush, said that Apple will win the AI race.",
        "Nvidia shares rose 4% on Monday.",
        "OpenAI, which has raised billions in funding, faces growing competition.",
        "DeepSeek has not released its next model.",
        "Founded date: 2015",
        "Chinese firms are increasingly releasing open-source models.",
        "It is worth noting that Amazon has invested $8 billion in Anthropic.",
        "Baidu's chief executive said that this could possibly change everything.",
        "He recalled the moment when Google made its Android source freely available.",
    ],
)
def test_not_events(text: str) -> None:
    assert extract_events(text, PUB) == []


# --- time anchoring, one row per event, continuation -------------------------------------


def test_no_time_expression_anchors_on_publication() -> None:
    ev = _one("Cohere has launched a new retrieval model.")
    assert (ev.anchor, ev.interval.precision, ev.interval.date_str()) == (
        "publication",
        "day",
        "2025-03-25",
    )
    assert "on or before publication 2025-03-25" in ev.resolution


def test_no_publication_date_leaves_undated_events_unknown() -> None:
    ev = _one("Cohere has launched a new retrieval model.", published=None)
    assert ev.interval.precision == "unknown" and ev.interval.date_str() is None


def test_second_mention_becomes_an_alt_span() -> None:
    text = (
        "Zhipu AI launched GLM-5 on March 12. Analysts liked it. "
        "The release of GLM-5 came as Zhipu AI launched GLM-5 for enterprises too."
    )
    events = extract_events(text, PUB)
    assert len(events) == 1
    ev = events[0]
    assert ev.interval.date_str() == "2025-03-12" and len(ev.alt_spans) == 1


def test_expected_debut_sentence_refines_the_planned_event() -> None:
    text = (
        "Xiaomi intends to launch its MiMo 2 model in the autumn. "
        "It is expected that this debut will take place at the end of October."
    )
    ev = _one(text)
    assert (ev.status, ev.interval.date_str(), ev.interval.precision) == (
        "planned",
        "2025-10",
        "month",
    )
    assert ev.evidence == text


def test_evidence_is_an_exact_substring_with_offsets() -> None:
    text = "Intro line.\n\nOn March 3, Mistral AI released Mistral Small 3.1, a compact model."
    ev = _one(text)
    assert text[ev.start : ev.end] == ev.evidence
    assert ev.time_start is not None and text[ev.time_start : ev.time_end] == "On March 3"


def test_event_keys_are_unique_within_a_document_and_shared_across() -> None:
    a = "On March 4, Cohere launched Command A. Cohere also raised $500 million."
    b = "Cohere released Command A last month, the company said."
    docs = extract_documents([(a, PUB), (b, dt.date(2025, 4, 2))])
    keys_a = [e.event_key for e in docs[0]]
    assert len(keys_a) == len(set(keys_a)) == 2
    assert docs[1][0].event_key == docs[0][0].event_key


def test_user_gazetteer_is_merged_over_the_shipped_one(tmp_path: Path) -> None:
    user = tmp_path / "organisations.json"
    user.write_text(json.dumps({"organisations": [{"name": "Zebra Robotics", "kind": "company"}]}))
    shipped = resource_path("lexicons", "organisations.json")
    lex = load_lexicon(resource_path("lexicons", "events.json"), shipped, user)
    events = extract_document("Zebra Robotics launched a humanoid robot on March 2.", PUB, lex)
    assert [e.actor for e in events] == ["Zebra Robotics"]


def test_dateline_is_the_report_date_not_a_future_plan() -> None:
    text = "SAN FRANCISCO, Feb 4 (Reuters) - Cohere is in talks to raise $500 million."
    ev = _one(text)
    assert (ev.kind, ev.interval.date_str()) == ("funding", "2025-02-04")


def test_since_marks_a_state_not_the_date_of_an_event() -> None:
    ev = _one("Nvidia has partnered with Foxconn since 2023.")
    assert ev.anchor == "publication"


def test_a_relative_clause_does_not_date_the_main_event() -> None:
    text = "The startup, which was founded in 2023, released its Kimi 2 model in January."
    events = extract_events("Moonshot AI grew fast. " + text, PUB)
    assert [(e.kind, e.interval.date_str()) for e in events] == [("release", "2025-01")]


def test_unknown_organisation_with_a_company_suffix() -> None:
    ev = _one("Paris-based Zorvex Robotics Inc. raised $20 million in a Series A round.")
    assert (ev.actor, ev.kind) == ("Zorvex Robotics", "funding")


def test_conditional_trigger_is_not_an_event() -> None:
    assert extract_events("If OpenAI releases GPT-5 this year, rivals will respond.", PUB) == []


def test_headline_mention_folds_into_the_body_mention() -> None:
    text = (
        "Nvidia unveils new AI chips at its developer conference\n\n"
        "Nvidia on Tuesday unveiled Blackwell Ultra, a new family of chips. "
        "The company also announced partnerships with General Motors and Disney."
    )
    events = extract_events(text, dt.date(2025, 3, 19))
    assert [(e.kind, e.interval.date_str(), len(e.alt_spans)) for e in events] == [
        ("release", "2025-03-18", 1),
        ("partnership", "2025-03-19", 0),
    ]
    assert events[0].evidence.startswith("Nvidia on Tuesday unveiled")


@pytest.mark.parametrize("mark", ["2. ", "b) ", "- ", "• ", ""])
def test_a_numbered_or_bulleted_subheading_folds_into_the_body(mark: str) -> None:
    text = (
        "Weekly roundup\n\nA busy week for the industry, with many launches to report.\n\n"
        f"{mark}Mistral releases open weights\n"
        "Paris-based Mistral AI released the weights of Mistral Medium 4 under the Apache 2.0 "
        "licence on 2026-03-11.\n"
    )
    events = extract_events(text, dt.date(2026, 3, 13))
    assert [(e.actor, e.subject, len(e.alt_spans)) for e in events] == [
        ("Mistral AI", "Mistral Medium 4", 1)
    ]


def test_media_as_speaker_makes_the_reported_content_the_event() -> None:
    ev = _one("The Information reported on Monday that ByteDance raised $2 billion.")
    assert (ev.actor, ev.kind, ev.status, ev.interval.date_str()) == (
        "ByteDance",
        "funding",
        "reported",
        "2025-03-24",
    )


def test_surname_of_a_known_leader_or_analyst() -> None:
    text = "Sam Altman leads OpenAI. Altman said on Monday that AGI is near."
    assert [e.actor for e in extract_events(text, PUB)] == ["OpenAI"]
    text = "Dan Ives, an analyst at Wedbush, spoke. Ives said that Apple is behind."
    assert extract_events(text, PUB) == []


def test_reported_financials_with_a_percentage_and_nominal_investment() -> None:
    ev = _one("Alibaba reported a 13% rise in quarterly revenue on Thursday.")
    assert (ev.kind, ev.interval.date_str()) == ("other", "2025-03-20")
    ev = _one("SoftBank announced a $2 billion investment in OpenAI on Monday.")
    assert (ev.actor, ev.kind) == ("SoftBank", "funding")


def test_benchmark_claim_by_a_company_is_not_a_statement_event() -> None:
    text = "Alibaba Cloud stated that the flagship model is competitive with the best from OpenAI."
    assert extract_events(text, PUB) == []


def test_headline_folds_into_the_body_event_with_the_same_subject() -> None:
    text = (
        "Alibaba Unveils Qwen 3 Family as AI Race Intensifies\n\n"
        "Alibaba has introduced a new generation of its models. "
        "On Tuesday, the company released Qwen 3, a family of eight models."
    )
    events = extract_events(text, dt.date(2025, 4, 29))
    qwen = [e for e in events if e.subject == "Qwen 3"]
    assert len(qwen) == 1 and len(qwen[0].alt_spans) == 1
    assert qwen[0].interval.date_str() == "2025-04-29"
    assert all(not e.evidence.startswith("Alibaba Unveils") for e in events)


def test_reported_speech_without_that_keeps_the_action() -> None:
    ev = _one("Google said on Monday Gemini 2.5 would launch in January.")
    assert (ev.actor, ev.kind, ev.status, ev.subject) == (
        "Google",
        "release",
        "planned",
        "Gemini 2.5",
    )
    assert ev.interval.date_str() == "2026-01"


def test_quote_led_statement_by_a_named_leader() -> None:
    text = '"This money buys us independence," Mistral CEO Arthur Mensch said on Thursday.'
    ev = _one(text)
    assert (ev.actor, ev.kind, ev.interval.date_str()) == ("Mistral AI", "statement", "2025-03-20")


def test_organisation_introduced_by_a_descriptor_is_an_actor() -> None:
    ev = _one("London-based Synthesia closed a $180 million round in January.")
    assert (ev.actor, ev.kind, ev.interval.date_str()) == ("Synthesia", "funding", "2025-01")
    text = "Upstage, a Seoul-based developer of compact models, raised $72 million in October."
    assert _one(text).actor == "Upstage"


def test_report_time_dates_an_event_without_its_own_and_appositives_are_background() -> None:
    text = (
        "Sakana AI, the Tokyo start-up founded by former Google researchers, has raised "
        "$214 million in a Series A round, the company said on Wednesday."
    )
    ev = _one(text)
    assert (ev.kind, ev.interval.date_str()) == ("funding", "2025-03-19")


def test_plural_release_noun_is_not_a_trigger() -> None:
    text = "Developers built 100,000 models on top of earlier Qwen releases, making it popular."
    assert extract_events(text, PUB) == []


def test_relative_clause_event_with_its_own_time() -> None:
    text = "OpenAI, which raised $40 billion in March, is growing."
    ev = _one(text)
    assert (ev.actor, ev.kind, ev.interval.date_str()) == ("OpenAI", "funding", "2025-03")
    assert ev.evidence == "OpenAI, which raised $40 billion in March"


def test_coordinated_clauses_with_their_own_subjects_are_separate_events() -> None:
    text = (
        "German firm Helsing raised €450 million in 2024, "
        "and London-based Synthesia closed a $180 million round in January."
    )
    events = extract_events(text, PUB)
    assert [(e.actor, e.interval.date_str()) for e in events] == [
        ("Helsing", "2024"),
        ("Synthesia", "2025-01"),
    ]


def test_gerund_without_auxiliary_and_has_been_ing_are_not_events() -> None:
    assert (
        extract_events("With DeepSeek offering AI tools for free, rivals must follow.", PUB) == []
    )
    assert extract_events("Tencent has been actively integrating new AI features.", PUB) == []
    ev = _one("Sakana AI will begin offering AI tools to banks next year.")
    assert (ev.status, ev.interval.date_str()) == ("planned", "2026")
