"""Position by id: the table, and its copy mapped from a cache entry's derived data."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import numpy as np
import pytest

from desktop.store.column_cache import DerivedStore
from desktop.viewmodel import index_cache


def reference(ids: np.ndarray, top: int) -> np.ndarray:
    table = np.full(top + 1, -1, dtype=np.int32)
    for pos, event_id in enumerate(ids.tolist()):
        table[event_id] = pos
    return table


@pytest.mark.parametrize("seed", range(4))
def test_table_places_each_id_at_its_position(seed: int) -> None:
    rng = np.random.default_rng(seed)
    ids = rng.permutation(np.arange(1, 3000, dtype=np.int64))[: int(rng.integers(1, 2000))]
    table = index_cache.position_table(ids)
    assert table is not None and table.dtype == np.int32
    assert np.array_equal(table, reference(ids, int(ids.max())))


def test_sparse_or_negative_ids_have_no_table() -> None:
    assert index_cache.position_table(np.array([1, 10**9], dtype=np.int64)) is None
    assert index_cache.position_table(np.array([-1, 2], dtype=np.int64)) is None
    assert index_cache.position_table(np.zeros(0, dtype=np.int64)) is None


def lookups(table, keys: np.ndarray) -> list[int]:
    return [int(table[int(k)]) for k in keys]


def test_large_store_table_is_read_from_the_entry(tmp_path) -> None:
    rng = np.random.default_rng(7)
    n = index_cache.MIN_EVENTS
    ids = rng.permutation(np.arange(5, n + 5, dtype=np.int64))
    store = DerivedStore(tmp_path)
    columns = SimpleNamespace(derived=store)
    expected = index_cache.position_table(ids)
    keys = rng.integers(0, expected.size, 3000)
    first = index_cache.id_positions(columns, ids)
    assert isinstance(first, index_cache.PositionFile)  # read by lookup, no private table
    assert first.size == expected.size
    assert lookups(first, keys) == expected[keys].tolist()
    again = index_cache.id_positions(columns, ids)  # loaded, not built
    assert isinstance(again, index_cache.PositionFile)
    assert lookups(again, keys) == expected[keys].tolist()
    with pytest.raises(IndexError):
        again[expected.size]
    other = ids[:-1]  # not the ids it was saved for: built again, then saved for these
    table = index_cache.id_positions(columns, other)
    assert lookups(table, keys) == reference(other, n + 4)[keys].tolist()
    small = np.arange(100, dtype=np.int64)[::-1]
    assert isinstance(index_cache.id_positions(columns, small), np.ndarray)  # small: private


def test_position_file_answers_from_its_mapping_once_the_file_is_gone(tmp_path) -> None:
    ids = np.random.default_rng(3).permutation(np.arange(index_cache.MIN_EVENTS))
    columns = SimpleNamespace(derived=DerivedStore(tmp_path))
    table = index_cache.id_positions(columns, ids)
    expected = index_cache.position_table(ids)
    shutil.rmtree(tmp_path / f"derived-{index_cache.POSITIONS}")
    keys = np.arange(0, expected.size, 997)
    assert lookups(table, keys) == expected[keys].tolist()
