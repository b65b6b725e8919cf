"""Reading rows out of a store into records, through sqlite-utils (``db.query`` returns each
row as a dict keyed by the column aliases below, which are the records' field names).

Parameterised SQL only: values are always bound parameters; the SQL text comes from the
constants here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

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
# that is not one, a blob title, a number as text) reads without exceptions. Each column is
# aliased to its record field, so a row dict builds the record by name.
_EVENT_SQL = f"""
SELECT e.id AS id, {_text("e.key")} AS key, {_iso_date("e.start")} AS start,
       {_iso_date('e."end"')} AS "end", {_text("e.precision")} AS precision,
       {_text("e.status")} AS status, {_text("e.kind")} AS kind, {_text("e.actor")} AS actor,
       {_text("e.subject")} AS subject, {_text("e.title")} AS title,
       {_text("e.summary")} AS summary,
       COALESCE({_number("e.confidence", "REAL")}, 0.0) AS confidence,
       {_text("e.origin")} AS origin,
       (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id) AS n_mentions,
       {_text("e.anchor")} AS anchor
FROM events e
"""
_ORDER = " ORDER BY e.start IS NULL, e.start, e.key"

_MENTION_SQL = f"""
SELECT m.id AS id, m.event_id AS event_id, {_text("e.key")} AS event_key,
       m.document_id AS document_id, {_text("d.file_name")} AS doc_file_name,
       COALESCE({_number("m.start")}, 0) AS start, COALESCE({_number('m."end"')}, 0) AS "end",
       {_number("m.time_start")} AS time_start, {_number("m.time_end")} AS time_end,
       {_iso_date("m.date_start")} AS date_start, {_iso_date("m.date_end")} AS date_end,
       {_text("m.precision")} AS precision, {_text("m.anchor")} AS anchor,
       {_text("m.resolution")} AS resolution, {_text("m.status")} AS status,
       {_text("m.kind")} AS kind, {_text("m.actor_text")} AS actor_text,
       {_text("m.subject_text")} AS subject_text, {_text("m.evidence")} AS evidence,
       {_text("m.alt_spans", "'[]'")} AS alt_spans, {_text("m.title")} AS title,
       {_text("m.summary")} AS summary,
       COALESCE({_number("m.confidence", "REAL")}, 0.0) AS confidence
FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document_id
"""

# Read as bytes and decoded here, so text another tool stored as invalid UTF-8 still shows.
_DOC_TEXT = "CAST(text AS BLOB)"
_DOC_SELECT = (
    f"id, {_text('file_name')} AS file_name, {_text('title', None)} AS title,"
    f" {_text('source')} AS source, {_iso_date('published')} AS published,"
    f" {_text('published_from')} AS published_from, {{text}} AS text,"
    f" {_text('ingested_at')} AS ingested_at"
)


def _document(row: dict[str, Any]) -> DocumentRecord:
    if isinstance(row["text"], bytes):
        row["text"] = row["text"].decode("utf-8", errors="replace")
    return DocumentRecord(**row)


CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def _event(row: dict[str, Any]) -> EventRecord:
    row["confidence"], row["n_mentions"] = float(row["confidence"]), int(row["n_mentions"])
    return EventRecord(**row)


def _event_tuple(row: tuple) -> EventRecord:
    """An event from a positional row (the columns of _EVENT_SQL are in field order)."""
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


def _mention(row: dict[str, Any]) -> MentionRecord:
    row["alt_spans"], row["confidence"] = _spans(row["alt_spans"]), float(row["confidence"])
    return MentionRecord(**row)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    unique = sorted({int(i) for i in ids})
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


def _in_list(column: str, count: int) -> str:
    """``column IN (?, ?, …)`` with ``count`` placeholders (the values stay parameters)."""
    return f"{column} IN ({', '.join('?' * count)})"


def list_events(db: Database, ids: Sequence[int] | None = None) -> list[EventRecord]:
    # Positional rows through db.execute, not db.query's dicts: the window reads up to 50,000
    # records on the GUI thread when it opens a store, and dict rows cost 25-40 % more there
    # (50k synthetic events: ~550-610 ms CPU as tuples, ~755 ms as db.query dicts).
    if ids is None:
        return [_event_tuple(r) for r in db.execute(_EVENT_SQL + _ORDER)]
    out: list[EventRecord] = []
    for chunk in _chunks(ids):
        sql = _EVENT_SQL + " WHERE " + _in_list("e.id", len(chunk))
        out.extend(_event_tuple(r) for r in db.execute(sql, chunk))
    out.sort(key=lambda e: (e.start is None, e.start or "", e.key))
    return out


def get_document(db: Database, doc_id: str, *, include_text: bool = True) -> DocumentRecord | None:
    select = _DOC_SELECT.format(text=_DOC_TEXT if include_text else "NULL")
    rows = db["documents"].rows_where("id = ?", [doc_id], select=select)
    return next((_document(row) for row in rows), None)


def documents(db: Database, *, include_text: bool = False) -> list[DocumentRecord]:
    select = _DOC_SELECT.format(text=_DOC_TEXT if include_text else "NULL")
    rows = db["documents"].rows_where(select=select, order_by="file_name, id")
    return [_document(row) for row in rows]


def mentions_where(db: Database, where: str, params: Sequence | dict) -> list[MentionRecord]:
    """Mentions matching ``where`` (SQL from code constants; values in ``params``)."""
    sql = _MENTION_SQL + f" WHERE {where} ORDER BY d.file_name, m.document_id, m.start, m.id"
    return [_mention(r) for r in db.query(sql, params)]


def get_event(db: Database, where: str, value: object) -> EventDetail | None:
    """The event matching ``where`` (a code constant such as ``e.id = :value``)."""
    row = next(db.query(_EVENT_SQL + f" WHERE {where}", {"value": value}), None)
    if row is None:
        return None
    event = _event(row)
    mentions = mentions_where(db, "m.event_id = :id", {"id": event.id})
    docs = {}
    for m in mentions:
        if m.document_id not in docs:
            docs[m.document_id] = get_document(db, m.document_id)
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


def _stored_text(db: Database, doc_id: str) -> str:
    rows = db["documents"].rows_where("id = ?", [doc_id], select=f"{_DOC_TEXT} AS text")
    row = next(rows, None)
    return bytes((row or {}).get("text") or b"").decode("utf-8", "replace")


def exchange_records(db: Database, ids: Sequence[int] | None = None) -> list[dict]:
    if ids is None:
        mentions = mentions_where(db, "1", ())
    else:
        mentions = []
        for chunk in _chunks(ids):
            mentions.extend(mentions_where(db, _in_list("m.event_id", len(chunk)), chunk))
    texts: dict[str, str] = {}
    records = []
    for m in mentions:
        if m.alt_spans and m.document_id not in texts:
            texts[m.document_id] = _stored_text(db, m.document_id)
        records.append(_exchange_record(m, texts.get(m.document_id, "")))
    records.sort(key=sort_key)
    return records
