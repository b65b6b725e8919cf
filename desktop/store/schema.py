"""The store's schema, its version and the ordered forward migrations that build it.

Every migration runs in one explicit transaction together with the ``user_version`` bump, so
a store is always at exactly one schema version. Version 0 is an empty (or 0-byte) file.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SCHEMA_VERSION = 3
APPLICATION_ID = 0x45564C4E  # "EVLN"

# "4.5" and "U.S." stay single tokens; queries are prefix queries, so a sentence-final
# "Ernie." is still found by "ernie".
TOKENIZE = "unicode61 remove_diacritics 2 tokenchars '.'"

_V1 = [
    """CREATE TABLE meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        uuid TEXT NOT NULL,
        generation INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL
    )""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        title TEXT,
        source TEXT NOT NULL DEFAULT '',
        published TEXT,
        published_from TEXT NOT NULL DEFAULT 'none',
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        start TEXT,
        "end" TEXT,
        precision TEXT NOT NULL DEFAULT 'unknown',
        anchor TEXT NOT NULL DEFAULT 'explicit',
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_key TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 0.5,
        origin TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'user')),
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        time_start INTEGER,
        time_end INTEGER,
        date_start TEXT,
        date_end TEXT,
        precision TEXT NOT NULL,
        anchor TEXT NOT NULL,
        resolution TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor_text TEXT NOT NULL DEFAULT '',
        subject_text TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL,
        alt_spans TEXT NOT NULL DEFAULT '[]',
        title TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 0.5
    )""",
    """CREATE TABLE actors (
        name TEXT PRIMARY KEY,
        aliases TEXT NOT NULL DEFAULT '[]',
        kind TEXT,
        colour TEXT
    )""",
    "CREATE INDEX events_start_key ON events(start, key)",
    "CREATE INDEX events_kind_actor ON events(kind, actor_key, start)",
    "CREATE INDEX events_actor ON events(actor)",
    "CREATE INDEX mentions_event ON mentions(event_id)",
    "CREATE INDEX mentions_document ON mentions(document_id, start)",
    f"""CREATE VIRTUAL TABLE events_fts USING fts5(
        title, summary, actor, subject,
        content='events', content_rowid='id', tokenize="{TOKENIZE}"
    )""",
    """CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, title, summary, actor, subject)
        VALUES (new.id, new.title, new.summary, new.actor, new.subject);
    END""",
    """CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary, actor, subject)
        VALUES ('delete', old.id, old.title, old.summary, old.actor, old.subject);
    END""",
    """CREATE TRIGGER events_fts_au AFTER UPDATE OF title, summary, actor, subject ON events
    WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary
        OR old.actor IS NOT new.actor OR old.subject IS NOT new.subject
    BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary, actor, subject)
        VALUES ('delete', old.id, old.title, old.summary, old.actor, old.subject);
        INSERT INTO events_fts(rowid, title, summary, actor, subject)
        VALUES (new.id, new.title, new.summary, new.actor, new.subject);
    END""",
    f"""CREATE VIRTUAL TABLE mentions_fts USING fts5(
        evidence, content='mentions', content_rowid='id', tokenize="{TOKENIZE}"
    )""",
    """CREATE TRIGGER mentions_fts_ai AFTER INSERT ON mentions BEGIN
        INSERT INTO mentions_fts(rowid, evidence) VALUES (new.id, new.evidence);
    END""",
    """CREATE TRIGGER mentions_fts_ad AFTER DELETE ON mentions BEGIN
        INSERT INTO mentions_fts(mentions_fts, rowid, evidence)
        VALUES ('delete', old.id, old.evidence);
    END""",
    """CREATE TRIGGER mentions_fts_au AFTER UPDATE OF evidence ON mentions BEGIN
        INSERT INTO mentions_fts(mentions_fts, rowid, evidence)
        VALUES ('delete', old.id, old.evidence);
        INSERT INTO mentions_fts(rowid, evidence) VALUES (new.id, new.evidence);
    END""",
    # documents.id is TEXT, so its rowid is not stable across VACUUM: the documents index
    # keeps its own copy keyed by doc_id instead of pointing at documents' rowids.
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
        doc_id UNINDEXED, title, text, tokenize="{TOKENIZE}"
    )""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(doc_id, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE doc_id = old.id;
    END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF id, title, text ON documents BEGIN
        DELETE FROM documents_fts WHERE doc_id = old.id;
        INSERT INTO documents_fts(doc_id, title, text) VALUES (new.id, new.title, new.text);
    END""",
    f"PRAGMA application_id = {APPLICATION_ID}",
]

