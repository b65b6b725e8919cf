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
        self.enableAutoSIPrefix(False)
        # our levels are built not to overlap: never let pyqtgraph drop the minor labels
        self.setStyle(textFillLimits=[(0, 2.0)], maxTextLevel=1)

    def _measure(self, text: str) -> float:
        font = self.style.get("tickFont") or self.font()
        return QFontMetricsF(font).horizontalAdvance(text)

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
        text = f"{context}  (UTC)" if context else "UTC"
        if text != self._context:
            self._context = text
            self.setLabel(text)

    @property
    def context(self) -> str:
        """The axis label's current text (date context + "UTC")."""
        return self._context
