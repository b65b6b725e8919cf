"""Writing one document and its events: mentions, cross-article merge, reconciliation.

Runs inside the caller's write transaction; every statement is parameterised. Rows are
written with sqlite-utils (``insert``, ``insert_all``, ``update``) on the caller's connection;
raw SQL stays for the merge-candidate scans (the per-event hot path of an ingest) and the
reconciling UPDATE … FROM, which sqlite-utils has no verb for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.extract.links import actor_tokens, parties
from desktop.extract.merge import link_candidate_kinds, link_score, make_key
from desktop.extract.types import ANCHORS, KINDS, PRECISIONS, STATUSES, ExtractedEvent, TimeInterval
from desktop.sources.document import Document
from desktop.store.errors import StoreError
from desktop.store.records import AddResult


def actor_key(name: str) -> str:
    """The indexed form of an actor name used to find merge candidates quickly; agrees with
    desktop.extract.merge.same_actor ("ManusAI (Monica)" and "ManusAI" share a key)."""
    return re.sub(r"[^a-z0-9.]+", "-", name.split("(")[0].lower()).strip("-.")


@dataclass(frozen=True)
class _Facts:
    """An events row in the shape desktop.extract.merge expects."""

    id: int
    key: str
    actor: str
    subject: str
    kind: str
    interval: TimeInterval
    anchor: str
    status: str


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _facts(row: sqlite3.Row | tuple) -> _Facts:
    ev_id, key, actor, subject, kind, start, end, precision, anchor, status = row
    interval = TimeInterval(_date(start), _date(end), precision if start else "unknown")
    return _Facts(ev_id, key, actor, subject, kind, interval, anchor, status)


_FACTS_SQL = (
    'SELECT id, key, actor, subject, kind, start, "end", precision, anchor, status FROM events'
)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def validate(doc: Document, ev: ExtractedEvent) -> None:
    """Refuse an extracted event whose evidence or values do not fit ``doc`` (StoreError)."""
    problems = []
    if not (0 <= ev.start <= ev.end <= len(doc.text)) or doc.text[ev.start : ev.end] != ev.evidence:
        problems.append(f"evidence at {ev.start}:{ev.end} is not the document's text there")
    for value, allowed, name in (
        (ev.interval.precision, PRECISIONS, "precision"),
        (ev.status, STATUSES, "status"),
        (ev.kind, KINDS, "kind"),
        (ev.anchor, ANCHORS, "anchor"),
    ):
        if value not in allowed:
            problems.append(f"unknown {name} {value!r}")
    for a, b in ev.alt_spans:
        if not 0 <= a <= b <= len(doc.text):
            problems.append(f"alternative evidence {a}:{b} lies outside the document")
    if problems:
        raise StoreError(
            f"{doc.file_name}: cannot store event {ev.title or ev.subject!r}: {problems[0]}; "
            "this is an extraction bug, please report it"
        )


def _actor_ranges(ev: ExtractedEvent) -> set[tuple[str, str]]:
    """Bounds of the actor keys that begin with the first word of a party's name (the actor,
    or the other side of a partnership): every actor merge.link_score may link lies inside
    one ("samsung" .. "samsung-electronics")."""
    ranges = set()
    for name in parties(ev.actor, ev.subject, ev.kind):
        words = actor_tokens(name)
        root = actor_key(words[0]) if words else ""
        key = root or actor_key(name)
        ranges.add((key, key[:-1] + chr(ord(key[-1]) + 1)) if key else (key, key + "\0"))
    return ranges


_KEY_BONUS = 10  # the stored event under the mention's own key (from extract) comes first


def _scored(db: Database, ev: ExtractedEvent) -> list[tuple[int, _Facts]]:
    """The stored events ``ev`` may report, with their merge.link_score (above 0)."""
    conn = db.conn  # raw: 1-3 indexed range scans per extracted event, tuples into _Facts
    rows: dict[int, tuple] = {}
    if ev.event_key:
        for row in conn.execute(_FACTS_SQL + " WHERE key = ?", (ev.event_key,)):
            rows[row[0]] = row
    # Candidates: a kind that may link and an actor key from the same first word (indexed);
    # link_score decides on actor, kind, time and subject.
    kinds = sorted(link_candidate_kinds(ev.kind))
    sql = _FACTS_SQL + f" WHERE kind IN ({', '.join('?' * len(kinds))})"
    sql += " AND actor_key >= ? AND actor_key < ?"
    for lo, hi in _actor_ranges(ev):
        for row in conn.execute(sql, (*kinds, lo, hi)):
            rows[row[0]] = row
    scored = []
    for row in rows.values():
        facts = _facts(row)
        if (score := link_score(facts, ev)) > 0:
            scored.append((score + _KEY_BONUS * (facts.key == ev.event_key), facts))
    return scored


def match_existing(
    db: Database, events: Sequence[ExtractedEvent], taken: set[int] | None = None
) -> dict[int, _Facts]:
    """Which of ``events`` (by index) report a stored event (not one in ``taken``): the merge
    rule, as in desktop.extract.merge.assign_keys: the best-agreeing pairs first, the oldest
    stored event of equals, each event and each stored event used once."""
    taken = taken or set()
    pairs = [
        (-score, i, facts.id, facts)
        for i, ev in enumerate(events)
        for score, facts in _scored(db, ev)
        if facts.id not in taken
    ]
    pairs.sort(key=lambda p: p[:3])
    found: dict[int, _Facts] = {}
    used: set[int] = set()
    for _, i, ev_id, facts in pairs:
        if i not in found and ev_id not in used:
            found[i] = facts
            used.add(ev_id)
    return found


def find_existing(db: Database, ev: ExtractedEvent, taken: set[int]) -> _Facts | None:
    """The stored event ``ev`` reports (not one in ``taken``), or None (match_existing)."""
    return match_existing(db, [ev], taken).get(0)


def _free_key(db: Database, ev: ExtractedEvent, pending: set[str]) -> str:
    """A key no stored event and none of ``pending`` (about to be stored) holds."""

    def used(key: str) -> bool:
        return key in pending or db["events"].count_where("key = ?", [key]) > 0

    if ev.event_key and not used(ev.event_key):
        return ev.event_key
    base = make_key(ev)
    key, n = base, 2
    while used(key):
        key, n = f"{base}-{n}", n + 1
    return key


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def event_row(db: Database, ev: ExtractedEvent, created_at: str, pending: set[str]) -> dict:
    """The events row of a new extracted event holding ``ev``'s values, under a key free in
    the store and not in ``pending`` (to which it is added)."""
    iv = ev.interval
    key = _free_key(db, ev, pending)
    pending.add(key)
    return {
        "key": key,
        "start": _iso(iv.start),
        "end": _iso(iv.end),
        "precision": iv.precision,
        "anchor": ev.anchor,
        "status": ev.status,
        "kind": ev.kind,
        "actor": ev.actor,
        "actor_key": actor_key(ev.actor),
        "subject": ev.subject,
        "title": ev.title,
        "summary": ev.summary,
        "confidence": float(ev.confidence),
        "origin": "extracted",
        "created_at": created_at,
    }


def insert_event(db: Database, ev: ExtractedEvent, created_at: str) -> int:
    """A new extracted event holding ``ev``'s values (under a free key); returns its id."""
    table = db["events"]
    table.insert(event_row(db, ev, created_at, set()), alter=False)
    return int(table.last_rowid or 0)


