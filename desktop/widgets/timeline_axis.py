"""The timeline's date axis, painted directly: the same ticks, grid and labels as ``DateAxis``
(``desktop.viewmodel.time_axis``), at a fraction of pyqtgraph's cost per frame.

pyqtgraph's ``AxisItem`` records every tick line and label into a ``QPicture`` (measuring each
label with ``QPainter.boundingRect``) whenever the range changes, then replays the picture.
Here a range change only computes tick positions with numpy; labels are ``QStaticText`` objects
laid out once per distinct string and kept, the lines of a level go in one ``drawLines`` call.
The label placement rule is pyqtgraph's: centred under the tick, dropped when it would stick
out of the axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPicture, QStaticText

from desktop.widgets.date_axis import DateAxis

MAX_CACHED_TEXTS = 4000  # distinct label strings kept laid out


@dataclass
class AxisFrame:
    """What one range of the axis draws (item coordinates)."""

    axis_line: QLineF
    levels: list[tuple[QPen, list[QLineF]]] = field(default_factory=list)
    texts: list[tuple[QPointF, QStaticText]] = field(default_factory=list)


def level_alpha(level: int, grid: int | bool, length_px: float, n_ticks: int) -> int:
    """pyqtgraph's tick/grid line opacity for tick level ``level`` (0 = major)."""
    alpha = 255.0 / (level + 1)
    if grid is not False:
        alpha *= float(grid) / 255.0 * float(np.clip(0.05 * length_px / (n_ticks + 1), 0.0, 1.0))
    return int(alpha)


def mix(colour: QColor, background: QColor, share: float) -> QColor:
    """An opaque colour: ``share`` of ``colour`` over ``background``."""
    share = min(max(share, 0.0), 1.0)
    channels = zip(colour.getRgb()[:3], background.getRgb()[:3], strict=True)
    return QColor(*(round(c * share + b * (1.0 - share)) for c, b in channels))


def tick_positions(values: list[float], r0: float, r1: float, width: float) -> np.ndarray:
    """Pixel x of tick ``values`` on an axis showing [r0, r1] over ``width`` pixels; ticks
    outside the axis are NaN."""
    v = np.asarray(values, dtype=np.float64)
    if r1 <= r0 or v.size == 0:
        return np.full(v.size, np.nan)
    x = (v - r0) * (width / (r1 - r0))
    return np.where((x >= 0.0) & (x <= width), x, np.nan)


