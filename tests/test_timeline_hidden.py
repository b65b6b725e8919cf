"""Hidden events, when "Show hidden events" lets them through, are drawn faded on the timeline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

from desktop.widgets.timeline_lod import split_key, style_keys
from desktop.widgets.timeline_view import TimelineView
from tests.store_fixtures import make_sample_store
from tests.window_fixtures import open_window

try:
    from tests.test_timeline_view import id_of
    from tests.test_timeline_view import view as view  # the same TimelineView fixture
except ImportError:  # tests/ is not a package
    from test_timeline_view import id_of
    from test_timeline_view import view as view


def alphas(style: tuple) -> tuple[int, int]:
    pen, brush = style
    return pen.color().alpha(), brush.color().alpha()


def test_style_keys_round_trip() -> None:
    rows, status = np.array([0, 3, 999]), np.array([2, 0, 1], dtype=np.int8)
    hidden = np.array([True, False, True])
    keys = style_keys(rows, status, hidden)
    assert [split_key(int(k)) for k in keys] == [(0, 2, True), (3, 0, False), (999, 1, True)]
    assert len(set(keys.tolist())) == 3


def test_model_marks_hidden_ids_and_signals_only_changes(qtbot, view: TimelineView) -> None:
    model = view.model
    ernie = id_of(view, "Ernie 4.5")
    with qtbot.waitSignal(model.hidden_changed):
        model.set_hidden_ids([ernie])
    assert model.hidden()[model.index_of(ernie)]
    assert int(model.hidden().sum()) == 1
    with qtbot.assertNotEmitted(model.hidden_changed):
        model.set_hidden_ids({ernie})


def test_a_hidden_event_is_drawn_faded(view: TimelineView) -> None:
    ernie = id_of(view, "Ernie 4.5")
    normal = view.lod.glyph_style(ernie)
    assert normal is not None and normal[1].style() != Qt.BrushStyle.NoBrush
    view.model.set_hidden_ids([ernie])
    faded = view.lod.glyph_style(ernie)
    assert faded is not None
    assert faded[0].color().rgb() == normal[0].color().rgb()  # same lane colour
    assert alphas(faded)[0] < alphas(normal)[0] / 2
    assert alphas(faded)[1] < alphas(normal)[1] / 2
    others = [i for i in view.model.ids.tolist() if i != ernie]
    assert all(alphas(view.lod.glyph_style(i) or normal)[0] == 255 for i in others)
    view.model.set_hidden_ids([])
    assert alphas(view.lod.glyph_style(ernie)) == alphas(normal)


def test_show_hidden_in_the_window_draws_the_hidden_event_faded(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, make_sample_store(tmp_path / "s.db"), shown=True)
    store_model = window.store_model
    record = next(r for r in store_model.records if r.actor == "Tencent")
    window.selection.select(record.id)
    before = window.timeline_view.lod.glyph_style(record.id)
    window.curation_menu.actions["hide"].trigger()
    assert record.id in window.timeline_model.hidden_ids
    window.curation_menu.actions["show_hidden"].setChecked(True)
    window.timeline_view.fit_all()
    i = window.timeline_model.index_of(record.id)
    if window.timeline_model.dated[i]:
        after = window.timeline_view.lod.glyph_style(record.id)
    else:
        hit = np.flatnonzero(window.timeline_view._tray_points[:, 2] == i)
        after = window.timeline_view.tray_scatter.data[int(hit[0])]
        after = (after["pen"], after["brush"])
    assert after is not None
    assert after[0].color().alpha() < 128
    if before is not None:
        assert before[0].color().alpha() == 255
    window.curation_menu.model.close()
