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


def test_union_intervals_merges_overlaps_and_keeps_gaps() -> None:
    from desktop.widgets.timeline_items import union_intervals

    starts = np.array([50.0, 0.0, 10.0, 60.0, 200.0])
    ends = np.array([70.0, 20.0, 15.0, 90.0, 210.0])
    merged_starts, merged_ends = union_intervals(starts, ends)
    assert merged_starts.tolist() == [0.0, 50.0, 200.0]
    assert merged_ends.tolist() == [20.0, 90.0, 210.0]
    empty = union_intervals(np.zeros(0), np.zeros(0))
    assert empty[0].size == 0 and empty[1].size == 0


def _paint(bars: BarsItem, width: int = 100, height: int = 20, x_scale: float = 1.0) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.scale(x_scale, 10.0)
    bars.paint(painter)
    painter.end()
    return image


def test_overlapping_bars_have_one_outline(qtbot) -> None:
    bars = BarsItem()
    bars.set_half_height(0.5)
    pen = QPen(QColor("#0000ff"), 1.0)
    pen.setCosmetic(True)
    styles = {3: (pen, QBrush(QColor("#ff0000")))}
    starts, ends = np.array([10.0, 40.0]), np.array([60.0, 90.0])
    bars.set_bars(starts, ends, np.array([1.0, 1.0]), np.array([3, 3]), styles)
    assert bars.group_count == 1
    image = _paint(bars)
    assert image.pixelColor(30, 5).name() == "#0000ff"  # the top edge
    assert image.pixelColor(10, 10).name() == "#0000ff"  # the left end
    assert image.pixelColor(89, 10).name() == "#0000ff"  # the right end
    for x in (39, 40, 59, 60):  # no edge where the two bars meet inside the union
        assert image.pixelColor(x, 10).name() == "#ff0000", x
    assert image.pixelColor(95, 10).name() == "#ffffff"


def test_a_bar_longer_than_the_device_is_clipped_not_lost(qtbot) -> None:
    bars = BarsItem()
    bars.set_half_height(0.25)
    styles = {1: (QPen(Qt.PenStyle.NoPen), QBrush(QColor("#00ff00")))}
    ys = np.array([1.0, 1.0])
    bars.set_bars(np.array([-1e9, 500.0]), np.array([1e9, 600.0]), ys, np.array([1, 1]), styles)
    image = _paint(bars, x_scale=0.1)
    assert image.pixelColor(0, 10).name() == "#00ff00"
    assert image.pixelColor(99, 10).name() == "#00ff00"
    from PySide6.QtGui import QTransform

    groups = bars.device_rects(QTransform().scale(0.1, 10.0), 100.0, 20.0)
    ((body, *_),) = groups
    assert len(body) == 1 and body[0].left() >= -20 and body[0].right() <= 120


def test_dashed_pen_draws_a_dashed_edge(qtbot) -> None:
    bars = BarsItem()
    bars.set_half_height(0.5)
    pen = QPen(QColor("#000000"), 1.0)
    pen.setDashPattern([4.0, 4.0])
    styles = {2: (pen, QBrush(Qt.BrushStyle.NoBrush))}
    bars.set_bars(np.array([0.0]), np.array([100.0]), np.array([1.0]), np.array([2]), styles)
    image = _paint(bars)
    top = [image.pixelColor(x, 5).name() for x in range(8, 40)]
    assert "#000000" in top and "#ffffff" in top
