"""The timeline's date axis: UTC ticks and labels from ``desktop.viewmodel.time_axis``.

Overrides only ``tickValues`` / ``tickStrings`` (and refreshes the axis label with the date
context the ticks do not show, e.g. the day when zoomed into hours).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from desktop.viewmodel import time_axis as ta


class DateAxis(pg.AxisItem):
    """Bottom axis for epoch seconds (UTC), readable from centuries down to minutes."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._units: dict[float, tuple[ta.TickUnit, bool]] = {}
        self._context = ""
        self._widths: dict[str, float] = {}  # label text -> width in the tick font
        self._widths_font = ""
        self._metrics = QFontMetricsF(self.font())
        self.enableAutoSIPrefix(False)
        # our levels are built not to overlap: never let pyqtgraph drop the minor labels
        self.setStyle(textFillLimits=[(0, 2.0)], maxTextLevel=1)

    def _measure(self, text: str) -> float:
        """Width of ``text`` in the tick font (cached: the same labels are measured on every
        range change while choosing the tick levels)."""
        font = self.style.get("tickFont") or self.font()
        key = font.toString()
        if key != self._widths_font or len(self._widths) > 4000:
            self._widths, self._widths_font = {}, key
            self._metrics = QFontMetricsF(font)
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def tickValues(self, minVal: float, maxVal: float, size: float):
        major, minor = ta.choose_levels(minVal, maxVal, size, self._measure)
        majors, minors = ta.level_ticks(major, minor, minVal, maxVal)
        major_key, minor_key = major.min_spacing_s, minor.min_spacing_s
        if major_key == minor_key:  # never happens with the shipped units; keep keys distinct
            minor_key = minor_key * 0.5
        self._units = {major_key: (major, True), minor_key: (minor, False)}
        self._update_context(ta.context_label(minVal, maxVal, minor))
        return [(major_key, majors), (minor_key, minors)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        unit, is_major = self._units.get(spacing, (ta.TickUnit("year", 1), True))
        return [ta.tick_label(v, unit, is_major) for v in values]

    def _update_context(self, context: str) -> None:
        """The axis label: set as rich text once (pyqtgraph's ``setLabel`` lays the axis out
        again), then as plain text, re-centred, when the context changes while panning."""
        text = f"{context}  (UTC)" if context else "UTC"
        if text == self._context:
            return
        self._context = text
        if not self.label.isVisible() or not self.labelText:
            self.setLabel(text)
            return
        self.labelText = text  # pyqtgraph rebuilds the label from it on a style change
        self.label.setDefaultTextColor(self.textPen().color())
        self.label.setPlainText(text)
        width = self.label.boundingRect().width()
        self.label.setX(int(self.size().width() / 2.0 - width / 2.0))

    @property
    def context(self) -> str:
        """The axis label's current text (date context + "UTC")."""
        return self._context
