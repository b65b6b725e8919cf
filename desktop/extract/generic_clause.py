"""A general event detector for clauses no trigger pattern knows.

A clause is an event when (a) its subject is an organisation (named, a leader mapped to one, or
an anaphor the actor code resolves), (b) its main verb is a finite ACTION verb: a past tense, a
present perfect, a passive of a listed action ("was fined by"), or a plan construction ("will
open", "plans to hire"), and (c) it carries its own time expression. It only runs on clauses
where no other rule found an event. Verb classes, kinds and exclusions are data
(resources/lexicons/actions.json); the cue patterns of events.json (background, ongoing states,
usage statistics, benchmark claims, share moves, speculation, negation) still apply.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from desktop.extract.actions import Actions, default_actions, known, past_lemmas
from desktop.extract.actors import Actor, DocState
from desktop.extract.clause_checks import is_forecast, reporting_period
from desktop.extract.generic_gate import announces, gate, is_lead, time_hint
from desktop.extract.generic_nominal import nominal_events, owned_event
from desktop.extract.generic_report import plan_announcement
from desktop.extract.generic_reported import reported_progress
from desktop.extract.generic_subject import (
    FOUNDING_VERBS,
    bare_noun,
    blank,
    clause_actor,
    founded_org,
    passive_agent,
    scheduled_kind,
    scheduled_owner,
    scheduled_subject,
    subject_ends,
)
from desktop.extract.generic_verbs import Verb, counts_goods, object_kind, verb_kind
from desktop.extract.lexicon import Lexicon
from desktop.extract.lowered import lowered
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.sentences import Span, split_clauses
from desktop.extract.triggers import Hit, is_negated, relative_spans
from desktop.extract.types import TimeExpression

_NEXT = re.compile(r"\s+([a-z]+)")
_AUX_BEFORE = re.compile(
    r"\b(?P<aux>has|have|had|was|were|is|are|been|be)\s+(?:(?:\w+ly|also|since|already|now|just"
    r"|then|first|recently)\s+)?$"
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|says|does|did|that|which|who)\b")
_AND_BEFORE = re.compile(r",?\s+and\s+(?:(?:also|then|later)\s+)?$")
_FORECAST_THAT = re.compile(
    r"\b(?:estimat|predict|forecast|expect|believ|think|thought|reckon|project)[a-z]*\s+that\s*$"
)
_ATTRIBUTIVE_YEAR = re.compile(r"\d{4}\s+[a-z]")  # "its 2025 revenue target": no date
_START_VERBS = frozenset(("begin", "start", "commence", "resume"))
_EXPECTED = "expected"  # a verbless schedule predicate ("is now expected next spring")
_SINCE = re.compile(r"\bsince\b", re.I)  # "has lost users since … in January": not dated


def generic_events(
    lex: Lexicon,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    found: list[Mention],
) -> list[Mention]:
    """Events of the sentence's clauses that no other rule reported (``found``)."""
    lead = is_lead(state, index, sentence.text)
    gated = gate(lex, sentence, found, lead)
    out = (
        []
        if gated is None
        else gated_events(lex, sentence, index, state, published, found, gated, lead)
    )
    owned = owned_event(lex, sentence, index, state, published, [*found, *out])
    out.extend([owned] if owned is not None else [])  # "Acme's deal with Beta, signed in May"
    if out or any(m.start < sentence.end and sentence.start < m.end for m in found):
        return out
    reported = reported_progress(lex, default_actions(), sentence, index, state, published)
    if reported is not None:  # "Acme is reportedly negotiating with Beta"
        return [reported]
    return nominal_events(lex, sentence, index, state, published)  # "a deal signed in May"


