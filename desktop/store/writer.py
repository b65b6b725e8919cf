"""Writing one document and its events: mentions, cross-article merge, reconciliation.

Runs inside the caller's write transaction; every statement is parameterised.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

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


def _scored(conn: sqlite3.Connection, ev: ExtractedEvent) -> list[tuple[int, _Facts]]:
    """The stored events ``ev`` may report, with their merge.link_score (above 0)."""
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
    conn: sqlite3.Connection, events: Sequence[ExtractedEvent], taken: set[int] | None = None
) -> dict[int, _Facts]:
    """Which of ``events`` (by index) report a stored event (not one in ``taken``): the merge
    rule, as in desktop.extract.merge.assign_keys: the best-agreeing pairs first, the oldest
    stored event of equals, each event and each stored event used once."""
    taken = taken or set()
    pairs = [
        (-score, i, facts.id, facts)
        for i, ev in enumerate(events)
        for score, facts in _scored(conn, ev)
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


def find_existing(conn: sqlite3.Connection, ev: ExtractedEvent, taken: set[int]) -> _Facts | None:
    """The stored event ``ev`` reports (not one in ``taken``), or None (match_existing)."""
    return match_existing(conn, [ev], taken).get(0)


def _free_key(conn: sqlite3.Connection, ev: ExtractedEvent) -> str:
    def used(key: str) -> bool:
        return conn.execute("SELECT 1 FROM events WHERE key = ?", (key,)).fetchone() is not None

    if ev.event_key and not used(ev.event_key):
        return ev.event_key
    base = make_key(ev)
    key, n = base, 2
    while used(key):
        key, n = f"{base}-{n}", n + 1
    return key


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def insert_event(conn: sqlite3.Connection, ev: ExtractedEvent, created_at: str) -> int:
    """A new extracted event holding ``ev``'s values (under a free key); returns its id."""
    iv = ev.interval
    cur = conn.execute(
        'INSERT INTO events (key, start, "end", precision, anchor, status, kind, actor,'
        " actor_key, subject, title, summary, confidence, origin, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'extracted', ?)",
        (
            _free_key(conn, ev),
            _iso(iv.start),
            _iso(iv.end),
            iv.precision,
            ev.anchor,
            ev.status,
            ev.kind,
            ev.actor,
            actor_key(ev.actor),
            ev.subject,
            ev.title,
            ev.summary,
            float(ev.confidence),
            created_at,
        ),
    )
    return int(cur.lastrowid)


def insert_mention(
    conn: sqlite3.Connection, event_id: int, doc_id: str, ev: ExtractedEvent
) -> None:
    """Store ``ev`` as an extracted mention of event ``event_id`` in document ``doc_id``."""
    iv = ev.interval
    conn.execute(
        'INSERT INTO mentions (event_id, document_id, start, "end", time_start, time_end,'
        " date_start, date_end, precision, anchor, resolution, status, kind, actor_text,"
        " subject_text, evidence, alt_spans, title, summary, confidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event_id,
            doc_id,
            ev.start,
            ev.end,
            ev.time_start,
            ev.time_end,
            _iso(iv.start),
            _iso(iv.end),
            iv.precision,
            ev.anchor,
            ev.resolution,
            ev.status,
            ev.kind,
            ev.actor,
            ev.subject,
            ev.evidence,
            json.dumps([list(s) for s in ev.alt_spans]),
            ev.title,
            ev.summary,
            float(ev.confidence),
        ),
    )


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


def reconcile(conn: sqlite3.Connection, event_id: int) -> None:
    """Set an extracted event's values from its best mention (user events are left alone)."""
    conn.execute(_RECONCILE_SQL, {"id": event_id})


