"""File ▸ Export events / Import events… on a real window (offscreen, dialogs replaced)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.store import EventStore
from desktop.viewmodel.store_model import StoreModel
from desktop.widgets.main_window import MainWindow
from tests.store_fixtures import make_sample_store


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    model = StoreModel()
    model.open(make_sample_store(tmp_path / "s.db"))
    window = MainWindow(model)
    qtbot.addWidget(window)
    yield window
    window.curation_menu.model.close()


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_export_menu_lists_the_formats_and_writes_the_shown_events(window, tmp_path) -> None:
    menu = window.interchange_menu
    assert _texts(menu.export_menu) == [
        "JSONL (exchange format)…",
        "CSV…",
        "TimelineJS JSON…",
        "iCalendar (planned events)…",
    ]
    window.search.set_filters(actor="Baidu")
    hidden = next(r.id for r in window.store_model.records if r.actor == "Baidu")
    window.curation_menu.model.run(lambda s: s.set_hidden(hidden, True))
    shown = {int(i) for i in window.timeline_model.shown_ids()}
    assert hidden not in shown and shown
    target = tmp_path / "out.jsonl"
    menu.ask_save_path = lambda fmt: str(target)
    menu.export_actions["jsonl"].trigger()
    keys = {json.loads(line)["event_key"] for line in target.read_text().splitlines()}
    assert keys == {window.store_model.key_for_id(i) for i in shown}
    slides = tmp_path / "out.json"
    menu.ask_save_path = lambda fmt: str(slides)
    menu.export_actions["timelinejs"].trigger()
    titles = {e["text"]["headline"] for e in json.loads(slides.read_text())["events"]}
    assert titles and all(window.store_model.record(i).title in titles for i in shown
                          if window.store_model.record(i).start)  # fmt: skip


def test_export_failure_is_reported_and_leaves_no_file(window, tmp_path) -> None:
    menu = window.interchange_menu
    told: list[str] = []
    menu.tell = lambda title, text, error=False: told.append(text)
    menu.ask_save_path = lambda fmt: str(tmp_path / "missing-dir" / "x.csv")
    assert menu.export("csv") is None
    assert told and "missing-dir" in told[0]
    assert not (tmp_path / "missing-dir").exists()


def test_import_shows_dry_run_then_imports_as_one_undo_step(window, tmp_path) -> None:
    source = tmp_path / "events.jsonl"
    source.write_text(
        json.dumps({"event_key": "imported-one", "title": "Imported <i>event</i>",
                    "actor": "Zhipu", "kind": "release", "status": "happened",
                    "date": "2025-02-03", "precision": "day"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    menu = window.interchange_menu
    asked: list[str] = []
    menu.ask_open_path = lambda: str(source)
    menu.confirm = lambda title, text: asked.append(text) or False
    before = window.timeline_model.total_count
    assert menu.import_events() is None  # declined: nothing written
    assert "1 new events" in asked[0] and window.timeline_model.total_count == before
    with EventStore.open(window.store_model.path) as store:
        assert store.get_event_by_key("imported-one") is None
    menu.confirm = lambda title, text: True
    summary = menu.import_events()
    assert summary.events_new == 1
    assert window.timeline_model.total_count == before + 1
    assert "Zhipu" in window.store_model.lanes
    window.curation_menu.actions["undo"].trigger()
    assert window.timeline_model.total_count == before


def test_import_of_a_bad_file_says_why(window, tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    menu = window.interchange_menu
    told: list[str] = []
    menu.ask_open_path = lambda: str(bad)
    menu.tell = lambda title, text, error=False: told.append(text)
    menu.confirm = lambda title, text: pytest.fail("no dry run for a bad file")
    assert menu.import_events() is None
    assert len(told) == 1 and told[0].startswith("bad.jsonl: line 1: not JSON")
