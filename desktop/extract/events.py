"""One clause → zero, one or two event mentions (trigger, actor, status, kind, time, subject)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from desktop.extract.actors import (
    Actor,
    DocState,
    agent_actor,
    fronted_actor,
    media_speaker,
    subject_actor,
    trailing_actor,
)
from desktop.extract.clause_checks import (
    is_forecast,
    on_occasion,
    place_acting,
    pronoun_leader,
    reporting_period,
)
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import (
    Mention,
    clause_times,
    make_mention,
    nearest_time,
    times_in,
)
from desktop.extract.plans import coordinated_action, coordination, planned_actions
from desktop.extract.quotes import is_strategy_quote, quote_tail, quoted_strategy
from desktop.extract.sentences import Span
from desktop.extract.triggers import (
    Hit,
    content_start,
    cue_at,
    find_trigger,
    is_negated,
    is_self_content,
    planned_cue,
    relative_spans,
    status_of,
)
from desktop.extract.types import TimeExpression

__all__ = ["Mention", "analyse_clause", "clause_times", "make_mention", "nearest_time", "times_in"]

_DATED_ROLES = ("action", "plan", "report", "commit", "event")  # roles that need no date
_SPEAKS_AS_ORG = re.compile(
    r"\s*(?:it|we|the\s+(?:company|firm|group|start-?up|bank|business|ministry|agency))\s", re.I
)
_PERSONAL_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:(?:\w+ly|also|has|had|then)\s+){0,2}$", re.I)
_UNNAMED_SPOKESPERSON = re.compile(
    r"\s*(?:a|the|its|their)\s+(?:company\s+|firm\s+)?(?:spokes(?:person|man|woman)|representative)"
    r"\s*",
    re.I,
)
_HAS_SINCE = re.compile(r"\b(?:has|have|had)\s+since\b", re.I)
_RELATIVE_CUT = re.compile(r"\b(?:that|which|who)\b")
_WISH = re.compile(r"\b(?:wanted|wants|hoped|hopes|prefers|preferred|would\s+like)\b")


def _object_follows(lex: Lexicon, text: str, hit: Hit, at: int) -> bool:
    """The content starts right after the verb, or after a time adverbial when the verb takes
    an object ("announced on Tuesday a €50 million fund")."""
    if at == hit.end:
        return True
    lead = lex.rx["report_adverbial"].match(text, hit.end)
    return (
        lead is not None
        and lead.end() == at
        and bool(lex.rx["announce_object_verbs"].match(hit.text.lower()))
    )


def _resolve_report(lex: Lexicon, text: str, hit: Hit, actor: Actor, at: int) -> Hit | None:
    """A reporting verb: the action itself when the speaker reports its own completed action,
    an announcement for other news about itself, a statement for a position; None for opinion."""
    if actor.opinion:
        return None
    content = text[at:]
    if _object_follows(lex, text, hit, at) and not is_self_content(lex, content, actor.name):
        direct = _RELATIVE_CUT.split(content, maxsplit=1)[0]
        inner = find_trigger(lex, direct, roles=("action",))
        if inner is not None:  # "announced a partnership with X": the action itself
            return replace(inner, start=inner.start + at, end=inner.end + at)
        if lex.rx["announce_object_verbs"].match(hit.text.lower()):
            return replace(hit, kind="announcement", role="object")  # "announced the X project"
        if len(content.split()) < 4 or not lex.rx["clause_content"].search(content):
            return None  # "said on Monday." - no reported content
        if _is_opinion(lex, content) and not _leader_position(lex, text, hit, actor, content):
            return None
        return hit  # "Altman said Korea would be …"
    if is_self_content(lex, content, actor.name):
        inner = find_trigger(lex, content, roles=("action",))
        hedged = inner is not None and lex.rx["speculation"].search(content, 0, inner.start)
        if (
            inner is not None
            and not hedged
            and status_of(lex, content, inner, len(content)) == "happened"
        ):
            return replace(inner, start=inner.start + at, end=inner.end + at)
    if lex.rx["position_verbs"].match(hit.text.lower()) and not _is_opinion(lex, content, True):
        return hit  # "acknowledged that OpenAI had been on the wrong side": an admission
    if _is_opinion(lex, content):
        return None
    if lex.rx["position_content"].match(content):
        return hit  # "said Humain would not try to compete …": a position, a statement
    if lex.rx["stance_content"].match(content):
        return replace(hit, kind="statement")  # "said it firmly opposed the measure"
    return replace(hit, kind="announcement") if is_self_content(lex, content, actor.name) else hit


def _leader_wish(lex: Lexicon, text: str, hit: Hit, actor: Actor, content: str) -> bool:
    """A leader's account of what the organisation wants at an identifiable occasion ("Its
    chief executive told reporters on Monday that the company wanted developers to own the
    model"): the organisation's strategy, a statement, unlike a reaction to others."""
    return bool(_WISH.search(content)) and _leader_position(lex, text, hit, actor, content)


