"""Case-insensitive cue patterns of the lexicon searched fast: as case-sensitive scans of a
lower-cased copy when that is equivalent (see ``lowered``), the pattern itself otherwise."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.extract.lexicon import Lexicon
from desktop.extract.lowered import case_sensitive_twin, lowered

__all__ = ["has_cue", "lowered"]


@lru_cache(maxsize=64)
def _twin(lex: Lexicon, key: str) -> re.Pattern[str] | None:
    return case_sensitive_twin(lex.rx[key])


def has_cue(lex: Lexicon, key: str, text: str, low: str | None = None) -> bool:
    """Whether ``lex.rx[key]`` occurs in ``text``; ``low`` is ``lowered(text)`` when the caller
    has it (``None`` means: not known or not equivalent, search ``text`` itself)."""
    twin = _twin(lex, key)
    if twin is not None and low is not None:
        return twin.search(low) is not None
    return lex.rx[key].search(text) is not None


_ADDRESSEES = re.compile(
    r"\b(?:with|to|for|told|among|before|from)\s+(?:(?:the|its|their|our|some|several|[\w-]+)"
    r"\s+)?$",
    re.I,
)  # "a call with analysts", "a letter to its investors": an audience, not a speaker


def opinion_role(lex: Lexicon, text: str, start: int = 0) -> bool:
    """An opinion role ("analysts", "investors") in ``text`` from ``start`` that is not the
    object of a preposition ("On a call with analysts, Acme's chief executive said …", "In a
    letter to investors, …"): one that may be the speaker."""
    return any(
        _ADDRESSEES.search(text, max(0, m.start() - 40), m.start()) is None
        for m in lex.rx["roles.opinion"].finditer(text, start)
    )
