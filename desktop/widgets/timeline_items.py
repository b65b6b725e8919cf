"""Graphics items of the timeline that pyqtgraph does not have: all interval bars in one item.

``BarsItem`` draws every interval event (a month, a season, "earlier this year") as a bar
spanning its dates. Bars are grouped by (lane row, status) and each group's overlapping bars
are merged into their union when the data or the filter changes (``union_intervals``), so a
lane's many "2021" events are one rectangle: no overdraw, no outline per hidden edge. Painting
maps the merged bars to device pixels with numpy, clips them to the painter's device (a bar a
year long at minute zoom is a view wide, not miles), caches the rectangles per transform, and
draws a handful of ``drawRects`` calls with an identity world transform.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform

BAR_HALF_HEIGHT = 0.1  # in lane rows, at most (see set_half_height)
CLIP_MARGIN_PX = 16.0  # bars are clipped this far outside the device (outlines stay off it)


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


def union_intervals(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The union of intervals [starts[i], ends[i]] as disjoint intervals sorted by start
    (touching or overlapping intervals merge)."""
    if starts.size == 0:
        return np.zeros(0), np.zeros(0)
    order = np.argsort(starts, kind="stable")
    s = np.asarray(starts, dtype=np.float64)[order]
    reach = np.maximum.accumulate(np.asarray(ends, dtype=np.float64)[order])
    new = np.ones(s.size, dtype=bool)
    new[1:] = s[1:] > reach[:-1]
    first = np.flatnonzero(new)
    last = np.r_[first[1:] - 1, s.size - 1]
    return s[first], reach[last]


class BarsItem(pg.GraphicsObject):
    """Interval bars: per (row, status) style group and lane position, the union of its bars."""

    def __init__(self) -> None:
        super().__init__()
        # per group (style and lane position): (pen, brush, outline, number of merged bars);
        # the merged bars of all groups, in group order: (starts, ends, ys), data coordinates
        self._groups: list[tuple[QPen, QBrush, tuple | None, int]] = []
        self._flat: tuple = (np.zeros(0), np.zeros(0), np.zeros(0))
        self._bounds = QRectF()
        self.half_height = BAR_HALF_HEIGHT
        self._painted: tuple | None = None  # (cache key, [(rects, pen, brush), …])

    def set_bars(
        self,
        starts: np.ndarray,
        ends: np.ndarray,
        ys: np.ndarray,
        style_keys: np.ndarray,
        styles: dict[int, tuple[QPen, QBrush]],
    ) -> None:
        """Bars [starts[i], ends[i]] centred on ys[i]; ``styles[style_keys[i]]`` = (pen, brush)."""
        starts, ends = np.asarray(starts, dtype=np.float64), np.asarray(ends, dtype=np.float64)
        ys = np.asarray(ys, dtype=np.float64)
        self.prepareGeometryChange()
        self._groups = []
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for key, part in group_slices(np.asarray(style_keys, dtype=np.int64)):
            pen, brush = styles[key]
            for y in np.unique(ys[part]).tolist():
                same = part[ys[part] == y]
                merged = union_intervals(starts[same], ends[same])
                parts.append((*merged, np.full(merged[0].size, float(y))))
                self._groups.append((pen, brush, _outline(pen), merged[0].size))
        if parts:
            self._flat = tuple(np.concatenate([part[c] for part in parts]) for c in range(3))
        else:
            self._flat = (np.zeros(0), np.zeros(0), np.zeros(0))
        if starts.size:
            lo, hi = float(np.min(starts)), float(np.max(ends))
            y0, y1 = float(np.min(ys)) - 0.5, float(np.max(ys)) + 0.5
            self._bounds = QRectF(lo, y0, max(hi - lo, 1.0), y1 - y0)
        else:
            self._bounds = QRectF()
        self._painted = None
        self.update()

    def set_half_height(self, half_height: float) -> None:
        """Bar half-height in lane rows (the view keeps bars a few pixels tall)."""
        if abs(half_height - self.half_height) > 1e-3:
            self.half_height = half_height
            self._painted = None
            self.update()

    @property
    def group_count(self) -> int:
        return len(self._groups)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def device_rects(self, transform: QTransform, width: float, height: float) -> list[tuple]:
        """[(body, edges, ends, brush, edge brush, end brush), …]: the bars under ``transform``
        (item to device, axis-aligned) on a ``width`` × ``height`` device as integer pixel
        rectangles, the outline as filled edges (the pen's width, dashed by a texture); bars
        off the device are dropped and the others clipped just outside it."""
        if not self._groups:
            return []
        starts, ends, ys = self._flat
        sx, dx, sy, dy = transform.m11(), transform.dx(), transform.m22(), transform.dy()
        lo, hi = -CLIP_MARGIN_PX, width + CLIP_MARGIN_PX
        half = self.half_height * abs(sy)
        cy = sy * ys + dy
        top = np.round(cy - half).astype(np.int64)
        h = np.maximum(np.round(cy + half).astype(np.int64) - top, 1)
        a, b = sx * starts + dx, sx * ends + dx
        left, right = np.minimum(a, b), np.maximum(a, b)
        on = (right >= lo) & (left <= hi) & (top + h >= -CLIP_MARGIN_PX)
        on &= top <= height + CLIP_MARGIN_PX
        x0 = np.floor(np.clip(left, lo, hi)).astype(np.int64)
        w = np.maximum(np.ceil(np.clip(right, lo, hi)).astype(np.int64) - x0, 1)
        rects = list(zip(x0.tolist(), top.tolist(), w.tolist(), h.tolist(), strict=True))
        on_list, out, k = on.tolist(), [], 0
        for _, brush, outline, n in self._groups:
            shown = [
                r for r, keep in zip(rects[k : k + n], on_list[k : k + n], strict=True) if keep
            ]
            k += n
            if shown:
                out.append(_group_rects(shown, brush, outline))
        return out

    def paint(self, p: QPainter, *args) -> None:
        transform = p.transform()
        device = p.device()
        width, height = float(device.width()), float(device.height())
        key = (transform, width, height, self.half_height)
        if self._painted is None or self._painted[0] != key:
            self._painted = (key, self.device_rects(transform, width, height))
        p.save()
        p.resetTransform()
        p.setPen(Qt.PenStyle.NoPen)
        for body, edges, ends, brush, edge_brush, end_brush in self._painted[1]:
            p.setBrush(brush)
            p.drawRects(body)
            if edges:
                p.setBrush(edge_brush)
                p.drawRects(edges)
                p.setBrush(end_brush)
                p.drawRects(ends)
        p.restore()


