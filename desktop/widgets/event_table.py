"""The event list: a sortable table kept in sync with the timeline's selection.

The viewport paints from a cached pixmap while nothing it shows has changed: a range change
on the timeline repaints the whole window (``grab`` in the bench, exposure in the app), and
the table's rows, text and selection do not depend on the range. Any model, selection,
scroll, header or viewport event (hover, focus, resize) drops the cache.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.viewmodel.event_table_model import ID_ROLE, EventFilterProxy
from desktop.widgets.cached_scrollbar import CachedScrollBar


class EventTableView(QTableView):
    event_activated = Signal(int)  # the user picked a row

    def __init__(self, proxy: EventFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBar(CachedScrollBar(Qt.Orientation.Vertical))
        self.setHorizontalScrollBar(CachedScrollBar(Qt.Orientation.Horizontal))
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
        self._cache: QPixmap | None = None
        self._rendering = False
        self._rebuild = QTimer(self, singleShot=True, interval=0)
        self._rebuild.timeout.connect(self._rebuild_paint_cache)
        self.viewport().installEventFilter(self)
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.valueChanged.connect(self.drop_paint_cache)
        header.sectionResized.connect(self.drop_paint_cache)
        header.sortIndicatorChanged.connect(self.drop_paint_cache)
        self._watch_model()

    def use_model(self, model: QAbstractItemModel) -> None:
        """Show another model with ``proxy_row_of`` and ``ID_ROLE`` (a large store's lazy table,
        or back to the filtering proxy), keeping the sort column."""
        if model is self.proxy:
            return
        header = self.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.proxy = model
        self.setModel(model)
        self._watch_model()
        self.sortByColumn(column, order)

    def _watch_model(self) -> None:
        self.drop_paint_cache()
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        self.selectionModel().selectionChanged.connect(self.drop_paint_cache)
        self.selectionModel().currentChanged.connect(self.drop_paint_cache)
        model = self.model()
        for signal in (
            model.dataChanged,
            model.headerDataChanged,
            model.layoutChanged,
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            signal.connect(self.drop_paint_cache)

    def drop_paint_cache(self, *_args: object) -> None:
        self._cache = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        rendering = getattr(self, "_rendering", True)
        if watched is self.viewport() and event.type() != QEvent.Type.Paint and not rendering:
            self._cache = None
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint and not getattr(self, "_rendering", True):
            self._cache = None  # focus, activation, style and palette changes
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint from the cached pixmap if it is current; else paint the rows and have the
        cache rebuilt once control returns to the event loop."""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        cache = self._cache
        if self._rendering or cache is None or cache.size() != viewport.size() * ratio:
            super().paintEvent(event)
            if not self._rendering:
                self._rebuild.start()
            return
        painter = QPainter(viewport)
        painter.drawPixmap(0, 0, cache)
        painter.end()

    def _rebuild_paint_cache(self) -> None:
        viewport = self.viewport()
        if not viewport.isVisible() or self._cache is not None:
            return
        ratio = viewport.devicePixelRatioF()
        cache = QPixmap(viewport.size() * ratio)
        cache.setDevicePixelRatio(ratio)
        cache.fill(Qt.GlobalColor.transparent)
        self._rendering = True
        try:
            viewport.render(cache, QPoint())
        finally:
            self._rendering = False
        self._cache = cache

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
