"""A slim, dismissable bar shown over the demo store: how to add articles of your own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

HINT_TEXT = (
    "You are looking at a demo timeline built from two sample news articles. "
    "To build your own: File → New store…, then File → Import articles… — "
    "or drop .txt, .md or .html articles (or a folder of them) onto this window."
)


class FirstRunHint(QFrame):
    import_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # follows light and dark
        self.label = QLabel(HINT_TEXT)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.import_button = QPushButton("Import articles…")
        self.import_button.clicked.connect(self.import_requested)
        self.dismiss_button = QPushButton("Don't show again")
        self.dismiss_button.setToolTip("Hide this hint for good")
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.dismiss_button)

    def _on_dismiss_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
