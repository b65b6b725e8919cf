"""The timeline's neutral colours, taken from a QPalette so the timeline follows the system's
light or dark palette: Base for the plot, AlternateBase for the undated tray, Text for names,
labels and axis text, Mid for axis lines, and a grid a quarter of the way from Base to Mid (a
faint, opaque line on either). Lane colours are not here: they read on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

GRID_MIX = 0.25  # grid colour: this far from Base towards Mid


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour ``t`` of the way from ``a`` to ``b`` (opaque)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


@dataclass(frozen=True)
class TimelineColours:
    """Neutral colours of the timeline for one palette."""

    background: QColor
    tray: QColor
    text: QColor
    faint_text: QColor  # notes and legend labels: between Text and Base
    line: QColor
    grid: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> TimelineColours:
        group = QPalette.ColorGroup.Active
        base = palette.color(group, QPalette.ColorRole.Base)
        text = palette.color(group, QPalette.ColorRole.Text)
        mid = palette.color(group, QPalette.ColorRole.Mid)
        return cls(
            background=base,
            tray=palette.color(group, QPalette.ColorRole.AlternateBase),
            text=text,
            faint_text=mix(text, base, 0.25),
            line=mid,
            grid=mix(base, mid, GRID_MIX),
        )

    def is_dark(self) -> bool:
        return self.background.lightness() < self.text.lightness()
