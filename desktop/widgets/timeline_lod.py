"""Level of detail of the timeline: per frame, density strips for crowded lanes, glyphs and
bars for the others. Owned by ``TimelineView``; holds no event data of its own.

Per frame: the shown events per visible lane in the range come from the model's lane index
(one ``searchsorted``). A lane with more events than ``width / DENSE_PX_PER_EVENT`` becomes a
density strip (``timeline_density``), and the largest lanes turn to density first until the
glyph window (the range plus one view width each side, so panning does not refetch) holds at
most ``GLYPH_BUDGET`` events. Glyphs: one ScatterPlotItem for all lanes and statuses, with
per-point symbol, pen and brush arrays built from cached, shared QPen/QBrush objects (one
``setData`` a frame at most); bars: one ``BarsItem``, clipped to the glyph window. Events the
model marks hidden (shown only by "Show hidden events") are drawn faded.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen

from desktop.extract.types import KINDS, STATUSES
from desktop.viewmodel import day_grid, density
from desktop.viewmodel.glyphs import kind_symbol, lane_colour
from desktop.viewmodel.timeline_model import TimelineModel
from desktop.widgets.legend import status_brush, status_pen
from desktop.widgets.timeline_density import STRIP_PX, DensityItem, density_rgba, scale_text
from desktop.widgets.timeline_items import BarsItem

GLYPH_DY = 0.14  # glyph centre below the lane centre (rows); labels sit above
GLYPH_PX = 11
DENSE_PX_PER_EVENT = 6.0  # more events in view than width / this: a density strip
GLYPH_BUDGET = 6000  # events in the glyph window at most
HIDDEN_ALPHA = 0.3  # a hidden event (shown by "Show hidden events") at this opacity
SYMBOLS = np.array([kind_symbol(k) for k in range(len(KINDS))], dtype=object)


class LodLayer:
    """The timeline's event graphics in one view box: density image, scatters, bars."""

    def __init__(
        self, view_box: pg.ViewBox, model: TimelineModel, note_area: pg.GraphicsWidget
    ) -> None:
        self.view_box, self.model = view_box, model
        self.note_area = note_area  # the scale note sits in its bottom-right corner, off the data
        self.bars = BarsItem()
        view_box.addItem(self.bars)
        self.density = DensityItem()
        self.density.setZValue(2)
        view_box.addItem(self.density, ignoreBounds=True)
        self.density_scale = pg.TextItem("", color="#555555", anchor=(1, 1))
        self.density_scale.setParentItem(note_area)  # the axis area's pixels, not data
        self.density_scale.setZValue(20)
        self.scatter = pg.ScatterPlotItem(size=GLYPH_PX, pxMode=True)
        self.scatter.setZValue(3)
        view_box.addItem(self.scatter)
        self._styles: dict[tuple[int, int], tuple] = {}
        self._glyph_key: tuple | None = None  # what the current glyphs were fetched for
        self.glyphs = np.zeros(0, dtype=np.int64)  # indices of the events drawn as glyphs
        self.dense_rows = np.zeros(0, dtype=np.int64)
        self._grid: day_grid.DayGrid | None = None  # per-lane day grids of the current index

    def set_text_colour(self, colour: QColor) -> None:
        """Colour of the density scale note (the timeline's palette)."""
        self.density_scale.setColor(colour)

    def invalidate(self) -> None:
        """The data or the filter changed: refetch glyphs on the next update."""
        self._glyph_key = None
        self._grid = None  # let the previous lane index go now (10^6 events: tens of MB)

    def anchor_x(self, idx: np.ndarray) -> np.ndarray:
        """Where the glyphs of events ``idx`` sit: their day, or their interval's middle."""
        m = self.model
        return np.where(m.is_bar[idx], (m.start_s[idx] + m.end_s[idx]) / 2, m.start_s[idx])

    def update(self) -> None:
        """Draw the current range of the view box."""
        m = self.model
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        width_px = max(round(self.view_box.width()), 1)
        n_rows = len(m.lane_names)
        rows = np.arange(max(int(np.ceil(y0)), 0), min(int(np.floor(y1)), n_rows - 1) + 1)
        index = m.lane_index()
        span = x1 - x0  # the glyph window is the view plus one view width each side
        edges = np.array([x0 - span, x0, x1, x1 + span])
        counts = density.column_counts(index, m.lane_of_row[rows], edges)
        dense = counts[:, 1] * DENSE_PX_PER_EVENT > width_px
        sparse_totals = np.where(dense, 0, counts.sum(axis=1))
        if sparse_totals.sum() > GLYPH_BUDGET:
            order = np.argsort(sparse_totals, kind="stable")  # smallest lanes keep glyphs
            dense[order[np.cumsum(sparse_totals[order]) > GLYPH_BUDGET]] = True
        self.dense_rows = rows[dense]
        self._draw_density(index, self.dense_rows, (x0, x1, y0, y1), width_px)
        self._draw_glyphs(index, rows[~dense], x0, x1)

    def _draw_density(
        self, index: density.LaneIndex, rows: np.ndarray, box: tuple, width_px: int
    ) -> None:
        x0, x1, y0, y1 = box
        if rows.size == 0:
            if self.density.has_image:
                self.density.set_image(None, QRectF())
            self.density_scale.setText("")
            return
        height_px = max(round(self.view_box.height()), 1)
        px_per_row = height_px / max(y1 - y0, 1e-9)
        strip = int(max(min(STRIP_PX, px_per_row * 0.45), 3))
        lanes = self.model.lane_of_row[rows]
        if self._grid is None or self._grid.index is not index:
            self._grid = day_grid.DayGrid(index)
        edges = density.pixel_edges(x0, x1, width_px)
        if self._grid.usable:
            counts = self._grid.mass(lanes, edges)
        else:
            counts = density.column_mass(index, lanes, edges)
        tops = np.round((rows + GLYPH_DY - y0) * px_per_row - strip / 2)
        colours = [lane_colour(int(r)) for r in rows]
        image, top = density_rgba(counts, tops, strip, colours, height_px, out=self.density.buffer)
        self.density.set_image(image, QRectF(x0, y0, x1 - x0, y1 - y0))
        self.density_scale.setText(scale_text(top))
        self.density_scale.setPos(self.note_area.width() - 2, self.note_area.height())

    def _draw_glyphs(self, index: density.LaneIndex, rows: np.ndarray, x0: float, x1: float):
        span, key = x1 - x0, self._glyph_key
        if (
            key is not None
            and key[0] == tuple(rows.tolist())
            and key[1] <= x0
            and x1 <= key[2]
            and 0.7 < span / key[3] < 1.4
        ):
            return  # the glyphs fetched last time cover this range at this zoom
        a, b = x0 - span, x1 + span
        self._glyph_key = (tuple(rows.tolist()), a, b, span)
        m = self.model
        shown = density.events_in_rows(index, m.lane_of_row[rows], a, b, m.start_s, m.max_span_s)
        self.glyphs = shown
        keys = style_keys(m.rows[shown], m.status[shown], m.hidden()[shown])
        unique_keys, inverse = np.unique(keys, return_inverse=True)
        pens = np.empty(unique_keys.size, dtype=object)
        brushes = np.empty(unique_keys.size, dtype=object)
        for k, key_value in enumerate(unique_keys.tolist()):
            pens[k], brushes[k] = self.style(*split_key(key_value))
        set_points(
            self.scatter,
            (self.anchor_x(shown), m.rows[shown] + GLYPH_DY),
            SYMBOLS[m.kind[shown]],
            pens[inverse],
            brushes[inverse],
        )
        bars = shown[m.is_bar[shown]]
        styles = {int(k): self.bar_style(*split_key(int(k))) for k in unique_keys.tolist()}
        bar_keys = keys[m.is_bar[shown]]
        # clipped to the glyph window: a year-long outline at minute zoom would be miles long
        starts, ends = np.maximum(m.start_s[bars], a), np.minimum(m.end_s[bars], b)
        # identical bars (a lane's many "2021" events) are drawn once: same picture, far fewer
        # overlapping translucent rectangles to fill and stroke
        unique = _first_of_each(bar_keys, starts, ends)
        self.bars.set_bars(
            starts[unique], ends[unique], m.rows[bars[unique]] + GLYPH_DY, bar_keys[unique], styles
        )

    def style(self, row: int, status: int, hidden: bool = False) -> tuple:
        """(pen, brush) of a lane row and status, faded for a hidden event; cached: shared
        objects draw faster."""
        key = (row % 1000, status, hidden)
        style = self._styles.get(key)
        if style is None:
            name = STATUSES[status] if 0 <= status < len(STATUSES) else "happened"
            colour = lane_colour(row)
            pen, brush = status_pen(colour, name), status_brush(colour, name)
            style = self._styles[key] = faded(pen, brush) if hidden else (pen, brush)
        return style

    def bar_style(self, row: int, status: int, hidden: bool = False) -> tuple:
        pen, brush = self.style(row, status, hidden)
        if brush.style() != Qt.BrushStyle.NoBrush:
            colour = brush.color()
            colour.setAlpha(int(colour.alpha() * 0.55))
            brush = QBrush(colour)
        return pen, brush

    def glyph_style(self, event_id: int) -> tuple | None:
        """(pen, brush) the glyph of ``event_id`` is drawn with, or None if it has no glyph."""
        hits = np.flatnonzero(self.model.ids[self.glyphs] == event_id)
        if hits.size == 0:
            return None
        point = self.scatter.data[int(hits[0])]
        return point["pen"], point["brush"]


