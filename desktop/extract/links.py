"""Whether the names in two mentions agree: actors ("Samsung" and "Samsung Electronics"),
subjects ("HBM4 chips" and "its HBM4 memory"; "GPT-4" and "GPT-5" do not) and amounts
("$42 million" and "$10 million" are two rounds). Pure functions over strings.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_GENERIC = _wordset(
    "ai a an the of for and to in on with by its their new latest model models version series"
    " system systems artificial intelligence machine large language product products tool tools"
    " some several these this that first additional it we they"
)
# generic nouns and time words that say nothing about which event two mentions report
_LINK_GENERIC = _GENERIC | _wordset(
    "chip chips deal deals agreement agreements round rounds funding financing service services"
    " platform platforms app apps purchase acquisition stake investment plan plans launch"
    " release weights his her our at from as about roughly around nearly"
    " january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday"
    " saturday sunday day week weeks month months year years quarter today yesterday tomorrow"
    " last next earlier later early late end mid spring summer autumn fall winter"
)
_SUFFIXES = ("ations", "ation", "ating", "ated", "ates", "ate", "ings", "ing", "ed", "es", "s")
# numbers that are amounts or dates, not versions: "$1.1 billion", "₹10,372 crore", "10 June 2025"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NOT_VERSION = re.compile(
    r"(?:[$€£¥₹]\s?|\b(?:us|rs|usd|eur)\s?)?\d[\d,.]*\s*(?:million|billion|trillion|bn|mn|m|k"
    r"|crore|lakh|yen|won|yuan|euros?|dollars?|reais|rupees?)\b"
    r"|[$€£¥₹]\s?\d[\d,.]*"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b|\b{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b"
    r"|\b(?:19|20)\d\d\b",
    re.I,
)
# "an 8-billion-parameter version", "70 billion parameters", "7B": a model size, one token
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)[\s-]*(?:(b)illion|(m)illion)[\s-]*param\w*", re.I)
_AMOUNT = re.compile(
    r"(?P<cur>[$€£¥₹]|\b(?:usd|eur|rs)\.?)?\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<scale>million|billion|trillion|bn|mn|m|k|crore|lakh)?\b\s*"
    r"(?P<cur2>yen|won|yuan|euros?|dollars?|reais|rupees?)?",
    re.I,
)
_SCALE = {"k": 1e3, "lakh": 1e5, "m": 1e6, "mn": 1e6, "million": 1e6, "crore": 1e7}
_SCALE |= {"bn": 1e9, "billion": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "usd", "usd": "usd", "dollar": "usd", "€": "eur", "eur": "eur", "euro": "eur"}
_CURRENCY |= {"£": "gbp", "¥": "jpy", "yen": "jpy", "₹": "inr", "rs": "inr", "rupee": "inr"}
_CURRENCY |= {"reais": "brl", "won": "krw", "yuan": "cny"}
_AMOUNT_TOLERANCE = 0.1  # "about €300 million" in talks, "€320 million" when it closed
_THING_KINDS = frozenset({"release", "open_source", "funding", "partnership"})
_VERB_ONLY = re.compile(r"^\s*(?:[a-z]{3,}ed|[a-z]{2,}\s+(?:out|up|off|down|back|over))\s*$")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
# words that end an organisation's name without telling organisations apart
_ORG_TAIL = _wordset(
    "inc incorporated ltd limited corp corporation co company llc plc gmbh ag sa se nv bv ab"
    " group holdings holding ai labs lab technologies technology"
)


def _stem(word: str) -> str:
    """A crude English stem so "videos"/"video" and "generate"/"generation" meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_words(text: str, generic: frozenset[str] = _GENERIC) -> set[str]:
    return {
        _stem(w)
        for w in _TOKEN.findall(text.lower())
        if w not in generic and (len(w) > 1 or w.isdigit())
    }


def _versions_clash(wa: set[str], wb: set[str]) -> bool:
    va = {w for w in wa if any(c.isdigit() for c in w)}
    vb = {w for w in wb if any(c.isdigit() for c in w)}
    return bool(va and vb and not va & vb)


def compatible_subjects(a: str, b: str, kind: str = "") -> bool:
    """Whether two subjects may name one thing; with a ``kind`` whose subject is a thing
    (a release, a round), a subject that is only a verb form ("released") names nothing."""
    a, b = _NOT_VERSION.sub(" ", a), _NOT_VERSION.sub(" ", b)  # "$210m", "10 June 2025"
    if kind in _THING_KINDS:
        a, b = _VERB_ONLY.sub("", a), _VERB_ONLY.sub("", b)
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return True
    if _versions_clash(wa, wb):
        return False
    return bool(wa & wb)


