"""Ask, in a plain-text dialog, whether to upgrade a store made by an older Eventline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.viewmodel.store_upgrade import open_or_upgrade, upgrade_question

UPGRADE_BUTTON = "Upgrade this store (a backup copy is kept)"


def ask_upgrade(parent: QWidget | None, path: str, version: int) -> bool:
    """True when the user chose to upgrade."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Eventline: older store")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(upgrade_question(path, version))
    upgrade = box.addButton(UPGRADE_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Don't open it", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(upgrade)
    box.exec()
    return box.clickedButton() is upgrade


def open_store_offering_upgrade(store_model: Any, path: Any, parent: QWidget | None) -> None:
    """Open ``path`` in ``store_model``; a store of an older schema is upgraded if the user
    agrees. Raises StoreError/OSError as ``store_model.open`` does otherwise."""
    open_or_upgrade(store_model, path, lambda p, v: ask_upgrade(parent, p, v))
