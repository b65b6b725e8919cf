"""GUI import: one all-or-nothing batch, per-file outcomes, cancel and failure leave the store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import desktop.viewmodel.import_job as import_job
from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.paths import resource_path
from desktop.store import EventStore, StoreError
from desktop.viewmodel.import_controller import ImportController
from desktop.viewmodel.import_job import SAVING, ImportProgress, run_import
from desktop.viewmodel.store_files import create_store

ARTICLE = (
    "Northwind opens its model\n\n"
    "On March 3, 2025, Northwind Labs released Breeze 2, a small language model.\n"
    "The company said it will open-source Breeze 3 in June.\n"
)


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for src in sorted(resource_path("demo").glob("*.txt")):
        shutil.copy(src, folder / src.name)
    (folder / "northwind.txt").write_text(ARTICLE, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return create_store(tmp_path / "mine.eventline")


def _state(db: Path) -> tuple[int, int]:
    """(documents, generation) of a store."""
    with EventStore.open(db, readonly=True) as opened:
        return len(opened.documents()), opened.generation


def test_import_adds_every_article_in_one_transaction(store, articles):
    before = _state(store)
    seen: list[ImportProgress] = []
    report = run_import(store, articles, seen.append)
    assert report.committed and not report.cancelled and report.changed
    assert report.counts == {"added": 3, "skipped": 0, "rejected": 0}
    documents, generation = _state(store)
    assert documents == before[0] + 3
    assert generation == before[1] + 1  # one write transaction for the whole batch
    read = [p.path.name for p in seen if p.phase != SAVING]
    assert read == [a.name for a in articles]
    assert seen[-1].phase == SAVING
    assert seen[0].text().startswith("Reading 1 of 3: ")


def test_second_import_skips_duplicates_and_writes_nothing(store, articles):
    run_import(store, articles)
    before = _state(store)
    report = run_import(store, articles)
    assert report.counts == {"added": 0, "skipped": 3, "rejected": 0}
    assert not report.committed and not report.changed
    assert all("already in the store" in o.message for o in report.outcomes)
    assert _state(store) == before


def test_same_text_twice_in_one_batch_is_one_article(store, tmp_path, articles):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(articles[2].read_bytes())
    report = run_import(store, [articles[2], copy])
    assert [o.status for o in report.outcomes] == ["added", "skipped"]


def test_rejected_files_say_why_and_do_not_stop_the_others(store, tmp_path, articles):
    empty, binary = tmp_path / "empty.txt", tmp_path / "noise.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 3)
    report = run_import(store, [empty, articles[2], binary, tmp_path / "gone.txt"])
    statuses = {o.path.name: (o.status, o.message) for o in report.outcomes}
    assert statuses["northwind.txt"][0] == "added"
    assert statuses["empty.txt"] == ("rejected", f"{empty}: the file is empty")
    assert statuses["noise.txt"][0] == "rejected"
    assert "not a text article" in statuses["noise.txt"][1]
    assert statuses["gone.txt"][0] == "rejected" and "no such file" in statuses["gone.txt"][1]
    assert report.counts == {"added": 1, "skipped": 0, "rejected": 3}


def test_a_folder_is_imported_recursively_articles_only(store, articles):
    folder = articles[0].parent
    (folder / "sub").mkdir()
    (folder / "sub" / "notes.md").write_text("Acme raised $5 million on May 2, 2024.\n")
    (folder / "picture.png").write_bytes(b"\x89PNG not an article")
    report = run_import(store, [folder])
    assert sorted(o.path.name for o in report.outcomes) == sorted(
        [a.name for a in articles] + ["notes.md"]
    )


def test_cancel_while_reading_leaves_the_store_as_it_was(store, articles):
    run_import(store, articles[:1])
    before = _state(store)
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 2  # the third file is never read

    report = run_import(store, [*articles[1:], articles[0]], should_stop=stop)
    assert report.cancelled and not report.committed and report.unread >= 1
    assert "left as it was" in report.headline()
    assert _state(store) == before


def test_cancel_inside_the_write_transaction_rolls_the_batch_back(store, articles):
    before = _state(store)
    saving = {"on": False, "checks": 0}

    def report(progress: ImportProgress) -> None:
        saving["on"] = progress.phase == SAVING

    def stop() -> bool:
        if saving["on"]:
            saving["checks"] += 1
            return saving["checks"] > 2  # checked before each document: two are written
        return False

    result = run_import(store, articles, report, stop)
    assert result.cancelled and saving["checks"] == 3
    assert _state(store) == before


def test_a_store_error_mid_batch_rolls_every_article_back(store, articles, monkeypatch):
    real = import_job.extract_events

    def broken(text: str, published):  # the last article yields an event the store refuses
        events = real(text, published)
        if "Northwind" not in text:
            return events
        bad = ExtractedEvent(0, 5, "not the text there", TimeInterval.unknown(), "publication",
                             "", "happened", "release", "Northwind", "Breeze", "bad")  # fmt: skip
        return [*events, bad]

    monkeypatch.setattr(import_job, "extract_events", broken)
    before = _state(store)
    with pytest.raises(StoreError, match="cannot store event"):
        run_import(store, articles)
    assert _state(store) == before


def test_a_foreign_database_is_refused_untouched(tmp_path, articles):
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    data = foreign.read_bytes()
    with pytest.raises(StoreError, match="another application"):
        run_import(foreign, articles)
    assert foreign.read_bytes() == data


def test_nothing_to_import(store, tmp_path):
    (tmp_path / "only.png").write_bytes(b"png")
    report = run_import(store, [tmp_path])
    assert report.outcomes == () and "No article files" in report.headline()


def test_controller_runs_in_a_worker_and_reports(qtbot, store, articles):
    controller = ImportController()
    progress: list[ImportProgress] = []
    controller.progressed.connect(progress.append)
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.start(store, articles)
        assert controller.busy
    report = blocker.args[0]
    assert report.counts["added"] == 3 and not controller.busy
    assert [p.index for p in progress if p.phase != SAVING] == [0, 1, 2]


def test_controller_turns_a_store_error_into_a_report(qtbot, tmp_path, articles):
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    controller = ImportController()
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.start(foreign, articles)
    report = blocker.args[0]
    assert "another application" in report.error and not report.committed
    assert report.headline().startswith("Import failed: nothing was added")


def test_controller_cancel_keeps_the_store(qtbot, store, articles):
    before = _state(store)
    controller = ImportController()
    controller.progressed.connect(lambda _p: controller.cancel())  # cancel at the first file
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.start(store, articles)
    assert blocker.args[0].cancelled and controller.cancel_requested
    assert _state(store) == before
