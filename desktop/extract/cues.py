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
