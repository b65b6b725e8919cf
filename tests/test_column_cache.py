"""The column cache: a hit gives the very columns the store gives, a write (new generation)
misses and replaces the old entry, damage is rebuilt, and nothing lands beside the store."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desktop.store import EventStore
from desktop.store.column_cache import (
    default_root,
    entry_dir,
    load_columns,
    read_entry,
    write_entry,
)

_FIELDS = ("start_s", "end_s", "lane", "kind", "status", "precision", "id", "n_mentions", "anchor")


def _same(a, b) -> None:
    for name in _FIELDS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
        assert getattr(a, name).dtype == getattr(b, name).dtype, name
    assert a.lanes == b.lanes


def test_miss_then_hit_gives_the_store_columns(sample_store: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    with EventStore.open(sample_store) as store:
        first, cached = load_columns(store, root)
        assert not cached
        again, cached = load_columns(store, root)
        assert cached
        _same(first, store.columns())
        _same(again, first)
        order = np.asarray(again.lane_end_order)
        assert sorted(order.tolist()) == list(range(len(again)))
        lane, end = again.lane[order], again.end_s[order]
        assert np.all(np.diff(lane) >= 0)  # by lane, then by end (undated last in a lane)
        same_lane = lane[1:] == lane[:-1]
        finite = np.isfinite(end[1:]) & np.isfinite(end[:-1])
        assert np.all(end[1:][same_lane & finite] >= end[:-1][same_lane & finite])
        assert entry_dir(root, store.uuid, store.generation).is_dir()
    assert sorted(p.name for p in sample_store.parent.iterdir() if "cache" in p.name) == ["cache"]


def test_a_write_invalidates_and_old_generations_are_removed(
    sample_store: Path, tmp_path: Path
) -> None:
    root = tmp_path / "cache"
    with EventStore.create_or_open(sample_store) as store:
        load_columns(store, root)
        old = entry_dir(root, store.uuid, store.generation)
        event = store.list_events()[0]
        store.update_event(event.id, title="Renamed", start="2001-01-01", end="2001-01-01")
        columns, cached = load_columns(store, root)
        assert not cached and not old.exists()
        _same(columns, store.columns())
        assert columns.start_s[0] == 978307200.0  # 2001-01-01, now the earliest
        assert [p.name for p in (root / store.uuid).iterdir()] == [f"g{store.generation}"]


def test_damaged_entry_is_rebuilt(sample_store: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    with EventStore.open(sample_store) as store:
        load_columns(store, root)
        folder = entry_dir(root, store.uuid, store.generation)
        (folder / "kind.npy").write_bytes(b"not numpy")
        assert read_entry(folder) is None
        columns, cached = load_columns(store, root)
        assert not cached
        _same(columns, store.columns())
        assert read_entry(folder) is not None


def test_inconsistent_lengths_are_refused(sample_store: Path, tmp_path: Path) -> None:
    with EventStore.open(sample_store) as store:
        folder = write_entry(tmp_path, store.uuid, 1, store.columns())
    np.save(folder / "lane.npy", np.zeros(1, dtype=np.int32))
    assert read_entry(folder) is None


def test_default_root_is_the_user_cache(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_root() == tmp_path / "eventline" / "columns"


def test_uuid_is_never_a_path(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(ValueError):
        entry_dir(tmp_path, "../../etc", 1)


def test_derived_arrays_round_trip_and_names_are_checked(tmp_path: Path) -> None:
    import pytest

    from desktop.store.column_cache import DerivedStore

    folder = tmp_path / "entry"
    folder.mkdir()
    store = DerivedStore(folder)
    assert store.load("lane-index-v1") is None
    keys = np.array([1.0, 2.5, 9.0])
    assert store.save("lane-index-v1", {"keys": keys, "of": np.arange(3)}, {"t0": 4.0})
    arrays, meta = store.load("lane-index-v1")
    np.testing.assert_array_equal(arrays["keys"], keys)
    assert meta["t0"] == 4.0 and not arrays["keys"].flags.writeable  # mapped read-only
    (folder / "derived-lane-index-v1" / "of.npy").write_bytes(b"damaged")
    assert store.load("lane-index-v1") is None  # damage: rebuilt by the caller
    with pytest.raises(ValueError):
        store.load("../escape")
    assert not DerivedStore(tmp_path / "gone").save("x", {"a": keys}, {})  # no entry: no write
    assert store.save("lane-index-v2", {"keys": keys}, {})
    assert store.save("other-v1", {"keys": keys}, {})
    store.drop_others("lane-index-", keep="lane-index-v2")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["derived-lane-index-v2", "derived-other-v1"]


def test_timeline_lane_index_is_kept_in_the_cache(
    sample_store: Path, tmp_path: Path, monkeypatch
) -> None:
    from desktop.viewmodel import density, index_cache
    from desktop.viewmodel import timeline_model as tm

    monkeypatch.setattr(index_cache, "MIN_EVENTS", 0)  # the sample store is small
    root = tmp_path / "cache"
    with EventStore.open(sample_store) as store:
        columns, _ = load_columns(store, root)  # written: carries its derived store
        built = tm.TimelineModel()
        built.set_data(columns, {})
        built._saving.join()
        again, cached = load_columns(store, root)
    assert cached and again.derived.load(built._index_tag()) is not None
    calls = []
    monkeypatch.setattr(density, "build_index", lambda *a, **k: calls.append(1))
    loaded = tm.TimelineModel()
    loaded.set_data(again, {})
    assert calls == []  # mapped back, not rebuilt
    a, b = built.lane_index(), loaded.lane_index()
    for name in ("points", "span_starts", "span_ends", "span_start_of", "span_end_of"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert loaded.lane_names == built.lane_names
    from desktop.viewmodel.day_grid import DayGrid

    grid = DayGrid(a)
    if grid.usable:  # the day grids come along: nothing to rebuild for the first frame
        assert ("grids", grid.n_days) in b._sums
        edges = density.pixel_edges(a.t0, a.t0 + a.t_span, 97)
        rows = np.arange(a.n_rows)
        np.testing.assert_allclose(DayGrid(b).mass(rows, edges), grid.mass(rows, edges))


def test_sorted_ids_come_mapped_from_the_entry(sample_store: Path, tmp_path: Path) -> None:
    import dataclasses

    from desktop.store.column_cache import sorted_ids

    with EventStore.open(sample_store) as store:
        columns = store.columns()
    assert sorted_ids(columns) is columns.id or np.all(np.diff(sorted_ids(columns)) > 0)
    shuffled = dataclasses.replace(columns, id=columns.id[::-1].copy())  # descending ids
    folder = write_entry(tmp_path, "u-1", 1, shuffled)
    entry = read_entry(folder)
    first = sorted_ids(entry)
    np.testing.assert_array_equal(first, np.sort(columns.id))
    assert not first.flags.writeable  # the file's pages, not a private copy
    assert (folder / "derived-ids-sorted").is_dir()
    np.testing.assert_array_equal(sorted_ids(read_entry(folder)), np.sort(columns.id))
    np.save(folder / "derived-ids-sorted" / "ids.npy", np.arange(3))  # wrong length: redone
    np.testing.assert_array_equal(sorted_ids(read_entry(folder)), np.sort(columns.id))
    plain = sorted_ids(shuffled)  # not from a cache: sorted in memory
    np.testing.assert_array_equal(plain, np.sort(columns.id))
    ascending = dataclasses.replace(columns, id=np.arange(len(columns), dtype=np.int64) + 5)
    assert sorted_ids(ascending) is ascending.id


def test_mention_map_is_cached_narrow_and_mapped(sample_store: Path, tmp_path: Path) -> None:
    from desktop.store.column_cache import load_mention_map
    from desktop.store.id_search import read_mention_map

    root = tmp_path / "cache"
    with EventStore.open(sample_store) as store:
        load_columns(store, root)
        expected = read_mention_map(store.conn)
        folder = entry_dir(root, store.uuid, store.generation)
        for attempt in range(3):
            mentions = load_mention_map(store, root)
            np.testing.assert_array_equal(mentions.mention_id, expected.mention_id)
            np.testing.assert_array_equal(mentions.event_id, expected.event_id)
            assert mentions.event_id.dtype == np.int32  # ids fit: half the pages
            assert mentions.mention_id.dtype == np.int32  # read as int32 when ids fit (456c7a3)
            assert not mentions.event_id.flags.writeable  # mapped from the entry
            if attempt == 1:
                (folder / "mention_event.npy").write_bytes(b"damaged")  # re-read next time
