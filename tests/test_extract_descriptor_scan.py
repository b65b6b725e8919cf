"""learn_organisations' descriptor prefilter: one regex scan, same answer as a test per word."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop.extract.lexicon import default_lexicon
from desktop.extract.orgmentions import _descriptor_words
from desktop.extract.sentences import split_sentences
from desktop.sources.reader import read_document

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ["resources/demo", "tests/data/heldout", "tests/data/dev", "tests/data/dev2"]
EDGES = ["", "a", "firm", "Firm", "start-up", "xstartupx", "The retailer Brandwell said."]


def _sentences() -> list[str]:
    out = list(EDGES)
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix in (".txt", ".md", ".html"):
                out.extend(s.text for s in split_sentences(read_document(path).text))
    return out


def test_scan_agrees_with_a_test_per_word() -> None:
    lex = default_lexicon()
    scan = _descriptor_words(lex)
    for text in _sentences():
        expected = any(word in text for word in lex.org_descriptor_words)
        assert (scan.search(text) is not None) == expected, text


@pytest.mark.parametrize("words", [frozenset(), frozenset({"a.b", "c|d"})])
def test_no_words_match_nothing_and_words_are_literal(words: frozenset[str]) -> None:
    lex = dataclasses.replace(default_lexicon(), org_descriptor_words=words)
    scan = _descriptor_words(lex)
    for text in ["", "axb", "c", "a.b", "xc|dx"]:
        assert (scan.search(text) is not None) == any(w in text for w in words)
