"""The Edit menu: curation actions on the selected event and the shown article, undo/redo.

Installed on the main window by ``install_curation_menu(window)``; every action has a
shortcut, so all of it works from the keyboard. Store work goes through the CurationModel;
messages are plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from desktop.viewmodel.curation_model import CurationModel
from desktop.viewmodel.details import DetailsData, build_details, with_curation
from desktop.widgets.edit_event_dialog import EditEventDialog


def show_plain(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class CurationMenu:
    """Builds the Edit menu of ``window`` and runs its actions."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.model = CurationModel(
            window.store_model, window.timeline_model, window, search=window.search
        )
        self.document_id: str | None = None
        window.details_pane.source_chosen.connect(self._on_source_chosen)
        window.selection.source_changed.connect(self._on_source_changed)
        window.selection.details_changed.connect(self._on_details_changed)
        self.model.changed.connect(self.refresh_details)
        self.model.hidden_changed.connect(self._on_marks_changed)
        self._on_marks_changed()
        self.model.failed.connect(lambda text: show_plain(window, "Eventline: edit failed", text))
        self.menu = QMenu("&Edit", window)
        bar = window.menuBar()
        after_file = bar.actions()[1:2]  # File, Edit, View, …, Help
        if after_file:
            bar.insertMenu(after_file[0], self.menu)
        else:
            bar.addMenu(self.menu)
        self.actions: dict[str, QAction] = {}
        undo = self.model.undo_stack.createUndoAction(window, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.model.undo_stack.createRedoAction(window, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            window.addAction(action)
            self.menu.addAction(action)
        self.actions.update(undo=undo, redo=redo)
        self.menu.addSeparator()
        items: list[tuple[str, str, str, Callable[[], None]] | None] = [
            ("edit", "&Edit event…", "Ctrl+E", self.edit_event),
            ("hide", "&Hide as not an event / show again", "Ctrl+Shift+H", self.toggle_hidden),
            ("star", "&Star / unstar", "Ctrl+D", self.toggle_star),
            ("tag", "&Tag…", "Ctrl+T", self.tag),
            None,
            ("add", "&Add event…", "Ctrl+Shift+N", lambda: self.add_event(False)),
            ("add_text", "Add event from selected te&xt…", "Ctrl+Shift+E",
             lambda: self.add_event(True)),
            ("merge", "&Merge with…", "Ctrl+M", self.merge),
            ("split", "S&plit this article's mention off", "Ctrl+Shift+P", self.split),
            None,
            ("published", "Set &publication date of this article…", "Ctrl+Shift+D",
             self.set_published),
            ("delete_doc", "&Delete this article…", "Ctrl+Shift+Del", self.delete_document),
            ("reextract_doc", "&Re-extract this article", "Ctrl+Shift+R",
             lambda: self.reextract(False)),
            ("reextract_all", "Re-extract &all articles", "", lambda: self.reextract(True)),
        ]  # fmt: skip
        for item in items:
            if item is None:
                self.menu.addSeparator()
                continue
            name, text, key, slot = item
            self._add(name, text, key, slot)
        self.menu.addSeparator()
        show = self._add("show_hidden", "Show &hidden events", "Ctrl+Alt+H", lambda: None)
        show.setCheckable(True)
        show.toggled.connect(self._on_show_hidden_toggled)
        starred = self._add("starred_only", "Show starred &only", "Ctrl+Alt+S", lambda: None)
        starred.setCheckable(True)
        starred.toggled.connect(self.model.set_starred_only)

    def _add(self, name: str, text: str, key: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.menu.addAction(action)
        self.actions[name] = action
        return action

    # -- the details pane: decisions and edit history --------------------------------------------
    def _on_details_changed(self, data: DetailsData | None) -> None:
        if data is not None:
            curation, edits = self.model.decisions(data.event_id)
            self.window.details_pane.show_details(with_curation(data, curation, edits))

    def refresh_details(self) -> None:
        """After an edit (or undo/redo): show the selected event's new values, marks and
        history; a hidden event is deselected unless hidden events are shown."""
        self._deselect_if_hidden()
        event_id = self.window.timeline_model.selected_id
        detail = self.window.store_model.detail(event_id) if event_id is not None else None
        if detail is not None:
            self._on_details_changed(build_details(detail))

    def _on_marks_changed(self) -> None:
        self.window.table_model.set_marks(self.model.starred_ids, self.model.hidden_ids)

    def _on_show_hidden_toggled(self, show: bool) -> None:
        self._deselect_if_hidden(show)  # first: the table would pick a neighbouring row
        self.model.set_show_hidden(show)

    def _deselect_if_hidden(self, show_hidden: bool | None = None) -> None:
        shown = self.model.show_hidden if show_hidden is None else show_hidden
        selected = self.window.timeline_model.selected_id
        if not shown and selected in self.model.hidden_ids:
            self.window.selection.select(None)

    # -- what the actions act on ------------------------------------------------------------------
    def _on_source_chosen(self, document_id: str) -> None:
        self.document_id = document_id

    def _on_source_changed(self, layout: Any) -> None:
        self.document_id = getattr(layout, "document_id", None)

    def _selected(self) -> int | None:
        event_id = self.window.timeline_model.selected_id
        if event_id is None:
            show_plain(self.window, "Eventline", "Select an event first.")
        return event_id

    def _document(self) -> str | None:
        if self.document_id is None:
            show_plain(self.window, "Eventline", "Show an article in the source pane first.")
        return self.document_id

    # -- actions -----------------------------------------------------------------------------------
    def edit_event(self) -> None:
        event_id = self._selected()
        if event_id is None:
            return
        record = self.window.store_model.record(event_id)
        state = self.model.read(lambda s: s.curation(event_id))
        dialog = EditEventDialog(record, self.window.store_model.lanes,
                                 getattr(state, "note", ""), self.window)  # fmt: skip
        if dialog.exec():
            values = dialog.values()
            self.model.run(lambda s: s.edit_event(event_id, **values))

    def toggle_hidden(self) -> None:
        event_id = self._selected()
        if event_id is not None:
            hide = event_id not in self.model.hidden_ids
            if hide and not self.model.show_hidden:
                self.window.selection.select(None)
            self.model.run(lambda s: s.set_hidden(event_id, hide))

    def toggle_star(self) -> None:
        event_id = self._selected()
        if event_id is not None:
            state = self.model.read(lambda s: s.curation(event_id))
            starred = not getattr(state, "starred", False)
            self.model.run(lambda s: s.set_starred(event_id, starred))

    def tag(self) -> None:
        event_id = self._selected()
        if event_id is None:
            return
        state = self.model.read(lambda s: s.curation(event_id))
        text, ok = QInputDialog.getText(
            self.window, "Tag event", "Tags (comma-separated):",
            text=", ".join(getattr(state, "tags", ())),
        )  # fmt: skip
        if ok:
            self.model.run(lambda s: s.set_tags(event_id, text.split(",")))

    def add_event(self, from_selection: bool) -> None:
        evidence = None
        if from_selection:
            view = self.window.source_pane.text_view
            layout, cursor = view.layout_shown, view.textCursor()
            if layout is None or not cursor.hasSelection():
                show_plain(self.window, "Eventline", "Select the passage in the source pane.")
                return
            start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
            evidence = (layout.document_id, layout.offset + start, layout.offset + end)
        dialog = EditEventDialog(None, self.window.store_model.lanes, "", self.window)
        if dialog.exec():
            values = dialog.values()
            new = self.model.run(lambda s: s.add_event(values, evidence))
            if new is not None:
                self.window.selection.select(new)

    def merge(self) -> None:
        event_id = self._selected()
        if event_id is None:
            return
        others = [r for r in self.window.store_model.records if r.id != event_id]
        labels = [f"{r.title} — {r.actor} ({r.start or 'undated'}) [{r.key}]" for r in others]
        choice, ok = QInputDialog.getItem(
            self.window, "Merge with…", "Merge this event with:", labels, 0, False
        )
        if ok and choice in labels:
            other = others[labels.index(choice)].id
            self.model.run(lambda s: s.merge_events(event_id, other))

    def split(self) -> None:
        event_id, doc = self._selected(), self._document()
        if event_id is None or doc is None:
            return
        detail = self.window.store_model.detail(event_id)
        mentions = [m for m in getattr(detail, "mentions", []) if m.document_id == doc]
        if mentions:
            self.model.run(lambda s: s.split_mention(mentions[0].id))

    def set_published(self) -> None:
        doc = self._document()
        if doc is None:
            return
        current = getattr(self.window.store_model.document(doc), "published", "") or ""
        text, ok = QInputDialog.getText(
            self.window, "Set publication date", "Published (YYYY-MM-DD, empty: none):",
            text=current,
        )  # fmt: skip
        if not ok:
            return
        try:
            day = dt.date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            show_plain(self.window, "Eventline", f"Not a date (YYYY-MM-DD): {text}")
            return
        self.model.run(lambda s: s.set_published(doc, day))

    def delete_document(self) -> None:
        doc = self._document()
        if doc is None:
            return
        name = getattr(self.window.store_model.document(doc), "file_name", doc)
        answer = QMessageBox.question(
            self.window, "Delete article", f"Delete {name} and its mentions? (Undo restores it.)"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document_id = None
            self.model.run(lambda s: s.delete_document(doc))

    def reextract(self, everything: bool) -> None:
        doc = None if everything else self._document()
        if everything or doc is not None:
            self.model.run(lambda s: s.reextract(None if everything else [doc]))


def install_curation_menu(window: Any) -> CurationMenu:
    """Add the Edit menu to ``window`` (kept alive as ``window.curation_menu``)."""
    window.curation_menu = CurationMenu(window)
    return window.curation_menu
