"""A slim, dismissable bar: over the demo store (how to add articles of your own; "Don't show
again" is remembered by the app) and over an empty store (how to fill it; just hides).

Its tint is mixed from the current palette (base and highlight), so it reads on light and dark
themes alike and follows a palette change while the app runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

HINT_TITLE = "This is a demo timeline, built from two sample news articles."
HINT_TEXT = (
    "To build your own, choose Import articles… (Eventline asks where to keep your new store), "
    "or drop .txt, .md or .html articles, or a folder of them, onto this window."
)
EMPTY_TITLE = "This store has no events yet."
EMPTY_TEXT = (
    "Choose Import articles…, or drop .txt, .md or .html articles, or a folder of them, "
    "onto this window."
)
TINT = 0.18  # share of the highlight colour in the bar's background


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` with ``share`` of ``b`` blended in."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )


class FirstRunHint(QFrame):
    import_requested = Signal()
    dismissed = Signal()  # "Don't show again" over the demo store

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title_label = QLabel(HINT_TITLE)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.label = QLabel(HINT_TEXT)
        for label in (self.title_label, self.label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.import_button = QPushButton("Import articles…")
        self.import_button.clicked.connect(self.import_requested)
        self.dismiss_button = QPushButton("Don't show again")
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.dismiss_button)
        self.mode = "demo"
        self._apply_tint()

    def show_demo(self) -> None:
        self._show("demo", HINT_TITLE, HINT_TEXT, "Don't show again")

    def show_empty(self) -> None:
        self._show("empty", EMPTY_TITLE, EMPTY_TEXT, "Hide")

    def _show(self, mode: str, title: str, text: str, dismiss: str) -> None:
        self.mode = mode
        self.title_label.setText(title)
        self.label.setText(text)
        self.dismiss_button.setText(dismiss)
        self.dismiss_button.setToolTip("Hide this hint for good" if mode == "demo" else "")
        self.show()

    def tint(self) -> QColor:
        """The background: the palette's base with a little of its highlight."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        return mix(base, palette.color(QPalette.ColorRole.Highlight), TINT)

    def _apply_tint(self) -> None:
        """Set the bar's own Window/WindowText roles; every other role stays inherited."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        tint = self.tint()
        if palette.color(QPalette.ColorRole.Window) == tint and (
            palette.color(QPalette.ColorRole.WindowText) == text
        ):
            return  # nothing changed (and no endless PaletteChange loop)
        palette.setColor(QPalette.ColorRole.Window, tint)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_tint()  # the system switched between light and dark

    def _on_dismiss_clicked(self) -> None:
        self.hide()
        if self.mode == "demo":
            self.dismissed.emit()
