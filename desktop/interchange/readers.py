"""Event files → exchange records (dicts in the shape of DESIGN.md's exchange format).

JSONL is the exchange format itself; CSV is what ``eventline events --format csv`` writes;
TimelineJS JSON gives one record per slide, without evidence. Text stays text: TimelineJS
headlines and texts are HTML, so their markup is removed and entities decoded.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from typing import Any

from desktop.export.exchange import ALT_SEPARATOR, FIELDS

FORMATS = ("jsonl", "csv", "timelinejs")
MAX_BYTES = 200 * 1024 * 1024


class ImportFormatError(ValueError):
    """The file is not in the format it claims (message names the line or slide)."""


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".json":
        return "timelinejs"
    return "jsonl"


def read_records(path: Path, fmt: str | None = None) -> list[dict[str, Any]]:
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ImportFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if path.stat().st_size > MAX_BYTES:
        raise ImportFormatError(f"{path.name}: larger than {MAX_BYTES // 2**20} MiB")
    text = path.read_text(encoding="utf-8-sig")
    if fmt == "csv":
        return parse_csv(text)
    if fmt == "timelinejs":
        return parse_timelinejs(text)
    return parse_jsonl(text)


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(f"line {n}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ImportFormatError(f"line {n}: not a JSON object")
        records.append(record)
    return records


def _csv_value(name: str, cell: str) -> Any:
    if cell == "":
        return None
    if name in ("start", "end"):
        return int(cell)
    if name == "confidence":
        return float(cell)
    if name == "alt_evidence":
        return cell.split(ALT_SEPARATOR)
    return cell


def parse_csv(text: str) -> list[dict[str, Any]]:
    rows = csv.DictReader(text.splitlines())
    missing = [f for f in ("date", "actor", "event_key") if f not in (rows.fieldnames or [])]
    if missing:
        raise ImportFormatError(f"CSV header lacks column(s) {', '.join(missing)}")
    records = []
    for n, row in enumerate(rows, 2):
        try:
            record = {k: _csv_value(k, v or "") for k, v in row.items() if k in FIELDS}
        except ValueError as exc:
            raise ImportFormatError(f"row {n}: {exc}") from None
        records.append({k: v for k, v in record.items() if v is not None or k == "date"})
    return records


_TAGS = re.compile(r"<[^>]*>")


def plain(markup: object) -> str:
    """TimelineJS text (HTML) as plain text."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</blockquote>", "\n", str(markup or ""))
    return "\n".join(" ".join(html.unescape(_TAGS.sub("", line)).split())
                     for line in text.splitlines()).strip()  # fmt: skip


def _tl_date(value: Any) -> tuple[str | None, str]:
    if not isinstance(value, dict) or not str(value.get("year", "")).strip():
        return None, "unknown"
    year = int(value["year"])
    if value.get("month") in (None, ""):
        return f"{year:04d}", "year"
    month = int(value["month"])
    if value.get("day") in (None, ""):
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{int(value['day']):02d}", "day"


def parse_timelinejs(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ImportFormatError("not TimelineJS JSON: no 'events' list")
    records = []
    for n, slide in enumerate(data["events"], 1):
        if not isinstance(slide, dict):
            raise ImportFormatError(f"slide {n}: not an object")
        try:
            date, precision = _tl_date(slide.get("start_date"))
            end, end_precision = _tl_date(slide.get("end_date"))
        except (TypeError, ValueError):
            raise ImportFormatError(f"slide {n}: start_date/end_date are not numbers") from None
        body = slide.get("text") if isinstance(slide.get("text"), dict) else {}
        record: dict[str, Any] = {
            "date": date,
            "precision": precision if end is None else _coarser(precision, end_precision),
            "actor": plain(slide.get("group")) or "?",
            "title": plain(body.get("headline")),
            "summary": plain(body.get("text")),
            "event_key": str(slide.get("unique_id") or ""),
            "status": "planned" if "(planned)" in str(slide.get("display_date", "")) else None,
        }
        if end is not None and end != date:
            record["date_end"] = end
        records.append({k: v for k, v in record.items() if v is not None})
    return records


def _coarser(a: str, b: str) -> str:
    order = ("day", "month", "year")
    return max(a, b, key=lambda p: order.index(p) if p in order else 0)