def add_document(
    conn: sqlite3.Connection, doc: Document, events: Sequence[ExtractedEvent]
) -> AddResult:
    """Store ``doc`` and its events; the caller holds the write transaction.

    A document already stored whole is left alone (``added=False``). One stored from
    imported evidence only (``complete = 0``) gets the full text instead: its imported
    mentions (user decisions) stay, moved to their passages in the full text, and extracted
    events whose evidence overlaps one of them are left out.
    """
    doc_id = doc.id
    row = conn.execute("SELECT complete FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is not None and row[0]:
        return AddResult(doc_id, doc.file_name, added=False)
    for ev in events:
        validate(doc, ev)
    now = now_iso()
    if row is None:
        _insert_document(conn, doc, now)
    else:
        events = complete_document(conn, doc, events, now)
    matches = match_existing(conn, events)
    new = merged = 0
    for i, ev in enumerate(events):
        existing = matches.get(i)
        if existing is None:  # a new event already holds its only mention's values
            event_id, new = insert_event(conn, ev, now), new + 1
            insert_mention(conn, event_id, doc_id, ev)
        else:
            event_id, merged = existing.id, merged + 1
            insert_mention(conn, event_id, doc_id, ev)
            reconcile(conn, event_id)
        conn.execute("INSERT OR IGNORE INTO actors (name) VALUES (?)", (ev.actor,))
    return AddResult(doc_id, doc.file_name, True, new, merged, len(events))


def _insert_document(conn: sqlite3.Connection, doc: Document, now: str) -> None:
    conn.execute(
        "INSERT INTO documents (id, file_name, title, source, published, published_from, text,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.file_name,
            doc.title,
            doc.source or "",
            _iso(doc.published),
            doc.published_from,
            doc.text,
            now,
        ),
    )


def complete_document(
    conn: sqlite3.Connection, doc: Document, events: Sequence[ExtractedEvent], now: str
) -> list[ExtractedEvent]:
    """Replace an evidence-only document's text with the article ``doc``; returns the
    extracted events still to store (those not covering a passage a mention already holds)."""
    (old_text,) = conn.execute("SELECT text FROM documents WHERE id = ?", (doc.id,)).fetchone()
    conn.execute(
        "UPDATE documents SET file_name = ?, title = ?, source = ?, published = ?,"
        " published_from = ?, text = ?, ingested_at = ?, complete = 1 WHERE id = ?",
        (doc.file_name, doc.title, doc.source or "", _iso(doc.published), doc.published_from,
         doc.text, now, doc.id),
    )  # fmt: skip
    spans = [_relocate(conn, row, old_text or "", doc.text) for row in conn.execute(
        'SELECT id, start, "end", evidence, alt_spans FROM mentions WHERE document_id = ?',
        (doc.id,),
    ).fetchall()]  # fmt: skip
    return [ev for ev in events if not any(a < ev.end and ev.start < b for a, b in spans)]


def _relocate(conn: sqlite3.Connection, row: tuple, old_text: str, text: str) -> tuple[int, int]:
    """Move one stored mention to its passage in the full text; returns its new span."""
    mention_id, start, end, evidence, alt_json = row
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
    conn.execute(
        'UPDATE mentions SET start = ?, "end" = ?, alt_spans = ? WHERE id = ?',
        (start, end, json.dumps(alt), mention_id),
    )
    return start, end


_EDITABLE = {
    "start": "start",
    "end": '"end"',
    "precision": "precision",
    "status": "status",
    "kind": "kind",
    "actor": "actor",
    "subject": "subject",
    "title": "title",
    "summary": "summary",
    "confidence": "confidence",
}
_ALLOWED = {"precision": PRECISIONS, "status": STATUSES, "kind": KINDS}


def update_event(conn: sqlite3.Connection, event_id: int, changes: dict) -> None:
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
    if conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
        raise StoreError(f"no event with id {event_id}")
    sets = [f"{_EDITABLE[name]} = :{name}" for name in changes]
    if "actor" in changes:
        sets.append("actor_key = :actor_key")
        changes = {**changes, "actor_key": actor_key(str(changes["actor"]))}
    sets.append("origin = 'user'")
    conn.execute(
        f"UPDATE events SET {', '.join(sets)} WHERE id = :event_id",
        {**changes, "event_id": event_id},
    )
    start, end = conn.execute(
        'SELECT start, "end" FROM events WHERE id = ?', (event_id,)
    ).fetchone()
    if (start is None) != (end is None) or (start is not None and start > end):
        raise StoreError(f"event {event_id}: start {start} and end {end} do not make an interval")
