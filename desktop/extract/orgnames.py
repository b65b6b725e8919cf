"""Organisations the gazetteer does not know: the grammatical subject of a trigger clause.

News introduces most actors by name alone ("Hanbit Dynamics raised …", "Kenya's Ministry of
Health launched …", "In Lagos, Paystack rolled out …"). The subject of a clause is a run of
capitalised words standing before the verb that is neither inside a prepositional phrase
("in Jakarta"), nor a possessive determiner ("Japan's"), nor a modifier of a common noun
("Polish AI developer", "Helsinki start-up"). Coordinated subjects keep the first name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from desktop.extract.actor_words import actor_words, is_common_plural, only_descriptive
from desktop.extract.lexicon import Lexicon
from desktop.extract.lowered import case_sensitive_twin, lowered

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"(?:[{_UPPER}][\w&’'.-]*[\w&]|[{_UPPER}]|\d+[A-Za-z][\w.-]*)"
_CONNECT = r"(?:of|for|de|du|des|del|da|la|von|van|der)(?:\s+the)?"
# _TOKEN with the guard "(?<![\w’'-])" after its first character (same matches): a pattern that
# opens with a character class lets the regex engine skip ahead to capitals and digits.
_GUARDED_TOKEN = (
    rf"[{_UPPER}\d](?<![\w’'-].)(?:(?<=[{_UPPER}])(?:[\w&’'.-]*[\w&])?|(?<=\d)\d*[A-Za-z][\w.-]*)"
)
_RUN = re.compile(rf"{_GUARDED_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_TOKEN})*(?![\w-])")
_BODIES = (
    "Ministry|Department|Agency|Commission|Authority|Office|Council|Bureau|Directorate"
    "|Administration|Secretariat|Institute|Board|Court|Parliament|Senate|Assembly|Congress"
)
_CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sept?|Oct|Nov|Dec)\b"
)
# "Federal Ministry for Digital and Transport", "Ministry of Information, Communications and
# the Digital Economy": a public body's name may contain "and" and commas.
BODY = re.compile(
    rf"(?<![\w’'-])(?:{_TOKEN}\s+)*(?:{_BODIES})\s+(?:of|for|on)\s+(?:the\s+)?(?!{_CALENDAR}){_TOKEN}"
    rf"(?:(?:\s+|,\s+|\s+and\s+(?:the\s+)?|\s+(?:of|for|on)\s+(?:the\s+)?){_TOKEN})*(?![\w-])"
)
_BODY_WORDS = frozenset(_BODIES.split("|"))
_BODY_WORD = re.compile(rf"(?:{_BODIES})\s+(?:of|for|on)\s")
DATELINE = re.compile(
    rf"^\s*(?:[{_UPPER}][{_UPPER} .’'-]+(?:,\s+[{_UPPER}][\w.]*\s+\d{{1,2}})?\s*"
    r"(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s+|\([^)]{1,30}\)\s*(?:--|—|–|-)\s+)"
)
PREPOSITION = re.compile(
    r"\b(?:in|on|at|by|from|with|of|for|to|than|like|near|across|after|before|during|since"
    r"|until|under|over|via|into|including|against|about|between|among|unlike|as|behind|beside"
    r"|versus|vs\.?)\s+(?:the\s+)?$",
    re.I,
)
_PREPOSITION_LOW = case_sensitive_twin(PREPOSITION)


def ends_in_preposition(window: str) -> bool:
    """``window`` ends with a preposition (and "the"): what follows is inside a phrase."""
    low = lowered(window) if _PREPOSITION_LOW is not None else None
    if low is not None and _PREPOSITION_LOW is not None:
        return _PREPOSITION_LOW.search(low) is not None
    return PREPOSITION.search(window) is not None


_POSSESSIVE_AFTER = re.compile(r"^[’']s?\b")
_POSSESSIVE = re.compile(r"[’']s?$")
# What may follow a subject before its verb: an auxiliary, an adverb, a time phrase, a comma.
_TIME_THEN_VERB = re.compile(
    r"^\s+(?:on\s+\w+day|(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year)|today"
    r"|yesterday|(?:in|on)\s+(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?|\d{4}))\s*$"
)
_NEXT_WORD = re.compile(r"^\s*([a-z][\w-]*|[,;:)]|--|—|–|\S)?")


def _names_a_body(words: list[str]) -> bool:
    """ "Ministry of Science and ICT", "Competition and Markets Authority": a public body or
    an organisation by its head word, not a thing it owns ("AI Act")."""
    return bool(words) and (words[0] in _BODY_WORDS or words[-1] in actor_words().org_head_words)


def _trim(lex: Lexicon, name: str) -> tuple[int, str]:
    """Drop leading stop words and possessives ("The Acme" -> "Acme", "South Korea's Ministry of
    Health" -> "Ministry of Health"); (characters dropped, rest)."""
    words = name.split()
    dropped = 0
    stop = lex.name_stop_words
    owner = max((i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), default=-1)
    if owner > 0 and not _names_a_body(words[owner + 1 :]):
        owner = 0  # "The European Union's AI Act": the owner is the name
    for _ in range(owner):  # "South Korea's Ministry of …": the words up to the possessive
        dropped = name.index(words[1], dropped + len(words[0]))
        words = words[1:]
    while words and (words[0] in stop or _POSSESSIVE.search(words[0])):
        dropped = name.index(words[1], dropped + len(words[0])) if len(words) > 1 else len(name)
        words = words[1:]
    while words and words[-1] in stop:
        words = words[:-1]
    if not words:
        return len(name), ""
    rest = name[dropped:]
    return dropped, rest[: rest.rindex(words[-1]) + len(words[-1])]


def _runs(region: str) -> Iterable[tuple[int, int, str]]:
    has_body = _BODY_WORD.search(region) is not None  # cheap test before the full pattern
    bodies = [(m.start(), m.end()) for m in BODY.finditer(region)] if has_body else []
    for a, b in bodies:
        yield a, b, region[a:b]
    for m in _RUN.finditer(region):
        if any(a <= m.start() < b for a, b in bodies):
            continue
        yield m.start(), m.end(), m.group(0)


def _is_subject(lex: Lexicon, region: str, start: int, end: int) -> bool:
    """Not in a prepositional phrase, not a possessive, not a noun modifier."""
    if ends_in_preposition(region[max(0, start - 30) : start]):
        return False
    after = region[end:]
    if _POSSESSIVE_AFTER.match(after) or _POSSESSIVE.search(region[start:end]):
        return False
    if _TIME_THEN_VERB.match(after):
        return True  # "Acme on Tuesday fined …", "Acme last week launched …"
    nxt = _NEXT_WORD.match(after)
    word = nxt.group(1) if nxt else None
    if word is None or not word[:1].isalpha():
        return word not in ("-",)
    if word in ("have", "are", "were") and " " not in region[start:end]:
        return False  # "Developers have built …": a plural common noun, not a name
    return word in lex.subject_followers or word.endswith("ly")


def iter_subject_names(lex: Lexicon, region: str) -> Iterator[tuple[int, str]]:
    """Candidate subject names in ``region`` (the clause text before its verb), in order,
    found lazily (most callers want the first)."""
    dateline = DATELINE.match(region)
    base = dateline.end() if dateline else 0
    for a, _b, raw in sorted(_runs(region[base:])):
        dropped, name = _trim(lex, raw)
        if not name or name in lex.not_actor_words or (name.endswith("ly") and " " not in name):
            continue
        if only_descriptive(name) or is_common_plural(name):
            continue  # "Latin American AI start-ups raised", "Videos released by the company"
        a += base + dropped
        if _is_subject(lex, region, a, a + len(name)):
            yield a, name


def subject_names(lex: Lexicon, region: str) -> list[tuple[int, str]]:
    """Candidate subject names in ``region`` (the clause text before its verb), in order."""
    return list(iter_subject_names(lex, region))


def subject_name(lex: Lexicon, region: str) -> str:
    """The first subject name of ``region``, or ''."""
    return next((name for _at, name in iter_subject_names(lex, region)), "")


def fronted_subject(lex: Lexicon, text: str, after: int) -> str:
    """The main-clause subject after a fronted participle phrase: "Founded in 2021 by X and Y,
    Acme says …" -> "Acme"."""
    comma = text.find(", ", after)
    if comma < 0:
        return ""
    m = _RUN.match(text, comma + 2)
    if m is None:
        return ""
    _dropped, name = _trim(lex, m.group(0))
    return name if name and not _POSSESSIVE_AFTER.match(text[m.end() :]) else ""


def canonical(name: str, known: Iterable[str]) -> str:
    """A short form of a name the document already introduced ("Acme" after "Acme Robotics"):
    the name itself when known, else the longest (first of equal length) known name it opens."""
    prefix, best = name + " ", ""
    for full in known:
        if full == name:
            return full
        if len(full) > len(best) and full.startswith(prefix):
            best = full
    return best or name
