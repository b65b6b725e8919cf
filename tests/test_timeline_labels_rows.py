"""Label placement over all lanes in one pass gives each lane what ``place_labels`` gives it
alone; label texts are cached per event until new data arrives."""

from __future__ import annotations

import itertools

import numpy as np

from desktop.viewmodel.time_axis import place_labels
from desktop.widgets.timeline_labels import place_in_rows


def test_one_pass_over_lanes_equals_placing_each_lane_alone() -> None:
    rng = np.random.default_rng(7)
    n = 300
    rows = rng.integers(0, 6, n)
    left = rng.uniform(-4.0, 1200.0, n)
    widths = rng.uniform(30.0, 220.0, n)
    priority = rng.integers(1, 9, n).astype(np.float64)
    kept = set(place_in_rows(rows, left, widths, priority, 1200.0).tolist())
    expected = set()
    for row in range(6):
        in_row = np.flatnonzero(rows == row)
        extents = list(zip(left[in_row].tolist(), (left + widths)[in_row].tolist(), strict=True))
        chosen = place_labels(extents, priority[in_row].tolist(), gap=6.0)
        expected |= {int(in_row[k]) for k in chosen}
    assert kept == expected
    for row in range(6):  # and no two kept labels of a lane overlap
        mine = sorted((left[i], left[i] + widths[i]) for i in kept if rows[i] == row)
        assert all(a[1] + 6.0 <= b[0] for a, b in itertools.pairwise(mine))
    assert place_in_rows(*(np.zeros(0),) * 4, 100.0).size == 0


def test_label_texts_are_cached_until_forgotten(qtbot) -> None:
    import pyqtgraph as pg

    from desktop.widgets.timeline_labels import LabelLayer

    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    layer = LabelLayer(widget.getPlotItem().getViewBox())
    titles = {5: "A launch"}
    calls = []

    def text_of(event_id: int) -> str:
        calls.append(event_id)
        return titles[event_id]

    assert layer._label(5, text_of)[0] == "A launch"
    assert layer._label(5, text_of)[0] == "A launch" and calls == [5]
    titles[5] = "A renamed launch"
    layer.forget_texts()
    text, width = layer._label(5, text_of)
    assert text == "A renamed launch" and width > layer._label(6, lambda _: "A")[1]
