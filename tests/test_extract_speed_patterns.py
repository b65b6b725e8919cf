"""Patterns rewritten for speed (guard after the first character) match exactly as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.extract import orgnames
from desktop.extract.lexicon import (
    _alternation,
    default_lexicon,
    guard_after_first_letter,
    guarded_alternation,
)

ROOT = Path(__file__).resolve().parent.parent
_DIRS = [
    "resources/demo",
    "tests/data/heldout",
    "tests/data/dev",
    "tests/data/dev2",
    "tests/data/dev3",
]
_EDGES = [
    "Acme",
    "Acme Robotics raised money.",
    "x.Acme and 'Acme, -Acme, ’Acme, (Acme), «Élan Vital», Über AI, 3M and 42nd Street",
    "deal with Sam Altman; Sam Altman. sam Altman XSam Altman Sam AltmanX",
    "Ministry of Health of Kenya, É, Ö Ø Þ, 7B, A, A.I.",
    "end with OpenAI",
    "OpenAI.\nOpenAI\tOpenAI-backed OpenAI’s Microsoft.OpenAI _OpenAI",
    "",
]


def _texts() -> list[str]:
    texts = list(_EDGES)
    for d in _DIRS:
        for path in sorted((ROOT / d).glob("*")):
            if path.is_file():
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


TEXTS = _texts()


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


def _same(old: re.Pattern[str], new: re.Pattern[str]) -> int:
    found = 0
    for text in TEXTS:
        expected = _spans(old, text)
        assert _spans(new, text) == expected
        found += len(expected)
        for at in range(0, len(text), 97):  # match() from inside a text sees the same context
            a, b = old.match(text, at), new.match(text, at)
            assert (a and a.span()) == (b and b.span())
    return found


def test_run_equals_its_lookbehind_form() -> None:
    t, c = orgnames._TOKEN, orgnames._CONNECT
    old = re.compile(rf"(?<![\w’'-]){t}(?:\s+(?:{c}\s+)?{t})*(?![\w-])")
    assert _same(old, orgnames._RUN) > 100


@pytest.mark.parametrize(
    ("field", "behind", "names"),
    [
        ("orgs", r"[\w.]", lambda lex: list(lex.org_by_alias)),
        ("products", r"[\w.-]", lambda lex: list(lex.product_owner)),
        ("people_re", r"[\w]", lambda lex: list(lex.people)),
    ],
)
def test_guarded_alternations_equal_their_lookbehind_form(field, behind, names) -> None:
    lex = default_lexicon()
    listed = names(lex)
    old = re.compile(rf"(?<!{behind})(?:{_alternation(listed)})(?![\w])")
    assert _same(old, getattr(lex, field)) > 0


def test_guard_after_first_letter_rejects_a_name_inside_a_word() -> None:
    pattern = re.compile(guarded_alternation(["Acme", "Ab"], r"[\w]"))
    assert [m.span() for m in pattern.finditer("Acme xAcme Ab.Ab")] == [(0, 4), (11, 13), (14, 16)]


@pytest.mark.parametrize("key", ["person", "org_suffix", "org_government"])
def test_guarded_cues_equal_their_shipped_form(key) -> None:
    shipped = json.loads((ROOT / "resources/lexicons/events.json").read_text(encoding="utf-8"))
    lex = default_lexicon()
    assert lex.rx[key].pattern != shipped[key]  # the guard was moved
    assert _same(re.compile(shipped[key]), lex.rx[key]) > 0


def test_guard_after_first_letter_keeps_other_shapes() -> None:
    assert guard_after_first_letter(r"(?<![\w])(?:ab|[A-Z]x)") == r"(?<![\w])(?:ab|[A-Z]x)"
    assert guard_after_first_letter(r"(?<![\w])[A-Z]x") == r"[A-Z](?<![\w].)x"
    moved = guard_after_first_letter(r"(?<![\w])((?:[A-Z]\w*\s+){1,3})Inc")
    assert moved == r"([A-Z](?<![\w].)\w*\s+(?:[A-Z]\w*\s+){0,2})Inc"
    text = "Acme Big Co Inc, xAcme Inc, a Inc, Zed  Inc"
    old = re.compile(r"(?<![\w])((?:[A-Z]\w*\s+){1,3})Inc")
    assert _spans(re.compile(moved), text) == _spans(old, text) != []
