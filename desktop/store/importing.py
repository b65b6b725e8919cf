"""Importing events (exchange records) into a store, inside the caller's write transaction.

An imported record is one event-mention in the exchange format (DESIGN.md): its event is
``origin='user'`` and its mention keeps the record's own provenance (date, precision, anchor,
resolution, status, kind, actor and subject text, evidence, title, summary, confidence).
Records sharing an ``event_key`` become one event; a key already in the store gains the
record as a mention. When the record's document is in the store, the evidence is located in
its text; otherwise a document is stored with only the evidence passages as its text
(``complete = 0``), under the record's own ``doc_id``. A record with no evidence (TimelineJS)
is an event without mentions. Re-importing the same records adds nothing. Rows are read and
written with sqlite-utils on the caller's transaction (values are always parameters).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desktop.extract.types import ANCHORS, KINDS, PRECISIONS, STATUSES
from desktop.store import writer
from desktop.store.curation import add_event, free_key, record_edit
from desktop.store.errors import StoreError


@dataclass
class ImportSummary:
    records: int = 0
    events_new: int = 0
    events_joined: int = 0
    mentions: int = 0
    duplicates: int = 0
    documents_new: int = 0  # stored from evidence only

    def line(self) -> str:
        return (
            f"{self.records} records: {self.events_new} new events, {self.events_joined} "
            f"joined existing events, {self.mentions} mentions, {self.duplicates} already "
            f"present, {self.documents_new} documents stored from evidence only"
        )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def interval_from_exchange(
    date: str | None, date_end: str | None, precision: str
) -> tuple[str | None, str | None, str]:
    """(start, end, precision) as ISO days from the exchange format's date fields."""
    if not date or precision == "unknown":
        return None, None, "unknown"
    try:
        first = _parse(date, last=False)
        last = _parse(date_end or date, last=True)
    except ValueError:
        raise StoreError(f"date {date!r} / {date_end!r} is not YYYY[-MM[-DD]]") from None
    if precision == "day" and len(date) == 10 and not date_end:
        last = first
    if last < first:
        raise StoreError(f"date_end {date_end!r} is before date {date!r}")
    return first.isoformat(), last.isoformat(), precision


def _parse(value: str, *, last: bool) -> dt.date:
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return _month_end(*parts) if last else dt.date(parts[0], parts[1], 1)
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    raise ValueError(value)