def _next_event_id(db: Database) -> int:
    """The id SQLite would give the next event (largest in use + 1: ``id INTEGER PRIMARY KEY``
    without AUTOINCREMENT), so a document's new events can be written in one insert_all."""
    return int(next(db.query("SELECT COALESCE(MAX(id), 0) + 1 AS id FROM events"))["id"])


def mention_row(event_id: int, doc_id: str, ev: ExtractedEvent) -> dict:
    """The mentions row storing ``ev`` as an extracted mention of ``event_id`` in ``doc_id``."""
    iv = ev.interval
    return {
        "event_id": event_id,
        "document_id": doc_id,
        "start": ev.start,
        "end": ev.end,
        "time_start": ev.time_start,
        "time_end": ev.time_end,
        "date_start": _iso(iv.start),
        "date_end": _iso(iv.end),
        "precision": iv.precision,
        "anchor": ev.anchor,
        "resolution": ev.resolution,
        "status": ev.status,
        "kind": ev.kind,
        "actor_text": ev.actor,
        "subject_text": ev.subject,
        "evidence": ev.evidence,
        "alt_spans": json.dumps([list(s) for s in ev.alt_spans]),
        "title": ev.title,
        "summary": ev.summary,
        "confidence": float(ev.confidence),
    }


def insert_mention(db: Database, event_id: int, doc_id: str, ev: ExtractedEvent) -> None:
    """Store ``ev`` as an extracted mention of event ``event_id`` in document ``doc_id``."""
    db["mentions"].insert(mention_row(event_id, doc_id, ev), alter=False)


