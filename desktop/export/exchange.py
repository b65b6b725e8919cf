"""Writing exchange records (see EventStore.exchange_records) as JSON lines or CSV.

Both writers are deterministic: keys and columns come in a fixed order, so the same records
always give the same bytes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

# The exchange format's fields, then the extras the store adds.
FIELDS: tuple[str, ...] = (
    "doc",
    "doc_id",
    "date",
    "date_end",
    "precision",
    "status",
    "kind",
    "actor",
    "subject",
    "evidence",
    "event_key",
    "anchor",
    "resolution",
    "alt_evidence",
    "start",
    "end",
    "title",
    "summary",
    "confidence",
)
_ORDER = {name: i for i, name in enumerate(FIELDS)}
ALT_SEPARATOR = " | "


def _ordered(record: dict) -> dict:
    """The record with known keys in FIELDS order, unknown ones after them by name."""
    return dict(sorted(record.items(), key=lambda kv: (_ORDER.get(kv[0], len(_ORDER)), kv[0])))


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    """One JSON object per line (UTF-8 text, not \\u-escaped); returns the number written."""
    n = 0
    for record in records:
        out.write(json.dumps(_ordered(record), ensure_ascii=False) + "\n")
        n += 1
    return n


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ALT_SEPARATOR.join(str(v) for v in value)
    return str(value)


def write_csv(records: Iterable[dict], out: TextIO) -> int:
    """A header row then one row per record in FIELDS columns (absent values empty,
    alt_evidence joined with " | "); returns the number of records written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    n = 0
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in FIELDS])
        n += 1
    return n