# The tables and columns a store of SCHEMA_VERSION must have (checked on every open).
REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    "meta": frozenset({"id", "uuid", "generation", "created_at", "app_version"}),
    "documents": frozenset(
        {"id", "file_name", "title", "source", "published", "published_from", "text"}
        | {"ingested_at"}
    ),
    "events": frozenset(
        {"id", "key", "start", "end", "precision", "anchor", "status", "kind", "actor"}
        | {"actor_key", "subject", "title", "summary", "confidence", "origin", "created_at"}
    ),
    "mentions": frozenset(
        {"id", "event_id", "document_id", "start", "end", "time_start", "time_end"}
        | {"date_start", "date_end", "precision", "anchor", "resolution", "status", "kind"}
        | {"actor_text", "subject_text", "evidence", "alt_spans", "title", "summary"}
        | {"confidence"}
    ),
    "actors": frozenset({"name", "aliases", "kind", "colour"}),
    "events_fts": frozenset({"title", "summary", "actor", "subject"}),
    "mentions_fts": frozenset({"evidence"}),
    "documents_fts": frozenset({"doc_id", "title", "text"}),
}
# Version 2: curation (see _V2).
REQUIRED_COLUMNS["events"] |= {"hidden", "starred", "tags", "note"}
REQUIRED_COLUMNS["mentions"] |= {"origin"}
REQUIRED_COLUMNS["documents"] |= {"complete"}
REQUIRED_COLUMNS["edits"] = frozenset(
    {"id", "event_id", "document_id", "who", "edited_at", "action", "field", "old", "new"}
    | {"origin"}
)
REQUIRED_COLUMNS["undo_journal"] = frozenset(
    {"id", "session", "label", "changes", "undone", "created_at"}
)


@dataclass(frozen=True)
class Migration:
    version: int  # the user_version the store has after this migration
    name: str
    apply: Callable[[sqlite3.Connection], None]


def app_version() -> str:
    try:
        return importlib.metadata.version("eventline-desktop")
    except importlib.metadata.PackageNotFoundError:  # a bare checkout
        return "0+unknown"


def _migrate_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO meta (id, uuid, generation, created_at, app_version) VALUES (1, ?, 0, ?, ?)",
        (
            str(uuid.uuid4()),
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            app_version(),
        ),
    )


# Version 2: what people decide. Hidden ("not an event"), starred, tags and a note on events;
# the origin of each mention (a hand-picked evidence span is "user"); documents built from
# imported evidence only (no full text) are not "complete"; an audit trail of every edit
# (who is the OS user) and the undo journal (row images before/after each edit, JSON).
_V2 = [
    "ALTER TABLE events ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN starred INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE events ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE mentions ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted'"
    " CHECK (origin IN ('extracted', 'user'))",
    "ALTER TABLE documents ADD COLUMN complete INTEGER NOT NULL DEFAULT 1",
    """CREATE TABLE edits (
        id INTEGER PRIMARY KEY,
        event_id INTEGER,
        document_id TEXT,
        who TEXT NOT NULL,
        edited_at TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT NOT NULL DEFAULT '',
        old TEXT,
        new TEXT,
        origin TEXT NOT NULL DEFAULT 'user'
    )""",
    "CREATE INDEX edits_event ON edits(event_id, id)",
    "CREATE INDEX edits_document ON edits(document_id, id)",
    """CREATE TABLE undo_journal (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        label TEXT NOT NULL,
        changes TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
]


def _migrate_v2(conn: sqlite3.Connection) -> None:
    for statement in _V2:
        conn.execute(statement)


# Version 3: partial indexes on the few hidden and starred events, so opening a store of a
# million events reads them without scanning the events table.
_V3 = [
    "CREATE INDEX IF NOT EXISTS events_hidden ON events(id) WHERE hidden",
    "CREATE INDEX IF NOT EXISTS events_starred ON events(id) WHERE starred",
]


def _migrate_v3(conn: sqlite3.Connection) -> None:
    for statement in _V3:
        conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _migrate_v1),
    Migration(2, "curation: hidden, starred, tags, notes, edits, undo journal", _migrate_v2),
    Migration(3, "indexes on hidden and starred events", _migrate_v3),
)


class MigrationFailed(Exception):
    """A migration raised; the store was rolled back to the version before it."""

    def __init__(self, migration: Migration, cause: BaseException) -> None:
        super().__init__(f"migration to schema {migration.version} ({migration.name}): {cause}")
        self.migration = migration
        self.cause = cause


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending_migrations(
    current: int, migrations: Sequence[Migration] = MIGRATIONS, target: int = SCHEMA_VERSION
) -> list[Migration]:
    return sorted((m for m in migrations if current < m.version <= target), key=lambda m: m.version)


def run_migrations(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> list[int]:
    """Apply the pending migrations in order, each in its own transaction; return the
    versions applied. The connection must be in autocommit mode (isolation_level=None)."""
    applied: list[int] = []
    for migration in pending_migrations(user_version(conn), migrations, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationFailed(migration, exc) from exc
        applied.append(migration.version)
    return applied
