"""The characters a regular expression's match can start with, as a character class.

``first_class(source, flags)`` is a class such as ``[0-9Jb]`` that the first character of every
match of ``source`` belongs to (under ``flags``), or None when that is not known (the pattern can
match empty, or start with any character, a back reference …). Put as a lookahead before an
alternative of a large alternation, ``(?=[…])`` lets the engine drop the alternative at once
instead of walking its optional parts: the same matches, sooner.
"""

from __future__ import annotations

import re
from re import _parser

__all__ = ["first_class"]

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_UNI_DIGIT": r"\d",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_UNI_WORD": r"\w",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_UNI_SPACE": r"\s",
}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}

First = tuple[frozenset[str] | None, bool]  # class items (None: unknown), may match empty


def first_class(source: str, flags: int = 0) -> str | None:
    """``[…]`` holding every first character of a match of ``source``, or None."""
    try:
        items, empty = _sequence(list(_parser.parse(source, flags).data))
    except (re.error, AttributeError, TypeError, ValueError, IndexError):
        return None
    if items is None or empty or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def _sequence(data: list) -> First:
    found: set[str] = set()
    for op, av in data:
        items, empty = _item(str(op), av)
        if items is None:
            return None, False
        found |= items
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _item(name: str, av: object) -> First:
    if name in _ZERO_WIDTH:
        return frozenset(), True
    if name == "LITERAL":
        return frozenset({re.escape(chr(av))}), False  # type: ignore[arg-type]
    if name == "IN":
        return _class_items(av), False  # type: ignore[arg-type]
    if name == "BRANCH":
        return _branches(av[1])  # type: ignore[index]
    if name == "SUBPATTERN":
        return _sequence(list(av[3].data))  # type: ignore[index]
    if name == "ATOMIC_GROUP":
        return _sequence(list(av.data))  # type: ignore[attr-defined]
    if name in _REPEATS:
        items, empty = _sequence(list(av[2].data))  # type: ignore[index]
        return items, empty or av[0] == 0  # type: ignore[index]
    return None, False


def _branches(branches: list) -> First:
    found: set[str] = set()
    any_empty = False
    for branch in branches:
        items, empty = _sequence(list(branch.data))
        if items is None:
            return None, False
        found |= items
        any_empty = any_empty or empty
    return frozenset(found), any_empty


def _class_items(items: list) -> frozenset[str] | None:
    out = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(re.escape(chr(av)))
        elif name == "RANGE":
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.add(_CATEGORIES[str(av)])
        else:
            return None  # a negated class, another category
    return frozenset(out)
