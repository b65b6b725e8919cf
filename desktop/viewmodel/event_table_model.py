"""The event list: a table model over the store's events and a sortable, filtering proxy.

QtCore only. Cells are plain strings (the view never interprets them as markup). The proxy
shows the rows whose event passes the timeline's mask (``set_visible_ids``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
        self._ids: np.ndarray | None = None

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
        self._ids = None
        self._sort_keys = {c: [k[i] for i in new_order] for c, k in self._sort_keys.items()}
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def id_at(self, row: int) -> int:
        return int(self._records[row].id)

    def row_ids(self) -> np.ndarray:
        """Every row's event id, in row order (cached until the data or the order changes)."""
        if self._ids is None:
            self._ids = np.fromiter((r.id for r in self._records), np.int64, len(self._records))
        return self._ids

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
        self._ids = None
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
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``data`` of the cell at (row, column) without a model index (the proxy's path)."""
        record = self._records[row]
        if column == STAR_COLUMN:
            return self._star(record.id, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips guess rich text: escape, always
            return "<qt>" + html.escape(_display(record, column)) + "</qt>"
        if role == SORT_ROLE:
            return _sort_key(record, column)
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


_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class EventFilterProxy(QAbstractProxyModel):
    """The source's rows (in the source's order: it sorts) whose event is in the visible set.

    The mapping is a numpy array of source rows, recomputed with ``np.isin`` over the source's
    ids when the visible set, the data or the order changes: a search result costs no Python
    call per row and never re-sorts (QSortFilterProxyModel would call ``filterAcceptsRow`` in
    Python once per row, ~40 ms at 10^4 events). An unchanged mapping emits nothing, so the
    table keeps its paint cache.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visible: np.ndarray | None = None  # sorted ids shown; None: all
        self._rows = np.zeros(0, dtype=np.int64)  # proxy row -> source row (ascending)
        self._row_list: list[int] = []  # the same as a list (indexed once per cell and role)
        self._cell = None  # the source's EventTableModel.cell, if it is one
        self._connections: list = []
        self._moving: list[tuple[QPersistentModelIndex, QPersistentModelIndex]] = []

    # -- the visible set and the mapping -------------------------------------------------------
    def set_visible_ids(self, ids: Iterable[int] | None) -> None:
        """Show only these events (None: all)."""
        if ids is None:
            self._visible = None
        else:
            array = ids if isinstance(ids, np.ndarray) else np.fromiter(ids, dtype=np.int64)
            self._visible = np.unique(np.asarray(array, dtype=np.int64))
        rows = self._mapping()
        if np.array_equal(rows, self._rows):
            return
        self.beginResetModel()
        self._set_rows(rows)
        self.endResetModel()

    def _source_ids(self) -> np.ndarray:
        source = self.sourceModel()
        if source is None:
            return np.zeros(0, dtype=np.int64)
        if isinstance(source, EventTableModel):
            return source.row_ids()
        n = source.rowCount()
        return np.array([source.index(r, 0).data(ID_ROLE) for r in range(n)], dtype=np.int64)

    def _set_rows(self, rows: np.ndarray) -> None:
        self._rows, self._row_list = rows, rows.tolist()

    def _mapping(self) -> np.ndarray:
        ids = self._source_ids()
        if self._visible is None:
            return np.arange(ids.size, dtype=np.int64)
        return np.flatnonzero(np.isin(ids, self._visible, assume_unique=False))

    def setSourceModel(self, source: QAbstractItemModel | None) -> None:
        self.beginResetModel()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        super().setSourceModel(source)
        self._cell = source.cell if isinstance(source, EventTableModel) else None
        if source is not None:
            self._connections = [
                (source.modelAboutToBeReset, self.beginResetModel),
                (source.modelReset, self._on_source_reset),
                (source.layoutAboutToBeChanged, self._on_source_layout_about_to_change),
                (source.layoutChanged, self._on_source_layout_changed),
                (source.dataChanged, self._on_source_data_changed),
                (source.headerDataChanged, self.headerDataChanged),
            ]
            for signal, slot in self._connections:
                signal.connect(slot)
        self._set_rows(self._mapping())
        self.endResetModel()

    def _on_source_reset(self) -> None:
        self._set_rows(self._mapping())
        self.endResetModel()

    def _on_source_layout_about_to_change(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        self._moving = [
            (index, QPersistentModelIndex(self.mapToSource(index)))
            for index in self.persistentIndexList()
        ]

    def _on_source_layout_changed(self, *_args) -> None:
        self._set_rows(self._mapping())
        moving, self._moving = self._moving, []
        old = [index for index, _ in moving]
        source_model = self.sourceModel()
        new = [
            self.mapFromSource(source_model.index(source.row(), source.column()))
            for _, source in moving
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        if self._rows.size:
            first = int(np.searchsorted(self._rows, top.row()))
            last = int(np.searchsorted(self._rows, bottom.row(), side="right")) - 1
            if first <= last:
                left, right = self.index(first, top.column()), self.index(last, bottom.column())
                self.dataChanged.emit(left, right, list(roles))

    # -- QAbstractProxyModel -------------------------------------------------------------------
    def mapToSource(self, index: _Index) -> QModelIndex:
        row = index.row()
        if not index.isValid() or not 0 <= row < self._rows.size:
            return QModelIndex()
        source = self.sourceModel()
        return (
            QModelIndex() if source is None else source.index(int(self._rows[row]), index.column())
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source's data, mapped in one Python call (not mapToSource, then data)."""
        cell = self._cell
        if cell is not None:
            row = index.row()
            return cell(self._row_list[row], index.column(), role) if row >= 0 else None
        return self.sourceModel().data(self.mapToSource(index), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mapFromSource(self, index: _Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        k = int(np.searchsorted(self._rows, index.row()))
        if k < self._rows.size and self._rows[k] == index.row():
            return self.index(k, index.column())
        return QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < self._rows.size:
            return QModelIndex()
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, *_args) -> QModelIndex:
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._rows.size)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        source = self.sourceModel()
        if orientation == Qt.Orientation.Horizontal and source is not None:
            return source.headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model (one Python sort over cached keys); the proxy
        keeps the source's order and only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def proxy_row_of(self, event_id: int) -> int | None:
        source = self.sourceModel()
        row = source.row_of(event_id) if isinstance(source, EventTableModel) else None
        if row is None:
            return None
        mapped = self.mapFromSource(source.index(row, 0))
        return mapped.row() if mapped.isValid() else None
