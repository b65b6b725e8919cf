"""Render a widget to PNG (1× or 2×), SVG or PDF, with provenance embedded. No dialogs.

- PNG: ``QWidget.render`` into a ``QImage`` at the asked scale; provenance as a text chunk.
- SVG: ``QSvgGenerator`` with ``setResolution(logicalDpiX())`` (pyqtgraph's own SVG exporter
  mis-renders with current Qt); provenance in a ``<metadata>`` element.
- PDF: ``QPdfWriter`` one page the size of the widget; provenance as XMP metadata and title.

Vector exports draw scatter glyphs as shapes: pyqtgraph normally blits them from a pixmap
atlas with ``drawPixmapFragments``, which QSvgGenerator writes as the whole atlas per glyph.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QByteArray, QMarginsF, QPoint, QRect, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

from desktop.export.provenance import (
    PROVENANCE_KEY,
    svg_metadata_element,
    to_json,
    xmp_packet,
)

FORMATS = ("png", "svg", "pdf")
_EXACT = QPageSize.SizeMatchPolicy.ExactMatch


class ExportError(Exception):
    """The export could not be written (unknown format, unwritable path)."""


def export_format(path: str | Path) -> str:
    """The format named by a file's suffix; raises ExportError for an unknown one."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"unknown export format {suffix!r}: use .png, .svg or .pdf")
    return suffix


def export_widget(
    widget: QWidget,
    path: str | Path,
    provenance: Mapping[str, Any] | None = None,
    *,
    scale: float = 1.0,
) -> Path:
    """Write ``widget`` as it is now to ``path`` (format from the suffix)."""
    path = Path(path)
    fmt = export_format(path)
    if fmt == "png":
        image = render_image(widget, scale)
        if provenance is not None:
            image.setText(PROVENANCE_KEY, to_json(provenance))
        if not image.save(str(path), "PNG"):
            raise ExportError(f"could not write {path}")
    elif fmt == "svg":
        _export_svg(widget, path, provenance)
    else:
        _export_pdf(widget, path, provenance)
    return path


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """The widget painted into an image of ``scale`` × its size (device pixel ratio set)."""
    size = widget.size()
    image = QImage(
        max(1, round(size.width() * scale)),
        max(1, round(size.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _paint(widget, painter)
    finally:
        painter.end()
    return image


def _paint(widget: QWidget, painter: QPainter) -> None:
    # QWidget.render explicitly: QGraphicsView (pyqtgraph's plot widget) overloads ``render``
    # with a scene-rendering signature; the widget path paints exactly what is on screen.
    QWidget.render(widget, painter, QPoint(0, 0))


@contextlib.contextmanager
def vector_symbols(widget: QWidget) -> Iterator[int]:
    """While open, every scatter in ``widget`` paints its glyphs as shapes; yields how many."""
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    scatters = [
        item
        for view in views
        if view.scene() is not None
        for item in view.scene().items()
        if isinstance(item, pg.ScatterPlotItem) and item.opts.get("useCache", False)
    ]
    for item in scatters:
        item.opts["useCache"] = False
    try:
        yield len(scatters)
    finally:
        for item in scatters:
            item.opts["useCache"] = True


def copy_to_clipboard(widget: QWidget, scale: float = 1.0) -> QImage:
    """Put a picture of the widget on the clipboard; returns it."""
    image = render_image(widget, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def _export_svg(widget: QWidget, path: Path, provenance: Mapping[str, Any] | None) -> None:
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(widget.logicalDpiX())
    generator.setTitle("Eventline timeline")
    generator.setDescription(_description(provenance))
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(f"could not write {path}")
    try:
        with vector_symbols(widget):
            _paint(widget, painter)
    finally:
        painter.end()
    if provenance is not None:
        _insert_svg_metadata(path, svg_metadata_element(provenance))


def _insert_svg_metadata(path: Path, element: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.find("<svg")
    close = text.find(">", start)
    if start < 0 or close < 0:
        raise ExportError(f"{path} is not an SVG file")
    path.write_text(text[: close + 1] + "\n" + element + text[close + 1 :], encoding="utf-8")


def _export_pdf(widget: QWidget, path: Path, provenance: Mapping[str, Any] | None) -> None:
    size = widget.size()
    dpi = max(1, widget.logicalDpiX())
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    points = QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(
                points, QPageSize.Unit.Point, "eventline", QPageSize.SizeMatchPolicy.ExactMatch
            ),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle("Eventline timeline")
    writer.setCreator(_description(provenance))
    if provenance is not None:
        writer.setDocumentXmpMetadata(QByteArray(xmp_packet(provenance)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"could not write {path}")
    try:
        page = writer.pageLayout().paintRectPixels(dpi)
        factor = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
        painter.scale(factor, factor)
        with vector_symbols(widget):
            _paint(widget, painter)
    finally:
        painter.end()


def _description(provenance: Mapping[str, Any] | None) -> str:
    if not provenance:
        return "Eventline"
    parts = [f"Eventline: {provenance.get('store_file') or '?'}"]
    parts.append(f"uuid {provenance.get('store_uuid')} generation {provenance.get('generation')}")
    if provenance.get("query"):
        parts.append(f"search {provenance['query']!r}")
    parts.append(
        f"{provenance.get('n_shown', 0)} events, ids sha256 {provenance.get('ids_sha256')}"
    )
    return "; ".join(parts)
