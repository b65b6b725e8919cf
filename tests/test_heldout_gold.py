"""Shape and consistency checks for the held-out evaluation sets (tests/data/heldout*).

Each set is ten articles and a gold.jsonl written independently of the extractor's rules.

The gold file follows DESIGN.md's exchange format and annotation rules; these tests make sure
it stays well formed: known fields and enums, dates written at their precision, evidence that
is an exact substring of each document's stored text, one row per document and event.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from desktop.extract import types as extract_types
from desktop.sources import read_document

DATA = Path(__file__).parent / "data"
SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")

PRECISIONS = {"day", "month", "quarter", "season", "half", "year", "unknown"}
STATUSES = {"planned", "reported", "happened"}
KINDS = {
    "release",
    "open_source",
    "announcement",
    "funding",
    "statement",
    "partnership",
    "other",
}
ANCHORS = {"explicit", "relative", "publication"}
REQUIRED = {
    "doc",
    "event_key",
    "date",
    "precision",
    "status",
    "kind",
    "actor",
    "subject",
    "evidence",
    "resolution",
    "anchor",
}
OPTIONAL = {"date_end", "alt_evidence"}
DATE_SHAPES = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "quarter": re.compile(r"\d{4}-\d{2}"),
    "season": re.compile(r"\d{4}-\d{2}"),
    "half": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}
SPAN_MONTHS = {"quarter": 3, "season": 3, "half": 6}
FIRST_MONTHS = {"quarter": {1, 4, 7, 10}, "half": {1, 7}, "season": {3, 6, 9, 12}}
KEY_SHAPE = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def _rows(name: str) -> list[dict]:
    with (DATA / name / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _articles(name: str) -> list[Path]:
    folder = DATA / name
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})


ROWS_BY_SET = {name: _rows(name) for name in SETS}
DOCS_BY_SET = {name: {p.name: read_document(p) for p in _articles(name)} for name in SETS}
# every row with its set, for the per-row checks; rows carry their set as "_set"
ROWS = [{**row, "_set": name} for name in SETS for row in ROWS_BY_SET[name]]


def _row_id(row: dict) -> str:
    return f"{row['_set']}/{row['doc']}:{row['event_key']}"


def _doc(row: dict):
    return DOCS_BY_SET[row["_set"]][row["doc"]]


def _month_index(value: str) -> int:
    year, month = (int(part) for part in value[:7].split("-"))
    return year * 12 + month - 1


@pytest.mark.parametrize("gold_set", SETS)
def test_article_mix_and_lengths(gold_set: str) -> None:
    docs = DOCS_BY_SET[gold_set]
    suffixes = Counter(Path(name).suffix for name in docs)
    assert suffixes == {".txt": 6, ".md": 2, ".html": 2}
    for name, doc in docs.items():
        words = len(doc.text.split())
        assert 350 <= words <= 900, f"{name}: {words} words"
        assert doc.published is not None, f"{name}: no publication date"
        assert doc.published_from in {"front_matter", "meta", "dateline"}


@pytest.mark.parametrize("gold_set", SETS)
def test_every_article_is_annotated_and_every_row_names_an_article(gold_set: str) -> None:
    rows = ROWS_BY_SET[gold_set]
    assert {row["doc"] for row in rows} == set(DOCS_BY_SET[gold_set])
    assert 60 <= len(rows) <= 110


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_fields_and_enums(row: dict) -> None:
    fields = set(row) - {"_set"}
    assert fields >= REQUIRED, REQUIRED - fields
    assert fields <= REQUIRED | OPTIONAL, fields - REQUIRED - OPTIONAL
    assert row["precision"] in PRECISIONS
    assert row["status"] in STATUSES
    assert row["kind"] in KINDS
    assert row["anchor"] in ANCHORS
    assert KEY_SHAPE.fullmatch(row["event_key"]), row["event_key"]
    for field in ("actor", "subject", "evidence", "resolution"):
        assert isinstance(row[field], str) and row[field].strip(), field
    alt = row.get("alt_evidence", [])
    assert isinstance(alt, list) and all(isinstance(a, str) and a for a in alt)


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_date_written_at_its_precision(row: dict) -> None:
    precision, date, end = row["precision"], row["date"], row.get("date_end")
    if precision == "unknown":
        assert date is None and end is None
        return
    assert DATE_SHAPES[precision].fullmatch(date), (precision, date)
    if precision == "day":
        start = dt.date.fromisoformat(date)
        if end is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", end)
            assert dt.date.fromisoformat(end) > start
    elif precision in SPAN_MONTHS:
        assert end is not None and re.fullmatch(r"\d{4}-\d{2}", end), end
        assert _month_index(end) - _month_index(date) == SPAN_MONTHS[precision] - 1
        assert int(date[5:7]) in FIRST_MONTHS[precision]
    else:
        assert end is None
        if precision == "month":
            assert 1 <= int(date[5:7]) <= 12


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_evidence_is_in_the_stored_text(row: dict) -> None:
    text = _doc(row).text
    for evidence in [row["evidence"], *row.get("alt_evidence", [])]:
        assert evidence in text, evidence
        assert evidence == evidence.strip() and "\n" not in evidence


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_publication_anchor_means_the_publication_day(row: dict) -> None:
    published = _doc(row).published
    if row["anchor"] == "publication":
        assert row["precision"] == "day" and row["date"] == published.isoformat()
        assert "date_end" not in row
    elif row["status"] == "happened" and row["precision"] == "day":
        assert dt.date.fromisoformat(row["date"]) <= published, "happened after publication"


def test_one_row_per_document_and_event() -> None:
    pairs = Counter((row["_set"], row["doc"], row["event_key"]) for row in ROWS)
    assert [pair for pair, n in pairs.items() if n > 1] == []


@pytest.mark.parametrize("gold_set", SETS)
def test_cross_article_events_share_keys(gold_set: str) -> None:
    docs_by_key: dict[str, set[str]] = defaultdict(set)
    for row in ROWS_BY_SET[gold_set]:
        docs_by_key[row["event_key"]].add(row["doc"])
    shared = {key for key, docs in docs_by_key.items() if len(docs) > 1}
    assert len(shared) >= 4, shared


@pytest.mark.parametrize("gold_set", SETS)
def test_every_status_kind_and_anchor_is_exercised(gold_set: str) -> None:
    rows = ROWS_BY_SET[gold_set]
    assert {row["status"] for row in rows} == STATUSES
    assert {row["kind"] for row in rows} >= KINDS - {"partnership"}
    assert {row["kind"] for row in rows} <= KINDS
    assert {row["anchor"] for row in rows} == ANCHORS
    assert {row["precision"] for row in rows} >= {"day", "month", "quarter", "season", "half"}


def test_enums_agree_with_the_extractor_types() -> None:
    assert set(extract_types.PRECISIONS) == PRECISIONS
    assert set(extract_types.STATUSES) == STATUSES
    assert set(extract_types.ANCHORS) == ANCHORS
    assert set(extract_types.KINDS) >= KINDS


def _interval(row: dict) -> tuple[dt.date, dt.date]:
    """The (start, end) calendar interval a row's date denotes at its precision."""
    date, end, precision = row["date"], row.get("date_end"), row["precision"]
    if precision == "day":
        return dt.date.fromisoformat(date), dt.date.fromisoformat(end or date)
    if precision == "year":
        return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    first = dt.date.fromisoformat(date + "-01")
    last_month = dt.date.fromisoformat((end or date) + "-01")
    following = dt.date(last_month.year + last_month.month // 12, last_month.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_status_agrees_with_the_publication_date(row: dict) -> None:
    if row["precision"] == "unknown" or row["anchor"] == "publication":
        return
    published = _doc(row).published
    start, end = _interval(row)
    if row["status"] == "planned":
        assert end >= published, "a plan that ends before its article was published"
    elif row["status"] == "happened":
        assert start <= published, "a past event that starts after its article was published"
    # "reported" may be a past event or a plan attributed to sources: either side is fine


@pytest.mark.parametrize("gold_set", SETS)
def test_relative_weekdays_resolve_to_the_named_day(gold_set: str) -> None:
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    checked = 0
    for row in ROWS_BY_SET[gold_set]:
        match = re.match(r"on (\w+day) ", row["resolution"], re.IGNORECASE)
        if row["precision"] != "day" or not match:
            continue
        named = weekdays.index(match[1].lower())
        assert dt.date.fromisoformat(row["date"]).weekday() == named, row["event_key"]
        checked += 1
    assert checked >= 5
