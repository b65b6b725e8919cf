"""Glyph legend: one symbol per kind, then how status is drawn (filled, hollow, dashed).

A graphics item (not a QWidget) so it sits in the timeline's scene and is part of every export
of the timeline. Its texts are our own fixed strings, painted as plain text.
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy

from desktop.viewmodel.glyphs import STATUS_STYLES, legend_entries

SYMBOL_PX = 11
GAP_PX = 16
HEIGHT_PX = 22


def status_pen(colour: str, status: str) -> QPen:
    """Outline of a glyph or bar drawn with ``status``'s style (shared by view and legend)."""
    style = STATUS_STYLES[status]
    pen = QPen(QColor(colour), style.pen_width)
    pen.setCosmetic(True)
    if style.dash:
        pen.setDashPattern(list(style.dash))
    return pen


def status_brush(colour: str, status: str) -> QBrush:
    """Fill of a glyph or bar drawn with ``status``'s style (hollow for planned)."""
    style = STATUS_STYLES[status]
    if style.fill_alpha == 0:
        return QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(colour)
    fill.setAlpha(style.fill_alpha)
    return QBrush(fill)


class LegendItem(pg.GraphicsWidget):
    """A one-line legend strip: kinds by symbol, statuses by fill and outline."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str, str, str]] = [
            (symbol, label, "happened") for symbol, label in legend_entries()
        ]
        self.entries += [
            ("o", "happened", "happened"),
            ("o", "planned", "planned"),
            ("o", "reported", "reported"),
        ]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(HEIGHT_PX)
        self.setMaximumHeight(HEIGHT_PX)
        self.ink, self.line = QColor("#444444"), QColor("#bbbbbb")

    def set_colours(self, ink: QColor, line: QColor) -> None:
        """Text and symbol colour, separator colour (the timeline's palette)."""
        self.ink, self.line = QColor(ink), QColor(line)
        self.update()

    def labels(self) -> list[str]:
        return [label for _, label, _ in self.entries]

    def paint(self, p: QPainter, *args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(p.font())
        rect = self.boundingRect()
        x, mid = rect.left() + 8.0, rect.center().y()
        n_kinds = len(self.entries) - 3
        for i, (symbol, label, status) in enumerate(self.entries):
            if i == n_kinds:  # separator between kinds and statuses
                p.setPen(QPen(self.line, 1))
                p.drawLine(QPointF(x, mid - 7), QPointF(x, mid + 7))
                x += GAP_PX * 0.75
            p.save()
            p.translate(x + SYMBOL_PX / 2, mid)
            ink = self.ink.name()
            drawSymbol(p, symbol, SYMBOL_PX, status_pen(ink, status), status_brush(ink, status))
            p.restore()
            x += SYMBOL_PX + 5
            width = metrics.horizontalAdvance(label)
            p.setPen(QPen(self.ink))
            text_rect = QRectF(x, rect.top(), width + 2, rect.height())
            p.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), label)
            x += width + GAP_PX
