"""Kept search results: packed and unpacked exactly, never reused for another store state."""

from __future__ import annotations

import sqlite3
import threading
import time
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
    assert got is not None and got.tolist() == ids
    assert got.dtype == (np.int32 if max(ids, default=0) < 2**31 else np.int64)
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
    path = tmp_path / "s.db"
    with EventStore.create_or_open(path) as store:
        store.bulk_load(synth.generate(200, seed=4))
    with EventStore.open(path) as store:
        mentions = read_mention_map(store.conn)
        before = search_ids(store.conn, "familiar", mentions)
        assert search_ids(store.conn, "familiar", mentions).tolist() == before.tolist()
        assert len(fts_results.RESULTS._items) == 2  # events and mentions, found again
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


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    path = tmp_path / "f.db"
    with EventStore.create_or_open(path) as store:
        store.bulk_load(synth.generate(300, seed=6))
    return path


def _slow_queries(monkeypatch, started: list, release) -> None:
    """query_ids that records its calls and, but for "nova", waits for ``release``
    (honouring its stop)."""
    real = fts_results.query_ids

    def slow(path, sql, args, stop):
        started.append(args)
        while args[0] != '"nova"' and not release.wait(0.01):
            if stop.is_set():
                raise sqlite3.OperationalError("interrupted")
        return real(path, sql, args, stop)

    monkeypatch.setattr(fts_results, "query_ids", slow)


def test_callers_of_the_same_key_share_one_flight(small_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(fts_results, "RESULTS", ResultCache(0))
    started: list = []
    release = threading.Event()
    _slow_queries(monkeypatch, started, release)
    results = []

    def search() -> None:
        with EventStore.open(small_store) as store:
            state = fts_results.store_state(store.conn)
            results.append(
                fts_results.matching_ids(store.conn, state, '"familiar"', '"familiar"', np.zeros(0))
            )

    threads = [threading.Thread(target=search) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    release.set()
    for t in threads:
        t.join(10)
    assert len(started) == 2  # one events query and one mention query, for three callers
    with EventStore.open(small_store) as store:
        expected = fts_results.matching_ids(store.conn, None, '"familiar"', '"familiar"', None)
    assert len(results) == 3
    for own, via in results:
        assert own.tolist() == expected[0].tolist() and via.tolist() == expected[1].tolist()


def test_an_interrupted_caller_stops_waiting_and_a_new_key_stops_the_flight(
    small_store: Path, monkeypatch
) -> None:
    monkeypatch.setattr(fts_results, "RESULTS", ResultCache(0))
    started: list = []
    release = threading.Event()
    _slow_queries(monkeypatch, started, release)
    with EventStore.open(small_store) as store:
        conn = store.conn
        state = fts_results.store_state(conn)
        threading.Timer(0.1, conn.interrupt).start()
        begun = time.perf_counter()
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            fts_results.matching_ids(conn, state, '"according"', '"according"', np.zeros(0))
        assert time.perf_counter() - begun < 2.0
        key = (*state, "mentions", '"according"')
        flight = fts_results._flights[key]  # still flying: a later caller may want it
        assert not flight.stop.is_set()
        own, _ = fts_results.matching_ids(conn, state, '"nova"', '"nova"', np.zeros(0))
        assert own.size and flight.stop.is_set()  # superseded: it stops without a release
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            flight.future.result(timeout=5)
        assert key not in fts_results._flights


def test_a_flight_done_before_it_is_boarded_does_not_lock_up(
    small_store: Path, monkeypatch
) -> None:
    from concurrent.futures import Future

    class Inline:  # runs a task at once: its future is done before anyone waits on it
        def submit(self, fn, *args):
            future: Future = Future()
            future.set_result(fn(*args))
            return future

    monkeypatch.setattr(fts_results, "RESULTS", ResultCache(0))
    monkeypatch.setattr(fts_results, "_pool", lambda which: Inline())
    with EventStore.open(small_store) as store:
        state = fts_results.store_state(store.conn)
        got = fts_results.matching_ids(store.conn, state, '"nova"', '"nova"', np.zeros(0))
        plain = fts_results.matching_ids(store.conn, None, '"nova"', '"nova"', np.zeros(0))
    assert [a.tolist() for a in got] == [a.tolist() for a in plain]
    assert not fts_results._flights


@pytest.mark.parametrize("n", [0, 1, 5, 40_000, 123_457])
def test_ints_parses_long_lists_in_pieces(n: int, monkeypatch) -> None:
    monkeypatch.setattr(fts_results, "PARSE_CHUNK", 1000)  # many pieces, some cut at a comma
    ids = np.random.default_rng(n).integers(0, 10**12, n)
    assert fts_results.ints(",".join(map(str, ids)) or None).tolist() == ids.tolist()


@pytest.mark.parametrize("top", [1000, 2**31 - 1, 2**31, 10**12])
def test_ints_are_int32_when_every_id_fits(top: int, monkeypatch) -> None:
    monkeypatch.setattr(fts_results, "PARSE_CHUNK", 500)
    ids = np.random.default_rng(top % 97).integers(0, top, 5000)
    ids[-1] = top  # the only wide id comes last: the pieces before it were int32
    got = fts_results.ints(",".join(map(str, ids)))
    assert got.tolist() == ids.tolist()
    assert got.dtype == (np.int32 if top < 2**31 else np.int64)


@pytest.mark.parametrize("offset", [0, 17, 2**31 - 10])
def test_flag_positions_equal_flatnonzero(offset: int, monkeypatch) -> None:
    monkeypatch.setattr(fts_results, "FLAG_CHUNK", 64)
    flags = np.random.default_rng(offset).random(1000) < 0.3
    flags[[0, 63, 64, 999]] = True  # at piece edges
    got = fts_results.flag_positions(flags, offset)
    assert got.tolist() == (np.flatnonzero(flags) + offset).tolist()
    assert got.dtype == (np.int32 if offset + 999 < 2**31 else np.int64)
    assert fts_results.flag_positions(np.zeros(0, dtype=bool)).size == 0