@lru_cache(maxsize=65536)
def amounts(text: str) -> tuple[tuple[str, float], ...]:
    """The money amounts in ``text`` as (currency or "", value): "$1.5 billion" ->
    ("usd", 1.5e9); a bare number is no amount."""
    found = []
    for m in _AMOUNT.finditer(_SIZE.sub(" ", text)):
        cur = (m.group("cur") or m.group("cur2") or "").lower().rstrip(".")
        scale = (m.group("scale") or "").lower()
        if not cur and not scale:
            continue
        value = float(m.group("num").replace(",", "")) * _SCALE.get(scale, 1.0)
        found.append((_CURRENCY.get(cur.rstrip("s") if cur != "reais" else cur, cur), value))
    return tuple(found)


def amounts_clash(a: str, b: str) -> bool:
    """Both name amounts in a common currency and none of them agree (two rounds)."""
    pairs = [(x, y) for cx, x in amounts(a) for cy, y in amounts(b) if cx == cy or not cx or not cy]
    return bool(pairs) and not any(abs(x - y) <= _AMOUNT_TOLERANCE * max(x, y) for x, y in pairs)


# a name and its number, however written: "Qwen 3", "Qwen3", "Doyun-3" -> "qwen3", "doyun3"
_NAME_PART = re.compile(r"[a-z]+")  # "qwen" of "qwen3": the name without its number
_NAME_NUMBER = re.compile(r"\b([a-z][a-z0-9]*)[\s-]+(\d[a-z0-9.]*)\b")


def _join_number(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1) in _LINK_GENERIC else m.group(1) + m.group(2)


@lru_cache(maxsize=65536)
def _link_words(subject: str, thing: bool) -> frozenset[str]:
    """The content words of a subject for linking (sizes one token, amounts and dates out;
    for a thing's subject, a lone verb form names nothing)."""
    text = _NOT_VERSION.sub(" ", _SIZE.sub(r" \1\2\3 ", subject))
    text = _NAME_NUMBER.sub(_join_number, (_VERB_ONLY.sub("", text) if thing else text).lower())
    words = _content_words(text, _LINK_GENERIC)
    names = {m.group(0) for w in words if (m := _NAME_PART.match(w)) and m.end() < len(w)}
    return frozenset(words | {n for n in names if len(n) > 1 and n not in _LINK_GENERIC})


def subject_agreement(a: str, b: str, kind: str = "") -> int:
    """0: the subjects name different things (versions or amounts differ, or no content word
    in common); 1: one of them names nothing in particular ("the deal", "by December");
    2: they share a content word ("HBM4 chips" and "its HBM4 memory"). A name and its number
    are one word, so "Kite 2" and "Orbis 2" share none and "Qwen 3" and "Qwen3" agree."""
    if amounts_clash(a, b):
        return 0
    thing = kind in _THING_KINDS
    wa, wb = _link_words(a, thing), _link_words(b, thing)
    if not wa or not wb:
        return 1
    if _versions_clash(wa, wb):
        return 0
    return 2 if wa & wb else 0


@lru_cache(maxsize=65536)
def actor_tokens(name: str) -> tuple[str, ...]:
    """The words of an actor's name without its parenthesised part and legal or generic
    tail ("Tupã AI" -> ("tupã",), "Samsung Electronics Co., Ltd." -> ("samsung", "electronics"))."""
    words = re.findall(r"[^\W_]+(?:\.[^\W_]+)*", name.split("(")[0].casefold())
    while len(words) > 1 and words[-1] in _ORG_TAIL:
        words.pop()
    return tuple(words)


def actors_linked(a: str, b: str) -> bool:
    """One organisation, or an organisation and its unit: after actor_tokens the words of one
    name begin the other's ("Samsung" and "Samsung Electronics"); joint actors ("A; B") agree
    when one of their parties does."""
    for pa in a.split(";"):
        ta = actor_tokens(pa)
        for pb in b.split(";"):
            tb = actor_tokens(pb)
            n = min(len(ta), len(tb))
            if n and ta[:n] == tb[:n]:
                return True
    return False


_WITH = re.compile(r"^\s*with\s+")
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def parties(actor: str, subject: str, kind: str) -> tuple[str, ...]:
    """The organisations an event is by: its actor's parties ("A; B") and, for a partnership,
    those of its "with X and Y" subject, which names the other side."""
    names = [p.strip() for p in actor.split(";") if p.strip()]
    if kind == "partnership" and _WITH.match(subject):
        names += [p for p in _AND.split(_WITH.sub("", subject)) if p]
    return tuple(names)


def same_parties(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two partnerships between the same organisations, whichever of them an article makes
    the actor: at least two parties each, every party of one linked to a party of the other."""
    small, large = sorted((a, b), key=len)
    return len(small) >= 2 and all(any(actors_linked(x, y) for y in large) for x in small)
