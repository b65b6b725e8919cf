"""The import dialogs: progress while the worker reads (cancellable) and the per-file summary.

All text is plain text: file names and reasons come from the outside world.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_STATUS_TEXT = {"added": "Added", "skipped": "Skipped (duplicate)", "rejected": "Rejected"}


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ImportProgressDialog(QDialog):
    """Modal while an import runs; Cancel (or Esc, or closing) asks the worker to stop."""

    cancel_requested = Signal()

    def __init__(self, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing articles")
        self.setModal(True)
        self.setMinimumWidth(460)
        self.title_label = _plain_label(f"Importing into {store_name}")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.file_label = _plain_label("Looking for articles…")
        self.file_label.setWordWrap(False)  # long names are elided in the middle instead
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first file is known
        self.note_label = _plain_label(
            "Nothing is written until every file has been read: cancelling leaves the store "
            "as it was."
        )
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.file_label, self.bar, self.note_label, buttons):
            layout.addWidget(widget)

    def set_progress(self, text: str, index: int, total: int) -> None:
        """Show the step in ``text``; ``index`` of ``total`` steps are done."""
        if self.cancel_button.isEnabled():
            width = max(self.file_label.width(), self.minimumWidth() - 40)
            metrics = self.file_label.fontMetrics()
            self.file_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width))
            self.file_label.setToolTip(text)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(index, total))

    def request_cancel(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.file_label.setText("Cancelling… the store is left as it was.")
        self.cancel_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()  # Esc must not close the dialog while the worker runs
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.request_cancel()
        event.ignore()  # closed by the app once the worker has stopped


class ImportSummaryDialog(QDialog):
    """What happened to each file: added, skipped (duplicate) or rejected, and why."""

    def __init__(
        self,
        headline: str,
        rows: Sequence[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import summary")
        self.headline_label = _plain_label(headline)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["File", "Result", "Details"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, (name, status, details) in enumerate(rows):
            for column, text in enumerate((name, _STATUS_TEXT.get(status, status), details)):
                item = QTableWidgetItem(text)  # items are always plain text
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 160 + 26 * min(len(rows), 12) if rows else 120)
