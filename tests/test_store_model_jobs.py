"""StoreModel's search jobs: a job told to stop (a newer search was made) answers empty,
whatever message SQLite's interrupt surfaced as; other database errors still raise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from desktop.viewmodel import store_model as sm


def _failing_search(model: sm.StoreModel, interrupt: bool):
    def search(conn, query, mentions):
        if interrupt:
            model._interrupt_searches()  # what making a newer job does meanwhile
        raise sqlite3.OperationalError("vtable constructor failed: mentions_fts")

    return search


def test_an_interrupted_job_is_stale_not_an_error(qapp, sample_store: Path, monkeypatch) -> None:
    model = sm.StoreModel()
    model.open(sample_store)
    try:
        job = model.search_job("ernie")
        monkeypatch.setattr(sm, "search_ids", _failing_search(model, interrupt=True))
        query, ids = job()
        assert query == "ernie" and ids.dtype == np.int64 and ids.size == 0
        assert not model._running and not model._interrupted
        monkeypatch.setattr(sm, "search_ids", _failing_search(model, interrupt=False))
        with pytest.raises(sqlite3.OperationalError):
            model.search_job("ernie")()
    finally:
        model.close()


def test_titles_of_a_large_store_use_sorted_ids(qapp, sample_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(sm, "RECORDS_LIMIT", 0)  # the sample store is small: be lazy anyway
    model = sm.StoreModel()
    model.open(sample_store)
    try:
        titles = model.titles()
        ids = model.columns.id
        assert sorted(titles) == sorted(int(i) for i in ids)
        first = int(ids[0])
        assert first in titles and titles[first] == model.record(first).title
        assert int(ids.max()) + 1 not in titles
    finally:
        model.close()


def test_publication_dates_read_in_background_then_cached(qapp, sample_store: Path) -> None:
    import contextlib

    from desktop.store.column_cache import cached_published, read_published

    with contextlib.closing(sqlite3.connect(sample_store)) as conn:
        expected = read_published(conn)
    for _ in range(2):  # a store new to the cache, then the cached one
        model = sm.StoreModel()
        model.open(sample_store)
        try:
            got = model.published_s()
            np.testing.assert_array_equal(got, expected)  # NaN where unknown, both times
            assert cached_published(model._store) is not None
            model._published_ready.wait(5)
        finally:
            model.close()


def test_a_prefetch_failure_leaves_the_mention_map_to_the_first_search(
    qapp, sample_store: Path, monkeypatch
) -> None:
    # CPython 3.11 can raise SystemError from np.load's header parsing when two threads parse
    # at once; the background prefetch must not die on it: the first search reads the map
    import threading

    calls = {"n": 0}
    real = sm.load_mention_map

    def flaky(store):
        calls["n"] += 1
        if threading.current_thread().name == "eventline-prefetch":
            raise SystemError("AST constructor recursion depth mismatch (before=36, after=155)")
        return real(store)

    seen: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_value))
    monkeypatch.setattr(sm, "load_mention_map", flaky)
    model = sm.StoreModel()
    model.open(sample_store)
    try:
        model._published_ready.wait(5)
        for thread in threading.enumerate():
            if thread.name == "eventline-prefetch":
                thread.join(5)
        assert seen == [] and model._mentions is None
        query, ids = model.search_job("ernie")()
        assert query == "ernie" and ids.size > 0
        assert model._mentions is not None and calls["n"] == 2
    finally:
        model.close()
