"""Left axis of the timeline: one tick per lane, labelled with the actor's name.

The width is explicit (pyqtgraph otherwise sizes it after the first frame, and the labels are
missing from it). Names are drawn as plain text and elided when too long. Colours are set by
the timeline from its palette.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

MIN_WIDTH = 60
MAX_WIDTH = 170


class LaneAxis(pg.AxisItem):
    """Actor names at integer y positions (row 0 at the top of an inverted view)."""

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.setStyle(tickLength=0, autoExpandTextSpace=False, hideOverlappingLabels=False)
        self.setWidth(MIN_WIDTH)
        self.names: list[str] = []

    def set_lanes(self, names: list[str]) -> None:
        """Label rows 0..n-1 with ``names``; size the axis to the longest (within limits)."""
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0.0)
        width = int(min(max(widest * 1.15 + 22, MIN_WIDTH), MAX_WIDTH))
        room = width - 14
        self.names = [
            metrics.elidedText(n, Qt.TextElideMode.ElideRight, room) if n else "(no actor)"
            for n in names
        ]
        self.setTicks([[(float(i), name) for i, name in enumerate(self.names)], []])
        self.setWidth(width)
