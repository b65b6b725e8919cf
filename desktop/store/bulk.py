"""Bulk loading of ready-made rows (synthetic stores, large imports), one transaction.

The column orders below are the contract with producers such as desktop.synth.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

DOCUMENT_COLUMNS = (
    "id",
    "file_name",
    "title",
    "source",
    "published",
    "published_from",
    "text",
    "ingested_at",
)
EVENT_COLUMNS = (
    "id",
    "key",
    "start",
    "end",
    "precision",
    "anchor",
    "status",
    "kind",
    "actor",
    "actor_key",
    "subject",
    "title",
    "summary",
    "confidence",
    "origin",
    "created_at",
)
MENTION_COLUMNS = (
    "event_id",
    "document_id",
    "start",
    "end",
    "date_start",
    "date_end",
    "precision",
    "anchor",
    "resolution",
    "status",
    "kind",
    "actor_text",
    "subject_text",
    "evidence",
    "title",
    "summary",
    "confidence",
)


class RowChunk(Protocol):
    documents: list[tuple]
    events: list[tuple]
    mentions: list[tuple]


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


def load_chunks(conn: sqlite3.Connection, chunks: Iterable[RowChunk]) -> int:
    """Insert every chunk's rows; runs inside the caller's write transaction. Returns events."""
    sql_docs = _insert_sql("documents", DOCUMENT_COLUMNS)
    sql_events = _insert_sql("events", EVENT_COLUMNS)
    sql_mentions = _insert_sql("mentions", MENTION_COLUMNS)
    count = 0
    for chunk in chunks:
        conn.executemany(sql_docs, chunk.documents)
        conn.executemany(sql_events, chunk.events)
        conn.executemany(sql_mentions, chunk.mentions)
        count += len(chunk.events)
    return count
