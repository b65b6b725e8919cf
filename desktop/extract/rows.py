"""ExtractedEvent → a row of the exchange format (JSON lines), as documented in DESIGN.md."""

from __future__ import annotations

from desktop.extract.types import ExtractedEvent


def event_row(event: ExtractedEvent, doc: str, text: str, doc_id: str = "") -> dict:
    """The exchange-format dict of one event mention of document ``doc`` (stored ``text``)."""
    row: dict = {
        "doc": doc,
        "doc_id": doc_id,
        "date": event.interval.date_str(),
        "precision": event.interval.precision,
        "status": event.status,
        "kind": event.kind,
        "actor": event.actor,
        "subject": event.subject,
        "evidence": event.evidence,
        "event_key": event.event_key,
        "anchor": event.anchor,
        "resolution": event.resolution,
        "title": event.title,
        "start": event.start,
        "end": event.end,
    }
    date_end = event.interval.date_end_str()
    if date_end:
        row["date_end"] = date_end
    if event.alt_spans:
        row["alt_evidence"] = [text[a:b] for a, b in event.alt_spans]
    return row
