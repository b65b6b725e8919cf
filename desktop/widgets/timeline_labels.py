"""Event labels on the timeline: a bounded pool of text items, placed so that no two labels in
a lane overlap (``time_axis.place_labels``), most-reported events first.

A label is a ``QGraphicsSimpleTextItem`` (plain text only: a title like ``<b>x</b>`` shows
literally) that ignores the view's transformations: it sits at a data position and is drawn
at device size, so a range change costs Qt a matrix, not Python a call per label (pyqtgraph's
TextItem recomputes its transform in Python on every view change).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from desktop.viewmodel.time_axis import place_labels

MAX_LABELS = 150  # TextItems in the pool: the most labels ever drawn at once
MAX_CANDIDATES = 3000  # events considered for a label in one frame
MAX_CHARS = 34
LABEL_DY = -0.12  # label baseline, relative to the lane centre (rows; y axis points down)


def elide(text: str, limit: int = MAX_CHARS) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def fit_inside(left_px: np.ndarray, widths_px: np.ndarray, view_px: float) -> np.ndarray:
    """Label left edges moved left so that no label overflows the view's right edge (a glyph
    near the border gets its label to its left), yet never past the view's left edge."""
    return np.maximum(np.minimum(left_px, view_px - widths_px), np.minimum(left_px, 0.0))


TEXT_MARGIN_PX = 4.0  # text inset from the label's anchor (left) and above its baseline spot


class LabelItem(QGraphicsSimpleTextItem):
    """One label: plain text at device size, its bottom-left corner (less a small margin) at
    its position in data coordinates."""

    def __init__(self, font: QFont, colour: QColor) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFont(font)
        self.setPen(Qt.PenStyle.NoPen)
        self.setColor(colour)

    def setText(self, text: str) -> None:
        super().setText(text)
        lift = self.boundingRect().height() + TEXT_MARGIN_PX
        self.setTransform(QTransform.fromTranslate(TEXT_MARGIN_PX, -lift))

    def setColor(self, colour: QColor) -> None:  # as pyqtgraph.s TextItem
        self.color = QColor(colour)
        self.setBrush(self.color)

    def toPlainText(self) -> str:  # as QGraphicsTextItem
        return self.text()


def place_in_rows(
    rows: np.ndarray, left: np.ndarray, widths: np.ndarray, priority: np.ndarray, view_px: float
) -> np.ndarray:
    """Positions of the labels kept so that no two in a lane overlap (``place_labels``'s
    greedy rule, most-reported first, a gap of 6 px), all lanes in one pass: each lane's
    extents are shifted by a distance no label spans, so lanes cannot clash."""
    if rows.size == 0:
        return np.zeros(0, dtype=np.int64)
    stride = 4.0 * (view_px + float(widths.max())) + 1000.0
    starts = left + rows.astype(np.float64) * stride
    extents = list(zip(starts.tolist(), (starts + widths).tolist(), strict=True))
    return np.asarray(place_labels(extents, priority.tolist(), gap=6.0), dtype=np.int64)


class LabelLayer:
    """Places labels for the events in view. ``texts`` gives (shown label, event id)."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        self.view_box = view_box
        self.font = QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF() - 1.0, 7.0))
        self.metrics = QFontMetricsF(self.font)
        self.pool: list[LabelItem] = []
        self.shown: dict[int, str] = {}  # event id -> label text currently shown
        self._widths: dict[str, float] = {}
        self._labels: dict[int, tuple[str, float]] = {}  # event id -> (text, width)
        self._states: dict[int, tuple[str, float, int]] = {}  # pool slot -> (text, x, row)
        self._slot_ids: dict[int, int] = {}  # pool slot -> event id it shows
        self.colour = QColor("#333333")  # the timeline sets its palette's text colour

    def set_colour(self, colour: QColor) -> None:
        """Text colour of every label, shown or pooled."""
        self.colour = QColor(colour)
        for item in self.pool:
            item.setColor(self.colour)

    def _width(self, text: str) -> float:
        """Label width in pixels plus padding (cached: the same titles recur frame after frame)."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 20_000:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text) + 6.0
        return width

    def _item(self, k: int) -> LabelItem:
        while len(self.pool) <= k:
            item = LabelItem(self.font, self.colour)
            item.setZValue(5)
            self.view_box.addItem(item, ignoreBounds=True)
            self.pool.append(item)
        return self.pool[k]

    def forget_texts(self) -> None:
        """The events' titles may have changed (new data): look them up again."""
        self._labels = {}

    def _label(self, event_id: int, text_of: Callable[[int], str]) -> tuple[str, float]:
        """(shown text, width in pixels plus padding) of an event's label; cached per event."""
        hit = self._labels.get(event_id)
        if hit is None:
            if len(self._labels) > 20_000:
                self._labels = {}
            text = elide(text_of(event_id))
            hit = self._labels[event_id] = (text, self._width(text))
        return hit

    def update(
        self,
        candidates: np.ndarray,
        x_s: np.ndarray,
        rows: np.ndarray,
        priority: np.ndarray,
        text_of: Callable[[int], str],
        ids: np.ndarray,
    ) -> None:
        """Show labels for ``candidates`` (indices) anchored at ``x_s`` on lane ``rows``."""
        (x0, x1), _ = self.view_box.viewRange()
        width_px = max(self.view_box.width(), 1.0)
        px_per_s = width_px / max(x1 - x0, 1e-9)
        if candidates.size > MAX_CANDIDATES:
            top = np.argsort(-priority[candidates], kind="stable")[:MAX_CANDIDATES]
            candidates = np.sort(candidates[top])
        labels = [self._label(e, text_of) for e in ids[candidates].tolist()]
        widths = np.fromiter((w for _, w in labels), np.float64, len(labels))
        left = fit_inside((x_s[candidates] - x0) * px_per_s - 4.0, widths, width_px - 8.0)
        kept = place_in_rows(rows[candidates], left, widths, priority[candidates], width_px)
        kept = kept[np.argsort(-priority[candidates[kept]], kind="stable")][:MAX_LABELS]
        xs = (x0 + (left[kept] + 4.0) / px_per_s).tolist()  # shifted left when it overflowed
        chosen = candidates[kept]
        self._show(
            [
                (event_id, labels[k][0], x, row)
                for event_id, k, x, row in zip(
                    ids[chosen].tolist(), kept.tolist(), xs, rows[chosen].tolist(), strict=True
                )
            ]
        )

    def _show(self, labels: list[tuple[int, str, float, int]]) -> None:
        """Show (event id, text, x, row) labels. An event keeps the pool item it had: panning
        moves no label and sets no text (TextItems are in data coordinates)."""
        wanted = {event_id for event_id, *_ in labels}
        free = [k for k in range(len(self.pool)) if self._slot_ids.get(k) not in wanted]
        slot_of = {e: k for k, e in self._slot_ids.items() if e in wanted}
        self.shown = {}
        for event_id, text, x, row in labels:
            k = slot_of.get(event_id)
            if k is None:
                k = free.pop(0) if free else len(self.pool)
                self._slot_ids[k] = event_id
            item = self._item(k)
            state = (text, x, row)
            if self._states.get(k) != state:
                if self._states.get(k, ("",))[0] != text:
                    item.setText(text)
                item.setPos(x, row + LABEL_DY)
                self._states[k] = state
            if not item.isVisible():
                item.show()
            self.shown[event_id] = text
        for k in free:
            self._slot_ids.pop(k, None)
            if self.pool[k].isVisible():
                self.pool[k].hide()
