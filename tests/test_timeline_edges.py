"""Timeline labels and the density note stay off the plot border and off the data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from desktop.viewmodel.timeline_model import TimelineModel
from desktop.widgets.timeline_labels import fit_inside
from desktop.widgets.timeline_view import TimelineView

try:
    from tests.test_timeline_model import make_columns
except ImportError:  # tests/ is not a package
    from test_timeline_model import make_columns


def test_fit_inside_moves_only_overflowing_labels_left() -> None:
    left = np.array([10.0, 900.0, -30.0, 500.0])
    widths = np.array([100.0, 200.0, 50.0, 1500.0])
    out = fit_inside(left, widths, 1000.0)
    assert out.tolist() == [10.0, 800.0, -30.0, 0.0]


@pytest.fixture
def view(qtbot) -> TimelineView:
    widget = TimelineView(TimelineModel())
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_labels_near_the_right_edge_stay_inside_the_plot(qtbot, view: TimelineView) -> None:
    long_title = "Acme reportedly expects losses of several billion dollars next year"
    events = [
        ("2020-01-01", "2020-01-02", "Acme", "release", "happened", "day", "Early", 1),
        ("2025-12-30", "2025-12-31", "Acme", "statement", "reported", "day", long_title, 3),
    ]
    view.model.set_data(*make_columns(events))
    qtbot.wait(20)
    view.fit_all()
    box = view.view_box.sceneBoundingRect()
    shown = [i for i in view.labels.pool if i.isVisible()]
    assert any(i.toPlainText().startswith("Acme reportedly") for i in shown)
    for item in shown:
        rect = item.sceneBoundingRect()
        assert rect.right() <= box.right() + 1.0, item.toPlainText()
        assert rect.left() >= box.left() - 1.0, item.toPlainText()


def test_density_scale_note_is_outside_the_lanes(qtbot, view: TimelineView) -> None:
    start = dt.date(2024, 1, 1)
    events = [
        ((start + dt.timedelta(days=k % 700)).isoformat(), None, "Busy", "release", "happened")
        for k in range(3000)
    ]
    rows = [
        (d, None, a, kd, st, "day", f"event {k}", 1) for k, (d, _, a, kd, st) in enumerate(events)
    ]
    view.model.set_data(*make_columns(rows))
    qtbot.wait(20)
    view.fit_all()
    assert view.lod.dense_rows.size == 1
    note = view.lod.density_scale
    assert note.textItem.toPlainText().startswith("darkest shade")
    assert not note.sceneBoundingRect().intersects(view.view_box.sceneBoundingRect())
