"""Sentence and clause splitting keeps exact offsets and ignores abbreviation periods."""

from __future__ import annotations

from desktop.extract.sentences import Span, split_clauses, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_text() -> None:
    text = "  OpenAI released GPT-4o.  Meta followed!\nNew line here? Yes."
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text
    assert _texts(text) == ["OpenAI released GPT-4o.", "Meta followed!", "New line here?", "Yes."]


def test_no_split_after_titles_suffixes_numbers_and_names() -> None:
    text = (
        "Mr. Smith of Acme Inc. said it raised $5.6 million. "
        "Baidu released Ernie 4.5 and 01.AI built a platform. Dr. Lee agreed."
    )
    assert _texts(text) == [
        "Mr. Smith of Acme Inc. said it raised $5.6 million.",
        "Baidu released Ernie 4.5 and 01.AI built a platform.",
        "Dr. Lee agreed.",
    ]


def test_initialism_splits_only_before_a_sentence_starter() -> None:
    text = "U.S. companies integrated R1. It is about China and the U.S. Some experts disagree."
    assert _texts(text) == [
        "U.S. companies integrated R1.",
        "It is about China and the U.S.",
        "Some experts disagree.",
    ]


def test_split_before_camel_case_names() -> None:
    assert _texts("Cohere shipped it on March 6. xAI launched Grok 3.") == [
        "Cohere shipped it on March 6.",
        "xAI launched Grok 3.",
    ]


def test_base_offset_is_added() -> None:
    spans = split_sentences("One. Two.", base=100)
    assert spans == [Span(100, 104, "One."), Span(105, 109, "Two.")]


def test_clauses_split_at_while_and_semicolon() -> None:
    text = "Alibaba has announced plans, while Tencent has released models; Baidu waited."
    sentence = split_sentences(text)[0]
    clauses = split_clauses(sentence)
    assert [c.text for c in clauses] == [
        "Alibaba has announced plans",
        "Tencent has released models",
        "Baidu waited.",
    ]
    for c in clauses:
        assert text[c.start : c.end] == c.text


def test_markdown_emphasis_around_sentences() -> None:
    text = (
        "Acme launched X. **Beta raised $5m in May.** Gamma said it was **big news.** Delta sold."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Acme launched X.",
        "Beta raised $5m in May.",  # the emphasis marks are not part of the sentence
        "Gamma said it was **big news.",
        "Delta sold.",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def test_emphasis_inside_a_sentence_does_not_split_it() -> None:
    text = "The **new** model, called _Kite_, shipped. It sold well."
    assert [s.text for s in split_sentences(text)] == [
        "The **new** model, called _Kite_, shipped.",
        "It sold well.",
    ]
    assert [s.text for s in split_sentences("**Bold heading**\n\nText.")] == [
        "Bold heading**",
        "Text.",
    ]
