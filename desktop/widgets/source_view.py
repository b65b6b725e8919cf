"""The source view: an article as plain text with the evidence highlighted.

The selected event's evidence is highlighted and scrolled into view, its time expression marked,
its other passages shaded lighter, and the article's other events lightly tinted; clicking a
tinted passage emits ``event_clicked``. Text is set with ``setPlainText`` only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.viewmodel.source_model import ALT, EVIDENCE, TIME, TINT, SourceLayout

_BACKGROUNDS = {
    TINT: QColor("#e3effa"),
    ALT: QColor("#fff1b8"),
    EVIDENCE: QColor("#ffd54f"),
    TIME: QColor("#ffab40"),
}
# The backgrounds are light whatever the theme, so their text is always dark: on a dark
# palette the default (light) text colour would vanish into the highlight.
_FOREGROUND = QColor("#1a1a1a")


def _format(role: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(_BACKGROUNDS[role])
    fmt.setForeground(_FOREGROUND)
    if role == TIME:
        fmt.setFontUnderline(True)
        fmt.setFontWeight(700)
    if role == TINT:
        fmt.setToolTip("Click to select this event")
    fmt.setProperty(QTextFormat.Property.UserProperty, role)
    return fmt


class SourceTextView(QPlainTextEdit):
    """Read-only article text; a click on a tinted passage emits the event's id."""

    event_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.layout_shown: SourceLayout | None = None

    def show_layout(self, layout: SourceLayout | None) -> None:
        self.layout_shown = layout
        if layout is None:
            self.setPlainText("")
            self.setExtraSelections([])
            return
        self.setPlainText(layout.text)
        selections = []
        for span in layout.spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = _format(span.role)
            selections.append(selection)
        self.setExtraSelections(selections)
        if layout.focus is not None:
            self._scroll_to(layout.focus)

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.centerCursor()

    def event_at_position(self, position: int) -> int | None:
        return self.layout_shown.event_at(position) if self.layout_shown else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        event_id = self.event_at_position(position)
        if event_id is not None:
            self.event_clicked.emit(event_id)


class SourcePane(QWidget):
    """A header naming the article above its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel("No article")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.text_view = SourceTextView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text_view, 1)

    def show_layout(self, layout: SourceLayout | None) -> None:
        self.header.setText(layout.header if layout is not None else "No article")
        self.text_view.show_layout(layout)
