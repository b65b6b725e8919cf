"""wordstart.first_start finds the first match of ``\\bX`` patterns exactly where search does."""

from __future__ import annotations

import re

import pytest
from test_extract_speed7_scans import SENTENCES

from desktop.extract import triggers
from desktop.extract.lexicon import default_lexicon
from desktop.extract.lowered import lowered
from desktop.extract.wordstart import (
    _ascii_words,
    _top_level_items,
    first_start,
    nonword_form,
)

EDGES = [
    "will",
    "xwill will",
    "é will",  # a non-ASCII word character: searched as is
    "éwill",
    "_will 3will",
    "won’t",
    "’will",  # curly quotes and dashes only: the fast form
    "“will”—will’s ’will’ xwill",
    "",
    " ",
]


def _search_start(rx: re.Pattern[str], text: str, pos: int, end: int) -> int:
    m = rx.search(text, pos, end)
    return -1 if m is None else m.start()


def _check(rx: re.Pattern[str], texts: list[str]) -> int:
    fast = nonword_form(rx)
    assert fast is not None, rx.pattern[:60]
    found = 0
    for text in texts:
        n = len(text)
        for pos, end in [(0, n), (1, n), (n // 3, n), (0, n // 2), (n // 2, n // 2 + 30), (n, n)]:
            expected = _search_start(rx, text, pos, end)
            assert first_start(rx, fast, text, pos, end) == expected, (text, pos, end)
            found += expected >= 0
    return found


def test_every_rewritable_cue_finds_the_same_first_start() -> None:
    lex = default_lexicon()
    twins = triggers._cue_twins(lex)
    texts = SENTENCES + EDGES
    lows = [low for low in map(lowered, texts) if low is not None]
    checked = found = 0
    for key, rx in lex.rx.items():
        twin = twins[key]
        if twin is not None and nonword_form(twin) is not None:
            found += _check(twin, lows)
            checked += 1
        if nonword_form(rx) is not None:
            found += _check(rx, texts)
            checked += 1
    assert checked >= 20 and found > 1000


def test_trigger_patterns_too() -> None:
    lex = default_lexicon()
    rewritable = [t.pattern for t in lex.triggers if nonword_form(t.pattern) is not None]
    assert len(rewritable) > 10
    assert sum(_check(rx, SENTENCES) for rx in rewritable) > 100


@pytest.mark.parametrize(
    "source",
    [
        r"\bwill\b|\b(?:shall|must)\s+\w+",
        r"\b(?:the\s+)?(?:media|press)\b",  # optional parts looked past
        r"\b\d+(?:st|nd)?",
        r"\b[a-c_]x",
        r"\b(?=a)a(?<=\sa)",  # zero-width parts, a lookbehind: the text is not changed
    ],
)
def test_rewritten(source: str) -> None:
    rx = re.compile(source, re.I)
    assert nonword_form(rx) is not None
    _check(rx, [*EDGES, "the media  press 1st 22nd a_x cx  a", " a a", "a"])


@pytest.mark.parametrize(
    "source",
    [
        r"\bwill|shall",  # an alternative without \b
        r"\b(?:will|'ll)",  # may start with a non-word character
        r"\b(?:a|)",  # may match empty
        r"\b(?:the\s+)?",
        r"\b[^a]",
        r"\b\s",
        r"\b.",
        r"will\b",
        r"(?:\bwill)",
    ],
)
def test_not_rewritten(source: str) -> None:
    assert nonword_form(re.compile(source)) is None


def test_top_level_items_skip_groups_classes_and_escapes() -> None:
    source = r"\ba(?:b|c)|\b[|(]\||\b[]|]x|\b[^]|]y"
    assert _top_level_items(source) == [r"\ba(?:b|c)", r"\b[|(]\|", r"\b[]|]x", r"\b[^]|]y"]


def test_trigger_matches_are_the_plain_scans() -> None:
    lex = default_lexicon()
    twins = triggers._twins(lex)
    found = 0
    for text in [*SENTENCES, *EDGES, "Released it. re-released; open-sourced"]:
        low = lowered(text)
        for index, trig in enumerate(lex.triggers):
            twin = twins[index] if low is not None else None
            plain = twin.finditer(low) if twin is not None else trig.pattern.finditer(text)
            expected = [m.span() for m in plain]
            got = [m.span() for m in triggers._trigger_matches(lex, index, text, low)]
            assert got == expected, (index, text)
            found += len(expected)
    assert found > 300


def test_ascii_words() -> None:
    assert _ascii_words("plain text") and _ascii_words("“curly” — quotes’")
    assert not _ascii_words("café") and not _ascii_words("x² ½")  # a digit, a number
    text = "“x” é"
    assert not _ascii_words(text) and not _ascii_words(text)  # kept for the same object
    assert _ascii_words("“x”")


def test_occurs_is_a_search() -> None:
    lex = default_lexicon()
    keys = ["product_nouns", "open_source_framing", "auxiliary_before", "status.media_report_verbs"]
    hits = 0
    for text in [*SENTENCES, *EDGES]:
        for key in keys:
            expected = lex.rx[key].search(text) is not None
            assert triggers._occurs(lex, key, text) == expected
            hits += expected
    assert hits > 50
