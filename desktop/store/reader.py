"""Reading rows out of a store connection into records (parameterised SQL only)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from desktop.exchange import exchange_record, sort_key
from desktop.extract.types import TimeInterval
from desktop.store.records import DocumentRecord, EventDetail, EventRecord, MentionRecord


def _text(column: str, default: str | None = "''") -> str:
    """A column read as text, whatever another tool stored there (numbers, blobs, NULL)."""
    cast = f"CAST({column} AS TEXT)"
    return cast if default is None else f"COALESCE({cast}, {default})"


def _iso_date(column: str) -> str:
    """A date column, or NULL when it does not hold a YYYY-MM-DD date."""
    return f"CASE WHEN date({column}) IS {column} THEN {column} END"


def _number(column: str, kind: str = "INTEGER") -> str:
    return f"CAST({column} AS {kind})"


# Values are cast to the types the records promise, so a store edited by another tool (a date
# that is not one, a blob title, a number as text) reads without exceptions.
_EVENT_SQL = f"""
SELECT e.id, {_text("e.key")}, {_iso_date("e.start")}, {_iso_date('e."end"')},
       {_text("e.precision")}, {_text("e.status")}, {_text("e.kind")}, {_text("e.actor")},
       {_text("e.subject")}, {_text("e.title")}, {_text("e.summary")},
       COALESCE({_number("e.confidence", "REAL")}, 0.0), {_text("e.origin")},
       (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id), {_text("e.anchor")}
FROM events e
"""
_ORDER = " ORDER BY e.start IS NULL, e.start, e.key"

_MENTION_SQL = f"""
SELECT m.id, m.event_id, {_text("e.key")}, m.document_id, {_text("d.file_name")},
       COALESCE({_number("m.start")}, 0), COALESCE({_number('m."end"')}, 0),
       {_number("m.time_start")}, {_number("m.time_end")}, {_iso_date("m.date_start")},
       {_iso_date("m.date_end")}, {_text("m.precision")}, {_text("m.anchor")},
       {_text("m.resolution")}, {_text("m.status")}, {_text("m.kind")}, {_text("m.actor_text")},
       {_text("m.subject_text")}, {_text("m.evidence")}, {_text("m.alt_spans", "'[]'")},
       {_text("m.title")}, {_text("m.summary")}, COALESCE({_number("m.confidence", "REAL")}, 0.0)
FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document_id
"""

_DOC_COLUMNS = (
    f"id, {_text('file_name')}, {_text('title', None)}, {_text('source')},"
    f" {_iso_date('published')}, {_text('published_from')}, {{text}}, {_text('ingested_at')}"
)
# Read as bytes and decoded here, so text another tool stored as invalid UTF-8 still shows.
_DOC_TEXT = "CAST(text AS BLOB)"


def _document(row: tuple) -> DocumentRecord:
    text = row[6]
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return DocumentRecord(*row[:6], text, row[7])


CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def _event(row: tuple) -> EventRecord:
    return EventRecord(*row[:11], float(row[11]), row[12], int(row[13]), row[14])


def _spans(value: str) -> tuple[tuple[int, int], ...]:
    """Alternative evidence spans from their JSON; what is not a list of pairs is ignored."""
    try:
        pairs = json.loads(value)
    except ValueError:
        return ()
    if not isinstance(pairs, list):
        return ()
    return tuple(
        (a, b)
        for a, b in (p for p in pairs if isinstance(p, list) and len(p) == 2)
        if type(a) is int and type(b) is int
    )


def _mention(row: tuple) -> MentionRecord:
    return MentionRecord(*row[:19], _spans(row[19]), row[20], row[21], float(row[22]))


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    unique = sorted({int(i) for i in ids})
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


def list_events(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> list[EventRecord]:
    if ids is None:
        return [_event(r) for r in conn.execute(_EVENT_SQL + _ORDER)]
    out: list[EventRecord] = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        out.extend(_event(r) for r in conn.execute(_EVENT_SQL + f" WHERE e.id IN ({marks})", chunk))
    out.sort(key=lambda e: (e.start is None, e.start or "", e.key))
    return out


def get_document(
    conn: sqlite3.Connection, doc_id: str, *, include_text: bool = True
) -> DocumentRecord | None:
    cols = _DOC_COLUMNS.format(text=_DOC_TEXT if include_text else "NULL")
    row = conn.execute(f"SELECT {cols} FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return _document(row) if row else None


def documents(conn: sqlite3.Connection, *, include_text: bool = False) -> list[DocumentRecord]:
    cols = _DOC_COLUMNS.format(text=_DOC_TEXT if include_text else "NULL")
    rows = conn.execute(f"SELECT {cols} FROM documents ORDER BY file_name, id")
    return [_document(row) for row in rows]


def mentions_where(conn: sqlite3.Connection, where: str, args: tuple) -> list[MentionRecord]:
    sql = _MENTION_SQL + f" WHERE {where} ORDER BY d.file_name, m.document_id, m.start, m.id"
    return [_mention(r) for r in conn.execute(sql, args)]


def get_event(conn: sqlite3.Connection, where: str, arg: object) -> EventDetail | None:
    row = conn.execute(_EVENT_SQL + f" WHERE {where}", (arg,)).fetchone()
    if row is None:
        return None
    event = _event(row)
    mentions = mentions_where(conn, "m.event_id = ?", (event.id,))
    docs = {}
    for m in mentions:
        if m.document_id not in docs:
            docs[m.document_id] = get_document(conn, m.document_id)
    return EventDetail(event, mentions, docs)


def _exchange_record(m: MentionRecord, text: str) -> dict:
    interval = TimeInterval(
        None if m.date_start is None else _date(m.date_start),
        None if m.date_end is None else _date(m.date_end),
        m.precision,
    )
    return exchange_record(
        doc=m.doc_file_name,
        doc_id=m.document_id,
        interval=interval,
        status=m.status,
        kind=m.kind,
        actor=m.actor_text,
        subject=m.subject_text,
        evidence=m.evidence,
        event_key=m.event_key,
        anchor=m.anchor,
        resolution=m.resolution,
        alt_evidence=[text[a:b] for a, b in m.alt_spans],
        start=m.start,
        end=m.end,
        title=m.title,
        summary=m.summary,
        confidence=m.confidence,
    )


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def exchange_records(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> list[dict]:
    if ids is None:
        mentions = mentions_where(conn, "1", ())
    else:
        mentions = []
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            mentions.extend(mentions_where(conn, f"m.event_id IN ({marks})", tuple(chunk)))
    texts: dict[str, str] = {}
    records = []
    for m in mentions:
        if m.alt_spans and m.document_id not in texts:
            row = conn.execute(f"SELECT {_DOC_TEXT} FROM documents WHERE id = ?", (m.document_id,))
            texts[m.document_id] = bytes(row.fetchone()[0] or b"").decode("utf-8", "replace")
        records.append(_exchange_record(m, texts.get(m.document_id, "")))
    records.sort(key=sort_key)
    return records
