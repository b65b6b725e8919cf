"""Curation in the window: one mask and one count for search, filters and hidden events;
the details pane shows decisions and the edit history; stars in the event table."""

from __future__ import annotations

from pathlib import Path

from desktop.store import EventStore
from desktop.viewmodel.event_table_model import STAR_COLUMN
from desktop.widgets.details_pane import HIDDEN_TEXT, STARRED_TEXT
from desktop.widgets.main_window import MainWindow
from tests.store_fixtures import make_sample_store
from tests.window_fixtures import open_window as _window


def _select(window: MainWindow, actor: str) -> int:
    record = next(r for r in window.store_model.records if r.actor == actor)
    window.selection.select(record.id)
    return record.id


def test_hidden_events_join_search_and_filters_in_one_count(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, make_sample_store(tmp_path / "s.db"))
    menu = window.curation_menu
    total = window.timeline_model.total_count
    hidden = _select(window, "Tencent")
    menu.actions["hide"].trigger()
    assert window.timeline_model.selected_id is None  # hidden: deselected
    assert window.count_label.text() == f"{total - 1} of {total} events"
    assert window.table_proxy.rowCount() == total - 1
    tencent = sum(r.actor == "Tencent" for r in window.store_model.records)
    window.search.set_filters(actor="Tencent")
    assert window.count_label.text() == f"{tencent - 1} of {total} events"
    assert window.timeline_model.visible_count == tencent - 1
    menu.actions["show_hidden"].setChecked(True)
    assert window.count_label.text() == f"{tencent} of {total} events"
    window.selection.select(hidden)
    row = window.table_model.row_of(hidden)
    assert window.table_model.index(row, STAR_COLUMN).data() == "hidden"
    assert window.details_pane.marks_label.text() == HIDDEN_TEXT
    assert window.details_pane.marks_label.isVisibleTo(window)
    window.search.clear()
    assert window.count_label.text() == f"{total} of {total} events"
    menu.actions["show_hidden"].setChecked(False)
    assert window.count_label.text() == f"{total - 1} of {total} events"
    assert window.timeline_model.selected_id is None
    menu.model.close()


def test_details_show_edit_history_tags_note_and_star(qtbot, tmp_path: Path) -> None:
    path = make_sample_store(tmp_path / "s.db")
    window = _window(qtbot, path)
    menu = window.curation_menu
    event_id = _select(window, "Alibaba")
    pane = window.details_pane
    assert not pane.history_list.isVisibleTo(window)
    assert pane.history_label.text() == "Edit history: not edited"
    menu.model.run(lambda s: s.edit_event(event_id, title="<b>Checked</b> title", note="n1"))
    menu.model.run(lambda s: s.set_tags(event_id, ["funding", "check"]))
    menu.actions["star"].trigger()
    assert pane.title_label.text() == "<b>Checked</b> title"
    assert pane.field_labels["Tags"].text() == "check, funding"
    assert pane.field_labels["Note"].text() == "n1"
    assert pane.marks_label.text() == STARRED_TEXT
    lines = [pane.history_list.item(i).text() for i in range(pane.history_list.count())]
    assert lines[0].startswith("starred it — ")  # newest first
    assert any("title '" in line and "→ '<b>Checked</b> title'" in line for line in lines)
    assert any("tags '(none)' → 'check, funding'" in line for line in lines)
    with EventStore.open(path) as store:
        who = store.edits(event_id)[0].who
    assert all(f" — {who}, " in line and line.endswith(" UTC") for line in lines)
    row = window.table_model.row_of(event_id)
    assert window.table_model.index(row, STAR_COLUMN).data() == "★"
    menu.actions["starred_only"].setChecked(True)
    total = window.timeline_model.total_count
    assert window.count_label.text() == f"1 of {total} events"
    assert list(window.timeline_model.shown_ids()) == [event_id]
    menu.actions["undo"].trigger()  # unstar
    assert window.table_model.index(row, STAR_COLUMN).data() == ""
    assert window.count_label.text() == f"0 of {total} events"
    menu.model.close()
