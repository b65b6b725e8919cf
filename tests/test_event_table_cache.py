"""The event table paints from a cached pixmap until something it shows changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from desktop.viewmodel.event_table_model import EventFilterProxy
from desktop.widgets.event_table import EventTableView

try:
    from tests.test_lazy_table import table
except ImportError:  # tests/ is not a package
    from test_lazy_table import table  # noqa: F401


def show(qtbot, model) -> EventTableView:
    view = EventTableView(EventFilterProxy())
    view.use_model(model)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def settle(view: EventTableView) -> None:
    for _ in range(3):
        QApplication.processEvents()
    view.grab()
    QApplication.processEvents()


def test_cached_paint_matches_a_fresh_paint_and_follows_changes(qtbot, table) -> None:
    model, timeline, _ = table
    view = show(qtbot, model)
    settle(view)
    assert view._cache is not None  # built once the event loop ran
    cached = view.viewport().grab().toImage()
    view.drop_paint_cache()
    view._rebuild.stop()
    fresh = view.viewport().grab().toImage()  # painted by QTableView itself
    assert cached == fresh
    settle(view)
    before = view.viewport().grab().toImage()
    mask = np.zeros(timeline.total_count, dtype=bool)
    mask[0] = True
    timeline.set_mask(mask)  # the table shows one row now: the cache must not hide that
    assert view._cache is None
    after = view.viewport().grab().toImage()
    assert after != before
    settle(view)
    assert view.viewport().grab().toImage() == after


def test_selection_and_scrolling_drop_the_cache(qtbot, table) -> None:
    model, _, _ = table
    view = show(qtbot, model)
    settle(view)
    assert view._cache is not None
    view.selectRow(1)
    assert view._cache is None
    settle(view)
    assert view._cache is not None
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(1)
    assert view._cache is None