def add_actors(db: Database, names: Sequence[str | None]) -> None:
    """Known actor names (INSERT OR IGNORE), in order of first appearance."""
    rows = [{"name": name} for name in dict.fromkeys(names)]
    db["actors"].insert_all(rows, ignore=True, alter=False)


# The reconciled mention: a dated claim beats "on or before publication" (which only bounds
# the date), then the most precise date, then the earliest stored mention.
_RECONCILE_SQL = """
UPDATE events SET
    start = m.date_start, "end" = m.date_end, precision = m.precision, anchor = m.anchor,
    status = m.status, kind = m.kind, subject = m.subject_text, title = m.title,
    summary = m.summary,
    confidence = (SELECT MAX(confidence) FROM mentions WHERE event_id = events.id)
FROM (
    SELECT * FROM mentions WHERE event_id = :id
    ORDER BY anchor = 'publication', CASE precision {ranks} ELSE 99 END, id LIMIT 1
) AS m
WHERE events.id = :id AND events.origin = 'extracted'
""".format(ranks=" ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(PRECISIONS)))


def reconcile(db: Database, event_id: int) -> None:
    """Set an extracted event's values from its best mention (user events are left alone)."""
    db.execute(_RECONCILE_SQL, {"id": event_id})  # one UPDATE … FROM: no sqlite-utils verb


def add_document(db: Database, doc: Document, events: Sequence[ExtractedEvent]) -> AddResult:
    """Store ``doc`` and its events; the caller holds the write transaction.

    A document already stored whole is left alone (``added=False``). One stored from
    imported evidence only (``complete = 0``) gets the full text instead: its imported
    mentions (user decisions) stay, moved to their passages in the full text, and extracted
    events whose evidence overlaps one of them are left out.
    """
    doc_id = doc.id
    stored = next(db["documents"].rows_where("id = ?", [doc_id], select="complete"), None)
    if stored is not None and stored["complete"]:
        return AddResult(doc_id, doc.file_name, added=False)
    for ev in events:
        validate(doc, ev)
    now = now_iso()
    if stored is None:
        _insert_document(db, doc, now)
    else:
        events = complete_document(db, doc, events, now)
    matches = match_existing(db, events)
    next_id, keys = _next_event_id(db), set()
    new_events, mentions, merged = [], [], []
    for i, ev in enumerate(events):
        existing = matches.get(i)
        if existing is None:  # a new event already holds its only mention's values
            event_id, next_id = next_id, next_id + 1
            new_events.append({"id": event_id, **event_row(db, ev, now, keys)})
        else:
            event_id = existing.id
            merged.append(event_id)
        mentions.append(mention_row(event_id, doc_id, ev))
    # The document's new events, then its mentions, each in one insert_all: the same ids as
    # one row at a time, at a fraction of sqlite-utils' per-call cost (it inspects the table).
    # Each merged event is then reconciled from its mentions, which include the new one.
    db["events"].insert_all(new_events, alter=False)
    db["mentions"].insert_all(mentions, alter=False)
    for event_id in merged:
        reconcile(db, event_id)
    add_actors(db, [ev.actor for ev in events])
    return AddResult(doc_id, doc.file_name, True, len(new_events), len(merged), len(events))


def _insert_document(db: Database, doc: Document, now: str) -> None:
    row = {
        "id": doc.id,
        "file_name": doc.file_name,
        "title": doc.title,
        "source": doc.source or "",
        "published": _iso(doc.published),
        "published_from": doc.published_from,
        "text": doc.text,
        "ingested_at": now,
    }
    db["documents"].insert(row, alter=False)


def complete_document(
    db: Database, doc: Document, events: Sequence[ExtractedEvent], now: str
) -> list[ExtractedEvent]:
    """Replace an evidence-only document's text with the article ``doc``; returns the
    extracted events still to store (those not covering a passage a mention already holds)."""
    documents = db["documents"]
    old_text = next(documents.rows_where("id = ?", [doc.id], select="text"))["text"]
    documents.update(doc.id, {
        "file_name": doc.file_name, "title": doc.title, "source": doc.source or "",
        "published": _iso(doc.published), "published_from": doc.published_from,
        "text": doc.text, "ingested_at": now, "complete": 1,
    })  # fmt: skip
    rows = list(db["mentions"].rows_where(
        "document_id = ?", [doc.id], select='id, start, "end", evidence, alt_spans'
    ))  # fmt: skip
    spans = [_relocate(db, row, old_text or "", doc.text) for row in rows]
    return [ev for ev in events if not any(a < ev.end and ev.start < b for a, b in spans)]


def _relocate(db: Database, row: dict, old_text: str, text: str) -> tuple[int, int]:
    """Move one stored mention to its passage in the full text; returns its new span."""
    mention_id, start, end = row["id"], row["start"], row["end"]
    evidence, alt_json = row["evidence"], row["alt_spans"]
    if text[start:end] != evidence:
        found = text.find(evidence)
        if found < 0:
            raise StoreError(f"mention {mention_id}: its evidence is not in the article's text")
        start, end = found, found + len(evidence)
    alt = []
    for a, b in json.loads(alt_json or "[]"):
        at = text.find(old_text[a:b]) if 0 <= a < b <= len(old_text) else -1
        if at >= 0:
            alt.append([at, at + b - a])
    db["mentions"].update(mention_id, {"start": start, "end": end, "alt_spans": json.dumps(alt)})
    return start, end


_EDITABLE = ("start", "end", "precision", "status", "kind", "actor", "subject", "title")
_EDITABLE += ("summary", "confidence")
_ALLOWED = {"precision": PRECISIONS, "status": STATUSES, "kind": KINDS}


def update_event(db: Database, event_id: int, changes: dict) -> None:
    """Apply a user's edit to one event (column names come from a fixed list only)."""
    unknown = sorted(set(changes) - set(_EDITABLE))
    if unknown:
        raise StoreError(f"cannot edit event field(s) {', '.join(unknown)}")
    for name, allowed in _ALLOWED.items():
        if name in changes and changes[name] not in allowed:
            raise StoreError(f"unknown {name} {changes[name]!r}; use one of {', '.join(allowed)}")
    for name in ("start", "end"):
        if changes.get(name) is not None:
            try:
                _date(str(changes[name]))
            except ValueError:
                raise StoreError(f"{name} {changes[name]!r} is not a YYYY-MM-DD date") from None
    events = db["events"]
    if events.count_where("id = ?", [event_id]) == 0:
        raise StoreError(f"no event with id {event_id}")
    updates = dict(changes)  # keys checked against _EDITABLE above: column names from code
    if "actor" in changes:
        updates["actor_key"] = actor_key(str(changes["actor"]))
    updates["origin"] = "user"
    events.update(event_id, updates)
    row = next(events.rows_where("id = ?", [event_id], select='start, "end"'))
    start, end = row["start"], row["end"]
    if (start is None) != (end is None) or (start is not None and start > end):
        raise StoreError(f"event {event_id}: start {start} and end {end} do not make an interval")
