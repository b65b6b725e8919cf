"""Cross-article merge in the store agrees with desktop.extract.merge, and reconciliation
prefers a dated claim over "on or before publication"."""

from __future__ import annotations

import datetime as dt

from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.sources.document import Document
from desktop.store import EventStore


def _event(
    text: str, evidence: str, interval: TimeInterval, anchor: str, actor: str, key: str
) -> ExtractedEvent:
    start = text.index(evidence)
    return ExtractedEvent(
        start=start,
        end=start + len(evidence),
        evidence=evidence,
        interval=interval,
        anchor=anchor,
        resolution="",
        status="happened",
        kind="announcement",
        actor=actor,
        subject="video generation models",
        title=f"{actor} announces video models",
        event_key=key,
    )


def test_publication_anchored_mention_merges_with_earlier_dated_one(tmp_path):
    published = dt.date(2025, 3, 25)
    text_a = "Alibaba Cloud has announced plans to open-source its video generation models."
    text_b = "Alibaba said last month that it open-sources video generation models."
    doc_a = Document(text_a, "a.txt", published=published)
    doc_b = Document(text_b, "b.txt", published=published)
    on_or_before = TimeInterval(published, published, "day")
    february = TimeInterval(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month")
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        store.add_document(
            doc_a,
            [_event(text_a, text_a[:-1], on_or_before, "publication", "Alibaba", "alibaba-video")],
        )
        result = store.add_document(
            doc_b,
            [
                _event(
                    text_b, text_b[:-1], february, "relative", "Alibaba (Cloud)", "alibaba-video-2"
                )
            ],
        )
        assert result.events_merged == 1 and result.events_new == 0
        (event,) = store.list_events()
        assert event.n_mentions == 2
        assert (event.start, event.precision, event.anchor) == ("2025-02-01", "month", "relative")


def test_publication_anchored_mention_does_not_merge_with_a_later_date(tmp_path):
    published = dt.date(2025, 3, 25)
    text_a = "Alibaba Cloud has announced plans to open-source its video generation models."
    text_b = "Alibaba will announce video generation models in June."
    june = TimeInterval(dt.date(2025, 6, 1), dt.date(2025, 6, 30), "month")
    with EventStore.create_or_open(tmp_path / "s.db") as store:
        store.add_document(
            Document(text_a, "a.txt", published=published),
            [
                _event(
                    text_a,
                    text_a[:-1],
                    TimeInterval(published, published, "day"),
                    "publication",
                    "Alibaba",
                    "k1",
                )
            ],
        )
        result = store.add_document(
            Document(text_b, "b.txt", published=published),
            [_event(text_b, text_b[:-1], june, "explicit", "Alibaba", "k2")],
        )
        assert result.events_new == 1 and store.count_events() == 2
