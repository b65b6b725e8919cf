"""Speed-ups of the clause loop must not change what is found: each fast path is checked
against the plain computation it replaces."""

from __future__ import annotations

import pytest

from desktop.extract.lexicon import default_lexicon
from desktop.extract.sentences import _END
from desktop.extract.triggers import cue_at

TEXTS = [
    "OpenAI WILL Release its model next week, the company said.",
    "Shares of Baidu ROSE 5% after it said it would not comment further.",
    "The start-up, which was founded in 2021, reportedly raised $40 million in March.",
    "Zoë’s company — the İstanbul lab — is expected to launch “Atlas” in Q3.",
    "According to people familiar with the matter, the deal was Not finalised.",
    "ΣΊΣΥΦΟΣ said it has 1.5 million users a day and continues to grow.",
    "",
]
KEYS = [
    "not_event_sentence",
    "usage_statistic",
    "status.planned",
    "status.reported",
    "negation",
    "conditional",
    "ongoing",
    "continuation.nominal",
    "background",
    "background_inline",
    "furniture",  # case-sensitive: no twin, scanned as is
]


@pytest.mark.parametrize("key", KEYS)
def test_cue_at_agrees_with_the_plain_search(key: str) -> None:
    lex = default_lexicon()
    for text in TEXTS:
        for pos, endpos in ((0, None), (5, None), (0, 30), (12, 40), (50, 10)):
            m = lex.rx[key].search(text, pos, len(text) if endpos is None else endpos)
            assert cue_at(lex, key, text, pos, endpos) == (m.start() if m else -1), (key, text)


def test_cue_at_finds_case_variants_and_respects_the_window() -> None:
    lex = default_lexicon()
    text = "Acme WILL open a lab."
    assert cue_at(lex, "status.planned", text) == 5
    assert cue_at(lex, "status.planned", text, 0, 6) == -1  # "WI" is cut off: no match
    assert cue_at(lex, "status.planned", text, 6) == -1


def test_sentence_end_pattern_keeps_its_matches() -> None:
    import re

    plus = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?(?:[A-Z0-9]|[a-z]{1,2}[A-Z]))|\n+")
    text = 'He left... Then "Yes!?" she said.\n\n\nIt rose 4.5%. iPhone sales fell?! (No.) OK'
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in plus.finditer(text)]
    assert len(list(_END.finditer(text))) >= 5


def test_split_clauses_fast_paths_match_the_general_split() -> None:
    from desktop.extract.sentences import _CLAUSE_BREAK, Span, _trimmed, split_clauses

    def general(sentence: Span) -> list[Span]:  # the split without any fast path
        parts, start, text = [], 0, sentence.text
        for m in _CLAUSE_BREAK.finditer(text):
            parts.append(_trimmed(text, start, m.start()))
            start = m.end()
            for word in ("while ", "whereas "):
                start += len(word) if text[start:].startswith(word) else 0
        parts.append(_trimmed(text, start, len(text)))
        return [Span(p.start + sentence.start, p.end + sentence.start, p.text) for p in parts if p]

    texts = [
        "Acme launched X.",
        "  Acme launched X. ",
        "Acme rose; Beta fell.",
        " a, while b ",
        "  ",
    ]
    for text in texts:
        sentence = Span(40, 40 + len(text), text)
        first = split_clauses(sentence)
        assert first == general(sentence), text
        first.append(sentence)  # the caller's list is its own
        assert split_clauses(sentence) == general(sentence), text
    assert split_clauses(Span(0, 21, "Acme rose; Beta fell.")) == [
        Span(0, 9, "Acme rose"),
        Span(11, 21, "Beta fell."),
    ]
