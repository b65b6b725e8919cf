"""Write the events of a store to a file: exchange JSONL or CSV, TimelineJS JSON, iCalendar.

The formats themselves live in desktop.export (exchange, timelinejs, ics); this module picks
the events (by id) and writes the file whole: to a temporary file beside it, then renamed, so
a failed export never leaves half a file under the chosen name.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

# format -> (menu label, file suffix)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "jsonl": ("JSONL (exchange format)", "jsonl"),
    "csv": ("CSV", "csv"),
    "timelinejs": ("TimelineJS JSON", "json"),
    "ics": ("iCalendar (planned events)", "ics"),
}


def write_events(store: Any, ids: Sequence[int] | None, fmt: str, out: TextIO) -> int:
    """Write the events ``ids`` (None: all) of ``store`` to ``out`` in ``fmt``; returns how
    many records, slides or calendar events were written."""
    from desktop.export.exchange import write_csv, write_jsonl

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    records = store.exchange_records(ids)
    if fmt in ("jsonl", "csv"):
        return (write_csv if fmt == "csv" else write_jsonl)(records, out)
    events = store.list_events(ids)
    if fmt == "ics":
        from desktop.export.ics import to_ics

        text = to_ics(events, records)
        out.write(text)
        return text.count("BEGIN:VEVENT")
    from desktop.export.timelinejs import to_timelinejs

    doc = to_timelinejs(events, records, title=Path(str(store.path)).stem)
    out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return len(doc["events"])


def export_events(db: Path, ids: Sequence[int] | None, fmt: str, path: Path) -> int:
    """Write the events ``ids`` of the store ``db`` to the file ``path`` (replaced whole);
    returns how many were written. Raises StoreError, OSError or ValueError."""
    from desktop.store import EventStore

    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with (
            os.fdopen(handle, "w", encoding="utf-8", newline="") as out,
            EventStore.open(db, readonly=True) as store,
        ):
            count = write_events(store, ids, fmt, out)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count
