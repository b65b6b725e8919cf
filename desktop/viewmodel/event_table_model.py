"""The event list: a table model over the store's events and a sortable, filtering proxy.

QtCore only. Cells are plain strings (the view never interprets them as markup). The proxy
shows the rows whose event passes the timeline's mask (``set_visible_ids``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.viewmodel.details import format_event_date

COLUMNS = ("Date", "Actor", "Kind", "Status", "Title", "Sources", "Marks")
STAR_COLUMN = 6
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """One row per event, in the store's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        self._row_of: dict[int, int] = {}
        self._starred: frozenset[int] = frozenset()
        self._hidden: frozenset[int] = frozenset()
        self._sort_keys: dict[int, list[Any]] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_marks(self, starred: Iterable[int], hidden: Iterable[int] = ()) -> None:
        """Curation marks in the Marks column: "★" for starred events, "hidden" for events
        marked as not an event (seen when hidden events are shown)."""
        self._starred = frozenset(int(i) for i in starred)
        self._hidden = frozenset(int(i) for i in hidden)
        self._sort_keys.pop(STAR_COLUMN, None)
        if self._records:
            last = len(self._records) - 1
            top, bottom = self.index(0, STAR_COLUMN), self.index(last, STAR_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def sort_keys(self, column: int) -> list[Any]:
        """Every row's sort key for ``column``, computed once (the proxy compares these instead
        of asking data() twice per comparison)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            if column == STAR_COLUMN:
                keys = [self._star(r.id, SORT_ROLE) for r in self._records]
            else:
                keys = [_sort_key(r, column) for r in self._records]
            self._sort_keys[column] = keys
        return keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column`` with one Python sort over cached keys (stable, so
        ties keep the store's order) instead of a comparison callback per pair."""
        if not 0 <= column < len(COLUMNS) or not self._records:
            return
        self._sorted_by = (column, order)
        keys = self.sort_keys(column)
        descending = order == Qt.SortOrder.DescendingOrder
        new_order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(new_order)}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_row[i.row()], i.column()) for i in old_indexes]
        self._records = [self._records[i] for i in new_order]
        self._row_of = {r.id: row for row, r in enumerate(self._records)}
        self._sort_keys = {c: [k[i] for i in new_order] for c, k in self._sort_keys.items()}
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def id_at(self, row: int) -> int:
        return int(self._records[row].id)

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._sort_keys = {}
        if self._sorted_by is not None:  # new data keeps the order the user chose
            keys = self.sort_keys(self._sorted_by[0])
            descending = self._sorted_by[1] == Qt.SortOrder.DescendingOrder
            order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
            self._records = [self._records[i] for i in order]
            self._sort_keys = {}
        self._row_of = {r.id: row for row, r in enumerate(self._records)}
        self.endResetModel()

    def row_of(self, event_id: int) -> int | None:
        return self._row_of.get(event_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if index.column() == STAR_COLUMN:
            return self._star(record.id, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips guess rich text: escape, always
            return "<qt>" + html.escape(_display(record, index.column())) + "</qt>"
        if role == SORT_ROLE:
            return _sort_key(record, index.column())
        if role == ID_ROLE:
            return record.id
        return None

    def _star(self, event_id: int, role: int) -> Any:
        marks = (
            "★" if event_id in self._starred else "",
            "hidden" if event_id in self._hidden else "",
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(m for m in marks if m)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(w for m, w in zip(marks, ("starred", "hidden"), strict=True) if m)
        if role == SORT_ROLE:
            return (0 if marks[0] else 2) + (0 if marks[1] else 1)  # starred first
        if role == ID_ROLE:
            return event_id
        return None


def _display(record: Any, column: int) -> str:
    if column == 0:
        return format_event_date(record.start, record.end, record.precision, record.status)
    if column == 1:
        return record.actor or ""
    if column == 2:
        return (record.kind or "").replace("_", " ")
    if column == 3:
        return record.status or ""
    if column == 4:
        return record.title or ""
    return str(record.n_mentions)


def _sort_key(record: Any, column: int) -> Any:
    if column == 0:
        return record.start or "9999-99-99"  # undated sort last
    if column == 5:
        return int(record.n_mentions)
    return _display(record, column).casefold()


class EventFilterProxy(QSortFilterProxyModel):
    """Sorts by the source's SORT_ROLE and hides events outside the visible set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visible: set[int] | None = None
        self.setSortRole(SORT_ROLE)

    def set_visible_ids(self, ids: Iterable[int] | None) -> None:
        """Show only these events (None: all)."""
        if hasattr(self, "endFilterChange"):  # Qt >= 6.10; invalidateFilter is deprecated
            self.beginFilterChange()
            self._visible = None if ids is None else {int(i) for i in ids}
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._visible = None if ids is None else {int(i) for i in ids}
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._visible is None:
            return True
        source = self.sourceModel()
        if isinstance(source, EventTableModel):
            return source.id_at(source_row) in self._visible
        return source.index(source_row, 0, source_parent).data(ID_ROLE) in self._visible

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model (one Python sort over cached keys); the proxy
        keeps the source's order and only filters."""
        source = self.sourceModel()
        if isinstance(source, EventTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def proxy_row_of(self, event_id: int) -> int | None:
        source = self.sourceModel()
        row = source.row_of(event_id) if isinstance(source, EventTableModel) else None
        if row is None:
            return None
        mapped = self.mapFromSource(source.index(row, 0))
        return mapped.row() if mapped.isValid() else None
