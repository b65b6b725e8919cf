"""Turning what a user types in the search box into FTS5 syntax, safely.

Syntax: words are ANDed prefix terms; ``"…"`` is a phrase (an unclosed quote runs to the end);
a leading ``-`` excludes a word or phrase; ``OR`` between two words or phrases makes either
enough. Everything else is literal: each term becomes a double-quoted FTS5 string (inner quotes
doubled) followed by ``*``, so FTS5 operators, column filters, ``NEAR(``, ``^`` or brackets in
the input are searched for as text and never reach the FTS5 parser as syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TERMS = 32  # FTS5 limits expression depth; nobody types more than this many words


@dataclass(frozen=True)
class ParsedQuery:
    include: str | None  # FTS5 expression an event must match; None: no positive filter
    exclude: str | None  # FTS5 expression an event must not match; None: nothing excluded

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


def _fts_string(text: str) -> str | None:
    """A prefix FTS5 string for ``text``, or None when it holds nothing searchable."""
    words = [w.strip(".") for w in text.split()]
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    return '"' + " ".join(words).replace('"', '""') + '"*'


def _is_or(item: _Item) -> bool:
    return item.text == "OR" and not item.quoted and not item.negated


def parse(query: str) -> ParsedQuery:
    """Split a search-box string into what must match and what must not."""
    items = _split((query or "").replace("\x00", " "))  # FTS5 strings end at a NUL
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for pos, item in enumerate(items):
        between = 0 < pos < len(items) - 1 and groups and not items[pos + 1].negated
        if _is_or(item) and between and not _is_or(items[pos + 1]):
            join_next = True
            continue
        term = _fts_string(item.text)
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
    parts = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    return ParsedQuery(include=" AND ".join(parts) or None, exclude=" OR ".join(excluded) or None)


def to_fts5(query: str) -> str | None:
    """The whole query as one FTS5 expression, or None when it puts no positive condition
    (blank, only punctuation, or only excluded terms: see ``parse`` for those)."""
    parsed = parse(query)
    if parsed.include is None:
        return None
    if parsed.exclude is None:
        return parsed.include
    return f"{parsed.include} NOT ({parsed.exclude})"
