"""Array search gives exactly EventStore.search's ids, for every query form."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop import synth
from desktop.store import EventStore
from desktop.store.id_search import read_mention_map, search_ids, sorted_unique

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
        assert got.dtype == np.int64
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
