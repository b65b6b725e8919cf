"""The window notices another process's commits: the store model polls the generation,
reloads the columns through the cache, and the timeline keeps its zoom and selection."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desktop.store import EventStore
from desktop.viewmodel.store_model import POLL_INTERVAL_MS, StoreModel
from desktop.widgets.main_window import MainWindow


def test_refresh_reloads_and_keeps_zoom_and_selection(qtbot, sample_store: Path) -> None:
    model = StoreModel()
    model.open(sample_store)
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    timeline = window.timeline_model
    view = window.timeline_view
    first = int(timeline.ids[0])
    timeline.select(first)
    view.set_visible_range(1.7e9, 1.75e9)
    before_range = view.visible_range()
    assert model.refresh() is False  # nothing changed yet
    with EventStore.create_or_open(sample_store) as writer:  # "another process"
        other = next(e for e in writer.list_events() if e.id != first)
        writer.update_event(other.id, title="Retitled elsewhere")
    with qtbot.waitSignal(model.store_changed, timeout=POLL_INTERVAL_MS * 5):
        pass  # the poll timer notices the new generation
    assert timeline.selected_id == first
    assert np.allclose(view.visible_range(), before_range)
    assert timeline.title(other.id) == "Retitled elsewhere"
    model.close()


def test_large_store_titles_are_fetched_by_id(sample_store: Path, monkeypatch) -> None:
    import desktop.viewmodel.store_model as store_model

    monkeypatch.setattr(store_model, "RECORDS_LIMIT", 2)  # pretend the sample store is huge
    model = StoreModel()
    model.open(sample_store)
    assert model.records == []  # nothing per event on the open path
    titles = model.titles()
    ids = [int(i) for i in model.columns.id]
    assert len(titles) == len(ids) and ids[0] in titles and -5 not in titles
    with EventStore.open(sample_store) as store:
        want = {e.id: e.title for e in store.list_events()}
        key = store.list_events()[0].key
    titles.prefetch(ids[:3])
    assert all(titles[i] == want[i] for i in ids)
    assert model.record(ids[1]).title == want[ids[1]]
    found = model.id_for_key(key)
    assert found in ids and model.key_for_id(found) == key
    model.close()
