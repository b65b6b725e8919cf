"""Who acts in a clause the general detector reads (generic_clause.py): whether the words
before a verb end with a subject (a name, an organisation noun, a pronoun; adverbs, a time
adverbial and an appositive set aside), and the actor they resolve to through the actor code.
"""

from __future__ import annotations

import re

from desktop.extract.actions import Actions
from desktop.extract.actors import Actor, DocState, agent_actor, subject_actor
from desktop.extract.clause_checks import pronoun_leader
from desktop.extract.lexicon import Lexicon

_TIME_TAIL = re.compile(
    r",?\s*(?:on\s+\w+day|(?:last|this|earlier\s+this|later\s+this|next)\s+(?:year|month|week"
    r"|quarter)|in\s+(?:early\s+|late\s+|mid-?)?[A-Z][a-z]+(?:\s+\d{4})?|in\s+\d{4}"
    r"|on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}|yesterday|today)\s*,?\s*$"
)
_NAME_RUN = re.compile(r"(?:(?:[\w’'.&-]*[A-Z][\w’'.&-]*|of|and|for|de|&)\s+)*[\w’'.&)-]+\W*$")
_PREV_WORD = re.compile(r"(?<!\S)([\w’'-]+)\s+$")
_BARE_APPOSITIVE = re.compile(r"^(.*?[A-Z][\w.&)-]*),\s+[a-z][^,]{2,100},\s*$", re.S)
_LAST_WORD = re.compile(r"([\w’'.&-]+\)?)\W*$")
_POSSESSIVE = re.compile(r"[’']s?$")
_AGENT = re.compile(
    r"\s+(?:(?:on|in|at|last|this|earlier|late|early)\s+[\w-]+(?:\s+\d{4})?,?\s+)?by\s+"
)
_SCHEDULED_WORDS = 10
_BARE_NOUN = re.compile(r"[A-Z][a-z]+\s+(?:at|from|of|for|in|on|with)\s+(?:the|a|an|its|their)\b")
_PREPOSITIONS = frozenset(("for", "of", "from", "with", "in", "at", "on", "to", "by"))
_TIME_NAMES = frozenset(
    (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday",
    )
)  # fmt: skip
FOUNDING_VERBS = frozenset(("found", "co-found", "establish", "form", "set up", "incorporate"))
_FOUNDED_FORMS = frozenset(("founded", "co-founded", "established", "formed", "incorporated"))
_OBJECT_NAME = re.compile(r"\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?=[\s,.;]|$)")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_PRONOUNS = frozenset(("it", "they", "we"))
_PERSONAL = frozenset(("he", "she"))
_STRICT = False
_PERSON_ROLES = frozenset(
    ("founder", "co-founder", "cofounder", "ceo", "cto", "cfo", "coo", "chairman", "chairwoman")
)


def after_subject(actions: Actions, text: str, at: int) -> bool:
    """A cheap first look: the word before the verb group (adverbs aside) may end a subject."""
    before = text[max(0, at - 60) : at].split()
    for word in reversed(before[-4:]):
        if word.endswith(","):
            return True  # perhaps the end of an appositive ("Acme, a maker of X, opened")
        bare = word.strip(",;:")
        if bare.lower() in actions.adverbs or bare.endswith("ly"):
            continue
        return bare[:1].isupper() or bare.endswith(")") or bare.lower() in actions.subject_heads
    return not before


