"""Finding the event trigger of a clause, and what surrounds it: status, framing, content.

All positions here are offsets into the clause text passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _sre  # to read a pattern's first element
from re import _parser

from desktop.extract.lexicon import Lexicon, Trigger
from desktop.extract.lowered import case_sensitive_twin, lowered
from desktop.extract.names import product_names
from desktop.extract.wordstart import first_start, nonword_form

_NOUN_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "this", "that", "his", "her", "new", "latest", "first"}
)
_LAST_WORD = re.compile(r"([\w’']+)\W*$")
_APOSTROPHES = "’'"  # with \w, the characters of _LAST_WORD's word
_QUOTES = re.compile(r"[’']+")
_PREPOSITION = re.compile(
    r"\s*(?:on|in|at|during|via|through|to|that|with|for|from|last|this|earlier|how|what)\b", re.I
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", re.I)
_AFTER_WINDOW = 70
_INTRODUCTORY = re.compile(
    r"^\s*(?:on|in|at|by|during|last|earlier|later|this|next|since|after|before|from)\b[^,]*$", re.I
)
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whose)\b", re.I)
_FINITE = re.compile(r"\b(?:will|would|shall|is|are|was|were|has|have|had|does|did)\b", re.I)
_WORD_RE = re.compile(r"[\w’'-]+")
_PLURAL_MODIFIERS = frozenset(
    (
        "earlier", "recent", "previous", "past", "future", "several", "multiple", "many",
        "major", "two", "three", "four", "five", "product", "model", "software", "new", "latest",
    )
)  # fmt: skip
_BARE_NOUNS = frozenset(("launch", "release", "debut", "rollout"))
_DETERMINED = re.compile(
    r"\b(?:a|an|the|its|their|this|that)\s+(?!(?:company|firm|group|lab|start-?up|startup|"
    r"government|ministry|team|maker|developer)s?\b)(?:[\w-]+\s+){1,2}$",
    re.I,
)
_ING_AUX = re.compile(
    r"\b(?:is|are|was|were|be|been|begin|began|begins|start|started|starts)\s+(?:\w+ly\s+)?$", re.I
)
_POSSESSIVE = re.compile(r"[’']s$")
_PARTICIPLE_PREP = re.compile(r"\s+(?:into|in|on|for|by|with|from|atop)\b", re.I)
_BEFORE_WINDOW = 25  # "a $2 billion investment"
_PLANNED_WINDOW = 45
_OBJECT_WINDOW = 170


@dataclass(frozen=True)
class Hit:
    kind: str
    role: str
    needs: str
    start: int
    end: int
    text: str


def relative_spans(
    lex: Lexicon, text: str, appositives: bool = False, low: str | None = None
) -> list[tuple[int, int]]:
    """Non-restrictive relative clauses (", which …,"), and appositives (", the … start-up,")
    when asked: their triggers are background, their times are not the main event's.
    ``low`` is ``lowered(text)`` when the caller has it."""
    spans = [m.span() for m in _scan(lex, "relative_clause", text, low)]
    if appositives:
        spans += [
            m.span()
            for m in _scan(lex, "appositive", text, low)
            if _after_name(lex, text[: m.start()]) and not _is_clause(m.group(0))
        ]
        spans += [m.span() for m in _scan(lex, "participial_appositive", text, low)]
    return spans


@lru_cache(maxsize=8)
def _cue_twins(lex: Lexicon) -> dict[str, re.Pattern[str] | None]:
    return {key: case_sensitive_twin(rx) for key, rx in lex.rx.items()}


def _scan(lex: Lexicon, key: str, text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``lex.rx[key].finditer(text)``, over ``low`` when that is equivalent (same offsets)."""
    twin = _cue_twins(lex)[key] if low is not None else None
    return twin.finditer(low) if twin is not None else lex.rx[key].finditer(text)


def cue_at(lex: Lexicon, key: str, text: str, pos: int = 0, endpos: int | None = None) -> int:
    """Where ``lex.rx[key]`` first matches in ``text`` between ``pos`` and ``endpos`` (-1: it
    does not), scanned over the lower-cased text with the pattern's case-sensitive twin when
    that is equivalent: several times faster than a case-insensitive scan."""
    end = len(text) if endpos is None else endpos
    twin = _cue_twins(lex)[key]
    low = lowered(text) if twin is not None else None
    if twin is not None and low is not None:
        return first_start(twin, _cue_starts(lex)[key][1], low, pos, end)
    return first_start(lex.rx[key], _cue_starts(lex)[key][0], text, pos, end)


