"""People named in a sentence and the organisations they speak for ("Alibaba Group Chairperson
Joe Tsai", "Kowalczyk, Wisła's chief executive", "founded by Jane Roe"), or the analysts and
experts whose words are opinion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.extract.actor_words import actor_words
from desktop.extract.cues import has_cue, lowered, opinion_role
from desktop.extract.docstate import DocState
from desktop.extract.lexicon import Lexicon, consumed_guard
from desktop.extract.orgmentions import ACTOR_KINDS, OrgMention, local_org, whole
from desktop.extract.orgnames import canonical, subject_name

# accented Latin letters -> their base letter, one character for one (offsets unchanged)
_FOLD_FROM = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿąćęłńśźżĄĆĘŁŃŚŹŻšžčřŠŽČŘæÆßœŒðþğışŞ"
)
_FOLD = str.maketrans(
    _FOLD_FROM,
    "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyacelnszzACELNSZZszcrSZCRaAsoOdtgisS",
)
_ACCENTED = re.compile(f"[{re.escape(_FOLD_FROM)}]")
_FORMER = re.compile(r"\b(?:former|ex-|previously)\b", re.I)
_SURNAME_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=\s*(?:,|\.|$|\s+and\b))")
_ITS_ROLE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "Acme chief executive " / "Acme's chief executive " ending the text before a person's name
_NAME_BEFORE_ROLE = re.compile(
    r"(?<![\w’'-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})(?:[’']s|(?<=s)[’'])?"
    r"\s+([a-z][a-z-]*(?:\s+[a-z]+){0,2})\s+$"
)
_FOUNDED_BY = re.compile(r"\b(?:co-?)?founded\b[^.;]{0,40}?\bby\b")
ROLE = (
    r"(?:co-?founder|founder|chief\s+executive|ceo|president|chair(?:man|woman|person)?"
    r"|cto|cfo|head)"
)
_ROLE_WORD = re.compile(ROLE)  # on lower-cased text: a cheap test before the name patterns
# the lookbehind after the capital (not before it): a search skips to capitals
_SURNAME_ROLE = re.compile(
    rf"([A-Z](?<![\w’'-][A-Z])[\w’'-]+),\s+(?:([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})[’']s|its)"
    rf"\s+{ROLE}\b"
)


_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=8)
def _people_scan(lex: Lexicon) -> re.Pattern[str] | None:
    """``lex.people_re`` without its leading lookbehind (``known_people`` checks it): the
    names longest first, so a search skips to their first letters and tries the same name."""
    names = sorted({n for n in lex.people if n}, key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, names))})(?!\\w)") if names else None


def known_people(lex: Lexicon, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``lex.people_re.finditer(text)`` (known people's names), found faster."""
    scan = _people_scan(lex)
    at = 0
    while scan is not None and (m := scan.search(text, at)) is not None:
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            at = m.start() + 1  # inside a word: the next position
            continue
        yield m
        at = m.end()


def fold_accents(text: str) -> str:
    """``text`` with accented Latin letters as their base letter, offsets unchanged."""
    return text.translate(_FOLD) if _ACCENTED.search(text) else text


