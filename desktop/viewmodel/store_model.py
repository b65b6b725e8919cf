"""The GUI's one road to an EventStore: opens it read-only and hands out plain data.

Only this module (and the search job it gives to a worker) calls ``EventStore``. A SQLite
connection belongs to the thread that opened it, so ``search_job`` opens its own.

Opening is columnar: the timeline's columns come from the binary column cache (rebuilt from
the store when its generation changed), and per-event records are loaded only for stores of up
to ``RECORDS_LIMIT`` events. Above that, titles and records are fetched on demand by id
(``titles()`` is then a lazy mapping), so a 10^6-event store opens in well under a second.

Another process's commits are noticed by polling the store's generation every
``POLL_INTERVAL_MS``; the columns are then reloaded (through the cache) and ``store_changed``
is emitted, so the window can refresh without losing its selection or zoom.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store import EventStore
from desktop.store.column_cache import (
    cached_published,
    load_columns,
    load_mention_map,
    load_published,
    sorted_ids,
)
from desktop.store.errors import StoreError
from desktop.store.id_search import MentionMap, search_ids
from desktop.store.records import DocumentRecord, EventDetail, EventRecord, MentionRecord

RECORDS_LIMIT = 50_000  # above this many events, records are fetched by id on demand
POLL_INTERVAL_MS = 1000
_RECORD_CACHE = 4096  # records kept for on-demand lookups
PREFETCH_WAIT_S = 10.0  # longest wait for the background read of publication dates


class LazyTitles(Mapping[int, str]):
    """Event titles by id, fetched from the store in batches on first use and kept."""

    def __init__(self, fetch: Callable[[Sequence[int]], list[EventRecord]], ids: np.ndarray):
        self._fetch = fetch
        self._ids = ids
        self._titles: dict[int, str] = {}

    def prefetch(self, ids: Sequence[int]) -> None:
        """Fetch the titles of ``ids`` not known yet, in one batch."""
        missing = [int(i) for i in ids if int(i) not in self._titles]
        if missing:
            found = {r.id: r.title for r in self._fetch(missing)}
            self._titles.update({i: found.get(i, "") for i in missing})

    def __getitem__(self, event_id: int) -> str:
        if event_id not in self._titles:
            self.prefetch([event_id])
        return self._titles[event_id]

    def get(self, event_id: int, default: Any = None) -> Any:  # type: ignore[override]
        return self[int(event_id)] if event_id in self else default

    def __contains__(self, event_id: object) -> bool:
        if event_id in self._titles:
            return True
        if not isinstance(event_id, (int, np.integer)) or self._ids.size == 0:
            return False
        pos = int(np.searchsorted(self._ids, event_id))
        return pos < self._ids.size and int(self._ids[pos]) == int(event_id)

    def __iter__(self) -> Iterator[int]:
        return (int(i) for i in self._ids)

    def __len__(self) -> int:
        return int(self._ids.size)


class StoreModel(QObject):
    """The open store: its columns and lanes, plus lookups for the details pane."""

    store_opened = Signal(str)  # path of the newly opened store
    store_changed = Signal()  # the open store was changed by another process: data reloaded

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Any | None = None
        self._path: Path | None = None
        self.records: list[EventRecord] = []
        self._by_id: dict[int, EventRecord] = {}
        self._by_key: dict[str, int] = {}
        self._lazy: OrderedDict[int, EventRecord] = OrderedDict()
        self._titles: LazyTitles | None = None
        self._mentions: MentionMap | None = None
        self._running: set[sqlite3.Connection] = set()  # connections of running searches
        self._interrupted: set[sqlite3.Connection] = set()  # of those: told to stop
        self._running_lock = threading.Lock()
        self.columns: Any | None = None
        self.columns_from_cache = False
        self._generation: int | None = None
        self._documents: dict[str, DocumentRecord] = {}
        self._published: tuple[Path, int, np.ndarray] | None = None  # (path, generation, dates)
        self._published_ready = threading.Event()
        self._published_ready.set()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)

    # -- opening -------------------------------------------------------------------------------
    def open(self, path: str | Path) -> None:
        """Open ``path`` read-only and load its columns; raises StoreError if it cannot."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"{path}: no such store file")
        store = EventStore.open(path, readonly=True)
        try:
            generation = store.generation
            columns, cached = load_columns(store)
            records = store.list_events() if len(columns) <= RECORDS_LIMIT else []
        except Exception:
            store.close()
            raise
        self.close()
        self._store, self._path, self._generation = store, path, generation
        self._set_data(columns, records)
        self.columns_from_cache = cached
        self._documents = {}
        self._poll.start()
        self._prefetch(path, generation)
        self.store_opened.emit(str(path))

    def _set_data(self, columns: Any, records: list[EventRecord]) -> None:
        self.columns = columns
        self.records = records
        self._by_id = {r.id: r for r in records}
        self._by_key = {r.key: r.id for r in records}
        self._lazy = OrderedDict()
        self._titles = None
        self._mentions: MentionMap | None = None  # loaded by the first search, in its worker

    def refresh(self) -> bool:
        """Reload the data if the store changed since it was read; True if it did."""
        store = self._store
        if store is None:
            return False
        try:
            generation = store.generation
            if generation == self._generation:
                return False
            columns, _ = load_columns(store)
            records = store.list_events() if len(columns) <= RECORDS_LIMIT else []
        except StoreError:
            return False  # busy or gone for a moment: the next poll tries again
        self._generation = generation
        self._set_data(columns, records)
        self._documents = {}
        self.store_changed.emit()
        return True

    def _on_poll_timeout(self) -> None:
        self.refresh()

    def close(self) -> None:
        self._poll.stop()
        if self._store is not None:
            self._store.close()
        self._store = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    # -- identity (for provenance) -------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def uuid(self) -> str | None:
        return getattr(self._store, "uuid", None)

    @property
    def generation(self) -> int | None:
        return getattr(self._store, "generation", None)

    # -- plain data ----------------------------------------------------------------------------
    @property
    def lanes(self) -> list[str]:
        return list(getattr(self.columns, "lanes", []) or [])

    def titles(self) -> Mapping[int, str]:
        """Titles by id: a dict for small stores, a lazy (fetch-by-id) mapping for large ones."""
        if self.records or self.columns is None or len(self.columns) == 0:
            return {r.id: r.title for r in self.records}
        if self._titles is None:
            self._titles = LazyTitles(self._fetch_records, sorted_ids(self.columns))
        return self._titles

    def _fetch_records(self, ids: Sequence[int]) -> list[EventRecord]:
        if self._store is None or not ids:
            return []
        records = self._store.list_events([int(i) for i in ids])
        for r in records:
            self._lazy[r.id] = r
        while len(self._lazy) > _RECORD_CACHE:
            self._lazy.popitem(last=False)
        return records

    def published_s(self) -> np.ndarray:
        """The documents' publication dates, epoch seconds (NaN when unknown), cached."""
        if self._store is None:
            return np.zeros(0)
        try:
            cached = cached_published(self._store)
            if cached is not None:
                return cached
            self._published_ready.wait(PREFETCH_WAIT_S)  # being read since open()
            found = self._published
            if found is not None and found[:2] == (self._path, self._generation):
                return found[2]
            return load_published(self._store)
        except (StoreError, sqlite3.Error):
            return np.zeros(0)

    def records_by_id(self, ids: Sequence[int]) -> dict[int, EventRecord]:
        """Records of ``ids`` (those that exist), in one query for a large store."""
        if self.records:
            return {int(i): self._by_id[int(i)] for i in ids if int(i) in self._by_id}
        return {r.id: r for r in self._fetch_records(ids)}

    def record(self, event_id: int) -> EventRecord | None:
        if self.records or event_id in self._by_id:
            return self._by_id.get(event_id)
        if event_id not in self._lazy:
            self._fetch_records([event_id])
        return self._lazy.get(event_id)

    def id_for_key(self, key: str) -> int | None:
        if self.records or self._store is None:
            return self._by_key.get(key)
        detail = self._store.get_event_by_key(key)
        return None if detail is None else detail.event.id

    def key_for_id(self, event_id: int | None) -> str | None:
        record = self.record(event_id) if event_id is not None else None
        return record.key if record is not None else None

    def detail(self, event_id: int) -> EventDetail | None:
        if self._store is None:
            return None
        return self._store.get_event(event_id)

    def document(self, document_id: str) -> DocumentRecord | None:
        if self._store is None:
            return None
        if document_id not in self._documents:
            self._documents[document_id] = self._store.get_document(document_id)
        return self._documents[document_id]

    def mentions_of_document(self, document_id: str) -> list[MentionRecord]:
        if self._store is None:
            return []
        return list(self._store.mentions_of_document(document_id))

    def search(self, query: str) -> list[int]:
        """Ids matching ``query`` on this thread's connection (for synchronous callers)."""
        if self._store is None:
            return []
        return list(self._store.search(query))

    def search_job(self, query: str) -> Callable[[], tuple[str, np.ndarray]]:
        """A function a worker thread can run: opens its own connection, returns (query, ids)
        with ids a sorted int64 array (``id_search``: no Python object per id).

        Making a new job interrupts the SQLite queries of the jobs made before it: their
        answers would be dropped as stale anyway, and a broad prefix ("f") must not keep a
        core busy while the user types on."""
        path = self._path
        self._interrupt_searches()

        def job() -> tuple[str, np.ndarray]:
            if path is None:
                return query, np.zeros(0, dtype=np.int64)
            with EventStore.open(path, readonly=True) as store:
                conn = store.conn
                with self._running_lock:
                    self._running.add(conn)
                try:
                    mentions = self._mentions
                    if mentions is None:
                        mentions = self._mentions = load_mention_map(store)
                    return query, search_ids(conn, query, mentions)
                except sqlite3.OperationalError as exc:
                    # an interrupt can surface as another message ("vtable constructor
                    # failed" when it lands while FTS5 opens its table)
                    with self._running_lock:
                        stale = conn in self._interrupted
                    if not stale and "interrupt" not in str(exc):
                        raise
                    return query, np.zeros(0, dtype=np.int64)  # stale: dropped by the caller
                finally:
                    with self._running_lock:
                        self._running.discard(conn)
                        self._interrupted.discard(conn)

        return job

    def _prefetch(self, path: Path, generation: int) -> None:
        """In the background, on its own connection: the documents' publication dates (the
        window asks for them next) and the mention map (the first search needs it). On a
        store without a cache yet both are read from SQLite (~0.2 and ~0.4 s at 10^6 events)
        beside the window's own work. Failures are left to the callers' own reads."""
        ready = self._published_ready = threading.Event()

        def load() -> None:
            try:
                with EventStore.open(path, readonly=True) as store:
                    if store.generation == generation:
                        self._published = (path, generation, load_published(store))
                    ready.set()
                    mentions = load_mention_map(store)
                if self._path == path and self._mentions is None:
                    self._mentions = mentions
            except (StoreError, OSError, sqlite3.Error, SystemError):
                pass  # SystemError: CPython 3.11's AST race in np.load (see column_cache)
            finally:
                ready.set()

        threading.Thread(target=load, name="eventline-prefetch", daemon=True).start()

    def _interrupt_searches(self) -> None:
        with self._running_lock:
            for conn in self._running:
                conn.interrupt()
                self._interrupted.add(conn)
