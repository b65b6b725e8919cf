"""Who did it: organisations from the gazetteer, people tied to organisations, anaphora.

``DocState`` carries what one document has established so far: the most recent salient
organisation (for "it" / "the company" / "this startup") and what each person is (a leader of an
organisation, or an analyst/expert whose words are opinion, not events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.extract.lexicon import Lexicon
from desktop.extract.orgnames import (
    BODY,
    DATELINE,
    PREPOSITION,
    canonical,
    fronted_subject,
    subject_name,
    subject_names,
)

_ACTOR_KINDS = ("company", "lab")
_RECENCY = 4  # sentences an anaphor may reach back
_MODIFIER = re.compile(r"-[a-z]+$")
_FORMER = re.compile(r"\b(?:former|ex-|previously)\b", re.I)
_FOUNDED_BY = re.compile(r"\b(?:co-?)?founded\b[^.;]{0,40}?\bby\b")
_ROLE = (
    r"(?:co-?founder|founder|chief\s+executive|ceo|president|chair(?:man|woman|person)?"
    r"|cto|cfo|head)"
)
_ROLE_WORD = re.compile(_ROLE)  # on lower-cased text: a cheap test before the name patterns
_OWNER_ROLE = re.compile(
    rf"(?<![\w’'-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})[’']s\s+{_ROLE}"
    r"(?:\s+[A-Z][\w’'-]*){0,3}\s*$"
)
_SURNAME_ROLE = re.compile(
    rf"(?<![\w’'-])([A-Z][\w’'-]+),\s+(?:([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})[’']s|its)"
    rf"\s+{_ROLE}\b"
)
_PRODUCT_APPOSITION = re.compile(
    r"\b(?:model|chip|app|product|system|robot|device|phone|car|vehicle|drug|platform|service"
    r"|assistant|chatbot|version|processor)s?,\s*$",
    re.I,
)
_ITS_PRODUCT = re.compile(
    r"\s*(?:its|their|the\s+(?:company|firm|start-?up|lab)[’']s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:model|chip|app|product|system|robot|device|phone|car|vehicle|drug|platform|service"
    r"|assistant|chatbot|version|processor)s?\b",
    re.I,
)
_AND = re.compile(r"\s+(?:and|&)\s+")
_EXAMPLE = re.compile(r"\b(?:like|including|as)\s+(?:the\s+)?$", re.I)
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?![\w])")


@dataclass
class DocState:
    salient: str = ""
    salient_at: int = -100  # sentence index where ``salient`` was last set
    leaders: dict[str, str] = field(default_factory=dict)  # person -> organisation
    opinion: set[str] = field(default_factory=set)  # people quoted as analysts/experts
    local_orgs: set[str] = field(default_factory=set)  # "London-based Synthesia", "Upstage, a …"

    def learn(self, person: str, org: str) -> None:
        """``person`` speaks for ``org``; later mentions may use the surname alone."""
        for key in (person, person.split()[-1]):
            self.leaders.setdefault(key, org)

    def mark_opinion(self, person: str) -> None:
        self.opinion.update((person, person.split()[-1]))

    def note(self, actor: str, index: int) -> None:
        self.salient, self.salient_at = actor, index

    def antecedent(self, index: int) -> str:
        return self.salient if index - self.salient_at <= _RECENCY else ""


@dataclass(frozen=True)
class Actor:
    name: str
    how: str  # gazetteer | person | anaphor | product | agent
    opinion: bool = False  # the speaker is an analyst/expert (or tied to one)


@lru_cache(maxsize=2048)
def org_mentions(lex: Lexicon, text: str) -> tuple[tuple[int, int, str, str], ...]:
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
            if words:
                out.append((start, m.end(), f"{' '.join(words)} government", "company"))
    if not any(word in text for word in lex.org_suffix_words):
        return tuple(sorted(out))
    for m in lex.rx["org_suffix"].finditer(text):
        start, name = m.start(), m.group(0)
        words = name.split()
        while words and (
            words[0] in lex.not_person_words
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


def _people(lex: Lexicon, text: str) -> list[tuple[int, int, str]]:
    found: dict[int, tuple[int, int, str]] = {}
    if lex.people_re is not None:
        for m in lex.people_re.finditer(text):
            found[m.start()] = (m.start(), m.end(), m.group(0))
    for m in lex.rx["person"].finditer(text):
        words = m.group(0).split()
        if words[0] in lex.not_person_words or any(w in lex.not_person_words for w in words[1:]):
            continue
        if lex.orgs.fullmatch(m.group(0)) or m.start() in found:
            continue
        found[m.start()] = (m.start(), m.end(), m.group(0))
    return sorted(found.values())


def learn_organisations(lex: Lexicon, text: str, state: DocState) -> None:
    """Organisations the article introduces with a descriptor ("German defence-AI firm Helsing",
    "Upstage, a Seoul-based developer of …"): known for the rest of the document."""
    if not any(word in text for word in lex.org_descriptor_words):
        return
    for m in lex.rx["org_descriptor"].finditer(text):
        name = (m.group(1) or m.group(2) or "").strip()
        words = name.split()
        if not words or words[0] in lex.not_person_words or lex.orgs.fullmatch(name):
            continue
        if not lex.rx["person"].fullmatch(name) or name not in state.leaders:
            state.local_orgs.add(name)


def _local_org(region: str, state: DocState) -> str:
    found = [(region.rfind(n), n) for n in state.local_orgs if n in region and _whole(region, n)]
    return max(found)[1] if found else ""


def _whole(text: str, name: str) -> bool:
    """``name`` occurs in ``text`` as a subject: not a possessive, not in a prepositional phrase."""
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w’'])", text):
        if not _in_phrase(text, m.start(), m.end()):
            return True
    return False


def learn_people(
    lex: Lexicon,
    text: str,
    state: DocState,
    index: int,
    orgs: tuple[tuple[int, int, str, str], ...],
) -> None:
    """Record the roles the sentence gives to people ("Alibaba Group Chairperson Joe Tsai",
    "Wei Sun, principal analyst at Counterpoint Research"); ``orgs`` = org_mentions(text)."""
    if lex.people_re is not None:
        for m in lex.people_re.finditer(text):
            state.learn(m.group(0), lex.people[m.group(0)])
    if "ounded" in text:
        _learn_founders(lex, text, state, index, orgs)
    low = text.lower()
    matches = _SURNAME_ROLE.finditer(text) if _ROLE_WORD.search(low) else ()
    for m in matches:  # "Kowalczyk, Wisła's chief executive, said"
        org = canonical(m.group(2), state.local_orgs) if m.group(2) else state.antecedent(index)
        if org:
            state.learn(m.group(1), org)
    if lex.role_re is None or lex.role_re.search(low) is None:
        return  # no role noun: nothing more to learn
    orgs = [o for o in orgs if o[3] in _ACTOR_KINDS]
    for start, end, name in _people(lex, text):
        before = text[max(0, start - 45) : start]
        after = text[end : end + 90].split(".")[0]
        after = after if after.startswith(",") else ""
        if name in state.leaders:
            continue  # a founder ("founded by X, a former researcher at Y") speaks for it
        if lex.rx["roles.opinion"].search(before) or lex.rx["roles.opinion"].search(after):
            state.mark_opinion(name)
            continue
        if name in lex.people:
            continue
        if not (lex.rx["roles.leader"].search(before) or lex.rx["roles.leader"].search(after)):
            continue
        if _FORMER.search(before) or _FORMER.search(after):
            continue  # "a former head of research at Stability AI" speaks for someone else now
        near = [o for o in orgs if start - 60 <= o[0] <= end + 90]
        org = min(near, key=lambda o: abs(o[0] - start))[2] if near else ""
        org = org or _role_org(lex, before + " " + after, state) or state.antecedent(index)
        if org:  # "its chief executive, X", "Chief executive X said"
            state.learn(name, org)


def _learn_founders(
    lex: Lexicon,
    text: str,
    state: DocState,
    index: int,
    orgs: tuple[tuple[int, int, str, str], ...],
) -> None:
    """ "The lab was founded last year by Jane Roe and John Doe": both speak for the lab."""
    m = _FOUNDED_BY.search(text)
    if m is None:
        return
    named = [o[2] for o in orgs if o[3] in _ACTOR_KINDS and o[1] <= m.start()]
    org = (
        (named[-1] if named else "")
        or _local_org(text[: m.start()], state)
        or subject_name(lex, text[: m.start()])
        or state.antecedent(index)
    )
    if not org:
        return
    for start, _end, name in _people(lex, text[m.end() : m.end() + 160]):
        if start < 120:
            state.learn(name, org)


def _role_org(lex: Lexicon, window: str, state: DocState) -> str:
    """The organisation a role names when the gazetteer does not know it: one the document
    introduced ("Acme co-founder X" after "Acme Robotics"), or "chief executive of Acme"."""
    local = _local_org(window, state)
    if local:
        return local
    for n in state.local_orgs:
        short = n.split()[0]
        if len(short) > 2 and _whole(window, short):
            return n
    m = lex.rx["role_of_org"].search(window)
    return subject_name(lex, m.group(1)) if m else ""


def _mask_relatives(lex: Lexicon, region: str) -> str:
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    region = lex.rx["participial_appositive"].sub(blank, region)
    return lex.rx["appositive"].sub(blank, lex.rx["relative_clause"].sub(blank, region))


def _in_phrase(text: str, start: int, end: int) -> bool:
    """An organisation inside a prepositional phrase ("faster than Nvidia's chip", "with
    Microsoft"): not the subject; "players like X" / "firms such as X" still are."""
    return bool(PREPOSITION.search(text[max(0, start - 30) : start])) and not _EXAMPLE.search(
        text[max(0, start - 30) : start]
    )


def _pick_org(lex: Lexicon, region: str) -> tuple[str, bool] | None:
    """The last actor-kind organisation in ``region``; (name, speaker_is_analyst)."""
    orgs = [o for o in org_mentions(lex, region) if not _in_phrase(region, o[0], o[1])]
    usable = [o for o in orgs if o[3] in _ACTOR_KINDS]
    if len(usable) >= 2 and _AND.fullmatch(region[usable[-2][1] : usable[-1][0]]):
        return usable[-2][2], False  # "Kakao and OpenAI announced": the first named
    if usable:
        return usable[-1][2], False
    if orgs:
        return orgs[-1][2], True
    return None


def _org_like(lex: Lexicon, name: str, state: DocState) -> bool:
    return (
        name in state.local_orgs
        or BODY.fullmatch(name) is not None
        or any(m.end() == len(name) for m in lex.rx["org_suffix"].finditer(name))
    )


def _unknown_org(lex: Lexicon, region: str, state: DocState, strict: bool) -> str:
    """The grammatical subject when it is a name the gazetteer does not know; with ``strict``
    (a speaker) only a name that looks like an organisation, not a person's."""
    for at, raw in subject_names(lex, region)[:1]:
        if _PRODUCT_APPOSITION.search(region[:at]):
            return ""  # "Its previous model, Orbit-R1, was released": a product
        name = canonical(raw, state.local_orgs)
        if name in state.opinion or name.split()[-1] in state.opinion:
            return ""
        if lex.rx["product_name"].fullmatch(name) or (
            lex.products and lex.products.fullmatch(name)
        ):
            return ""
        org_like = _org_like(lex, name, state)
        if strict and not org_like:
            return ""
        if not org_like and " " in name and name.split()[0] in lex.given_names:
            return ""  # "Maria Lopez launched a podcast": a person, not an organisation
        return name
    return ""


def trailing_actor(lex: Lexicon, after: str, state: DocState, index: int) -> Actor | None:
    """The speaker of a trailing attribution: "The chip taped out in June, the company said"."""
    m = lex.rx["trailing_speaker"].search(after)
    if m is None:
        return None
    who = m.group(1)
    picked = _pick_org(lex, who)
    if picked is not None:
        return None if picked[1] else Actor(picked[0], "gazetteer")
    if lex.rx["anaphor"].search(who) and state.antecedent(index):
        return Actor(state.antecedent(index), "anaphor")
    name = canonical(who.strip(), state.local_orgs)
    return Actor(name, "subject") if name in state.local_orgs else None


def fronted_actor(lex: Lexicon, text: str, after: int, state: DocState) -> Actor | None:
    """ "Founded in 2021 by two engineers, Acme now …": the subject after the fronted phrase."""
    name = fronted_subject(lex, text, after)
    picked = _pick_org(lex, name) if name else None
    if picked is not None:
        return Actor(picked[0], "gazetteer", picked[1])
    return Actor(canonical(name, state.local_orgs), "subject") if name else None


def subject_actor(
    lex: Lexicon, region: str, state: DocState, index: int, strict: bool = False
) -> Actor | None:
    """The actor named in the subject region (text of the clause before the trigger); with
    ``strict`` (a reporting verb) an unknown name counts only when it looks like an
    organisation."""
    region = _mask_relatives(lex, region)
    dateline = DATELINE.match(region)  # "BEIJING (Reuters) - …": the agency is no subject
    if dateline:
        region = " " * dateline.end() + region[dateline.end() :]
    names = [n for _s, _e, n in _people(lex, region)] + _CAPITALISED.findall(region)
    opinion = bool(lex.rx["roles.opinion"].search(region)) or any(n in state.opinion for n in names)
    picked = _pick_org(lex, region)
    if picked is not None:
        return Actor(picked[0], "gazetteer", opinion or picked[1])
    local = _local_org(region, state)
    if local:
        return Actor(local, "gazetteer", opinion)
    for name in reversed(names):  # full names first, then surnames ("Altman said")
        if name in state.leaders or name in lex.people:
            return Actor(state.leaders.get(name) or lex.people[name], "person", opinion)
    unknown = _unknown_org(lex, region, state, strict)
    if unknown:
        return Actor(unknown, "subject", opinion)
    owner = _OWNER_ROLE.search(region)  # "Acme's founder (Jane Roe) was …"
    if owner and not _in_phrase(region, owner.start(), owner.end()):
        return Actor(canonical(owner.group(1), state.local_orgs), "person", opinion)
    body = lex.rx["descriptive_body"].search(region)
    if body and not _in_phrase(region, body.start(), body.end()):
        return Actor(body.group(0), "subject", opinion)  # "Brazil's central bank said …"
    if lex.rx["anaphor"].search(region) and state.antecedent(index):
        return Actor(state.antecedent(index), "anaphor", opinion)
    if _ITS_PRODUCT.match(region) and state.antecedent(index):
        return Actor(state.antecedent(index), "anaphor", opinion)  # "Its previous model, X,"
    if lex.products is not None:
        owned = [lex.product_owner[m.group(0)] for m in lex.products.finditer(region)]
        if owned:
            return Actor(owned[-1], "product", opinion)
    return None


def agent_actor(lex: Lexicon, after: str) -> Actor | None:
    """A passive agent right after the trigger: "was released by Mistral"."""
    stripped = after.lstrip()
    if not stripped.lower().startswith("by "):
        return None
    picked = _pick_org(lex, stripped[3:60])
    return Actor(picked[0], "agent", picked[1]) if picked else None


def media_speaker(lex: Lexicon, region: str) -> bool:
    """The speaker is a media organisation or "media reports" ("Bloomberg reported that ...")."""
    orgs = org_mentions(lex, region)
    if orgs and all(kind == "media" for *_x, kind in orgs):
        return True
    return not orgs and bool(lex.rx["media_speaker"].search(region))


def first_actor_org(orgs: tuple[tuple[int, int, str, str], ...], text: str = "") -> str:
    """The first actor-kind organisation among a sentence's org_mentions (for anaphora), or '';
    one inside a prepositional phrase or a possessive ("than Nvidia's chip") does not count."""
    for start, end, name, kind in orgs:
        if text and (_in_phrase(text, start, end) or text[end : end + 1] in ("'", "’")):
            continue
        if kind in _ACTOR_KINDS:
            return name
    return ""
