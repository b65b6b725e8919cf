"""``eventline screenshot``: the real main window rendered headless to PNG, SVG or PDF.

The store is opened read-only; the search, date range and selection are applied exactly as a
user would (search bar, worker and all) and waited for, so the picture a script makes is the
picture a user sees.
"""

from __future__ import annotations

import os
from pathlib import Path


class ScreenshotError(ValueError):
    """A bad argument: unknown event key, bad date, unknown format."""


def render_screenshot(
    db: Path,
    out: Path,
    *,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    select_key: str | None = None,
    size: tuple[int, int] = (1400, 900),
) -> None:
    """Render the window on store ``db`` to ``out`` (format from its suffix)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.export.figure import export_figure
    from desktop.export.image import ExportError, export_format
    from desktop.qt_messages import install_message_filter
    from desktop.viewmodel.search_controller import parse_date_bound
    from desktop.viewmodel.store_model import StoreModel
    from desktop.widgets.main_window import MainWindow

    try:
        export_format(out)
        start_s = parse_date_bound(date_from)
        end_s = parse_date_bound(date_to, end=True)
    except (ExportError, ValueError) as exc:
        raise ScreenshotError(str(exc)) from None
    if start_s is not None and end_s is not None and end_s <= start_s:
        raise ScreenshotError(f"--from {date_from} is after --to {date_to}")
    if size[0] < 200 or size[1] < 150:
        raise ScreenshotError(f"size {size[0]}x{size[1]} is too small (at least 200x150)")
    install_message_filter()
    app = QApplication.instance() or QApplication([])
    store_model = StoreModel()
    store_model.open(db)
    window = MainWindow(store_model)
    try:
        window.resize(*size)
        window.show()
        app.processEvents()
        _apply(window, query, date_from or "", date_to or "", select_key)
        if start_s is not None or end_s is not None:
            lo, hi = window.timeline_view.visible_range()
            window.timeline_view.set_visible_range(start_s or lo, end_s or hi)
        app.processEvents()
        export_figure(window, out, "window")
    finally:
        window.close()
        window.deleteLater()
        store_model.close()
        app.processEvents()


def _apply(window, query: str | None, date_from: str, date_to: str, key: str | None) -> None:
    if query:
        window.search_bar.set_query(query)
        window.search.flush()
    if date_from or date_to:
        window.search_bar.set_date_range(date_from, date_to)
    window.timeline_view.fit_all()
    if key:
        try:
            window.selection.select_key(key)
        except KeyError as exc:
            raise ScreenshotError(exc.args[0]) from None
