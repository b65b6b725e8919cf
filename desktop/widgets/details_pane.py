"""The details pane: the selected event's fields, what people decided about it (hidden,
star, tags, note), the articles that report it and its edit history.

Every string comes from the store, so every label is plain text (``Qt.PlainText``) and the
lists' items never interpret markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.viewmodel.details import DetailsData, articles_text
from desktop.widgets.cached_scrollbar import CachedScrollBar

_FIELDS = ("Date", "Resolved", "Status", "Kind", "Actor", "Subject", "Summary", "Tags", "Note")
HIDDEN_TEXT = "Hidden: marked as not an event"
STARRED_TEXT = "★ Starred"


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailsPane(QWidget):
    source_chosen = Signal(str)  # document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = _plain_label("No event selected")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.field_labels = {name: _plain_label() for name in _FIELDS}
        self.articles_label = _plain_label()  # "Reported by 2 articles", under the title
        self.articles_label.setAccessibleName("Number of articles")
        self.spread_label = _plain_label()  # "Dates differ across 2 articles: …"
        self.spread_label.setAccessibleName("Dates given by the articles")
        self.spread_label.hide()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for name, label in self.field_labels.items():
            form.addRow(_plain_label(name), label)
        self.marks_label = _plain_label()  # hidden / starred, above the fields
        self.marks_label.setFont(font)
        self.marks_label.setAccessibleName("Curation marks")
        self.marks_label.hide()
        self.sources_list = QListWidget()
        self.sources_list.setMaximumHeight(90)
        self.sources_list.setAccessibleName("Articles reporting the event")
        self.history_label = _plain_label("Edit history")
        self.history_list = QListWidget()  # whole lines, wrapped: no sideways scrolling
        self.history_list.setMaximumHeight(130)
        self.history_list.setWordWrap(True)
        self.history_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.history_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_list.setAccessibleName("Edit history")
        # The fields scroll rather than squeeze: a long resolution chain or edit history must
        # never be cut to a line and a half when the pane is short.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # repainted with the window on every timeline frame: blit a cached pixmap (~2 ms less)
        scroll.setVerticalScrollBar(CachedScrollBar(Qt.Orientation.Vertical))
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.articles_label)
        layout.addWidget(self.spread_label)
        layout.addWidget(self.marks_label)
        layout.addLayout(form)
        layout.addWidget(_plain_label("Reported by"))
        layout.addWidget(self.sources_list)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history_list)
        layout.addStretch(1)
        self._show_history(())
        self.sources_list.currentItemChanged.connect(self._on_sources_list_current_changed)

    def show_details(self, data: DetailsData | None) -> None:
        """Fill the pane (None: nothing selected)."""
        self.sources_list.blockSignals(True)
        self.sources_list.clear()
        if data is None:
            self.title_label.setText("No event selected")
            for label in self.field_labels.values():
                label.setText("")
            self.sources_list.blockSignals(False)
            self._show_marks(False, False)
            self._show_history(())
            self._show_articles(0, "")
            return
        self.title_label.setText(data.title)
        self._show_articles(data.n_articles, data.date_spread)
        values = {
            "Date": data.date_text,
            "Resolved": "\n".join(data.resolutions),
            "Status": data.status,
            "Kind": data.kind,
            "Actor": data.actor,
            "Subject": data.subject,
            "Summary": data.summary,
            "Tags": ", ".join(data.tags),
            "Note": data.note,
        }
        for name, value in values.items():
            self.field_labels[name].setText(value)
        for source in data.sources:
            item = QListWidgetItem(source.label)  # list items never interpret markup
            item.setData(Qt.ItemDataRole.UserRole, source.document_id)
            self.sources_list.addItem(item)
        if self.sources_list.count():
            self.sources_list.setCurrentRow(0)
        self.sources_list.blockSignals(False)
        self._show_marks(data.hidden, data.starred)
        self._show_history(data.edits)

    def _show_articles(self, n_articles: int, spread: str) -> None:
        self.articles_label.setText(
            f"Reported by {articles_text(n_articles)}" if n_articles else ""
        )
        self.articles_label.setVisible(n_articles > 0)
        self.spread_label.setText(spread)
        self.spread_label.setVisible(bool(spread))

    def _show_marks(self, hidden: bool, starred: bool) -> None:
        marks = [text for on, text in ((hidden, HIDDEN_TEXT), (starred, STARRED_TEXT)) if on]
        self.marks_label.setText("   ".join(marks))
        self.marks_label.setVisible(bool(marks))

    def _show_history(self, lines: tuple[str, ...]) -> None:
        self.history_list.clear()
        for line in reversed(lines):  # newest first
            self.history_list.addItem(QListWidgetItem(line))
        self.history_label.setText("Edit history" if lines else "Edit history: not edited")
        self.history_list.setVisible(bool(lines))

    def _on_sources_list_current_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.source_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
