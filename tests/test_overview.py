"""Overview strip: bucket counts add up, the window drives the timeline and follows it."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.viewmodel.overview import DAY_S, bucket_counts, overview_span
from desktop.viewmodel.timeline_model import TimelineModel
from desktop.widgets.timeline_view import TimelineView

try:
    from tests.test_timeline_model import day_s, make_columns
except ImportError:  # tests/ is not a package
    from test_timeline_model import day_s, make_columns


def test_bucket_counts_add_up_and_edges_count_once() -> None:
    values = np.array([0.0, 10.0, 20.0, 25.0, 99.999, 100.0, -1.0, 101.0, np.nan])
    counts = bucket_counts(values, 0.0, 100.0, 10)
    assert counts.sum() == 6  # the three outside [0, 100] and NaN are not counted
    assert counts[0] == 1 and counts[1] == 1 and counts[2] == 2 and counts[9] == 2
    rng = np.random.default_rng(3)
    many = rng.uniform(0, 1000, 10_000)
    assert bucket_counts(many, 0.0, 1000.0, 37).sum() == 10_000
    assert bucket_counts(many, 5.0, 5.0, 4).tolist() == [0, 0, 0, 0]


def test_span_covers_events_and_articles() -> None:
    start = np.array([100 * DAY_S, 200 * DAY_S, np.nan])
    dated = np.array([True, True, False])
    lo, hi = overview_span(start, dated, np.array([300 * DAY_S, np.nan]))
    assert lo < 100 * DAY_S and hi > 300 * DAY_S


@pytest.fixture
def view(qtbot) -> TimelineView:
    widget = TimelineView(TimelineModel())
    qtbot.addWidget(widget)
    widget.resize(1000, 520)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_coverage(np.array([day_s("2024-06-01"), day_s("2025-03-01")]))
    widget.model.set_data(*make_columns())
    qtbot.wait(20)
    return widget


def test_strip_counts_every_dated_event_and_article(view: TimelineView) -> None:
    assert view.overview.event_counts.sum() == int(np.count_nonzero(view.model.dated))
    assert view.overview.article_counts.sum() == 2


def test_dragging_the_window_sets_the_range_and_the_window_follows(view: TimelineView) -> None:
    lo, hi = day_s("2025-02-01"), day_s("2025-05-01")
    view.overview.region.setRegion((lo, hi))  # what a drag does
    x0, x1 = view.visible_range()
    assert abs(x0 - lo) < DAY_S and abs(x1 - hi) < DAY_S
    view.set_visible_range(day_s("2024-10-01"), day_s("2024-12-01"))
    r0, r1 = view.overview.region.getRegion()
    assert abs(r0 - day_s("2024-10-01")) < DAY_S and abs(r1 - day_s("2024-12-01")) < DAY_S


def test_new_data_moves_the_window_without_echoing_a_range(view: TimelineView) -> None:
    """New bounds that clip the window move it, but that is no request for a new range."""
    asked: list[tuple[float, float]] = []
    view.overview._on_window = lambda a, b: asked.append((a, b))
    view.set_visible_range(day_s("2015-01-01"), day_s("2030-01-01"))  # wider than the data
    starts = np.array([day_s("2025-03-01"), day_s("2025-03-20")])
    view.overview.set_data(starts, np.array([True, True]), np.zeros(0))
    assert asked == []
    lo, hi = view.overview.span
    view.overview.region.setRegion((lo + DAY_S, hi - DAY_S))  # a drag still asks
    assert len(asked) == 1


def test_article_coverage_alone_keeps_the_event_counts(view: TimelineView) -> None:
    counts = view.overview.event_counts
    view.set_coverage(np.array([day_s("2024-06-01"), day_s("2025-03-01"), day_s("2025-01-01")]))
    assert view.overview.event_counts is counts  # same events, same span: not recounted
    assert view.overview.article_counts.sum() == 3
    view.set_coverage(np.array([day_s("2010-01-01")]))  # a wider span: recounted
    assert view.overview.event_counts is not counts
    assert view.overview.event_counts.sum() == int(np.count_nonzero(view.model.dated))


def test_a_hidden_timeline_draws_its_frame_when_shown(qtbot) -> None:
    widget = TimelineView(TimelineModel())
    qtbot.addWidget(widget)
    widget.resize(1000, 520)
    widget.model.set_data(*make_columns())
    assert widget.lod.glyphs.size == 0 and not widget.labels.shown  # nothing drawn yet
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.lod.glyphs.size > 0 and widget.labels.shown


def test_strip_lines_up_with_the_lanes_without_a_range_change(qtbot) -> None:
    widget = TimelineView(TimelineModel())
    qtbot.addWidget(widget)
    widget.model.set_data(*make_columns())
    widget.resize(1000, 520)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    lanes_left = widget.view_box.sceneBoundingRect().left()
    strip_left = widget.overview.getViewBox().sceneBoundingRect().left()
    assert abs(lanes_left - strip_left) <= 1.0


def test_value_range_skips_undated_and_padded_span_covers_all() -> None:
    from desktop.viewmodel.overview import padded_span, value_range

    assert value_range(np.array([np.nan, 5.0, 2.0, np.nan])) == (2.0, 5.0)
    assert value_range(np.array([np.nan, np.nan])) is None
    assert value_range(np.zeros(0)) is None
    assert value_range(np.array([np.inf, 3.0, -np.inf, 4.0])) == (3.0, 4.0)
    lo, hi = padded_span((0.0, 100 * DAY_S), None, (50 * DAY_S, 200 * DAY_S))
    assert lo == -4 * DAY_S and hi == 204 * DAY_S
    assert padded_span(None, None) == (0.0, DAY_S)


def test_bucket_counts_over_many_chunks_match_one_pass(monkeypatch) -> None:
    from desktop.viewmodel import overview

    monkeypatch.setattr(overview, "CHUNK", 1000)
    rng = np.random.default_rng(11)
    values = rng.uniform(-10, 1010, 3 * overview.CHUNK + 123)
    values[::7] = np.nan
    values[5] = 1000.0  # the upper bound: last bucket
    keep = values[(values >= 0.0) & (values <= 1000.0)]
    pos = np.minimum((keep * (37 / 1000.0)).astype(np.int64), 36)
    expected = np.bincount(pos, minlength=37)
    np.testing.assert_array_equal(bucket_counts(values, 0.0, 1000.0, 37), expected)


def test_legend_sits_in_the_gutter_beside_the_counts_not_over_them(view: TimelineView) -> None:
    counts = view.overview.getViewBox().sceneBoundingRect()
    events, articles = (label.sceneBoundingRect() for label in view.overview.labels)
    for label in (events, articles):
        assert label.right() <= counts.left() + 1  # left of the histogram
        assert counts.top() - 1 <= label.top() and label.bottom() <= counts.bottom() + 1
    assert events.bottom() <= articles.top()  # events above, articles below
