"""Events told inside relative clauses and participial appositives of a clause: "OpenAI, which
raised $40 billion in March, …", "Ruta, founded in 2019 by two engineers, …", "the lab's own
chat app, which went live in July" — each with its own time, about the organisation it follows."""

from __future__ import annotations

import datetime as dt
import re

from desktop.extract.actors import Actor, DocState, org_mentions
from desktop.extract.generic_relative import relative_action
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.orgnames import canonical, subject_name
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit, find_trigger, is_negated, planned_cue, relative_spans

_RELATIVE_PRONOUN = re.compile(r",\s*(?:which|who|whose)\s*")
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-ZÀ-Þ][\w&.-]*(?:\s+[A-ZÀ-Þ][\w&.-]*){0,3}$")
_ANAPHOR_HEAD = re.compile(
    r"^\s*(?:The|the)\s+(?:company|firm|start-?up|startup|group|lab|business|bank)\s*$"
)
_OWNED_PRODUCT = re.compile(
    r"\b(?:its|their|the\s+(?:company|firm|start-?up|startup|lab|group)[’']s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:model|chip|app|product|system|robot|device|phone|car|platform|service|assistant"
    r"|chatbot|version|processor|tool|feature)s?\s*$",
    re.I,
)
_LEAD_COMMA = re.compile(r",?\s*")
_APPOSITIVE_BEFORE = re.compile(  # "Nu Holdings, Nubank's parent," before "which"
    r"([A-Z][\w&.-]*),\s+(?:the\s+|an?\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}$"
)


def _relative_head(
    lex: Lexicon, text: str, at: int, state: DocState | None
) -> tuple[int, str] | None:
    """The organisation a relative clause at ``at`` is about: a known one, or a name the
    document introduced as an organisation ("Zuri, which …" after "start-up Zuri Health")."""
    appositive = _APPOSITIVE_BEFORE.search(text, 0, at)
    for start, end, name, kind in org_mentions(lex, text):
        if end == at and kind in ("company", "lab"):
            return start, name
        if appositive and end == appositive.end(1) and kind in ("company", "lab"):
            return start, name  # "Nu Holdings, Nubank's parent, which reported …"
    if state is None:
        return None
    if state.salient and _ANAPHOR_HEAD.search(text, 0, at):
        return 0, state.salient  # "The company, founded in 2020 by …, plans …"
    owned = _OWNED_PRODUCT.search(text, 0, at)
    if state.salient and owned:
        return owned.start(), state.salient  # "… the lab's own chat app, which went live in July"
    m = _NAME_BEFORE.search(text, 0, at)
    if m is None:
        return None
    name = canonical(m.group(0), state.local_orgs)
    if name in state.local_orgs or subject_name(lex, text[:at]) == m.group(0):
        return m.start(), name  # "Zuri, which …" (introduced) or the clause's own subject
    return None


def relative_events(
    lex: Lexicon,
    clause: Span,
    index: int,
    published: dt.date | None,
    state: DocState | None = None,
) -> list[Mention]:
    """Events told in a relative clause about an organisation, when they carry their own time:
    "OpenAI, which raised $40 billion in March, …" (without a time they are background)."""
    if "," not in clause.text:
        return []  # both forms follow a comma
    out = []
    founded = [(m.start(), m.end()) for m in lex.rx["founding_appositive"].finditer(clause.text)]
    for a, b in relative_spans(lex, clause.text) + founded:
        head = _relative_head(lex, clause.text, a, state)
        if head is None:
            continue
        pronoun = _RELATIVE_PRONOUN.match(clause.text, a)
        a += len(pronoun.group(0)) if pronoun else len(_LEAD_COMMA.match(clause.text, a).group(0))
        b = len(clause.text[:b].rstrip(", "))
        span = Span(clause.start + a, clause.start + b, clause.text[a:b])
        hit = find_trigger(lex, span.text, roles=("action",) if pronoun else ("founding",))
        if hit is None and pronoun:  # "Nvidia, which invested earlier this year, …"
            hit = relative_action(lex, span.text)
        if hit is None and not pronoun:  # "the AI Alliance, formed by IBM and Meta in 2023,"
            verb = span.text.split()[0]
            hit = Hit("other", "founding", "time", 0, len(verb), verb)
        if hit is None or is_negated(lex, span.text, hit):
            continue
        time = nearest_time(
            clause_times(lex, span.text, span.start, published, planned_cue(lex, span.text, hit)),
            span.start,
            span.end,
            span.start + hit.start,
        )
        if time is None:
            continue
        evidence = Span(clause.start + head[0], span.end, "")
        actor = Actor(head[1], "gazetteer")
        mention = make_mention(lex, span, index, hit, len(span.text), actor, time)
        mention.start, mention.end = evidence.start, evidence.end
        out.append(mention)
    return out