def gated_events(
    lex: Lexicon,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    found: list[Mention],
    gated: tuple[str, list[tuple[int, int, int, str, bool]]],
    lead: bool,
) -> list[Mention]:
    low, candidates = gated
    out = []
    for clause in split_clauses(sentence):
        overlap = [m for m in found if m.start < clause.end and clause.start < m.end]
        if any(not announces(m) for m in overlap):
            continue
        a, b = clause.start - sentence.start, clause.end - sentence.start
        own = [(g - a, s - a, e - a, w, p) for g, s, e, w, p in candidates if a <= s < b]
        if not own or (overlap and not any(c[4] for c in own)):
            continue
        # with an announcement ("Acme said it would open a plant in May"): only the plan
        scans = _Scans(low[a:b], own, lead and not overlap, bool(overlap))
        out.extend(_clause_events(lex, default_actions(), clause, scans, index, state, published))
    return out


@dataclass(frozen=True)
class _Scans:
    low: str  # the clause lower-cased (same offsets)
    candidates: list[tuple[int, int, int, str, bool]]
    lead: bool  # the article's lead sentence: dated by the publication when it has no time
    plans_only: bool  # the clause already reports an announcement: only its plan may be added


def _clause_events(
    lex: Lexicon,
    actions: Actions,
    clause: Span,
    scans: _Scans,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> list[Mention]:
    """The clause's event, and the event of a verb coordinated with it ("opened an office in
    May and plans to hire 200 engineers by 2026"), each with its own time."""
    text, low = clause.text, scans.low
    if not (scans.lead or time_hint(text, low)):
        return []
    masked = relative_spans(lex, text, appositives=True, low=lowered(text))
    verbs = _verbs(actions, text, low, masked, scans.candidates)
    found = _main_verb(lex, actions, text, low, masked, verbs, scans, state, index)
    if found is None:
        return []
    verb, lo, actor = found
    second = _coordinated(actions, text, verb, verbs, scans.plans_only)
    hi = second[1] if second else len(text)
    first = _mention(lex, actions, clause, index, verb, (lo, hi), actor, published, scans.lead)
    if first is None and hi < len(text):  # "bought X and merged it with Y in 2024": shared
        first = _mention(lex, actions, clause, index, verb, (lo, len(text)), actor, published)
    out = [first] if first is not None else []
    if first is not None and verb.planned and not scans.plans_only:  # "X said it will …"
        said = plan_announcement(lex, clause, first, lo, actor, state, published)
        out.extend([said] if said is not None else [])
    if second is not None:
        other, at = second
        then = _mention(lex, actions, clause, index, other, (at, len(text)), actor, published)
        out.extend([then] if then is not None else [])
    return out


def _coordinated(
    actions: Actions, text: str, verb: Verb, verbs: list[Verb], plans_only: bool
) -> tuple[Verb, int] | None:
    """A later action verb joined to the main one by "and" (its own predicate), and where the
    coordination starts."""
    for other in verbs:
        if other.start <= verb.end:
            continue
        joint = _AND_BEFORE.search(text, verb.end, other.group)
        if joint is not None:
            return None if _passed_over(actions, other, plans_only) else (other, joint.start())
    return None


def _main_verb(
    lex: Lexicon,
    actions: Actions,
    text: str,
    low: str,
    masked: list[tuple[int, int]],
    verbs: list[Verb],
    scans: _Scans,
    state: DocState,
    index: int,
) -> tuple[Verb, int, Actor] | None:
    """The first action verb whose subject is an organisation, where its subject starts, and
    the actor."""
    lo, reported_at = 0, -1
    resets = [
        m.end() for m in _FINITE.finditer(low) if not any(a <= m.start() < b for a, b in masked)
    ]
    for verb in verbs:
        lo = max([lo, *(e for e in resets if e <= verb.group)])
        by_object = object_kind(lex, actions, verb, text, low)
        verb = replace(verb, kind=by_object) if by_object else verb
        if not by_object and _excluded(actions, verb.lemma) and reported_at < 0 and lo == 0:
            reported_at = verb.group  # "Acme said …": the speaker, for "it" further on
        region = blank(text, lo, verb.group, masked)
        if _passed_over(actions, verb, scans.plans_only):
            lo = verb.end
            continue
        if not subject_ends(actions, region):
            base = max([0, *(e for e in resets if e <= verb.group)])
            regions = (region, blank(text, base, verb.group, masked))
            unnamed = _unnamed_subject(lex, actions, text, verb, regions, state, index)
            if unnamed is not None:
                return None if unnamed[1] is None else (unnamed[0], lo, unnamed[1])
            lo = verb.end  # a new subject may follow ("Acme said Beta opened …")
            continue
        if reported_at > 0 and lex.rx["roles.opinion"].search(text, 0, reported_at):
            return None  # "Analysts said Acme moved too slowly in 2024": a view, not an event
        passive = verb.passive and verb.lemma not in actions.founding
        actor = clause_actor(
            lex, text, region, verb.end if passive else -1, reported_at, state, index
        )
        if actor is None and not verb.passive and verb.lemma in FOUNDING_VERBS:
            actor = founded_org(lex, text, verb.end)  # "Two engineers founded Acme in 2021"
        if verb.planned and (actor is None or bare_noun(region, actor)):
            # "The first is expected to start operating", "Production at the plant will start …"
            unnamed = _unnamed_subject(lex, actions, text, verb, (region, region), state, index)
            verb, actor = unnamed if unnamed is not None else (verb, None)
        return None if actor is None else (verb, lo, actor)
    return None


def _unnamed_subject(
    lex: Lexicon,
    actions: Actions,
    text: str,
    verb: Verb,
    regions: tuple[str, str],
    state: DocState,
    index: int,
) -> tuple[Verb, Actor | None] | None:
    """A verb whose subject names no organisation that is still an event: a passive with a
    named agent ("A loan to Beta was approved on Monday by Acme"), or the plan of a scheduled
    thing ("Its plant will open", "The company's robot, first promised for June, is now due
    in May") with its owner (None: no owner). None: not such a verb."""
    agent = passive_agent(lex, text, verb.end) if verb.passive else None
    if agent is None and not verb.passive and verb.lemma in FOUNDING_VERBS:
        agent = founded_org(lex, text, verb.end)  # "Former bankers founded Acme in May"
    if agent is not None:
        return verb, agent
    if not verb.planned:
        return None
    for region in regions:
        if scheduled_subject(actions, region, verb.lemma in _START_VERBS):
            kind = verb.kind or scheduled_kind(actions, region.lower())
            owner = scheduled_owner(lex, text, region, state, index)
            return replace(verb, kind=kind), owner
    return None


def _excluded(actions: Actions, lemma: str) -> bool:
    return lemma not in actions.kinds and (
        lemma in actions.excluded or lemma.split()[0] in actions.excluded
    )


def _passed_over(actions: Actions, verb: Verb, plans_only: bool) -> bool:
    """A verb that is no event of its own: excluded (reporting, stative, measurement), not a
    plan where only a plan may be added, or a passive of an unlisted verb."""
    if not verb.kind and _excluded(actions, verb.lemma):
        return True
    if plans_only and not verb.planned:
        return True
    listed = verb.lemma in actions.kinds or verb.lemma.split()[0] in actions.kinds
    return verb.passive and not listed


def _verbs(
    actions: Actions,
    text: str,
    low: str,
    masked: list[tuple[int, int]],
    candidates: list[tuple[int, int, int, str, bool]],
) -> list[Verb]:
    """Finite action-verb candidates of the clause, in order (outside relative clauses and
    appositives, lower-case in the text, not inside a quotation)."""
    out = []
    for group, start, end, word, planned in candidates:
        if not text[start].islower() or any(a <= start < b for a, b in masked):
            continue
        lemmas = (word,) if planned else past_lemmas(word, actions)
        if not lemmas or _quoted(text, start):
            continue
        nxt = _NEXT.match(low, end)
        lemma = _lemma(actions, lemmas, nxt.group(1) if nxt else "")
        aux = None if planned else _AUX_BEFORE.search(low, max(0, start - 30), start)
        passive = aux is not None and aux.group("aux") not in ("has", "have", "had")
        out.append(Verb(aux.start() if aux else group, start, end, lemma, planned, passive))
    return out


def _lemma(actions: Actions, lemmas: tuple[str, ...], nxt: str) -> str:
    """The verb's lemma, as a phrasal verb when the lexicon knows it ("team up")."""
    if nxt in actions.particles:
        for lemma in lemmas:
            phrase = f"{lemma} {nxt}"
            if phrase in actions.kinds or phrase in actions.excluded:
                return phrase
    return known(lemmas, actions.kinds) or known(lemmas, actions.excluded) or lemmas[0]


def _quoted(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _mention(
    lex: Lexicon,
    actions: Actions,
    clause: Span,
    index: int,
    verb: Verb,
    bounds: tuple[int, int],
    actor: Actor,
    published: dt.date | None,
    lead: bool = False,
) -> Mention | None:
    text = clause.text
    lo = bounds[0]
    if _not_an_event(lex, actions, text, verb, lo) or _someones_forecast(text, lo, actor):
        return None
    hit = Hit(
        verb_kind(lex, actions, verb, text[verb.start :]), "action", "", verb.start, verb.end, ""
    )
    hit = Hit(hit.kind, "action", "", verb.start, verb.end, text[verb.start : verb.end])
    if is_negated(lex, text, hit):
        return None
    time = _time(lex, clause, verb, bounds, published)
    if time is None and not (lead and not verb.planned):
        return None
    if verb.lemma == _EXPECTED:  # "The launch is now expected later this year"
        if actor.how == "subject":
            return None  # "Growth is expected later this year": a forecast, no named owner
    elif is_forecast(lex, hit, time, published):
        return None
    mention = make_mention(lex, clause, index, hit, len(text), actor, time)
    if verb.planned:
        mention.status = "planned" if mention.status == "happened" else mention.status
    mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
    return mention


def _someones_forecast(text: str, lo: int, actor: Actor) -> bool:
    """ "Kim estimates that Acme will hold 55% of the market this year": a clause after another
    speaker's forecast verb is that speaker's view, not the organisation's plan."""
    forecast = _FORECAST_THAT.search(text, 0, lo)
    return forecast is not None and actor.name.split()[0] not in text[: forecast.start()]


def _not_an_event(lex: Lexicon, actions: Actions, text: str, verb: Verb, lo: int) -> bool:
    """The not-event classes of events.json (share moves, ongoing states, background, usage
    statistics, speculation), counts of goods, conditional plans; comparisons and benchmark
    claims are verbs excluded by the action lexicon ("outperformed", "topped")."""
    return bool(
        lex.rx["not_event_sentence"].search(text)
        or lex.rx["ongoing"].search(text, lo, verb.end)
        or lex.rx["background_inline"].search(text, 0, verb.start)
        or lex.rx["usage_statistic"].search(text, verb.start)  # not "Acme, which has 40m users,"
        or lex.rx["speculation"].search(text, lo, verb.start)
        or counts_goods(actions, verb, text)
        or (verb.planned and lex.rx["conditional"].search(text, verb.end))
    )


def _time(
    lex: Lexicon, clause: Span, verb: Verb, bounds: tuple[int, int], published: dt.date | None
) -> TimeExpression | None:
    """The clause's time expression nearest the verb, after the subject (not a reporting
    period, not inside a relative clause, not after "since"); a plan's, not its report's."""
    text, (lo, hi) = clause.text, bounds
    cue = verb.group if verb.planned else None
    adverbial = lex.rx["report_adverbial"].match(text, lo) if verb.planned else None
    lo = adverbial.end() if adverbial else lo  # "said on Monday it would …": the report's time
    times = clause_times(lex, text, clause.start, published, cue)
    times = [  # "slated for Q1 2026": the schedule's own time, no reporting period
        t
        for t in times
        if (
            t.start - clause.start - verb.end <= len(" for ")
            or not reporting_period(lex, text, t.start - clause.start)
        )
        and not _ATTRIBUTIVE_YEAR.match(text, t.start - clause.start)
    ]
    skip = [(clause.start + a, clause.start + b) for a, b in relative_spans(lex, text)]
    skip += [(clause.start + m.start(), clause.end) for m in _SINCE.finditer(text, verb.end)]
    return nearest_time(
        times, clause.start + lo, clause.start + hi, clause.start + verb.start, skip
    )
