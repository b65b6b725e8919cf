"""``set_points``: the glyph scatter filled from object arrays of shared pens and brushes
draws exactly what pyqtgraph's ``setData`` with the same per-point styles draws."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from desktop.widgets.timeline_lod import set_points


def _render(qtbot, scatter: pg.ScatterPlotItem) -> QImage:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)  # kept (and the scatter with it) until the test ends
    widget.resize(200, 150)
    widget.addItem(scatter)
    widget.setXRange(0, 10, padding=0)
    widget.setYRange(0, 10, padding=0)
    image = QImage(200, 150, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    widget.render(painter)
    painter.end()
    return image


def test_set_points_matches_set_data(qtbot) -> None:
    pens = np.array([QPen(QColor("#aa0000"), 2), QPen(QColor("#0000aa"), 1)], dtype=object)
    brushes = np.array([QBrush(QColor("#ffcc00")), QBrush(Qt.BrushStyle.NoBrush)], dtype=object)
    style = np.array([0, 1, 1, 0, 1])
    xs, ys = np.array([1.0, 3.0, 5.0, 7.0, 9.0]), np.array([2.0, 4.0, 6.0, 8.0, 5.0])
    symbols = np.array(["o", "s", "t", "d", "o"], dtype=object)
    reference = pg.ScatterPlotItem(size=11, pxMode=True)
    reference.setData(x=xs, y=ys, symbol=symbols, pen=pens[style], brush=brushes[style])
    fast = pg.ScatterPlotItem(size=11, pxMode=True)
    set_points(fast, (xs, ys), symbols, pens[style], brushes[style])
    assert [p is pens[k] for p, k in zip(fast.data["pen"], style, strict=True)] == [True] * 5
    assert fast.opts["useCache"]
    assert _render(qtbot, fast) == _render(qtbot, reference)
    again = pg.ScatterPlotItem(size=11, pxMode=True)
    set_points(again, (xs, ys), symbols, pens[style], brushes[style])
    set_points(again, (xs[:2], ys[:2]), symbols[:2], pens[style[:2]], brushes[style[:2]])
    assert len(again.data) == 2 and again.data["x"].tolist() == [1.0, 3.0]
