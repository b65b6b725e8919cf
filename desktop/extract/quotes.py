"""Quotes that carry a leader's strategy statement: the tail of a quote the previous sentence
opened ('We are building a coworker for the welding line," Park said.'), and a quoted sentence
of its own right after the speaker's ('"We want to be the default model for …"'). Which quotes
state a strategy is lexicon data (``strategy_quote``); other quotes stay no events."""

from __future__ import annotations

import re

from desktop.extract.actors import Actor, DocState
from desktop.extract.lexicon import Lexicon
from desktop.extract.mentions import Mention, make_mention
from desktop.extract.sentences import Span
from desktop.extract.triggers import Hit

_SPEAKER_WINDOW = 70  # '," chief executive Park Ji-won said'
_CLOSING = '"”'
_OPENING = re.compile(r'^\s*["“]')
_QUOTED_SENTENCE = re.compile(r'^\s*["“][^"“”]{8,}[.!?]?["”]\s*$')


def quote_tail(text: str, at: int) -> int:
    """Where a quote that began in an earlier sentence ends before ``at`` (after its closing
    mark and comma), or 0 when the clause does not open inside a quote."""
    head = text[:at]
    marks = [i for i, ch in enumerate(head) if ch in _CLOSING or ch == "“"]
    if len(marks) != 1 or head[marks[0]] == "“" or _OPENING.match(head):
        return 0
    end = marks[0] + 1
    if len(head) - end > _SPEAKER_WINDOW:
        return 0
    return end + len(head[end:]) - len(head[end:].lstrip(", "))


def is_strategy_quote(lex: Lexicon, quote: str) -> bool:
    return bool(lex.rx["strategy_quote"].search(quote))


def quoted_strategy(lex: Lexicon, clause: Span, index: int, state: DocState) -> list[Mention]:
    """A quoted strategy sentence right after a sentence that named its speaker: a statement of
    the speaker's organisation (dated by the publication)."""
    text = clause.text
    if not _QUOTED_SENTENCE.match(text) or not is_strategy_quote(lex, text):
        return []
    if state.salient_at != index - 1 or not state.salient:
        return []
    hit = Hit("statement", "report", "", 0, 0, "")
    return [make_mention(lex, clause, index, hit, len(text), Actor(state.salient, "anaphor"), None)]
