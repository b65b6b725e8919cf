"""The GUI's one road to an EventStore: opens it read-only and hands out plain data.

Only this module (and the search job it gives to a worker) calls ``EventStore``. A SQLite
connection belongs to the thread that opened it, so ``search_job`` opens its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.store import EventStore
from desktop.store.errors import StoreError
from desktop.store.records import DocumentRecord, EventDetail, EventRecord, MentionRecord


class StoreModel(QObject):
    """The open store: its events, columns and lanes, plus lookups for the details pane."""

    store_opened = Signal(str)  # path of the newly opened store

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Any | None = None
        self._path: Path | None = None
        self.records: list[EventRecord] = []
        self._by_id: dict[int, EventRecord] = {}
        self._by_key: dict[str, int] = {}
        self.columns: Any | None = None
        self._documents: dict[str, DocumentRecord] = {}

    # -- opening -------------------------------------------------------------------------------
    def open(self, path: str | Path) -> None:
        """Open ``path`` read-only and load its events; raises StoreError if it cannot."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"{path}: no such store file")
        store = EventStore.open(path, readonly=True)
        try:
            records = store.list_events()
            columns = store.columns()
        except Exception:
            store.close()
            raise
        self.close()
        self._store, self._path = store, path
        self.records = records
        self._by_id = {r.id: r for r in records}
        self._by_key = {r.key: r.id for r in records}
        self.columns = columns
        self._documents = {}
        self.store_opened.emit(str(path))

    def close(self) -> None:
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

    def titles(self) -> dict[int, str]:
        return {r.id: r.title for r in self.records}

    def record(self, event_id: int) -> EventRecord | None:
        return self._by_id.get(event_id)

    def id_for_key(self, key: str) -> int | None:
        return self._by_key.get(key)

    def key_for_id(self, event_id: int | None) -> str | None:
        record = self._by_id.get(event_id) if event_id is not None else None
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

    def search_job(self, query: str) -> Callable[[], tuple[str, list[int]]]:
        """A function a worker thread can run: opens its own connection, returns (query, ids)."""
        path = self._path

        def job() -> tuple[str, list[int]]:
            if path is None:
                return query, []
            with EventStore.open(path, readonly=True) as store:
                return query, list(store.search(query))

        return job