def blank(text: str, lo: int, hi: int, masked: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with relative clauses and appositives blanked out."""
    region = text[lo:hi]
    for a, b in masked:
        if a < hi and lo < b:
            a, b = max(a, lo) - lo, min(b, hi) - lo
            region = region[:a] + " " * (b - a) + region[b:]
    return region


def subject_ends(actions: Actions, region: str) -> bool:
    """The region before the verb ends with a subject: a name, a closing parenthesis or an
    organisation noun / pronoun, once adverbs, a time adverbial and an appositive without
    article ("Acme, maker of the X robot, opened") are set aside."""
    if _ends_subject(actions, region):
        return True
    bare = _BARE_APPOSITIVE.match(region)
    return bare is not None and _ends_subject(actions, bare.group(1))


def _ends_subject(actions: Actions, region: str) -> bool:
    core = region.rstrip(" ,")
    while True:
        tail = _TIME_TAIL.search(core)
        if tail is not None and tail.start() > 0:
            core = core[: tail.start()].rstrip(" ,")
            continue
        last = _LAST_WORD.search(core)
        if last is None:
            return False
        word = last.group(1)
        if word.lower() in actions.adverbs or (word.endswith("ly") and word.islower()):
            core = core[: last.start()].rstrip(" ,")
            continue
        break
    if word.endswith(")") or word.lower() in actions.subject_heads:
        return True
    named = any(c.isupper() for c in word)  # "Acme", "xAI", "eBay"
    if (
        not named
        or word.rstrip(".,") in _TIME_NAMES
        or _POSSESSIVE.search(word)
        or len(core.split()) > 12
    ):
        return False
    return not _object_before(actions, core[: _NAME_RUN.search(core).start()])


def _object_before(actions: Actions, head: str) -> bool:
    """ "the valuation Acme commanded": a noun right before the name makes it the subject of a
    contact clause, not of the sentence ("French start-up Acme opened" is fine)."""
    prev = _PREV_WORD.search(head)
    if prev is None:
        return False
    word = prev.group(1)
    return (
        word.islower()
        and word not in actions.subject_heads
        and word not in actions.before_subject
        and not word.endswith(("-based", "-backed", "-owned", "-listed"))
    )


def clause_actor(
    lex: Lexicon,
    text: str,
    region: str,
    agent_at: int,
    reported_at: int,
    state: DocState,
    index: int,
) -> Actor | None:
    """The organisation acting: the subject in ``region``, the speaker of a reporting verb at
    ``reported_at`` for "it" ("Acme said it opened …"), a leader's organisation for "he/she",
    or a passive agent ("by X") at ``agent_at`` (-1: not a passive with an agent)."""
    last = region.split()[-1].lower() if region.split() else ""
    if last in _PERSONAL:
        actor = pronoun_leader(lex, region, state, index)
    elif last in _PRONOUNS and reported_at > 0:
        actor = subject_actor(lex, text[:reported_at], state, index, _STRICT)
    else:
        actor = subject_actor(lex, region, state, index, _STRICT)
    if agent_at >= 0:
        actor = agent_actor(lex, text[agent_at:]) or actor
    if actor is not None and actor.opinion and _classifier_only(lex, region):
        actor = Actor(actor.name, actor.how, False)  # "technology investor Acme agreed to …"
    if actor is None or actor.opinion or actor.name in lex.place_names:
        return None
    person = actor.how == "subject" and actor.name not in state.local_orgs
    return None if person and _personal(lex, actor.name) else actor


def agent_follows(text: str, at: int, word: str) -> bool:
    """A cheap look: a capitalised "by" agent follows the verb ``word`` ending at ``at``, or a
    capitalised object a founding verb ("founded Acme")."""
    if word in _FOUNDED_FORMS:
        return _OBJECT_NAME.match(text, at) is not None
    by = _AGENT.match(text, at)
    return by is not None and text[by.end() : by.end() + 1].isupper()


def founded_org(lex: Lexicon, text: str, at: int) -> Actor | None:
    """The organisation a founding verb's object names when its subject is none ("Two former
    bankers founded Acme Pay, a Lisbon start-up, in May"): a known one or a capitalised name
    that is no person's or place's."""
    named = _OBJECT_NAME.match(text, at)
    if named is None:
        return None
    name = named.group(1)
    picked = agent_actor(lex, "by " + name)
    if picked is not None:
        return Actor(picked.name, "subject")
    if name in lex.place_names or _personal(lex, name) or name.split()[0] in lex.given_names:
        return None
    return Actor(name, "subject")


def passive_agent(lex: Lexicon, text: str, at: int) -> Actor | None:
    """The named agent of a passive whose subject is no organisation ("A loan to Beta was
    approved on Monday by Acme"), a time adverbial aside; None without a named agent."""
    by = _AGENT.match(text, at)
    if by is None:
        return None
    actor = agent_actor(lex, text[by.end() - 3 :])
    return None if actor is None or actor.name in lex.place_names else actor


def scheduled_subject(actions: Actions, region: str, starts: bool = False) -> bool:
    """A definite noun phrase naming a thing, not an organisation or a forecast's quantity
    ("The first product", "Its new plant", "The company's assistant"), before a plan; or a bare
    one opening the clause that names a product ("Open weights for the small model are due in
    July"). With ``starts`` (the plan starts something: "is scheduled to begin") a quantity may
    start too ("Output from the new line is scheduled to begin in 2028")."""
    words = region.split(",")[0].split()  # an appositive aside ("The plant, a …,")
    if not words or len(words) > _SCHEDULED_WORDS:
        return False
    first, last = words[0].lower(), words[-1].rstrip(",")
    opens = first in actions.scheduled_determiners or _POSSESSIVE.search(first) is not None
    if not opens and words[0][:1].isupper() and first not in _PRONOUNS:
        head = next((w for w in reversed(words[: _head_end(words)]) if w.isalpha()), "")
        low = " ".join(words).lower()
        bare = head.islower() or head == words[0]
        return (
            bare
            and (starts or bool(scheduled_kind(actions, low)))
            and (starts or head.lower() not in actions.forecast_nouns)
        )
    return (
        opens
        and last.isalpha()
        and last.islower()
        and (starts or last not in actions.forecast_nouns)
        and last not in _PRONOUNS
    )


def _head_end(words: list[str]) -> int:
    """Where a bare noun phrase's head ends: before its first prepositional phrase."""
    return next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))


