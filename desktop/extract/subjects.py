"""What an event is about (model/product names, else the object phrase) and its short title."""

from __future__ import annotations

import re

from desktop.extract.lexicon import Lexicon
from desktop.extract.names import product_names
from desktop.extract.orgnames import ends_in_preposition
from desktop.extract.triggers import Hit

_MAX_WORDS = 9
_PRODUCT_WINDOW = 110
_TO_VERB = re.compile(r"^\s*to\s+(?:[\w-]+\s+){1,2}?(?=(?:its|their|the|a|an|some|all|his|her)\b)")
_TO_ANY = re.compile(r"^\s*to\s+")
_SELF = re.compile(r"^\s*(?:it|we|they|the company|the firm)\s+", re.I)
_QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")
_INVEST = re.compile(r"^(?:invest|pour|inject)")
_OWN_VERB = re.compile(
    r"^(?:held|hosted|holds|hosts|organi[sz]ed|kicked|staged|founded|co-founded)$"
)
# where the parties of a partnership end: "… with X on Sept. 1, following moves by rivals Y"
_PARTY_CUT = re.compile(
    r",\s+(?:following|after|as|while|which|who|where|making|joining|adding|according)\b"
    r"|;|\.(?:\s|$)|\s\((?:Reuters|AP|AFP|Bloomberg)\b"
)
_REFERENCE = re.compile(r"\s(?:since|unlike|replacing|succeeding)\s")
_CUT_PRODUCTS = re.compile(
    r"\b(?:that|which|who|making|while|whereas|claiming|saying|to|for|with|on|at|by|against|than"
    r"|from|after|before|as|since|unlike|replacing|succeeding)\b|[.;](?!\d)"
)


# a valuation is not what a round raised: "at a valuation of €2 billion", "a $3bn valuation"
_VALUATION_BEFORE = re.compile(
    r"(?:valuation|valued|value|worth)\s+(?:of\s+|at\s+)?(?:about|around|roughly|nearly|some"
    r"|over|more\s+than|almost|up\s+to)?\s*$",
    re.I,
)
_VALUATION_AFTER = re.compile(r"^\s*(?:pre-money\s+|post-money\s+)?valuation\b", re.I)


# dots of "U.S." or "U.K." that end no sentence: inner ones, the last before a lower-case word
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]\.)+[A-Z]\.(?=\s+[a-z0-9]|[,;:)]|$)|\b(?:[A-Z]\.)+(?=[A-Z]\.)"
)


def _mask_dots(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "_")


def _round_amount(lex: Lexicon, text: str) -> str:
    """The first amount in ``text`` that is not a valuation, or ""."""
    for m in lex.rx["amount"].finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if not (_VALUATION_BEFORE.search(before) or _VALUATION_AFTER.match(text[m.end() :])):
            return m.group(0).strip()
    return ""


def _clean_phrase(lex: Lexicon, phrase: str) -> str:
    phrase = lex.rx["subject_drop_leading"].sub("", phrase.strip(' ,;:."“”'))
    words = phrase.split()
    return " ".join(words[:_MAX_WORDS]).strip(" ,;:.")


def _object_phrase(lex: Lexicon, after: str) -> str:
    stop = lex.rx["subject_stop"].search(_ABBREVIATION.sub(_mask_dots, after))
    phrase = after[: stop.start()] if stop else after
    reference = _REFERENCE.search(phrase)  # "its first open model since GPT-2"
    return _clean_phrase(lex, phrase[: reference.start()] if reference else phrase)


def product_owners_and_orgs(lex: Lexicon, text: str) -> list[str]:
    """Canonical names of the organisations named in ``text``, in order, without repeats."""
    names: list[str] = []
    for m in lex.orgs.finditer(text):
        name = lex.org_by_alias[m.group(0)].name
        if name not in names:
            names.append(name)
    return names


def _partners(lex: Lexicon, text: str, hit: Hit, actor: str) -> list[str]:
    """The other parties of a partnership, up to where its clause ends ("…, following moves by
    rivals X")."""
    cut = _PARTY_CUT.search(text, hit.end)
    parties = text[: cut.start() if cut else len(text)]
    return [o for o in product_owners_and_orgs(lex, parties) if o != actor]


def subject_of(lex: Lexicon, text: str, hit: Hit, content_at: int, actor: str = "") -> str:
    """The subject of the event whose trigger is ``hit`` in clause ``text``."""
    if hit.role == "founding":
        return "founding"
    if hit.role == "report" and content_at >= len(text):  # '"…," the CEO said': the quote
        quote = _QUOTE.search(text)
        return _clean_phrase(lex, quote.group(1)) if quote else ""
    if hit.role in ("report", "commit", "plan"):
        content = text[content_at:]
        content = _TO_VERB.sub("", content) if hit.role == "plan" else _TO_ANY.sub("", content)
        content = _SELF.sub("it ", content) if hit.role == "report" else content
        return _clean_phrase(lex, re.split(r"[.;](?!\d)", content, maxsplit=1)[0])
    if hit.role == "object":
        return _object_phrase(lex, text[hit.end :])
    if hit.role == "event":
        return _clean_phrase(lex, hit.text.split(None, 1)[-1])
    partners = _partners(lex, text, hit, actor) if hit.kind == "partnership" else []
    if partners:
        return "with " + " and ".join(partners)
    if hit.kind == "funding":
        amount = _round_amount(lex, text)
        return f"{amount} funding" if amount else "funding round"
    inside = product_names(lex, hit.text)  # "make its Ernie chatbot free"
    if inside:
        return "; ".join(inside)
    after = text[hit.end : hit.end + _PRODUCT_WINDOW]
    cut = _CUT_PRODUCTS.search(after)
    names = product_names(lex, after[: cut.start()] if cut else after)
    if not names:
        lead = text[max(0, hit.start - 40) : hit.start]
        before = product_names(lex, lead)
        # "Ernie 4.5 was released": the product is the subject; "X, the company behind Stable
        # Diffusion, is exploring": a product inside a prepositional phrase is not
        at = lead.rfind(before[-1]) if before else -1
        names = before[-1:] if at >= 0 and not ends_in_preposition(lead[:at]) else []
    if names:
        return "; ".join(names)
    if hit.kind == "other" and hit.needs in ("amount", "figure"):  # "expects losses of $5 bn"
        return _object_phrase(lex, hit.text.split(None, 1)[-1] + text[hit.end :])
    return _object_phrase(lex, text[hit.end :]) or hit.text


def title_of(lex: Lexicon, actor: str, kind: str, status: str, subject: str, trigger: str) -> str:
    """A short readable "<Actor> <verb> <subject>"."""
    verbs = lex.kind_verbs.get(kind, ["", "plans", "reportedly"])
    index = {"planned": 1, "reported": 2}.get(status, 0)
    verb = verbs[index] if index < len(verbs) else verbs[0]
    first = trigger.split()[0].lower() if trigger.split() else ""
    if kind == "other" or _OWN_VERB.match(first):  # "held an Open-Source Week", "founded"
        verb = f"{verb if status != 'happened' else ''} {first}".strip()
        subject = "" if subject == "founding" else subject
    if kind == "funding" and _INVEST.match(first):  # "plans to invest", not "plans to raise"
        verb = verb.replace("raise", "invest")
    if kind == "open_source":
        subject = re.sub(r"^open[- ]source\s+", "", subject)
    return " ".join(p for p in (actor, verb, subject) if p)
