"""The exchange format (DESIGN.md "Events as JSON lines"): one record per event-mention."""

from __future__ import annotations

from typing import Any

from desktop.extract.types import ExtractedEvent, TimeInterval
from desktop.sources.document import Document


def exchange_record(
    *,
    doc: str,
    doc_id: str,
    interval: TimeInterval,
    status: str,
    kind: str,
    actor: str,
    subject: str,
    evidence: str,
    event_key: str,
    anchor: str,
    resolution: str,
    alt_evidence: list[str],
    start: int,
    end: int,
    title: str,
    summary: str,
    confidence: float,
) -> dict[str, Any]:
    """One record of the exchange format, fields in their fixed order (DESIGN.md)."""
    date = interval.date_str()
    record: dict[str, Any] = {"doc": doc, "doc_id": doc_id, "date": date}
    date_end = interval.date_end_str()
    if date_end is not None:
        record["date_end"] = date_end
    record.update(
        precision=interval.precision if date is not None else "unknown",
        status=status,
        kind=kind,
        actor=actor,
        subject=subject,
        evidence=evidence,
        event_key=event_key,
        anchor=anchor,
        resolution=resolution,
    )
    if alt_evidence:
        record["alt_evidence"] = alt_evidence
    record.update(
        start=start, end=end, title=title, summary=summary, confidence=round(float(confidence), 3)
    )
    return record


def record_from_extracted(doc: Document, event: ExtractedEvent) -> dict[str, Any]:
    """The exchange record of one extracted mention of ``doc``."""
    return exchange_record(
        doc=doc.file_name,
        doc_id=doc.id,
        interval=event.interval,
        status=event.status,
        kind=event.kind,
        actor=event.actor,
        subject=event.subject,
        evidence=event.evidence,
        event_key=event.event_key,
        anchor=event.anchor,
        resolution=event.resolution,
        alt_evidence=[doc.text[a:b] for a, b in event.alt_spans],
        start=event.start,
        end=event.end,
        title=event.title,
        summary=event.summary,
        confidence=event.confidence,
    )


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