def _group_rects(rects: list[tuple], brush: QBrush, outline: tuple | None) -> tuple:
    """(body, edges, ends, brush, edge brush, end brush) of one group's (x, y, w, h) rects."""
    body = [QRect(*r) for r in rects]
    if outline is None:
        return body, [], [], brush, None, None
    px, edge_brush, end_brush = outline
    edges = [QRect(x, y, w, px) for x, y, w, _ in rects]
    edges += [QRect(x, y + h - px, w, px) for x, y, w, h in rects]
    ends = [QRect(x, y, px, h) for x, y, _, h in rects]
    ends += [QRect(x + w - px, y, px, h) for x, y, w, h in rects]
    return body, edges, ends, brush, edge_brush, end_brush


_OUTLINES: dict[tuple, tuple[int, QBrush, QBrush] | None] = {}


def _outline(pen: QPen) -> tuple[int, QBrush, QBrush] | None:
    """(width px, brush of the long edges, brush of the ends) drawing ``pen``'s outline as
    filled rectangles (a cosmetic pen stroked by Qt costs ~0.3 ms a view-wide bar), or None
    for no outline. A dashed pen's long edges are filled with a texture of its dashes."""
    colour = pen.color()
    dashes = tuple(pen.dashPattern()) if pen.style() == Qt.PenStyle.CustomDashLine else ()
    key = (pen.style(), colour.rgba(), pen.widthF(), dashes)
    if key not in _OUTLINES:
        if pen.style() == Qt.PenStyle.NoPen or colour.alpha() == 0:
            _OUTLINES[key] = None
        else:
            px = max(round(pen.widthF()), 1)
            solid = QBrush(colour)
            _OUTLINES[key] = (px, dash_brush(colour, dashes, pen.widthF()) or solid, solid)
    return _OUTLINES[key]


def dash_brush(colour: QColor, dashes: tuple, pen_width: float) -> QBrush | None:
    """A brush tiling ``dashes`` (on, off, … in pen widths) horizontally, or None if solid."""
    lengths = [max(round(d * max(pen_width, 1.0)), 1) for d in dashes]
    if len(lengths) < 2:
        return None
    image = QImage(sum(lengths), 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    x = 0
    for k, length in enumerate(lengths):
        if k % 2 == 0:
            for i in range(x, x + length):
                image.setPixelColor(i, 0, colour)
        x += length
    return QBrush(image)
