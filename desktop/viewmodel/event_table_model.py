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

    def set_marks(self, starred: Iterable[int], hidden: Iterable[int] = ()) -> None:
        """Curation marks in the Marks column: "★" for starred events, "hidden" for events
        marked as not an event (seen when hidden events are shown)."""
        self._starred = frozenset(int(i) for i in starred)
        self._hidden = frozenset(int(i) for i in hidden)
        if self._records:
            last = len(self._records) - 1
            top, bottom = self.index(0, STAR_COLUMN), self.index(last, STAR_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
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
        event_id = self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE)
        return event_id in self._visible

    def proxy_row_of(self, event_id: int) -> int | None:
        source = self.sourceModel()
        row = source.row_of(event_id) if isinstance(source, EventTableModel) else None
        if row is None:
            return None
        mapped = self.mapFromSource(source.index(row, 0))
        return mapped.row() if mapped.isValid() else None
