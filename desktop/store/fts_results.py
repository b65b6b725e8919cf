"""Running the id search's FTS5 queries: shared between searches that render the same
expressions, big ones in two concurrent halves, results kept by store state.

Typing a word letter by letter renders the same FTS expressions again and again once its
prefix stands for the same few tokens ("fam", "fami", … "familiar" all become
``"familiar"``). So the queries of one search run as a *flight* on helper threads with
read-only connections of their own: a later search with the same expressions waits for that
flight instead of starting over, and a search with other expressions stops it (a progress
handler). A caller waits inside an SQL statement on its own connection that polls the flight,
so ``conn.interrupt()`` (a newer search) still ends its wait at once.

Halves: a spelled-out query over many mentions runs on two halves of the rowid range at once
(SQLite releases the GIL while it steps); a prefix query still merges its whole doclist
first, so it stays one query. Flights read the last committed state, so a caller inside a
write transaction runs its queries itself.

Flights and kept results are keyed by (file, store uuid, generation, table, expression);
every write bumps the generation, so a result is never reused for another store state.
Results are packed (a bit per id of their range, or int32 ids: the smaller), 1 MB in all.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop.store import opening

_EVENTS = "SELECT group_concat(rowid) FROM events_fts WHERE events_fts MATCH ?"
_MENTIONS = "SELECT group_concat(rowid) FROM mentions_fts WHERE mentions_fts MATCH ?"
_MENTIONS_BELOW = _MENTIONS + " AND rowid < ?"
_MENTIONS_FROM = _MENTIONS + " AND rowid >= ?"
SPLIT_MIN_MENTIONS = 200_000  # fewer mentions: one query (a second connection costs ~3 ms)
PARSE_CHUNK = 1 << 18  # characters of ids parsed per GIL-holding call (~40k ids, ~1 ms)
HELPER_CACHE_KB = 256  # SQLite page cache of a helper connection
CACHE_BYTES = 1 << 20  # packed results kept in all (eight broad results over 10^6 ids)
FLAG_CHUNK = 1 << 16  # flags turned into positions per step (a 512 KB temporary)
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1

POLL_S = 0.002  # a waiting caller looks at its flight (and its interrupt flag) this often
# a statement that calls eventline_flight_done() until it answers 1; SQLite checks the
# connection's interrupt flag between two steps
_WAIT = (
    "WITH RECURSIVE w(done) AS (SELECT 0 UNION ALL"
    " SELECT eventline_flight_done() FROM w WHERE done = 0) SELECT count(*) FROM w"
)

_helpers: list[ThreadPoolExecutor] = []
_helpers_lock = threading.Lock()
_lock = threading.RLock()  # guards _flights (a done callback may run under it)


def ints(text: str | None) -> np.ndarray:
    """The ids of a ``group_concat`` (comma-separated integers): int32 when all fit (half the
    memory of int64 for a broad search's 10^6 ids), else int64. Parsed in pieces of
    ``PARSE_CHUNK`` characters into one array sized from the commas: ``np.fromstring`` holds
    the GIL, and 6 MB of ids in one call (30-100 ms) would stall the GUI thread and every
    other worker meanwhile; no list of pieces is kept beside the result."""
    if not text:
        return np.zeros(0, dtype=np.int32)
    if len(text) <= PARSE_CHUNK:
        return _narrow(np.fromstring(text, dtype=np.int64, sep=","))
    out = np.empty(text.count(",") + 1, dtype=np.int32)
    start = filled = 0
    while start < len(text):
        end = text.find(",", start + PARSE_CHUNK)
        end = len(text) if end < 0 else end
        piece = np.fromstring(text[start:end], dtype=np.int64, sep=",")
        if out.dtype == np.int32 and not _fits32(piece):
            out = out.astype(np.int64)
        out[filled : filled + piece.size] = piece
        filled += piece.size
        start = end + 1
    return out[:filled]


def _fits32(values: np.ndarray) -> bool:
    return values.size == 0 or (int(values.min()) >= _INT32_MIN and int(values.max()) <= _INT32_MAX)


def _narrow(values: np.ndarray) -> np.ndarray:
    """``values`` as int32 when every one fits, else unchanged."""
    return values.astype(np.int32, copy=False) if _fits32(values) else values


def flag_positions(flags: np.ndarray, offset: int = 0) -> np.ndarray:
    """The positions (plus ``offset``) of the true entries of a bool array, ascending: int32
    when they fit, found a piece at a time (no int64 array of them all on the way)."""
    fits = offset >= _INT32_MIN and offset + flags.size - 1 <= _INT32_MAX
    out = np.empty(int(np.count_nonzero(flags)), dtype=np.int32 if fits else np.int64)
    filled = 0
    for start in range(0, flags.size, FLAG_CHUNK):
        found = np.flatnonzero(flags[start : start + FLAG_CHUNK])
        found += start + offset
        out[filled : filled + found.size] = found
        filled += found.size
    return out


def _pool(which: int) -> ThreadPoolExecutor:
    """Helper threads: 0 runs flights, 1 the halves flights wait for (a half never waits, so
    a flight always gets its half)."""
    with _helpers_lock:
        while len(_helpers) < 2:
            _helpers.append(ThreadPoolExecutor(max_workers=2, thread_name_prefix="fts-flight"))
        return _helpers[which]


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The main database's file (None: in memory or temporary)."""
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


_local = threading.local()  # each helper thread's read-only connection


def local_connection(path: Path) -> sqlite3.Connection:
    """This thread's read-only connection to the store file ``path``, kept between queries
    (a connection costs ~2 ms to open and parse the schema); a new one when the file at
    ``path`` is another (its inode changed)."""
    info = path.stat()
    ident = (str(path), info.st_dev, info.st_ino)
    kept = getattr(_local, "conn", None)
    if kept is not None and kept[0] == ident:
        return kept[1]
    if kept is not None:
        kept[1].close()
        _local.conn = None
    conn = opening.connect(path, readonly=True)
    conn.execute("PRAGMA query_only = ON")
    # one pass over doclists: a small page cache (the default 2 MB each adds up over the
    # helper threads' connections; RSS is tight at 10^6)
    conn.execute(f"PRAGMA cache_size = -{HELPER_CACHE_KB}")
    _local.conn = (ident, conn)
    return conn


def query_ids(path: Path, sql: str, args: tuple, stop: threading.Event) -> np.ndarray:
    """The ids a ``group_concat`` query returns, on this thread's read-only connection;
    ``stop`` set: the query is interrupted."""
    conn = local_connection(path)
    conn.set_progress_handler(stop.is_set, 1000)  # a true answer interrupts the query
    try:
        return ints(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.set_progress_handler(None, 0)


def _mention_parts(fts: str, known: np.ndarray) -> list[tuple[str, tuple]]:
    """The mention query, as two rowid halves when it is worth it (``known``: mention ids)."""
    if known.size < SPLIT_MIN_MENTIONS or '"*' in fts:
        return [(_MENTIONS, (fts,))]
    middle = int(known[known.size // 2])
    return [(_MENTIONS_BELOW, (fts, middle)), (_MENTIONS_FROM, (fts, middle))]


def _fly(path: Path, parts: list[tuple[str, tuple]], stop: threading.Event) -> np.ndarray:
    """The ids of ``parts`` (one query, or rowid halves) concatenated: the last part on a
    helper thread, the others here."""
    *here, last = parts
    later: Future | None = None
    if here:
        later = _pool(1).submit(query_ids, path, last[0], last[1], stop)
    try:
        found = [query_ids(path, sql, args, stop) for sql, args in (here or [last])]
    except BaseException:
        stop.set()
        raise
    if later is not None:
        found.append(later.result())
    return found[0] if len(found) == 1 else np.concatenate(found)


@dataclass
class _Flight:
    future: Future
    stop: threading.Event = field(default_factory=threading.Event)


_flights: dict[Hashable, _Flight] = {}


def _wait(conn: sqlite3.Connection, futures: list[Future]) -> None:
    """Block until ``futures`` are done, inside a statement on ``conn``: an interrupt of
    ``conn`` raises ``sqlite3.OperationalError`` ("interrupted") within ``POLL_S``."""

    def done() -> int:
        try:
            for future in futures:
                future.exception(timeout=POLL_S)
        except TimeoutError:
            return 0
        return 1

    conn.create_function("eventline_flight_done", 0, done)
    conn.execute(_WAIT).fetchone()


def _finished(key: Hashable, flight: _Flight) -> None:
    with _lock:
        if _flights.get(key) is flight:
            del _flights[key]


def _board(path: Path, wanted: dict[Hashable, list[tuple[str, tuple]]]) -> list[Future]:
    """The flights of ``wanted`` (key -> query parts), joined or started; every other flight
    is stopped (a newer search superseded it)."""
    with _lock:
        for other in [k for k in _flights if k not in wanted]:
            _flights.pop(other).stop.set()
        futures = []
        for key, parts in wanted.items():
            flight = _flights.get(key)
            if flight is None:
                stop = threading.Event()
                flight = _flights[key] = _Flight(_pool(0).submit(_fly, path, parts, stop), stop)
                flight.future.add_done_callback(lambda _, k=key, f=flight: _finished(k, f))
            futures.append(flight.future)
        return futures


def matching_ids(
    conn: sqlite3.Connection,
    state: tuple | None,
    own_fts: str,
    mention_fts: str,
    known: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(event ids matching ``own_fts`` on events_fts, mention ids matching ``mention_fts``),
    ascending. With the store's ``state`` (``store_state``) each query runs as a flight
    shared with other callers of the same state and expression; other flights are stopped.
    ``known``: the store's mention ids, ascending (where to halve a big mention query)."""
    if state is None or conn.in_transaction:
        own = ints(conn.execute(_EVENTS, (own_fts,)).fetchone()[0])
        return own, ints(conn.execute(_MENTIONS, (mention_fts,)).fetchone()[0])
    keys = ((*state, "events", own_fts), (*state, "mentions", mention_fts))
    found = [RESULTS.get(key) for key in keys]
    wanted = {
        key: parts
        for key, parts, kept in zip(
            keys, ([(_EVENTS, (own_fts,))], _mention_parts(mention_fts, known)), found, strict=True
        )
        if kept is None
    }
    if wanted:
        futures = dict(zip(wanted, _board(Path(state[0]), wanted), strict=True))
        _wait(conn, list(futures.values()))
        unchanged = store_state(conn) == state  # no write landed meanwhile
        for k, key in enumerate(keys):
            if key in futures:
                found[k] = futures[key].result()
                if unchanged:
                    RESULTS.put(key, found[k])
    return found[0], found[1]


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
        return np.zeros(0, dtype=np.int32)
    if span < 0:
        return _narrow(packed.astype(np.int64) + first)
    return flag_positions(np.unpackbits(packed, count=span), first)


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