class TimelineDateAxis(DateAxis):
    """``DateAxis`` (bottom) with a direct, cached paint."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._frame: AxisFrame | None = None
        self._texts: dict[str, tuple[QStaticText, float, float]] = {}
        self._text_font = ""
        self._grid_background: QColor | None = None
        self._pens: dict[tuple, QPen] = {}  # (tick pen colour, level alpha, background) -> pen

    def set_grid_background(self, colour: QColor | None) -> None:
        """Draw grid lines opaque, pre-mixed with ``colour`` (the view's background): the same
        shade as a translucent line over the background, at a twentieth of the blending cost."""
        self._grid_background = None if colour is None else QColor(colour)
        self.picture = None
        self.update()

    def level_pen(self, level: int, alpha: int) -> QPen:
        """The tick pen of a level at pyqtgraph's opacity (opaque over a known background);
        cached: the same few pens serve every frame."""
        tick = self.tickPen()
        background = self._grid_background
        key = (
            tick.color().rgba(),
            tick.widthF(),
            tick.style(),
            alpha,
            self.grid is not False,
            None if background is None else background.rgba(),
        )
        pen = self._pens.get(key)
        if pen is None:
            if len(self._pens) > 256:
                self._pens.clear()
            pen = self._pens[key] = self._make_pen(tick, alpha)
        return pen

    def _make_pen(self, tick: QPen, alpha: int) -> QPen:
        pen = QPen(tick)
        colour = QColor(pen.color())
        alpha = int(alpha * colour.alphaF())
        background = self._grid_background
        if self.grid is not False and background is not None:
            colour = mix(colour, background, alpha / 255.0)
        else:
            colour.setAlpha(alpha)
        pen.setColor(colour)
        return pen

    def _font(self) -> QFont:
        return self.style.get("tickFont") or self.font()

    def _static(self, text: str, font: QFont) -> tuple[QStaticText, float, float]:
        """A laid-out label with its width and (pyqtgraph's trimmed) height; cached."""
        key = font.toString()
        if key != self._text_font or len(self._texts) > MAX_CACHED_TEXTS:
            self._texts, self._text_font = {}, key
        hit = self._texts.get(text)
        if hit is None:
            metrics = QFontMetricsF(font)
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            hit = self._texts[text] = (static, metrics.horizontalAdvance(text), metrics.height())
        return hit

    def build_frame(self) -> AxisFrame | None:
        """Tick lines (grid lines across the linked view when the grid is on) and labels for
        the current range and geometry."""
        bounds = self.mapRectFromParent(self.geometry())
        width = bounds.width()
        r0, r1 = float(self.range[0]), float(self.range[1])
        if width <= 0 or r1 <= r0:
            return None
        view = self.linkedView()
        stop = bounds.top()
        grid_top = stop
        if view is not None and self.grid is not False:
            grid_top = view.mapRectToItem(self, view.boundingRect()).top()
        frame = AxisFrame(QLineF(bounds.left() - 1, stop + 1, bounds.right() + 1, stop + 1))
        tick_length = float(self.style["tickLength"])
        font = self._font()
        text_top = stop + max(0.0, tick_length) + self.style["tickTextOffset"][1]
        for i, (spacing, values) in enumerate(self.tickValues(r0, r1, width)):
            xs = tick_positions(values, r0, r1, width)
            pen = self.level_pen(i, level_alpha(i, self.grid, width, len(values)))
            end = stop if self.grid is not False else stop + tick_length / (i * 0.5 + 1.0)
            top = grid_top if self.grid is not False else stop
            lines = [QLineF(x, top, x, end) for x in xs[~np.isnan(xs)].tolist()]
            frame.levels.append((pen, lines))
            if not self.style["showValues"] or i > self.style["maxTextLevel"]:
                continue
            self._add_texts(frame, values, xs, spacing, font, (text_top, bounds))
        return frame

    def _add_texts(self, frame: AxisFrame, values, xs, spacing, font, place) -> None:
        text_top, bounds = place
        keep = ~np.isnan(xs)
        shown = [v for v, k in zip(values, keep.tolist(), strict=True) if k]
        labels = self.tickStrings(shown, 1.0, spacing)
        for x, label in zip(xs[keep].tolist(), labels, strict=True):
            static, w, h = self._static(label, font)
            left = x - w / 2.0
            inside = bounds.left() <= left and left + w <= bounds.right()
            if not inside or text_top + h * 0.8 > bounds.bottom():
                continue  # pyqtgraph drops a label that sticks out of the axis
            frame.texts.append((QPointF(left, text_top), static))

    def paint(self, p: QPainter, *args) -> None:
        if self.picture is None:  # pyqtgraph drops it on a range, size or style change
            self._frame = self.build_frame()
            self.picture = QPicture()
        frame = self._frame
        if frame is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setPen(self.pen())
        p.drawLine(frame.axis_line)
        for pen, lines in frame.levels:
            if lines:
                p.setPen(pen)
                p.drawLines(lines)
        p.setPen(self.textPen())
        p.setFont(self._font())
        for point, static in frame.texts:
            p.drawStaticText(point, static)

    def label_texts(self) -> list[str]:
        """The tick labels drawn for the current range (for tests and screenshots)."""
        if self.picture is None or self._frame is None:
            self._frame = self.build_frame()
            self.picture = QPicture()
        return [] if self._frame is None else [s.text() for _, s in self._frame.texts]


__all__ = ["AxisFrame", "TimelineDateAxis", "level_alpha", "mix", "tick_positions"]
