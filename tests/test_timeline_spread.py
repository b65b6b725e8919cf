"""The timeline's date-spread item: whiskers over disagreeing events and article badges in glyph
mode, nothing over density strips or crowded views; wired into the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from desktop.store.date_spread import collect_spread
from desktop.viewmodel.date_spread import DateSpreadCache
from desktop.widgets.timeline_lod import GLYPH_DY
from desktop.widgets.timeline_spread import MAX_EVENTS, WHISKER_DY_PX, SpreadItem
from desktop.widgets.timeline_view import TimelineView
from tests.store_fixtures import make_sample_store
from tests.window_fixtures import open_window

try:
    from tests.test_timeline_model import day_s, make_columns
    from tests.test_timeline_view import view as view  # the same TimelineView fixture
except ImportError:  # tests/ is not a package
    from test_timeline_model import day_s, make_columns
    from test_timeline_view import view as view


def id_of(view: TimelineView, title: str) -> int:
    return next(i for i, t in view.model.titles.items() if t == title)


def spread(event_id: int, *claims: tuple[str, str, str], articles: int | None = None):
    rows = [(f"d{k}", s, e, p, "explicit", f"T{k}") for k, (s, e, p) in enumerate(claims)]
    extra = max((articles or 0) - len(rows), 0)
    rows += [(f"u{k}", None, None, "unknown", "explicit", "U") for k in range(extra)]
    return collect_spread(event_id, rows)


class FakeSpreads:
    """A fetch function over fixed spreads that records what it was asked."""

    def __init__(self, spreads: dict) -> None:
        self.spreads, self.asked = spreads, []

    def __call__(self, ids):
        self.asked.append(list(ids))
        return {i: self.spreads.get(i, spread(i, ("2025-01-01", "2025-01-01", "day"))) for i in ids}


def dark_pixel_near(image, x: float, y: float, background: QColor, radius: int = 2) -> bool:
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            colour = image.pixelColor(round(x) + dx, round(y) + dy)
            if abs(colour.lightness() - background.lightness()) > 60:
                return True
    return False


@pytest.fixture
def spread_item(qtbot, view: TimelineView):
    ernie, r1 = id_of(view, "Ernie 4.5"), id_of(view, "DeepSeek R1")
    fetch = FakeSpreads(
        {
            ernie: spread(
                ernie,
                ("2025-03-01", "2025-03-31", "month"),
                ("2025-03-16", "2025-03-16", "day"),
                ("2025-02-01", "2025-02-28", "month"),
            ),
            r1: spread(r1, ("2025-01-01", "2025-12-31", "year"), articles=3),
        }
    )
    item = SpreadItem(view, DateSpreadCache(fetch))
    item.fetch = fetch
    return item


def test_whisker_spans_the_claims_of_a_disagreeing_event(qtbot, view, spread_item) -> None:
    view.set_visible_range(day_s("2025-01-15"), day_s("2025-04-15"))
    qtbot.wait(10)
    ernie = id_of(view, "Ernie 4.5")
    assert spread_item.whisker_ids == [ernie]
    rect = spread_item.path.boundingRect()
    assert rect.left() == pytest.approx(day_s("2025-02-01"))
    assert rect.right() == pytest.approx(day_s("2025-04-01"))
    # drawn: dark pixels along the whisker, under the glyph's row, where no glyph is
    row = view.model.rows[view.model.index_of(ernie)]
    _, sy = spread_item._pixel_size()
    y = row + GLYPH_DY + WHISKER_DY_PX * sy
    image = view.plot_widget.grab().toImage()
    ratio = image.devicePixelRatio()
    background = view.colours.background
    for day in ("2025-02-10", "2025-03-05"):
        at = view.plot_widget.mapFromScene(view.view_box.mapViewToScene(QPointF(day_s(day), y)))
        assert dark_pixel_near(image, at.x() * ratio, at.y() * ratio, background)
    below = view.plot_widget.mapFromScene(
        view.view_box.mapViewToScene(QPointF(day_s("2025-01-20"), y))
    )
    assert not dark_pixel_near(image, below.x() * ratio, below.y() * ratio, background)


def test_badges_count_articles_of_events_backed_by_two_or_more(qtbot, view, spread_item) -> None:
    view.set_visible_range(day_s("2025-01-15"), day_s("2025-04-15"))
    qtbot.wait(10)
    texts = sorted(text for _, _, text in spread_item.badges)
    assert texts == ["3", "3"]  # Ernie (3 dated articles) and DeepSeek R1 (1 dated + 2 undated)
    assert spread_item.boundingRect().contains(QPointF(*spread_item.badges[0][:2]))


def test_spreads_are_fetched_once_per_event(qtbot, view, spread_item) -> None:
    view.set_visible_range(day_s("2025-01-15"), day_s("2025-04-15"))
    view.set_visible_range(day_s("2025-01-20"), day_s("2025-04-20"))
    asked = [i for batch in spread_item.fetch.asked for i in batch]
    assert len(asked) == len(set(asked)) > 0


def _day_events(days: int, per_day: int, lanes: tuple[str, ...]) -> list[tuple]:
    """``per_day`` one-day events on each of ``days`` days of March 2025, in every lane."""

    def one(lane: str, d: int, k: int) -> tuple:
        start, end = f"2025-03-{1 + d:02d}", f"2025-03-{2 + d:02d}"
        return (start, end, lane, "release", "happened", "day", f"{lane}{d}-{k}", 2)

    return [one(lane, d, k) for lane in lanes for d in range(days) for k in range(per_day)]


def _disagreeing(ids) -> FakeSpreads:
    claims = (("2025-03-01", "2025-03-31", "month"), ("2025-03-16", "2025-03-16", "day"))
    return FakeSpreads({i: spread(i, *claims) for i in ids})


def test_nothing_is_drawn_over_density_strips(qtbot, view) -> None:
    # one lane crowded far beyond what its pixels can show: a density strip, no glyphs
    view.model.set_data(*make_columns(_day_events(28, 100, ("Baidu",))))
    fetch = _disagreeing(view.model.ids.tolist())
    item = SpreadItem(view, DateSpreadCache(fetch))
    view.set_visible_range(day_s("2025-02-20"), day_s("2025-04-10"))
    qtbot.wait(10)
    assert view.lod.dense_rows.size == 1 and view.lod.glyphs.size == 0
    assert item.path.isEmpty() and item.badges == [] and fetch.asked == []
    # zoomed in to one day, its 100 events are glyphs again: whiskers and badges come back
    view.set_visible_range(day_s("2025-03-16") + 3600, day_s("2025-03-17") - 3600)
    assert view.lod.dense_rows.size == 0
    assert not item.path.isEmpty() and len(item.whisker_ids) == 100
    assert len(item.badges) == 100


def test_nothing_is_drawn_when_too_many_glyphs_are_in_view(qtbot, view) -> None:
    lanes = ("A", "B", "C", "D", "E", "F")
    view.model.set_data(*make_columns(_day_events(1, 80, lanes)))  # 480 glyphs, 80 a lane
    fetch = _disagreeing(view.model.ids.tolist())
    item = SpreadItem(view, DateSpreadCache(fetch))
    view.set_visible_range(day_s("2025-02-25"), day_s("2025-03-05"))
    assert view.lod.dense_rows.size == 0
    assert item.glyphs_in_view().size == 480 > MAX_EVENTS
    assert item.path.isEmpty() and item.badges == [] and fetch.asked == []


def test_window_draws_the_sample_stores_disagreement_and_lists_it(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, make_sample_store(tmp_path / "s.db"), shown=True)
    store_model = window.store_model
    ernie = next(r for r in store_model.records if r.subject.startswith("Ernie 4.5"))
    window.timeline_view.set_visible_range(day_s("2025-02-20"), day_s("2025-04-10"))
    assert window.spread_item.whisker_ids == [ernie.id]
    assert "2" in {text for _, _, text in window.spread_item.badges}
    window.selection.select(ernie.id)
    pane = window.details_pane
    assert pane.articles_label.text() == "Reported by 2 articles"
    assert pane.spread_label.text().startswith("Dates differ across 2 articles: Mar 2025 (")
    assert not pane.spread_label.isHidden()
    single = next(r for r in store_model.records if r.n_mentions == 1)
    window.selection.select(single.id)
    assert pane.spread_label.isHidden() and pane.articles_label.text() == "Reported by 1 article"
    assert window.spread_item.cache.get(ernie.id).n_articles == 2
