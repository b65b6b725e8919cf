"""Curation of documents: publication date, deletion, extraction run again.

Uses the merge path of desktop.store.writer (its find_existing/insert_* helpers) so that a
re-extracted mention joins events exactly as an ingested one would.

Re-extraction keeps every user decision: a mention a person picked by hand stays, a newly
extracted mention that covers the passage of an old one goes back to the old one's event
(so a hidden, starred, edited, merged or split event keeps its mentions), and an event left
without mentions is dropped only when nobody decided anything about it. Runs inside the
caller's write transaction; parameterised SQL only.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence

from desktop.extract.types import ExtractedEvent
from desktop.sources.document import Document
from desktop.store import writer
from desktop.store.curation import record_edit, tidy_event
from desktop.store.errors import StoreError

Extractor = Callable[[str, dt.date | None], Sequence[ExtractedEvent]]


def default_extractor() -> Extractor:
    from desktop.extract import extract_events

    return extract_events


def _document(conn: sqlite3.Connection, doc_id: str) -> Document:
    row = conn.execute(
        "SELECT text, file_name, source, title, published, published_from, complete"
        " FROM documents WHERE id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"no document {doc_id!r} in this store")
    text, file_name, source, title, published, published_from, complete = row
    if not complete:
        raise StoreError(
            f"{file_name}: only imported evidence is stored, not the article; ingest the "
            "article itself to extract from it"
        )
    date = dt.date.fromisoformat(published) if published else None
    return Document(text, file_name, source or "", title, date, published_from)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _previous_event(
    old: list[tuple[int, int, int]], ev: ExtractedEvent, taken: set[int]
) -> int | None:
    """The event of the old mention that shares most text with ``ev``'s evidence."""
    best, best_len = None, 0
    for event_id, start, end in old:
        n = _overlap((start, end), (ev.start, ev.end))
        if n > best_len and event_id not in taken:
            best, best_len = event_id, n
    return best


def reextract_document(
    conn: sqlite3.Connection, doc_id: str, who: str, extract: Extractor | None = None
) -> int:
    """Run extraction on a stored document again (after an extractor upgrade or a new
    publication date); returns the number of mentions extracted."""
    doc = _document(conn, doc_id)
    events = list((extract or default_extractor())(doc.text, doc.published))
    for ev in events:
        writer.validate(doc, ev)
    old = [
        (int(e), int(s), int(t))
        for e, s, t in conn.execute(
            'SELECT event_id, start, "end" FROM mentions WHERE document_id = ?'
            " AND origin = 'extracted' ORDER BY id",
            (doc_id,),
        )
    ]
    conn.execute("DELETE FROM mentions WHERE document_id = ? AND origin = 'extracted'", (doc_id,))
    now = writer.now_iso()
    taken: set[int] = set()
    for ev in events:
        target = _previous_event(old, ev, taken)
        if target is not None and not _exists(conn, target):
            target = None
        if target is None:
            found = writer.find_existing(conn, ev, taken)
            target = found.id if found is not None else None
        if target is None:
            target = writer.insert_event(conn, ev, now)
        writer.insert_mention(conn, target, doc_id, ev)
        writer.reconcile(conn, target)
        taken.add(target)
        conn.execute("INSERT OR IGNORE INTO actors (name) VALUES (?)", (ev.actor,))
    for event_id in {e for e, _s, _t in old} - taken:
        tidy_event(conn, event_id)
    record_edit(conn, who, "reextract", document_id=doc_id, new=len(events))
    return len(events)


def _exists(conn: sqlite3.Connection, event_id: int) -> bool:
    return conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def set_published(
    conn: sqlite3.Connection,
    doc_id: str,
    published: dt.date | None,
    who: str,
    extract: Extractor | None = None,
) -> None:
    """Set (or clear) a document's publication date by hand, then resolve its relative dates
    again by re-extracting it."""
    row = conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise StoreError(f"no document {doc_id!r} in this store")
    new = published.isoformat() if published else None
    conn.execute(
        "UPDATE documents SET published = ?, published_from = ? WHERE id = ?",
        (new, "user" if new else "none", doc_id),
    )
    record_edit(conn, who, "set_published", document_id=doc_id, field="published",
                old=row[0], new=new)  # fmt: skip
    complete = conn.execute("SELECT complete FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if complete[0]:
        reextract_document(conn, doc_id, who, extract)


def delete_document(conn: sqlite3.Connection, doc_id: str, who: str) -> None:
    """Remove a document and its mentions; events left without mentions go unless a person
    decided something about them."""
    row = conn.execute("SELECT file_name FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise StoreError(f"no document {doc_id!r} in this store")
    events = [e for (e,) in conn.execute(
        "SELECT DISTINCT event_id FROM mentions WHERE document_id = ?", (doc_id,))]  # fmt: skip
    conn.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    for event_id in events:
        tidy_event(conn, event_id)
    record_edit(conn, who, "delete_document", document_id=doc_id, old=row[0])
