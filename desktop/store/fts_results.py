"""Running the id search's FTS5 queries: big ones in two concurrent halves, and results kept
by store state so the same query is not run twice.

Halves: a spelled-out query over many mentions runs on two halves of the rowid range at once,
the upper half on a second read-only connection in a helper thread (SQLite releases the GIL
while it steps), stopped by a progress handler when the caller's half is interrupted. Each
half reads about half the doclists; a prefix query still merges its whole doclist first, so it
stays one query. The halves may read two snapshots if a write lands between them: a search
result is then as of either one, and a store change triggers a new search anyway.

Cache: typing a word letter by letter renders the same FTS expression again and again once
its prefix stands for the same few tokens ("fam", "fami", … "familiar" all become
``"familiar"``). A result is kept under (file, store uuid, generation, expressions); every
write bumps the generation, so a kept result is never one of another store state. Results
are packed (a bit per id of their range, or int32 ids: the smaller), 1 MB in all.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from desktop.store import opening

_MENTIONS = "SELECT group_concat(rowid) FROM mentions_fts WHERE mentions_fts MATCH ?"
_MENTIONS_BELOW = _MENTIONS + " AND rowid < ?"
_MENTIONS_FROM = _MENTIONS + " AND rowid >= ?"
SPLIT_MIN_MENTIONS = 200_000  # fewer mentions: one query (a second connection costs ~3 ms)
CACHE_BYTES = 1 << 20  # packed results kept in all (eight broad results over 10^6 ids)

_helpers: list[ThreadPoolExecutor] = []
_lock = threading.Lock()


def ints(text: str | None) -> np.ndarray:
    """The ids of a ``group_concat`` (comma-separated integers) as int64."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _helper() -> ThreadPoolExecutor:
    with _lock:
        if not _helpers:
            _helpers.append(ThreadPoolExecutor(max_workers=2, thread_name_prefix="fts-half"))
        return _helpers[0]


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The main database's file (None: in memory or temporary)."""
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


def upper_half(path: Path, fts: str, first: int, stop: threading.Event) -> np.ndarray:
    """Mention ids >= ``first`` matching ``fts``, on a connection of this thread's own."""
    conn = opening.connect(path, readonly=True)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.set_progress_handler(stop.is_set, 1000)  # a true answer interrupts the query
        return ints(conn.execute(_MENTIONS_FROM, (fts, first)).fetchone()[0])
    finally:
        conn.close()


def mention_ids(conn: sqlite3.Connection, fts: str, known: np.ndarray) -> np.ndarray:
    """Ids of the mentions matching ``fts``, ascending; in two concurrent halves when the
    store has many mentions (``known``: their ids, ascending) and ``fts`` no prefix term."""
    path = None if known.size < SPLIT_MIN_MENTIONS or '"*' in fts else database_file(conn)
    if path is None:
        return ints(conn.execute(_MENTIONS, (fts,)).fetchone()[0])
    middle = int(known[known.size // 2])
    stop = threading.Event()
    upper: Future = _helper().submit(upper_half, path, fts, middle, stop)
    try:
        lower = ints(conn.execute(_MENTIONS_BELOW, (fts, middle)).fetchone()[0])
    except BaseException:
        stop.set()  # interrupted (a newer search): the helper stops too
        raise
    try:
        high = upper.result()
    except sqlite3.Error:  # the helper could not read: the upper half here
        high = ints(conn.execute(_MENTIONS_FROM, (fts, middle)).fetchone()[0])
    return np.concatenate([lower, high])


def store_state(conn: sqlite3.Connection) -> tuple | None:
    """(file, uuid, generation) of the store ``conn`` reads; None when it has none."""
    try:
        row = conn.execute("SELECT uuid, generation FROM meta WHERE id = 1").fetchone()
        path = database_file(conn)
    except sqlite3.Error as exc:
        if "interrupt" in str(exc):
            raise
        return None
    if row is None or path is None:
        return None
    return str(path), str(row[0]), int(row[1])


def _pack(ids: np.ndarray) -> tuple[int, np.ndarray, int]:
    """(first id, packed form, size): a bit per id of [first, last], or int32 offsets from
    the first id, whichever is smaller; ``ids`` sorted and distinct."""
    if ids.size == 0:
        return 0, np.zeros(0, dtype=np.int32), 0
    first, span = int(ids[0]), int(ids[-1]) - int(ids[0]) + 1
    if span // 8 < 4 * ids.size:
        flags = np.zeros(span, dtype=bool)
        flags[ids - first] = True
        return first, np.packbits(flags), span
    return first, (ids - first).astype(np.int32 if span < 2**31 else np.int64), -1


def _unpack(first: int, packed: np.ndarray, span: int) -> np.ndarray:
    if span == 0:
        return np.zeros(0, dtype=np.int64)
    if span < 0:
        return packed.astype(np.int64) + first
    return np.flatnonzero(np.unpackbits(packed, count=span)) + first


class ResultCache:
    """Sorted id arrays by key, least recently used dropped beyond ``max_bytes``;
    thread-safe (workers share it)."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[int, np.ndarray, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> np.ndarray | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
        return _unpack(*item)

    def put(self, key: Hashable, ids: np.ndarray) -> None:
        item = _pack(ids)
        if item[1].nbytes > self.max_bytes:
            return
        with self._lock:
            self._items[key] = item
            self._items.move_to_end(key)
            while sum(v[1].nbytes for v in self._items.values()) > self.max_bytes:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RESULTS = ResultCache()
