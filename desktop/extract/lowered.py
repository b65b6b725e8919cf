"""Case-insensitive scans done as case-sensitive scans over a once-lowered copy of the text.

A pattern compiled with ``re.IGNORECASE`` whose letters are all lower-case ASCII (escapes such as
``\\W`` aside) matches exactly where its case-sensitive twin matches the lower-cased text, with the
same offsets, provided lower-casing keeps the length and the text's non-ASCII characters are
caseless (curly quotes, dashes, currency signs …); ``lowered`` checks the text side.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ESCAPE = re.compile(r"\\(.)", re.S)
_SAFE_ESCAPES = frozenset("wWsSdDbBAZnrtfv123456789")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=512)
def _caseless(ch: str) -> bool:
    return ch.lower() == ch == ch.upper() and ch.casefold() == ch


_last: tuple[str | None, str | None] = (None, None)  # the last text asked for, and its result


def lowered(text: str) -> str | None:
    """``text.lower()`` when scans over it are equivalent to case-insensitive scans of ``text``.

    The last result is kept for the same string object (the trigger, cue and participle scans
    of a clause each ask for it in turn); an equal string that is another object is computed
    again."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = _lowered(text)
    _last = (text, low)
    return low


def _lowered(text: str) -> str | None:
    low = text.lower()
    if len(low) != len(text):
        return None
    if not text.isascii() and not all(map(_caseless, set(_NON_ASCII.findall(text)))):
        return None
    return low


def case_sensitive_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without ``re.IGNORECASE``, for lowered text, or None when not equivalent."""
    if not pattern.flags & re.IGNORECASE:
        return None
    escaped = _ESCAPE.findall(pattern.pattern)
    if any(c.isalnum() and c not in _SAFE_ESCAPES for c in escaped):
        return None  # \x41, \N{…}, octal: letters spelt as codes
    letters = _ESCAPE.sub("", pattern.pattern)
    if letters != letters.lower() or _INLINE_FLAGS.search(letters):
        return None
    if not all(map(_caseless, set(_NON_ASCII.findall(letters)))):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