@lru_cache(maxsize=8)
def _cue_starts(lex: Lexicon) -> dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Per cue, the ``nonword_form`` of its pattern and of its twin (see ``first_start``)."""
    twins = _cue_twins(lex)
    return {
        key: (nonword_form(rx), nonword_form(twins[key]) if twins[key] is not None else None)
        for key, rx in lex.rx.items()
    }


def _last_word(before: str) -> str | None:
    """``_LAST_WORD.search(before).group(1)`` (None: no match) without a scan from the left: the
    run of word characters and apostrophes around the last word character (after it only
    non-word characters follow), or with no word character the first run of apostrophes."""
    k = len(before)
    while k and not _is_word(before[k - 1]):
        k -= 1
    if k == 0:
        quotes = _QUOTES.search(before)
        return quotes.group(0) if quotes else None
    end = k
    while end < len(before) and before[end] in _APOSTROPHES:
        end += 1
    start = k - 1
    while start and (_is_word(before[start - 1]) or before[start - 1] in _APOSTROPHES):
        start -= 1
    return before[start:end]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _occurs(lex: Lexicon, key: str, text: str) -> bool:
    """Whether ``lex.rx[key]`` occurs in ``text`` (a ``first_start`` search)."""
    return first_start(lex.rx[key], _cue_starts(lex)[key][0], text, 0, len(text)) >= 0


def _is_clause(phrase: str) -> bool:
    """ ", the open model will be released by …,": a finite verb before any relative pronoun
    makes a clause, not an appositive noun phrase."""
    head = _RELATIVE_WORD.split(phrase, maxsplit=1)[0]
    return bool(_FINITE.search(head))


def _after_name(lex: Lexicon, before: str) -> bool:
    """An appositive follows a name ("Sakana AI, the Tokyo start-up,"), not an introductory
    phrase ("On Tuesday, the company …")."""
    last = _last_word(before)
    if not last or not last[:1].isupper() or last in lex.not_product_words:
        return False
    return not _INTRODUCTORY.match(before)


def _has_product(lex: Lexicon, window: str) -> bool:
    return _occurs(lex, "product_nouns", window) or bool(product_names(lex, window))


def _satisfied(lex: Lexicon, trig: Trigger, text: str, start: int, end: int) -> bool:
    after = text[end : end + _AFTER_WINDOW]
    if trig.needs == "product_inside":  # "make its Ernie chatbot free", not "making it free"
        return _has_product(lex, text[start:end])
    if trig.needs in ("amount", "figure"):
        window = text[max(0, start - _BEFORE_WINDOW) : end + _AFTER_WINDOW]
        if trig.needs == "figure" and lex.rx["percent"].search(window):
            return True
        return bool(lex.rx["amount"].search(window))
    if trig.needs == "product":
        if text[start:end].lower().startswith("announc") and _PREPOSITION.match(after):
            return False  # "announced on WeChat that ...": no direct product object
        return _has_product(lex, after.split(" that ")[0])
    return True


def _used_as_noun(before: str, trigger: str) -> bool:
    last = _last_word(before)
    if last and (last.lower() in _NOUN_DETERMINERS or _POSSESSIVE.search(last)):
        return True
    if trigger.lower() in _BARE_NOUNS and _DETERMINED.search(before):
        return True  # "before a wider commercial launch": a determiner and modifiers, no verb
    if trigger.lower().endswith("s"):
        return bool({w.lower() for w in _WORD_RE.findall(before)[-2:]} & _PLURAL_MODIFIERS)
    return False


def _acceptable(lex: Lexicon, trig: Trigger, text: str, start: int, end: int) -> bool:
    """Reject verb triggers used as nouns ("the launch") or as reduced relatives
    ("models developed by X") without an auxiliary."""
    if trig.role != "action":
        return True
    before, word = text[:start], text[start:end]
    if trig.kind == "release" and _used_as_noun(before, word):
        return False  # "the launch", "R1's release", "earlier Qwen releases": nouns
    if trig.weak and word.lower().endswith("ing") and not _ING_AUX.search(before):
        return False  # "With DeepSeek offering tools for free, …": not a finite verb
    participle = word.lower().endswith("ed") or word.lower() in ("built", "made")
    if trig.needs == "product" and participle and _PARTICIPLE_PREP.match(text, end):
        return False  # "the image generator built into GPT-4o"
    if lex.rx["reduced_relative_by"].match(text, end):
        return _occurs(lex, "auxiliary_before", before)
    return True


def admitted_triggers(lex: Lexicon, text: str, low: str | None = None) -> set[int]:
    """Indices of the triggers whose stems start a word of ``text`` (a cheap prefilter);
    ``low`` is ``text.lower()`` when the caller has it."""
    return set(_admitted(lex, text, low))


def _admitted(lex: Lexicon, text: str, low: str | None) -> tuple[int, ...]:
    """``admitted_triggers`` in index order."""
    if lex.stem_re is None:
        return _ordered(lex, frozenset())
    low = text.lower() if low is None else low
    scan = _stem_scan(lex)
    stems = scan.findall(" " + low) if scan is not None else lex.stem_re.findall(low)
    return _ordered(lex, frozenset(stems))


_WORD_START = "(?<![a-z])"


@lru_cache(maxsize=8)
def _stem_scan(lex: Lexicon) -> re.Pattern[str] | None:
    """``lex.stem_re``, ``(?<![a-z])(?=(…))``, with its guard as a consumed non-letter, for scans
    of " " + text: the same stems (a match is that one character, then the lookahead), and the
    engine skips ahead to non-letters instead of trying every position. None: another shape."""
    source = lex.stem_re.pattern if lex.stem_re is not None else ""
    if not source.startswith(_WORD_START) or lex.stem_re.flags & re.IGNORECASE:
        return None
    rest = source[len(_WORD_START) :]
    try:
        (op, (direction, _body)), *more = _parser.parse(rest).data
    except (re.error, TypeError, ValueError):
        return None
    if more or op is not _sre.ASSERT or direction != 1:
        return None  # not one lookahead: a match would consume text
    return re.compile("[^a-z]" + rest)


@lru_cache(maxsize=4096)
def _ordered(lex: Lexicon, stems: frozenset[str]) -> tuple[int, ...]:
    """The triggers a set of stems admits, with the stemless ones, sorted (few distinct sets)."""
    return tuple(sorted(lex.stemless.union(*(lex.stem_ids[s] for s in stems))))


@lru_cache(maxsize=8)
def _twins(lex: Lexicon) -> tuple[re.Pattern[str] | None, ...]:
    """Per trigger, its case-sensitive twin for scans over lowered text (None: scan as is)."""
    return tuple(case_sensitive_twin(t.pattern) for t in lex.triggers)


@lru_cache(maxsize=8)
def _spans_open_with_comma(lex: Lexicon) -> bool:
    """Whether every relative / appositive span starts at a comma (each pattern opens with a
    literal comma, in every branch): then a position before the first comma lies in none."""
    keys = ("relative_clause", "appositive", "participial_appositive")
    try:
        return all(_parser.parse(lex.rx[k].pattern)[0] == (_sre.LITERAL, ord(",")) for k in keys)
    except (re.error, IndexError, TypeError):
        return False


def find_trigger(lex: Lexicon, text: str, *, roles: tuple[str, ...] = ()) -> Hit | None:
    """The governing trigger of a clause: the earliest, then by priority, then the longest."""
    low = lowered(text)
    admitted = _admitted(lex, text, low)
    if not admitted:
        return None
    comma_free = 0  # no relative span starts before this position
    if _spans_open_with_comma(lex):
        comma = text.find(",")
        comma_free = comma if comma >= 0 else len(text)
    relatives: list[tuple[int, int]] | None = None  # computed on the first match that needs it
    best: tuple[bool, int, int, int] | None = None
    hit: Hit | None = None
    for index in admitted:
        trig = lex.triggers[index]
        if roles and trig.role not in roles:
            continue
        if best is not None and trig.weak and not best[0]:
            continue  # a weak trigger never beats a strong one
        for m in _trigger_matches(lex, index, text, low):
            if best is not None and (trig.weak, m.start()) > best[:2]:
                break  # later matches rank lower still
            if m.start() >= comma_free:
                if relatives is None:
                    relatives = relative_spans(lex, text, appositives=True, low=low)
                if any(a <= m.start() < b for a, b in relatives):
                    continue
            start, end = m.span()
            if not (
                _satisfied(lex, trig, text, start, end) and _acceptable(lex, trig, text, start, end)
            ):
                continue
            rank = (trig.weak, start, trig.priority, -(end - start))
            if best is None or rank < best:
                best = rank
                hit = Hit(trig.kind, trig.role, trig.needs, start, end, text[start:end])
            break
    return hit


def _trigger_matches(
    lex: Lexicon, index: int, text: str, low: str | None
) -> Iterator[re.Match[str]]:
    """The matches of trigger ``index``: its twin's over ``low`` when it has one, else its own
    over ``text``; a fast search for the first one opens the scan (none: nothing to iterate)."""
    twin = _twins(lex)[index] if low is not None else None
    if twin is not None and low is not None:
        first = first_start(twin, _trigger_starts(lex)[index][1], low, 0, len(low))
        return twin.finditer(low, first) if first >= 0 else iter(())
    pattern = lex.triggers[index].pattern
    first = first_start(pattern, _trigger_starts(lex)[index][0], text, 0, len(text))
    return pattern.finditer(text, first) if first >= 0 else iter(())


@lru_cache(maxsize=8)
def _trigger_starts(lex: Lexicon) -> tuple[tuple[re.Pattern[str] | None, ...], ...]:
    """Per trigger, the ``nonword_form`` of its pattern and of its twin (see ``first_start``)."""
    return tuple(
        (nonword_form(t.pattern), nonword_form(twin) if twin is not None else None)
        for t, twin in zip(lex.triggers, _twins(lex), strict=True)
    )


def content_start(lex: Lexicon, text: str, hit: Hit) -> int:
    """Where the reported content of a reporting/plan trigger begins (after "that", or right
    after the verb); times and modals inside it belong to the content, not to the event."""
    if hit.role == "plan" and not lex.rx["plan_content"].match(text, hit.end):
        return len(text)  # "launched its AI strategy on Tuesday": no announced content
    if hit.role in ("plan", "commit"):
        return hit.end
    m = lex.rx["content_start"].search(text, hit.end, hit.end + 160)
    if m and lex.rx["complementizer_gap"].match(text[hit.end : m.start()]):
        return m.end()
    lead = lex.rx["report_adverbial"].match(text, hit.end)  # "said on Monday it would …"
    return lead.end() if lead else hit.end


def is_self_content(lex: Lexicon, content: str, actor: str) -> bool:
    """True when the reported content is about the speaker itself ("said it uses ...")."""
    head = content.lstrip()[:80]
    return bool(lex.rx["self_subject"].match(head)) or (bool(actor) and head.startswith(actor))


def is_negated(lex: Lexicon, text: str, hit: Hit) -> bool:
    """Negated ("has not released") or conditional ("if OpenAI releases") triggers."""
    before = text[max(0, hit.start - 40) : hit.start]
    return cue_at(lex, "negation", before) >= 0 or cue_at(lex, "conditional", before) >= 0


def planned_cue(lex: Lexicon, text: str, hit: Hit) -> int | None:
    """Where a modal or plan verb governing the trigger starts ("intends to release", "will
    open-source"), or None."""
    if hit.role not in ("action", "event", "founding"):
        return None
    at = cue_at(lex, "status.planned", text, max(0, hit.start - _PLANNED_WINDOW), hit.end)
    if at < 0 and "planned_object" in lex.rx:  # "expects the first part of X to go live"
        at = cue_at(lex, "planned_object", text, max(0, hit.start - _OBJECT_WINDOW), hit.start)
    if at < 0 and hit.kind == "release" and lex.rx["delayed_launch"].search(hit.text):
        at = hit.start  # "delayed the launch of X to the first quarter of 2026": planned anew
    return at if at >= 0 else None


def is_planned(lex: Lexicon, text: str, hit: Hit) -> bool:
    return planned_cue(lex, text, hit) is not None


def status_of(lex: Lexicon, text: str, hit: Hit, content_at: int) -> str:
    """planned | reported | happened for the event the trigger reports."""
    main = content_at if hit.role in ("report", "plan", "commit") else len(text)
    if cue_at(lex, "status.reported", text, 0, main) >= 0:
        return "reported"
    if cue_at(lex, "status.hedge_before_trigger", text, 0, hit.start) >= 0:
        return "reported"
    return "planned" if is_planned(lex, text, hit) else "happened"


def media_attributed(lex: Lexicon, text: str, media_names: list[str]) -> bool:
    """A media organisation named as the source ("..., Reuters reported")."""
    return bool(media_names) and _occurs(lex, "status.media_report_verbs", text)


def open_source_framed(lex: Lexicon, text: str, hit: Hit) -> bool:
    """Open-source framing of a release or an event ("released five new open-source models",
    "held an Open-Source Week", "under the MIT licence")."""
    window = text[hit.start : hit.end + 90]
    window = re.split(r"\b(?:that|which|who|while|whereas)\b", window, maxsplit=1)[0]
    if _PASSIVE.search(text[: hit.start]):  # "Gemma 3, an open-weights model, was released"
        window = text[: hit.start] + window
    return _occurs(lex, "open_source_framing", window)
