"""Interchange: export → import round trips, TimelineJS validity, iCalendar parsing."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from desktop.commands.events import select_ids, write_events
from desktop.export.ics import escape_text, fold
from desktop.export.timelinejs import validate
from desktop.interchange.importer import import_file
from desktop.interchange.readers import ImportFormatError, parse_timelinejs, plain
from desktop.store import EventStore
from tests.store_fixtures import make_sample_store

PROVENANCE = ("doc", "doc_id", "date", "date_end", "precision", "status", "kind", "actor")
PROVENANCE += ("subject", "evidence", "event_key", "anchor", "resolution", "alt_evidence")
PROVENANCE += ("title", "summary", "confidence")


def export(db: Path, fmt: str, query: str | None = None) -> str:
    out = io.StringIO(newline="")
    with EventStore.open(db) as store:
        write_events(store, select_ids(store, query, False), fmt, out)
    return out.getvalue()


def fields(text: str) -> list[dict]:
    return [{k: r.get(k) for k in PROVENANCE} for r in map(json.loads, text.splitlines())]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return make_sample_store(tmp_path / "sample.db")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_import_round_trip_gives_same_events(sample: Path, tmp_path: Path, fmt) -> None:
    exported = tmp_path / f"events.{fmt}"
    exported.write_text(export(sample, fmt), encoding="utf-8")
    summary = import_file(tmp_path / "copy.db", exported)
    assert summary.mentions == summary.records > 0
    assert fields(export(tmp_path / "copy.db", "jsonl")) == fields(export(sample, "jsonl"))
    again = import_file(tmp_path / "copy.db", exported)  # idempotent
    assert again.mentions == 0 and again.duplicates == again.records
    with EventStore.open(tmp_path / "copy.db") as store:
        assert {e.origin for e in store.list_events()} == {"user"}
        assert {e.origin for e in store.edits()} == {"import"}


def test_import_into_store_with_the_texts_keeps_offsets(sample: Path, tmp_path: Path) -> None:
    exported = tmp_path / "events.jsonl"
    exported.write_text(export(sample, "jsonl"), encoding="utf-8")
    with EventStore.create_or_open(sample) as store:
        store.conn.execute("DELETE FROM events")
    import_file(sample, exported)
    assert fields(export(sample, "jsonl")) == fields(exported.read_text(encoding="utf-8"))
    assert [json.loads(x)["start"] for x in export(sample, "jsonl").splitlines()] == [
        json.loads(x)["start"] for x in exported.read_text(encoding="utf-8").splitlines()
    ]


def test_dry_run_writes_nothing(sample: Path, tmp_path: Path) -> None:
    exported = tmp_path / "events.jsonl"
    exported.write_text(export(sample, "jsonl"), encoding="utf-8")
    target = tmp_path / "new.db"
    summary = import_file(target, exported, dry_run=True)
    assert summary.events_new > 0 and not target.exists()
    before = sample.read_bytes()
    assert import_file(sample, exported, dry_run=True).duplicates == summary.records
    assert sample.read_bytes() == before


def test_timelinejs_validates_escapes_and_round_trips(sample: Path, tmp_path: Path) -> None:
    text = export(sample, "timelinejs")
    doc = json.loads(text)
    assert validate(doc) == [] and doc["events"]
    assert all("<b>" not in s["text"]["headline"] for s in doc["events"])
    assert any("&lt;b&gt;" in s["text"]["headline"] for s in doc["events"])
    path = tmp_path / "timeline.json"
    path.write_text(text, encoding="utf-8")
    import_file(tmp_path / "tl.db", path)
    with EventStore.open(sample) as a, EventStore.open(tmp_path / "tl.db") as b:
        want = {(e.key, e.title, e.start, e.actor) for e in a.list_events() if e.start}
        got = {(e.key, e.title, e.start, e.actor) for e in b.list_events()}
    assert got == want
    assert validate({"events": [{"start_date": {"year": 2025, "month": 13}}]})
    with pytest.raises(ImportFormatError):
        parse_timelinejs('{"title": {}}')
    assert plain("<p>A &amp; B</p><script>x</script>") == "A & B\nx"


def test_ics_parses_with_icalendar_and_holds_planned_events(sample: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    text = export(sample, "ics")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    with EventStore.open(sample) as store:
        planned = [e for e in store.list_events() if e.status == "planned" and e.start]
    assert len(events) == len(planned) > 0
    by_uid = {str(e["UID"]): e for e in events}
    for p in planned:
        ev = by_uid[f"{p.key}@eventline"]
        assert ev.decoded("DTSTART") == dt.date.fromisoformat(p.start)
        assert ev.decoded("DTEND") == dt.date.fromisoformat(p.end) + dt.timedelta(days=1)
        assert str(ev["SUMMARY"]) == p.title


def test_ics_escaping_and_folding() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "é" * 80)
    lines = folded.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines) and lines[1].startswith(" ")
    assert "".join(line[1:] if i else line for i, line in enumerate(lines)).endswith("é" * 80)


def test_hidden_events_are_left_out_of_exports(sample: Path) -> None:
    with EventStore.create_or_open(sample) as store:
        victim = store.list_events()[0]
        store.set_hidden(victim.id)
    keys = {r["event_key"] for r in map(json.loads, export(sample, "jsonl").splitlines())}
    assert victim.key not in keys and keys