def _leader_position(lex: Lexicon, text: str, hit: Hit, actor: Actor, content: str) -> bool:
    """A leader's position at an identifiable occasion ("Speaking at a conference, Mensch said
    Europe could not depend on …"): a statement even with a modal, unlike an analyst's view."""
    if actor.how != "person" or lex.rx["benchmark_claim"].search(content):
        return False
    if lex.rx["reported_fact"].match(content):
        return False
    return on_occasion(lex, text) or bool(lex.rx["report_adverbial"].match(text, hit.end))


def _governing_trigger(lex: Lexicon, text: str, published: dt.date | None) -> Hit | None:
    hit = find_trigger(lex, text)
    if hit is not None and hit.needs == "time" and not times_in(text, 0, published, False):
        hit = find_trigger(lex, text, roles=_DATED_ROLES)  # "The release of X came as Y launched"
    return None if hit is None or is_negated(lex, text, hit) else hit


def _is_opinion(lex: Lexicon, content: str, facts_allowed: bool = False) -> bool:
    """A forecast, a benchmark claim or a reported state of affairs ("demand remained strong",
    "the outage had been resolved"): not a position, not an event."""
    return bool(
        lex.rx["speculation"].search(content)
        or lex.rx["benchmark_claim"].search(content)
        or (not facts_allowed and lex.rx["reported_fact"].match(content))
    )


def _event_time(
    lex: Lexicon, clause: Span, hit: Hit, at: int, published: dt.date | None, lead: int = 0
) -> TimeExpression | None:
    """The time expression governing the trigger (not one inside reported content or inside a
    relative clause that does not contain the trigger)."""
    text = clause.text
    times = clause_times(lex, text, clause.start, published, planned_cue(lex, text, hit))
    hi = clause.start + (at if hit.role in ("report", "plan", "commit") else len(text))
    times = [t for t in times if not reporting_period(lex, text, t.start - clause.start)] or times
    spans = relative_spans(lex, text) + [
        (m.start(), m.end())
        for key in ("participial_appositive", "founding_appositive")
        for m in lex.rx[key].finditer(text)
    ]
    skip = [(clause.start + a, clause.start + b) for a, b in spans]
    at_trigger = clause.start + hit.start
    found = nearest_time(times, clause.start + lead, hi, at_trigger, skip)
    # no time of its own: one in a relative clause may still date it ("TCS, which reported
    # its results on 10 October, posted …")
    if found is not None or _HAS_SINCE.search(text):
        return found  # "X, which did Y in April, has since published …": not April
    if hit.role in ("report", "plan", "commit"):
        return None  # "X, which raised $5m last year, said it would appeal": not last year
    return nearest_time(times, clause.start + lead, hi, at_trigger)


