"""Cross-article merge: when two mentions are one event, and stable keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.extract.merge import (
    assign_keys,
    compatible_subjects,
    make_key,
    same_actor,
    same_event,
)
from desktop.extract.types import ExtractedEvent, TimeInterval

D = dt.date


@dataclass
class Facts:
    actor: str
    subject: str
    kind: str
    interval: TimeInterval
    anchor: str = "explicit"
    status: str = "happened"


def _month(y: int, m: int) -> TimeInterval:
    end = (D(y, m + 1, 1) - dt.timedelta(days=1)) if m < 12 else D(y, 12, 31)
    return TimeInterval(D(y, m, 1), end, "month")


def _day(d: dt.date) -> TimeInterval:
    return TimeInterval(d, d, "day")


def _event(actor: str, subject: str, kind: str, iv: TimeInterval, anchor: str = "explicit"):
    return ExtractedEvent(0, 1, "x", iv, anchor, "", "happened", kind, actor, subject, "t")


def test_same_actor_kind_overlapping_time_and_subject() -> None:
    a = Facts("Baidu", "Ernie 4.5; Ernie X1", "release", _day(D(2025, 3, 16)))
    b = Facts("Baidu", "Ernie 4.5", "release", _month(2025, 3))
    assert same_event(a, b)


def test_different_kind_actor_or_time_are_different_events() -> None:
    a = Facts("Baidu", "Ernie 4.5", "release", _month(2025, 3))
    assert not same_event(a, Facts("Baidu", "Ernie 4.5", "funding", _month(2025, 3)))
    assert same_event(a, Facts("Baidu", "Ernie 4.5", "open_source", _month(2025, 3)))  # kindred
    assert not same_event(a, Facts("Tencent", "Ernie 4.5", "release", _month(2025, 3)))
    assert not same_event(a, Facts("Baidu", "Ernie 4.5", "release", _month(2024, 3)))


def test_version_numbers_must_agree() -> None:
    assert not compatible_subjects("GPT-4", "GPT-5")
    assert compatible_subjects("Qwen 2.5 Max", "Qwen 2.5")
    assert compatible_subjects("AI models", "video generation models")  # one side generic
    assert compatible_subjects("videos generation", "generate a video")  # stems meet
    assert not compatible_subjects("humanoid robot", "search engine")


def test_publication_anchor_means_on_or_before_within_the_year() -> None:
    on_or_before = Facts("Alibaba", "video models", "announcement", _day(D(2025, 3, 25)))
    on_or_before.anchor = "publication"
    assert same_event(on_or_before, Facts("Alibaba", "videos", "announcement", _month(2025, 2)))
    assert not same_event(on_or_before, Facts("Alibaba", "videos", "announcement", _month(2025, 5)))
    assert not same_event(
        on_or_before, Facts("Alibaba", "videos", "announcement", _month(2024, 12))
    )
    explicit_day = Facts("Alibaba", "video models", "announcement", _day(D(2025, 3, 25)))
    assert not same_event(explicit_day, Facts("Alibaba", "videos", "announcement", _month(2025, 2)))


def test_actor_names_compare_without_the_parenthesised_alias() -> None:
    assert same_actor("ManusAI (Monica)", "ManusAI")
    assert not same_actor("Meta", "Meta AI Research Lab")


def test_make_key_is_a_readable_slug() -> None:
    key = make_key(Facts("ManusAI (Monica)", "Manus AI agent", "release", _month(2025, 3)))
    assert key == "manusai-manus-ai-agent-release"


def test_keys_shared_across_documents_and_unique_within() -> None:
    doc1 = [
        _event("DeepSeek", "R1", "release", TimeInterval(D(2025, 1, 1), D(2025, 12, 31), "year")),
        _event("DeepSeek", "R2", "release", _month(2025, 5)),
    ]
    doc2 = [_event("DeepSeek", "R1", "release", _month(2025, 1))]
    keyed = assign_keys([doc1, doc2])
    assert keyed[0][0].event_key != keyed[0][1].event_key
    assert keyed[1][0].event_key == keyed[0][0].event_key == "deepseek-r1-release"


def test_keys_are_stable_when_more_documents_arrive() -> None:
    first = [_event("Cohere", "Command A", "release", _day(D(2025, 3, 13)))]
    later = [_event("Cohere", "Command A", "release", _month(2025, 3))]
    alone = assign_keys([first])[0][0].event_key
    again = assign_keys([first, later])
    assert again[0][0].event_key == alone == again[1][0].event_key


def test_colliding_slugs_get_suffixes() -> None:
    a = _event("Meta", "Llama", "release", _month(2023, 2))
    b = _event("Meta", "Llama", "release", _month(2024, 4))
    keys = [e.event_key for e in assign_keys([[a, b]])[0]]
    assert keys == ["meta-llama-release", "meta-llama-release-2"]
