"""The exchange format (DESIGN.md "Events as JSON lines"): one record per event-mention."""

from __future__ import annotations

from typing import Any

from desktop.extract.types import ExtractedEvent
from desktop.sources.document import Document


def record_from_extracted(doc: Document, event: ExtractedEvent) -> dict[str, Any]:
    """The exchange record of one extracted mention of ``doc``."""
    record: dict[str, Any] = {
        "doc": doc.file_name,
        "doc_id": doc.id,
        "date": event.interval.date_str(),
    }
    date_end = event.interval.date_end_str()
    if date_end is not None:
        record["date_end"] = date_end
    record.update(
        precision=event.interval.precision,
        status=event.status,
        kind=event.kind,
        actor=event.actor,
        subject=event.subject,
        evidence=event.evidence,
        event_key=event.event_key,
        anchor=event.anchor,
        resolution=event.resolution,
    )
    alts = [doc.text[a:b] for a, b in event.alt_spans]
    if alts:
        record["alt_evidence"] = alts
    record.update(
        start=event.start,
        end=event.end,
        title=event.title,
        summary=event.summary,
        confidence=round(float(event.confidence), 3),
    )
    return record


def sort_key(record: dict[str, Any]) -> tuple:
    """Deterministic order: (date, event_key, doc, offset), undated last."""
    date = record.get("date")
    return (
        date is None,
        date or "",
        record.get("event_key", ""),
        record.get("doc", ""),
        record.get("start", 0),
    )


def extract_records(docs: list[Document]) -> list[dict[str, Any]]:
    """Extract events from ``docs`` with the cross-document merge applied, as sorted records."""
    from desktop.extract import extract_documents

    keyed = extract_documents([(d.text, d.published) for d in docs])
    records = [
        record_from_extracted(doc, event)
        for doc, events in zip(docs, keyed, strict=True)
        for event in events
    ]
    return sorted(records, key=sort_key)
