"""Density strips: lanes with more events in view than pixels can show, drawn as counts per
pixel column.

``density_rgba`` turns a (lanes × pixel columns) count array into one premultiplied BGRA
image (numpy only); ``DensityItem`` paints that image at native device resolution (no scaling:
the image is exactly the view box's size in device pixels), so one frame costs one blit
whatever the number of events. Darker = more events (square-root scale; a column holding only
a share of a long interval is faint); ``scale_text`` says what darkest means.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

MIN_ALPHA = 70  # a single event stays visible
FAINT_ALPHA = 22  # a column holding a small share of a long interval
STRIP_PX = 10  # strip height in pixels (at most; less when lanes are thinner)


def density_rgba(
    counts: np.ndarray,
    tops_px: np.ndarray,
    strip_px: int,
    colours: list[str],
    height_px: int,
    cmax: float | None = None,
    out: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """A (height_px, width) BGRA premultiplied image with one strip per row of ``counts`` whose
    top pixel is ``tops_px[k]`` and colour ``colours[k]``; alpha grows with sqrt(count / cmax)
    (cmax: the largest count, unless given), and a column with a whole event is never fainter
    than MIN_ALPHA. ``out`` (an image of the same shape) is reused when given. Returns
    (image, the count that maps to full colour)."""
    k, width = counts.shape
    shape = (max(int(height_px), 1), width, 4)
    if out is not None and out.shape == shape and out.dtype == np.uint8:
        image = out  # the previous frame's buffer: cleared, not reallocated
        image.fill(0)
    else:
        image = np.zeros(shape, dtype=np.uint8)
    if k == 0 or width == 0:
        return image, 0.0
    top = float(cmax if cmax is not None else counts.max())
    if top <= 0:
        return image, 0.0
    alpha = FAINT_ALPHA + (255 - FAINT_ALPHA) * np.sqrt(np.minimum(counts, top) / top)
    alpha = np.where(counts >= 1, np.maximum(alpha, MIN_ALPHA), alpha)
    alpha = np.where(counts > 0, alpha, 0.0)  # (k, width)
    for row in range(k):
        first = int(tops_px[row])
        lo, hi = max(first, 0), min(first + strip_px, image.shape[0])
        if hi <= lo:
            continue
        c = QColor(colours[row])
        a = alpha[row]
        pixel = np.stack([c.blue() * a / 255, c.green() * a / 255, c.red() * a / 255, a], axis=-1)
        image[lo:hi] = pixel.astype(np.uint8)[None, :, :]
    return image, top


def scale_text(top: float) -> str:
    """What the darkest shade means, e.g. "darkest shade: 323 events per pixel column" (short:
    it shares the axis area's bottom line with the centred date context)."""
    if top <= 0:
        return ""
    amount = f"{top:,.0f}" if top >= 10 else f"{top:.2g}"
    return f"darkest shade: {amount} events per pixel column"


class DensityItem(pg.GraphicsObject):
    """Paints a prepared image 1:1 over a rectangle of view coordinates."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._buffer: np.ndarray | None = None
        self._image: QImage | None = None

    def set_image(self, image: np.ndarray | None, view_rect: QRectF) -> None:
        """Show ``image`` (BGRA premultiplied, numpy) over ``view_rect``; None clears."""
        self.prepareGeometryChange()
        self._rect = QRectF(view_rect)
        if image is None or image.size == 0:
            self._buffer, self._image = None, None
        else:
            self._buffer = np.ascontiguousarray(image)  # the QImage borrows this memory
            h, w = self._buffer.shape[:2]
            self._image = QImage(
                self._buffer.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied
            )
        self.update()

    @property
    def buffer(self) -> np.ndarray | None:
        """The shown image's memory (``density_rgba`` may refill it for the next frame)."""
        return self._buffer

    @property
    def has_image(self) -> bool:
        return self._image is not None

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p: QPainter, *args) -> None:
        if self._image is None:
            return
        device = p.transform().mapRect(self._rect)
        p.save()
        p.resetTransform()
        p.drawImage(QPoint(round(device.left()), round(device.top())), self._image)
        p.restore()