def scheduled_kind(actions: Actions, low_region: str) -> str:
    """The kind the scheduled thing gives its event ("Open weights …": open_source, "The
    first product …": release), or '' (the predicate decides)."""
    return next((k for k, rx in actions.scheduled_kinds if rx.search(low_region)), "")


def scheduled_owner(
    lex: Lexicon, text: str, region: str, state: DocState, index: int
) -> Actor | None:
    """Whose scheduled thing it is: the owner the subject names ("Acme's robot", "Its
    plant"), else the organisation in reach."""
    actor = clause_actor(lex, text, region, -1, -1, state, index)
    if actor is not None and not bare_noun(region, actor):
        return actor
    return Actor(state.antecedent(index), "anaphor") if state.antecedent(index) else None


def bare_noun(region: str, actor: Actor) -> bool:
    """An unknown one-word "name" opening the clause before a prepositional phrase is a common
    noun ("Production at the plant", "Output from the line"), not an organisation."""
    return actor.how == "subject" and _BARE_NOUN.match(region.lstrip()) is not None


def _classifier_only(lex: Lexicon, region: str) -> bool:
    """Every opinion role in the subject only classifies the name right after it ("Abu Dhabi
    technology investor Acme"): the named organisation acts, no commentator speaks."""
    cues = list(lex.rx["roles.opinion"].finditer(region))
    return bool(cues) and all(_CAPITAL_NEXT.match(region, m.end()) for m in cues)


def _personal(lex: Lexicon, name: str) -> bool:
    """An unknown name that is a person's ("Founder Jane Roe", "Jane Roe"), not an
    organisation's."""
    words = name.split()
    if any(w.lower() in _PERSON_ROLES for w in words):
        return True  # "Founder Jane Roe"
    return len(words) in (2, 3) and words[0] in lex.given_names
