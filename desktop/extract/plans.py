"""Further events of a clause with an event: the announced plans ("plans to release X in
May") and a coordinated second verb ("opened a plant in May and launched two SUVs")."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import FRAMED_KINDS, Mention, nearest_time, times_in
from desktop.extract.sentences import Span
from desktop.extract.subjects import subject_of
from desktop.extract.triggers import Hit, find_trigger, is_planned, open_source_framed


def planned_actions(
    lex: Lexicon, clause: Span, at: int, mention: Mention, published: dt.date | None, report: bool
) -> list[Mention]:
    """The announced actions, one per coordinated plan ("plans to release X in May and would
    open-source Y in October")."""
    out = []
    cuts = [at] + [at + m.start() for m in lex.rx["coordinated_plan"].finditer(clause.text[at:])]
    for lo, hi in zip(cuts, [*cuts[1:], len(clause.text)], strict=True):
        part = Span(clause.start, clause.start + hi, clause.text[:hi])
        found = _planned_action(lex, part, lo, mention, published, report and lo == at)
        if found is not None:
            out.append(found)
    return out


def _planned_action(
    lex: Lexicon, clause: Span, at: int, mention: Mention, published: dt.date | None, report: bool
) -> Mention | None:
    """The announced action as its own planned event, when it has its own time expression
    inside the announced content (after "that" / "plans to")."""
    content = clause.text[at:]
    inner = find_trigger(lex, content, roles=("action",))
    if inner is None or (report and not is_planned(lex, content, inner)):
        return None
    base = clause.start + at
    times = times_in(content, base, published, True)
    own = nearest_time(times, base, clause.end, base + inner.start)
    if own is None:
        return None
    kind = inner.kind
    if kind in FRAMED_KINDS and open_source_framed(lex, content, inner):
        kind = "open_source"
    subject = subject_of(lex, content, inner, len(content), mention.actor)
    return replace(mention, kind=kind, status="planned", subject=subject, time=own)


def coordination(lex: Lexicon, text: str, hit: Hit) -> tuple[int, int, Hit] | None:
    """Where a second verb of the same subject starts: "opened a plant in May and launched two
    SUVs", "raised $50 million and plans to open an office in Lagos next year"."""
    m = lex.rx["coordinated_verb"].search(text, hit.end)
    if m is None:
        return None
    rest = text[m.end() :]
    inner = find_trigger(lex, rest, roles=("action",))
    if inner is None or not lex.rx["coordinated_gap"].fullmatch(rest[: inner.start]):
        return None
    return m.start(), m.end(), inner


def coordinated_action(
    lex: Lexicon,
    clause: Span,
    cut: tuple[int, int, Hit],
    mention: Mention,
    published: dt.date | None,
) -> list[Mention]:
    """The second verb's event: its own time, else the first verb's (a plan needs its own)."""
    _a, b, inner = cut
    rest = clause.text[b:]
    gap = rest[: inner.start]
    planned = bool(lex.rx["status.planned"].search(gap)) or is_planned(lex, rest, inner)
    base = clause.start + b
    own = nearest_time(times_in(rest, base, published, planned), base, clause.end, base)
    if own is None and (planned or mention.time is None):
        return []
    kind = inner.kind
    if kind in FRAMED_KINDS and open_source_framed(lex, rest, inner):
        kind = "open_source"
    subject = subject_of(lex, rest, inner, len(rest), mention.actor)
    # "aims to … by 2030 and has signed deals": the deal happened; the plan's date is not its
    status = "planned" if planned else mention.status.replace("planned", "happened")
    time = own or (mention.time if status == mention.status else None)
    return [replace(mention, kind=kind, status=status, subject=subject, time=time)]
