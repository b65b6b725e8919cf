"""Hand-built documents and extracted events for store tests (and for GUI test stores).

``make_sample_store(path)`` writes a small, fully known store: 10 events over 3 actors
(Baidu, Alibaba, Tencent) from two documents, one event mentioned by both, one undated, one
planned, one reported, day/month/season/year precisions and a title holding ``<b>bold</b>``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.sources.document import Document
from desktop.store import EventStore

TEXT_A = (
    "Chinese AI labs race ahead\n\n"
    "On March 16, Baidu unveiled Ernie 4.5 and Ernie X1, making them available for free.\n"
    "Alibaba released Qwen2.5-Max in January.\n"
    "Tencent will open-source its Hunyuan 3D models in the summer.\n"
    "Baidu said in 2024 that open source is a dead end.\n"
    "According to media reports, Alibaba raised new funding in the autumn of 2024.\n"
    "Tencent launched a <b>bold</b> new assistant called Yuanbao.\n"
)
TEXT_B = (
    "Baidu changes course\n\n"
    "Baidu released Ernie 4.5 this month, its answer to DeepSeek.\n"
    "Baidu plans to open-source the Ernie series on June 30.\n"
    "Alibaba announced a partnership with Apple in February.\n"
    "Tencent's cloud unit reported revenue growth.\n"
)

PUBLISHED_A = dt.date(2025, 3, 25)
PUBLISHED_B = dt.date(2025, 3, 20)


def iv(start: str | None, end: str | None = None, precision: str = "day") -> TimeInterval:
    if start is None:
        return TimeInterval.unknown()
    s = dt.date.fromisoformat(start)
    return TimeInterval(s, dt.date.fromisoformat(end) if end else s, precision)


def event(
    text: str,
    evidence: str,
    interval: TimeInterval,
    *,
    actor: str,
    subject: str,
    kind: str = "release",
    status: str = "happened",
    anchor: str = "explicit",
    title: str | None = None,
    key: str = "",
    alt: tuple[str, ...] = (),
) -> ExtractedEvent:
    """An ExtractedEvent whose evidence (and alternative evidence) is located in ``text``."""
    start = text.index(evidence)
    spans = tuple((text.index(a), text.index(a) + len(a)) for a in alt)
    return ExtractedEvent(
        start=start,
        end=start + len(evidence),
        evidence=evidence,
        interval=interval,
        anchor=anchor,
        resolution=f"test -> {interval.date_str()}",
        status=status,
        kind=kind,
        actor=actor,
        subject=subject,
        title=title or f"{actor}: {subject}",
        summary=f"{actor} {kind} {subject}",
        confidence=0.8,
        alt_spans=spans,
        event_key=key,
    )


def doc_a() -> Document:
    return Document(
        TEXT_A,
        "a_labs.txt",
        "/corpus/a_labs.txt",
        "Chinese AI labs race ahead",
        PUBLISHED_A,
        "front_matter",
    )


def doc_b() -> Document:
    return Document(
        TEXT_B,
        "b_baidu.txt",
        "/corpus/b_baidu.txt",
        "Baidu changes course",
        PUBLISHED_B,
        "dateline",
    )


def events_a() -> list[ExtractedEvent]:
    t = TEXT_A
    return [
        event(
            t,
            "On March 16, Baidu unveiled Ernie 4.5 and Ernie X1, making them available for free.",
            iv("2025-03-16"),
            actor="Baidu",
            subject="Ernie 4.5; Ernie X1",
            key="baidu-ernie-4.5-release",
        ),
        event(
            t,
            "Alibaba released Qwen2.5-Max in January.",
            iv("2025-01-01", "2025-01-31", "month"),
            actor="Alibaba",
            subject="Qwen2.5-Max",
            anchor="relative",
        ),
        event(
            t,
            "Tencent will open-source its Hunyuan 3D models in the summer.",
            iv("2025-06-01", "2025-08-31", "season"),
            actor="Tencent",
            subject="Hunyuan 3D models",
            kind="open_source",
            status="planned",
            anchor="relative",
        ),
        event(
            t,
            "Baidu said in 2024 that open source is a dead end.",
            iv("2024-01-01", "2024-12-31", "year"),
            actor="Baidu",
            subject="open source is a dead end",
            kind="statement",
        ),
        event(
            t,
            "According to media reports, Alibaba raised new funding in the autumn of 2024.",
            iv("2024-09-01", "2024-11-30", "season"),
            actor="Alibaba",
            subject="new funding",
            kind="funding",
            status="reported",
        ),
        event(
            t,
            "Tencent launched a <b>bold</b> new assistant called Yuanbao.",
            iv("2025-03-25"),
            actor="Tencent",
            subject="Yuanbao",
            anchor="publication",
            title="Tencent launches a <b>bold</b> assistant",
        ),
    ]


def events_b() -> list[ExtractedEvent]:
    t = TEXT_B
    return [
        event(
            t,
            "Baidu released Ernie 4.5 this month, its answer to DeepSeek.",
            iv("2025-03-01", "2025-03-31", "month"),
            actor="Baidu",
            subject="Ernie 4.5",
            anchor="relative",
            key="baidu-ernie-4.5-release",
        ),
        event(
            t,
            "Baidu plans to open-source the Ernie series on June 30.",
            iv("2025-06-30"),
            actor="Baidu",
            subject="Ernie series",
            kind="open_source",
            status="planned",
        ),
        event(
            t,
            "Alibaba announced a partnership with Apple in February.",
            iv("2025-02-01", "2025-02-28", "month"),
            actor="Alibaba",
            subject="Apple",
            kind="partnership",
            anchor="relative",
        ),
        event(
            t,
            "Tencent's cloud unit reported revenue growth.",
            iv(None),
            actor="Tencent",
            subject="cloud revenue growth",
            kind="other",
        ),
        event(
            t,
            "Baidu changes course",
            iv("2025-03-20"),
            actor="Baidu",
            subject="course change",
            kind="statement",
            anchor="publication",
        ),
    ]


SAMPLE_EVENT_COUNT = 10  # 11 mentions; Ernie 4.5 is told by both documents


def make_sample_store(path: str | Path) -> Path:
    """Create (or reuse) a store at ``path`` holding the two sample documents; return path."""
    path = Path(path)
    with EventStore.create_or_open(path) as store:
        store.add_document(doc_a(), events_a())
        store.add_document(doc_b(), events_b())
    return path
