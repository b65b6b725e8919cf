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


# Raw executemany of tuples, not sqlite-utils' insert_all: 100k mention rows in memory take
# ~0.25 s CPU this way against ~1.3 s (insert_all of lists) and ~1.9 s (of dicts).
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


# The per-row insert triggers that keep the FTS indexes in sync. A bulk load drops them inside
# its transaction, inserts, recreates them from their own stored SQL and rebuilds the indexes
# in one pass each: per-row FTS updates dominate the cost of a large load otherwise.
BULK_CACHE_KIB = 256 * 1024  # page cache while loading: fewer spills of the open transaction
_INSERT_TRIGGERS = ("events_fts_ai", "mentions_fts_ai", "documents_fts_ai")


def _drop_insert_triggers(conn: sqlite3.Connection) -> list[str]:
    marks = ", ".join("?" for _ in _INSERT_TRIGGERS)
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        _INSERT_TRIGGERS,
    ).fetchall()
    for name, _ in rows:
        conn.execute(f'DROP TRIGGER "{name}"')  # name from the fixed tuple above
    return [sql for _, sql in rows]


def _rebuild_fts(conn: sqlite3.Connection, first_new_document_rowid: int) -> None:
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild')")
    # documents_fts keeps its own copy of the text: add the new documents only
    conn.execute(
        "INSERT INTO documents_fts (doc_id, title, text)"
        " SELECT id, title, text FROM documents WHERE rowid >= ?",
        (first_new_document_rowid,),
    )


def _drop_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes of the bulk-loaded tables; return their SQL to recreate them
    (one sort per index at the end costs far less than 10^6 random B-tree inserts)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('events', 'mentions', 'documents')"
    ).fetchall()
    for name, _ in rows:
        conn.execute(f'DROP INDEX "{name.replace(chr(34), chr(34) * 2)}"')
    return [sql for _, sql in rows]


def load_chunks(conn: sqlite3.Connection, chunks: Iterable[RowChunk]) -> int:
    """Insert every chunk's rows; runs inside the caller's write transaction (so the trigger
    swap below is all-or-nothing with the rows). Returns the events inserted."""
    sql_docs = _insert_sql("documents", DOCUMENT_COLUMNS)
    sql_events = _insert_sql("events", EVENT_COLUMNS)
    sql_mentions = _insert_sql("mentions", MENTION_COLUMNS)
    first_doc = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM documents").fetchone()[0]
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    triggers = _drop_insert_triggers(conn)
    indexes = _drop_indexes(conn)
    count = 0
    for chunk in chunks:
        conn.executemany(sql_docs, chunk.documents)
        conn.executemany(sql_events, chunk.events)
        conn.executemany(sql_mentions, chunk.mentions)
        count += len(chunk.events)
    for sql in indexes:
        conn.execute(sql)
    _rebuild_fts(conn, int(first_doc))
    for sql in triggers:
        conn.execute(sql)
    conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return count
