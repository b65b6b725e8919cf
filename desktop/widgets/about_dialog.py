"""Help → About: version, licence, and where the sample articles come from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__

ABOUT_TEXT = (
    "Turns news articles into a zoomable timeline of events — releases, open-sourcing, "
    "announcements, funding, statements and plans — each linked to the sentence that reports it."
)
LICENCE_TEXT = (
    "Copyright © 2026 The Eventline developers.\n"
    "Free software under the MIT License (see the LICENSE file that comes with Eventline): "
    "use, copy, modify and distribute it, keeping the copyright and licence notice. "
    "It comes without any warranty."
)
SAMPLES_TEXT = (
    "The sample articles of the demo store are third-party news text from March 2025, "
    "included only as demonstration input; they belong to their authors and publishers and "
    "are not covered by Eventline's licence."
)


class AboutDialog(QDialog):
    def __init__(self, icon: QIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Eventline")
        self.setMinimumWidth(480)
        texts = (f"Eventline {__version__}", ABOUT_TEXT, LICENCE_TEXT, SAMPLES_TEXT)
        self.labels: list[QLabel] = []
        column = QVBoxLayout()
        column.setSpacing(10)
        for text in texts:
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
            self.labels.append(label)
        font = self.labels[0].font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.labels[0].setFont(font)
        row = QHBoxLayout()
        if icon is not None and not icon.isNull():
            picture = QLabel()
            picture.setPixmap(icon.pixmap(64, 64))
            picture.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(picture)
        column.addStretch(1)
        row.addLayout(column, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n\n".join(label.text() for label in self.labels)
