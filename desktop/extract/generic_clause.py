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

from desktop.extract.actions import Actions, default_actions, known, past_lemmas, verb_candidates
from desktop.extract.actors import Actor, DocState, agent_actor, subject_actor
from desktop.extract.clause_checks import is_forecast, pronoun_leader, reporting_period
from desktop.extract.lexicon import Lexicon
from desktop.extract.lowered import lowered
from desktop.extract.mentions import Mention, clause_times, make_mention, nearest_time
from desktop.extract.sentences import Span, split_clauses
from desktop.extract.triggers import Hit, find_trigger, is_negated, relative_spans

_NEXT = re.compile(r"\s+([a-z]+)")
_DIGIT = re.compile(r"\d")
_TIME_WORDS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "yesterday", "today", "last", "this", "next", "earlier",
        "later", "ago", "quarter", "half", "spring", "summer", "autumn", "fall", "winter",
        "year", "month", "week",
    )
)  # fmt: skip
_AUX_BEFORE = re.compile(
    r"\b(?P<aux>has|have|had|was|were|is|are|been|be)\s+(?:(?:\w+ly|also|since|already|now|just"
    r"|then|first|recently)\s+)?$"
)
_TIME_TAIL = re.compile(
    r",?\s*(?:on\s+\w+day|(?:last|this|earlier\s+this|later\s+this|next)\s+(?:year|month|week"
    r"|quarter)|in\s+(?:early\s+|late\s+|mid-?)?[A-Z][a-z]+(?:\s+\d{4})?|in\s+\d{4}"
    r"|on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}|yesterday|today)\s*,?\s*$"
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|says|does|did|that|which|who)\b")
_COUNT = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?(?:[$€£¥]?\d[\d,.]*"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\b)",
    re.I,
)
_NAME_RUN = re.compile(r"(?:(?:[\w’'.&-]*[A-Z][\w’'.&-]*|of|and|for|de|&)\s+)*[\w’'.&)-]+\W*$")
_PREV_WORD = re.compile(r"(?<!\S)([\w’'-]+)\s+$")
_BARE_APPOSITIVE = re.compile(r"^(.*?[A-Z][\w.&)-]*),\s+[a-z][^,]{2,100},\s*$", re.S)
_LEAD_ATTR = "_generic_lead_index"
_LEAD_WITHIN = 5  # sentences (title, date line, byline before the lead)
_LEAD_WORDS = 12
_SENTENCE_END = re.compile(r"[.!][\"'”’)]*$")
_SINCE = re.compile(r"\bsince\b", re.I)  # "has lost users since … in January": not dated
_LAST_WORD = re.compile(r"([\w’'.&-]+\)?)\W*$")
_POSSESSIVE = re.compile(r"[’']s?$")
_PRONOUNS = frozenset(("it", "they", "we"))
_PERSONAL = frozenset(("he", "she"))
_STRICT = False
_REPORTING_LIMIT = 60  # a trigger this far into the predicate names the kind


@dataclass(frozen=True)
class _Verb:
    group: int  # start of the verb group (auxiliary or plan cue)
    start: int  # the verb itself
    end: int
    lemma: str  # lemma, or "lemma particle" for a phrasal verb
    planned: bool
    passive: bool
    kind: str = ""  # set by the verb's object ("raised $5m": funding)


def generic_events(
    lex: Lexicon,
    sentence: Span,
    index: int,
    state: DocState,
    published: dt.date | None,
    found: list[Mention],
) -> list[Mention]:
    """Events of the sentence's clauses that no other rule reported (``found``)."""
    lead = _is_lead(state, index, sentence.text)
    if found and any(
        m.start <= sentence.start and sentence.end <= m.end and not _announces(m) for m in found
    ):
        return []  # one clause, already an event
    text = sentence.text
    low = text.lower()
    words = low.split()
    if len(low) != len(text) or text.endswith("?") or not (lead or _time_hint(low, words)):
        return []
    actions = default_actions()
    candidates = [
        c for c in verb_candidates(low, actions, words) if _after_subject(actions, text, c[0])
    ]
    if not any(_actionable(actions, c) for c in candidates):
        return []  # only reporting, stative or measurement verbs
    if lex.rx["background"].search(text):
        return []
    out = []
    for clause in split_clauses(sentence):
        overlap = [m for m in found if m.start < clause.end and clause.start < m.end]
        if any(not _announces(m) for m in overlap):
            continue
        a, b = clause.start - sentence.start, clause.end - sentence.start
        own = [(g - a, s - a, e - a, w, p) for g, s, e, w, p in candidates if a <= s < b]
        if not own or (overlap and not any(c[4] for c in own)):
            continue
        # with an announcement ("Acme said it would open a plant in May"): only the plan
        scans = _Scans(low[a:b], own, lead and not overlap, bool(overlap))
        mention = _clause_event(lex, actions, clause, scans, index, state, published)
        if mention is not None:
            out.append(mention)
    return out


