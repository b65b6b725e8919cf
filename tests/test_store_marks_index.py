"""Schema 3: hidden and starred events are read through partial indexes, not a table scan."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.store import SCHEMA_VERSION, EventStore
from desktop.store.schema import run_migrations

try:
    from tests.store_fixtures import make_sample_store
except ImportError:  # tests/ is not a package
    from store_fixtures import make_sample_store


def test_hidden_and_starred_reads_use_their_partial_indexes(tmp_path: Path) -> None:
    path = make_sample_store(tmp_path / "s.eventline")
    with EventStore.open(path, readonly=False) as store:
        ids = [r.id for r in store.list_events()]
        store.set_hidden(ids[0])
        store.set_starred(ids[1])
        store.set_starred(ids[2])
        assert store.hidden_ids() == [ids[0]]
        assert sorted(store.starred_ids()) == sorted(ids[1:3])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    for column, index in (("hidden", "events_hidden"), ("starred", "events_starred")):
        plan = conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM events WHERE {column}").fetchall()
        assert any(index in str(row[-1]) for row in plan), plan
    conn.close()


def test_migration_3_indexes_a_version_2_store(tmp_path: Path) -> None:
    path = make_sample_store(tmp_path / "s.eventline")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP INDEX events_hidden")
    conn.execute("DROP INDEX events_starred")
    conn.execute("PRAGMA user_version = 2")
    assert run_migrations(conn) == [3]
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_hidden", "events_starred"} <= names
    conn.close()
