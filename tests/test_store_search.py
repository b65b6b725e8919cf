"""EventStore.search on a real store: FTS5 over events and their documents, hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store import EventStore

try:
    from tests import store_fixtures as fx
except ImportError:  # tests/ is not a package
    import store_fixtures as fx


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventStore]:
    path = fx.make_sample_store(tmp_path_factory.mktemp("search") / "s.db")
    with EventStore.open(path) as opened:
        yield opened


def keys(store: EventStore, query: str) -> set[str]:
    return {e.key for e in store.list_events(store.search(query))}


def doc_keys(store: EventStore, doc: fx.Document) -> set[str]:
    return {m.event_key for m in store.mentions_of_document(doc.id)}


def test_blank_query_returns_every_id(store: EventStore) -> None:
    every = sorted(e.id for e in store.list_events())
    assert store.search("") == every and store.search("   ") == every
    assert store.search("*** ()") == every


def test_version_numbers_are_searchable(store: EventStore) -> None:
    assert "baidu-ernie-4.5-release" in keys(store, "ernie 4.5")
    assert "baidu-ernie-4.5-release" in keys(store, "4.5")
    assert keys(store, "ernie 4.7") == set()
    assert "alibaba-qwen2.5-max-release" in keys(store, "qwen2.5")


def test_evidence_passages_find_their_events_but_the_rest_of_the_article_does_not(
    store: EventStore,
) -> None:
    # "DeepSeek" appears only in the evidence of Ernie 4.5 in document B
    assert keys(store, "deepseek") == {"baidu-ernie-4.5-release"}
    ernie = {"baidu-ernie-4.5-release", "baidu-ernie-series-open_source"}
    assert keys(store, "ernie") == ernie
    # words only in an article's other sentences find the document, not all its events
    assert keys(store, "labs race") == set()  # only in document A's headline
    assert store.search_documents("labs race") == [fx.doc_a().id]
    assert fx.doc_a().id in store.search_documents("hunyuan")
    assert store.search_documents("deepseek") == [fx.doc_b().id]
    assert store.search_documents("-deepseek") == []
    assert store.search_documents('"') == []


def test_event_fields_phrases_prefixes_and_diacritics(store: EventStore) -> None:
    assert keys(store, "hunyuan") == {"tencent-hunyuan-3d-models-open_source"}
    assert "tencent-hunyuan-3d-models-open_source" in keys(store, "HUNY")
    assert keys(store, "ÉRNIÉ") == keys(store, "ernie")
    assert keys(store, '"revenue growth"') == {"tencent-cloud-revenue-growth-other"}
    assert keys(store, '"growth revenue"') == set()


def test_or_and_exclusion(store: EventStore) -> None:
    assert keys(store, "deepseek OR yuanbao") == {
        "baidu-ernie-4.5-release",
        *{e.key for e in store.list_events() if "Yuanbao" in e.subject},
    }
    tencent = {e.key for e in store.list_events() if e.actor == "Tencent"}
    every = {e.key for e in store.list_events()}
    assert keys(store, "-tencent") == every - tencent
    assert keys(store, "ernie -deepseek") == {"baidu-ernie-series-open_source"}


@pytest.mark.parametrize(
    "hostile",
    [
        "title:ernie",
        "NEAR(ernie baidu)",
        "ernie*",
        "^ernie",
        '"unbalanced',
        "((((",
        "a AND OR NOT b",
        "'; DROP TABLE events; --",
        "-",
        '""""',
        "\x00",
        "x" * 10_000,
        " ".join(["ernie"] * 2000),
        "é" * 5000 + '"' * 3000,
    ],
)
def test_hostile_strings_never_raise(store: EventStore, hostile: str) -> None:
    ids = store.search(hostile)
    assert isinstance(ids, list)
    assert store.count_events() == fx.SAMPLE_EVENT_COUNT


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ernie 4.5 \"-*^():ORNAD+'\\\x00éNEAR{}[]"), max_size=60)
    | st.text(max_size=200)
)
def test_search_never_raises(store: EventStore, query: str) -> None:
    ids = store.search(query)
    assert ids == sorted(set(ids))
    assert set(ids) <= set(store.search(""))


def test_search_is_deterministic(tmp_path: Path) -> None:
    path = fx.make_sample_store(tmp_path / "d.db")
    with EventStore.open(path) as a, EventStore.open(path) as b:
        assert a.search("baidu") == b.search("baidu") != []


def test_index_follows_edits_and_stays_consistent(tmp_path: Path) -> None:
    path = fx.make_sample_store(tmp_path / "edit.db")
    with EventStore.create_or_open(path) as store:
        event = store.get_event_by_key("alibaba-apple-partnership").event
        assert store.search("zanzibar") == []
        store.update_event(event.id, title="Zanzibar deal", subject="Zanzibar")
        assert store.search("zanzibar") == [event.id]
        conn = store.conn
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
        indexed = conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0]
        assert indexed == len(store.documents())
