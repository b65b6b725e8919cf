"""An event mention (the working record of one clause's event), its time and its fields."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.extract.actors import Actor, org_mentions
from desktop.extract.lexicon import Lexicon
from desktop.extract.sentences import Span
from desktop.extract.subjects import subject_of
from desktop.extract.timex import find_time_expressions
from desktop.extract.triggers import Hit, open_source_framed, status_of
from desktop.extract.types import TimeExpression

_CONFIDENCE = {"gazetteer": 0.8, "person": 0.75, "agent": 0.7, "anaphor": 0.6, "product": 0.6}
FRAMED_KINDS = ("release", "other")  # kinds that open-source framing turns into open_source
_SINCE = re.compile(r"^since\b", re.I)  # "since 2024" starts a state, it does not date an event
_ATTRIBUTIVE_PERIOD = re.compile(
    r"^(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)$|^full-year$", re.I
)


@dataclass
class Mention:
    """A mutable working record; becomes an ExtractedEvent at the end."""

    start: int
    end: int
    sentence: int
    kind: str
    status: str
    actor: str
    subject: str
    trigger: str
    time: TimeExpression | None
    confidence: float
    alt_spans: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # from a title line: the body's mention of the event is the evidence


def nearest_time(
    times: list[TimeExpression], lo: int, hi: int, at: int, skip: Sequence[tuple[int, int]] = ()
) -> TimeExpression | None:
    """The resolved expression in [lo, hi] closest to ``at``, outside the ``skip`` spans (relative
    clauses that do not contain the trigger: "The startup, which was founded in 2023, ...")."""
    usable = [
        t
        for t in times
        if t.interval.is_resolved
        and not _SINCE.search(t.text)
        and lo <= t.start
        and t.end <= hi
        and not any(a <= t.start < b and not a <= at < b for a, b in skip)
    ]
    # "a first-quarter profit … (on Tuesday)": a reporting period never dates the event
    usable = [t for t in usable if not _ATTRIBUTIVE_PERIOD.match(t.text)]
    return min(usable, key=lambda t: abs(t.start - at)) if usable else None


def times_in(text: str, base: int, published: dt.date | None, planned: bool) -> list:
    return find_time_expressions(text, published, "future" if planned else "past", base=base)


def clause_times(
    lex: Lexicon, text: str, base: int, published: dt.date | None, cue: int | None
) -> list[TimeExpression]:
    """Time expressions of a clause, each resolved with its own tense: future when a plan cue
    governs the event, except for an expression attached to a past reporting verb ("the media
    published in January that X is negotiating", "…, Bloomberg reported on Tuesday")."""
    past = times_in(text, base, published, False)
    if cue is None or not past:
        return past
    future: dict[int, TimeExpression] | None = None  # resolved on first need (one more scan)
    out = []
    for t in past:
        a, b = t.start - base, t.end - base
        between = text[b:cue] if b <= cue else ""
        reported = lex.rx["past_report_verbs"].search(text[max(0, a - 25) : a] + " " + between)
        dateline = lex.rx["dateline_after"].match(text, b)  # "Feb 4 (Reuters) - OpenAI will"
        if reported or dateline:
            out.append(t)
            continue
        if future is None:
            future = {f.start: f for f in times_in(text, base, published, True)}
        out.append(future.get(t.start, t))
    return out


def make_mention(
    lex: Lexicon,
    clause: Span,
    index: int,
    hit: Hit,
    at: int,
    actor: Actor,
    time: TimeExpression | None,
) -> Mention:
    text = clause.text
    status = status_of(lex, text, hit, at)
    if status != "reported" and _media_sourced(lex, text):
        status = "reported"
    kind = hit.kind
    if kind in FRAMED_KINDS and open_source_framed(lex, text, hit):
        kind = "open_source"
    return Mention(
        start=clause.start,
        end=clause.end,
        sentence=index,
        kind=kind,
        status=status,
        actor=actor.name,
        subject=subject_of(lex, text, hit, at, actor.name),
        trigger=hit.text,
        time=time,
        confidence=_CONFIDENCE.get(actor.how, 0.5) - (0.1 if time is None else 0.0),
    )


def _media_sourced(lex: Lexicon, text: str) -> bool:
    media = [o for o in org_mentions(lex, text) if o[3] == "media"]
    return bool(media) and bool(lex.rx["status.media_report_verbs"].search(text))
