"""Trigger stems: the prefilter admits every trigger that can match, and no more than needed
("open" in OpenAI, "bill" in billion admit nothing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.extract import triggers
from desktop.extract.lexicon import Lexicon, _index_stems, _stem_scanner, default_lexicon
from desktop.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["resources/demo", "tests/data/dev", "tests/data/dev2", "tests/data/heldout"]


def _with_stems(lex: Lexicon, stems: list[tuple[str, ...]]) -> Lexicon:
    trigs = tuple(replace(lex.triggers[0], stems=s) for s in stems)
    index, stemless = _index_stems(trigs)
    stem_re, stem_ids = _stem_scanner(index)
    return replace(lex, triggers=trigs, stem_index=index, stemless=stemless, stem_re=stem_re,
                   stem_ids=stem_ids)  # fmt: skip


def _sentences() -> list[str]:
    out = []
    for corpus in CORPORA:
        for path in sorted((ROOT / corpus).glob("*")):
            if path.suffix in (".txt", ".md", ".html"):
                out += [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    return out


def test_every_trigger_match_in_real_articles_is_admitted() -> None:
    lex = default_lexicon()
    matched = 0
    for text in _sentences():
        admitted = triggers.admitted_triggers(lex, text)
        for index, trig in enumerate(lex.triggers):
            if trig.pattern.search(text):
                matched += 1
                assert index in admitted, (trig.kind, text)
    assert matched > 100


@pytest.mark.parametrize(
    ("text", "admitted"),
    [
        ("Parliament passed the bill.", True),
        ("Parliament passed the bill", True),  # the text's end ends the word
        ("It raised $2 billion.", False),
        ("Bill-makers met.", True),  # a hyphen ends a word
    ],
)
def test_a_dollar_stem_ends_a_word(text: str, admitted: bool) -> None:
    lex = _with_stems(default_lexicon(), [("bill$",)])
    assert (0 in triggers.admitted_triggers(lex, text)) is admitted


def test_a_stem_may_span_words_and_keeps_the_stems_inside_it() -> None:
    lex = _with_stems(default_lexicon(), [("open sourc",), ("sourc",), ("open$",)])
    assert triggers.admitted_triggers(lex, "It will open source the model") == {0, 1, 2}
    assert triggers.admitted_triggers(lex, "OpenAI sourced chips") == {1}
    assert triggers.admitted_triggers(lex, "The open web") == {2}


def test_a_longer_stem_admits_the_triggers_of_its_prefixes() -> None:
    lex = _with_stems(default_lexicon(), [("releas",), ("release$",), ("rel",)])
    assert triggers.admitted_triggers(lex, "the release.") == {0, 1, 2}
    assert triggers.admitted_triggers(lex, "the releases.") == {0, 2}


def _trigger_matching(lex: Lexicon, probe: str) -> int:
    return next(i for i, t in enumerate(lex.triggers) if t.pattern.search(probe))


@pytest.mark.parametrize(
    ("probe", "text", "admitted"),
    [
        ("will open-source the model", "OpenAI raised $6.6 billion from investors", False),
        ("will open-source the model", "The company will open source the model", True),
        ("The Senate passed the AI Act", "Active users rose to 2 billion", False),
        ("The Senate passed the AI Act", "The Senate approved the bill on Tuesday", True),
    ],
)
def test_shipped_stems_skip_unrelated_words(probe: str, text: str, admitted: bool) -> None:
    lex = default_lexicon()
    index = _trigger_matching(lex, probe)
    assert (index in triggers.admitted_triggers(lex, text)) is admitted
