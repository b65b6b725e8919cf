"""The overview strip under the lanes: events per bucket over the whole store (above the
baseline) and articles per bucket by publication date (below it, mirrored), with a draggable
window (``pg.LinearRegionItem``) that sets the timeline's visible range and follows it.

Counts come from ``viewmodel.overview`` once per data change (one ``bincount``), so a frame
only moves the region. Each row is scaled to its own largest bucket.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from desktop.viewmodel.overview import bucket_counts, padded_span, value_range

BUCKETS = 400
HEIGHT = 46
EVENT_COLOUR = "#5b7fa6"
ARTICLE_COLOUR = "#b08a4a"


class OverviewStrip(pg.PlotItem):
    """Whole-store counts with a window; ``on_window(start_s, end_s)`` is called on drags."""

    def __init__(self, on_window: Callable[[float, float], None]) -> None:
        super().__init__()
        self._on_window = on_window
        self._following = False
        self.setFixedHeight(HEIGHT)
        self.hideButtons()
        self.setMenuEnabled(False)
        left = self.getAxis("left")  # blank, as wide as the lanes' names: x lines up
        left.setStyle(showValues=False, tickLength=0)
        left.setPen(pg.mkPen(None))
        self.hideAxis("bottom")
        self.getViewBox().setMouseEnabled(x=False, y=False)
        self.getViewBox().setYRange(-1.05, 1.05, padding=0.0)
        self.events = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=pg.mkBrush(EVENT_COLOUR), pen=None
        )
        self.articles = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=pg.mkBrush(ARTICLE_COLOUR), pen=None
        )
        self.addItem(self.events)
        self.addItem(self.articles)
        self.baseline = pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#999999"))
        self.addItem(self.baseline)
        # the legend sits in the blank gutter under the lane names, never over the counts
        self.labels = (
            pg.TextItem("events ▲", color="#666666", anchor=(1, 0)),
            pg.TextItem("articles ▼", color="#666666", anchor=(1, 1)),
        )
        for label in self.labels:
            label.setParentItem(left)
        left.geometryChanged.connect(self._place_labels)
        self.getViewBox().geometryChanged.connect(self._place_labels)
        self.region = pg.LinearRegionItem(
            brush=pg.mkBrush(60, 90, 140, 35), pen=pg.mkPen("#333333", width=1.5)
        )
        self.region.setZValue(10)
        self.addItem(self.region)
        self.region.sigRegionChanged.connect(self._on_region_changed)
        # the counts and labels change with the data only: painted once into a pixmap each
        for item in (self.events.curve, self.articles.curve, self.baseline, *self.labels, left):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.span = (0.0, 1.0)
        self._events_key: tuple | None = None
        self._events_range: tuple | None = None  # (start array, its finite range)
        self.event_counts = np.zeros(BUCKETS, dtype=np.int64)
        self.article_counts = np.zeros(BUCKETS, dtype=np.int64)

    def _place_labels(self) -> None:
        """Right-align the two legend lines in the left gutter, at its top and bottom."""
        axis = self.getAxis("left")
        box = self.getViewBox().geometry()  # the counts' extent, in this plot's coordinates
        top = axis.mapFromParent(box.topLeft()).y()
        bottom = axis.mapFromParent(box.bottomLeft()).y()
        right = axis.boundingRect().right() - 4
        events, articles = self.labels
        events.setPos(right, top)
        articles.setPos(right, bottom)

    def set_colours(self, ink: QColor, faint: QColor, line: QColor) -> None:
        """Neutral colours from the timeline's palette: window outline, label, baseline."""
        self.region.lines[0].setPen(pg.mkPen(ink, width=1.5))
        self.region.lines[1].setPen(pg.mkPen(ink, width=1.5))
        for label in self.labels:
            label.setColor(faint)
        self.baseline.setPen(pg.mkPen(line))

    def set_data(self, start_s: np.ndarray, dated: np.ndarray, published_s: np.ndarray) -> None:
        """Recount events (their start) and articles (publication date) over the whole span."""
        if self._events_range is None or self._events_range[0] is not start_s:
            # dated events are those with a finite start: no copy of 10^6 starts needed
            self._events_range = (start_s, value_range(start_s))
        lo, hi = self.span = padded_span(self._events_range[1], value_range(published_s))
        key = self._events_key  # the same event arrays over the same span: same counts
        if key is None or key[0] is not start_s or key[1] is not dated or key[2:] != (lo, hi):
            # undated events (NaN starts) fall in no bucket: no copy of the dated starts
            self.event_counts = bucket_counts(start_s, lo, hi, BUCKETS)
            self._events_key = (start_s, dated, lo, hi)
        self.article_counts = bucket_counts(published_s, lo, hi, BUCKETS)
        edges = np.linspace(lo, hi, BUCKETS + 1)
        self.events.setData(edges, _scaled(self.event_counts))
        self.articles.setData(edges, -_scaled(self.article_counts))
        self.getViewBox().setXRange(lo, hi, padding=0.0)
        self._following = True  # bounds that clip the window move it: no echo to the timeline
        try:
            self.region.setBounds((lo, hi))
        finally:
            self._following = False

    def align_left(self, width_px: float) -> None:
        """Give the blank left axis the timeline's lane-name width."""
        axis = self.getAxis("left")
        if abs(axis.width() - width_px) > 0.5:
            axis.setWidth(int(width_px))

    def follow(self, start_s: float, end_s: float) -> None:
        """Move the window to the timeline's visible range (without echoing it back)."""
        self._following = True
        try:
            self.region.setRegion((start_s, end_s))
        finally:
            self._following = False

    def _on_region_changed(self) -> None:
        if not self._following:
            lo, hi = self.region.getRegion()
            self._on_window(float(lo), float(hi))


def _scaled(counts: np.ndarray) -> np.ndarray:
    """Counts scaled to [0, 1] by their largest bucket; a bucket with any count shows."""
    top = float(counts.max()) if counts.size else 0.0
    if top <= 0:
        return np.zeros(counts.size)
    return np.where(counts > 0, np.maximum(np.sqrt(counts / top), 0.06), 0.0)
