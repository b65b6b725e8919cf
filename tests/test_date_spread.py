"""Articles per event and the spread of their dates: the store read, the disagreement rule,
the view model's cache and the details pane's line."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.ingest import ingest_file
from desktop.store import EventStore, StoreError
from desktop.store.date_spread import CHUNK, collect_spread, date_spreads, read_date_spreads
from desktop.viewmodel.date_spread import (
    DateSpreadCache,
    StoreSpreadSource,
    disagrees,
    whisker_span_s,
)
from desktop.viewmodel.details import build_details, date_spread_line

# The same release dated four ways: a day, a month written two ways (its end differs: "this
# month" stops at the publication date), and no date at all (publication-anchored).
ARTICLES = {
    "a.txt": ("Ernie day", "2025-03-25", "On March 16, Baidu released Ernie 4.5, its new model."),
    "b.txt": ("Ernie month", "2025-03-28", "Baidu released Ernie 4.5 this month, its new model."),
    "c.txt": ("Ernie March", "2025-04-02", "Baidu released Ernie 4.5 in March, its new model."),
    "d.txt": ("Ernie undated", "2025-03-30", "Baidu released Ernie 4.5, its new model."),
    # an event two articles date alike
    "e.txt": ("Qwen one", "2025-02-20", "On February 10, Alibaba launched Qwen 3, a model."),
    "f.txt": ("Qwen two", "2025-02-21", "On February 10, Alibaba launched Qwen 3, an AI model."),
}


def _day(iso: str) -> float:
    return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days * 86400.0


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    db = tmp_path / "s.db"
    with EventStore.create_or_open(db) as store:
        for name, (title, published, body) in ARTICLES.items():
            path = folder / name
            path.write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n")
            assert ingest_file(store, path).status == "added"
    return db


def _event_id(store: EventStore, actor: str) -> int:
    (event,) = [e for e in store.list_events() if e.actor == actor]
    return event.id


def test_store_read_counts_articles_and_distinct_dated_claims(store_path):
    with EventStore.open(store_path) as store:
        ernie, qwen = _event_id(store, "Baidu"), _event_id(store, "Alibaba")
        spreads = date_spreads(store, [ernie, qwen, 999_999])
    spread = spreads[ernie]
    assert spread.n_articles == 4  # the undated article backs the event too
    assert [(c.start, c.end, c.precision) for c in spread.claims] == [
        ("2025-03-01", "2025-03-31", "month"),  # b and c: one claim, the later end
        ("2025-03-16", "2025-03-16", "day"),
    ]
    assert spread.claims[0].titles == ("Ernie month", "Ernie March")
    assert spread.claims[1].titles == ("Ernie day",)
    assert (spread.earliest, spread.latest) == ("2025-03-01", "2025-03-31")
    assert spread.n_dated_articles == 3
    agreeing = spreads[qwen]
    assert agreeing.n_articles == 2 and len(agreeing.claims) == 1
    assert agreeing.claims[0].titles == ("Qwen one", "Qwen two")
    assert spreads[999_999].n_articles == 0 and spreads[999_999].claims == ()


def test_store_read_chunks_large_batches_with_bound_parameters(store_path):
    statements: list[str] = []
    with EventStore.open(store_path) as store:
        ernie = _event_id(store, "Baidu")
        store.conn.set_trace_callback(statements.append)
        ids = [ernie, *range(10_000, 10_000 + 2 * CHUNK)]  # > 999 variables: chunked
        spreads = read_date_spreads(store.conn, ids)
        store.conn.set_trace_callback(None)
    assert len(spreads) == len(ids) and spreads[ernie].n_articles == 4
    queries = [s for s in statements if "FROM mentions" in s]
    assert len(queries) == 3  # ceil((2 * CHUNK + 1) / CHUNK)


def test_store_errors_become_store_errors():
    conn = sqlite3.connect(":memory:")  # no tables
    with pytest.raises(StoreError):
        date_spreads(SimpleNamespace(conn=conn), [1])


def _rows(*claims):
    return [(f"d{k}", s, e, p, a, f"T{k}") for k, (s, e, p, a) in enumerate(claims)]


def test_disagreement_rule_and_whisker_span():
    same = collect_spread(
        1,
        _rows(
            ("2025-03-16", "2025-03-16", "day", "explicit"),
        )
        * 2,
    )
    assert not disagrees(same) and whisker_span_s(same) is None
    undated_and_one = collect_spread(
        2,
        _rows(
            ("2025-03-16", "2025-03-16", "day", "explicit"),
            (None, None, "unknown", "explicit"),
            ("2025-03-30", "2025-03-30", "day", "publication"),  # "reported by": no claim
        ),
    )
    assert undated_and_one.n_articles == 3 and not disagrees(undated_and_one)
    three = collect_spread(
        3,
        _rows(
            ("2025-03-01", "2025-03-31", "month", "relative"),
            ("2025-03-16", "2025-03-16", "day", "explicit"),
            ("2025-02-01", "2025-02-28", "month", "relative"),
        ),
    )
    assert disagrees(three)
    assert whisker_span_s(three) == (_day("2025-02-01"), _day("2025-04-01"))
    assert not disagrees(None) and whisker_span_s(None) is None


def test_cache_fetches_missing_ids_in_batches_and_clears():
    calls: list[list[int]] = []

    def fetch(ids):
        calls.append(list(ids))
        return {i: collect_spread(i, ()) for i in ids if i != 3}

    cache = DateSpreadCache(fetch, batch=2)
    assert cache.get(1) is None and 1 not in cache  # get never fetches
    spreads = cache.spreads([1, 2, 3, 1])
    assert calls == [[1, 2], [3]]
    assert [s.event_id if s else None for s in spreads] == [1, 2, None, 1]
    cache.ensure([1, 2, 3])  # all known, even the missing one: no new fetch
    assert len(calls) == 2 and len(cache) == 3
    cache.clear()
    cache.ensure([2])
    assert calls[-1] == [2] and len(cache) == 1


def test_cache_retries_after_a_failed_fetch():
    state = {"fail": True}

    def fetch(ids):
        if state["fail"]:
            raise StoreError("busy")
        return {i: collect_spread(i, ()) for i in ids}

    cache = DateSpreadCache(fetch)
    cache.ensure([5])
    assert 5 not in cache
    state["fail"] = False
    cache.ensure([5])
    assert cache.get(5) is not None


def test_store_source_reads_the_open_path_and_follows_a_new_one(store_path, tmp_path):
    current: dict[str, Path | None] = {"path": None}
    source = StoreSpreadSource(lambda: current["path"])
    assert source([1]) == {}
    current["path"] = store_path
    with EventStore.open(store_path) as store:
        ernie = _event_id(store, "Baidu")
    try:
        assert source([ernie])[ernie].n_articles == 4
        current["path"] = tmp_path / "missing.db"
        with pytest.raises(StoreError):
            source([ernie])
    finally:
        source.close()


def test_details_list_the_differing_dates_and_count_articles(store_path):
    with EventStore.open(store_path) as store:
        ernie = store.get_event(_event_id(store, "Baidu"))
        qwen = store.get_event(_event_id(store, "Alibaba"))
    data = build_details(ernie)
    assert data.n_articles == 4
    assert data.date_spread == (
        "Dates differ across 3 articles: Mar 2025 (Ernie month; Ernie March), "
        "16 Mar 2025 (Ernie day)"
    )
    agreeing = build_details(qwen)
    assert agreeing.n_articles == 2 and agreeing.date_spread == ""


def test_details_line_elides_long_titles_and_keeps_markup_literal():
    title = "<b>" + "x" * 100
    spread = collect_spread(
        1,
        [
            ("d1", "2025-02-01", "2025-02-28", "month", "relative", title),
            ("d2", "2025-03-16", "2025-03-16", "day", "explicit", "Short"),
        ],
    )
    line = date_spread_line(spread)
    assert line.startswith("Dates differ across 2 articles: Feb 2025 (<b>xxx")
    assert "…), 16 Mar 2025 (Short)" in line


def test_cache_is_cleared_when_the_store_is_reopened_or_changes(qtbot, store_path, tmp_path):
    from desktop.viewmodel.date_spread import bind_to_store_model
    from desktop.viewmodel.store_model import StoreModel

    store_model = StoreModel()
    store_model.open(store_path)
    source = StoreSpreadSource(lambda: store_model.path)
    cache = DateSpreadCache(source)
    bind_to_store_model(cache, store_model, source)
    try:
        ernie = store_model.id_for_key("baidu-ernie-4.5-release")
        assert cache.spreads([ernie])[0].n_articles == 4
        extra = tmp_path / "g.txt"
        extra.write_text(
            "---\npublished: 2025-04-03\n---\nBaidu released Ernie 4.5 in March, a new model.\n"
        )
        with EventStore.create_or_open(store_path) as writer:
            assert ingest_file(writer, extra).status == "added"
        assert store_model.refresh() and len(cache) == 0
        assert cache.spreads([ernie])[0].n_articles == 5
        store_model.open(store_path)
        assert len(cache) == 0
    finally:
        source.close()
        store_model.close()
