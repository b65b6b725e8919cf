"""EventStore's curation methods: thin wrappers that run desktop.store.curation operations in
one write transaction each, journalled so every edit can be undone (desktop.store.journal).

Mixed into EventStore; uses its ``_lock``, ``_write()``, ``db`` (the sqlite-utils Database
every read here goes through) and ``path``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

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
    db: Database
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

    def curate(self, label: str, operation: Callable[[Database], T]) -> T:
        """Run ``operation(db)`` as one journalled write transaction labelled ``label``."""

        def work() -> T:
            with self._write() as db, journal.recording(db, self.session, label):  # type: ignore[attr-defined]
                return operation(db)

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

        def op(db: Database) -> int:
            ids = doc_ids
            if ids is None:
                rows = db["documents"].rows_where("complete", select="id", order_by="file_name")
                ids = [row["id"] for row in rows]
            return sum(curation_docs.reextract_document(db, d, self.who, extract) for d in ids)

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
        return self._run(lambda: journal.entries(self.db))

    def undo(self, entry_id: int) -> None:
        self._run(lambda: self._journal_step(journal.undo, entry_id))

    def redo(self, entry_id: int) -> None:
        self._run(lambda: self._journal_step(journal.redo, entry_id))

    def _journal_step(self, step: Callable[[Database, int], None], entry: int) -> None:
        with self._write() as db:  # type: ignore[attr-defined]
            step(db, entry)

    # -- reading -----------------------------------------------------------------------------
    def edits(self, event_id: int | None = None, document_id: str | None = None) -> list:
        """The audit trail of an event or a document (or all of it), oldest first."""

        def read() -> list[EditRecord]:
            where = "(:event IS NULL OR event_id = :event) AND (:doc IS NULL OR document_id = :doc)"
            rows = self.db["edits"].rows_where(
                where, {"event": event_id, "doc": document_id}, order_by="id"
            )
            return [EditRecord(**row) for row in rows]

        return self._run(read)

    def curation(self, event_id: int) -> Curation | None:
        def read() -> Curation | None:
            rows = self.db["events"].rows_where(
                "id = ?", [event_id], select="hidden, starred, tags, note"
            )
            row = next(rows, None)
            if row is None:
                return None
            tags = tuple(json.loads(row["tags"]))
            return Curation(bool(row["hidden"]), bool(row["starred"]), tags, row["note"])

        return self._run(read)

    def hidden_ids(self) -> list[int]:
        return self._run(lambda: self._ids_where("hidden"))

    def starred_ids(self) -> list[int]:
        return self._run(lambda: self._ids_where("starred"))

    def _ids_where(self, flag: str) -> list[int]:
        """Ids of the events with a curation flag set (``flag`` is a column name from code)."""
        return [row["id"] for row in self.db["events"].rows_where(flag, select="id")]

    def mention_document(self, mention_id: int) -> tuple[int, str] | None:
        """(event id, document id) of a mention."""
        select = "event_id, document_id"
        rows = self._run(
            lambda: list(self.db["mentions"].rows_where("id = ?", [mention_id], select=select))
        )
        return (int(rows[0]["event_id"]), str(rows[0]["document_id"])) if rows else None
