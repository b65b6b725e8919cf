"""The event table sorts in its model (one sort over cached keys) and keeps the order the
user chose when the data is reloaded."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from desktop.viewmodel.event_table_model import ID_ROLE, EventFilterProxy, EventTableModel


def record(i: int, actor: str, start: str | None, mentions: int = 1) -> SimpleNamespace:
    return SimpleNamespace(
        id=i,
        key=f"k{i}",
        start=start,
        end=start,
        precision="day",
        status="happened",
        kind="release",
        actor=actor,
        subject="",
        title=f"title {i}",
        n_mentions=mentions,
    )


RECORDS = [
    record(1, "Baidu", "2025-03-16"),
    record(2, "Alibaba", "2025-01-02", 3),
    record(3, "Tencent", None),
    record(4, "alibaba cloud", "2024-05-01", 2),
]


def column_values(proxy: EventFilterProxy, column: int) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_sorting_by_a_column_orders_rows_and_survives_reload(qapp):
    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.set_records(RECORDS)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert column_values(proxy, 1) == ["Tencent", "Baidu", "alibaba cloud", "Alibaba"]
    model.set_records(list(reversed(RECORDS)))
    assert column_values(proxy, 1) == ["Tencent", "Baidu", "alibaba cloud", "Alibaba"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.id_at(row) for row in range(4)] == [4, 2, 1, 3]
    assert model.row_of(3) == 3, "undated events sort last"
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    assert column_values(proxy, 5) == ["3", "2", "1", "1"]


def test_filtering_still_works_over_a_sorted_model(qapp):
    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.set_records(RECORDS)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    proxy.set_visible_ids({2, 3})
    assert column_values(proxy, 1) == ["Alibaba", "Tencent"]
    assert proxy.proxy_row_of(3) == 1 and proxy.proxy_row_of(1) is None


def test_persistent_indexes_follow_their_rows(qapp):
    model = EventTableModel()
    model.set_records(RECORDS)
    from PySide6.QtCore import QPersistentModelIndex

    tencent = QPersistentModelIndex(model.index(2, 1))
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert tencent.data() == "Tencent" and tencent.row() == 3


def test_a_mask_change_filters_without_sorting_and_an_unchanged_one_is_silent(qapp):
    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.set_records(RECORDS)
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    sorts, resets = [], []
    model.layoutChanged.connect(lambda *_: sorts.append(1))
    proxy.modelReset.connect(lambda: resets.append(1))
    proxy.set_visible_ids([1, 2, 4])
    assert column_values(proxy, 5) == ["3", "2", "1"]
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [2, 4, 1]
    assert resets == [1] and sorts == []
    proxy.set_visible_ids({4, 2, 1})  # the same rows: nothing to redraw
    assert resets == [1]
    proxy.set_visible_ids(None)
    assert proxy.rowCount() == 4 and resets == [1, 1]


def test_sorting_under_a_filter_keeps_the_filter_and_persistent_rows(qapp):
    from PySide6.QtCore import QPersistentModelIndex

    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.set_records(RECORDS)
    proxy.set_visible_ids([1, 3, 4])
    baidu = QPersistentModelIndex(proxy.index(proxy.proxy_row_of(1), 1))
    assert baidu.data() == "Baidu"
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert column_values(proxy, 1) == ["Tencent", "Baidu", "alibaba cloud"]
    assert baidu.isValid() and baidu.row() == 1 and baidu.data() == "Baidu"


def test_marks_changes_reach_the_filtered_rows(qapp):
    from desktop.viewmodel.event_table_model import STAR_COLUMN

    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    model.set_records(RECORDS)
    proxy.set_visible_ids([2, 3])
    changed = []
    proxy.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    model.set_marks(starred=[3])
    assert changed == [(0, 1)]
    assert proxy.index(proxy.proxy_row_of(3), STAR_COLUMN).data() == "★"
