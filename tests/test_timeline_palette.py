"""The timeline follows the application's light or dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.viewmodel.timeline_model import TimelineModel
from desktop.widgets.timeline_palette import TimelineColours, mix
from desktop.widgets.timeline_view import TimelineView

try:
    from tests.test_timeline_model import make_columns
except ImportError:  # tests/ is not a package
    from test_timeline_model import make_columns

DARK_BASE, DARK_TEXT, DARK_ALT, DARK_MID = "#202020", "#e0e0e0", "#2a2a2a", "#5a5a5a"


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Base, DARK_BASE),
        (roles.Window, "#262626"),
        (roles.AlternateBase, DARK_ALT),
        (roles.Text, DARK_TEXT),
        (roles.WindowText, DARK_TEXT),
        (roles.Mid, DARK_MID),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def view(qtbot) -> TimelineView:
    model = TimelineModel()
    widget = TimelineView(model)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    model.set_data(*make_columns())
    qtbot.wait(20)
    return widget


def background(view: TimelineView) -> QColor:
    return view.plot_widget.backgroundBrush().color()


def test_mix_goes_from_one_colour_to_the_other() -> None:
    a, b = QColor("#000000"), QColor("#ffffff")
    assert mix(a, b, 0.0) == a and mix(a, b, 1.0) == b
    assert mix(a, b, 0.25).name() == "#404040"


def test_colours_come_from_the_palette_roles() -> None:
    c = TimelineColours.from_palette(dark_palette())
    assert c.background.name() == DARK_BASE
    assert c.text.name() == DARK_TEXT
    assert c.tray.name() == DARK_ALT
    assert c.line.name() == DARK_MID
    assert c.background.lightness() < c.grid.lightness() < c.line.lightness()
    assert c.is_dark()


def test_timeline_follows_a_dark_palette_and_back(qtbot, view: TimelineView) -> None:
    app = QApplication.instance()
    light_bg = background(view)
    assert light_bg.lightness() > 128  # the default (light) palette of the test platform
    before = QPalette(app.palette())
    app.setPalette(dark_palette())
    try:
        qtbot.waitUntil(lambda: background(view).name() == DARK_BASE, timeout=2000)
        assert view.lane_axis.textPen().color().name() == DARK_TEXT
        assert view.date_axis.textPen().color().name() == DARK_TEXT
        assert view.tray_item.getViewBox().background.brush().color().name() == DARK_ALT
        assert view.labels.colour.name() == DARK_TEXT
        assert all(item.color.name() == DARK_TEXT for item in view.labels.pool)
        # pixels: the plot's empty corner is the dark base
        image = view.plot_widget.grab().toImage()
        corner = view.view_box.mapViewToScene(view.view_box.viewRect().bottomRight())
        pixel = view.plot_widget.mapFromScene(corner) - view.plot_widget.rect().topLeft()
        sample = QColor(image.pixel(max(pixel.x() - 3, 0), max(pixel.y() - 3, 0)))
        assert sample.lightness() < 60
    finally:
        app.setPalette(before)
    qtbot.waitUntil(lambda: background(view) == light_bg, timeout=2000)
    assert view.lane_axis.textPen().color().lightness() < 128
