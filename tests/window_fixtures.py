"""A main window on a store, as the window tests need it (opened through a StoreModel)."""

from __future__ import annotations

from pathlib import Path

from desktop.viewmodel.store_model import StoreModel
from desktop.widgets.main_window import MainWindow


def open_window(qtbot, path: Path, shown: bool = False) -> MainWindow:
    """A MainWindow on the store at ``path``; ``shown`` lays it out at 1200×800 on screen."""
    model = StoreModel()
    model.open(path)
    window = MainWindow(model)
    qtbot.addWidget(window)
    if shown:
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
    return window
