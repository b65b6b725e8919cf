"""Lanes beyond MAX_LANES fold into one "Other (N actors)" lane: no event lost or moved in
time, density and glyph queries reach the folded events, and an actor filter still finds them."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.viewmodel import density
from desktop.viewmodel.timeline_model import MAX_LANES, TimelineModel, fold_lanes

try:
    from tests.test_timeline_model import day_s, make_columns
except ImportError:  # pragma: no cover
    from test_timeline_model import day_s, make_columns


def many_actor_events(n_actors: int) -> list[tuple]:
    """Actor k has n_actors - k events (a spread of sizes), on distinct days."""
    events = []
    for k in range(n_actors):
        for j in range(n_actors - k):
            day = f"2024-{1 + (k + j) % 12:02d}-{1 + (k * 3 + j) % 28:02d}"
            events.append((day, None, f"Actor {k:03d}", "release", "happened", "day", "t", 1))
    return events


@pytest.fixture
def folded(qtbot) -> TimelineModel:
    model = TimelineModel()
    model.set_data(*make_columns(many_actor_events(MAX_LANES + 12)))
    return model


def test_fold_keeps_the_largest_lanes_and_adds_other(folded: TimelineModel) -> None:
    names = folded.lane_names
    assert len(names) == MAX_LANES
    assert names[-1] == "Other (13 actors)"
    kept = set(names[:-1])
    assert kept == {f"Actor {k:03d}" for k in range(MAX_LANES - 1)}  # the largest ones
    other_row = MAX_LANES - 1
    lanes = np.asarray(folded.columns.lane)
    small = np.isin(lanes, [folded.columns.lanes.index(f"Actor {k:03d}") for k in range(29, 42)])
    assert np.all(folded.rows[small] == other_row)
    assert np.all(folded.rows[~small] < other_row)


def test_folded_counts_add_up(folded: TimelineModel) -> None:
    index = folded.lane_index()
    rows = np.arange(len(folded.lane_names))
    edges = np.array([day_s("2023-01-01"), day_s("2024-06-01"), day_s("2026-01-01")])
    counts = density.column_counts(index, folded.lane_of_row[rows], edges)
    assert int(counts.sum()) == folded.total_count
    per_row = np.bincount(folded.rows, minlength=len(rows))
    assert np.array_equal(counts.sum(axis=1), per_row)
    other = density.events_in_rows(
        index, folded.lane_of_row[rows[-1:]], edges[0], edges[-1], folded.start_s
    )
    assert np.array_equal(np.sort(other), np.flatnonzero(folded.rows == rows[-1]))


def test_actor_filter_reaches_a_folded_actor(folded: TimelineModel) -> None:
    code = folded.columns.lanes.index("Actor 041")  # the smallest: folded
    folded.set_mask(np.asarray(folded.columns.lane) == code)
    assert folded.visible_count == 1
    index = folded.lane_index()
    other = folded.lane_of_row[-1:]
    counts = density.column_counts(
        index, other, np.array([day_s("2023-01-01"), day_s("2026-01-01")])
    )
    assert int(counts.sum()) == 1


def test_few_lanes_are_not_folded(qtbot) -> None:
    model = TimelineModel()
    model.set_data(*make_columns(many_actor_events(MAX_LANES)))
    assert len(model.lane_names) == MAX_LANES
    assert not any(name.startswith("Other (") for name in model.lane_names)
    lanes = np.array([0, 1, 1, 2])
    codes, n, folded = fold_lanes(lanes, np.bincount(lanes), 3)
    assert n == 3 and folded.size == 0 and np.array_equal(codes, lanes)
    codes, n, folded = fold_lanes(lanes, np.bincount(lanes), 2)
    assert n == 4 and list(folded) == [0, 2] and list(codes) == [3, 1, 1, 3]


def test_lane_order_change_keeps_the_fold(folded: TimelineModel) -> None:
    folded.set_lane_order("count")
    assert folded.lane_names[0] == "Actor 000"
    assert folded.lane_names[-1] == "Other (13 actors)"
    assert int(np.count_nonzero(folded.rows == MAX_LANES - 1)) == sum(range(1, 14))
