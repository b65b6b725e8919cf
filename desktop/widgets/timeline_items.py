"""Graphics items of the timeline that pyqtgraph does not have: all interval bars in one item.

``BarsItem`` draws every interval event (a month, a season, "earlier this year") as a bar
spanning its dates. Bars are grouped by (lane row, status) into one QPainterPath each, built
from numpy arrays when the data or the filter changes; painting draws a handful of paths.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen

BAR_HALF_HEIGHT = 0.1  # in lane rows, at most (see set_half_height)


def group_slices(keys: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """Split positions 0..n-1 by key value: [(key, positions with that key), …] (keys sorted)."""
    if keys.size == 0:
        return []
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
    return [
        (int(part_keys[0]), part)
        for part_keys, part in zip(np.split(sorted_keys, cuts), np.split(order, cuts), strict=True)
    ]


class BarsItem(pg.GraphicsObject):
    """Interval bars, one QPainterPath per (row, status) style group."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[tuple[QPainterPath, QPen, QBrush]] = []
        self._bounds = QRectF()
        self.half_height = BAR_HALF_HEIGHT
        empty = np.zeros(0)
        self._data: tuple = (empty, empty, empty, empty.astype(np.int64), {})

    def set_bars(
        self,
        starts: np.ndarray,
        ends: np.ndarray,
        ys: np.ndarray,
        style_keys: np.ndarray,
        styles: dict[int, tuple[QPen, QBrush]],
    ) -> None:
        """Bars [starts[i], ends[i]] centred on ys[i]; ``styles[style_keys[i]]`` = (pen, brush)."""
        self._data = (starts, ends, ys, np.asarray(style_keys), styles)
        self._rebuild()

    def set_half_height(self, half_height: float) -> None:
        """Bar half-height in lane rows (the view keeps bars a few pixels tall)."""
        if abs(half_height - self.half_height) > 1e-3:
            self.half_height = half_height
            self._rebuild()

    def _rebuild(self) -> None:
        starts, ends, ys, style_keys, styles = self._data
        self.prepareGeometryChange()
        self._groups = []
        half = self.half_height
        for key, part in group_slices(style_keys):
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)  # overlapping bars: their union, no holes
            for x0, x1, y in zip(
                starts[part].tolist(), ends[part].tolist(), ys[part].tolist(), strict=True
            ):
                path.addRect(QRectF(x0, y - half, max(x1 - x0, 1.0), 2 * half))
            pen, brush = styles[key]
            self._groups.append((path, pen, brush))
        if len(starts):
            lo, hi = float(np.min(starts)), float(np.max(ends))
            y0, y1 = float(np.min(ys)) - 0.5, float(np.max(ys)) + 0.5
            self._bounds = QRectF(lo, y0, max(hi - lo, 1.0), y1 - y0)
        else:
            self._bounds = QRectF()
        self.update()

    @property
    def group_count(self) -> int:
        return len(self._groups)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(self, p: QPainter, *args) -> None:
        for path, pen, brush in self._groups:
            p.setPen(pen)
            p.setBrush(brush)
            p.drawPath(path)
