"""Synthetic stores: realistic shape, rows consistent with each other, and a bulk load that
leaves the store exactly as usable as one built row by row (FTS, triggers, indexes)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from desktop import synth
from desktop.extract.types import PRECISIONS, STATUSES
from desktop.store import EventStore
from desktop.store.bulk import DOCUMENT_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS


def _rows(n: int, **kw) -> tuple[list, list, list]:
    docs, events, mentions = [], [], []
    for chunk in synth.generate(n, **kw):
        docs += chunk.documents
        events += chunk.events
        mentions += chunk.mentions
    return docs, events, mentions


def test_rows_are_consistent_and_varied() -> None:
    docs, events, mentions = _rows(3000, chunk=700)
    assert len(events) == len(mentions) == 3000
    ev = [dict(zip(EVENT_COLUMNS, e, strict=True)) for e in events]
    assert len({e["id"] for e in ev}) == 3000 and len({e["key"] for e in ev}) == 3000
    assert {e["precision"] for e in ev} == set(PRECISIONS)
    assert {e["status"] for e in ev} == set(STATUSES)
    for e in ev:
        if e["precision"] == "unknown":
            assert e["start"] is None and e["end"] is None
        else:
            assert e["start"] <= e["end"]
            if e["precision"] == "day":
                assert e["start"] == e["end"]
    sizes = Counter(e["actor"] for e in ev).most_common()
    assert sizes[0][1] > 10 * sizes[len(sizes) // 2][1]  # a Zipf spread, not uniform
    text = {d[0]: d[DOCUMENT_COLUMNS.index("text")] for d in docs}
    for m in mentions:
        row = dict(zip(MENTION_COLUMNS, m, strict=True))
        assert text[row["document_id"]][row["start"] : row["end"]] == row["evidence"]


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    assert _rows(200, seed=3)[1] == _rows(200, seed=3)[1]
    assert _rows(200, seed=3)[1] != _rows(200, seed=4)[1]


def _schema(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"
        )
        return set(rows)


def test_bulk_load_keeps_fts_triggers_and_indexes(tmp_path: Path, sample_store: Path) -> None:
    path = tmp_path / "synth.db"
    with EventStore.create_or_open(path) as store:
        assert store.bulk_load(synth.generate(500, chunk=200)) == 500
        assert store.count_events() == 500 and store.generation == 1
        everything = store.search("according OR statement OR media OR blog")
        assert len(everything) == 500  # every event's evidence is indexed
        nova = store.search("nova")
        assert nova and all("Nova" in r.title for r in store.list_events(nova))
        assert len(store.search_documents("synthetic")) == 50  # 10 events per document
    assert _schema(path) == _schema(sample_store)


def test_later_writes_are_still_indexed(tmp_path: Path) -> None:
    from desktop.sources.document import Document

    path = tmp_path / "synth.db"
    with EventStore.create_or_open(path) as store:
        store.bulk_load(synth.generate(50))
        store.add_document(Document("Zyxwv Labs released Quokka today.", "q.txt"), [])
        assert store.search_documents("quokka") != []
