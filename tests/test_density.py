"""Per-pixel aggregation: counts add up, no event lost or counted twice at a column edge,
intervals cover every column they overlap, and the filter mask is honoured."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.viewmodel import density
from desktop.viewmodel.day_grid import DayGrid

DAY = 86400.0


def _events(n: int, seed: int, n_rows: int = 5) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    start = np.sort(rng.integers(0, 400, n)).astype(float) * DAY
    span = rng.random(n) < 0.4
    end = start + np.where(span, rng.integers(1, 90, n) * DAY, DAY)
    rows = rng.integers(0, n_rows, n)
    start[rng.random(n) < 0.05] = np.nan  # undated events are never counted
    return start, end, span, rows


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("width", [1, 7, 333])
def test_counts_match_brute_force(seed: int, width: int) -> None:
    start, end, span, rows = _events(1500, seed)
    index = density.build_index(start, end, span, rows, 5)
    edges = density.pixel_edges(-30 * DAY, 420 * DAY, width)
    got = density.column_counts(index, np.arange(5), edges)
    want = density.naive_column_counts(start, end, span, rows, 5, edges)
    assert got.shape == (5, width)
    np.testing.assert_array_equal(got, want)


def test_points_counted_once_even_on_a_column_edge() -> None:
    start = np.array([0.0, DAY, 2 * DAY, 3 * DAY])  # every event exactly on an edge
    index = density.build_index(start, start + DAY, np.zeros(4, bool), np.zeros(4, int), 1)
    edges = np.array([0.0, DAY, 2 * DAY, 3 * DAY, 4 * DAY])
    counts = density.column_counts(index, np.array([0]), edges)
    assert counts.tolist() == [[1, 1, 1, 1]]
    # the whole range holds each point exactly once, however finely it is cut
    fine = density.column_counts(index, np.array([0]), density.pixel_edges(0, 4 * DAY, 997))
    assert fine.sum() == 4


def test_interval_covers_every_overlapped_column_not_its_first_day() -> None:
    start, end = np.array([10 * DAY]), np.array([40 * DAY])  # a month
    index = density.build_index(start, end, np.array([True]), np.array([0]), 1)
    edges = density.pixel_edges(0, 50 * DAY, 50)  # one column per day
    counts = density.column_counts(index, np.array([0]), edges)[0]
    assert counts[10:40].tolist() == [1] * 30
    assert counts[:10].sum() == 0 and counts[40:].sum() == 0


def test_point_counts_add_up_to_the_events_in_range() -> None:
    start, end, _, rows = _events(3000, 5)
    span = np.zeros(start.size, bool)
    index = density.build_index(start, end, span, rows, 5)
    x0, x1 = 100 * DAY, 250 * DAY
    counts = density.column_counts(index, np.arange(5), density.pixel_edges(x0, x1, 123))
    inside = np.isfinite(start) & (start >= x0) & (start < x1)
    assert counts.sum() == inside.sum()
    assert counts.sum(axis=1).tolist() == np.bincount(rows[inside], minlength=5).tolist()
    assert density.range_totals(index, x0, x1).tolist() == counts.sum(axis=1).tolist()


def test_rows_never_leak_into_each_other() -> None:
    start = np.array([0.0, 5 * DAY, 9 * DAY])
    rows = np.array([0, 1, 2])
    index = density.build_index(start, start + DAY, np.zeros(3, bool), rows, 3)
    # a range far outside the data must not pick up the next row's first events
    edges = density.pixel_edges(-100 * DAY, 100 * DAY, 4)
    counts = density.column_counts(index, np.array([0, 1, 2]), edges)
    assert counts.sum(axis=1).tolist() == [1, 1, 1]


def test_mask_is_a_filter_of_the_full_index() -> None:
    start, end, span, rows = _events(2000, 9)
    keep = np.random.default_rng(3).random(start.size) < 0.3
    full = density.build_index(start, end, span, rows, 5)
    edges = density.pixel_edges(0, 400 * DAY, 80)
    got = density.column_counts(full.masked(keep), np.arange(5), edges)
    fresh = density.build_index(start, end, span, rows, 5, keep=keep)
    want = density.naive_column_counts(start[keep], end[keep], span[keep], rows[keep], 5, edges)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(density.column_counts(fresh, np.arange(5), edges), want)
    assert full.masked(np.zeros(start.size, bool)).size == 0


def test_empty_index() -> None:
    empty = np.zeros(0)
    index = density.build_index(empty, empty, empty.astype(bool), empty.astype(int), 3)
    counts = density.column_counts(index, np.arange(3), density.pixel_edges(0, DAY, 10))
    assert counts.shape == (3, 10) and counts.sum() == 0


def test_events_in_rows_is_exactly_the_overlapping_events() -> None:
    start, end, span, rows = _events(2500, 11)
    index = density.build_index(start, end, span, rows, 5)
    a, b = 120 * DAY + 3600.0, 180 * DAY
    got = density.events_in_rows(index, np.array([1, 3]), a, b, start)
    real_span = span & (end > start)
    overlaps = np.where(real_span, (start < b) & (end > a), (start >= a) & (start < b))
    want = np.flatnonzero(np.isfinite(start) & np.isin(rows, [1, 3]) & overlaps)
    np.testing.assert_array_equal(got, want)
    assert density.events_in_rows(index, np.array([], dtype=int), a, b, start).size == 0
    longest = float(np.nanmax(np.where(real_span, end - start, 0.0)))
    bounded = density.events_in_rows(index, np.array([1, 3]), a, b, start, longest)
    np.testing.assert_array_equal(bounded, want)  # the bound loses no overlapping interval


def test_first_times_per_row() -> None:
    start, end, span, rows = _events(1200, 4, n_rows=6)
    rows[rows == 5] = 4  # row 5 has no events
    index = density.build_index(start, end, span, rows, 6)
    got = density.first_times(index)
    for r in range(5):
        assert got[r] == np.nanmin(np.where(rows == r, start, np.nan))
    assert got[5] == np.inf


def test_column_mass_spreads_intervals_and_adds_up() -> None:
    start, end, span, rows = _events(1500, 21)
    index = density.build_index(start, end, span, rows, 5)
    edges = density.pixel_edges(-5 * DAY, 600 * DAY, 211)  # covers every event entirely
    mass = density.column_mass(index, np.arange(5), edges)
    dated = np.isfinite(start)
    np.testing.assert_allclose(mass.sum(axis=1), np.bincount(rows[dated], minlength=5))
    # brute force: each interval's share of every column
    want = np.zeros_like(mass)
    lo, hi = edges[:-1], edges[1:]
    for s, e, sp, r in zip(start, end, span, rows, strict=True):
        if not np.isfinite(s):
            continue
        if sp and e > s:
            want[r] += np.clip(np.minimum(e, hi) - np.maximum(s, lo), 0, None) / (e - s)
        else:
            want[r] += (s >= lo) & (s < hi)
    np.testing.assert_allclose(mass, want, atol=1e-9)
    keep = np.random.default_rng(0).random(start.size) < 0.4
    masked = density.column_mass(index.masked(keep), np.arange(5), edges)
    np.testing.assert_allclose(masked.sum(axis=1), np.bincount(rows[dated & keep], minlength=5))


def test_day_grid_equals_exact_mass_for_dates() -> None:
    start, end, _, rows = _events(2000, 8)
    dated = np.isfinite(start)
    index = density.build_index(start, end, dated, rows, 5)  # every dated event an interval
    grid = DayGrid(index)
    assert grid.usable
    for x0, x1, width in ((-3 * DAY, 500 * DAY, 640), (100.3 * DAY, 101.7 * DAY, 97)):
        edges = density.pixel_edges(x0, x1, width)
        np.testing.assert_allclose(
            grid.mass(np.array([0, 2, 4]), edges),
            density.column_mass(index, np.array([0, 2, 4]), edges),
            atol=1e-9,
        )
    shifted = density.build_index(start + 3600.0, end, dated, rows, 5)  # not on midnights
    assert not DayGrid(shifted).usable


def test_end_order_hint_gives_the_same_index() -> None:
    start, end, span, rows = _events(1000, 13)
    hint = np.lexsort((end, rows))
    plain = density.build_index(start, end, span, rows, 5)
    hinted = density.build_index(start, end, span, rows, 5, end_order=hint)
    np.testing.assert_array_equal(plain.span_ends, hinted.span_ends)
    np.testing.assert_array_equal(plain.span_end_of, hinted.span_end_of)
    wrong = density.build_index(start, end, span, rows, 5, end_order=np.arange(start.size))
    np.testing.assert_array_equal(plain.span_ends, wrong.span_ends)  # a bad hint is repaired
    assert sorted(plain.span_end_of.tolist()) == sorted(wrong.span_end_of.tolist())


def _end_pairs(index: density.LaneIndex) -> list[tuple[float, int]]:
    return sorted(zip(index.span_ends.tolist(), index.span_end_of.tolist(), strict=True))


def test_end_order_hint_over_lanes_folded_into_shared_rows() -> None:
    """Lanes 0..8 drawn in rows 0, 0, 0, 1, 2, 2, ... (folded lanes share a row): the lane
    order helps, merged rows are re-sorted, and the index equals one built without a hint."""
    start, end, span, lanes = _events(3000, 21, n_rows=9)
    rows = np.array([0, 0, 0, 1, 2, 2, 3, 4, 4])[lanes]
    hint = np.lexsort((end, lanes))
    plain = density.build_index(start, end, span, rows, 5)
    hinted = density.build_index(start, end, span, rows, 5, end_order=hint)
    np.testing.assert_array_equal(plain.span_ends, hinted.span_ends)
    assert _end_pairs(plain) == _end_pairs(hinted)  # same events behind the keys, ties aside
    edges = np.linspace(0, 500 * DAY, 97)
    np.testing.assert_array_equal(
        density.column_counts(plain, np.arange(5), edges),
        density.column_counts(hinted, np.arange(5), edges),
    )


def test_scale_text_says_what_darkest_means_briefly() -> None:
    from desktop.widgets.timeline_density import scale_text

    assert scale_text(0) == ""
    assert "1,234 events per pixel column" in scale_text(1234.0)
    assert "0.25 events" in scale_text(0.25)
    assert len(scale_text(123456.0)) <= 48  # leaves the centred date context its room


@pytest.mark.parametrize("share", [0.3, 0.85])  # weighs the kept; full grid minus the rest
def test_day_grid_of_a_masked_index_equals_exact_mass(share: float) -> None:
    start, end, _, rows = _events(3000, 17, n_rows=7)
    dated = np.isfinite(start)
    keep = np.random.default_rng(5).random(start.size) < share
    index = density.build_index(start, end, dated, rows, 7).masked(keep)
    grid = DayGrid(index)
    assert grid.usable
    every = np.arange(7)
    for x0, x1, width in ((-10 * DAY, 520 * DAY, 1386), (40.5 * DAY, 44.25 * DAY, 300)):
        edges = density.pixel_edges(x0, x1, width)
        exact = density.column_mass(index, every, edges)
        np.testing.assert_allclose(grid.mass(every, edges), exact, atol=1e-9)
    whole = density.pixel_edges(-10 * DAY, 600 * DAY, 50)
    per_row = grid.mass(every, whole).sum(axis=1)  # each shown event's mass adds up to one
    shown = np.bincount(rows[keep & dated], minlength=7)
    np.testing.assert_allclose(per_row, shown, atol=1e-6)


@pytest.mark.parametrize("share", [0.02, 0.3])
@pytest.mark.parametrize("all_spans", [False, True])  # True: dates only, a day grid applies
def test_subset_index_equals_the_masked_full_index(share: float, all_spans: bool) -> None:
    start, end, span, rows = _events(4000, 23, n_rows=6)
    rows[::97] = -1  # events without a lane are never indexed
    span = np.isfinite(start) if all_spans else span
    full = density.build_index(start, end, span, rows, 6)
    keep = np.random.default_rng(9).random(start.size) < share
    cut = full.masked(keep)
    built = density.subset_index(full, np.flatnonzero(keep), start, end, span, rows)
    for name in ("points", "span_starts", "span_ends"):
        np.testing.assert_array_equal(getattr(cut, name), getattr(built, name), err_msg=name)
    for name in ("point_of", "span_start_of", "span_end_of"):
        assert sorted(getattr(cut, name).tolist()) == sorted(getattr(built, name).tolist())
    edges = np.linspace(-5 * DAY, 520 * DAY, 211)
    every = np.arange(6)
    np.testing.assert_array_equal(
        density.column_counts(cut, every, edges), density.column_counts(built, every, edges)
    )
    grid_cut, grid_built = DayGrid(cut), DayGrid(built)
    assert grid_built.usable == grid_cut.usable == all_spans
    if all_spans:
        np.testing.assert_allclose(grid_cut.mass(every, edges), grid_built.mass(every, edges))


@pytest.mark.parametrize("share", [0.6, 0.85, 1.0])
@pytest.mark.parametrize("seed", [3, 4])
@pytest.mark.parametrize("sorted_afresh", [False, True])  # the rest cut, or a subset_index
def test_broad_mask_is_the_parent_minus_the_left_out(
    share: float, seed: int, sorted_afresh: bool
) -> None:
    start, end, span, rows = _events(3000, seed, n_rows=6)
    rows[::89] = -1  # never indexed
    full = density.build_index(start, end, span, rows, 6)
    keep = np.random.default_rng(seed).random(start.size) < share
    broad = full.masked(keep)
    if sorted_afresh:
        rest = density.subset_index(full, np.flatnonzero(~keep), start, end, span, rows)
        broad = full.without(keep, rest)
    assert broad.minus is not None and broad.span_starts is full.span_starts  # no key copies
    cut = full.cut(keep)  # the same events as an index of their own
    assert broad.size == cut.size == int(np.count_nonzero(keep & np.isfinite(start) & (rows >= 0)))
    every = np.arange(6)
    for x0, x1, width in ((-10 * DAY, 520 * DAY, 700), (100.3 * DAY, 104.9 * DAY, 97)):
        edges = density.pixel_edges(x0, x1, width)
        want = density.naive_column_counts(start[keep], end[keep], span[keep], rows[keep], 6, edges)
        np.testing.assert_array_equal(density.column_counts(broad, every, edges), want)
        np.testing.assert_allclose(
            density.column_mass(broad, every, edges),
            density.column_mass(cut, every, edges),
            atol=1e-9,
        )
        a, b = x0, x1
        np.testing.assert_array_equal(
            density.events_in_rows(broad, np.array([0, 2, 5]), a, b, start),
            density.events_in_rows(cut, np.array([0, 2, 5]), a, b, start),
        )
    np.testing.assert_array_equal(density.first_times(broad), density.first_times(cut))
    again = broad.masked(np.random.default_rng(1).random(start.size) < 0.9)  # masks combine
    np.testing.assert_array_equal(
        density.column_counts(again, every, edges),
        density.column_counts(full.cut(again.keep), every, edges),
    )


@pytest.mark.parametrize("share", [0.6, 0.9])
def test_day_grid_of_all_minus_the_rest_equals_exact_mass(share: float) -> None:
    start, end, _, rows = _events(3000, 29, n_rows=7)
    dated = np.isfinite(start)
    full = density.build_index(start, end, dated, rows, 7)
    keep = np.random.default_rng(2).random(start.size) < share
    rest = density.subset_index(full, np.flatnonzero(~keep), start, end, dated, rows)
    broad = full.without(keep, rest)
    grid = DayGrid(broad)
    assert grid.usable
    every = np.arange(7)
    for x0, x1, width in ((-10 * DAY, 520 * DAY, 1386), (40.5 * DAY, 44.25 * DAY, 300)):
        edges = density.pixel_edges(x0, x1, width)
        exact = density.column_mass(full.cut(keep), every, edges)
        np.testing.assert_allclose(grid.mass(every, edges), exact, atol=1e-9)


@pytest.mark.parametrize("share", [0.0, 0.2, 0.45, 1.0])
def test_recut_index_is_the_cut(share: float) -> None:
    start, end, span, rows = _events(3000, 31, n_rows=6)
    rows[::53] = -1  # never indexed
    full = density.build_index(start, end, span, rows, 6)
    keep = np.random.default_rng(4).random(start.size) < share
    cut, recut = full.cut(keep), density.recut_index(full, keep, start, end, rows)
    for name in ("points", "span_starts", "span_ends", "point_of", "span_start_of", "span_end_of"):
        np.testing.assert_array_equal(getattr(recut, name), getattr(cut, name), err_msg=name)
    assert recut.parent is None and recut.size == cut.size


@pytest.mark.parametrize("seed", range(6))
def test_distinct_equals_unique(seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.integers(-5, int(rng.integers(1, 50)), int(rng.integers(0, 300)))
    got = density.distinct(values)
    assert np.array_equal(got, np.unique(values)) and got.dtype == values.dtype
