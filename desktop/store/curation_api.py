"""EventStore's curation methods: thin wrappers that run desktop.store.curation operations in
one write transaction each, journalled so every edit can be undone (desktop.store.journal).

Mixed into EventStore; uses its ``_lock``, ``_write()``, ``conn`` and ``path``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.store import curation, curation_docs, importing, journal
from desktop.store.errors import StoreError

T = TypeVar("T")


@dataclass(frozen=True)
class EditRecord:
    """One line of the audit trail: who changed what, when."""

    id: int
    event_id: int | None
    document_id: str | None
    who: str
    edited_at: str
    action: str
    field: str
    old: str | None
    new: str | None
    origin: str


@dataclass(frozen=True)
class Curation:
    """What people decided about one event."""

    hidden: bool
    starred: bool
    tags: tuple[str, ...]
    note: str


class CurationMethods:
    """Curation verbs of EventStore (see desktop.store.curation for what each one does)."""

    _lock: Any
    path: Any
    conn: sqlite3.Connection
    who: str = curation.os_user()

    @property
    def session(self) -> str:
        """This store object's editing session (journal entries are grouped by it)."""
        if "_session" not in self.__dict__:
            self.__dict__["_session"] = uuid.uuid4().hex
        return self.__dict__["_session"]

    def _run(self, work: Callable[[], T]) -> T:
        with self._lock:
            try:
                return work()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: database error ({exc})") from exc

    def curate(self, label: str, operation: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``operation(conn)`` as one journalled write transaction labelled ``label``."""

        def work() -> T:
            with self._write() as conn, journal.recording(conn, self.session, label):  # type: ignore[attr-defined]
                return operation(conn)

        return self._run(work)

    # -- events ------------------------------------------------------------------------------
    def edit_event(self, event_id: int, **changes: Any) -> None:
        self.curate("Edit event", lambda c: curation.edit_event(c, event_id, changes, self.who))

    def set_hidden(self, event_id: int, hidden: bool = True) -> None:
        label = "Hide event" if hidden else "Show event"
        self.curate(label, lambda c: curation.set_flag(c, event_id, "hidden", hidden, self.who))

    def set_starred(self, event_id: int, starred: bool = True) -> None:
        label = "Star event" if starred else "Unstar event"
        self.curate(label, lambda c: curation.set_flag(c, event_id, "starred", starred, self.who))

    def set_tags(self, event_id: int, tags: Iterable[str]) -> None:
        tags = list(tags)
        self.curate("Tag event", lambda c: curation.set_tags(c, event_id, tags, self.who))

    def add_event(
        self, fields: Mapping[str, Any], evidence: tuple[str, int, int] | None = None
    ) -> int:
        return self.curate("Add event", lambda c: curation.add_event(c, fields, self.who, evidence))

    def merge_events(self, keep_id: int, other_id: int) -> None:
        self.curate("Merge events", lambda c: curation.merge_events(c, keep_id, other_id, self.who))

    def split_mention(self, mention_id: int) -> int:
        return self.curate(
            "Split mention off", lambda c: curation.split_mention(c, mention_id, self.who)
        )

    # -- documents ---------------------------------------------------------------------------
    def set_published(
        self,
        doc_id: str,
        published: dt.date | None,
        extract: curation_docs.Extractor | None = None,
    ) -> None:
        self.curate(
            "Set publication date",
            lambda c: curation_docs.set_published(c, doc_id, published, self.who, extract),
        )

    def delete_document(self, doc_id: str) -> None:
        self.curate("Delete document", lambda c: curation_docs.delete_document(c, doc_id, self.who))

    def reextract(
        self,
        doc_ids: Sequence[str] | None = None,
        extract: curation_docs.Extractor | None = None,
    ) -> int:
        """Extract the given documents (all complete ones when None) again; one undo step."""

        def op(conn: sqlite3.Connection) -> int:
            ids = doc_ids
            if ids is None:
                rows = conn.execute("SELECT id FROM documents WHERE complete ORDER BY file_name")
                ids = [d for (d,) in rows]
            return sum(curation_docs.reextract_document(conn, d, self.who, extract) for d in ids)

        return self.curate("Re-extract", op)

    def import_records(self, records: Sequence[dict], source: str = "") -> Any:
        """Add exchange records as user events (desktop.store.importing); one undo step."""
        records = list(records)
        return self.curate(
            "Import events",
            lambda c: importing.import_records(c, records, self.who, source),
        )

    # -- undo --------------------------------------------------------------------------------
    def undo_entries(self) -> list[tuple[int, str, bool]]:
        """(id, label, undone) of the undo journal, oldest first."""
        return self._run(lambda: journal.entries(self.conn))

    def undo(self, entry_id: int) -> None:
        self._run(lambda: self._journal_step(journal.undo, entry_id))

    def redo(self, entry_id: int) -> None:
        self._run(lambda: self._journal_step(journal.redo, entry_id))

    def _journal_step(self, step: Callable[[sqlite3.Connection, int], None], entry: int) -> None:
        with self._write() as conn:  # type: ignore[attr-defined]
            step(conn, entry)

    # -- reading -----------------------------------------------------------------------------
    def edits(self, event_id: int | None = None, document_id: str | None = None) -> list:
        """The audit trail of an event or a document (or all of it), oldest first."""

        def read() -> list[EditRecord]:
            sql = "SELECT * FROM edits WHERE (? IS NULL OR event_id = ?)"
            sql += " AND (? IS NULL OR document_id = ?) ORDER BY id"
            rows = self.conn.execute(sql, (event_id, event_id, document_id, document_id))
            return [EditRecord(*row) for row in rows]

        return self._run(read)

    def curation(self, event_id: int) -> Curation | None:
        def read() -> Curation | None:
            row = self.conn.execute(
                "SELECT hidden, starred, tags, note FROM events WHERE id = ?", (event_id,)
            ).fetchone()
            if row is None:
                return None
            return Curation(bool(row[0]), bool(row[1]), tuple(json.loads(row[2])), row[3])

        return self._run(read)

    def hidden_ids(self) -> list[int]:
        return self._run(
            lambda: [i for (i,) in self.conn.execute("SELECT id FROM events WHERE hidden")]
        )

    def starred_ids(self) -> list[int]:
        return self._run(
            lambda: [i for (i,) in self.conn.execute("SELECT id FROM events WHERE starred")]
        )

    def mention_document(self, mention_id: int) -> tuple[int, str] | None:
        """(event id, document id) of a mention."""
        row = self._run(
            lambda: self.conn.execute(
                "SELECT event_id, document_id FROM mentions WHERE id = ?", (mention_id,)
            ).fetchone()
        )
        return (int(row[0]), str(row[1])) if row else None
