"""The store reads and writes through sqlite-utils on its own connection: writes join the
store's transaction, batched ids match SQLite's own, values stay parameters, and readers do
not pin an old snapshot."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.store import EventStore, StoreError
from tests.store_fixtures import doc_a, doc_b, events_a, events_b, make_sample_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return make_sample_store(tmp_path / "s.db")


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("documents", "events", "mentions", "actors", "edits")
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_reads_and_writes_go_through_sqlite_utils(store_path: Path) -> None:
    seen: list[str] = []
    with EventStore.create_or_open(store_path) as store:
        assert isinstance(store.db, Database) and store.db.conn is store.conn
        with store.db.tracer(lambda sql, params: seen.append(sql.split()[0].upper())):
            event = store.list_events()[0]
            assert store.get_event(event.id) is not None
            assert store.documents() and store.actors()
            store.set_starred(event.id)
            assert store.edits(event.id)[-1].action == "star"
    assert "SELECT" in seen and "UPDATE" in seen and "INSERT" in seen


def test_a_failure_rolls_back_rows_sqlite_utils_wrote(tmp_path: Path) -> None:
    """sqlite-utils writes inside the store's BEGIN IMMEDIATE as savepoints: an error in the
    second document undoes the first one's rows too (nothing is committed behind our back)."""
    path = tmp_path / "s.db"
    with EventStore.create_or_open(path) as store:
        generation = store.generation
        bad = dataclasses.replace(events_b()[0], evidence="not in the text")
        with pytest.raises(StoreError):
            store.add_documents([(doc_a(), events_a()), (doc_b(), [bad])])
        assert store.generation == generation
        assert not store.conn.in_transaction
    assert _counts(path) == {"documents": 0, "events": 0, "mentions": 0, "actors": 0, "edits": 0}


def test_batched_event_ids_are_sqlite_own_and_mentions_point_at_them(tmp_path: Path) -> None:
    """A document's new events are written in one insert_all with ids largest+1…: the same
    ids SQLite gives one row at a time, also after the largest id was deleted."""
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        store.add_document(doc_a(), events_a())
        ids = sorted(e.id for e in store.list_events())
        assert ids == list(range(1, len(ids) + 1))
        store.delete_document(doc_a().id)  # its events go (nobody decided on them)
        assert store.count_events() == 0
        store.add_document(doc_b(), events_b())
        events = store.list_events()
        assert sorted(e.id for e in events) == list(range(1, len(events) + 1))
        for e in events:
            detail = store.get_event(e.id)
            assert detail is not None and len(detail.mentions) == e.n_mentions >= 1
            assert {m.event_key for m in detail.mentions} == {e.key}


def test_values_stay_parameters(store_path: Path) -> None:
    hostile = "x' OR '1'='1"
    with EventStore.open(store_path) as store:
        assert store.get_event_by_key(hostile) is None
        assert store.get_document(hostile) is None
        assert store.mentions_of_document("' OR 1=1 --") == []
        assert not store.has_document(hostile)
    with EventStore.create_or_open(store_path) as store:
        event = store.list_events()[0]
        store.edit_event(event.id, title=hostile, note='"); DROP TABLE events; --')
        store.set_tags(event.id, ["a'b", 'c"d'])
        assert store.get_event(event.id).event.title == hostile
        assert store.curation(event.id).tags == ("a'b", 'c"d')
        assert store.count_events() == 10


def test_reader_is_not_pinned_to_an_old_snapshot(store_path: Path) -> None:
    """Reads leave no transaction open on a read-only store, so it sees later writes."""
    with EventStore.open(store_path) as reader:
        event = reader.list_events()[0]
        assert reader.get_event(event.id) is not None
        assert reader.get_document(doc_a().id) is not None
        reader.edits(event.id)
        reader.curation(event.id)
        assert not reader.conn.in_transaction
        with EventStore.create_or_open(store_path) as writer:
            writer.set_hidden(event.id)
        assert reader.curation(event.id).hidden
        assert event.id in reader.hidden_ids()


def test_closed_store_refuses_its_database(store_path: Path) -> None:
    store = EventStore.open(store_path)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        _ = store.db
    with pytest.raises(StoreError, match="closed"):
        store.edits()
