"""File ▸ Export events (JSONL, CSV, TimelineJS JSON, iCalendar) and File ▸ Import events….

Installed on the main window by ``install_interchange_menu(window)`` (after the Edit menu,
whose CurationModel makes an import one undoable step). Exports write the events the window
shows — the search, filters and hidden events combined. An import first shows what it would
do (a dry run) and only writes when the user agrees. Every message is plain text; the file
dialogs live here, never in the export functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.viewmodel.interchange_model import EXPORT_FORMATS, InterchangeModel, suggested_name

IMPORT_FILTER = "Events files (*.jsonl *.csv *.json);;All files (*)"
_ERRORS = (ValueError, OSError)  # StoreError and ImportFormatError are ValueErrors


def _message(parent: QWidget, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class InterchangeMenu:
    """The actions; ``ask_save_path``, ``ask_open_path``, ``confirm`` and ``tell`` are the
    dialogs (replaceable in tests)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.model = InterchangeModel(
            window.store_model, window.timeline_model, window.curation_menu.model
        )
        menu = window.file_menu
        before = window.export_menu.menuAction()  # just above the figure export
        self.import_action = QAction("Import &events…", window)
        self.import_action.triggered.connect(lambda _=False: self.import_events())
        menu.insertAction(before, self.import_action)
        self.export_menu = QMenu("Export e&vents", window)
        menu.insertMenu(before, self.export_menu)
        self.export_actions: dict[str, QAction] = {}
        for fmt, (label, _suffix) in EXPORT_FORMATS.items():
            action = self.export_menu.addAction(label + "…")
            action.triggered.connect(lambda _=False, f=fmt: self.export(f))
            self.export_actions[fmt] = action

    # -- dialogs -----------------------------------------------------------------------------
    def ask_save_path(self, fmt: str) -> str:
        suffix = EXPORT_FORMATS[fmt][1]
        suggested = suggested_name(self.window.store_model.path, fmt)
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export events", suggested, f"{EXPORT_FORMATS[fmt][0]} (*.{suffix})"
        )
        if path and not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        return path

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import events", "", IMPORT_FILTER)
        return path

    def confirm(self, title: str, text: str) -> bool:
        box = _message(self.window, title, text, QMessageBox.Icon.Question)
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText("Import")
        return box.exec() == QMessageBox.StandardButton.Ok

    def tell(self, title: str, text: str, *, error: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
        _message(self.window, title, text, icon).exec()

    # -- actions -----------------------------------------------------------------------------
    def export(self, fmt: str) -> int | None:
        """Ask for a file and write the shown events to it; returns how many were written."""
        if self.window.store_model.path is None:
            self.tell("Eventline", "Open a store first.", error=True)
            return None
        path = self.ask_save_path(fmt)
        if not path:
            return None
        try:
            count = self.model.export(fmt, path)
        except _ERRORS as exc:
            self.tell("Eventline: export failed", str(exc), error=True)
            return None
        self.window.statusBar().showMessage(f"Exported {count} to {Path(path).name}", 5000)
        return count

    def import_events(self) -> Any:
        """Ask for an events file, show the dry run's summary, import when agreed."""
        if self.window.store_model.path is None:
            self.tell("Eventline", "Open a store first.", error=True)
            return None
        path = self.ask_open_path()
        if not path:
            return None
        try:
            preview = self.model.preview(path)
        except _ERRORS as exc:
            self.tell("Eventline: cannot import", f"{Path(path).name}: {exc}", error=True)
            return None
        text = f"Importing {Path(path).name} would add:\n\n{preview.line()}\n\n"
        text += "Imported events count as your own edits (Edit ▸ Undo removes them)."
        if not self.confirm("Import events", text):
            return None
        try:
            return self.model.import_events(path)
        except _ERRORS as exc:
            self.tell("Eventline: cannot import", f"{Path(path).name}: {exc}", error=True)
            return None


def install_interchange_menu(window: Any) -> InterchangeMenu:
    """Add the entries to ``window``'s File menu (kept alive as ``window.interchange_menu``)."""
    window.interchange_menu = InterchangeMenu(window)
    return window.interchange_menu