def analyse_clause(
    lex: Lexicon,
    clause: Span,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> list[Mention]:
    """The event mentions a clause reports (usually none)."""
    text = clause.text
    hit = _governing_trigger(lex, text, published)
    if hit is None:
        return quoted_strategy(lex, clause, index, state)
    if cue_at(lex, "not_event_sentence", text) >= 0:
        return []
    if hit.role == "report" and cue_at(lex, "usage_statistic", text, hit.end) >= 0:
        return []  # "…, says it has 1.5 million users"
    if hit.role == "report" and media_speaker(lex, text[: hit.start]):
        return _media_report(lex, clause, sentence, index, state, published, hit)
    hit, quote_end = _speech_of_quote(lex, text, hit)
    region = text[quote_end : hit.start]
    actor = _clause_actor(lex, text, hit, region, state, index)
    if actor is None or (actor.opinion and hit.role in ("report", "commit")):
        return []
    if hit.role == "report" and _SPEAKS_AS_ORG.match(text, content_start(lex, text, hit)):
        state.note(actor.name, index)  # "Telia … said it plans to …": the rest's "it" is Telia
    at = content_start(lex, text, hit) if hit.role in ("report", "plan", "commit") else len(text)
    if hit.role == "report" and quote_end:
        if _is_opinion(lex, text[:quote_end]):
            return []
        adding = lex.rx["adding_that"].search(text, hit.end)
        at = adding.start() if adding else len(text)  # '"…," the CEO said': the quote
    elif hit.role == "report":
        reactive = lex.rx["reactive_content"].match(text, at)
        wish = reactive is not None and _leader_wish(lex, text, hit, actor, reactive.group())
        if reactive and not wish:
            return []  # "…, said it would appeal the decision": a reaction, not its own event
        resolved = hit if wish else _resolve_report(lex, text, hit, actor, at)
        if resolved is None:
            return []
        hit, at = resolved, len(text) if resolved.role in ("action", "object") else at
    cut = coordination(lex, text, hit) if hit.role == "action" else None
    own = clause if cut is None else Span(clause.start, clause.end, text[: cut[0]])
    at = min(at, len(own.text))
    time = _event_time(lex, own, hit, at, published, quote_end)
    if time is None and not _stands_without_time(lex, sentence.text, text, hit):
        return []
    if is_forecast(lex, hit, time, published):
        return []
    if time is None and hit.role == "report" and lex.rx["perfect_report"].search(text):
        return []  # "The government has said it wants …": a standing position, no event
    if time is None and _present_state(lex, text, hit, at):
        return []  # "It says its models now handle Yoruba": a property claim, no event
    if time is None and _unplaced_statement(lex, text, hit, quote_end):
        # a position needs an identifiable time ("said on Tuesday", "at the summit"); what
        # the speaker added about plans may still be events ("…, adding that it would …")
        added = at < len(text) and quote_end > 0
        mention = make_mention(lex, own, index, hit, at, actor, time)
        return planned_actions(lex, clause, at, mention, published, True) if added else []
    mention = make_mention(lex, own, index, hit, at, actor, time)
    out = [mention]
    if cut is not None:
        out.extend(coordinated_action(lex, clause, cut, mention, published))
    if hit.role == "plan" or (hit.role == "report" and hit.kind == "announcement"):
        out.extend(planned_actions(lex, clause, at, mention, published, hit.role == "report"))
    return out


def _present_state(lex: Lexicon, text: str, hit: Hit, at: int) -> bool:
    """An announcement whose content describes the speaker in the present simple ("says its
    system records the reasons", "says it now grants half of its loans"): a property claim or
    an ongoing state, not news about itself."""
    if hit.role != "report" or hit.kind != "announcement" or at >= len(text):
        return False
    return bool(lex.rx["present_state_content"].match(text, at))


def _speech_of_quote(lex: Lexicon, text: str, hit: Hit) -> tuple[Hit, int]:
    """The speech verb of a clause that opens with a quote (a trigger inside the quote is not
    the clause's), and where the quote ends: a leading quote, or the tail of one the previous
    sentence opened ('… line," Park said'); 0 when the clause has none."""
    quote = lex.rx["quote_lead"].match(text)
    if quote and hit.start < quote.end():
        said = find_trigger(lex, text[quote.end() :], roles=("report",))
        if said is not None:
            hit = replace(said, start=said.start + quote.end(), end=said.end + quote.end())
    quote_end = quote.end() if quote and quote.end() <= hit.start else 0
    return hit, quote_end or (quote_tail(text, hit.start) if hit.role == "report" else 0)


def _unplaced_statement(lex: Lexicon, text: str, hit: Hit, quote_end: int) -> bool:
    """A statement without a time expression, an identifiable occasion or a quoted strategy:
    not an event by itself."""
    return (
        hit.role == "report"
        and hit.kind == "statement"
        and not on_occasion(lex, text, quoted=quote_end > 0)
        and not (quote_end and is_strategy_quote(lex, text[:quote_end]))
    )


def _clause_actor(
    lex: Lexicon, text: str, hit: Hit, region: str, state: DocState, index: int
) -> Actor | None:
    """The subject, else a passive agent ("was released by X"), else the subject after a
    fronted participle ("Founded in 2021, Acme …"), else a trailing speaker ("…, it said")."""
    if _PERSONAL_SUBJECT.search(region):  # "…, where he launched X": a person acts
        return pronoun_leader(lex, region, state, index)
    strict = hit.role in ("report", "commit")
    if strict and _SPEAKS_AS_ORG.match(text, content_start(lex, text, hit)):
        strict = False  # "Acme said it will …": a speaker talking about "it" is an organisation
    actor = subject_actor(lex, region, state, index, strict) or agent_actor(lex, text[hit.end :])
    if actor is None and not region.strip() and hit.text[:1].isupper():
        actor = fronted_actor(lex, text, hit.end, state)
    if actor is None and hit.role != "report":
        actor = trailing_actor(lex, text[hit.end :], state, index)
    if actor is None and hit.role == "report" and lex.rx["quote_lead"].match(text):
        # '"…," said Jane Roe, chief executive of Acme': the speaker follows the verb
        actor = subject_actor(lex, text[hit.end : hit.end + 120], state, index, True)
    if actor is not None and place_acting(lex, actor, hit):
        return None  # "Europe launched 300 start-ups last year": a place, not an actor
    if actor is None and _UNNAMED_SPOKESPERSON.fullmatch(region) and state.antecedent(index):
        actor = Actor(state.antecedent(index), "anaphor")  # "A spokesperson told us …"
    if actor is None and hit.needs == "antecedent" and state.antecedent(index):
        actor = Actor(state.antecedent(index), "anaphor")  # "The deal is expected to close …"
    return actor


def _media_report(
    lex: Lexicon,
    clause: Span,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    hit: Hit,
) -> list[Mention]:
    """ "Bloomberg reported on Tuesday that X raised …": the content's event, status reported,
    dated by the report when the content has no time of its own."""
    at = content_start(lex, clause.text, hit)
    content = Span(clause.start + at, clause.end, clause.text[at:])
    found = analyse_clause(lex, content, sentence, index, state, published)
    main = nearest_time(
        times_in(clause.text[:at], clause.start, published, False),
        clause.start,
        clause.start + at,
        clause.start + hit.start,
    )
    for m in found:
        m.status, m.start, m.end = "reported", clause.start, clause.end
        m.time = m.time or main
    return found


def _stands_without_time(lex: Lexicon, sentence: str, clause: str, hit: Hit) -> bool:
    """Whether a mention without a time expression is still an event (not background, not an
    ongoing state, not a trigger that needs a date such as a founding or a nominal debut)."""
    if hit.needs == "time":
        return False
    if lex.rx["present_supply"].fullmatch(hit.text) and planned_cue(lex, clause, hit) is None:
        return False  # "Microsoft and Khan Academy offer a free assistant": an ongoing state
    if cue_at(lex, "background", sentence) >= 0:
        return False
    if cue_at(lex, "background_inline", clause, 0, hit.start) >= 0:
        return False
    return cue_at(lex, "ongoing", clause) < 0
