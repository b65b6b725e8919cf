"""The main window on a real sample store: selection, source highlight, search, markup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.viewmodel.source_model import EVIDENCE, TINT
from desktop.viewmodel.store_model import StoreModel
from desktop.widgets.main_window import MainWindow

MARKUP_KEY = "tencent-yuanbao-release"


@pytest.fixture
def window(qtbot, sample_store):
    store_model = StoreModel()
    store_model.open(sample_store)
    win = MainWindow(store_model)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.search._runner.wait()
    store_model.close()


def _search(qtbot, win, text):
    win.search_bar.search_edit.clear()
    qtbot.keyClicks(win.search_bar.search_edit, text)
    assert win.search.flush()


def test_window_loads_every_event(window):
    total = len(window.store_model.records)
    assert window.timeline_model.total_count == total == window.table_proxy.rowCount()
    assert window.count_label.text() == f"{total} of {total} events"


def test_selecting_fills_details_and_highlights_the_evidence(window):
    event_id = window.selection.select_key("baidu-ernie-4.5-release")
    detail = window.store_model.detail(event_id)
    assert window.details_pane.title_label.text() == detail.event.title
    assert window.details_pane.field_labels["Date"].text() == "16 Mar 2025"
    mention = detail.mentions[0]
    text_view = window.source_pane.text_view
    assert text_view.layout_shown.document_id == mention.document_id
    evidence = [
        s
        for s, span in zip(text_view.extraSelections(), text_view.layout_shown.spans, strict=True)
        if span.role == EVIDENCE
    ]
    assert len(evidence) == 1
    cursor = evidence[0].cursor
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (mention.start, mention.end)
    assert cursor.selectedText() == mention.evidence
    assert window.event_table.selected_event() == event_id


def test_switching_sources_moves_the_highlight(window):
    event_id = window.selection.select_key("baidu-ernie-4.5-release")
    detail = window.store_model.detail(event_id)
    assert len(detail.mentions) == 2
    window.details_pane.sources_list.setCurrentRow(1)
    second = detail.mentions[1]
    layout = window.source_pane.text_view.layout_shown
    assert layout.document_id == second.document_id
    (span,) = layout.spans_with_role(EVIDENCE)
    assert (span.start, span.end) == (second.start, second.end)


def test_clicking_a_tinted_passage_selects_its_event(window, qtbot):
    window.selection.select_key("baidu-ernie-4.5-release")
    text_view = window.source_pane.text_view
    tint = text_view.layout_shown.spans_with_role(TINT)[0]
    cursor = text_view.textCursor()
    cursor.setPosition((tint.start + tint.end) // 2)
    point = text_view.cursorRect(cursor).center()
    qtbot.mouseClick(text_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.timeline_model.selected_id == tint.event_id
    assert window.details_pane.title_label.text() == window.store_model.record(tint.event_id).title


def test_table_click_selects_on_timeline(window, qtbot):
    view = window.event_table
    rect = view.visualRect(window.table_proxy.index(2, 4))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = window.table_proxy.index(2, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert window.timeline_model.selected_id == expected


def test_typing_narrows_timeline_and_table_and_esc_clears(window, qtbot):
    total = window.timeline_model.total_count
    _search(qtbot, window, "revenue")
    shown = window.timeline_model.visible_count
    assert 0 < shown < total
    assert window.table_proxy.rowCount() == shown
    assert window.count_label.text() == f"{shown} of {total} events"
    qtbot.keyClick(window.search_bar.search_edit, Qt.Key.Key_Escape)
    assert window.search_bar.search_edit.text() == ""
    assert window.timeline_model.visible_count == total
    assert window.table_proxy.rowCount() == total


@pytest.mark.parametrize("text", ['"ernie', "AND (", "*", "-", "OR", '"', "NEAR(", "^x"])
def test_hostile_queries_neither_raise_nor_empty_the_app(window, qtbot, text):
    errors = []
    window.search.search_failed.connect(errors.append)
    _search(qtbot, window, text)
    assert errors == []
    assert window.timeline_model.total_count == len(window.store_model.records)
    window.search_bar.clear()
    assert window.timeline_model.visible_count == window.timeline_model.total_count


def test_quick_filters_combine(window):
    records = window.store_model.records
    window.search_bar.actor_combo.setCurrentIndex(window.search_bar.actor_combo.findData("Baidu"))
    assert window.timeline_model.visible_count == sum(r.actor == "Baidu" for r in records)
    index = window.search_bar.status_combo.findData("planned")
    window.search_bar.status_combo.setCurrentIndex(index)
    expected = sum(r.actor == "Baidu" and r.status == "planned" for r in records)
    assert window.timeline_model.visible_count == window.table_proxy.rowCount() == expected


def test_date_range_filter(window):
    window.search_bar.set_date_range("2025-03", "2025-03")
    shown = set(window.timeline_model.shown_ids().tolist())
    expected = {r.id for r in window.store_model.records if r.start and r.start <= "2025-03-31"
                and (r.end or r.start) >= "2025-03-01"}  # fmt: skip
    assert shown == expected


def test_markup_in_titles_appears_literally(window):
    event_id = window.selection.select_key(MARKUP_KEY)
    title = window.store_model.record(event_id).title
    assert "<b>bold</b>" in title
    label = window.details_pane.title_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == title
    assert all(
        lbl.textFormat() == Qt.TextFormat.PlainText
        for lbl in window.details_pane.findChildren(QLabel)
    )
    row = window.table_proxy.proxy_row_of(event_id)
    assert window.table_proxy.index(row, 4).data() == title
    assert "<b>bold</b>" in window.source_pane.text_view.toPlainText()


def test_table_keyboard_moves_the_selection(window, qtbot):
    window.selection.select_key("baidu-ernie-4.5-release")
    first = window.timeline_model.selected_id
    window.event_table.setFocus()
    qtbot.keyClick(window.event_table, Qt.Key.Key_Down)
    assert window.timeline_model.selected_id not in (None, first)


def test_window_shortcuts_step_and_focus_search(window, qtbot):
    window.selection.select_key("baidu-ernie-4.5-release")
    first = window.timeline_model.selected_id
    window.details_pane.setFocus()
    qtbot.keyClick(window.details_pane, Qt.Key.Key_Right)
    second = window.timeline_model.selected_id
    assert second not in (None, first)
    qtbot.keyClick(window.details_pane, Qt.Key.Key_Left)
    assert window.timeline_model.selected_id == first
    qtbot.keyClick(window.details_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.search_edit.hasFocus()
