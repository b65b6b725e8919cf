"""Curation in the store: edits recorded and kept, undo restores the exact contents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.ingest import ingest_files
from desktop.store import EventStore, StoreError

SEED = sorted(Path("/work/shared/corpus/seed").glob("*.txt"))
pytestmark = pytest.mark.skipif(not SEED, reason="seed corpus not available")


def dump(store: EventStore) -> dict[str, list]:
    """Every table's rows (FTS checked for integrity separately); the journal and the
    generation counter are the undo machinery itself and are left out."""
    conn = store.conn
    out = {}
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        " AND name NOT IN ('undo_journal', 'meta')"
    )
    for (name,) in names.fetchall():
        out[name] = sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"')))
    out["documents_fts"] = sorted(map(repr, conn.execute("SELECT * FROM documents_fts")))
    out["meta"] = conn.execute("SELECT id, uuid, created_at, app_version FROM meta").fetchall()
    return out


def fts_ok(store: EventStore) -> None:
    for table in ("events_fts", "mentions_fts"):
        store.conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


@pytest.fixture
def store(tmp_path: Path):
    ingest_files(tmp_path / "s.db", SEED)
    with EventStore.create_or_open(tmp_path / "s.db") as s:
        yield s


def test_edit_is_recorded_with_who_and_wins_over_reextraction(store: EventStore) -> None:
    event = store.list_events()[0]
    store.edit_event(event.id, title="Checked by hand", note="verified")
    edits = store.edits(event.id)
    assert {(e.field, e.old, e.new) for e in edits} >= {
        ("title", event.title, "Checked by hand"),
        ("note", "", "verified"),
    }
    assert all(e.who == store.who and e.origin == "user" for e in edits)
    store.reextract()
    again = store.get_event(event.id)
    assert again is not None and again.event.title == "Checked by hand"
    assert again.event.origin == "user" and again.mentions


def test_hidden_event_stays_hidden_after_reextraction_and_reingest(
    store: EventStore, tmp_path: Path
) -> None:
    event = store.list_events()[1]
    store.set_hidden(event.id)
    store.reextract()
    assert event.id in store.hidden_ids()
    assert store.get_event(event.id).mentions  # the re-extracted mention came back to it
    store.close()
    ingest_files(tmp_path / "s.db", SEED)  # re-ingest: same texts, nothing changes
    with EventStore.open(tmp_path / "s.db") as ro:
        assert event.id in ro.hidden_ids()


def test_undo_restores_identical_contents_and_redo_repeats(store: EventStore) -> None:
    before = dump(store)
    events = store.list_events()
    docs = store.documents()
    store.edit_event(events[0].id, precision="season", start="2025-06-01", end="2025-08-31")
    store.set_starred(events[1].id)
    store.set_tags(events[2].id, ["checked", " Checked ", "later"])
    store.merge_events(events[3].id, events[4].id)
    new = store.add_event({"title": "By hand", "actor": "Baidu", "kind": "release"})
    store.set_published(docs[1].id, dt.date(2025, 3, 25))
    store.delete_document(docs[0].id)
    after = dump(store)
    assert after != before and store.get_event(new) is not None
    for entry_id, _label, _undone in reversed(store.undo_entries()):
        store.undo(entry_id)
    assert dump(store) == before
    fts_ok(store)
    for entry_id, _label, _undone in store.undo_entries():
        store.redo(entry_id)
    assert dump(store) == after
    fts_ok(store)


def test_publication_date_resolves_relative_dates(store: EventStore) -> None:
    undated_doc = next(d for d in store.documents() if d.published is None)
    unresolved = [m for m in store.mentions_of_document(undated_doc.id) if m.date_start is None]
    assert unresolved
    store.set_published(undated_doc.id, dt.date(2025, 3, 25))
    after = store.mentions_of_document(undated_doc.id)
    assert sum(m.date_start is None for m in after) < len(unresolved)
    assert store.get_document(undated_doc.id).published_from == "user"


def test_delete_document_keeps_user_edited_events(store: EventStore) -> None:
    doc = max(store.documents(), key=lambda d: len(store.mentions_of_document(d.id)))
    mentions = store.mentions_of_document(doc.id)
    only_here = [m.event_id for m in mentions if store.get_event(m.event_id).event.n_mentions == 1]
    assert len(only_here) >= 2
    store.set_starred(only_here[0])
    store.delete_document(doc.id)
    assert store.get_event(only_here[0]) is not None
    assert store.get_event(only_here[1]) is None
    assert not store.has_document(doc.id)


def test_split_and_merge_move_mentions(store: EventStore) -> None:
    shared = next(e for e in store.list_events() if e.n_mentions > 1)
    mention = store.get_event(shared.id).mentions[-1]
    new_id = store.split_mention(mention.id)
    assert store.get_event(new_id).mentions[0].id == mention.id
    assert store.get_event(shared.id).event.n_mentions == shared.n_mentions - 1
    store.merge_events(shared.id, new_id)
    assert store.get_event(new_id) is None
    assert store.get_event(shared.id).event.n_mentions == shared.n_mentions
    with pytest.raises(StoreError):
        store.merge_events(shared.id, shared.id)


def test_add_event_with_evidence_survives_reextraction(store: EventStore) -> None:
    doc = store.documents(include_text=True)[0]
    start = doc.text.index("Baidu") if "Baidu" in doc.text else 0
    event_id = store.add_event(
        {"title": "Hand-picked", "actor": "Baidu", "kind": "statement", "start": "2025-03-01",
         "end": "2025-03-31", "precision": "month"},
        evidence=(doc.id, start, start + 20),
    )  # fmt: skip
    store.reextract([doc.id])
    detail = store.get_event(event_id)
    assert detail.event.origin == "user" and len(detail.mentions) == 1
    assert detail.mentions[0].evidence == doc.text[start : start + 20]
    with pytest.raises(StoreError):
        store.add_event({"actor": "X", "kind": "no-such-kind"})


def test_undo_refuses_when_rows_changed_since(store: EventStore) -> None:
    event = store.list_events()[0]
    store.edit_event(event.id, title="First")
    entry = store.undo_entries()[-1][0]
    store.conn.execute("UPDATE events SET title = 'changed elsewhere' WHERE id = ?", (event.id,))
    with pytest.raises(StoreError, match="changed since"):
        store.undo(entry)
