"""Curation of documents: publication date, deletion, extraction run again.

Uses the merge path of desktop.store.writer (its find_existing/insert_* helpers) so that a
re-extracted mention joins events exactly as an ingested one would.

Re-extraction keeps every user decision: a mention a person picked by hand stays, a newly
extracted mention that covers the passage of an old one goes back to the old one's event
(so a hidden, starred, edited, merged or split event keeps its mentions), and an event left
without mentions is dropped only when nobody decided anything about it. Runs inside the
caller's write transaction; rows are read and written with sqlite-utils (values are always
parameters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from desktop.extract.types import ExtractedEvent
from desktop.sources.document import Document
from desktop.store import writer
from desktop.store.curation import record_edit, tidy_event
from desktop.store.errors import StoreError

Extractor = Callable[[str, dt.date | None], Sequence[ExtractedEvent]]


def default_extractor() -> Extractor:
    from desktop.extract import extract_events

    return extract_events


def _document(db: Database, doc_id: str) -> Document:
    row = _document_row(db, doc_id)
    text, file_name, published = row["text"], row["file_name"], row["published"]
    if not row["complete"]:
        raise StoreError(
            f"{file_name}: only imported evidence is stored, not the article; ingest the "
            "article itself to extract from it"
        )
    date = dt.date.fromisoformat(published) if published else None
    return Document(text, file_name, row["source"] or "", row["title"], date, row["published_from"])


def _document_row(db: Database, doc_id: str) -> dict:
    try:
        return db["documents"].get(doc_id)
    except NotFoundError:
        raise StoreError(f"no document {doc_id!r} in this store") from None


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
    db: Database, doc_id: str, who: str, extract: Extractor | None = None
) -> int:
    """Run extraction on a stored document again (after an extractor upgrade or a new
    publication date); returns the number of mentions extracted."""
    doc = _document(db, doc_id)
    events = list((extract or default_extractor())(doc.text, doc.published))
    for ev in events:
        writer.validate(doc, ev)
    mentions = db["mentions"]
    where, params = "document_id = ? AND origin = 'extracted'", [doc_id]
    rows = mentions.rows_where(where, params, select='event_id, start, "end"', order_by="id")
    old = [(int(r["event_id"]), int(r["start"]), int(r["end"])) for r in rows]
    mentions.delete_where(where, params)
    now = writer.now_iso()
    taken: set[int] = set()
    for ev in events:
        target = _previous_event(old, ev, taken)
        if target is not None and not _exists(db, target):
            target = None
        if target is None:
            found = writer.find_existing(db, ev, taken)
            target = found.id if found is not None else None
        if target is None:
            target = writer.insert_event(db, ev, now)
        writer.insert_mention(db, target, doc_id, ev)
        writer.reconcile(db, target)
        taken.add(target)
        writer.add_actors(db, [ev.actor])
    for event_id in {e for e, _s, _t in old} - taken:
        tidy_event(db, event_id)
    record_edit(db, who, "reextract", document_id=doc_id, new=len(events))
    return len(events)


def _exists(db: Database, event_id: int) -> bool:
    return db["events"].count_where("id = ?", [event_id]) > 0


def set_published(
    db: Database,
    doc_id: str,
    published: dt.date | None,
    who: str,
    extract: Extractor | None = None,
) -> None:
    """Set (or clear) a document's publication date by hand, then resolve its relative dates
    again by re-extracting it."""
    row = _document_row(db, doc_id)
    new = published.isoformat() if published else None
    db["documents"].update(doc_id, {"published": new, "published_from": "user" if new else "none"})
    record_edit(db, who, "set_published", document_id=doc_id, field="published",
                old=row["published"], new=new)  # fmt: skip
    if row["complete"]:
        reextract_document(db, doc_id, who, extract)


def delete_document(db: Database, doc_id: str, who: str) -> None:
    """Remove a document and its mentions; events left without mentions go unless a person
    decided something about them."""
    row = _document_row(db, doc_id)
    rows = db["mentions"].rows_where("document_id = ?", [doc_id], select="DISTINCT event_id")
    events = [r["event_id"] for r in rows]
    db["mentions"].delete_where("document_id = ?", [doc_id])
    db["documents"].delete(doc_id)
    for event_id in events:
        tidy_event(db, event_id)
    record_edit(db, who, "delete_document", document_id=doc_id, old=row["file_name"])
