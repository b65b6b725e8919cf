"""Queries on an index mapped from the index cache release its pages and answer the same."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from desktop.store.column_cache import DerivedStore
from desktop.viewmodel import density, index_cache, mapped_pages
from desktop.viewmodel.day_grid import DayGrid

DAY = 86400.0


def _index(seed: int, n: int = 3000, n_rows: int = 5) -> density.LaneIndex:
    rng = np.random.default_rng(seed)
    start = np.sort(rng.integers(0, 400, n)).astype(float) * DAY
    span = rng.random(n) < 0.4
    end = start + np.where(span, rng.integers(1, 90, n) * DAY, DAY)
    rows = rng.integers(0, n_rows, n)
    return density.build_index(start, end, span, rows, n_rows), start


def _mapped(index: density.LaneIndex, tmp_path, monkeypatch) -> density.LaneIndex:
    monkeypatch.setattr(index_cache, "MIN_EVENTS", 0)
    columns = SimpleNamespace(derived=DerivedStore(tmp_path))
    index_cache.save(columns, "lane-index-test", index).join()
    loaded = index_cache.load(columns, "lane-index-test", index.n_rows)
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("seed", range(3))
def test_queries_on_a_mapped_index_answer_as_in_memory(seed, tmp_path, monkeypatch) -> None:
    index, start = _index(seed)
    mapped = _mapped(index, tmp_path, monkeypatch)
    assert mapped_pages._read_only_mapping(mapped.span_starts) is not None
    released = []
    real = mapped_pages.release_pages
    monkeypatch.setattr(mapped_pages, "release_pages", lambda ix: released.append(ix) or real(ix))
    rows, edges = np.arange(5), density.pixel_edges(-30 * DAY, 420 * DAY, 97)
    for _ in range(2):  # the second time after the pages were released
        np.testing.assert_array_equal(
            density.column_counts(mapped, rows, edges), density.column_counts(index, rows, edges)
        )
        np.testing.assert_allclose(
            density.column_mass(mapped, rows, edges), density.column_mass(index, rows, edges)
        )
        np.testing.assert_array_equal(
            density.events_in_rows(mapped, rows, 50 * DAY, 90 * DAY, start),
            density.events_in_rows(index, rows, 50 * DAY, 90 * DAY, start),
        )
    assert sum(ix is mapped for ix in released) >= 6  # every query released the mapped index


def test_only_read_only_file_mappings_are_released(tmp_path) -> None:
    array = np.arange(1000, dtype=np.float64)
    np.save(tmp_path / "a.npy", array)
    shared = np.load(tmp_path / "a.npy", mmap_mode="r").view(np.ndarray)
    private = np.load(tmp_path / "a.npy", mmap_mode="c").view(np.ndarray)
    assert mapped_pages._read_only_mapping(shared[10:20]) is not None
    assert mapped_pages._read_only_mapping(private) is None  # copy-on-write: never dropped
    assert mapped_pages._read_only_mapping(array) is None
    mapped_pages.release_pages(SimpleNamespace(a=shared, _sums={"x": (shared,)}))
    np.testing.assert_array_equal(shared, array)  # the data is the file's, still there


def test_day_grid_mass_on_a_mapped_index(tmp_path, monkeypatch) -> None:
    rng = np.random.default_rng(5)
    start = np.sort(rng.integers(0, 300, 2000)).astype(float) * DAY
    end = start + rng.integers(1, 60, 2000) * DAY
    rows = rng.integers(0, 4, 2000)
    index = density.build_index(start, end, np.ones(2000, bool), rows, 4)
    mapped = _mapped(index, tmp_path, monkeypatch)
    edges = density.pixel_edges(-10 * DAY, 320 * DAY, 61)
    for _ in range(2):
        np.testing.assert_allclose(
            DayGrid(mapped).mass(np.arange(4), edges), DayGrid(index).mass(np.arange(4), edges)
        )
