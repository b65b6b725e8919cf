"""The Edit menu and the undo stack on a real window (offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.store import EventStore
from desktop.viewmodel.store_model import StoreModel
from desktop.widgets.edit_event_dialog import EditEventDialog, choice_for, interval_for
from desktop.widgets.main_window import MainWindow
from tests.store_fixtures import make_sample_store


def test_interval_for_each_precision() -> None:
    day = dt.date(2025, 1, 15)
    assert interval_for("season", day) == ("2024-12-01", "2025-02-28", "season")
    assert interval_for("quarter", day) == ("2025-01-01", "2025-03-31", "quarter")
    assert interval_for("range", day, dt.date(2025, 1, 10)) == ("2025-01-10", "2025-01-15", "day")
    assert interval_for("undated", day) == (None, None, "unknown")
    assert choice_for("2025-01-10", "2025-01-15", "day") == "range"


def _window(qtbot, path: Path) -> MainWindow:
    model = StoreModel()
    model.open(path)
    window = MainWindow(model)
    qtbot.addWidget(window)
    return window


def test_hide_undo_redo_and_restart(qtbot, tmp_path: Path) -> None:
    path = make_sample_store(tmp_path / "s.db")
    window = _window(qtbot, path)
    menu = window.curation_menu
    first = int(window.timeline_model.ids[0])
    window.timeline_model.select(first)
    menu.actions["hide"].trigger()
    assert first in menu.model.hidden_ids
    assert not window.timeline_model.mask[window.timeline_model.index_of(first)]
    menu.actions["show_hidden"].setChecked(True)
    assert window.timeline_model.mask[window.timeline_model.index_of(first)]
    menu.actions["undo"].trigger()
    assert first not in menu.model.hidden_ids
    menu.actions["redo"].trigger()
    assert first in menu.model.hidden_ids
    menu.model.close()
    again = _window(qtbot, path)  # a restart: the last session's edit can still be undone
    assert again.curation_menu.model.undo_stack.canUndo()
    again.curation_menu.actions["undo"].trigger()
    with EventStore.open(path) as store:
        assert store.hidden_ids() == []
    again.curation_menu.model.close()


def test_edit_dialog_fields_and_accessible_names(qtbot, tmp_path: Path) -> None:
    path = make_sample_store(tmp_path / "s.db")
    with EventStore.open(path) as store:
        record = store.list_events()[0]
    dialog = EditEventDialog(record, ["Baidu", "Alibaba"], "a note")
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert (values["title"], values["actor"], values["note"]) == (
        record.title,
        record.actor,
        "a note",
    )
    assert (values["start"], values["precision"]) == (record.start, record.precision)
    assert dialog.title_edit.accessibleName() == "Title"
    dialog.actor_edit.setText("  ")
    assert not dialog.ok_button.isEnabled()