def people_in(lex: Lexicon, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the people named in ``text``: known ones, then name shapes (read
    on accent-folded text, so "Clément Delangue" has the shape of a name)."""
    found: dict[int, tuple[int, int, str]] = {}
    for m in known_people(lex, text):
        found[m.start()] = (m.start(), m.end(), m.group(0))
    folded = fold_accents(text)
    for m in lex.rx["person"].finditer(folded):
        start, end = m.start(), m.end()
        name = text[start:end]
        words = name.split()
        if words[0] in lex.not_person_words or any(w in lex.not_person_words for w in words[1:]):
            continue
        if lex.orgs.fullmatch(name) or start in found:
            continue
        found[start] = (start, end, name)
    return sorted(found.values())


def learn_people(
    lex: Lexicon,
    text: str,
    state: DocState,
    index: int,
    orgs: tuple[OrgMention, ...],
) -> None:
    """Record the roles the sentence gives to people ("Alibaba Group Chairperson Joe Tsai",
    "Wei Sun, principal analyst at Counterpoint Research"); ``orgs`` = org_mentions(text)."""
    for m in known_people(lex, text):
        state.learn(m.group(0), lex.people[m.group(0)])
    if "ounded" in text:
        _learn_founders(lex, text, state, index, orgs)
    low = text.lower()
    # every role of _SURNAME_ROLE is a role word: without one, neither step can match
    role = _has_role_word(lex, low)
    if role or (role is None and _ROLE_WORD.search(low)):
        for m in _SURNAME_ROLE.finditer(text):  # "Kowalczyk, Wisła's chief executive, said"
            if m.group(1) in lex.not_person_words or m.group(1) in lex.place_names:
                continue  # "… in May, its founder Lucia Paz said": a month, not a surname
            org = canonical(m.group(2), state.local_orgs) if m.group(2) else state.antecedent(index)
            if org:
                state.learn(m.group(1), org)
    if role:
        _learn_roles(lex, text, state, index, orgs)


def _has_role_word(lex: Lexicon, low: str) -> bool | None:
    """Whether ``lex.role_re`` occurs in lower-cased ``low`` (None: no role words at all)."""
    scan = _role_scan(lex)
    if scan is not None:
        return scan.search(" " + low) is not None
    return lex.role_re.search(low) is not None if lex.role_re is not None else None


@lru_cache(maxsize=8)
def _role_scan(lex: Lexicon) -> re.Pattern[str] | None:
    return consumed_guard(lex.role_re)


def _learn_roles(
    lex: Lexicon, text: str, state: DocState, index: int, orgs: tuple[OrgMention, ...]
) -> None:
    """Each person named next to a role: a leader speaks for the nearest organisation, an
    analyst's words are opinion."""
    orgs = tuple(o for o in orgs if o[3] in ACTOR_KINDS)
    heads = actor_words().org_head_words
    low_text = lowered(text)  # same offsets as text, or None
    for start, end, name in people_in(lex, text):
        before = text[max(0, start - 45) : start]
        after = text[end : end + 90].split(".")[0]
        # the role after a name is its apposition: "X, chief executive of Acme,", not a
        # role further on ("Acme Rio, a Lima grocer, opened …, its founder Lucia Paz said")
        after = "," + after[1:].split(",")[0] if after.startswith(",") else ""
        if name in state.leaders or name.split()[-1] in heads:
            continue  # a founder speaks for his firm; "investor Qasr Digital" is no person
        window = before + "\n" + after  # no cue spans the break: after opens with a comma
        low = None
        if low_text is not None:
            low = low_text[max(0, start - 45) : start] + "\n" + low_text[end : end + len(after)]
        wide = text[max(0, start - 85) : start] + "\n" + after  # the preposition before a cue
        if has_cue(lex, "roles.opinion", window, low) and opinion_role(
            lex, wide, len(wide) - len(window)
        ):
            state.mark_opinion(name)
            continue
        if name in lex.people or not has_cue(lex, "roles.leader", window, low):
            continue
        if _FORMER.search(before) or _FORMER.search(after):
            continue  # "a former head of research at Stability AI" speaks for someone else now
        near = [o for o in orgs if start - 60 <= o[0] <= end + 90]
        org = min(near, key=lambda o: abs(o[0] - start))[2] if near else ""
        org = org or _role_org(lex, before + " " + after, state)
        org = org or _pre_role_org(lex, before, state)
        org = org or _possessor_subject(lex, text, start, before, state)
        org = org or state.antecedent(index)
        if org:  # "its chief executive, X", "Chief executive X said"
            state.learn(name, org)


def _pre_role_org(lex: Lexicon, before: str, state: DocState) -> str:
    """ "Zalando chief executive Robert Gentz said": a name the gazetteer does not know right
    before a leader's lower-case role title is the organisation he speaks for (and one from
    now on)."""
    m = _NAME_BEFORE_ROLE.search(before)
    if m is None or not lex.rx["roles.leader"].fullmatch(m.group(2)):
        return ""
    words = m.group(1).split()
    while words and words[0] in lex.name_stop_words:
        words = words[1:]  # "The Acme chief executive" -> "Acme"
    name = " ".join(words)
    if not words or words[0] in lex.not_person_words or words[-1] in lex.not_actor_words:
        return ""
    if name in lex.place_names or words[0] in lex.given_names:
        return ""  # "Brazil president X"; "Maria Lopez" is a person
    name = canonical(name, state.local_orgs)
    state.local_orgs.add(name)
    return name


def _possessor_subject(lex: Lexicon, text: str, start: int, before: str, state: DocState) -> str:
    """ "Savanna Compute, a start-up …, will open a site, its chief executive Peter Njoroge
    said": "its" is the sentence's subject, an organisation the gazetteer may not know yet."""
    if not _ITS_ROLE.search(before):
        return ""
    name = subject_name(lex, text[:start])
    words = name.split()
    if not words or (words[0] in lex.given_names and len(words) > 1):
        return ""  # a person, not an organisation
    return canonical(name, state.local_orgs)


def _learn_founders(
    lex: Lexicon,
    text: str,
    state: DocState,
    index: int,
    orgs: tuple[OrgMention, ...],
) -> None:
    """ "The lab was founded last year by Jane Roe and John Doe": both speak for the lab."""
    m = _FOUNDED_BY.search(text)
    if m is None:
        return
    named = [o[2] for o in orgs if o[3] in ACTOR_KINDS and o[1] <= m.start()]
    org = (
        (named[-1] if named else "")
        or local_org(text[: m.start()], state)
        or subject_name(lex, text[: m.start()])
        or state.antecedent(index)
    )
    if not org:
        return
    for start, _end, name in people_in(lex, text[m.end() : m.end() + 160]):
        if start < 120:
            state.learn(name, org)
    surname = _SURNAME_AFTER.match(text, m.end())  # "founded in 2021 by Okafor, a former …"
    if surname is not None and not lex.orgs.fullmatch(surname.group(1)):
        state.learn(surname.group(1), org)


def _role_org(lex: Lexicon, window: str, state: DocState) -> str:
    """The organisation a role names when the gazetteer does not know it: one the document
    introduced ("Acme co-founder X" after "Acme Robotics"), or "chief executive of Acme"."""
    local = local_org(window, state)
    if local:
        return local
    for n in state.local_orgs:
        short = n.split()[0]
        if len(short) > 2 and whole(window, short):
            return n
    m = lex.rx["role_of_org"].search(window)
    return subject_name(lex, m.group(1)) if m else ""
