"""TimelineView: picking, keys, the undated tray, hollow planned glyphs, literal labels."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from desktop.viewmodel.timeline_model import DAY_S, TimelineModel
from desktop.widgets.timeline_view import TimelineView, tooltip_html

try:
    from tests.test_timeline_model import day_s, make_columns
except ImportError:  # tests/ is not a package
    from test_timeline_model import day_s, make_columns


@pytest.fixture
def view(qtbot) -> TimelineView:
    model = TimelineModel()
    widget = TimelineView(model)
    qtbot.addWidget(widget)
    widget.resize(1200, 520)
    widget.show()
    qtbot.waitExposed(widget)
    model.set_data(*make_columns())
    qtbot.wait(20)
    return widget


def id_of(view: TimelineView, title: str) -> int:
    return next(i for i, t in view.model.titles.items() if t == title)


def viewport_point(view: TimelineView, scene_pos: QPointF) -> QPoint:
    return view.plot_widget.mapFromScene(scene_pos)


def click_event(qtbot, view: TimelineView, event_id: int) -> None:
    pos = viewport_point(view, view.glyph_scene_pos(event_id))
    qtbot.mouseClick(view.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_a_glyph_selects_its_event(qtbot, view: TimelineView) -> None:
    ernie = id_of(view, "Ernie 4.5")
    with qtbot.waitSignal(view.event_clicked) as blocker:
        click_event(qtbot, view, ernie)
    assert blocker.args == [ernie]
    assert view.model.selected_id == ernie
    highlight = view.highlight.data
    assert len(highlight) == 1 and highlight["x"][0] == day_s("2025-03-16")


def test_clicking_a_bar_selects_it_and_empty_space_does_not(qtbot, view: TimelineView) -> None:
    deepseek = id_of(view, "DeepSeek R1")
    row = view.model.rows[view.model.index_of(deepseek)]
    on_bar = view.view_box.mapViewToScene(QPointF(day_s("2025-10-20"), row + 0.14))
    qtbot.mouseClick(
        view.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(view, on_bar)
    )
    assert view.model.selected_id == deepseek
    empty = view.view_box.mapViewToScene(QPointF(day_s("2024-12-01"), row + 0.14))
    with qtbot.assertNotEmitted(view.event_clicked):
        qtbot.mouseClick(
            view.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(view, empty)
        )


def test_home_fits_all_after_zooming(qtbot, view: TimelineView) -> None:
    view.set_visible_range(day_s("2025-03-10"), day_s("2025-03-12"))
    view.plot_widget.setFocus()
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Home)
    lo, hi = view.visible_range()
    model = view.model
    assert lo <= np.nanmin(model.start_s) and hi >= np.nanmax(model.end_s)
    assert hi - lo < 3 * 365 * DAY_S  # fitted, not the whole axis


def test_plus_minus_zoom_and_arrows_step(qtbot, view: TimelineView) -> None:
    view.plot_widget.setFocus()
    lo, hi = view.visible_range()
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Plus)
    lo2, hi2 = view.visible_range()
    assert hi2 - lo2 == pytest.approx((hi - lo) / 1.5, rel=1e-3)
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Minus)
    assert view.visible_range()[1] - view.visible_range()[0] == pytest.approx(hi - lo, rel=1e-3)
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Right)
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Right)
    assert view.model.selected_id == id_of(view, "DeepSeek R1")


def test_selection_out_of_view_pans_to_it(view: TimelineView) -> None:
    view.set_visible_range(day_s("2024-01-01"), day_s("2024-02-01"))
    view.model.select(id_of(view, "Ernie 4.5"))
    lo, hi = view.visible_range()
    assert lo < day_s("2025-03-16") < hi
    assert hi - lo == pytest.approx(31 * DAY_S, rel=1e-3)


def test_undated_tray_shows_and_selects_undated_events(qtbot, view: TimelineView) -> None:
    undated = id_of(view, "<img src=x> undated")
    assert len(view.tray_scatter.data) == 1
    pos = view.glyph_scene_pos(undated)
    assert view.tray_item.getViewBox().sceneBoundingRect().contains(pos)
    click_event(qtbot, view, undated)
    assert view.model.selected_id == undated
    view.model.set_mask_from_ids([id_of(view, "Ernie 4.5")])
    assert len(view.tray_scatter.data) == 0


def test_planned_events_are_hollow(qtbot, view: TimelineView) -> None:
    planned = id_of(view, "<b>Ernie</b> open")
    happened = id_of(view, "Ernie 4.5")
    assert view.lod.glyph_style(planned)[1].style() == Qt.BrushStyle.NoBrush
    assert view.lod.glyph_style(happened)[1].style() != Qt.BrushStyle.NoBrush
    image = view.plot_widget.grab().toImage()
    ratio = image.devicePixelRatio()

    def pixel(event_id: int) -> QColor:
        p = viewport_point(view, view.glyph_scene_pos(event_id))
        return image.pixelColor(int(p.x() * ratio), int(p.y() * ratio))

    hollow, filled = pixel(planned), pixel(happened)
    assert hollow.lightness() > 230  # unfilled: the white background shows through
    assert filled.lightness() < 200


def test_labels_are_literal_and_never_overlap(view: TimelineView) -> None:
    view.set_visible_range(day_s("2025-05-01"), day_s("2025-08-01"))
    planned = id_of(view, "<b>Ernie</b> open")
    assert view.labels.shown.get(planned) == "<b>Ernie</b> open"
    item = next(i for i in view.labels.pool if i.isVisible() and "Ernie" in i.toPlainText())
    assert item.toPlainText() == "<b>Ernie</b> open"
    assert isinstance(item, QGraphicsSimpleTextItem)  # draws its text as is, never markup
    assert item.text() == "<b>Ernie</b> open"
    view.fit_all()
    rects = [i.sceneBoundingRect() for i in view.labels.pool if i.isVisible()]
    assert rects
    for a in range(len(rects)):
        for b in range(a + 1, len(rects)):
            assert not rects[a].intersects(rects[b])


def test_many_lanes_scroll_instead_of_squashing(qtbot) -> None:
    events = [
        (
            f"2025-01-{d:02d}",
            f"2025-01-{d + 1:02d}",
            f"Actor {d}",
            "release",
            "happened",
            "day",
            f"Event {d}",
            1,
        )
        for d in range(1, 29)
    ]
    model = TimelineModel()
    view = TimelineView(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_data(*make_columns(events))
    qtbot.wait(20)
    assert view.lane_scroll.isVisible()
    (_, _), (y0, y1) = view.view_box.viewRange()
    assert view.view_box.height() / (y1 - y0) >= 30
    model.select(id_of(view, "Event 27"))
    (_, _), (y0, y1) = view.view_box.viewRange()
    assert y0 < 26 < y1  # the selected lane scrolled into view


def test_tooltip_text_is_escaped() -> None:
    html_text = tooltip_html("<img src=x>\n16 Mar 2025")
    doc = QTextDocument()
    doc.setHtml(html_text)
    assert doc.toPlainText() == "<img src=x>\n16 Mar 2025"


def test_axis_label_shows_the_date_below_day_zoom(view: TimelineView, qtbot) -> None:
    view.set_visible_range(day_s("2025-03-16") + 3600, day_s("2025-03-16") + 10 * 3600)
    view.plot_widget.grab()
    assert "16 Mar 2025" in view.date_axis.context


def test_legend_names_every_kind_and_status(view: TimelineView) -> None:
    labels = view.legend.labels()
    assert {"release", "open source", "planned", "reported"} <= set(labels)
