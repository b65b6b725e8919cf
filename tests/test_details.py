"""Details pane data: dates at their precision and the resolution chain in words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from desktop.viewmodel.details import (
    build_details,
    format_event_date,
    format_interval,
    resolution_sentence,
)

TEXT = "Baidu said last month it would ship. On March 16, it unveiled Ernie 4.5."
DOC = SimpleNamespace(
    id="d1", file_name="001.txt", title="AI news", published="2025-03-25", text=TEXT
)


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2025-03-16", "2025-03-16", "day", "16 Mar 2025"),
        ("2025-03-16", "2025-03-18", "day", "16–18 Mar 2025"),
        ("2025-02-01", "2025-02-28", "month", "Feb 2025"),
        ("2025-07-01", "2025-09-30", "quarter", "Q3 2025"),
        ("2025-06-01", "2025-08-31", "season", "summer 2025"),
        ("2024-12-01", "2025-02-28", "season", "winter 2024"),
        ("2025-07-01", "2025-12-31", "half", "H2 2025"),
        ("2025-01-01", "2025-12-31", "year", "2025"),
        (None, None, "unknown", "undated"),
        ("2025", None, "year", "2025"),
        ("2025-02", None, "month", "Feb 2025"),
    ],
)
def test_format_interval_writes_the_precision(start, end, precision, expected):
    assert format_interval(start, end, precision) == expected


def test_planned_events_say_so():
    assert format_event_date("2025-06-01", "2025-08-31", "season", "planned") == (
        "summer 2025 (planned)"
    )
    assert format_event_date("2025-06-01", "2025-08-31", "season", "happened") == "summer 2025"


def _mention(**values):
    base = dict(
        id=1,
        document_id="d1",
        doc_file_name="001.txt",
        date_start="2025-02-01",
        date_end="2025-02-28",
        precision="month",
        anchor="relative",
        time_start=TEXT.index("last month"),
        time_end=TEXT.index("last month") + len("last month"),
    )
    base.update(values)
    return SimpleNamespace(**base)


def test_relative_resolution_names_expression_article_date_and_result():
    assert resolution_sentence(_mention(), DOC) == (
        "'last month' in an article of 25 Mar 2025 → Feb 2025"
    )


def test_publication_anchor_reads_reported_by():
    mention = _mention(anchor="publication", time_start=None, time_end=None, precision="day")
    assert resolution_sentence(mention, DOC) == "no date in the text: reported by 25 Mar 2025"


def test_expression_without_publication_date_is_unresolved():
    undated_doc = SimpleNamespace(**{**vars(DOC), "published": None})
    mention = _mention(date_start=None, date_end=None, precision="unknown")
    assert "unresolved" in resolution_sentence(mention, undated_doc)
    assert "last month" in resolution_sentence(mention, undated_doc)


def test_build_details_collects_fields_and_sources():
    start = TEXT.index("March 16")
    mention = _mention(
        date_start="2025-03-16",
        date_end="2025-03-16",
        precision="day",
        anchor="explicit",
        time_start=start,
        time_end=start + len("March 16"),
    )
    event = SimpleNamespace(
        id=7,
        key="baidu-ernie",
        title="<b>bold</b> Ernie",
        start="2025-03-16",
        end="2025-03-16",
        precision="day",
        status="happened",
        kind="open_source",
        actor="Baidu",
        subject="Ernie 4.5",
        summary="",
    )
    data = build_details(SimpleNamespace(event=event, mentions=[mention], documents={"d1": DOC}))
    assert data.title == "<b>bold</b> Ernie"
    assert data.date_text == "16 Mar 2025"
    assert data.kind == "open source"
    assert data.resolutions == ("'March 16' in an article of 25 Mar 2025 → 16 Mar 2025",)
    assert data.sources[0].document_id == "d1"
    assert data.sources[0].label.startswith("001.txt — AI news")


def _ernie_detail(*mentions):
    event = SimpleNamespace(
        id=7,
        key="baidu-ernie",
        title="Ernie",
        start="2025-03-16",
        end="2025-03-16",
        precision="day",
        status="happened",
        kind="release",
        actor="Baidu",
        subject="Ernie 4.5",
        summary="",
    )
    other = SimpleNamespace(**{**vars(DOC), "id": "d2", "file_name": "002.txt", "title": None})
    return SimpleNamespace(event=event, mentions=list(mentions), documents={"d1": DOC, "d2": other})


def test_build_details_counts_articles_and_lists_differing_dates():
    day = _mention(date_start="2025-03-16", date_end="2025-03-16", precision="day")
    month = _mention(id=2, document_id="d2", doc_file_name="002.txt")  # Feb 2025
    data = build_details(_ernie_detail(day, month))
    assert data.n_articles == 2
    # earliest first; an untitled article is named by its file
    assert (
        data.date_spread
        == "Dates differ across 2 articles: Feb 2025 (002.txt), 16 Mar 2025 (AI news)"
    )
    same = _mention(
        id=3,
        document_id="d2",
        doc_file_name="002.txt",
        **{"date_start": "2025-03-16", "date_end": "2025-03-16", "precision": "day"},
    )
    agreeing = build_details(_ernie_detail(day, same))
    assert agreeing.n_articles == 2 and agreeing.date_spread == ""


def test_details_pane_shows_count_and_spread_as_plain_text(qtbot):
    from PySide6.QtCore import Qt

    from desktop.widgets.details_pane import DetailsPane

    pane = DetailsPane()
    qtbot.addWidget(pane)
    day = _mention(date_start="2025-03-16", date_end="2025-03-16", precision="day")
    month = _mention(id=2, document_id="d2", doc_file_name="<b>002</b>.txt")
    pane.show_details(build_details(_ernie_detail(day, month)))
    assert pane.articles_label.text() == "Reported by 2 articles"
    assert pane.spread_label.text().startswith("Dates differ across 2 articles: Feb 2025 (<b>002")
    assert pane.spread_label.textFormat() == Qt.TextFormat.PlainText
    assert not pane.spread_label.isHidden()
    pane.show_details(None)
    assert pane.spread_label.isHidden() and pane.articles_label.isHidden()


def test_details_pane_scroll_bar_repaints_through_the_style_only_when_it_changes(qtbot):
    from desktop.widgets.details_pane import DetailsPane

    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.resize(300, 80)  # shorter than its fields: the scroll bar shows
    pane.show()
    qtbot.waitExposed(pane)
    bar = pane.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible())
    pane.grab()
    paints = bar.paints
    pane.grab()
    pane.grab()
    assert bar.paints == paints  # unchanged: blitted from its cache
    bar.setValue(bar.maximum())
    pane.grab()
    assert bar.paints == paints + 1
