"""A damaged or crafted undo journal is refused, never written into arbitrary tables."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.store import EventStore, StoreError


def _tamper(path, mutate) -> int:
    conn = sqlite3.connect(path)
    entry_id, changes = conn.execute(
        "SELECT id, changes FROM undo_journal ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.execute(
        "UPDATE undo_journal SET changes = ? WHERE id = ?",
        (json.dumps(mutate(json.loads(changes))), entry_id),
    )
    conn.commit()
    conn.close()
    return entry_id


@pytest.mark.parametrize(
    "mutate",
    [
        lambda changes: [{**c, "table": "sqlite_master"} for c in changes],
        lambda changes: [
            {**c, "old": {**(c["old"] or {}), "x; DROP TABLE events": 1}} for c in changes
        ],
        lambda changes: [{**c, "old": "not a row"} for c in changes],
    ],
)
def test_undo_refuses_a_crafted_journal(sample_store, mutate):
    with EventStore.create_or_open(sample_store) as store:
        event = store.list_events()[0]
        store.set_hidden(event.id, True)
    entry_id = _tamper(sample_store, mutate)
    with EventStore.create_or_open(sample_store) as store:
        with pytest.raises(StoreError, match="undo journal"):
            store.undo(entry_id)
        assert store.count_events() > 0
        assert store.curation(event.id).hidden  # nothing was undone half-way
