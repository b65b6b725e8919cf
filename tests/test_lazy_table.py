"""The large-store event table: rows from the timeline's arrays, records fetched by page."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.viewmodel import lazy_table_model as ltm
from desktop.viewmodel.event_table_model import ID_ROLE
from desktop.viewmodel.lazy_table_model import LazyEventTableModel
from desktop.viewmodel.timeline_model import TimelineModel

try:
    from tests.test_timeline_model import make_columns
except ImportError:  # tests/ is not a package
    from test_timeline_model import make_columns


class Fetcher:
    """Records by id, counting the calls and the ids asked for."""

    def __init__(self, titles: dict[int, str]) -> None:
        self.titles = titles
        self.calls: list[list[int]] = []

    def __call__(self, ids):
        self.calls.append(list(ids))
        return {
            i: SimpleNamespace(
                start="2025-03-16",
                end="2025-03-16",
                precision="day",
                status="happened",
                title=self.titles[i],
            )
            for i in ids
        }


@pytest.fixture
def table(qtbot) -> tuple[LazyEventTableModel, TimelineModel, Fetcher]:
    timeline = TimelineModel()
    columns, titles = make_columns()
    timeline.set_data(columns, titles)
    fetch = Fetcher(titles)
    model = LazyEventTableModel(timeline, fetch)
    model.set_active(True)
    return model, timeline, fetch


def column(model: LazyEventTableModel, c: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, c).data(role) for r in range(model.rowCount())]


def test_rows_follow_the_mask_and_undated_sort_last(table) -> None:
    model, timeline, _ = table
    assert model.rowCount() == timeline.total_count == 9
    assert column(model, 4)[-1] == "<img src=x> undated"  # plain text, last
    alibaba = [i for i, n in zip(timeline.ids, timeline.columns.lane, strict=True) if n == 0]
    timeline.set_mask_from_ids(alibaba)
    assert sorted(column(model, 0, ID_ROLE)) == sorted(int(i) for i in alibaba)
    assert column(model, 1) == ["Alibaba"] * 3


def test_sorting_by_array_columns(table) -> None:
    model, _, _ = table
    model.sort(1, Qt.SortOrder.AscendingOrder)
    actors = column(model, 1)
    assert actors == sorted(actors, key=str.casefold)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    sources = [int(s) for s in column(model, 5)]
    assert sources == sorted(sources, reverse=True) and sources[0] == 3
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert column(model, 3) == sorted(column(model, 3))


def test_records_are_fetched_by_page_and_rows_found_by_id(table, monkeypatch) -> None:
    model, timeline, fetch = table
    monkeypatch.setattr(ltm, "PAGE", 4)
    model.set_active(True)
    fetch.calls.clear()
    titles = column(model, 4)
    assert len(fetch.calls) == 3 and all(len(c) <= 4 for c in fetch.calls)
    for row, event_id in enumerate(column(model, 0, ID_ROLE)):
        assert model.proxy_row_of(event_id) == row
        assert titles[row] == timeline.titles[event_id]
    timeline.set_mask_from_ids([int(timeline.ids[0])])
    assert model.proxy_row_of(int(timeline.ids[1])) is None


def test_inactive_table_is_empty(table) -> None:
    model, _, _ = table
    model.set_active(False)
    assert model.rowCount() == 0
    assert model.proxy_row_of(10) is None


def test_a_mask_change_refetches_only_records_not_seen_and_new_data_refetches_all(
    table, monkeypatch
) -> None:
    model, timeline, fetch = table
    monkeypatch.setattr(ltm, "PAGE", 4)
    model.set_active(True)
    column(model, 4)
    fetch.calls.clear()
    kept = [int(i) for i in timeline.ids[:5]]
    timeline.set_mask_from_ids(kept)  # a search result: every row's record was seen
    titles = column(model, 4)
    assert fetch.calls == []
    assert titles == [timeline.titles[i] for i in column(model, 0, ID_ROLE)]
    timeline.refresh_data(timeline.columns, timeline.titles)  # the store changed: refetch
    column(model, 4)
    assert sum(len(c) for c in fetch.calls) == timeline.total_count
    fetch.titles[int(timeline.ids[0])] = "renamed"
    timeline.refresh_data(timeline.columns, timeline.titles)
    assert "renamed" in column(model, 4)


def test_date_order_under_a_mask_both_ways(table) -> None:
    model, timeline, _ = table
    keep = [int(i) for i in timeline.ids[::2]]
    timeline.set_mask_from_ids(keep)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    up = column(model, 0, ID_ROLE)
    assert sorted(up) == sorted(keep)
    starts = [timeline.start_s[timeline.index_of(i)] for i in up]
    dated = [s for s in starts if s == s]  # undated (NaN) rows last
    assert dated == sorted(dated) and starts[: len(dated)] == dated
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert column(model, 0, ID_ROLE) == up[::-1]


def test_identity_order_has_no_array_and_same_rows(table) -> None:
    model, timeline, _ = table
    assert ltm._time_sorted(timeline)
    ids = [int(i) for i in timeline.ids]
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, ids),
        (Qt.SortOrder.DescendingOrder, ids[::-1]),
    ):
        model.sort(0, order)
        assert isinstance(model._order, ltm._Span)  # whole store, arrays' own order: no array
        assert column(model, 0, ID_ROLE) == expected
        assert [model.proxy_row_of(i) for i in expected] == list(range(len(expected)))
        titles = column(model, 4)
        assert titles == [timeline.titles[i] for i in expected]
    timeline.set_mask_from_ids(ids[::3])  # a mask: an array of the shown positions
    assert not isinstance(model._order, ltm._Span)
    assert column(model, 0, ID_ROLE) == ids[::3][::-1]


@pytest.mark.parametrize("seed", range(5))
def test_span_indexes_like_the_array(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(0, 3000))
    for descending in (False, True):
        span, array = ltm._Span(size, descending), np.arange(size, dtype=np.int32)
        array = array[::-1] if descending else array
        assert span.size == array.size
        for _ in range(20):
            a, b = sorted(int(x) for x in rng.integers(-10, size + 10, 2))
            assert np.array_equal(span[a:b], array[a:b])
        for row in rng.integers(-size, size, 20) if size else []:
            assert span[int(row)] == array[int(row)]
        for position in rng.integers(-2, size + 2, 20):
            hit = np.flatnonzero(array == position)
            assert span.row_of(int(position)) == (int(hit[0]) if hit.size else None)
        with pytest.raises(IndexError):
            span[size]
