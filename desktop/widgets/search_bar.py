"""The search bar: a search box, quick filters (actor, kind, status), a date range, Clear.

Emits what the user changed; the search controller decides what it means. Esc anywhere in the
bar clears everything. Invalid dates are marked and not applied.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.extract.types import KINDS, STATUSES
from desktop.viewmodel.search_controller import parse_date_bound


class SearchBar(QWidget):
    query_edited = Signal(str)
    filter_changed = Signal(str, object)  # name (actor|kind|status|date_from|date_to), value
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit(placeholderText="Search events and articles (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.actor_combo = _combo("All actors", [])
        self.kind_combo = _combo("All kinds", KINDS)
        self.status_combo = _combo("All statuses", STATUSES)
        self.from_edit = QLineEdit(placeholderText="from YYYY-MM-DD")
        self.to_edit = QLineEdit(placeholderText="to YYYY-MM-DD")
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(130)
        self.clear_button = QPushButton("Clear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.search_edit, 3)
        for widget in (self.actor_combo, self.kind_combo, self.status_combo):
            layout.addWidget(widget, 1)
        layout.addWidget(self.from_edit)
        layout.addWidget(self.to_edit)
        layout.addWidget(self.clear_button)
        self.search_edit.textEdited.connect(self.query_edited)
        self.actor_combo.currentIndexChanged.connect(self._on_actor_combo_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.from_edit.editingFinished.connect(self._on_from_edit_finished)
        self.to_edit.editingFinished.connect(self._on_to_edit_finished)
        self.clear_button.clicked.connect(self.clear)

    def set_actors(self, actors: Sequence[str]) -> None:
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem("All actors", None)
        for actor in actors:
            self.actor_combo.addItem(actor, actor)
        self.actor_combo.blockSignals(False)

    def set_query(self, text: str) -> None:
        """Show a query set from outside (screenshot, --view); emits query_edited."""
        self.search_edit.setText(text)
        self.query_edited.emit(text)

    def set_date_range(self, date_from: str, date_to: str) -> None:
        """Fill the date fields (YYYY[-MM[-DD]]) and apply them."""
        self.from_edit.setText(date_from)
        self.to_edit.setText(date_to)
        self._on_from_edit_finished()
        self._on_to_edit_finished()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear(self) -> None:
        """Reset every control and say so once."""
        for widget in self._controls():
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.actor_combo, self.kind_combo, self.status_combo):
            combo.setCurrentIndex(0)
        for edit in (self.from_edit, self.to_edit):
            edit.clear()
            edit.setStyleSheet("")
            edit.setToolTip("")
        for widget in self._controls():
            widget.blockSignals(False)
        self.cleared.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _controls(self) -> list[QWidget]:
        return [self.search_edit, self.actor_combo, self.kind_combo, self.status_combo,
                self.from_edit, self.to_edit]  # fmt: skip

    def _on_actor_combo_changed(self, _index: int) -> None:
        self.filter_changed.emit("actor", self.actor_combo.currentData())

    def _on_kind_combo_changed(self, _index: int) -> None:
        self.filter_changed.emit("kind", self.kind_combo.currentData())

    def _on_status_combo_changed(self, _index: int) -> None:
        self.filter_changed.emit("status", self.status_combo.currentData())

    def _on_from_edit_finished(self) -> None:
        self._emit_date("date_from", self.from_edit, end=False)

    def _on_to_edit_finished(self) -> None:
        self._emit_date("date_to", self.to_edit, end=True)

    def _emit_date(self, name: str, edit: QLineEdit, *, end: bool) -> None:
        try:
            value = parse_date_bound(edit.text(), end=end)
        except ValueError as exc:
            edit.setStyleSheet("border: 1px solid #c62828;")
            edit.setToolTip(html.escape(str(exc)))  # tooltips guess rich text
            return
        edit.setStyleSheet("")
        edit.setToolTip("")
        self.filter_changed.emit(name, value)


def _combo(all_label: str, values: Sequence[str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, None)
    for value in values:
        combo.addItem(value.replace("_", " "), value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo
