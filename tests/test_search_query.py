"""to_fts5 / parse: the search-box syntax turned into safe FTS5 expressions."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.schema import TOKENIZE
from desktop.store.search_query import MAX_TERMS, parse, to_fts5


@pytest.mark.parametrize(
    "query,expected",
    [
        ("ernie", '"ernie"*'),
        ("Ernie 4.5", '"Ernie"* AND "4.5"*'),
        ('"open source" model', '"open source"* AND "model"*'),
        ("deepseek OR qwen", '("deepseek"* OR "qwen"*)'),
        ("a OR b c", '("a"* OR "b"*) AND "c"*'),
        ("baidu -ernie", '"baidu"* NOT ("ernie"*)'),
        ('baidu -"ernie bot" -x', '"baidu"* NOT ("ernie bot"* OR "x"*)'),
        ('say "hi', '"say"* AND "hi"*'),
        ("title:ernie", '"title:ernie"*'),
        ("NEAR(a b)", '"NEAR(a"* AND "b)"*'),
        ("models.", '"models"*'),
        ("OR", '"OR"*'),
        ("a OR", '"a"* AND "OR"*'),
        ("-", None),
        ("a\x00b", '"a"* AND "b"*'),
    ],
)
def test_to_fts5(query: str, expected: str | None) -> None:
    assert to_fts5(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "***", "()", '""', "- -", "^ : ."])
def test_nothing_searchable_means_no_filter(query: str) -> None:
    assert to_fts5(query) is None
    assert parse(query).is_empty


def test_only_excluded_terms() -> None:
    parsed = parse("-ernie -qwen")
    assert parsed.include is None and parsed.exclude == '"ernie"* OR "qwen"*'
    assert to_fts5("-ernie") is None


def test_inner_quotes_are_doubled() -> None:
    assert to_fts5('a"b') == '"a"* AND "b"*'
    assert to_fts5("it's") == '"it\'s"*'
    assert parse('-"x""y"').exclude is not None


def test_many_terms_are_capped() -> None:
    fts = to_fts5(" ".join(f"w{i}" for i in range(1000)))
    assert fts is not None and fts.count(" AND ") == MAX_TERMS - 1


@pytest.fixture(scope="module")
def fts_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(body, tokenize="{TOKENIZE}")')
    conn.execute("INSERT INTO t (body) VALUES ('Baidu unveiled Ernie 4.5 and Ernie X1.')")
    return conn


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("ab \"-*^():ORNEA.+'\\\x00é 4"), max_size=40) | st.text())
def test_every_output_is_valid_fts5(fts_conn: sqlite3.Connection, query: str) -> None:
    parsed = parse(query)
    for expr in (to_fts5(query), parsed.include, parsed.exclude):
        if expr is not None:
            fts_conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()


def test_matches_on_real_fts(fts_conn: sqlite3.Connection) -> None:
    def hits(q: str) -> int:
        rows = fts_conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (to_fts5(q),))
        return len(rows.fetchall())

    assert hits("ernie 4.5") == 1
    assert hits("ERN") == 1
    assert hits('"ernie x1"') == 1
    assert hits("ernie 4.6") == 0
    assert hits("qwen OR x1") == 1
    assert hits("baidu -ernie") == 0
