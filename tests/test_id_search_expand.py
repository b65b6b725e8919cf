"""Prefix terms spelled out as the index's exact tokens: same ids as the plain prefix query."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from desktop import synth
from desktop.store import EventStore
from desktop.store.id_search import (
    MAX_EXPANSION,
    prefix_tokens,
    read_mention_map,
    search_ids,
    vocabularies,
)
from desktop.store.search_query import Phrase, parse, render


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("expand") / "s.db"
    with EventStore.create_or_open(path) as store:
        store.bulk_load(synth.generate(600, seed=3))
    return path


def _words(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT title || ' ' || summary FROM events LIMIT 300").fetchall()
    rows += conn.execute("SELECT evidence FROM mentions LIMIT 300").fetchall()
    return sorted({w for (text,) in rows for w in text.split()})


def _random_query(rng: random.Random, words: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(1, 3)):
        word = rng.choice(words)
        cut = word[: rng.randint(1, len(word))]  # typed letter by letter: any prefix
        shape = rng.random()
        if shape < 0.15:
            cut = "-" + cut
        elif shape < 0.3:
            cut = f'"{rng.choice(words)} {cut}"'
        elif shape < 0.4 and parts:
            cut = "OR " + cut
        parts.append(cut.upper() if rng.random() < 0.2 else cut)
    return " ".join(parts)


def test_random_queries_match_the_store_search(synth_store: Path) -> None:
    with EventStore.open(synth_store) as store:
        mentions = read_mention_map(store.conn)
        words = _words(store.conn)
        rng = random.Random(11)
        for _ in range(250):
            query = _random_query(rng, words)
            assert search_ids(store.conn, query, mentions).tolist() == store.search(query), query


@pytest.mark.parametrize(
    "query",
    ["mod", "model", "models", "u.s", "4.5", "caf", "café", "straße", "zür", "naïve", '"u.s. 4"'],
)
def test_accents_dots_and_digits(tmp_path: Path, query: str) -> None:
    with EventStore.create_or_open(tmp_path / "t.db") as store:
        store.bulk_load(synth.generate(50, seed=5))
        store.conn.execute(
            "UPDATE events SET summary = ? WHERE id = (SELECT min(id) FROM events)",
            ("Café naïve Straße Zürich models, model, modelling; U.S. 4.5 4.50 model.",),
        )
    with EventStore.open(tmp_path / "t.db") as store:
        mentions = read_mention_map(store.conn)
        assert search_ids(store.conn, query, mentions).tolist() == store.search(query)


def test_prefix_tokens_reads_the_vocabulary(tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "t.db") as store:
        store.bulk_load(synth.generate(30, seed=2))
        store.conn.execute(
            "UPDATE mentions SET evidence = ? WHERE id = (SELECT min(id) FROM mentions)",
            ("model models modelling modem Model. mode " + " ".join(f"zq{i}" for i in range(20)),),
        )
    with EventStore.open(tmp_path / "t.db") as store:
        conn = store.conn
        assert vocabularies(conn)
        assert prefix_tokens(conn, "mentions_fts", "model") == [
            "model",
            "model.",
            "modelling",
            "models",
        ]
        assert prefix_tokens(conn, "mentions_fts", "mode") == [
            "mode",
            "model",
            "model.",
            "modelling",
            "models",
            "modem",
        ]
        assert prefix_tokens(conn, "mentions_fts", "zq") is None  # more than MAX_EXPANSION
        assert prefix_tokens(conn, "mentions_fts", "qqqqq") == []
        assert prefix_tokens(conn, "mentions_fts", "modé") is None  # not ASCII
        # the read-only connection is read-only again, and nothing was written to the file
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE x (a)")
    assert MAX_EXPANSION < 20


def test_render_spells_out_plain_last_words_only() -> None:
    parsed = parse('ernie -"open sour" Café OR x1')
    table = {"ernie": ["ernie", "ernie."], "sour": ["source"], "x1": ["x1"], "café": ["cafe"]}
    include, exclude = render(parsed, table.get)
    assert include == '("ernie" OR "ernie.") AND ("Café"* OR "x1")'
    assert exclude == '"open source"'
    assert render(parsed, lambda _: None) == (parsed.include, parsed.exclude)
    assert render(parse("ernie"), lambda _: []) == ('"ernie"*', None)  # nothing: stays prefix
    assert render(parse("ernie"), lambda _: ["ernie", "bad token"]) == ('"ernie"*', None)
    assert Phrase(("a", 'b"c')).fts() == '"a b""c"*'


def test_queries_split_in_two_halves_find_the_same_ids(
    synth_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import fts_results

    with EventStore.open(synth_store) as store:
        mentions = read_mention_map(store.conn)
        words = _words(store.conn)
        rng = random.Random(5)
        queries = [_random_query(rng, words) for _ in range(60)] + ["familiar", "according"]
        single = [search_ids(store.conn, q, mentions).tolist() for q in queries]
        calls = []
        real = fts_results.query_ids
        monkeypatch.setattr(fts_results, "SPLIT_MIN_MENTIONS", 0)
        monkeypatch.setattr(fts_results, "query_ids", lambda *a: calls.append(a[1]) or real(*a))
        monkeypatch.setattr(fts_results, "RESULTS", fts_results.ResultCache(0))  # no reuse
        for query, expected in zip(queries, single, strict=True):
            assert search_ids(store.conn, query, mentions).tolist() == expected, query
        assert fts_results._MENTIONS_FROM in calls  # spelled-out queries ran in two halves


def test_a_stopped_half_is_interrupted(synth_store: Path) -> None:
    import threading

    from desktop.store.fts_results import _MENTIONS_FROM, query_ids

    stop = threading.Event()
    stop.set()
    with pytest.raises(sqlite3.OperationalError, match="interrupt"):
        query_ids(synth_store, _MENTIONS_FROM, ('"familiar"', 0), stop)
    late = ('"familiar"', 10**12)  # no mention id this high
    assert query_ids(synth_store, _MENTIONS_FROM, late, threading.Event()).size == 0
