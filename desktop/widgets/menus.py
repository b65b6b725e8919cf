"""The menu bar: File (stores, import, recent, export, quit), View (shortcuts), Help (About).

Menus only emit requests; the app decides what they do. Other features add their own menus
through ``AppMenus.bar`` (e.g. ``bar.insertMenu(menus.view_menu.menuAction(), edit_menu)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

Shortcut = tuple[str, QKeySequence.StandardKey | str, Callable[[], object]]


class AppMenus(QObject):
    new_store_requested = Signal()
    open_store_requested = Signal()
    import_files_requested = Signal()
    import_folder_requested = Signal()
    recent_store_chosen = Signal(str)
    demo_store_requested = Signal()
    about_requested = Signal()

    def __init__(self, window: QMainWindow, view_shortcuts: Sequence[Shortcut]) -> None:
        super().__init__(window)
        self._window = window
        self.bar: QMenuBar = window.menuBar()
        self._build_file_menu()
        self.view_menu = self.bar.addMenu("&View")
        for text, key, slot in view_shortcuts:
            self._add(self.view_menu, text, key).triggered.connect(slot)
        self.help_menu = self.bar.addMenu("&Help")
        self.about_action = self._add(self.help_menu, "&About Eventline")
        self.about_action.triggered.connect(self.about_requested)
        self.set_recent([])

    def _build_file_menu(self) -> None:
        menu = self.file_menu = self.bar.addMenu("&File")
        self.new_action = self._add(menu, "&New store…", QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_store_requested)
        self.open_action = self._add(menu, "&Open store…", QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_store_requested)
        self.recent_menu = menu.addMenu("Open &Recent")
        menu.addSeparator()
        self.import_action = self._add(menu, "&Import articles…", "Ctrl+I")
        self.import_action.triggered.connect(self.import_files_requested)
        self.import_folder_action = self._add(menu, "Import a &folder of articles…")
        self.import_folder_action.triggered.connect(self.import_folder_requested)
        menu.addSeparator()
        self.export_menu = menu.addMenu("&Export picture")  # the view as PNG/SVG/PDF
        menu.addSeparator()
        self.quit_action = self._add(menu, "&Quit", QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self._window.close)

    def _add(self, menu: QMenu, text: str, key: QKeySequence.StandardKey | str = "") -> QAction:
        action = QAction(text, self._window)
        if key:
            action.setShortcut(QKeySequence(key))
            self._window.addAction(action)  # the shortcut works while the menu is closed
        menu.addAction(action)
        return action

    def set_recent(self, paths: Sequence[str]) -> None:
        """List the recent stores (most recent first), then the demo store."""
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            shown = f"{Path(path).name} — {path}".replace("&", "&&")  # "&" is not a mnemonic
            label = f"&{number} {shown}"
            action = self.recent_menu.addAction(label)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.recent_store_chosen.emit(p))
        if paths:
            self.recent_menu.addSeparator()
        demo = self.recent_menu.addAction("The &demo store")
        demo.triggered.connect(self.demo_store_requested)
