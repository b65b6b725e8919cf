"""The event list: a sortable table kept in sync with the timeline's selection."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.viewmodel.event_table_model import ID_ROLE, EventFilterProxy


class EventTableView(QTableView):
    event_activated = Signal(int)  # the user picked a row

    def __init__(self, proxy: EventFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((135, 100, 90, 75, 360, 60, 64)):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)

    def use_model(self, model: QAbstractItemModel) -> None:
        """Show another model with ``proxy_row_of`` and ``ID_ROLE`` (a large store's lazy table,
        or back to the filtering proxy), keeping the sort column."""
        if model is self.proxy:
            return
        header = self.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.proxy = model
        self.setModel(model)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        self.sortByColumn(column, order)

    def select_event(self, event_id: int | None) -> None:
        """Follow a selection made elsewhere, without echoing it back."""
        self._syncing = True
        try:
            row = self.proxy.proxy_row_of(event_id) if event_id is not None else None
            if row is None:
                self.selectionModel().clearCurrentIndex()  # or filtering moves it to a neighbour
                self.clearSelection()
                return
            index = self.proxy.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.selectionModel().setCurrentIndex(index, flags)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def selected_event(self) -> int | None:
        index = self.selectionModel().currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_selection_current_row_changed(self, current: QModelIndex, _previous: object) -> None:
        if not self._syncing and current.isValid():
            self.event_activated.emit(int(current.data(ID_ROLE)))
