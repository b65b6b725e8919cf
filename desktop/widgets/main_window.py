"""The main window: lays out the search bar, timeline, event list, details and source; wires them.

Layout: search bar on top; a vertical splitter with the timeline above and, below it, the event
table beside a details / source splitter. Every behaviour lives in a view model or a widget;
the slots here only forward. Menus live in ``menus.AppMenus`` and only emit requests; the app
answers them (the File menu's Export entries too: ``export`` sits above ``widgets``). A
first-run hint bar (hidden unless the app shows it) sits above the search bar.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.viewmodel.details import format_interval
from desktop.viewmodel.event_table_model import EventFilterProxy, EventTableModel
from desktop.viewmodel.lazy_table_model import LazyEventTableModel
from desktop.viewmodel.search_controller import SearchController
from desktop.viewmodel.selection_controller import SelectionController
from desktop.viewmodel.store_model import StoreModel
from desktop.viewmodel.timeline_model import TimelineModel
from desktop.widgets.curation_menu import install_curation_menu
from desktop.widgets.details_pane import DetailsPane
from desktop.widgets.event_table import EventTableView
from desktop.widgets.first_run_hint import FirstRunHint
from desktop.widgets.interchange_menu import install_interchange_menu
from desktop.widgets.menus import AppMenus
from desktop.widgets.search_bar import SearchBar
from desktop.widgets.source_view import SourcePane
from desktop.widgets.timeline_spread import install_date_spreads
from desktop.widgets.timeline_view import TimelineView


class MainWindow(QMainWindow):
    """The window. Hooks for other features: ``menus`` (``menus.bar`` is the QMenuBar),
    ``store_model``, ``selection``; ``paths_dropped`` carries files dropped on the window."""

    paths_dropped = Signal(list)  # local paths (str) dropped on the window

    def __init__(self, store_model: StoreModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Eventline")
        self.store_model = store_model
        self.timeline_model = TimelineModel(self)
        self.search = SearchController(store_model, self.timeline_model, self)
        self.selection = SelectionController(store_model, self.timeline_model, self)
        self.table_model = EventTableModel(self)
        self.table_proxy = EventFilterProxy(self)
        self.table_proxy.setSourceModel(self.table_model)
        self.lazy_table = LazyEventTableModel(self.timeline_model, store_model.records_by_id, self)
        self._build_widgets()
        # date-spread whiskers and article counts; before _wire: its cache clears first
        self.spread_item = install_date_spreads(self.timeline_view, store_model)
        self._build_menu()
        self._wire()
        install_curation_menu(self)  # Edit menu: curation, undo/redo
        install_interchange_menu(self)  # File: import events, export events

    # -- layout --------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.hint = FirstRunHint()
        self.hint.hide()
        self.search_bar = SearchBar()
        self.timeline_view = TimelineView(self.timeline_model)
        self.event_table = EventTableView(self.table_proxy)
        self.details_pane = DetailsPane()
        self.source_pane = SourcePane()
        self.side_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.side_splitter.addWidget(self.details_pane)
        self.side_splitter.addWidget(self.source_pane)
        self.side_splitter.setSizes([300, 420])
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.addWidget(self.event_table)
        self.bottom_splitter.addWidget(self.side_splitter)
        self.bottom_splitter.setSizes([620, 780])
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.timeline_view)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        self.main_splitter.setSizes([500, 340])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.range_label = QLabel()
        for label in (self.count_label, self.range_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.range_label)
        self.resize(1400, 900)
        self.setAcceptDrops(True)

    def _build_menu(self) -> None:
        shortcuts = [
            ("Find", QKeySequence.StandardKey.Find, self.search_bar.focus_search),
            ("Clear search", "Esc", self.search_bar.clear),
            ("Fit all", "Home", self.timeline_view.fit_all),
            ("Zoom in", "+", lambda: self.timeline_view.zoom(2.0)),
            ("Zoom out", "-", lambda: self.timeline_view.zoom(0.5)),
            ("Previous event", "Left", lambda: self.timeline_model.step(-1)),
            ("Next event", "Right", lambda: self.timeline_model.step(1)),
        ]
        self.menus = AppMenus(self, shortcuts)
        self.file_menu, self.export_menu = self.menus.file_menu, self.menus.export_menu
        self.open_action, self.quit_action = self.menus.open_action, self.menus.quit_action

    # -- drag and drop: articles, folders or a store ---------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)

    # -- wiring --------------------------------------------------------------------------------
    def _wire(self) -> None:
        self.search_bar.query_edited.connect(self.search.set_query)
        self.search_bar.filter_changed.connect(self._on_search_bar_filter_changed)
        self.search_bar.cleared.connect(self.search.clear)
        self.search.results_changed.connect(self._on_search_results_changed)
        self.timeline_model.mask_changed.connect(self._on_timeline_model_mask_changed)
        self.timeline_model.selection_changed.connect(self.event_table.select_event)
        self.timeline_model.range_changed.connect(self._on_timeline_model_range_changed)
        self.timeline_view.event_clicked.connect(self.selection.select)
        self.event_table.event_activated.connect(self.selection.select)
        self.source_pane.text_view.event_clicked.connect(self.selection.select)
        self.details_pane.source_chosen.connect(self.selection.show_source)
        self.selection.details_changed.connect(self.details_pane.show_details)
        self.selection.source_changed.connect(self.source_pane.show_layout)
        self.store_model.store_opened.connect(self._on_store_model_store_opened)
        self.store_model.store_changed.connect(self._on_store_model_store_changed)
        if self.store_model.is_open:
            self._on_store_model_store_opened(str(self.store_model.path))

    def _on_store_model_store_opened(self, path: str) -> None:
        self.setWindowTitle(f"Eventline — {path}")
        self.timeline_model.set_data(self.store_model.columns, self.store_model.titles())
        self.table_model.set_records(self.store_model.records)
        self._use_lazy_table()
        self.search_bar.set_actors(self.store_model.lanes)
        self.search.reset_data()  # the timeline view fitted all when the columns changed

    def _on_store_model_store_changed(self) -> None:
        """Another process wrote to the store: new data, same zoom, selection and search."""
        self.timeline_model.refresh_data(self.store_model.columns, self.store_model.titles())
        self.table_model.set_records(self.store_model.records)
        self._use_lazy_table()
        self.search_bar.set_actors(self.store_model.lanes)
        self.search.reset_data()

    def _use_lazy_table(self) -> None:
        """A store too large for records in memory lists its events through the lazy table;
        the overview strip gets the articles' publication dates."""
        large = not self.store_model.records and self.timeline_model.total_count > 0
        self.lazy_table.set_active(large)
        self.event_table.use_model(self.lazy_table if large else self.table_proxy)
        self.timeline_view.set_coverage(self.store_model.published_s())

    def _on_search_bar_filter_changed(self, name: str, value: object) -> None:
        self.search.set_filters(**{name: value})

    def _on_search_results_changed(self, shown: int, total: int) -> None:
        self.count_label.setText(f"{shown} of {total} events")

    def _on_timeline_model_mask_changed(self) -> None:
        everything = self.timeline_model.visible_count == self.timeline_model.total_count
        if self.table_model.rowCount():  # a very large store's table is empty (StoreModel)
            shown = None if everything else self.timeline_model.shown_ids()
            self.table_proxy.set_visible_ids(shown)
        self.event_table.select_event(self.timeline_model.selected_id)

    def _on_timeline_model_range_changed(self, start_s: float, end_s: float) -> None:
        self.range_label.setText(range_text(start_s, end_s))


def range_text(start_s: float, end_s: float) -> str:
    """The visible range in the status bar, in days (the axis shows no date below a day)."""

    def day(seconds: float) -> str:
        try:
            date = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return "?"
        return format_interval(date, date, "day")

    return f"{day(start_s)} – {day(end_s)} (UTC)"