def set_points(
    scatter: pg.ScatterPlotItem,
    xy: tuple[np.ndarray, np.ndarray],
    symbols: np.ndarray,
    pens: np.ndarray,
    brushes: np.ndarray,
) -> None:
    """``scatter.setData(x, y, symbol, pen, brush)`` for object arrays of shared pens and
    brushes, at a third of the cost: pyqtgraph converts per-point pens through a Python list
    (numpy then inspects every QPen, ~3 ms per 2000 points) and looks each point up in its
    symbol atlas once with the default style before the real one. Here the points are set
    without the atlas, the object arrays are copied into the point records as they are, and
    the atlas is consulted once."""
    scatter.setData(x=xy[0], y=xy[1], symbol=symbols, useCache=False)
    data = scatter.data
    data["pen"] = pens
    data["brush"] = brushes
    data["sourceRect"] = 0
    scatter.opts["useCache"] = True
    scatter.updateSpots(data)


def style_keys(rows: np.ndarray, status: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """One int per (row, status, hidden) drawing style; ``split_key`` reverses it."""
    return (rows.astype(np.int64) * 2 + hidden) * 8 + status


def split_key(key: int) -> tuple[int, int, bool]:
    """(row, status, hidden) of a ``style_keys`` value."""
    rest, status = divmod(key, 8)
    row, hidden = divmod(rest, 2)
    return row, status, bool(hidden)


def faded(pen: QPen, brush: QBrush) -> tuple[QPen, QBrush]:
    """A hidden event's look: the same outline and fill at a fraction of their opacity."""
    pen = QPen(pen)
    colour = pen.color()
    colour.setAlpha(int(colour.alpha() * HIDDEN_ALPHA))
    pen.setColor(colour)
    if brush.style() != Qt.BrushStyle.NoBrush:
        colour = brush.color()
        colour.setAlpha(int(colour.alpha() * HIDDEN_ALPHA))
        brush = QBrush(colour)
    return pen, brush


def _first_of_each(keys: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Positions of the first of each distinct (key, start, end)."""
    if keys.size < 2:
        return np.arange(keys.size)
    order = np.lexsort((ends, starts, keys))
    k, s, e = keys[order], starts[order], ends[order]
    new = np.ones(keys.size, dtype=bool)
    new[1:] = (k[1:] != k[:-1]) | (s[1:] != s[:-1]) | (e[1:] != e[:-1])
    return np.sort(order[new])
