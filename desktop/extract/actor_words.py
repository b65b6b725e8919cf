"""Word lists that tell organisations from other capitalised words (resources/lexicons/
actors.json): nationality and language adjectives, plural common nouns, the head words of
organisation names, and the nouns of an organisation's units ("venture arm")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class ActorWords:
    demonyms: frozenset[str]  # "Latin", "American", "Arabic"
    common_plurals: frozenset[str]  # "Videos", "Talks"
    org_head_words: frozenset[str]  # "Internet" in "Sakura Internet"
    unit: re.Pattern[str]  # "<Org>'s venture arm" / "Its investment unit" (group 1: the owner)
    unit_nouns: tuple[str, ...] = ()  # one occurs in every ``unit`` match (a cheap test)
    # after an organisation: "(’s) <a few words> rival|subsidiary|… <Name>" (it only describes)
    modifies_name: re.Pattern[str] | None = None
    family_names_first: frozenset[str] = frozenset()  # "Liang" of "Liang Wenfeng"
    # "Foundation" -> ("foundation",): the descriptions a named organisation's head word answers
    description_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    head_scan: re.Pattern[str] | None = None  # any of those head words (one scan per sentence)


_NOT_NAME = frozenset({"AI", "Tech", "Technology", "Generative", "Artificial", "Intelligence"})


def _unit_pattern(nouns: list[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)) or "(?!)"
    return re.compile(
        r"(?<![\w’'-])((?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*[’']s|[Ii]ts|[Tt]heir)"
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation})\b(?!\s+of\b)"
    )


def _modifier_pattern(nouns: list[str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alternation = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(
        rf"(?:[’']s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{alternation})\s+[A-ZÀ-Þ0-9][\w.&-]*"
    )


def _description_nouns(heads: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    nouns: dict[str, list[str]] = {}
    for noun, words in heads.items():
        for word in words:
            nouns.setdefault(word, []).append(noun)
    return {word: tuple(found) for word, found in nouns.items()}


def _head_scan(words: list[str]) -> re.Pattern[str] | None:
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    # no leading \b: a search then skips ahead faster (callers check the word's start)
    return re.compile(rf"(?:{alternation})\b") if words else None


@lru_cache(maxsize=4)
def load_actor_words(path: Path) -> ActorWords:
    """Read and compile the word lists (cached per path)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    nouns = _description_nouns(data.get("description_heads", {}))
    return ActorWords(
        demonyms=frozenset(data.get("demonyms", [])),
        common_plurals=frozenset(data.get("common_plurals", [])),
        org_head_words=frozenset(data.get("org_head_words", [])),
        unit=_unit_pattern(data.get("unit_nouns", [])),
        unit_nouns=tuple(data.get("unit_nouns", [])),
        modifies_name=_modifier_pattern(data.get("modifier_nouns", [])),
        family_names_first=frozenset(data.get("family_names_first", [])),
        description_nouns=nouns,
        head_scan=_head_scan(list(nouns)),
    )


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """The shipped lists."""
    from desktop.paths import resource_path

    return load_actor_words(resource_path("lexicons", "actors.json"))


def only_descriptive(name: str) -> bool:
    """A name made only of nationality/language adjectives and words like "AI" ("Arabic",
    "Latin American AI"): a description, not an organisation."""
    words = name.split()
    demonyms = actor_words().demonyms
    return bool(words) and all(w in demonyms or w in _NOT_NAME for w in words)


def is_common_plural(name: str) -> bool:
    """A capitalised plural common noun ("Videos"): no actor."""
    return name in actor_words().common_plurals
