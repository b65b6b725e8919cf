"""Past events told in a noun phrase's modifier, each with its own time: a participle ("the
group formed by IBM and Meta in December 2023", "Humain, the company created by the fund in
May", "An investigation, launched in June, …"), a relative clause ("the unit that was shut down
in December 2024", "which the agency inaugurated in June 2022") or a contact clause ("the corpus
it put out in late May").

The verbs and their kinds are lexicon data (``participle.<kind>``); who acted is the passive
agent, else the subject inside the clause, else an organisation named in the noun phrase, else
the organisation just before it, else the document's salient organisation.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from desktop.extract.actors import Actor, DocState, org_mentions
from desktop.extract.lexicon import Lexicon, consumed_guard, word_scanner
from desktop.extract.lowered import case_sensitive_twin, lowered
from desktop.extract.mentions import Mention, make_mention, times_in
from desktop.extract.names import product_names
from desktop.extract.orgnames import canonical
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit
from desktop.extract.types import TimeExpression

_LEAD_WINDOW = 90
_TIME_GAP = 2  # the time expression follows the verb (or its agent) directly
_NAME = re.compile(r"(?<![\w’'])[A-Z][\w.&-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*){0,4}")
_POSSESSOR = re.compile(r"(?<![\w’'])([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})[’']s\s[^,;]*,?\s*$")
_AGENT = re.compile(r"\s+by\s+([^,;]{2,80}?)(?=\s+(?:in|on|at|last|earlier|this|during)\b)")
_TIME_NEXT = re.compile(
    r"\s+(?:in|on|at|last|earlier|this|during|by|from|(?:early|mid|late)[- ]"
    r"|[A-Z][a-z]{2,8}\.?\s+\d)",
)
_TIME_WINDOW = 60
_HEAD_WINDOW = 60  # how far before the participle its noun phrase's product name may start
_FIRST_WORD = re.compile(r"[a-z][a-z-]*(?=\\s|$)")
_PRONOUN = re.compile(r"^(?:it|they)$", re.I)
_NOUN_PHRASE = re.compile(r"\b(?:the|an?|its|their)\s+[^,;]{0,60}$", re.I)
_OWNED = re.compile(r"(?:its|their|the\s+[\w-]+[’']s)\s", re.I)
_ITS_NAMED = re.compile(r"\s*(?:Its|Their|its|their)\s+[^,;]{1,60},\s*[^,;]{1,60},\s*$")
_LEADS = ("participle_lead.relative", "participle_lead.reduced", "participle_lead.fronted")


_Scan = re.Pattern[str] | None


@lru_cache(maxsize=8)
def _verbs(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], _Scan, _Scan] | None:
    """One pattern over every participle of the lexicon, one named group per kind: as given
    (case-insensitive), as a case-sensitive twin for lower-cased text, and a scanner for the
    first words of its alternatives (a cheap prefilter; None when an alternative does not start
    with a word), with its ``consumed_guard`` form."""
    kinds = {k.split(".", 1)[1]: rx for k, rx in lex.rx.items() if k.startswith("participle.")}
    if not kinds:
        return None
    body = "|".join(f"(?P<{kind}>{rx.pattern})" for kind, rx in kinds.items())
    caseless = re.compile(rf"\b(?:{body})\b", re.I)
    firsts = [_FIRST_WORD.match(alt) for rx in kinds.values() for alt in rx.pattern.split("|")]
    words = word_scanner([f.group(0) for f in firsts if f]) if all(firsts) else None
    return caseless, case_sensitive_twin(caseless) or caseless, words, consumed_guard(words)


def _verb_matches(lex: Lexicon, text: str) -> list[re.Match[str]]:
    verbs = _verbs(lex)
    if verbs is None:
        return []
    low = lowered(text)
    if low is None:
        return list(verbs[0].finditer(text))
    start = 0
    if verbs[2] is not None:  # a consumed_guard form finds the same first start in " " + low
        first = verbs[3].search(" " + low) if verbs[3] is not None else verbs[2].search(low)
        if first is None:
            return []
        start = first.start()  # every match opens with one of the scanner's words
    return list(verbs[1].finditer(low, start))


def _named_org(lex: Lexicon, text: str, state: DocState | None, last: bool = False) -> str:
    """An organisation named in ``text``: a known one, else a capitalised name ("the General
    Motors unit"), mapped to the document's full name for it."""
    known = [o for o in org_mentions(lex, text) if o[3] in ("company", "lab", "investor")]
    if known:
        return (known[-1] if last else known[0])[2]
    names = [m.group(0) for m in _NAME.finditer(text)]
    names = [
        n
        for n in names
        if n.split()[0] not in lex.name_stop_words
        and n not in lex.not_actor_words
        and n not in lex.place_names
        and not lex.rx["product_name"].fullmatch(n)
    ]
    if not names:
        return ""
    name = names[-1] if last else names[0]
    return canonical(name, state.local_orgs) if state is not None else name


def _lead(lex: Lexicon, text: str, at: int) -> re.Match[str] | None:
    """The modifier structure ending right before the verb at ``at`` (the lead patterns end
    with ``$``), if any."""
    lo = max(0, at - _LEAD_WINDOW)
    for key in _LEADS:
        m = lex.rx[key].search(text, lo, at)
        if m is not None:
            return m
    return None


def _actor(
    lex: Lexicon, text: str, lead: re.Match[str], agent: str, state: DocState | None, index: int
) -> str:
    if agent:
        return _named_org(lex, agent, state)
    named = _inner_actor(lex, text, lead, state)
    if named:
        return named  # "which the EuroHPC Joint Undertaking inaugurated"
    inner = (lead.groupdict().get("inner") or "").strip()
    cut = lead.start("inner") if inner else lead.end()
    phrase = _NOUN_PHRASE.search(text, 0, cut)
    if phrase and _OWNED.match(phrase.group(0)) and state is not None:
        return state.antecedent(index)  # "the lab's own chat app, which went live in July"
    if phrase and not inner:
        named = _named_org(lex, phrase.group(0), state)
        if named:
            return named  # "the General Motors unit that was shut down"
    head = text[: phrase.start() if phrase else cut]
    if state is not None and _ITS_NAMED.match(head):
        return state.antecedent(index)  # "Its model, Kite 2, released earlier this month"
    owner = _POSSESSOR.search(head)
    before = _named_org(lex, owner.group(1) if owner else head, state, last=True)
    if before:
        return before  # "EleutherAI's Common Pile v2, the corpus it put out in late May"
    return state.antecedent(index) if state is not None else ""


def _inner_actor(lex: Lexicon, text: str, lead: re.Match[str], state: DocState | None) -> str:
    """The subject named inside a relative clause ("which the agency approved"), or ''."""
    inner = (lead.groupdict().get("inner") or "").strip()
    if inner and not _PRONOUN.match(inner):
        return _named_org(lex, inner, state)
    return ""


def _kind(lex: Lexicon, verb: re.Match[str], text: str, lead: re.Match[str]) -> str:
    """The verb's kind; open-source framing makes a release open_source ("the openly licensed
    corpus it put out"); a release verb about no product ("an investigation, launched in
    June") is another kind of occurrence."""
    kind = verb.lastgroup or "other"
    window = text[max(0, lead.start() - 40) : verb.start()]
    if kind == "release" and lex.rx["open_source_framing"].search(window):
        return "open_source"
    if kind == "release" and not lex.rx["product_nouns"].search(window):
        return "other"
    return kind


def participial_events(
    lex: Lexicon, clause: Span, index: int, published: dt.date | None, state: DocState | None
) -> list[Mention]:
    """Events of the clause's participial and relative modifiers that carry their own time."""
    text = clause.text
    out = []
    for m in _verb_matches(lex, text):
        agent = _AGENT.match(text, m.end())
        after = agent.end() if agent else m.end()
        if not _TIME_NEXT.match(text, after):
            continue  # cheap test first: no time expression right after the verb
        lead = _lead(lex, text, m.start())
        if lead is None:
            continue
        window = text[after : after + _TIME_WINDOW]
        time = next(
            (
                t
                for t in times_in(window, clause.start + after, published, False)
                if t.interval.is_resolved and t.start - clause.start - after <= _TIME_GAP
            ),
            None,
        )
        actor = _actor(lex, text, lead, agent.group(1) if agent else "", state, index)
        if actor and not agent and lex.rx["participle_needs_actor"].match(m.group(0)):
            actor = _inner_actor(lex, text, lead, state)  # "The law, passed in 2023": by whom?
        if time is None or not actor:
            continue
        out.append(_mention(lex, clause, index, m, lead, actor, time))
    return out


def _mention(
    lex: Lexicon,
    clause: Span,
    index: int,
    verb: re.Match[str],
    lead: re.Match[str],
    actor: str,
    time: TimeExpression,
) -> Mention:
    text = clause.text
    lo, hi = lead.start(), time.end - clause.start
    lo += len(text[lo:hi]) - len(text[lo:hi].lstrip(",; "))
    kind = _kind(lex, verb, text, lead)
    hit = Hit(kind, "action", "", verb.start() - lo, verb.end() - lo, verb.group(0))
    span = Span(clause.start + lo, clause.start + hi, text[lo:hi])
    mention = make_mention(lex, span, index, hit, len(span.text), Actor(actor, "agent"), time)
    if mention.subject == hit.text:  # nothing after the verb: "R1, released in May," is about R1
        named = product_names(lex, text[max(0, lead.start() - _HEAD_WINDOW) : lead.start()])
        mention.subject = named[-1] if named else mention.subject
    mention.kind = kind
    mention.status = "happened"
    return mention
