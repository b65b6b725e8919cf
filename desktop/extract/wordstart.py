"""First-match searches for patterns that open with ``\\b`` before a word character, done fast.

A search for ``\\bX`` tries the pattern at every position of the text. When every match of ``X``
starts with a word character, ``\\b`` before it only says "no word character just before", so
in a text whose word characters are all ASCII (curly quotes and dashes are not word characters),
``X`` matches at a position p > 0 after ``\\b`` exactly when ``[^0-9A-Z_a-z](?:X)`` matches at
p - 1: the engine skips ahead to the non-word characters (a cheap range test; the Unicode ``\\W``
test costs more than it saves), and only the start at 0 needs a test of its own. The text is not
changed, so whatever ``X`` looks at (lookbehinds included) is the same. Other texts are searched
as they are.

``first_start(rx, nonword_form(rx), text, pos, end)`` is ``rx.search(text, pos, end).start()``
(-1: none).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser

__all__ = ["first_start", "nonword_form"]

_BOUNDARY = "\\b"
_WORD_CATEGORIES = {"CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_UNI_DIGIT", "CATEGORY_UNI_WORD"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def first_start(
    rx: re.Pattern[str], fast: re.Pattern[str] | None, text: str, pos: int, end: int
) -> int:
    """Where ``rx`` first matches in ``text`` between ``pos`` and ``end`` (-1: nowhere);
    ``fast`` is ``nonword_form(rx)``."""
    if fast is None or not _ascii_words(text):
        m = rx.search(text, pos, end)
        return -1 if m is None else m.start()
    if pos <= 0:
        if rx.match(text, 0, end) is not None:
            return 0
        m = fast.search(text, 0, end)
    else:
        m = fast.search(text, pos - 1, end)
    return -1 if m is None else m.start() + 1


def _ascii_words(text: str) -> bool:
    """Whether every word character of ``text`` is ASCII (curly quotes and dashes are not word
    characters): there ``[^0-9A-Z_a-z]`` is ``\\W``. The last answer is kept for the same string
    object (a clause is searched for many cues in turn)."""
    if text.isascii():
        return True
    global _last
    if _last[0] is not text:
        _last = (text, not any(map(_is_word, set(_NON_ASCII.findall(text)))))
    return _last[1]


_last: tuple[str | None, bool] = (None, False)


@lru_cache(maxsize=512)
def nonword_form(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``[^0-9A-Z_a-z](?:X)`` for a pattern ``\\bX`` (or ``\\bX1|\\bX2|…``) whose matches all
    start with a word character; None for any other pattern (or when ``\\b(?:X)`` would not
    compile to the very same pattern)."""
    if rx.flags & (re.ASCII | re.VERBOSE):
        return None
    items = _top_level_items(rx.pattern)
    if not items or not all(item.startswith(_BOUNDARY) for item in items):
        return None
    body = "|".join(item[len(_BOUNDARY) :] for item in items)
    try:
        same = _code(f"{_BOUNDARY}(?:{body})", rx.flags) == _code(rx.pattern, rx.flags)
        tree = _parser.parse(body, rx.flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None  # another Python's internals: search as is
    if not same or not _opens_with_word_char(list(tree.data)):
        return None
    return re.compile(f"[^0-9A-Z_a-z](?:{body})", rx.flags)


def _code(source: str, flags: int) -> list[int]:
    from re import _compiler

    return _compiler._code(_parser.parse(source, flags), flags)


def _top_level_items(source: str) -> list[str]:
    """``source`` split at its top-level ``|`` (outside groups and character classes)."""
    items, depth, start, i, n = [], 0, 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            items.append(source[start:i])
            start = i + 1
        i += 1
    return [*items, source[start:]]


def _class_end(source: str, i: int) -> int:
    """The position after the character class opening at ``i``."""
    i += 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1  # a "]" first is a literal
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _opens_with_word_char(data: list) -> bool:
    """Whether every match of the parsed sequence ``data`` starts with a word character
    (zero-width items and optional ones are looked past; an empty match is refused)."""
    for op, av in data:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name in _REPEATS and av[0] == 0:
            if not _opens_with_word_char(list(av[2].data)):
                return False
            continue  # optional: what follows may come first too
        return _consumes_word_char(name, av)
    return False


def _consumes_word_char(name: str, av: object) -> bool:
    """Whether the item (not zero-width, not optional) matches a word character first."""
    if name == "LITERAL":
        return _is_word(chr(av))  # type: ignore[arg-type]
    if name == "IN":
        return all(_word_item(item) for item in av)  # type: ignore[attr-defined]
    if name == "BRANCH":
        return all(_opens_with_word_char(list(b.data)) for b in av[1])  # type: ignore[index]
    if name == "SUBPATTERN":
        return _opens_with_word_char(list(av[3].data))  # type: ignore[index]
    if name == "ATOMIC_GROUP":
        return _opens_with_word_char(list(av.data))  # type: ignore[attr-defined]
    if name in _REPEATS:
        return _opens_with_word_char(list(av[2].data))  # type: ignore[index]
    return False


def _word_item(item: tuple) -> bool:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        return _is_word(chr(av))
    if name == "RANGE":
        return av[1] - av[0] < 128 and all(_is_word(chr(c)) for c in range(av[0], av[1] + 1))
    return name == "CATEGORY" and str(av) in _WORD_CATEGORIES


def _is_word(ch: str) -> bool:
    """A character ``\\w`` matches (str patterns, Unicode); its other cases are letters too."""
    return ch.isalnum() or ch == "_"
