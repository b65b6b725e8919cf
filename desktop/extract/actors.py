"""Who did it: the actor of a clause from its subject region, a passive agent, a fronted
participle or a trailing speaker; organisations and people come from ``orgmentions`` and
``people``, what the document established so far from ``DocState``.
"""

from __future__ import annotations

import itertools
import re

from desktop.extract.actor_words import actor_words, only_descriptive
from desktop.extract.cues import has_cue, lowered, opinion_role
from desktop.extract.docstate import Actor, DocState
from desktop.extract.lexicon import Lexicon
from desktop.extract.orgmentions import (
    ACTOR_KINDS,
    OrgMention,
    in_phrase,
    learn_organisations,
    local_org,
    org_mentions,
)
from desktop.extract.orgnames import (
    BODY,
    DATELINE,
    canonical,
    fronted_subject,
    iter_subject_names,
)
from desktop.extract.people import ROLE, fold_accents, known_people, learn_people, people_in

__all__ = [
    "Actor",
    "DocState",
    "agent_actor",
    "first_actor_org",
    "fronted_actor",
    "learn_organisations",
    "learn_people",
    "media_speaker",
    "org_mentions",
    "subject_actor",
    "trailing_actor",
]

_TWIN_DATELINE = re.compile(r"^\s*[A-Z][A-Z .’'-]+(?:/[A-Z][A-Z .’'-]+)+\s*(?:--|—|–|-)\s+")
_OWNER_ROLE = re.compile(
    rf"(?<![\w’'-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}})[’']s\s+{ROLE}"
    r"(?:\s+[A-Z][\w’'-]*){0,3}\s*$"
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
_BEFORE_AND = re.compile(r"(?<![\w’'-])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:and|&)\s+")
_SUSPENDED_HYPHEN = re.compile(
    r"(?<![\w’'-])(?:(?!(?:The|A|An)\b)[A-Z][\w.]*\s+){0,2}[\w.]+-\s+(?:and|or)\s+"
    r"(?=[\w.]+-[a-z]+\b)"
)
# "The smartphone maker showed …", "the search giant said": an organisation by description
_DESCRIBED = re.compile(
    r"\s*(?:the|this)\s+(?:[a-z][\w-]*\s+){1,2}(?:maker|giant|company|firm|group|developer"
    r"|designer|operator|provider|start-?up|lab|retailer|lender|carrier|manufacturer|supplier"
    r"|chipmaker|automaker|carmaker|conglomerate)\b(?![’'-])",
    re.I,
)
# examples and rivals named in passing ("members include SAP", "groups such as …", "Rival
# Oracle"): not the organisation the article goes on to call "the company"
_EXAMPLES = re.compile(
    r"\b(?:[Ii]nclud(?:ing|es?|ed)|[Ss]uch\s+as|like(?=\s+[A-Z])|[Aa]mong\s+them|[Rr]ivals?"
    r"|[Cc]ompetitors?|[Pp]eers?)\b"
)
_OWNER_BEFORE = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?[’']s\s+$")
# "It raised Rs 250 crore in a Series B round": "it" is the subject, the names its objects; not
# "It said Acme …" (another subject follows) nor "It was Acme that …"
_IT_ACTS = re.compile(
    r"\s*It\s+(?:(?:has|have|had|also|then|later|now|already|just|first|\w+ly)\s+)*"
    r"(?!(?:is|was|be|been|will|would|could|can|may|might|should|must|said|says|told|tells"
    r"|announced|announces|added|adds|noted|notes|expects|expected|believes|believed|thinks"
    r"|thought|estimates|estimated|reported|reports|confirmed|confirms|argues|argued)\b)"
    r"[a-z]+\s+(?=.*[A-Z])"
)
# "…, said it " ending a region: "it" is the speaker, an organisation (named before the verb)
_SAID_IT = re.compile(
    r"\b(?:said|says|announced|announces|added|confirmed|confirms|told\s+\w+)\s+(?:that\s+)?"
    r"it\s*$"
)
# "Construction is scheduled …", "Production will start …", "Deployment has begun …"
_PROCESS_NOUN = re.compile(r"[A-Z][a-z]+(?:tion|sion|ment)s?")
_INSTITUTIONS = frozenset(
    [
        "Parliament",
        "Government",
        "Department",
        "Commission",
        "Administration",
        "Federation",
        "Foundation",
        "Corporation",
        "Organisation",
        "Organization",
        "Association",
        "Coalition",
    ]
)
_AUX_AFTER = re.compile(r"\s+(?:is|was|are|were|will|would|has|have|had|should|could)\b")
_LAW_WORDS = frozenset(
    ("Act", "Law", "Directive", "Regulation", "Bill", "Code", "Treaty", "Convention")
)
# "The US rule requiring licences …", "The EU's new law on …": a law named by its maker
_LAW_SUBJECT = re.compile(
    r"\s*(?:[Tt]he|[Aa])\s+((?:EU|U\.?S\.?|UK|[A-Z][a-z]+)(?:[’']s)?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rule|law|ban|regulation|directive|act|bill|export\s+controls?)s?\b(?![’'])"
)
_COMPOUND = re.compile(r"-[a-z]+\b")
_SPOKESPERSON = re.compile(
    r"\s+(?:spokes(?:person|man|woman)|official|representative|executive|engineer)s?\b"
)
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?![\w])")
_UNIT_AFTER = re.compile(r"\s+(?:division|unit|arm|segment|business|subsidiary)\b", re.I)
_GENITIVE_BEFORE = re.compile(r"(?:[’']s|(?<=s)[’'])\s$")
# "Nuvem, in which Qasr Digital agreed to take a stake": the trigger is inside the relative
_PREP_WHICH = re.compile(
    r",\s*(?:in|of|for|under|by|to|with|from|through|into|on)\s+(?:which|whom)\s+(?=[^,;]*$)"
)


def _mask_relatives(lex: Lexicon, region: str) -> str:
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    if "- " in region:  # "The New York- and Paris-based company" -> "The Paris-based company"
        region = _SUSPENDED_HYPHEN.sub(blank, region)
    region = lex.rx["participial_appositive"].sub(blank, region)
    return lex.rx["appositive"].sub(blank, lex.rx["relative_clause"].sub(blank, region))


def _may_name_people(lex: Lexicon, region: str, state: DocState) -> bool:
    """A cheap test before _names: a known person or leader occurs in ``region`` at all."""
    if any(person in region for person in state.leaders):
        return True
    return next(known_people(lex, region), None) is not None


def _names(lex: Lexicon, region: str) -> list[str]:
    """People's names, then single capitalised words (surnames), in ``region``."""
    folded = fold_accents(region)  # "Núñez said"
    single = [region[m.start() : m.end()] for m in _CAPITALISED.finditer(folded)]
    return [n for _s, _e, n in people_in(lex, region)] + single


def _pick_org(lex: Lexicon, region: str) -> tuple[str, bool] | None:
    """The last actor-kind organisation in ``region``; (name, speaker_is_analyst)."""
    modifier = actor_words().modifies_name
    mentions = org_mentions(lex, region)
    orgs = [
        _parent_of_unit(region, o, mentions)
        for o in mentions
        if not in_phrase(region, o[0], o[1])
        and not (modifier and modifier.match(region, o[1]))  # "Mistral rival Kyutai"
        and not _COMPOUND.match(region, o[1])  # "Nvidia-backed Corvane"
    ]
    usable = [o for o in orgs if o[3] in ACTOR_KINDS]
    if len(usable) >= 2 and _AND.fullmatch(region[usable[-2][1] : usable[-1][0]]):
        return usable[-2][2], False  # "Kakao and OpenAI announced": the first named
    if usable:
        return usable[-1][2], False
    if orgs:
        return orgs[-1][2], True
    return None


def _parent_of_unit(region: str, org: OrgMention, mentions: tuple[OrgMention, ...]) -> OrgMention:
    """ "head of Samsung's Device Solutions division": the unit acts for its parent, the
    organisation named as its possessor; any other mention as it is."""
    if not _UNIT_AFTER.match(region, org[1]):
        return org
    genitive = _GENITIVE_BEFORE.search(region, 0, org[0])
    if genitive is None:
        return org
    parent = next((o for o in mentions if o[1] == genitive.start()), None)
    return parent if parent is not None and parent[3] in ACTOR_KINDS else org


def _org_like(lex: Lexicon, name: str, state: DocState) -> bool:
    """A name the document introduced, a public body, or one ending in a company suffix or an
    organisation's head word ("Kessel Rail", "Linton Hospital", "Brayford Town FC")."""
    return (
        name in state.local_orgs
        or BODY.fullmatch(name) is not None
        or (" " in name and name.rsplit(None, 1)[-1] in actor_words().org_head_words)
        or any(m.end() == len(name) for m in lex.rx["org_suffix"].finditer(name))
    )


def _unknown_org(lex: Lexicon, region: str, state: DocState, strict: bool) -> str:
    """The grammatical subject when it is a name the gazetteer does not know; with ``strict``
    (a speaker) only a name that looks like an organisation, not a person's."""
    for at, raw in itertools.islice(iter_subject_names(lex, region), 1):
        if _PRODUCT_APPOSITION.search(region[:at]):
            return ""  # "Its previous model, Orbit-R1, was released": a product
        name = state.aliases.get(raw) or canonical(raw, state.local_orgs)
        rest = region[at + len(raw) :]
        if (
            _PROCESS_NOUN.fullmatch(name)
            and name not in _INSTITUTIONS
            and name not in state.local_orgs
            and (not rest.strip() or _AUX_AFTER.match(rest))
        ):
            return ""  # "Construction is scheduled to begin …": a process, not an actor
        if name in state.opinion or name.split()[-1] in state.opinion:
            return ""
        if lex.rx["product_name"].fullmatch(name) or (
            lex.products and lex.products.fullmatch(name)
        ):
            return ""
        if words_of_law(name):  # "The EU AI Act entered into force": the EU's
            owner = _OWNER_BEFORE.search(region, 0, at)  # "Japan's AI Promotion Act"
            return law_maker(lex, f"{owner.group(0)}{name}" if owner else name)
        org_like = _org_like(lex, name, state)
        if strict and not org_like:
            return ""
        words = name.split()
        person_like = words[0] in lex.given_names and words[-1] not in actor_words().org_head_words
        if not org_like and len(words) > 1 and person_like:
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
    inner = _PREP_WHICH.search(region) if "which" in region or "whom" in region else None
    if inner is not None:
        region = " " * inner.end() + region[inner.end() :]  # the relative clause's own subject
    region = _mask_relatives(lex, region)
    # "BEIJING (Reuters) - …", "ABU DHABI/SAO PAULO - …": the agency or places are no subject
    dateline = DATELINE.match(region) or _TWIN_DATELINE.match(region)
    if dateline:
        region = " " * dateline.end() + region[dateline.end() :]
    said = _SAID_IT.search(region) if region.rstrip().endswith(" it") else None
    speaker = subject_actor(lex, region[: said.start()], state, index) if said else None
    if speaker is not None:
        return speaker  # "Telia, in which the state holds a stake, said it …": Telia speaks
    if region.lstrip().startswith("It ") and _IT_ACTS.match(region) and state.antecedent(index):
        return Actor(state.antecedent(index), "anaphor")  # "It raised Rs 250 crore in a round"
    names: list[str] | None = None
    low = lowered(region)
    opinion = has_cue(lex, "roles.opinion", region, low) and opinion_role(lex, region)
    if not opinion and any(p in region for p in state.opinion):  # a cheap test first
        names = _names(lex, region)
        opinion = any(n in state.opinion for n in names)
    picked = _pick_org(lex, region)
    if picked is not None:
        first = _coordinated_first(lex, region, state, picked[0])
        return Actor(first or picked[0], "gazetteer", opinion or picked[1])
    local = local_org(region, state)
    if local:
        return Actor(local, "gazetteer", opinion)
    if _may_name_people(lex, region, state):
        for name in reversed(_names(lex, region) if names is None else names):  # "Altman said"
            if name in state.leaders or name in lex.people:
                return Actor(state.leaders.get(name) or lex.people[name], "person", opinion)
    unknown = _unknown_org(lex, region, state, strict)
    if unknown:
        return Actor(unknown, "subject", opinion)
    return _owner_actor(lex, region, state, index, opinion, low)


def _owner_actor(
    lex: Lexicon, region: str, state: DocState, index: int, opinion: bool, low: str | None
) -> Actor | None:
    """No organisation named as the subject: one whose leader, unit or product is ("Acme's
    founder", "Acme's venture arm", "Its investment unit"), a public body, or an anaphor."""
    possessive = "'s" in region or "’s" in region
    owner = _OWNER_ROLE.search(region) if possessive else None  # "Acme's founder (Jane Roe)"
    if owner and not in_phrase(region, owner.start(), owner.end()):
        return Actor(canonical(owner.group(1), state.local_orgs), "person", opinion)
    words = actor_words()
    unit = words.unit.search(region) if any(n in region for n in words.unit_nouns) else None
    if unit and not in_phrase(region, unit.start(), unit.end()):
        name = re.sub(r"[’']s$", "", unit.group(1))
        if name.lower() not in ("its", "their"):
            return Actor(canonical(name, state.local_orgs), "subject", opinion)
        if state.antecedent(index):
            return Actor(state.antecedent(index), "anaphor", opinion)
    described = _described(region, state)
    if described:
        return Actor(described, "anaphor", opinion)  # "The foundation intends to publish …"
    law = _LAW_SUBJECT.match(region)
    if law and law_maker(lex, law.group(1)):
        return Actor(
            law_maker(lex, law.group(1)), "subject", opinion
        )  # "The US rule … took effect"
    body = lex.rx["descriptive_body"].search(region)
    if body and not in_phrase(region, body.start(), body.end()):
        return Actor(body.group(0), "subject", opinion)  # "Brazil's central bank said …"
    if has_cue(lex, "anaphor", region, low) or _DESCRIBED.match(region):
        # "The company plans to buy H100 chips": the company, never the chips' maker
        antecedent = state.antecedent(index)
        return Actor(antecedent, "anaphor", opinion) if antecedent else None
    if _ITS_PRODUCT.match(region) and state.antecedent(index):
        return Actor(state.antecedent(index), "anaphor", opinion)  # "Its previous model, X,"
    if lex.products is not None:
        owned = [lex.product_owner[m.group(0)] for m in lex.products.finditer(region)]
        if owned:
            return Actor(owned[-1], "product", opinion)
    return None


def words_of_law(name: str) -> bool:
    """ "EU AI Act", "Digital Markets Act", "Data Act": the name of a law, not of an actor."""
    return name.rsplit(None, 1)[-1] in _LAW_WORDS


def law_maker(lex: Lexicon, name: str) -> str:
    """Who made the law ``name`` opens with ("EU AI Act" -> European Union, "UK Online Safety
    Act" -> UK government, "US rule" -> US government, "Brazil's AI law" -> Brazil
    government); '' when its name does not say."""
    owner = re.split(r"[’']s\s", name, maxsplit=1)
    if len(owner) == 2:
        maker = "European Union" if owner[0] == "EU" else owner[0]  # "European Union's AI Act"
        return f"{maker} government" if maker in lex.place_names else maker
    first = re.sub(r"[’']s$", "", name.split()[0]).replace(".", "")
    if first == "EU":
        return "European Union"
    if first in ("US", "UK") or first in lex.place_names:
        return f"{first} government"
    return ""


def _described(region: str, state: DocState) -> str:
    """ "The foundation …", "the Leeds club has …": the organisation the article named with that
    head word ("Open Weights Europe Foundation", "Brayford Town FC"); '' when it named none."""
    words = region.split(None, 4)[:4] if state.headed else ()
    if not words or words[0].lower() not in ("the", "this", "that"):
        return ""
    noun = next((w.lower() for w in words[1:] if w.lower() in state.headed), "")
    return state.described(noun) if noun else ""


def _coordinated_first(lex: Lexicon, region: str, state: DocState, picked: str) -> str:
    """ "Pony.ai and Uber announced …": the first-named party when the gazetteer knows only
    the second; '' otherwise."""
    for start, _end, name, kind in org_mentions(lex, region):
        if name != picked or kind not in ACTOR_KINDS:
            continue
        m = _BEFORE_AND.search(region, 0, start)
        if m is None or m.end() != start or in_phrase(region, m.start(), m.end()):
            continue
        first = canonical(m.group(1), state.local_orgs)
        words = first.split()
        if (
            words[0] in lex.name_stop_words
            or first in lex.place_names
            or first in lex.not_actor_words
            or only_descriptive(first)
            or (len(words) > 1 and words[0] in lex.given_names)
        ):
            return ""
        return first
    return ""


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
    one inside a prepositional phrase or a possessive ("than Nvidia's chip") does not count, nor
    one named as an example or a rival, after which the sentence names none that counts."""
    examples = _EXAMPLES.search(text) if text and orgs else None
    for start, end, name, kind in orgs:
        if kind not in ACTOR_KINDS:
            continue
        if examples is not None and start >= examples.start():
            break  # "… by eight groups including Toyota", "Rival Oracle has also reported …"
        if text and (in_phrase(text, start, end) or text[end : end + 1] in ("'", "’")):
            continue
        if text and _SPOKESPERSON.match(text, end):
            continue  # "A Hyundai Mobis spokesperson said …": another party's comment
        return name
    return ""
