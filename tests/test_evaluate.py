"""evaluate(): one-to-one matching by evidence overlap + actor agreement, scores, link F1."""

from __future__ import annotations

from desktop.extract.evaluate import actors_agree, evaluate, format_report

TEXT = (
    "OpenAI released GPT-5 on Monday. Later it said more. "
    "Nvidia reported record revenue of $39 billion. Google launched Gemini 3 in May."
)
TEXTS = {"a.txt": TEXT}


def _row(evidence: str, actor: str, **kw) -> dict:
    base = {"doc": "a.txt", "evidence": evidence, "actor": actor, "date": "2025-03-24"}
    base.update({"status": "happened", "kind": "release", "event_key": evidence[:6]})
    base.update(kw)
    return base


def test_actor_agreement_rules() -> None:
    assert actors_agree("Alibaba", "Alibaba Cloud")  # containment
    assert actors_agree("ManusAI (Monica)", "Monica")  # a shared word
    assert not actors_agree("Alibaba Group", "Tencent Group")  # "group" does not count
    assert not actors_agree("Mistral AI", "Zhipu AI")  # nor does "ai"
    assert not actors_agree("", "OpenAI")


def test_overlapping_evidence_and_agreeing_actor_match() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday", "OpenAI")]
    pred = [_row("OpenAI released GPT-5 on Monday. Later it said more.", "OpenAI")]
    report = evaluate(gold, pred, TEXTS)
    assert (report.precision, report.recall, len(report.matches)) == (1.0, 1.0, 1)


def test_overlap_with_an_alt_evidence_counts() -> None:
    gold = [_row("Nvidia reported record revenue", "Nvidia", alt_evidence=["Later it said more"])]
    pred = [_row("Later it said more.", "Nvidia")]
    assert evaluate(gold, pred, TEXTS).recall == 1.0


def test_actor_disagreement_or_disjoint_evidence_do_not_match() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday", "OpenAI")]
    assert evaluate(gold, [_row("OpenAI released GPT-5", "Anthropic")], TEXTS).recall == 0.0
    report = evaluate(gold, [_row("Google launched Gemini 3 in May.", "OpenAI")], TEXTS)
    assert report.recall == 0.0 and len(report.false_positives) == 1 and len(report.misses) == 1


def test_matching_is_one_to_one() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday.", "OpenAI")]
    pred = [_row("OpenAI released GPT-5", "OpenAI"), _row("GPT-5 on Monday.", "OpenAI")]
    report = evaluate(gold, pred, TEXTS)
    assert len(report.matches) == 1 and report.precision == 0.5


def test_one_to_one_finds_the_assignment_that_matches_most() -> None:
    sentence = "OpenAI released GPT-5 on Monday. Later it said more."
    gold = [_row(sentence, "OpenAI"), _row("Later it said more.", "OpenAI")]
    pred = [_row("Later it said more.", "OpenAI"), _row("OpenAI released GPT-5", "OpenAI")]
    assert len(evaluate(gold, pred, TEXTS).matches) == 2


def test_two_events_of_one_sentence_pair_by_date() -> None:
    # two gold events share the sentence; each prediction overlaps both: pair by date
    sentence = "OpenAI released GPT-5 on Monday."
    gold = [_row(sentence, "OpenAI", date="2025-03-24"), _row(sentence, "OpenAI", date="2025-06")]
    pred = [_row(sentence, "OpenAI", date="2025-03-24"), _row(sentence, "OpenAI", date="2025-06")]
    report = evaluate(gold, pred, TEXTS)
    assert len(report.matches) == 2 and report.date_accuracy == 1.0


def test_documents_are_matched_separately() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday", "OpenAI")]
    pred = [_row("OpenAI released GPT-5 on Monday", "OpenAI", doc="b.txt")]
    assert evaluate(gold, pred, {**TEXTS, "b.txt": TEXT}).recall == 0.0


def test_attribute_accuracies_on_matched_events() -> None:
    gold = [
        _row("OpenAI released GPT-5", "OpenAI"),
        _row("Nvidia reported record revenue", "Nvidia", kind="other"),
    ]
    pred = [
        _row("OpenAI released GPT-5", "OpenAI", date="2025-03"),
        _row("Nvidia reported", "Nvidia", kind="other", status="reported"),
    ]
    r = evaluate(gold, pred, TEXTS)
    assert (r.date_accuracy, r.status_accuracy, r.kind_accuracy) == (0.5, 0.5, 1.0)
    text = format_report(r)
    assert "date gold='2025-03-24' predicted='2025-03'" in text
    assert "precision 1.000  recall 1.000" in text


def test_link_f1_is_pairwise_over_matched_mentions() -> None:
    texts = {"a.txt": TEXT, "b.txt": TEXT, "c.txt": TEXT}
    ev = "OpenAI released GPT-5"
    gold = [_row(ev, "OpenAI", doc=d, event_key="gpt5") for d in texts]
    # predicted keys put a and b together, c apart: 1 of 3 gold pairs, 1 of 1 predicted pair
    pred = [_row(ev, "OpenAI", doc=d, event_key=k) for d, k in zip(texts, "xxy", strict=True)]
    r = evaluate(gold, pred, texts)
    assert (r.link_precision, round(r.link_recall, 3), r.link_f1) == (1.0, 0.333, 0.5)


def test_without_texts_evidence_strings_are_compared() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday", "OpenAI")]
    pred = [_row("OpenAI released GPT-5 on Monday. Later it said more.", "OpenAI")]
    assert evaluate(gold, pred).recall == 1.0
    assert evaluate(gold, [_row("Google launched Gemini 3 in May.", "OpenAI")]).recall == 0.0


def test_report_lists_misses_and_false_positives_with_sentences() -> None:
    gold = [_row("OpenAI released GPT-5 on Monday", "OpenAI")]
    pred = [_row("Google launched Gemini 3 in May.", "Google")]
    text = format_report(evaluate(gold, pred, TEXTS))
    assert "misses:" in text and "OpenAI released GPT-5 on Monday" in text
    assert "false positives:" in text and "Google launched Gemini 3 in May." in text
