"""JSONL and CSV writers of exchange records: fixed order, exact text, same bytes each time."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from desktop.export.exchange import FIELDS, write_csv, write_jsonl
from desktop.store import EventStore

try:
    from tests import store_fixtures as fx
except ImportError:  # tests/ is not a package
    import store_fixtures as fx

RECORD = {
    "confidence": 0.8,
    "evidence": "Tencent launched a <b>bold</b> “new” assistant, 混元.",
    "doc": "a.txt",
    "zzz_extra": 1,
    "alt_evidence": ["first, with comma", 'second "quoted"'],
    "date": "2025-03",
    "event_key": "k",
    "doc_id": "abc",
}


def test_jsonl_key_order_and_unescaped_text() -> None:
    out = io.StringIO()
    assert write_jsonl([RECORD, {"doc": "b.txt", "date": None}], out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and out.getvalue().endswith("\n")
    first = json.loads(lines[0])
    assert first == RECORD
    assert list(first) == [
        "doc",
        "doc_id",
        "date",
        "evidence",
        "event_key",
        "alt_evidence",
        "confidence",
        "zzz_extra",
    ]
    assert "混元" in lines[0] and "“new”" in lines[0] and "<b>bold</b>" in lines[0]
    assert json.loads(lines[1]) == {"doc": "b.txt", "date": None}


def test_csv_columns_and_quoting() -> None:
    out = io.StringIO()
    assert write_csv([RECORD], out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(FIELDS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["evidence"] == RECORD["evidence"]
    assert row["alt_evidence"] == 'first, with comma | second "quoted"'
    assert row["date_end"] == "" and row["confidence"] == "0.8"
    assert "zzz_extra" not in row


def test_empty_inputs() -> None:
    out = io.StringIO()
    assert write_jsonl([], out) == 0 and out.getvalue() == ""
    out = io.StringIO()
    assert write_csv(iter([]), out) == 0 and out.getvalue() == ",".join(FIELDS) + "\n"


def test_same_store_same_bytes(tmp_path: Path) -> None:
    def dump(path: Path) -> tuple[str, str]:
        with EventStore.open(path) as store:
            records = store.exchange_records()
        jl, cs = io.StringIO(), io.StringIO()
        write_jsonl(records, jl)
        write_csv(records, cs)
        return jl.getvalue(), cs.getvalue()

    a = fx.make_sample_store(tmp_path / "a.db")
    b = tmp_path / "b.db"
    with EventStore.create_or_open(b) as store:  # other order, other time, other uuid
        store.add_document(fx.doc_b(), fx.events_b())
        store.add_document(fx.doc_a(), fx.events_a())
    assert dump(a) == dump(a) == dump(b)
    jsonl = dump(a)[0]
    assert len(jsonl.splitlines()) == 11
    for line in jsonl.splitlines():
        rec = json.loads(line)
        text = fx.TEXT_A if rec["doc"] == "a_labs.txt" else fx.TEXT_B
        assert text[rec["start"] : rec["end"]] == rec["evidence"]
        assert list(rec)[:3] == ["doc", "doc_id", "date"]