def _choice(record: dict, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = str(record.get(name) or default)
    if value not in allowed:
        raise StoreError(f"unknown {name} {value!r}; use one of {', '.join(allowed)}")
    return value


def _stub_documents(db: Database, records: list[dict], source: str) -> int:
    """Store a document made of the evidence passages for every unknown doc_id."""
    by_doc: dict[str, tuple[str, list[str]]] = {}
    for r in records:
        if not r.get("evidence") or not r.get("doc_id"):
            continue
        name, passages = by_doc.setdefault(str(r["doc_id"]), (str(r.get("doc") or ""), []))
        for text in [r["evidence"], *(r.get("alt_evidence") or [])]:
            if text and text not in passages:
                passages.append(str(text))
    added = 0
    for doc_id, (name, passages) in by_doc.items():
        if db["documents"].count_where("id = ?", [doc_id]):
            continue
        db["documents"].insert({
            "id": doc_id, "file_name": name or doc_id[:12], "title": None, "source": source,
            "published": None, "published_from": "none", "text": "\n\n".join(passages),
            "ingested_at": writer.now_iso(), "complete": 0,
        }, pk="id", alter=False)  # fmt: skip
        added += 1
    return added


def _locate(text: str, record: dict) -> tuple[int, int]:
    evidence = str(record["evidence"])
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == evidence:
        return start, end
    found = text.find(evidence)
    if found < 0:
        raise StoreError(f"{record.get('doc')}: evidence {evidence[:60]!r} is not in its text")
    return found, found + len(evidence)


def _event_for(db: Database, record: dict, who: str, s: ImportSummary) -> int:
    key = str(record.get("event_key") or "")
    row = next(db["events"].rows_where("key = ?", [key], select="id"), None) if key else None
    if row is not None:
        return int(row["id"])
    start, end, precision = interval_from_exchange(
        record.get("date"), record.get("date_end"), str(record.get("precision") or "unknown")
    )
    fields = {
        "start": start, "end": end, "precision": _choice({"p": precision}, "p", PRECISIONS, ""),
        "status": _choice(record, "status", STATUSES, "happened"),
        "kind": _choice(record, "kind", KINDS, "other"), "actor": record.get("actor") or "?",
        "subject": record.get("subject") or "", "title": record.get("title") or "",
        "summary": record.get("summary") or "",
    }  # fmt: skip
    event_id = add_event(db, fields, who, key=free_key(db, key) if key else None,
                         origin="import")  # fmt: skip
    anchor = _choice(record, "anchor", ANCHORS, "explicit")
    confidence = float(record.get("confidence") or 1.0)
    db["events"].update(event_id, {"anchor": anchor, "confidence": confidence})
    s.events_new += 1
    return event_id


def _insert_mention(
    db: Database, event_id: int, record: dict, text: str, span: tuple[int, int]
) -> None:
    start, end, precision = interval_from_exchange(
        record.get("date"), record.get("date_end"), str(record.get("precision") or "unknown")
    )
    alt = []
    for passage in record.get("alt_evidence") or []:
        at = text.find(str(passage))
        if at >= 0:
            alt.append([at, at + len(str(passage))])
    db["mentions"].insert({
        "event_id": event_id, "document_id": str(record["doc_id"]), "start": span[0],
        "end": span[1], "date_start": start, "date_end": end, "precision": precision,
        "anchor": _choice(record, "anchor", ANCHORS, "explicit"),
        "resolution": str(record.get("resolution") or ""),
        "status": _choice(record, "status", STATUSES, "happened"),
        "kind": _choice(record, "kind", KINDS, "other"),
        "actor_text": str(record.get("actor") or ""),
        "subject_text": str(record.get("subject") or ""), "evidence": str(record["evidence"]),
        "alt_spans": json.dumps(alt), "title": str(record.get("title") or ""),
        "summary": str(record.get("summary") or ""),
        "confidence": float(record.get("confidence") or 1.0), "origin": "user",
    }, alter=False)  # fmt: skip


def import_records(
    db: Database, records: Iterable[dict[str, Any]], who: str, source: str = ""
) -> ImportSummary:
    """Add exchange records to the store; returns what happened (see the module doc)."""
    records = [_with_doc_id(dict(r)) for r in records]
    summary = ImportSummary(records=len(records))
    summary.documents_new = _stub_documents(db, records, source)
    texts: dict[str, str] = {}
    for record in records:
        before = summary.events_new
        event_id = _event_for(db, record, who, summary)
        if not record.get("evidence"):
            continue
        doc_id = str(record["doc_id"])
        if doc_id not in texts:
            texts[doc_id] = db["documents"].get(doc_id)["text"]
        span = _locate(texts[doc_id], record)
        dup = db["mentions"].count_where(
            'event_id = ? AND document_id = ? AND start = ? AND "end" = ?',
            [event_id, doc_id, *span],
        )
        if dup:
            summary.duplicates += 1
            continue
        if summary.events_new == before:
            summary.events_joined += 1
        _insert_mention(db, event_id, record, texts[doc_id], span)
        summary.mentions += 1
        writer.add_actors(db, [record.get("actor")])
    if summary.mentions or summary.events_new:
        record_edit(db, who, "import", field="source", new=source, origin="import")
    return summary


def _with_doc_id(record: dict) -> dict:
    if record.get("evidence") and not record.get("doc_id"):
        name = str(record.get("doc") or "imported")
        record["doc_id"] = hashlib.sha256(name.encode()).hexdigest()
    return record
