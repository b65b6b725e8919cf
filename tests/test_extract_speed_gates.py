"""The cheap gates and fast scans of the extractor find exactly what the plain forms find."""

from __future__ import annotations

import re

import pytest

from desktop.extract.generic_gate import _NAMED_TIMES, _PERIOD_WORDS, time_hint
from desktop.extract.lexicon import default_lexicon
from desktop.extract.lowered import lowered
from desktop.extract.orgmentions import _suffix_words, org_mentions
from desktop.extract.participials import _verb_matches, _verbs
from desktop.extract.people import _SURNAME_ROLE, ROLE, known_people

_PLAIN_YEARISH = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b[QH][1-4]\b")
_PLAIN_SURNAME_ROLE = re.compile(
    rf"(?<![\w’'-])([A-Z][\w’'-]+),\s+(?:([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})[’']s|its)"
    rf"\s+{ROLE}\b"
)
_AROUND = ("", " ", "x", "1", "-", ",", ".", "(", "_", "é", "’s", ")")


def _plain_time_hint(text: str) -> bool:
    if _PLAIN_YEARISH.search(text):
        return True
    words = text.replace(",", " ").replace(".", " ").replace("-", " ").split()
    if not _NAMED_TIMES.isdisjoint(words):
        return True
    return not _PERIOD_WORDS.isdisjoint(text.lower().replace(",", " ").replace(".", " ").split())


def _variants(core: str) -> list[str]:
    return [f"Acme{a}{core}{b} said" for a in _AROUND for b in _AROUND] + [
        f"{a}{core}{b}" for a in _AROUND for b in _AROUND
    ]


@pytest.mark.parametrize(
    "core", ["2024", "1999", "1799", "20245", "Q3", "H1", "Q5", "July", "Sept", "Monday", "May"]
)
def test_time_hint_matches_the_plain_tests(core: str) -> None:
    for text in _variants(core):
        assert time_hint(text, text.lower()) == _plain_time_hint(text), text


def test_time_hint_examples() -> None:
    assert time_hint("Acme opened a plant in mid-July", "acme opened a plant in mid-july")
    assert time_hint("Acme opened it in FY2025.", "acme opened it in fy2025.")
    assert not time_hint("Acme opened a Julyan plant", "acme opened a julyan plant")
    assert not time_hint("Acme sold 120245 units", "acme sold 120245 units")
    assert not time_hint("The XQ3 chip", "the xq3 chip")


def test_known_people_match_the_gazetteer_pattern() -> None:
    lex = default_lexicon()
    assert lex.people_re is not None
    names = sorted(lex.people)[:12]
    texts = [v for n in names for v in _variants(n)]
    texts.append(" and ".join(names))  # names back to back
    for text in texts:
        got = [(m.start(), m.end()) for m in known_people(lex, text)]
        assert got == [(m.start(), m.end()) for m in lex.people_re.finditer(text)], text
    assert [m.group(0) for m in known_people(lex, f"x{names[0]} and {names[1]}")] == [names[1]]


def test_surname_role_needs_a_name_start() -> None:
    texts = [
        "Kowalczyk, Wisła's chief executive, said",
        "O'Kowalczyk, its ceo, said",
        "xKowalczyk, its ceo, said",
        "-Kowalczyk, its president",
        "Dr. Kowalczyk, Acme Robotics’s founder",
    ]
    for text in texts:
        got = [m.groups() + m.span() for m in _SURNAME_ROLE.finditer(text)]
        assert got == [m.groups() + m.span() for m in _PLAIN_SURNAME_ROLE.finditer(text)], text
    assert _SURNAME_ROLE.search("Kowalczyk, its ceo").group(1) == "Kowalczyk"
    assert _SURNAME_ROLE.search("xKowalczyk, its ceo") is None


def test_participle_matches_start_at_the_first_verb_word() -> None:
    lex = default_lexicon()
    verbs = _verbs(lex)
    assert verbs is not None and verbs[2] is not None
    texts = [
        "The group formed by IBM and Meta in December 2023 released a model",
        "Humain, the company created by the fund in May, opened an office",
        "An asset set aside, the unit that was shut down in December 2024",
        "Nothing here at all",
    ]
    for text in texts:
        low = lowered(text)
        assert low is not None
        plain = [(m.span(), m.lastgroup) for m in verbs[1].finditer(low)]
        assert [(m.span(), m.lastgroup) for m in _verb_matches(lex, text)] == plain
    assert _verb_matches(lex, texts[0])  # the tests above compare something


def test_suffix_scan_finds_what_the_word_tests_find() -> None:
    lex = default_lexicon()
    scan = _suffix_words(lex)
    assert scan is not None
    texts = [
        "Acme Robotics Inc. said",
        "the plc board",
        "A Technologies unit",
        "nothing of the kind here",
        "ALLCAPS CORP",
        "",
    ]
    texts += [f"x{w}y" for w in lex.org_suffix_words]
    for text in texts:
        found = any(w in text for w in lex.org_suffix_words)
        assert (scan.search(text) is not None) == found, text
    assert org_mentions(lex, "Shares of Acme Robotics Inc. rose")  # the gate lets it through
