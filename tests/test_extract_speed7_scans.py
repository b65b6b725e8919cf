"""Speed rewrites of round 7 give exactly the results of the straightforward code they replace."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from desktop.extract import triggers
from desktop.extract.lexicon import default_lexicon
from desktop.extract.lowered import _lowered, lowered
from desktop.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
_DIRS = [
    "resources/demo",
    "tests/data/heldout",
    "tests/data/dev",
    "tests/data/dev2",
    "tests/data/dev3",
]
EDGES = [
    "",
    " ",
    "Released",
    "The İstanbul start-up (ß) launched X",  # lower() changes the length / non-caseless letters
    "OpenAI’s “open-weight” model—released on Monday",  # caseless curly quotes and dashes
    "re-released, open-sourced; co-founded 2025 Q3 H1 FY2024",
    "x\ny\tz 42nd 3M _under_score",
]


def _sentences() -> list[str]:
    out = list(EDGES)
    for d in _DIRS:
        for path in sorted((ROOT / d).glob("*")):
            if path.suffix in (".txt", ".md"):
                text = path.read_text(encoding="utf-8")
                out.extend(s.text for s in split_sentences(text))
    return out


SENTENCES = _sentences()


def test_corpus_is_there() -> None:
    assert len(SENTENCES) > 400


def test_lowered_same_object_twice_equal_string_and_others() -> None:
    for text in SENTENCES:
        expected = _lowered(text)
        assert lowered(text) == expected
        assert lowered(text) == expected  # the kept result
        copy = "".join(list(text))  # an equal string, another object (or the same when short)
        assert lowered(copy) == expected
    assert lowered("ABC") == "abc"
    assert lowered("İ") is None  # lower-casing changes the length
    assert lowered("ABC") == "abc"


def test_stem_scan_finds_the_stems_of_the_lookbehind_scan() -> None:
    lex = default_lexicon()
    scan = triggers._stem_scan(lex)
    assert scan is not None and lex.stem_re is not None
    found = 0
    for text in [*SENTENCES, "open-sourced", "x-released 2025released _launch", "re-launch"]:
        low = text.lower()
        expected = lex.stem_re.findall(low)
        assert scan.findall(" " + low) == expected
        found += len(expected)
    assert found > 800


def test_stem_scan_only_for_a_lookahead_after_the_guard() -> None:
    lex = default_lexicon()
    consuming = replace(lex, stem_re=re.compile("(?<![a-z])(rele)"))
    assert triggers._stem_scan(consuming) is None
    assert triggers._stem_scan(replace(lex, stem_re=re.compile("(?=(rele))"))) is None
