"""The cached scroll bar looks like a plain one and repaints through the style only when it
changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar

from desktop.widgets.cached_scrollbar import CachedScrollBar


def _bar(qtbot, cls):
    bar = cls(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.resize(14, 300)
    bar.setRange(0, 100)
    bar.setPageStep(10)
    bar.setValue(30)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def _close(a, b) -> bool:
    """Same picture, up to one level of rounding per channel (alpha blended twice)."""
    if a.size() != b.size():
        return False
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green())) > 2:
                return False
    return True


def test_looks_like_a_scroll_bar_and_follows_its_value(qtbot) -> None:
    plain, cached = _bar(qtbot, QScrollBar), _bar(qtbot, CachedScrollBar)
    assert _close(plain.grab().toImage(), cached.grab().toImage())
    paints = cached.paints
    cached.grab()
    cached.grab()
    assert cached.paints == paints  # unchanged: blitted from the cache
    plain.setValue(90)
    cached.setValue(90)
    moved = cached.grab().toImage()
    assert cached.paints == paints + 1
    assert _close(plain.grab().toImage(), moved)
    cached.resize(14, 200)
    cached.grab()
    assert cached.paints == paints + 2
