"""Plain, immutable rows handed out by the store (no SQL, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventRecord:
    """An event as the timeline shows it: the reconciled values of its mentions."""

    id: int
    key: str
    start: str | None  # ISO date (inclusive); None when undated
    end: str | None
    precision: str
    status: str
    kind: str
    actor: str
    subject: str
    title: str
    summary: str
    confidence: float
    origin: str  # extracted | user
    n_mentions: int
    anchor: str = "explicit"  # explicit | relative | publication (of the reconciled mention)


@dataclass(frozen=True)
class MentionRecord:
    """What one document says about one event; offsets index the document's stored text."""

    id: int
    event_id: int
    event_key: str
    document_id: str
    doc_file_name: str
    start: int
    end: int
    time_start: int | None
    time_end: int | None
    date_start: str | None
    date_end: str | None
    precision: str
    anchor: str
    resolution: str
    status: str
    kind: str
    actor_text: str
    subject_text: str
    evidence: str
    alt_spans: tuple[tuple[int, int], ...]
    title: str = ""
    summary: str = ""
    confidence: float = 0.5


@dataclass(frozen=True)
class DocumentRecord:
    id: str  # sha256 of the stored text
    file_name: str
    title: str | None
    source: str
    published: str | None  # ISO date
    published_from: str
    text: str | None  # None unless asked for
    ingested_at: str


@dataclass(frozen=True)
class EventDetail:
    """An event with every mention and the documents (text included) they come from."""

    event: EventRecord
    mentions: list[MentionRecord]
    documents: dict[str, DocumentRecord]


@dataclass(frozen=True)
class AddResult:
    document_id: str
    file_name: str
    added: bool
    events_new: int = 0
    events_merged: int = 0
    mentions: int = 0
