"""Array search gives exactly EventStore.search's ids, for every query form."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop import synth
from desktop.store import EventStore, id_search
from desktop.store.id_search import MentionMap, read_mention_map, search_ids, sorted_unique

QUERIES = [
    "",
    "ernie",
    "baidu",
    '"open source"',
    "tencent OR alibaba",
    "ernie -x1",
    "-ernie",
    "qwen hunyuan",
    "nothingmatchesthis",
    '"',
    "*",
    "AND OR NOT",
]


@pytest.mark.parametrize("query", QUERIES)
def test_same_ids_as_store_search(sample_store: Path, query: str) -> None:
    with EventStore.open(sample_store) as store:
        got = search_ids(store.conn, query, read_mention_map(store.conn))
        assert got.dtype in (np.int32, np.int64)  # int32 when the ids fit
        assert got.tolist() == store.search(query)


def test_synthetic_store_terms(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        store.bulk_load(synth.generate(400))
        mentions = read_mention_map(store.conn)
        for query in ("nova", "familiar", "speech OR helix", "nova -helix", "according -media"):
            assert search_ids(store.conn, query, mentions).tolist() == store.search(query)


def test_sorted_unique() -> None:
    values = np.array([5, 1, 5, 3, 1, 9], dtype=np.int64)
    assert sorted_unique(values).tolist() == [1, 3, 5, 9]
    assert sorted_unique(np.zeros(0, dtype=np.int64)).size == 0
    sparse = np.array([10**12, 7, 10**12, -3], dtype=np.int64)  # the sorting path
    assert sorted_unique(sparse).tolist() == [-3, 7, 10**12]
    dense = np.random.default_rng(1).integers(0, 500, 2000)  # the flag-array path
    assert sorted_unique(dense).tolist() == sorted(set(dense.tolist()))


def test_mention_map_dense_and_sparse_lookups_agree() -> None:
    mention_id = np.array([1, 2, 3, 5, 8, 9], dtype=np.int64)
    event_id = np.array([10, 10, 11, 12, 13, 10], dtype=np.int64)
    dense = MentionMap(mention_id, event_id)
    sparse = MentionMap(mention_id * 10**9, event_id)  # too sparse for a table
    asked = np.array([9, 4, 1, 100, 5], dtype=np.int64)  # 4 and 100 are no mentions
    assert dense.events_of(asked).tolist() == [10, 10, 12]
    assert sparse.events_of(asked * 10**9).tolist() == [10, 10, 12]
    assert dense._dense() is not None and sparse._dense() is None


def test_mention_map_of_consecutive_ids_reads_events_without_a_table() -> None:
    mention_id = np.arange(5, 11, dtype=np.int64)  # 5..10, no gaps
    event_id = np.array([20, 21, 21, 22, 23, 20], dtype=np.int64)
    consecutive = MentionMap(mention_id, event_id)
    table = MentionMap(np.array([0, 5, 6, 7, 8, 9, 10]), np.array([99, *event_id.tolist()]))
    asked = np.array([10, 4, 5, 11, 7, 0, -1], dtype=np.int64)  # 4, 11, 0 and -1: not its own
    assert consecutive.events_of(asked).tolist() == [20, 20, 21]
    assert table.events_of(asked).tolist() == [20, 20, 21, 99]
    first, lookup = consecutive._dense()
    assert first == 5 and lookup is event_id  # no table built
    assert consecutive.events_of(np.arange(5, 11)).tolist() == event_id.tolist()


@pytest.mark.parametrize("spread", [1, 10**10])
def test_union_is_sorted_unique_of_both(spread: int, monkeypatch) -> None:
    monkeypatch.setattr(id_search, "UNION_CHUNK", 7)  # many pieces, flags grown often
    rng = np.random.default_rng(spread % 13)
    mention_id = np.arange(3, 503, dtype=np.int64)
    event_id = rng.integers(0, 300, mention_id.size) * spread  # spread: the sorting path
    mentions = MentionMap(mention_id, event_id)
    own = np.unique(rng.integers(0, 400, 60)) * spread
    via = np.sort(rng.choice(mention_id, 200, replace=False))
    expected = sorted(set(own.tolist()) | set(mentions.events_of(via).tolist()))
    assert id_search.union(own, via, mentions).tolist() == expected
    assert id_search.union(own[:0], via[:0], mentions).size == 0
