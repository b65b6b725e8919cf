"""Turning what a user types in the search box into FTS5 syntax, safely.

Syntax: words are ANDed prefix terms; ``"…"`` is a phrase (an unclosed quote runs to the end);
a leading ``-`` excludes a word or phrase; ``OR`` between two words or phrases makes either
enough. Everything else is literal: each term becomes a double-quoted FTS5 string (inner quotes
doubled) followed by ``*``, so FTS5 operators, column filters, ``NEAR(``, ``^`` or brackets in
the input are searched for as text and never reach the FTS5 parser as syntax.

``render`` writes the same query with some prefix terms spelled out: when the index holds only
a few tokens starting with a term's last word, ``"familiar"*`` becomes ``"familiar"`` (or
``("model" OR "models")``) — the same matches, but FTS5 reads those tokens' doclists in
turn instead of first merging every prefix match into one list (about half the time on a
term in most of 10^6 rows), and a rowid range then really skips rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_TERMS = 32  # FTS5 limits expression depth; nobody types more than this many words
MAX_SPELLED = 64  # exact tokens a rendered query may hold in all (beyond: prefix terms stay)
# A word the tokenizer (unicode61, tokenchars '.') keeps as one token, lower-cased: ASCII
# letters, digits and dots. Only such words (and such tokens) are spelled out.
_PLAIN = re.compile(r"[A-Za-z0-9.]+")


@dataclass(frozen=True)
class Phrase:
    """A quoted FTS5 string whose last word is a prefix: ``"w1 w2"*``."""

    words: tuple[str, ...]

    def fts(self, last: str | None = None) -> str:
        """The prefix form, or with the last word replaced by the exact token ``last``."""
        words = self.words if last is None else (*self.words[:-1], last)
        quoted = '"' + " ".join(words).replace('"', '""') + '"'
        return quoted + "*" if last is None else quoted

    @property
    def plain_last(self) -> str | None:
        """The token the index holds for the last word, when that word is plain ASCII."""
        last = self.words[-1]
        return last.lower() if _PLAIN.fullmatch(last) else None


@dataclass(frozen=True)
class ParsedQuery:
    include: str | None  # FTS5 expression an event must match; None: no positive filter
    exclude: str | None  # FTS5 expression an event must not match; None: nothing excluded
    groups: tuple[tuple[Phrase, ...], ...] = ()  # ANDed groups of ORed phrases (include)
    excluded: tuple[Phrase, ...] = ()  # ORed phrases (exclude)

    @property
    def is_empty(self) -> bool:
        return self.include is None and self.exclude is None


@dataclass(frozen=True)
class _Item:
    text: str
    negated: bool
    quoted: bool


def _split(query: str) -> list[_Item]:
    items: list[_Item] = []
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negated = query[i] == "-" and i + 1 < n and not query[i + 1].isspace()
        if negated:
            i += 1
        if query[i] == '"':
            close = query.find('"', i + 1)
            close = n if close < 0 else close
            items.append(_Item(query[i + 1 : close], negated, True))
            i = close + 1
            continue
        j = i
        while j < n and not query[j].isspace() and query[j] != '"':
            j += 1
        items.append(_Item(query[i:j], negated, False))
        i = j
    return items


def _phrase(text: str) -> Phrase | None:
    """The prefix phrase for ``text``, or None when it holds nothing searchable."""
    words = [w.strip(".") for w in text.split()]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    return Phrase(tuple(words)) if words else None


def _is_or(item: _Item) -> bool:
    return item.text == "OR" and not item.quoted and not item.negated


def parse(query: str) -> ParsedQuery:
    """Split a search-box string into what must match and what must not."""
    items = _split((query or "").replace("\x00", " "))  # FTS5 strings end at a NUL
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    join_next = False
    for pos, item in enumerate(items):
        between = 0 < pos < len(items) - 1 and groups and not items[pos + 1].negated
        if _is_or(item) and between and not _is_or(items[pos + 1]):
            join_next = True
            continue
        term = _phrase(item.text)
        if term is None:
            join_next = False
            continue
        if item.negated:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    groups, excluded = groups[:MAX_TERMS], excluded[:MAX_TERMS]
    parsed = ParsedQuery(None, None, tuple(tuple(g) for g in groups), tuple(excluded))
    include, exclude = render(parsed, lambda _: None)
    return ParsedQuery(include, exclude, parsed.groups, parsed.excluded)


Expand = Callable[[str], Sequence[str] | None]


def render(parsed: ParsedQuery, expand: Expand) -> tuple[str | None, str | None]:
    """(include, exclude) FTS5 expressions of ``parsed``. ``expand(token)`` lists the
    index's tokens that start with a phrase's (plain) last word, or None to keep it a prefix;
    a phrase is spelled out as those exact tokens when there are few and all are plain."""
    budget = [MAX_SPELLED]

    def one(phrase: Phrase) -> str:
        key = phrase.plain_last
        tokens = None if key is None else expand(key)
        if not tokens or len(tokens) > budget[0]:
            return phrase.fts()
        if not all(_PLAIN.fullmatch(t) and t.startswith(key) for t in tokens):
            return phrase.fts()
        budget[0] -= len(tokens)
        spelled = [phrase.fts(t) for t in tokens]
        return spelled[0] if len(spelled) == 1 else "(" + " OR ".join(spelled) + ")"

    parts = []
    for group in parsed.groups:
        rendered = [one(p) for p in group]
        parts.append(rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")")
    excluded = [one(p) for p in parsed.excluded]
    return " AND ".join(parts) or None, " OR ".join(excluded) or None


def to_fts5(query: str) -> str | None:
    """The whole query as one FTS5 expression, or None when it puts no positive condition
    (blank, only punctuation, or only excluded terms: see ``parse`` for those)."""
    parsed = parse(query)
    if parsed.include is None:
        return None
    if parsed.exclude is None:
        return parsed.include
    return f"{parsed.include} NOT ({parsed.exclude})"
