"""resources/datasette/metadata.json names only what a fresh store has, and its search
settings and canned queries run against a store."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from desktop.store import EventStore
from desktop.store.schema import REQUIRED_COLUMNS
from tests.store_fixtures import make_sample_store

METADATA = Path(__file__).resolve().parents[1] / "resources" / "datasette" / "metadata.json"
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def metadata() -> dict:
    return json.loads(METADATA.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return make_sample_store(tmp_path / "eventline.db")


def _database(metadata: dict) -> dict:
    (name,) = metadata["databases"]
    assert name == "eventline"  # the README serves the store under this name
    return metadata["databases"][name]


def test_tables_and_columns_exist_in_a_fresh_store(metadata: dict, tmp_path: Path) -> None:
    with EventStore.create_or_open(tmp_path / "fresh.db") as fresh:
        names = {r[0] for r in fresh.conn.execute("SELECT name FROM sqlite_master")}
    tables = _database(metadata)["tables"]
    assert {"events", "mentions", "documents", "edits"} <= set(tables)
    for table, settings in tables.items():
        assert table in REQUIRED_COLUMNS and table in names, table
        columns = REQUIRED_COLUMNS[table] | {"rowid"}
        named = set(settings.get("columns", {})) | set(settings.get("facets", []))
        for key in ("label_column", "sort", "sort_desc", "fts_pk"):
            if key in settings:
                named.add(settings[key])
        assert named <= columns, (table, named - columns)
        if "fts_table" in settings:
            assert settings["fts_table"] in REQUIRED_COLUMNS and settings["fts_table"] in names
    assert set(tables["events"]["facets"]) == {"actor", "kind", "status", "precision"}


def test_search_settings_find_events_as_datasette_would(metadata: dict, store: Path) -> None:
    tables = _database(metadata)["tables"]
    with sqlite3.connect(store) as conn:
        for table in ("events", "mentions"):
            fts, pk = tables[table]["fts_table"], tables[table]["fts_pk"]
            sql = (f"SELECT count(*) FROM {table} WHERE {pk} IN"  # names from our own file
                   f" (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)")  # fmt: skip
            assert conn.execute(sql, ("Ernie",)).fetchone()[0] > 0, table


def test_canned_queries_run(metadata: dict, store: Path) -> None:
    queries = _database(metadata)["queries"]
    with sqlite3.connect(store) as conn:
        rows = conn.execute(queries["search_documents"]["sql"], {"q": "Tencent"}).fetchall()
        assert rows and all("[Tencent]" in row[-1] for row in rows)
        assert conn.execute(queries["events_with_evidence"]["sql"]).fetchall()


def test_readme_says_how_to_browse_with_datasette() -> None:
    text = README.read_text(encoding="utf-8")
    assert "Browse a store with datasette" in text
    assert re.search(r"datasette \S+ --metadata resources/datasette/metadata\.json", text)
