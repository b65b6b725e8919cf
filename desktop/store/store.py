"""EventStore: the only road to an Eventline store's SQL."""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from desktop.extract.types import ExtractedEvent
from desktop.sources.document import Document
from desktop.store import bulk, opening, reader, writer
from desktop.store.bulk import RowChunk
from desktop.store.columns import TimelineColumns, read_columns
from desktop.store.curation_api import CurationMethods
from desktop.store.errors import StoreError
from desktop.store.opening import one_line
from desktop.store.records import (
    AddResult,
    DocumentRecord,
    EventDetail,
    EventRecord,
    MentionRecord,
)
from desktop.store.search_query import parse

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(method: F) -> F:
    """Serialise use of the connection and turn SQLite errors into StoreError."""

    @functools.wraps(method)
    def wrapper(self: EventStore, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            if self._conn is None:
                raise StoreError(f"{self.path}: the store is closed; open it again")
            try:
                return method(self, *args, **kwargs)
            except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged page may hold either
                raise StoreError(
                    one_line(
                        f"{self.path}: database error ({exc}); if it persists restore a backup"
                    )
                ) from exc

    return wrapper  # type: ignore[return-value]


class EventStore(CurationMethods):
    """An open store file. Use one object from one thread at a time (calls are serialised);
    a worker that runs concurrently should open its own EventStore on the same path."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        # Every ordinary read and write goes through sqlite-utils on this same connection;
        # raw SQL stays only where noted (transaction control, FTS ids, columnar and bulk loads).
        self._db = sqlite_utils.Database(conn, execute_plugins=False)
        meta = next(self._db["meta"].rows_where("id = ?", [1], select="uuid"), None)
        if meta is None:
            conn.close()
            raise StoreError(f"{path}: the store's meta row is missing; restore a backup")
        self.uuid: str = meta["uuid"]

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = True) -> EventStore:
        """Open an existing store; read-only by default (never creates, migrates or writes)."""
        path = Path(path)
        if not readonly:
            if not path.exists():
                raise StoreError(f"{path}: no such file; create it with `eventline ingest`")
            return cls.create_or_open(path)
        opening.validate_existing(path, readonly=True)
        try:
            conn = opening.connect(path, readonly=True)
            conn.execute("PRAGMA query_only = ON")
            return cls(path, conn, readonly=True)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot be read ({exc}); check the file") from exc

    @classmethod
    def create_or_open(cls, path: str | Path) -> EventStore:
        """Open a store for writing: create it, initialise an empty file, or migrate an older
        one (keeping a copy). Foreign, damaged and newer files are refused untouched."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            version = opening.validate_existing(path, readonly=False)
        elif not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
        else:
            version = 0
        try:
            conn = opening.connect(path, readonly=False)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                conn.close()
                raise StoreError(f"{path}: cannot use WAL mode here ({mode}); use a local disk")
            conn = opening.migrate(conn, path, version)
            return cls(path, conn, readonly=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot be opened for writing ({exc})") from exc

    def close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            try:
                if not self.readonly:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass  # another connection is reading; its close will checkpoint
            finally:
                conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "ro" if self.readonly else "rw"
        return f"EventStore({str(self.path)!r}, {mode})"

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed; open it again")
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection (the same connection and transaction)."""
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed; open it again")
        return self._db

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction (BEGIN IMMEDIATE) that bumps the generation counter; yields
        the sqlite-utils Database, whose writes join this transaction (as savepoints)."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only; open it for writing to change it")
        conn = self.conn
        # Raw: db.atomic() would BEGIN DEFERRED, and a writer must take the lock up front
        # (IMMEDIATE) so two writers in WAL mode wait for each other instead of failing.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            conn.execute("UPDATE meta SET generation = generation + 1 WHERE id = 1")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @_guarded
    def add_document(self, doc: Document, events: Sequence[ExtractedEvent]) -> AddResult:
        """Store a document and its events in one transaction; a known document is a no-op,
        except one stored from imported evidence only, which gets its full text (see
        writer.add_document)."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only; open it for writing to add files")
        if self.has_document(doc.id, whole=True):
            return AddResult(doc.id, doc.file_name, added=False)
        try:
            with self._write() as db:
                result = writer.add_document(db, doc, events)
                if not result.added:  # another process stored it since the check above
                    raise _NothingWritten(result)
        except _NothingWritten as nothing:
            return nothing.result
        return result

    @_guarded
    def add_documents(
        self, items: Iterable[tuple[Document, Sequence[ExtractedEvent]]]
    ) -> list[AddResult]:
        """Many documents in ONE transaction (one generation bump): for bulk loads such as
        synthetic stores. All or nothing: an error rolls every document back."""
        with self._write() as db:
            return [writer.add_document(db, doc, events) for doc, events in items]

    @_guarded
    def bulk_load(self, chunks: Iterable[RowChunk]) -> int:
        """Insert ready-made rows (column orders in desktop.store.bulk) in ONE transaction,
        without merging or validation: for synthetic stores. Returns the events inserted."""
        with self._write() as db:
            # Raw executemany of tuples (bulk.py): several times faster than dict rows here.
            count = bulk.load_chunks(db.conn, chunks)
            db.execute("INSERT OR IGNORE INTO actors (name) SELECT DISTINCT actor FROM events")
        return count

    @_guarded
    def update_event(self, event_id: int, **changes: str | float | None) -> EventRecord:
        """Edit an event by hand: sets the given fields and marks it ``origin='user'`` so later
        ingests never overwrite it. Fields: start, end, precision, status, kind, actor,
        subject, title, summary, confidence."""
        with self._write() as db:
            writer.update_event(db, int(event_id), changes)
        return reader.list_events(self.db, [int(event_id)])[0]

    # -- reading ---------------------------------------------------------------------------

    @property
    @_guarded
    def generation(self) -> int:
        rows = self.db["meta"].rows_where("id = 1", select="CAST(generation AS INTEGER) AS g")
        return int(next(rows, {"g": 0})["g"] or 0)  # the row was checked at open

    @_guarded
    def has_document(self, doc_id: str, *, whole: bool = False) -> bool:
        """Is the document stored? With ``whole``, only a stored full text counts (not one
        kept from imported evidence only)."""
        where = "id = ? AND complete" if whole else "id = ?"
        return self.db["documents"].count_where(where, [doc_id]) > 0

    @_guarded
    def count_events(self) -> int:
        return self.db["events"].count

    @_guarded
    def list_events(self, ids: Sequence[int] | None = None) -> list[EventRecord]:
        return reader.list_events(self.db, ids)

    @_guarded
    def get_event(self, event_id: int) -> EventDetail | None:
        return reader.get_event(self.db, "e.id = :value", int(event_id))

    @_guarded
    def get_event_by_key(self, key: str) -> EventDetail | None:
        return reader.get_event(self.db, "e.key = :value", key)

    @_guarded
    def get_document(self, doc_id: str) -> DocumentRecord | None:
        return reader.get_document(self.db, doc_id)

    @_guarded
    def documents(self, include_text: bool = False) -> list[DocumentRecord]:
        return reader.documents(self.db, include_text=include_text)

    @_guarded
    def mentions_of_document(self, doc_id: str) -> list[MentionRecord]:
        return reader.mentions_where(self.db, "m.document_id = :doc", {"doc": doc_id})

    @_guarded
    def actors(self) -> list[str]:
        rows = self.db["actors"].rows_where(select="name", order_by="name COLLATE NOCASE, name")
        return [row["name"] for row in rows]

    @_guarded
    def columns(self) -> TimelineColumns:
        return read_columns(self.conn)

    @_guarded
    def exchange_records(self, ids: Sequence[int] | None = None) -> list[dict]:
        return reader.exchange_records(self.db, ids)

    @_guarded
    def search(self, query: str) -> list[int]:
        """Ids of the events matching a search-box query (see search_query); never raises on
        what a user types. Blank → every id. An event matches through its own fields (title,
        summary, actor, subject) or the evidence passages of its mentions — not the whole
        article, which would make every event of an article match any word in it (use
        ``search_documents`` for that); excluded terms remove events that match them either way."""
        parsed = parse(query)
        conn = self.conn  # raw: bare ids of up to 10^6 events; a dict per row would dominate
        if parsed.include is None:
            ids = {i for (i,) in conn.execute("SELECT id FROM events")}
        else:
            ids = {i for (i,) in conn.execute(_MATCHING_EVENTS_SQL, {"q": parsed.include})}
        if parsed.exclude is not None and ids:
            rows = conn.execute(_MATCHING_EVENTS_SQL, {"q": parsed.exclude})
            ids -= {i for (i,) in rows}
        return sorted(ids)

    @_guarded
    def search_documents(self, query: str) -> list[str]:
        """Ids of the documents whose title or text match a search-box query."""
        parsed = parse(query)
        if parsed.include is None:
            return []
        # Raw like search(): FTS5 MATCH queries stay with the search modules' own style.
        rows = self.conn.execute(
            "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?", (parsed.include,)
        )
        found = {d for (d,) in rows}
        if parsed.exclude is not None and found:
            rows = self.conn.execute(
                "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?", (parsed.exclude,)
            )
            found -= {d for (d,) in rows}
        return sorted(found)


_MATCHING_EVENTS_SQL = (
    "SELECT rowid FROM events_fts WHERE events_fts MATCH :q"
    " UNION SELECT m.event_id FROM mentions_fts f"
    " JOIN mentions m ON m.id = f.rowid WHERE mentions_fts MATCH :q"
)


class _NothingWritten(Exception):
    def __init__(self, result: AddResult) -> None:
        super().__init__("document already stored")
        self.result = result
