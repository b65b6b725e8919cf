"""The directly painted date axis: same ticks and labels as DateAxis, placed inside the axis."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from desktop.viewmodel import time_axis as ta
from desktop.widgets.timeline_axis import TimelineDateAxis, level_alpha, tick_positions

try:
    from tests.test_timeline_model import day_s
    from tests.test_timeline_view import view
except ImportError:  # tests/ is not a package
    from test_timeline_model import day_s
    from test_timeline_view import view  # noqa: F401


def test_tick_positions_scale_and_drop_ticks_outside() -> None:
    xs = tick_positions([0.0, 50.0, 100.0, 150.0, -1.0], 0.0, 100.0, 400.0)
    assert xs[:3].tolist() == [0.0, 200.0, 400.0]
    assert np.isnan(xs[3]) and np.isnan(xs[4])
    assert np.isnan(tick_positions([1.0], 5.0, 5.0, 100.0)).all()  # empty range


def test_level_alpha_is_pyqtgraphs_rule() -> None:
    assert level_alpha(0, False, 1000, 10) == 255
    assert level_alpha(1, False, 1000, 10) == 127
    assert level_alpha(0, 255, 1000, 10) == 255  # sparse ticks: full grid opacity
    assert level_alpha(0, 255, 100, 99) == int(255 * 0.05)  # dense ticks fade


def test_labels_are_date_axis_labels_inside_the_axis(qtbot, view) -> None:
    axis = view.date_axis
    assert isinstance(axis, TimelineDateAxis)
    view.set_visible_range(day_s("2016-01-01"), day_s("2026-01-01"))
    qtbot.wait(10)
    texts = axis.label_texts()
    assert {"2017", "2020", "2024"} <= set(texts)
    (_, majors), _ = axis.tickValues(*axis.range, axis.geometry().width())
    major, _ = ta.choose_levels(*axis.range, axis.geometry().width(), axis._measure)
    expected = {ta.tick_label(v, major, True) for v in majors}
    assert expected >= {t for t in texts if t.isdigit()}
    for point, static in axis._frame.texts:  # nothing sticks out of the axis
        width = axis._static(static.text(), axis._font())[1]
        assert point.x() >= 0 and point.x() + width <= axis.geometry().width() + 1e-6
    view.set_visible_range(day_s("2025-03-16"), day_s("2025-03-17"))
    qtbot.wait(10)
    hours = axis.label_texts()
    assert "12:00" in hours and "2017" not in hours


def test_axis_paints_labels_and_grid(qtbot, view) -> None:
    view.set_visible_range(day_s("2016-01-01"), day_s("2026-01-01"))
    image: QImage = view.plot_widget.grab().toImage()
    axis = view.date_axis
    axis_rect = axis.parentItem().mapRectToScene(axis.geometry()).toRect()
    ink = axis.textPen().color()
    found = 0
    for y in range(axis_rect.top() + 4, min(axis_rect.top() + 24, image.height())):
        for x in range(axis_rect.left(), min(axis_rect.right(), image.width())):
            c = image.pixelColor(x, y)
            if abs(c.red() - ink.red()) + abs(c.green() - ink.green()) < 60:
                found += 1
    assert found > 40  # label glyphs were drawn under the axis line


def test_context_label_follows_a_pan_as_plain_centred_text(qtbot, view) -> None:
    axis = view.date_axis
    start = day_s("2025-03-16")
    view.set_visible_range(start + 3600, start + 10 * 3600)
    view.plot_widget.grab()
    assert "16 Mar 2025" in axis.label.toPlainText()
    view.set_visible_range(start + 86400 + 3600, start + 86400 + 10 * 3600)  # a day later
    view.plot_widget.grab()
    assert "17 Mar 2025" in axis.context and "17 Mar 2025" in axis.label.toPlainText()
    assert axis.labelText == axis.context  # a later style change rebuilds the same text
    middle = axis.label.x() + axis.label.boundingRect().width() / 2
    assert abs(middle - axis.size().width() / 2) <= 1.0


def test_level_pens_are_shared_until_the_background_changes(qtbot, view) -> None:
    from PySide6.QtGui import QColor

    axis = view.date_axis
    first = axis.level_pen(0, 120)
    assert axis.level_pen(0, 120) is first
    assert axis.level_pen(1, 60) is not first
    axis.set_grid_background(QColor("#102030"))
    other = axis.level_pen(0, 120)
    assert other is not first
