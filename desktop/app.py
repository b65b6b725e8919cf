"""Composition root of the GUI: QApplication, settings, excepthook, store choice, menus.

``run_gui(db, view)`` opens ``db``; without one, the last store used if it still opens, else
the demo store (with a dismissable hint on how to add articles). A store that cannot be opened
is explained in a (plain text) message box, then the demo store opens instead. ``view`` is an
exported figure whose provenance restores the view. Stores, imports, recent stores, drag and
drop and About are ``widgets.store_actions.StoreActions``; the Export entries are wired here.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop.export.figure import export_figure
from desktop.export.image import ExportError, copy_to_clipboard
from desktop.export.provenance import read_provenance
from desktop.paths import resource_path
from desktop.store.errors import StoreError
from desktop.viewmodel.store_model import StoreModel
from desktop.widgets.main_window import MainWindow
from desktop.widgets.store_actions import LAST_STORE, StoreActions
from desktop.widgets.upgrade_dialog import open_store_offering_upgrade

log = logging.getLogger(__name__)

ORGANISATION = "Eventline"
APPLICATION = "Eventline"
DESKTOP_FILE = "io.github.eventline.Eventline"  # the .desktop entry's name (Wayland app id)
_SPLITTERS = ("main_splitter", "bottom_splitter", "side_splitter")
_EXPORT_TARGETS = (
    ("Timeline (current view)", "timeline"),
    ("Timeline (whole range)", "timeline_all"),
    ("Whole window", "window"),
)
_EXPORT_FORMATS = (("PNG…", "png", 1.0), ("PNG 2×…", "png", 2.0), ("SVG…", "svg", 1.0),
                   ("PDF…", "pdf", 1.0))  # fmt: skip


def message_box(parent: QWidget | None, title: str, text: str, detail: str = "") -> QMessageBox:
    """A warning box whose text is never interpreted as markup."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setDetailedText(detail)
    return box


def show_message(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    message_box(parent, title, text, detail).exec()


def _excepthook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    detail = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", detail)
    sys.stderr.write(detail)
    if QApplication.instance() is not None:
        show_message(None, "Eventline: unexpected error", f"{kind.__name__}: {value}", detail)


def open_first_store(
    store_model: StoreModel, db: Path | None, settings: QSettings, parent: QWidget | None = None
) -> Path:
    """Open ``db``, else the last store used, else the demo store; returns the opened path."""
    candidates: list[tuple[Path, bool]] = []
    if db is not None:
        candidates.append((Path(db), True))
    else:
        last = settings.value(LAST_STORE, "", type=str)
        if last:
            candidates.append((Path(last), False))
    for path, asked in candidates:
        try:  # a store of an older schema: offer to upgrade it
            open_store_offering_upgrade(store_model, path, parent)
            return path
        except (StoreError, OSError) as exc:
            log.warning("could not open %s: %s", path, exc)
            if asked:
                show_message(
                    parent,
                    "Eventline: cannot open store",
                    f"{exc}\n\nThe demo store opens instead. Use File → Open store… to pick "
                    "another store, or File → New store… to make one.",
                )
    from desktop.demo import ensure_demo_store

    demo = ensure_demo_store()
    store_model.open(demo)
    return demo


def apply_view(window: MainWindow, provenance: dict[str, Any]) -> None:
    """Restore the search, filters, selection and time range recorded in an export."""
    bar = window.search_bar
    if provenance.get("query"):
        bar.set_query(str(provenance["query"]))
        window.search.flush()
    filters = provenance.get("filters") or {}
    for name, combo in (("actor", bar.actor_combo), ("kind", bar.kind_combo),
                        ("status", bar.status_combo)):  # fmt: skip
        index = combo.findData(filters.get(name)) if filters.get(name) else -1
        if index >= 0:
            combo.setCurrentIndex(index)
    start, end = (provenance.get("time_range_s") or [None, None])[:2]
    if filters.get("date_from") is not None or filters.get("date_to") is not None:
        bar.set_date_range(_day(filters.get("date_from")), _day(filters.get("date_to"), end=True))
    if provenance.get("selection"):
        try:
            window.selection.select_key(str(provenance["selection"]))
        except KeyError:
            log.warning("the recorded selection is not in this store")
    if isinstance(start, int | float) and isinstance(end, int | float):
        window.timeline_view.set_visible_range(float(start), float(end))


def _day(seconds: float | None, *, end: bool = False) -> str:
    if seconds is None:
        return ""
    moment = dt.datetime.fromtimestamp(float(seconds), tz=dt.UTC)
    if end:
        moment -= dt.timedelta(days=1)
    return moment.date().isoformat()


class _AppController:
    """Menu actions and settings of one window (kept out of the window: it only lays out)."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.actions = StoreActions(
            window, settings, lambda title, text: show_message(window, title, text)
        )
        for label, target in _EXPORT_TARGETS:
            menu = window.export_menu.addMenu(label)
            for text, fmt, scale in _EXPORT_FORMATS:
                action = QAction(text, window)
                action.triggered.connect(
                    lambda _=False, t=target, f=fmt, s=scale: self.export(t, f, s)
                )
                menu.addAction(action)
        copy = QAction("Copy to clipboard", window)
        copy.triggered.connect(lambda: copy_to_clipboard(window))
        window.export_menu.addAction(copy)

    def export(self, target: str, fmt: str, scale: float) -> None:
        suggested = f"eventline-{target}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export", suggested, f"*.{fmt}")
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            export_figure(self.window, path, target, scale)
        except (ExportError, OSError) as exc:
            show_message(self.window, "Eventline: export failed", str(exc))

    def restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        for name in _SPLITTERS:
            state = self.settings.value(f"window/{name}")
            if state is not None:
                getattr(self.window, name).restoreState(state)

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        for name in _SPLITTERS:
            self.settings.setValue(f"window/{name}", getattr(self.window, name).saveState())
        self.actions.shutdown()


def build_window(
    db: Path | None, view: Path | None, settings: QSettings
) -> tuple[MainWindow, _AppController]:
    """The window on the chosen store, with the menu actions and the saved layout."""
    store_model = StoreModel()
    window = MainWindow(store_model)
    store_model.setParent(window)
    controller = _AppController(window, settings)
    controller.restore()
    open_first_store(store_model, db, settings, window)
    if view is not None:
        provenance = read_provenance(view)
        if provenance is None:
            show_message(window, "Eventline", f"{view} carries no Eventline view to restore.")
        else:
            apply_view(window, provenance)
    return window, controller


def _app_icon() -> QIcon | None:
    try:
        path = resource_path("icons", "eventline.svg")
    except FileNotFoundError:
        return None
    return QIcon(str(path)) if path.is_file() else None


def run_gui(db: Path | None, view: Path | None = None) -> int:
    """Start the GUI; returns the application's exit code."""
    from desktop.memory import tune_allocator

    tune_allocator()  # before any data: large stores' temporaries go back to the system
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(DESKTOP_FILE)
    icon = _app_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    sys.excepthook = _excepthook
    settings = QSettings(ORGANISATION, APPLICATION)
    try:
        window, controller = build_window(db, view, settings)
    except Exception as exc:  # the demo store itself failed: say so, do not crash
        log.exception("could not start")
        show_message(None, "Eventline cannot start", f"{type(exc).__name__}: {exc}")
        return 1
    app.aboutToQuit.connect(controller.save)
    window.show()
    return int(app.exec())