@dataclass(frozen=True)
class _Scans:
    low: str  # the clause lower-cased (same offsets)
    candidates: list[tuple[int, int, int, str, bool]]
    lead: bool  # the article's lead sentence: dated by the publication when it has no time
    plans_only: bool  # the clause already reports an announcement: only its plan may be added


def _clause_event(
    lex: Lexicon,
    actions: Actions,
    clause: Span,
    scans: _Scans,
    index: int,
    state: DocState,
    published: dt.date | None,
) -> Mention | None:
    text, low = clause.text, scans.low
    if not (scans.lead or _time_hint(low, low.split())):
        return None
    masked = relative_spans(lex, text, appositives=True, low=lowered(text))
    lo, reported_at = 0, -1
    resets = [
        m.end() for m in _FINITE.finditer(low) if not any(a <= m.start() < b for a, b in masked)
    ]
    for verb in _verbs(actions, text, low, masked, scans.candidates):
        lo = max([lo, *(e for e in resets if e <= verb.group)])
        lemma = verb.lemma
        by_object = _object_kind(lex, actions, verb, text, low)
        if by_object:
            verb = replace(verb, kind=by_object)
        elif lemma not in actions.kinds and (
            lemma in actions.excluded or lemma.split()[0] in actions.excluded
        ):
            if reported_at < 0 and lo == 0:
                reported_at = verb.group
            lo = verb.end  # a new subject may follow ("Acme said Beta opened …")
            continue
        if scans.plans_only and not verb.planned:
            lo = verb.end
            continue
        if verb.passive and lemma not in actions.kinds and lemma.split()[0] not in actions.kinds:
            lo = verb.end
            continue
        region = _blank(text, lo, verb.group, masked)
        if not _subject_ends(actions, region):
            lo = verb.end
            continue
        if reported_at > 0 and lex.rx["roles.opinion"].search(text, 0, reported_at):
            return None  # "Analysts said Acme moved too slowly in 2024": a view, not an event
        actor = _actor(lex, actions, text, region, verb, reported_at, state, index)
        if actor is None:
            return None
        return _mention(lex, actions, clause, index, verb, lo, actor, published, scans.lead)
    return None


def _verbs(
    actions: Actions,
    text: str,
    low: str,
    masked: list[tuple[int, int]],
    candidates: list[tuple[int, int, int, str, bool]],
) -> list[_Verb]:
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
        out.append(_Verb(aux.start() if aux else group, start, end, lemma, planned, passive))
    return out


def _lemma(actions: Actions, lemmas: tuple[str, ...], nxt: str) -> str:
    """The verb's lemma, as a phrasal verb when the lexicon knows it ("team up")."""
    if nxt in actions.particles:
        for lemma in lemmas:
            phrase = f"{lemma} {nxt}"
            if phrase in actions.kinds or phrase in actions.excluded:
                return phrase
    return known(lemmas, actions.kinds) or known(lemmas, actions.excluded) or lemmas[0]


def _announces(m: Mention) -> bool:
    """An announcement or statement whose announced plan no rule reported as an event."""
    return m.kind in ("announcement", "statement") and m.status != "planned"


def _is_lead(state: DocState, index: int, text: str) -> bool:
    """Whether the sentence is the article's lead: the first sentence among the first few that
    ends like a sentence and is long enough (titles, bylines and datelines are not). The index
    found is kept on the document's state."""
    lead = getattr(state, _LEAD_ATTR, None)
    if (
        lead is None
        and index <= _LEAD_WITHIN
        and len(text.split()) >= _LEAD_WORDS
        and _SENTENCE_END.search(text)
    ):
        lead = index
        setattr(state, _LEAD_ATTR, lead)
    return lead == index


def _actionable(actions: Actions, candidate: tuple[int, int, int, str, bool]) -> bool:
    """A candidate that may be an action (a phrasal verb aside: "set up" may still be one)."""
    word = candidate[3]
    lemmas = (word,) if candidate[4] else past_lemmas(word, actions)
    lemma = known(lemmas, actions.kinds) or known(lemmas, actions.excluded) or lemmas[0]
    if lemma in actions.kinds or lemma not in actions.excluded:
        return True
    return (
        lemma in actions.amount_kinds
        or lemma in actions.results_verbs
        or lemma in actions.phrasal_heads
    )


def _time_hint(low: str, words: list[str]) -> bool:
    """A digit or a time word: a time expression may be there (a cheap test first)."""
    if _DIGIT.search(low) or not _TIME_WORDS.isdisjoint(words):
        return True
    return not _TIME_WORDS.isdisjoint(low.replace(",", " ").replace(".", " ").split())


def _after_subject(actions: Actions, text: str, at: int) -> bool:
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


