"""Opening files that are not (usable) Eventline stores: refused with StoreError, untouched.
Read-only opens never write; migrations keep a backup and restore it on failure."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.store import APPLICATION_ID, SCHEMA_VERSION, EventStore, StoreError, opening
from desktop.store.schema import Migration, run_migrations

try:
    from tests import store_fixtures as fx
except ImportError:  # tests/ is not a package
    import store_fixtures as fx


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(path: Path, pattern: str, *, readonly_too: bool = True) -> None:
    """Both open modes refuse ``path`` with a message naming it, and leave it unchanged."""
    before = sha(path)
    openers = [EventStore.create_or_open] + ([EventStore.open] if readonly_too else [])
    for opener in openers:
        with pytest.raises(StoreError, match=pattern) as info:
            opener(path)
        message = str(info.value)
        assert str(path) in message and "\n" not in message
        assert sha(path) == before


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return fx.make_sample_store(tmp_path / "sample.eventline")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        EventStore.open(tmp_path / "nope.db")
    with pytest.raises(StoreError, match="no such file"):
        EventStore.open(tmp_path / "nope.db", readonly=False)
    with pytest.raises(StoreError, match="does not exist"):
        EventStore.create_or_open(tmp_path / "no" / "dir.db")
    assert not (tmp_path / "nope.db").exists()


def test_directory(tmp_path: Path) -> None:
    for opener in (EventStore.open, EventStore.create_or_open):
        with pytest.raises(StoreError, match="folder"):
            opener(tmp_path)


def test_zero_length_file_readonly_refused_writable_initialised(tmp_path: Path) -> None:
    path = tmp_path / "zero.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        EventStore.open(path)
    assert path.read_bytes() == b""
    with EventStore.create_or_open(path) as store:
        assert store.count_events() == 0
    with EventStore.open(path) as store:
        assert store.generation == 0


def test_tableless_sqlite_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    assert path.stat().st_size > 0
    with pytest.raises(StoreError, match="empty database"):
        EventStore.open(path)
    with EventStore.create_or_open(path) as store:
        store.add_document(fx.doc_a(), fx.events_a())
    with EventStore.open(path) as store:
        assert store.count_events() == 6


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n" * 40, b"SQLite format 2\x00" + b"\x00" * 4000, b"\xff" * 5],
)
def test_not_sqlite(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    assert_refused(path, "not an SQLite database")


def test_truncated(store_path: Path) -> None:
    data = store_path.read_bytes()
    assert len(data) > 8192
    for cut in (50, 4096, len(data) // 2 + 7, len(data) - 4096):
        store_path.write_bytes(data[:cut])
        assert_refused(store_path, "truncated|damaged")


def test_bit_flips_in_header_and_pages(store_path: Path) -> None:
    data = store_path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    for offset in (0, 17, page + 0, 2 * page + 3, 3 * page + 5):
        flipped = bytearray(data)
        flipped[offset] ^= 0xFF
        store_path.write_bytes(bytes(flipped))
        assert_refused(store_path, "not an SQLite|damaged|truncated|missing")


def test_damage_found_after_open_becomes_store_error(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "QUICK_CHECK_MAX_BYTES", 0)  # as for a big store
    conn = sqlite3.connect(store_path)
    roots = [
        r
        for (r,) in conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name IN ('events', 'mentions')"
        )
    ]
    conn.close()
    data = bytearray(store_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for root in roots:  # the b-tree page type byte of each table's root page
        data[(root - 1) * page] = 0x00
    store_path.write_bytes(bytes(data))
    with EventStore.open(store_path) as store:  # damage in data pages passes the cheap checks
        for read in (store.list_events, store.columns, lambda: store.search("ernie")):
            with pytest.raises(StoreError, match="database error"):
                read()


def test_other_applications_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.commit()
    conn.close()
    assert_refused(path, "another application")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    assert_refused(path, "another application")


def test_application_id_without_tables_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "odd.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 42")
    conn.close()
    assert_refused(path, "another application")


@pytest.mark.parametrize(
    "damage,pattern",
    [
        ("DROP TABLE actors", "missing table 'actors'"),
        ("ALTER TABLE actors DROP COLUMN colour", "lacks column"),
        ("DROP TABLE meta", "missing table 'meta'"),
    ],
)
def test_missing_tables_or_columns(store_path: Path, damage: str, pattern: str) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute(damage)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert_refused(store_path, pattern)


def test_newer_schema_refused(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    newer = SCHEMA_VERSION + 1
    assert_refused(
        store_path, rf"newer Eventline \(schema {newer} > {SCHEMA_VERSION}\): upgrade Eventline"
    )


def test_readonly_never_modifies_the_file(store_path: Path) -> None:
    before = sha(store_path)
    with EventStore.open(store_path) as store:
        store.list_events()
        store.columns()
        store.search('ernie "open source" -x OR y')
        store.exchange_records()
        store.get_event(1)
        _ = store.generation
    assert sha(store_path) == before
    with EventStore.open(store_path) as store:
        assert store.count_events() == fx.SAMPLE_EVENT_COUNT
    assert sha(store_path) == before


def test_readonly_open_of_older_schema_refused(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha(store_path)
    with pytest.raises(StoreError, match="older Eventline"):
        EventStore.open(store_path)
    assert sha(store_path) == before


def test_closed_store_raises_store_error(store_path: Path) -> None:
    store = EventStore.open(store_path)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.list_events()


# -- migrations ---------------------------------------------------------------------------


def _add_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE actors ADD COLUMN note TEXT")
    conn.execute("UPDATE actors SET note = 'migrated'")


def _boom(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM events")
    raise RuntimeError("boom")


def test_migration_runner_applies_in_order_each_in_a_transaction(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "toy.db", isolation_level=None)
    steps: list[int] = []
    toy = [
        Migration(2, "b", lambda c: (steps.append(2), c.execute("CREATE TABLE b (x)"))),
        Migration(1, "a", lambda c: (steps.append(1), c.execute("CREATE TABLE a (x)"))),
        Migration(3, "c", lambda c: steps.append(3)),
    ]
    assert run_migrations(conn, toy, target=2) == [1, 2]
    assert steps == [1, 2]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert run_migrations(conn, toy, target=2) == []  # nothing pending
    conn.close()


def test_migration_of_a_store_with_data_keeps_backup(store_path: Path) -> None:
    conn = opening.connect(store_path, readonly=False)
    toy = [Migration(SCHEMA_VERSION + 1, "actor notes", _add_column)]
    conn = opening.migrate(conn, store_path, SCHEMA_VERSION, toy, SCHEMA_VERSION + 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert {n for (n,) in conn.execute("SELECT note FROM actors")} == {"migrated"}
    conn.close()
    backup = opening.backup_path(store_path, SCHEMA_VERSION)
    assert backup.name == f"sample.eventline.bak-v{SCHEMA_VERSION}"
    shutil.copy(backup, store_path.with_name("restored.db"))
    with EventStore.open(store_path.with_name("restored.db")) as old:
        assert old.count_events() == fx.SAMPLE_EVENT_COUNT


def test_failed_migration_restores_the_store(store_path: Path) -> None:
    before = fx_dump(store_path)
    conn = opening.connect(store_path, readonly=False)
    toy = [
        Migration(SCHEMA_VERSION + 1, "actor notes", _add_column),
        Migration(SCHEMA_VERSION + 2, "broken", _boom),
    ]
    with pytest.raises(StoreError, match=r"upgrade failed.*restored"):
        opening.migrate(conn, store_path, SCHEMA_VERSION, toy, SCHEMA_VERSION + 2)
    assert fx_dump(store_path) == before
    with EventStore.open(store_path) as store:
        assert store.count_events() == fx.SAMPLE_EVENT_COUNT


def fx_dump(path: Path) -> tuple[int, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return version, list(conn.iterdump())
    finally:
        conn.close()


def test_application_id_constant() -> None:
    assert int.from_bytes(b"EVLN", "big") == APPLICATION_ID
