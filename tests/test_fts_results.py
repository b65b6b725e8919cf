"""Kept search results: packed and unpacked exactly, never reused for another store state."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop import synth
from desktop.store import EventStore, fts_results
from desktop.store.fts_results import ResultCache
from desktop.store.id_search import read_mention_map, search_ids


@pytest.mark.parametrize(
    "ids",
    [
        [],
        [7],
        list(range(5, 900)),  # dense: bits
        [3, 10**6, 10**9],  # sparse: int32 offsets
        [1, 2**40],  # offsets beyond int32
    ],
)
def test_cache_gives_back_what_it_was_given(ids: list[int]) -> None:
    cache = ResultCache(1 << 20)
    values = np.array(ids, dtype=np.int64)
    cache.put("k", values)
    got = cache.get("k")
    assert got is not None and got.dtype == np.int64 and got.tolist() == ids
    assert cache.get("other") is None


def test_cache_drops_the_least_recently_used_beyond_its_size() -> None:
    cache = ResultCache(3 * 4000)  # room for about three packed results of 1000 sparse ids
    rng = np.random.default_rng(2)
    for key in "abcd":
        cache.get("a")  # "a" stays recently used
        cache.put(key, np.sort(rng.choice(10**9, 1000, replace=False)))
    assert cache.get("a") is not None and cache.get("d") is not None
    assert cache.get("b") is None


def test_a_write_makes_kept_results_unusable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(fts_results, "RESULTS", ResultCache())
    monkeypatch.setattr("desktop.store.id_search.RESULTS", fts_results.RESULTS)
    path = tmp_path / "s.db"
    with EventStore.create_or_open(path) as store:
        store.bulk_load(synth.generate(200, seed=4))
    with EventStore.open(path) as store:
        mentions = read_mention_map(store.conn)
        before = search_ids(store.conn, "familiar", mentions)
        assert search_ids(store.conn, "familiar", mentions).tolist() == before.tolist()
        assert len(fts_results.RESULTS._items) == 1  # kept, and found again
    gone = int(before[0])
    sql = "UPDATE events SET title = 'x', summary = '', subject = '' WHERE id = ?"
    with EventStore.create_or_open(path) as store, store._write() as conn:  # generation + 1
        conn.execute("UPDATE mentions SET evidence = 'nothing' WHERE event_id = ?", (gone,))
        conn.execute(sql, (gone,))
    with EventStore.open(path) as store:
        mentions = read_mention_map(store.conn)
        after = search_ids(store.conn, "familiar", mentions)
        assert after.tolist() == store.search("familiar")
    assert gone in before.tolist() and gone not in after.tolist()