def _blank(text: str, lo: int, hi: int, masked: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with relative clauses and appositives blanked out."""
    region = text[lo:hi]
    for a, b in masked:
        if a < hi and lo < b:
            a, b = max(a, lo) - lo, min(b, hi) - lo
            region = region[:a] + " " * (b - a) + region[b:]
    return region


def _quoted(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _subject_ends(actions: Actions, region: str) -> bool:
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
    if not named or _POSSESSIVE.search(word) or len(core.split()) > 12:
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


def _actor(
    lex: Lexicon,
    actions: Actions,
    text: str,
    region: str,
    verb: _Verb,
    reported_at: int,
    state: DocState,
    index: int,
) -> Actor | None:
    last = region.split()[-1].lower() if region.split() else ""
    if last in _PERSONAL:
        actor = pronoun_leader(lex, region, state, index)
    elif last in _PRONOUNS and reported_at > 0:  # "Acme said it opened …": the speaker
        actor = subject_actor(lex, text[:reported_at], state, index, _STRICT)
    else:
        actor = subject_actor(lex, region, state, index, _STRICT)
    if verb.passive and verb.lemma not in actions.founding:
        actor = agent_actor(lex, text[verb.end :]) or actor
    if actor is None or actor.opinion or actor.name in lex.place_names:
        return None
    return actor


def _mention(
    lex: Lexicon,
    actions: Actions,
    clause: Span,
    index: int,
    verb: _Verb,
    lo: int,
    actor: Actor,
    published: dt.date | None,
    lead: bool = False,
) -> Mention | None:
    text = clause.text
    predicate = text[verb.start :]
    if (
        lex.rx["not_event_sentence"].search(text)
        or lex.rx["ongoing"].search(text, lo, verb.end)
        or lex.rx["background_inline"].search(text, 0, verb.start)
        or lex.rx["usage_statistic"].search(text, lo)
        or lex.rx["benchmark_claim"].search(predicate)
        or lex.rx["speculation"].search(text, lo, verb.start)
    ):
        return None
    hit = Hit(_kind(lex, actions, verb, predicate), "action", "", verb.start, verb.end, "")
    hit = Hit(hit.kind, "action", "", verb.start, verb.end, text[verb.start : verb.end])
    if is_negated(lex, text, hit) or _counts_goods(actions, verb, text):
        return None
    if verb.planned and lex.rx["conditional"].search(text, verb.end):
        return None  # "would open a plant if the rules changed"
    cue = verb.group if verb.planned else None
    adverbial = lex.rx["report_adverbial"].match(text, lo) if verb.planned else None
    lo = adverbial.end() if adverbial else lo  # "said on Monday it would …": the report's time
    times = clause_times(lex, text, clause.start, published, cue)
    times = [t for t in times if not reporting_period(lex, text, t.start - clause.start)]
    skip = [(clause.start + a, clause.start + b) for a, b in relative_spans(lex, text)]
    skip += [(clause.start + m.start(), clause.end) for m in _SINCE.finditer(text, verb.end)]
    time = nearest_time(times, clause.start + lo, clause.end, clause.start + verb.start, skip)
    if time is None and not (lead and not verb.planned):
        return None
    if is_forecast(lex, hit, time, published):
        return None
    mention = make_mention(lex, clause, index, hit, len(text), actor, time)
    if verb.planned:
        mention.status = "planned" if mention.status == "happened" else mention.status
    mention.confidence -= 0.1  # a general rule, not a trigger of the lexicon
    return mention


def _counts_goods(actions: Actions, verb: _Verb, text: str) -> bool:
    """ "ordered 500 batteries", "sold two million phones": a purchase or a sales figure."""
    if verb.lemma.split()[0] not in actions.count_objects:
        return False
    after = text[verb.end : verb.end + 40]
    return bool(_COUNT.match(after) or actions.statistic_objects.match(after.lower()))


def _object_kind(lex: Lexicon, actions: Actions, verb: _Verb, text: str, low: str) -> str:
    """The kind an object gives a verb that is no event alone: a money amount ("raised $45
    million": funding) or a financial result ("reported a net profit": other)."""
    lemma = verb.lemma.split()[0]
    if lemma in actions.amount_kinds and lex.rx["amount"].search(text, verb.end, verb.end + 50):
        return actions.amount_kinds[lemma]
    if lemma in actions.results_verbs and actions.results_nouns.search(
        low, verb.end, verb.end + 60
    ):
        return "other"
    return ""


def _kind(lex: Lexicon, actions: Actions, verb: _Verb, predicate: str) -> str:
    """The kind a trigger of events.json gives the predicate, else the verb's kind (data)."""
    if verb.kind:
        return verb.kind
    hit = find_trigger(lex, predicate[: _REPORTING_LIMIT + 40])
    if hit is not None and hit.start <= _REPORTING_LIMIT and hit.role != "report":
        return hit.kind
    kind = actions.kinds.get(verb.lemma) or actions.kinds.get(verb.lemma.split()[0])
    return kind or "other"
