"""Date spreads on the timeline: one graphics item for every whisker and article-count badge.

For each event drawn as a glyph in view whose articles give it different dates
(``date_spread.disagrees``), a thin horizontal whisker with end caps spans the claims
(``whisker_span_s``), a few pixels under the glyph on its lane row; beside each glyph backed by
two or more articles, a small badge holds the count ("3"). Labels sit above the glyphs, so
badges (right of the glyph, at its height) and whiskers (below it) keep clear of them.

All whiskers are one ``QPainterPath`` (built when the view or the data change, drawn with one
cached pen) and badges are drawn in device pixels by the same ``paint``: never one item per
event. Nothing is drawn, and nothing fetched, when more than ``MAX_EVENTS`` glyphs are in view
or when the lanes in view are density strips (they have no glyphs): the per-frame cost at 10^6
events is then one count over the glyph window. Colours follow the timeline's palette.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from desktop.viewmodel.date_spread import (
    DateSpreadCache,
    StoreSpreadSource,
    bind_to_store_model,
    disagrees,
    whisker_span_s,
)
from desktop.widgets.timeline_lod import GLYPH_DY, GLYPH_PX
from desktop.widgets.timeline_palette import TimelineColours

MAX_EVENTS = 400  # glyphs in view above which nothing is drawn
WHISKER_DY_PX = GLYPH_PX / 2 + 4.0  # whisker below the glyph centre
CAP_PX = 3.0  # half-height of a whisker's end caps
BADGE_DX_PX = GLYPH_PX / 2 + 4.0  # badge's left edge right of the glyph centre
Z_VALUE = 11  # above glyphs (3), labels (5) and the selection ring (10): badges stay legible


class SpreadItem(pg.GraphicsObject):
    """Whiskers and article-count badges of the glyphs in a ``TimelineView``'s view box.

    Reads the view's public parts (``view_box``, ``model``, ``lod.glyphs``, ``colours``) and
    the ``cache`` of spreads; it adds itself to the view box and refreshes after the view's
    own frame update (its slots are connected after the view's)."""

    def __init__(self, view: Any, cache: DateSpreadCache) -> None:
        super().__init__()
        self.view, self.cache = view, cache
        self.path = QPainterPath()  # every whisker, in view coordinates
        self.badges: list[tuple[float, float, str]] = []  # (x_s, y_row, text)
        self.whisker_ids: list[int] = []  # events with a whisker now (for tests and tooltips)
        self._bounds = QRectF()
        self._colours: TimelineColours | None = None
        self._pen, self._badge_pen, self._text_pen = QPen(), QPen(), QPen()
        self._badge_brush = QBrush()
        self.font = QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF() - 2.0, 6.5))
        self._metrics = QFontMetricsF(self.font)
        self.setZValue(Z_VALUE)
        view.view_box.addItem(self, ignoreBounds=True)
        view.view_box.sigXRangeChanged.connect(self.refresh)
        view.view_box.sigYRangeChanged.connect(self.refresh)
        view.view_box.sigResized.connect(self.refresh)
        view.lane_scroll.valueChanged.connect(self.refresh)
        model = view.model
        for signal in (model.columns_changed, model.mask_changed, model.hidden_changed):
            signal.connect(self.refresh)

    # -- data -----------------------------------------------------------------------------------
    def glyphs_in_view(self) -> np.ndarray:
        """Indices of the events drawn as glyphs inside the visible range and lanes."""
        m, vb = self.view.model, self.view.view_box
        idx = np.asarray(self.view.lod.glyphs, dtype=np.int64)
        if idx.size == 0 or m.columns is None:
            return idx[:0]
        (x0, x1), (y0, y1) = vb.viewRange()
        rows = m.rows[idx]
        keep = (rows >= y0) & (rows <= y1) & (m.end_s[idx] > x0) & (m.start_s[idx] <= x1)
        return idx[keep]

    def refresh(self, *_args: object) -> None:
        """Rebuild whiskers and badges for the glyphs in view (nothing above MAX_EVENTS)."""
        idx = self.glyphs_in_view()
        path, badges, whiskers = QPainterPath(), [], []
        if 0 < idx.size <= MAX_EVENTS:
            m = self.view.model
            ids = m.ids[idx].tolist()
            anchors = self.view.lod.anchor_x(idx).tolist()
            rows = m.rows[idx].tolist()
            sx, sy = self._pixel_size()
            for event_id, x, row, spread in zip(
                ids, anchors, rows, self.cache.spreads(ids), strict=True
            ):
                y = row + GLYPH_DY
                span = whisker_span_s(spread) if disagrees(spread) else None
                if span is not None:
                    _add_whisker(path, span, y + WHISKER_DY_PX * sy, CAP_PX * sy)
                    whiskers.append(int(event_id))
                if spread is not None and spread.n_articles >= 2:
                    badges.append((x + BADGE_DX_PX * sx, y, str(spread.n_articles)))
            self._set_bounds(path, badges, sx, sy)
        elif self.path.isEmpty() and not self.badges:
            return  # nothing drawn, nothing to draw: no repaint
        elif not self._bounds.isNull():
            self.prepareGeometryChange()
            self._bounds = QRectF()
        self.path, self.badges, self.whisker_ids = path, badges, whiskers
        self.update()

    def _pixel_size(self) -> tuple[float, float]:
        """View units per device pixel (x seconds, y rows)."""
        vb = self.view.view_box
        (x0, x1), (y0, y1) = vb.viewRange()
        return (x1 - x0) / max(vb.width(), 1.0), (y1 - y0) / max(vb.height(), 1.0)

    def _set_bounds(self, path: QPainterPath, badges: list, sx: float, sy: float) -> None:
        rect = None if path.isEmpty() else path.boundingRect()
        for x, y, text in badges:
            w = (self._metrics.horizontalAdvance(text) + 8.0) * sx
            h = (self._metrics.height() + 4.0) * sy
            box = QRectF(x, y - h, w, 2 * h)
            rect = box if rect is None else rect.united(box)
        rect = QRectF() if rect is None else rect.adjusted(-4 * sx, -4 * sy, 4 * sx, 4 * sy)
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect

    # -- drawing --------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def _update_pens(self) -> None:
        colours = getattr(self.view, "colours", None)
        if colours is None or colours is self._colours:
            return
        self._colours = colours
        self._pen = QPen(colours.text, 1.2)
        self._pen.setCosmetic(True)
        self._pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self._badge_pen = QPen(colours.line, 1.0)
        self._badge_pen.setCosmetic(True)
        self._badge_brush = QBrush(colours.background)
        self._text_pen = QPen(colours.text)

    def paint(self, painter: QPainter, *_args: object) -> None:
        if self.path.isEmpty() and not self.badges:
            return
        self._update_pens()
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        if not self.badges:
            return
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()  # badges are drawn in device pixels: text at its own size
        painter.setFont(self.font)
        h = self._metrics.height()
        for x, y, text in self.badges:
            at = to_device.map(QPointF(x, y))
            w = self._metrics.horizontalAdvance(text) + 6.0
            box = QRectF(at.x(), at.y() - h / 2 - 1.0, w, h + 2.0)
            painter.setPen(self._badge_pen)
            painter.setBrush(self._badge_brush)
            painter.drawRoundedRect(box, 3.0, 3.0)
            painter.setPen(self._text_pen)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _add_whisker(path: QPainterPath, span: tuple[float, float], y: float, cap: float) -> None:
    """A horizontal line from span[0] to span[1] at ``y``, with vertical end caps."""
    x0, x1 = span
    path.moveTo(x0, y)
    path.lineTo(x1, y)
    for x in (x0, x1):
        path.moveTo(x, y - cap)
        path.lineTo(x, y + cap)


def install_date_spreads(view: Any, store_model: Any) -> SpreadItem:
    """Whiskers and article badges on a ``TimelineView``, from the store ``store_model`` has
    open (read through a connection of their own). Call before the window connects its own
    store slots, so the cache is cleared before the timeline redraws with new data."""
    source = StoreSpreadSource(lambda: store_model.path if store_model.is_open else None)
    cache = DateSpreadCache(source)
    bind_to_store_model(cache, store_model, source)
    item = SpreadItem(view, cache)
    item.refresh()
    return item
