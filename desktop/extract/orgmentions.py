"""Organisations a sentence names: gazetteer names and aliases, "<X> government", unknown names
with a company suffix ("Acme Robotics Inc."), and those the article introduces with a
descriptor ("German defence-AI firm Helsing", "Upstage, a Seoul-based developer of …")."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.extract.actor_words import actor_words, is_common_plural, only_descriptive
from desktop.extract.docstate import DocState
from desktop.extract.lexicon import Lexicon
from desktop.extract.orgnames import DATELINE, canonical, ends_in_preposition

ACTOR_KINDS = ("company", "lab")
_MODIFIER = re.compile(r"-[a-z]+$")
_PARENTHESISED_CAPS = re.compile(r"\([A-Z][A-Za-z]{1,6}\)")  # a cheap test first
_ABBREVIATED = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w&-]*\s+(?:(?:of|for|and|on|the|de)\s+)*){1,6}[A-Z][\w&-]*)"
    r"\s+\(([A-Z][A-Za-z]{1,6})\)"
)
_BODY_HEADS = frozenset(
    [
        "Ministry",
        "Department",
        "Agency",
        "Office",
        "Commission",
        "Council",
        "Authority",
        "Bureau",
        "Board",
        "Institute",
    ]
)
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w&.’'-]*\s+){1,4}$")  # searched in a window
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,3}")
# "Rapidus showed its …", "On Monday, Kessel has also cut its …": a name, a verb, "its"
_OWNER_SUBJECT = re.compile(
    r"(?:[^,]{0,40},\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:(?:has|have|had|also"
    r"|then|now|later|first|[a-z]+ly)\s+)*(?!(?:and|or|with|of|in|for|to|from|on|at|by"
    r"|as|than|via|into|about|under|over|after|before|is|was|are|were)\b)[a-z]+\s+(?:(?:up|out|off|back"
    r"|down)\s+)?its\b"
)
_OWNED_SUBJECT = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}),\s+(?:in|of)\s+which\b")
# the description nouns of org_descriptor that "the <noun>" may later use
_DESCRIPTOR_NOUN = re.compile(
    r"\b(?:retailer|grocer|supermarket|chain|lender|insurer|miner|carmaker|automaker|airline"
    r"|manufacturer|supplier|distributor|wholesaler|conglomerate|utility|broker|publisher"
    r"|broadcaster|consultancy|brewer|shipper|marketplace|bank|hospital|club|university)\b"
)
_NOT_PORTFOLIOS = frozenset(
    ["Prime", "Deputy", "Chief", "Junior", "Former", "Senior", "Cabinet", "State", "First"]
)
_MINISTER = re.compile(r"\b([A-Z][a-z]+)\s+Minister\b")
_EXAMPLE = re.compile(r"\b(?:like|including|as)\s+(?:the\s+)?$", re.I)

OrgMention = tuple[int, int, str, str]  # start, end, canonical name, kind


@lru_cache(maxsize=2048)
def org_mentions(lex: Lexicon, text: str) -> tuple[OrgMention, ...]:
    """(start, end, canonical name, kind) for every organisation in ``text``: gazetteer names
    and aliases, then unknown capitalised names with a company suffix ("Acme Robotics Inc.")."""
    out = []
    for m in lex.orgs.finditer(text):
        org = lex.org_by_alias[m.group(0)]
        out.append((m.start(), m.end(), org.name, org.kind))
    if "government" in text:  # "The UK government published …"
        for m in lex.rx["org_government"].finditer(text):
            words = m.group(1).split()
            start = m.start(1)
            if words and words[0] in ("The", "A", "An"):
                start += len(words[0]) + 1
                words = words[1:]
            known = any(a < m.end() and start < b for a, b, *_r in out)  # the gazetteer's
            if words and not known:
                out.append((start, m.end(), f"{' '.join(words)} government", "company"))
    suffixes = _suffix_words(lex)
    if suffixes is None or suffixes.search(text) is None:
        return tuple(sorted(out))
    demonyms = actor_words().demonyms
    for m in lex.rx["org_suffix"].finditer(text):
        start, name = m.start(), m.group(0)
        words = name.split()
        while words and (
            words[0] in lex.not_person_words
            or words[0] in demonyms  # "Latin American AI start-ups"
            or words[0] in lex.name_stop_words
            or _MODIFIER.search(words[0])
        ):
            # "The Acme Labs" / "Paris-based Helsing AI" -> "Acme Labs" / "Helsing AI"
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(a < m.end() and start < b for a, b, *_r in out):
            continue
        canonical = lex.rx["org_suffix_drop"].sub("", " ".join(words)).strip(" ,.")
        out.append((start, m.end(), canonical, "company"))
    return tuple(sorted(out))


@lru_cache(maxsize=8)
def _suffix_words(lex: Lexicon) -> re.Pattern[str] | None:
    """Any company suffix word as a substring (one occurs in every org_suffix match): one scan
    that skips to their first letters, mostly capitals, instead of a test per word."""
    words = sorted(lex.org_suffix_words)  # an empty word matches anywhere, as `"" in text`
    return re.compile("|".join(map(re.escape, words))) if words else None


@lru_cache(maxsize=8)
def _descriptor_words(lex: Lexicon) -> re.Pattern[str]:
    """Any descriptor word as a substring: one scan instead of an ``in`` test per word."""
    words = sorted(lex.org_descriptor_words)
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")  # none: no match


def learn_organisations(lex: Lexicon, text: str, state: DocState) -> None:
    """Organisations the article introduces with a descriptor ("German defence-AI firm Helsing",
    "Upstage, a Seoul-based developer of …") or an abbreviation ("the Public Investment Fund
    (PIF)"): known for the rest of the document."""
    if "(" in text and _PARENTHESISED_CAPS.search(text):
        _learn_abbreviations(lex, text, state)
    _learn_headed(lex, text, state)
    if " its " in text or " which " in text:
        _learn_owner_subject(lex, text, state)
    if not _descriptor_words(lex).search(text):
        return
    dateline = DATELINE.match(text)  # "TOKYO - Sakura Internet, an Osaka-based operator …"
    for m in lex.rx["org_descriptor"].finditer(text[dateline.end() :] if dateline else text):
        name = (m.group(1) or m.group(2) or "").strip()
        words = name.split()
        if not words or words[0] in lex.not_person_words or lex.orgs.fullmatch(name):
            continue
        if only_descriptive(name) or is_common_plural(name):
            continue  # "a Riyadh-based Arabic speech start-up"
        if not lex.rx["person"].fullmatch(name) or name not in state.leaders:
            state.local_orgs.add(name)
            noun = _DESCRIPTOR_NOUN.findall(m.group(0).lower())
            for described in noun[-1:]:  # "retailer Brandwell": what "the retailer" means
                state.name_for(described, name)


def _learn_headed(lex: Lexicon, text: str, state: DocState) -> None:
    """Names whose head word answers a description ("Linton Hospital", "Brayford Town FC",
    "University of Helsinki"): what "the hospital" / "the club" / "the university" will mean."""
    if "Minister" in text:  # "Health Minister Ong Ye Kung": "the ministry" is his
        for m in _MINISTER.finditer(text):
            if m.group(1) not in lex.name_stop_words and m.group(1) not in _NOT_PORTFOLIOS:
                state.name_for("ministry", f"Ministry of {m.group(1)}")
    words = actor_words()
    if words.head_scan is None:
        return
    for m in words.head_scan.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # inside a word ("Subclub")
        name = _headed_name(lex, text, m.start(), m.end())
        for noun in words.description_nouns[m.group(0)] if name else ():
            state.name_for(noun, name)


def _learn_owner_subject(lex: Lexicon, text: str, state: DocState) -> None:
    """ "Rapidus showed its first wafers in July", "Telia, in which the state holds a stake, …":
    an unknown name opening the sentence whose verb takes "its" (a person's would take "his" or
    "her"), or that something is held "in which", is an organisation."""
    m = _OWNER_SUBJECT.match(text) or _OWNED_SUBJECT.match(text)
    if m is None:
        return
    words = m.group(1).split()
    while words and words[0] in lex.name_stop_words:
        words = words[1:]
    name = " ".join(words)
    if not words or lex.orgs.fullmatch(name) or name in lex.people or name in lex.place_names:
        return
    if words[0] in lex.given_names or words[0] in lex.not_person_words:
        return  # "Maria Lopez", "European …"
    if name in lex.not_actor_words or only_descriptive(name) or is_common_plural(name):
        return  # "Revenue doubled its …", "Chinese AI …"
    if lex.rx["product_name"].fullmatch(name) or (lex.products and lex.products.fullmatch(name)):
        return  # "Gemini 2.5 doubled its context window": a product
    if canonical(name, state.local_orgs) == name:  # not "Korvale" after "Korvale Robotics"
        state.local_orgs.add(name)


def _headed_name(lex: Lexicon, text: str, start: int, end: int) -> str:
    """The organisation name around a head word at ``start``: capitalised words before it
    ("Changi General Hospital") or an of-phrase after it ("Ministry of Health"); '' if none."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 60), start)
    words = before.group(0).split() if before else []
    while words and (words[0] in lex.name_stop_words or words[0][-2:] in ("'s", "’s")):
        words = words[1:]  # "The …", "Singapore's Changi General Hospital"
    if words:
        return " ".join([*words, text[start:end]])
    after = _OF_NAME.match(text, end)
    if after is None or after.group(1) in lex.name_stop_words:
        return ""
    return text[start : after.end()]


def _learn_abbreviations(lex: Lexicon, text: str, state: DocState) -> None:
    """ "the Public Investment Fund (PIF)": "PIF" names the fund; the full name must end in an
    organisation's head word ("Fund", "Authority"), so "large language model (LLM)" is none."""
    heads = actor_words().org_head_words
    for m in _ABBREVIATED.finditer(text):
        full, short = m.group(1), m.group(2)
        words = full.split()
        while words and words[0] in lex.name_stop_words:
            words = words[1:]
        if not words or only_descriptive(" ".join(words)):
            continue
        if words[-1] not in heads and words[0] not in _BODY_HEADS:  # "Ministry of … and ICT"
            continue
        full = " ".join(words)
        capitals = iter(c for c in full if c.isupper())
        if short[0] == full[0] and all(
            c in capitals for c in short if c.isupper()
        ):  # initials, in order
            known = lex.orgs.fullmatch(full)
            name = lex.org_by_alias[full].name if known else full
            state.aliases.setdefault(short, name)
            if not known:
                state.local_orgs.add(name)


def local_org(region: str, state: DocState) -> str:
    """The last organisation the document introduced that ``region`` names as a subject."""
    found = [(region.rfind(n), n) for n in state.local_orgs if n in region and whole(region, n)]
    return max(found)[1] if found else ""


def whole(text: str, name: str) -> bool:
    """``name`` occurs in ``text`` as a subject: not a possessive, not in a prepositional phrase."""
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w’'])", text):
        if not in_phrase(text, m.start(), m.end()):
            return True
    return False


def in_phrase(text: str, start: int, end: int) -> bool:
    """An organisation inside a prepositional phrase ("faster than Nvidia's chip", "with
    Microsoft"): not the subject; "players like X" / "firms such as X" still are."""
    return ends_in_preposition(text[max(0, start - 30) : start]) and not _EXAMPLE.search(
        text[max(0, start - 30) : start]
    )
