"""Round-5 actor rules on invented sentences: nationality/language adjectives and plural common
nouns are no organisations, a dateline does not hide an introduced organisation, a
family-name-first leader is known by the family name alone."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.extract import extract_events
from desktop.extract.actor_words import is_common_plural, only_descriptive
from desktop.extract.docstate import DocState, surnames

PUB = dt.date(2025, 6, 18)  # a Wednesday


def _actors(text: str) -> list[str]:
    return [e.actor for e in extract_events(text, PUB)]


@pytest.mark.parametrize(
    "name", ["Arabic", "Latin American AI", "South Korean", "Nordic", "Brazilian AI"]
)
def test_adjectives_of_nationality_or_language_are_descriptions(name: str) -> None:
    assert only_descriptive(name)


@pytest.mark.parametrize("name", ["Arabic Labs", "Saudi Aramco", "Korea Telecom", "Humain", ""])
def test_names_with_a_proper_word_are_not_mere_descriptions(name: str) -> None:
    assert not only_descriptive(name)


def test_plural_common_nouns_are_listed_but_names_are_not() -> None:
    assert is_common_plural("Videos") and is_common_plural("Talks")
    assert not is_common_plural("Siemens") and not is_common_plural("Reuters")


@pytest.mark.parametrize(
    "text",
    [
        "Nordic AI start-ups raised $400 million in May, a report found.",
        "Latin American AI start-ups raised $1.1 billion in the first half of 2025.",
        "Photos released by the company on Monday showed the new factory.",
    ],
)
def test_descriptions_and_plural_nouns_do_not_act(text: str) -> None:
    actors = _actors(text)
    assert not any(a in ("Nordic AI", "Latin American AI", "Photos", "Nordic") for a in actors)


def test_an_adjective_before_a_common_noun_is_not_introduced_as_an_organisation() -> None:
    text = (
        "Corvane Energy's venture arm plans to back a Cairo-based Egyptian payments start-up "
        "in June. Egyptian said on Tuesday it would open an office in Lagos."
    )
    assert "Egyptian" not in _actors(text)


def test_a_real_organisation_with_a_suffix_still_acts() -> None:
    assert _actors("Brazilian fintech Lumora Technologies raised $30 million in May.") == [
        "Lumora Technologies"
    ]


def test_a_dateline_does_not_hide_an_organisation_introduced_by_a_descriptor() -> None:
    text = (
        "OSAKA - Keiko Internet, a Kyoto-based hosting operator, said on Tuesday it would "
        "build a GPU cloud. The company expects the service to go live in January."
    )
    actors = _actors(text)
    assert actors and set(actors) == {"Keiko Internet"}


@pytest.mark.parametrize(
    ("person", "keys"),
    [
        ("Park Ji-won", ("Ji-won", "Park")),
        ("Lee Sang-hoon", ("Sang-hoon", "Lee")),
        ("Jean-Luc Martin", ("Martin",)),
        ("Sam Altman", ("Altman",)),
        ("Liang Wenfeng", ("Wenfeng", "Liang")),
        ("Nguyen Thanh", ("Thanh", "Nguyen")),
        ("Mary Wang", ("Wang",)),
    ],
)
def test_family_name_first_leaders_are_known_by_the_family_name(
    person: str, keys: tuple[str, ...]
) -> None:
    assert surnames(person) == keys
    state = DocState()
    state.learn(person, "Acme")
    assert all(state.leaders[k] == "Acme" for k in keys)


def test_a_family_name_alone_speaks_for_the_leaders_organisation() -> None:
    text = (
        "Daewon Robotics raised $50 million on Monday. Chief executive Kim Min-seo told "
        "reporters the money would go to a new plant. Kim added that the company intends to "
        "list on the Korea Exchange."
    )
    assert "Kim" not in _actors(text)
    assert set(_actors(text)) == {"Daewon Robotics"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("In May, Quorra and Uber announced a partnership in Dubai.", "Quorra"),
        ("Veltro and Microsoft signed a cloud agreement on Monday.", "Veltro"),
        ("Microsoft and Veltro signed a cloud agreement on Monday.", "Microsoft"),
    ],
)
def test_coordinated_parties_yield_one_event_for_the_first_named(text: str, actor: str) -> None:
    assert _actors(text) == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "In Dubai and Uber's home market, Uber launched a robotaxi service on Monday.",
        "Investors and Microsoft signed a cloud agreement on Monday.",
    ],
)
def test_a_place_or_common_noun_before_and_is_not_a_party(text: str) -> None:
    assert _actors(text) == ["Uber" if "Uber" in text.split(",")[-1] else "Microsoft"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Corvane's venture arm led a $20 million round in a Lagos start-up on Monday.",
            "Corvane",
        ),
        (
            "Dunmore's robotics subsidiary opened a plant in Ohio in May.",
            "Dunmore",
        ),
    ],
)
def test_a_units_action_belongs_to_its_parent(text: str, actor: str) -> None:
    assert _actors(text) == [actor]


def test_its_unit_is_the_salient_organisations() -> None:
    text = (
        "Brindle Labs opened an office in Nairobi on Monday. Its venture arm also invested "
        "$5 million in a Kenyan start-up in May."
    )
    assert _actors(text) == ["Brindle Labs", "Brindle Labs"]


def test_a_unit_inside_a_prepositional_phrase_is_not_the_subject() -> None:
    text = (
        "With backing from Corvane Energy's venture arm, Talvo Robotics raised $9 million in May."
    )
    assert _actors(text) == ["Talvo Robotics"]


def test_the_company_without_antecedent_is_not_the_maker_of_its_purchases() -> None:
    text = "The company plans to buy 2,000 H100 processors and to launch the service in January."
    assert "Nvidia" not in _actors(text)


def _aliases(text: str) -> dict[str, str]:
    from desktop.extract.lexicon import default_lexicon
    from desktop.extract.orgmentions import learn_organisations

    state = DocState()
    learn_organisations(default_lexicon(), text, state)
    return state.aliases


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        ("The Public Investment Fund (PIF) backs it.", {"PIF": "Public Investment Fund"}),
        (
            "The Ministry of Science and ICT (MSIT) drafted it.",
            {"MSIT": "Ministry of Science and ICT"},
        ),
        (
            "The Abu Dhabi Investment Authority (ADIA) said so.",
            {"ADIA": "Abu Dhabi Investment Authority"},
        ),
        ("It trains a Large Language Model (LLM) in Tokyo.", {}),
        ("Each Graphics Processing Unit (GPU) costs more.", {}),
        ("Revenue rose after the Initial Public Offering (IPO).", {}),
        ("The Public Investment Fund (QIA) is a typo.", {}),
    ],
)
def test_abbreviations_introduced_in_the_text_name_the_organisation(
    text: str, aliases: dict[str, str]
) -> None:
    assert _aliases(text) == aliases


def test_an_abbreviation_acts_as_the_full_name() -> None:
    text = (
        "The Lusitania Development Fund (LDF) was set up by the government in 2019. "
        "LDF said on Tuesday it would invest $2 billion in data centres."
    )
    actors = _actors(text)
    assert actors and "LDF" not in actors
    assert "Lusitania Development Fund" in actors


@pytest.mark.parametrize(
    ("name", "actor"), [("Keiko Internet", "Keiko Internet"), ("Keiko Tanaka", "")]
)
def test_a_given_name_with_an_organisations_head_word_is_an_organisation(
    name: str, actor: str
) -> None:
    found = _actors(f"{name} launched a translation app on Monday.")
    assert found == ([actor] if actor else [])


def test_another_partys_spokesperson_does_not_take_the_companys_place() -> None:
    text = (
        "Brindle Robotics signed a supply deal with Toyota on Monday. A Toyota spokesperson "
        "called it a pilot. The company will open a factory in Ohio in September."
    )
    assert _actors(text) == ["Brindle Robotics", "Brindle Robotics"]


def test_a_party_named_by_itself_is_still_salient() -> None:
    text = (
        "Brindle Robotics signed a supply deal with Toyota on Monday. Toyota has tested such "
        "arms for years. The company will open a factory in Ohio in September."
    )
    assert _actors(text)[-1] == "Toyota"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Its sovereign fund, QIA, said in June that it would commit $1 billion to AI.",
            "Qatar Investment Authority",
        ),
        ("PIF launched a new AI company in May.", "Public Investment Fund"),
        (
            "Aramco's venture arm led a $40 million round in a Riyadh start-up on Monday.",
            "Saudi Aramco",
        ),
    ],
)
def test_sovereign_funds_and_their_abbreviations_are_known(text: str, actor: str) -> None:
    assert _actors(text) == [actor]


@pytest.mark.parametrize(
    ("text", "tense", "date", "end"),
    [
        ("expected to ship as soon as this week", "future", "2025-06-16", "2025-06-22"),
        ("said this week that", "past", "2025-06-16", "2025-06-18"),
        ("will open this month", "future", "2025-06", None),
        ("will report this quarter", "future", "2025-04", "2025-06"),
    ],
)
def test_this_unit_in_a_plan_is_the_whole_unit(
    text: str, tense: str, date: str, end: str | None
) -> None:
    from desktop.extract.timex import find_time_expressions

    (found,) = find_time_expressions(text, PUB, tense)
    assert (found.interval.date_str(), found.interval.date_end_str()) == (date, end)


@pytest.mark.parametrize(
    "lead",
    ["The New York- and Paris-based company", "The US- and China-backed start-up"],
)
def test_a_suspended_hyphen_does_not_hide_the_anaphor(lead: str) -> None:
    text = f"Brindle Labs opened an office in Lagos in May. {lead} released its model on June 10."
    assert _actors(text) == ["Brindle Labs", "Brindle Labs"]


def test_a_coordinated_place_name_is_not_blanked_as_a_modifier() -> None:
    text = "Brindle Labs and Kora AI signed a partnership on Monday."
    assert _actors(text) == ["Brindle Labs"]


class _Facts:
    def __init__(self, kind: str, status: str, interval, subject: str = "with OpenAI") -> None:
        self.actor, self.subject, self.kind, self.status = "Kakao", subject, kind, status
        self.interval, self.anchor = interval, "explicit"


def _day(y: int, m: int, d: int):
    from desktop.extract.types import TimeInterval

    return TimeInterval(dt.date(y, m, d), dt.date(y, m, d), "day")


def test_reported_talks_meet_the_later_deal() -> None:
    from desktop.extract.merge import same_event

    talks = _Facts("partnership", "reported", _day(2025, 1, 9))
    deal = _Facts("partnership", "happened", _day(2025, 2, 4))
    assert same_event(talks, deal) and same_event(deal, talks)


@pytest.mark.parametrize(
    ("early", "late"),
    [
        (("reported", (2025, 1, 9)), ("happened", (2025, 8, 4))),  # too late
        (("reported", (2025, 3, 9)), ("happened", (2025, 2, 4))),  # done before the report
        (("happened", (2025, 1, 9)), ("happened", (2025, 2, 4))),  # two happened events
        (("reported", (2025, 1, 9)), ("planned", (2025, 2, 4))),  # nothing happened
    ],
)
def test_what_a_report_cannot_meet(early: tuple, late: tuple) -> None:
    from desktop.extract.merge import same_event

    a = _Facts("partnership", early[0], _day(*early[1]))
    b = _Facts("partnership", late[0], _day(*late[1]))
    assert not same_event(a, b)


def test_a_plan_meets_its_slightly_late_fulfilment_but_not_another_subject() -> None:
    from desktop.extract.merge import same_event
    from desktop.extract.types import TimeInterval

    summer = TimeInterval(dt.date(2025, 6, 1), dt.date(2025, 8, 31), "season")
    plan = _Facts("release", "planned", summer, "open-weight model")
    assert same_event(plan, _Facts("release", "happened", _day(2025, 9, 20), "open-weight models"))
    assert not same_event(plan, _Facts("release", "happened", _day(2025, 9, 20), "search engine"))


@pytest.mark.parametrize(
    ("text", "subject_word"),
    [
        (
            "Chief executive Sam Altman said on Monday that OpenAI would release its first open "
            "model since GPT-2 in the summer.",
            "open",
        ),
        (
            "Kora AI signed an agreement with Safaricom on Monday, following moves by rivals "
            "WeRide and Uber in the region.",
            "Safaricom",
        ),
    ],
)
def test_reference_points_are_not_the_subject(text: str, subject_word: str) -> None:
    subjects = [e.subject for e in extract_events(text, PUB)]
    assert subjects and subject_word in subjects[-1]
    assert "GPT-2" not in subjects[-1] and "Uber" not in subjects[-1]


def test_a_product_in_an_appositive_phrase_is_not_the_subject() -> None:
    text = (
        "Stability AI, the London-based company behind Stable Diffusion, is exploring a sale of "
        "its audio business, according to a report by The Information."
    )
    subjects = [e.subject for e in extract_events(text, PUB)]
    assert subjects and all("Stable Diffusion" not in s for s in subjects)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("where Acme's April acquisition of a robot maker comes in", "2025-04"),
        ("after the company's May results beat forecasts", "2025-05"),
        ("its June launch drew crowds", "2025-06"),
        ("the company’s August deal with Uber", "2024-08"),
    ],
)
def test_a_month_between_a_possessive_and_a_noun_is_a_date(text: str, date: str) -> None:
    from desktop.extract.timex import find_time_expressions

    assert [t.interval.date_str() for t in find_time_expressions(text, PUB, "past")] == [date]


@pytest.mark.parametrize(
    "text",
    ["Acme's March said it would", "she said April would", "Acme's April Fools joke", "its may be"],
)
def test_a_month_name_without_that_shape_is_no_date(text: str) -> None:
    from desktop.extract.timex import find_time_expressions

    assert find_time_expressions(text, PUB, "past") == []


@pytest.mark.parametrize(
    "subject", ["The Union Cabinet", "The Indian government", "India's government"]
)
def test_indias_cabinet_and_government_are_one_actor(subject: str) -> None:
    text = f"{subject} approved a semiconductor subsidy scheme in March."
    assert _actors(text) == ["Government of India"]


@pytest.mark.parametrize("name", ["Clément Delangue", "José Núñez", "Łukasz Wójcik", "Søren Kjær"])
def test_accented_names_have_the_shape_of_a_name(name: str) -> None:
    from desktop.extract.lexicon import default_lexicon
    from desktop.extract.people import people_in

    text = f"Chief executive {name} said on Tuesday that the lab would grow."
    found = people_in(default_lexicon(), text)
    assert [n for *_x, n in found] == [name]
    start, end, _n = found[0]
    assert text[start:end] == name


def test_an_accented_leader_speaks_for_the_organisation() -> None:
    text = (
        'Brindle Labs released a robot model on Monday. "Robots need open models," chief '
        "executive Clément Vasseur said on Tuesday in a post."
    )
    assert _actors(text) == ["Brindle Labs", "Brindle Labs"]


def test_an_accented_surname_alone_speaks_for_the_organisation() -> None:
    text = (
        "Brindle Labs raised $9 million on Monday, chief executive José Núñez told reporters. "
        "Núñez said on Tuesday that the lab would open an office in Lima in May."
    )
    actors = _actors(text)
    assert actors and set(actors) == {"Brindle Labs"}


def test_the_eval_report_lists_pairs_linked_on_one_side_only() -> None:
    from desktop.extract.evaluate import evaluate, format_report

    text = "OpenAI released GPT-5 on Monday."
    texts = {"a.txt": text, "b.txt": text, "c.txt": text}

    def row(doc: str, key: str, subject: str) -> dict:
        return {"doc": doc, "event_key": key, "actor": "OpenAI", "subject": subject,
                "kind": "release", "date": "2025-06-16", "evidence": text}  # fmt: skip

    gold = [row("a.txt", "gpt5", ""), row("b.txt", "gpt5", ""), row("c.txt", "other", "")]
    pred = [row("a.txt", "x", "GPT-5"), row("b.txt", "y", "model"), row("c.txt", "x", "GPT-5")]
    report = evaluate(gold, pred, texts)
    assert len(report.link_disagreements) == 2
    out = format_report(report)
    assert "link disagreements:" in out
    assert "not linked (gpt5): a.txt: OpenAI | GPT-5 | release | 2025-06-16" in out
    assert "wrongly linked: a.txt: OpenAI | GPT-5" in out and "<->  c.txt" in out


def test_the_eval_report_has_no_link_section_when_links_agree() -> None:
    from desktop.extract.evaluate import evaluate, format_report

    text = "OpenAI released GPT-5 on Monday."
    gold = [{"doc": "a.txt", "event_key": "k", "actor": "OpenAI", "evidence": text}]
    pred = [{"doc": "a.txt", "event_key": "k", "actor": "OpenAI", "evidence": text}]
    assert "link disagreements" not in format_report(evaluate(gold, pred, {"a.txt": text}))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Paris-based Mistral rival Kyutai released an open speech model on Monday.", "Kyutai"),
        ("Microsoft partner Veltrix launched a coding agent on Tuesday.", "Veltrix"),
        ("Nvidia-backed Corvane raised $40 million in May.", "Corvane"),
        ("Mistral released a small model on Monday.", "Mistral AI"),
        ("Mistral on Monday released a small model.", "Mistral AI"),
        ("Google and Veltrix signed a partnership on Monday.", "Google"),
    ],
)
def test_an_organisation_describing_another_is_not_the_actor(text: str, actor: str) -> None:
    assert _actors(text) == [actor]


@pytest.mark.parametrize(
    ("text", "tense", "pub", "dates"),
    [
        ("said over the weekend that", "past", dt.date(2025, 6, 18), ("2025-06-14", "2025-06-15")),
        ("announced last weekend", "past", dt.date(2025, 6, 16), ("2025-06-14", "2025-06-15")),
        ("said this past weekend", "past", dt.date(2025, 6, 15), ("2025-06-14", "2025-06-15")),
        ("will open this weekend", "future", dt.date(2025, 6, 18), ("2025-06-21", "2025-06-22")),
    ],
)
def test_the_weekend_is_its_saturday_and_sunday(
    text: str, tense: str, pub: dt.date, dates: tuple[str, str]
) -> None:
    from desktop.extract.timex import find_time_expressions

    (found,) = find_time_expressions(text, pub, tense)
    assert (found.interval.date_str(), found.interval.date_end_str()) == dates


@pytest.mark.parametrize("text", ["the weekend edition of the paper", "a weekend of talks"])
def test_weekend_as_a_modifier_is_no_date(text: str) -> None:
    from desktop.extract.timex import find_time_expressions

    assert find_time_expressions(text, PUB, "past") == []


def test_a_chinese_family_name_alone_speaks_for_the_leaders_organisation() -> None:
    text = (
        "Qilin Robotics raised $80 million on Monday. Chief executive Zhou Haoran told "
        "reporters the money would go to a plant in Suzhou. Zhou said on Tuesday that the "
        "company would open an office in Munich in October."
    )
    actors = _actors(text)
    assert "Zhou" not in actors and set(actors) == {"Qilin Robotics"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "South Korea's Ministry of Science and ICT said on Tuesday it would buy GPUs.",
            "Ministry of Science and ICT",
        ),
        ("Kenya's Ministry of Health launched a triage app in May.", "Ministry of Health"),
    ],
)
def test_a_possessive_place_before_a_body_is_not_part_of_its_name(text: str, actor: str) -> None:
    assert _actors(text)[:1] == [actor]


def test_a_thing_owned_keeps_its_owner_in_the_name() -> None:
    from desktop.extract.lexicon import default_lexicon
    from desktop.extract.orgnames import subject_name

    lex = default_lexicon()
    assert subject_name(lex, "The European Union's AI Act ") == "European Union's AI Act"
    assert subject_name(lex, "The UK's Office of Communications ") == "Office of Communications"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("$210 million funding", "$210m funding", True),
        ("$1.1 billion funding", "$1 billion funding", True),
        ("₹10,372 crore IndiaAI Mission", "IndiaAI Mission", True),
        ("on 10 June 2025", "Hopper-7B", True),
        ("GPT-4", "GPT-5", False),
        ("Llama 3", "Llama 4", False),
        ("H100 chips", "H200 chips", False),
    ],
)
def test_amounts_and_dates_are_not_versions(a: str, b: str, same: bool) -> None:
    from desktop.extract.merge import compatible_subjects

    assert compatible_subjects(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("released", "R1", True),
        ("launched", "Ernie 4.5", True),
        ("put out", "Common Pile v2", True),
        ("seed round", "IPO", False),
    ],
)
def test_a_releases_subject_that_is_only_a_verb_form_is_generic(a: str, b: str, same: bool) -> None:
    from desktop.extract.merge import compatible_subjects

    assert compatible_subjects(a, b, "release") is same


def test_an_announcements_verb_only_subject_still_has_to_meet_the_other() -> None:
    from desktop.extract.merge import compatible_subjects

    assert not compatible_subjects("announced", "red-teaming challenge", "announcement")
    assert not compatible_subjects("released", "R1")  # no kind: as before


@pytest.mark.parametrize(
    "lead", ["The smartphone maker", "The Chinese search giant", "The electric-car maker"]
)
def test_an_organisation_described_by_what_it_does_is_the_salient_one(lead: str) -> None:
    text = f"Corvane Mobile raised $30 million on Monday. {lead} launched a folding phone in May."
    assert _actors(text) == ["Corvane Mobile", "Corvane Mobile"]


def test_a_description_without_an_antecedent_is_no_actor() -> None:
    assert _actors("The smartphone maker launched a folding phone in May.") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("will launch the app in two weeks", "2025-07-02"),
        ("expects to close the deal in three months' time", "2025-09"),
        ("will ship in 10 days", "2025-06-28"),
        ("plans to open in a couple of weeks", "2025-07-02"),
    ],
)
def test_in_n_units_dates_a_plan(text: str, date: str) -> None:
    from desktop.extract.timex import find_time_expressions

    assert [t.interval.date_str() for t in find_time_expressions(text, PUB, "future")] == [date]


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("the model was trained in two weeks", "past"),
        ("will run two weeks of tests", "future"),
        ("will finish in two weeks of testing", "future"),
        ("launched two weeks later", "past"),
    ],
)
def test_a_duration_is_no_date(text: str, tense: str) -> None:
    from desktop.extract.timex import find_time_expressions

    assert find_time_expressions(text, PUB, tense) == []
