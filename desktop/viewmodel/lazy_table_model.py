"""The event list of a large store: rows from the timeline's arrays, records fetched by page.

A store above ``StoreModel.RECORDS_LIMIT`` events has no list of records in memory, so this
table model never holds one Python object per event. Its rows are positions into the
``TimelineModel``'s arrays: the events the timeline's mask shows, in an order computed with
numpy (one permutation per sort column, cached; a mask change only filters it). Date, actor,
kind, status and sources sort from the arrays; title and marks cannot (they sort by date).
Cells that need the record (date text, title) fetch it by id, a page of rows at a time, and
keep the records of at most a few pages' worth of events, by id: a search result or a new sort
order refetches only the events not shown recently.

Same interface as the small-store table (``EventFilterProxy`` over ``EventTableModel``) as far
as ``EventTableView`` uses it: ``ID_ROLE`` and ``proxy_row_of``. QtCore only; cells are plain
strings.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.extract.types import KINDS, STATUSES
from desktop.store.fts_results import flag_positions
from desktop.viewmodel.details import format_event_date
from desktop.viewmodel.event_table_model import COLUMNS, ID_ROLE
from desktop.viewmodel.timeline_model import TimelineModel

PAGE = 256  # rows whose records are fetched together
MAX_PAGES = 16  # pages of records kept
_Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Sequence[int]], Mapping[int, Any]]


_POS = np.int32  # row -> event position (a store holds < 2^31 events): half of int64


class LazyEventTableModel(QAbstractTableModel):
    """The timeline's shown events as table rows, sorted by an array column."""

    def __init__(self, timeline: TimelineModel, fetch: Fetch, parent: QObject | None = None):
        super().__init__(parent)
        self.timeline = timeline
        self._fetch = fetch
        # sort column -> permutation of all events; None: the arrays' own order (no array)
        self._perms: dict[int, np.ndarray | None] = {}
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._order: np.ndarray | _Span = _Span(0, False)  # row -> timeline index
        # event id -> record (None: the store has none), least recently used first; kept across
        # mask changes and sorts (a search result mostly shows events shown before), dropped
        # with the data
        self._records: OrderedDict[int, Any] = OrderedDict()
        self._active = False
        timeline.columns_changed.connect(self._on_timeline_columns_changed)
        timeline.mask_changed.connect(self._on_timeline_mask_changed)

    # -- activation and ordering ---------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Follow the timeline (True) or stay empty (False: the small-store table is in use)."""
        self._active = active
        self._perms = {}
        self._records = OrderedDict()
        self._reorder()

    def _reorder(self) -> None:
        self.beginResetModel()
        m = self.timeline
        if not self._active or m.columns is None or m.total_count == 0:
            self._order = _Span(0, False)
        else:
            column, order = self._sort
            perm = self._permutation(column)
            descending = order == Qt.SortOrder.DescendingOrder
            if m.visible_count == m.total_count and perm is None:
                self._order = _Span(m.total_count, descending)  # the identity: no array
                self.endResetModel()
                return
            if m.visible_count == m.total_count:
                shown = perm
            elif perm is None:  # the arrays' own order: the shown positions
                shown = flag_positions(m.mask)  # int32, no int64 positions on the way
            else:  # np.take and flatnonzero: several times faster than fancy indexing
                shown = np.take(perm, flag_positions(np.take(m.mask, perm)))
            self._order = shown[::-1] if descending else shown
        self.endResetModel()

    def _permutation(self, column: int) -> np.ndarray | None:
        """The order of all events by ``column``; None when it is the arrays' own order."""
        if column in self._perms:
            return self._perms[column]
        if column not in (1, 2, 3, 5) and _time_sorted(self.timeline):
            self._perms[column] = None
            return None
        m = self.timeline
        date = np.where(m.dated, m.start_s, np.inf)  # undated last
        keys: tuple = (m.ids, date)
        primary = self._sort_key(column)
        if primary is not None:
            keys = (*keys, primary)
        perm = self._perms[column] = np.lexsort(keys).astype(_POS)
        return perm

    def _sort_key(self, column: int) -> np.ndarray | None:
        m = self.timeline
        if column == 1:
            lanes = np.asarray(m.columns.lane, dtype=np.int64)
            names = [str(n).casefold() for n in getattr(m.columns, "lanes", [])]
            names.append("\uffff")  # an unknown lane code sorts last
            rank = np.empty(len(names), dtype=np.int64)
            rank[np.argsort(np.array(names, dtype=object), kind="stable")] = np.arange(len(names))
            known = (lanes >= 0) & (lanes < len(names) - 1)
            return rank[np.where(known, lanes, len(names) - 1)]
        if column == 2:
            return np.argsort(np.argsort([k.replace("_", " ") for k in KINDS]))[m.kind]
        if column == 3:
            return np.argsort(np.argsort(list(STATUSES)))[m.status]
        if column == 5:
            return np.asarray(m.columns.n_mentions, dtype=np.int64)
        return None  # date (the base order), or a column without an array: by date

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._reorder()

    # -- lookups -------------------------------------------------------------------------------
    def proxy_row_of(self, event_id: int) -> int | None:
        """The row showing ``event_id``, or None if it is not shown."""
        i = self.timeline.index_of(int(event_id))
        if i is None or self._order.size == 0:
            return None
        if isinstance(self._order, _Span):
            return self._order.row_of(i)
        hit = np.flatnonzero(self._order == i)
        return int(hit[0]) if hit.size else None

    def event_id(self, row: int) -> int:
        return int(self.timeline.ids[self._order[row]])

    def _record(self, row: int) -> Any:
        """The record of the event on ``row``; a miss fetches the records of its page's rows
        not cached yet in one call."""
        event_id = self.event_id(row)
        records = self._records
        if event_id in records:
            records.move_to_end(event_id)
            return records[event_id]
        page = row // PAGE
        ids = self.timeline.ids[self._order[page * PAGE : (page + 1) * PAGE]].tolist()
        missing = [i for i in ids if i not in records]
        fetched = self._fetch(missing)
        for i in missing:
            records[i] = fetched.get(i)
        while len(records) > MAX_PAGES * PAGE:
            records.popitem(last=False)
        return records.get(event_id)

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else int(self._order.size)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._order.size:
            return None
        if role == ID_ROLE:
            return self.event_id(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips guess rich text: escape, always
            return "<qt>" + html.escape(self._display(index.row(), index.column())) + "</qt>"
        return None

    def _display(self, row: int, column: int) -> str:
        m, i = self.timeline, int(self._order[row])
        if column == 1:
            lane = int(m.columns.lane[i])
            lanes = getattr(m.columns, "lanes", [])
            return str(lanes[lane]) if 0 <= lane < len(lanes) else ""
        if column == 2:
            return KINDS[int(m.kind[i])].replace("_", " ")
        if column == 3:
            return STATUSES[int(m.status[i])]
        if column == 5:
            return str(int(m.columns.n_mentions[i]))
        if column == 6:
            return ""
        record = self._record(row)
        if record is None:
            return ""
        if column == 0:
            return format_event_date(record.start, record.end, record.precision, record.status)
        return record.title or ""

    # -- slots ---------------------------------------------------------------------------------
    def _on_timeline_columns_changed(self) -> None:
        self._perms = {}
        self._records = OrderedDict()
        if self._active:
            self._reorder()

    def _on_timeline_mask_changed(self) -> None:
        if self._active:
            self._reorder()


class _Span:
    """Rows showing positions 0..size-1 in order (or reversed) without an array of them: the
    order of a store shown whole before any sort (4 bytes per event less)."""

    def __init__(self, size: int, descending: bool) -> None:
        self.size = size
        self.descending = descending

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            rows = np.arange(*key.indices(self.size), dtype=_POS)
            return self.size - 1 - rows if self.descending else rows
        row = int(key) + self.size if int(key) < 0 else int(key)
        if not 0 <= row < self.size:
            raise IndexError(key)
        return self.size - 1 - row if self.descending else row

    def row_of(self, position: int) -> int | None:
        """The row showing ``position``, or None."""
        if not 0 <= position < self.size:
            return None
        return self.size - 1 - position if self.descending else position


def _time_sorted(m: TimelineModel) -> bool:
    """True if the arrays are in date order already, undated last (as the column cache keeps
    them), so sorting by date is the identity."""
    dated = np.asarray(m.dated, dtype=bool)
    n = int(np.count_nonzero(dated))
    if not dated[:n].all():
        return False
    starts = m.start_s[:n]
    return bool(np.all(starts[1:] >= starts[:-1]))
