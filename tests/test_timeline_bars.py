"""Interval bars: overlapping bars of one lane and status are filled as their union (the
even-odd rule used to punch a hole where two bars overlap)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from desktop.widgets.timeline_items import BarsItem


def test_overlapping_bars_have_no_hole(qtbot) -> None:
    bars = BarsItem()
    bars.set_half_height(0.25)
    pen = QPen(Qt.PenStyle.NoPen)
    styles = {7: (pen, QBrush(QColor("#ff0000")))}
    starts, ends = np.array([0.0, 40.0, 70.0]), np.array([60.0, 100.0, 80.0])
    bars.set_bars(starts, ends, np.array([1.0, 1.0, 1.0]), np.array([7, 7, 7]), styles)
    image = QImage(100, 20, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.scale(1.0, 10.0)  # one x unit a pixel, one lane row ten pixels
    bars.paint(painter)
    painter.end()
    for x in (20, 50, 75, 90):  # one bar, two, three, two
        assert image.pixelColor(x, 10).name() == "#ff0000", x
    assert image.pixelColor(50, 2).name() == "#ffffff"  # above the bars
