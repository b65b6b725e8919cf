"""read_columns: the same columns whether event ids are consecutive (positions by subtraction)
or have gaps (binary search), and each event's lane and mention count are its own."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import numpy as np

from desktop.store import columns as cols


def _by_search(ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.searchsorted(ids, values)


def _check(conn: sqlite3.Connection, monkeypatch) -> None:
    fast = cols.read_columns(conn)
    with monkeypatch.context() as m:
        m.setattr(cols, "_positions", _by_search)
        slow = cols.read_columns(conn)
    for name in ("start_s", "end_s", "lane", "kind", "status", "precision", "id", "n_mentions"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(slow, name), err_msg=name)
    assert fast.lanes == slow.lanes
    actors = dict(conn.execute("SELECT id, actor FROM events"))
    mentions = dict(conn.execute("SELECT event_id, COUNT(*) FROM mentions GROUP BY event_id"))
    for i, event_id in enumerate(fast.id.tolist()):
        assert fast.lanes[fast.lane[i]] == actors[event_id]
        assert fast.n_mentions[i] == mentions.get(event_id, 0)


def test_consecutive_and_gapped_ids_give_the_same_columns(sample_store: Path, monkeypatch):
    with contextlib.closing(sqlite3.connect(sample_store)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        ids = [row[0] for row in conn.execute("SELECT id FROM events ORDER BY id")]
        assert ids == list(range(ids[0], ids[0] + len(ids)))  # a fresh store: no gaps
        _check(conn, monkeypatch)
        with conn:
            conn.execute("DELETE FROM events WHERE id IN (?, ?)", (ids[0], ids[len(ids) // 2]))
        _check(conn, monkeypatch)
