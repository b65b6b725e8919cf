"""Re-ingesting an article that was stored from imported evidence only (documents.complete=0)
replaces the stub with the full text and keeps what people decided."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from desktop.commands.events import select_ids, write_events
from desktop.ingest import ingest_file
from desktop.interchange.importer import import_file
from desktop.store import EventStore

SEED = Path("/work/shared/corpus/seed")


def _article() -> Path:
    return sorted(SEED.glob("*.txt"))[0]


def _exported(db: Path, tmp_path: Path) -> Path:
    out = io.StringIO(newline="")
    with EventStore.open(db) as store:
        write_events(store, select_ids(store, None, False), "jsonl", out)
    path = tmp_path / "events.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _complete(db: Path) -> list[tuple[str, int, int]]:
    with EventStore.open(db) as store:
        rows = store.conn.execute("SELECT id, complete, length(text) FROM documents")
        return [tuple(r) for r in rows]


def test_reingest_replaces_evidence_only_document_and_keeps_decisions(tmp_path: Path) -> None:
    article = _article()
    with EventStore.create_or_open(tmp_path / "full.db") as store:
        first = ingest_file(store, article, dt.date(2025, 3, 25))
        assert first.status == "added" and first.mentions > 2
        full_events = store.count_events()
    copy = tmp_path / "copy.db"
    import_file(copy, _exported(tmp_path / "full.db", tmp_path))
    ((doc_id, complete, _length),) = _complete(copy)
    assert complete == 0
    with EventStore.create_or_open(copy) as store:
        target = store.list_events()[0]
        store.set_hidden(target.id, True)
        store.edit_event(target.id, title="Checked by hand")
        outcome = ingest_file(store, article, dt.date(2025, 3, 25))
        assert outcome.status == "added", outcome.line()
        text = store.get_document(doc_id).text
        assert store.curation(target.id).hidden
        detail = store.get_event(target.id)
        assert detail.event.title == "Checked by hand"
        for mention in detail.mentions:  # moved onto the full text
            assert text[mention.start : mention.end] == mention.evidence
        assert store.count_events() == full_events  # extracted duplicates of imports left out
        again = ingest_file(store, article, dt.date(2025, 3, 25))
        assert again.status == "skipped"
    ((_id, complete, length),) = _complete(copy)
    assert complete == 1 and length == len(text) > 0
    with EventStore.open(copy) as store:
        assert len(store.search_documents(text.split()[0])) == 1  # full-text index follows
