"""Search at scale: the ids of matching events as one sorted numpy array.

Same meaning as ``EventStore.search`` (an event matches through its own fields or the evidence
of its mentions; excluded terms remove events matching them either way), but built for 10^6
events: FTS5 hands back rowids as one ``group_concat`` string that numpy parses, and mention
rowids become event ids through an in-memory ``MentionMap`` (two sorted arrays) instead of a
join that reads every matching mention row. No Python object per id.

Prefix terms are spelled out as the few exact tokens they stand for (``search_query.render``),
looked up in an ``fts5vocab`` table per FTS table: same matches, about half the FTS time on a
broad term. The vocabulary tables live in the connection's ``temp`` schema (a read-only store
stays untouched; the connection's ``query_only`` is lifted just to declare them).

The queries run as flights shared by searches that render the same expressions, big ones in
two concurrent halves, and results are kept by store state (``fts_results``).
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop.store.fts_results import (
    flag_positions,
    ints,
    local_connection,
    matching_ids,
    store_state,
)
from desktop.store.search_query import ParsedQuery, parse, render

# the FTS tables' vocabularies (fixed names, never built from text)
_VOCABS = {"events_fts": "eventline_events_terms", "mentions_fts": "eventline_mentions_terms"}
_NEXT_TERM = {
    fts: f"SELECT term FROM temp.{vocab} WHERE term >= ? AND term < ? LIMIT 1"
    for fts, vocab in _VOCABS.items()
}
MAX_EXPANSION = 8  # tokens a prefix may stand for and still be spelled out
_MAP = "SELECT group_concat(id), group_concat(event_id) FROM (SELECT id, event_id FROM mentions)"
_ALL = "SELECT group_concat(id) FROM events"
UNION_CHUNK = 1 << 16  # mention ids turned into event ids per step


@dataclass(frozen=True)
class MentionMap:
    """Mention ids (ascending) and the event each belongs to."""

    mention_id: np.ndarray  # int64
    event_id: np.ndarray  # int64
    _lookup: list = field(default_factory=list, compare=False, repr=False)

    def _dense(self) -> tuple[int, np.ndarray] | None:
        """(first mention id, event id by mention id - first; -1: none) when mention ids are
        dense enough; built once. Consecutive ids (a store nobody split or deleted mentions
        in) need no table: ``event_id`` itself is one, and only the first and last mention
        ids are read (their 8 MB column stays untouched at 10^6 mentions)."""
        if not self._lookup:
            ids, dense = self.mention_id, None
            if ids.size and int(ids[0]) >= 0 and int(ids[-1]) - int(ids[0]) == ids.size - 1:
                dense = (int(ids[0]), self.event_id)  # ascending and unique: consecutive
            elif ids.size and int(ids[0]) >= 0 and int(ids[-1]) < 2 * ids.size + 1024:
                small = int(self.event_id.max()) < 2**31 if self.event_id.size else True
                table = np.full(int(ids[-1]) + 1, -1, dtype=np.int32 if small else np.int64)
                table[ids] = self.event_id
                dense = (0, table)
            self._lookup.append(dense)
        return self._lookup[0]

    def events_of(self, mention_ids: np.ndarray) -> np.ndarray:
        dense = self._dense()
        if dense is not None:  # mention ids with few gaps: one gather
            first, table = dense
            at = mention_ids - first if first else mention_ids
            ok = (at >= 0) & (at < table.size)
            found = table[at] if ok.all() else table[at[ok]]
            return found[found >= 0]
        pos = np.searchsorted(self.mention_id, mention_ids)
        pos = np.minimum(pos, max(self.mention_id.size - 1, 0))
        if self.mention_id.size == 0:
            return np.zeros(0, dtype=np.int64)
        known = self.mention_id[pos] == mention_ids
        return self.event_id[pos[known]]


_ints = ints


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (``np.unique`` is ~50x slower on 10^6 ints in numpy 2.4).
    Non-negative ids below a few times their number: one flag array, no sort (then int32
    when they fit)."""
    if values.size and int(values.min()) >= 0 and int(values.max()) < 4 * values.size + 4096:
        flags = np.zeros(int(values.max()) + 1, dtype=bool)
        flags[values] = True
        return flag_positions(flags)
    return distinct(values)


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values, by sort and compare (``np.unique`` imports numpy.ma:
    1.3 MB, ~24 ms, and is slower)."""
    values = np.sort(values)
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def read_mention_map(conn: sqlite3.Connection) -> MentionMap:
    ids, events = conn.execute(_MAP).fetchone()
    mention_id, event_id = _ints(ids), _ints(events)
    if mention_id.size > 1 and not bool(np.all(mention_id[1:] > mention_id[:-1])):
        order = np.argsort(mention_id, kind="stable")
        mention_id, event_id = mention_id[order], event_id[order]
    return MentionMap(mention_id, event_id)


def _raise_interrupt(exc: sqlite3.Error) -> None:
    if "interrupt" in str(exc):
        raise exc


def vocabularies(conn: sqlite3.Connection) -> bool:
    """Declare the FTS tables' ``fts5vocab`` tables in ``temp`` (once per connection);
    False when that is impossible (search then keeps plain prefix terms)."""
    names = tuple(_VOCABS.values())
    try:
        have = conn.execute(
            "SELECT count(*) FROM temp.sqlite_master WHERE name IN (?, ?)", names
        ).fetchone()[0]
        if have == len(names):
            return True
        query_only = bool(conn.execute("PRAGMA query_only").fetchone()[0])
        if query_only:  # the main file of a read-only store is opened mode=ro anyway
            conn.execute("PRAGMA query_only = OFF")
        try:
            for fts, vocab in _VOCABS.items():
                conn.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab}"
                    f" USING fts5vocab(main, {fts}, instance)"
                )
        finally:
            if query_only:
                conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        _raise_interrupt(exc)
        return False
    return True


def prefix_tokens(conn: sqlite3.Connection, fts: str, prefix: str) -> list[str] | None:
    """The tokens of FTS table ``fts`` that start with the ASCII ``prefix`` (its vocabulary
    read term by term: each step a seek, never a pass over a term's rows); None when more
    than ``MAX_EXPANSION``."""
    if not prefix or not prefix.isascii():
        return None
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    found: list[str] = []
    low = prefix
    while len(found) <= MAX_EXPANSION:
        row = conn.execute(_NEXT_TERM[fts], (low, upper)).fetchone()
        if row is None:
            return found
        found.append(str(row[0]))
        low = found[-1] + "\x00"  # the smallest string after this term
    return None


def _rendered(conn: sqlite3.Connection, parsed: ParsedQuery, fts: str) -> ParsedQuery:
    """``parsed`` with its expressions spelled out for FTS table ``fts``."""
    if not vocabularies(conn):
        return parsed
    try:
        include, exclude = render(parsed, lambda prefix: prefix_tokens(conn, fts, prefix))
    except sqlite3.Error as exc:
        _raise_interrupt(exc)
        return parsed
    return ParsedQuery(include, exclude, parsed.groups, parsed.excluded)


def _matching(
    conn: sqlite3.Connection, own_fts: str | None, mention_fts: str | None, mentions: MentionMap
) -> np.ndarray:
    """Events matching through their own fields (``own_fts`` on events_fts) or the evidence
    of a mention (``mention_fts`` on mentions_fts): the same query rendered for each."""
    state = store_state(conn)
    own, via = matching_ids(conn, state, str(own_fts), str(mention_fts), mentions.mention_id)
    return union(own, via, mentions)


def union(own: np.ndarray, via: np.ndarray, mentions: MentionMap) -> np.ndarray:
    """``sorted_unique`` of the event ids ``own`` and the events of the mention ids ``via``,
    without an array of them all: one flag array by event id, filled a piece of mentions at
    a time (a broad search: 10^6 mentions, ~25 MB of temporaries less at its peak)."""
    limit = 4 * (own.size + via.size) + 4096  # ids beyond: too spread out for flags
    flags = np.zeros(0, dtype=bool)
    pieces = (mentions.events_of(via[k : k + UNION_CHUNK]) for k in range(0, via.size, UNION_CHUNK))
    for part in itertools.chain((own,), pieces):  # (one piece alive at a time)
        if part.size == 0:
            continue
        top = int(part.max())
        if int(part.min()) < 0 or top >= limit:
            return sorted_unique(np.concatenate([own, mentions.events_of(via)]))
        if top >= flags.size:  # grown by half at least: few copies
            size = min(max(top + 1, flags.size * 3 // 2), limit)
            flags = np.concatenate([flags, np.zeros(size - flags.size, dtype=bool)])
        flags[part] = True
    return flag_positions(flags)


def search_ids(conn: sqlite3.Connection, query: str, mentions: MentionMap) -> np.ndarray:
    """Sorted ids of the events matching a search-box query (blank: every event)."""
    parsed = parse(query)
    if parsed.is_empty:
        return sorted_unique(_ints(conn.execute(_ALL).fetchone()[0]))
    state = None if conn.in_transaction else store_state(conn)
    terms = conn  # the vocabularies: on this thread's kept connection (declared once)
    if state is not None:  # (if the file moved away, the caller's connection still reads)
        with contextlib.suppress(OSError, sqlite3.Error):
            terms = local_connection(Path(state[0]))
    own, via = _rendered(terms, parsed, "events_fts"), _rendered(terms, parsed, "mentions_fts")
    if parsed.include is None:
        ids = sorted_unique(_ints(conn.execute(_ALL).fetchone()[0]))
    else:
        ids = _matching(conn, own.include, via.include, mentions)
    if parsed.exclude is not None and ids.size:
        ids = ids[~np.isin(ids, _matching(conn, own.exclude, via.exclude, mentions))]
    return ids
