"""Curation: what a person decides about events, recorded in ``edits`` and kept for good.

Every operation takes the connection inside the caller's write transaction (EventStore runs
each one journalled, so it can be undone) and ``who``, the OS user. A user decision wins over
extraction: edited, merged, split and hand-made events are ``origin='user'`` (reconciliation
leaves their values alone) and hidden, starred, tagged or annotated events are never dropped
when a document goes or is extracted again. Every statement is parameterised; column names
come from fixed lists.
"""

from __future__ import annotations

import getpass
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.extract.types import KINDS, PRECISIONS, STATUSES
from desktop.store import writer
from desktop.store.errors import StoreError

# An event a person has decided something about: never removed or re-valued by extraction.
DECIDED_SQL = "(origin = 'user' OR hidden != 0 OR starred != 0 OR tags != '[]' OR note != '')"
EVENT_FIELDS = ("start", "end", "precision", "status", "kind", "actor", "subject", "title")
EVENT_FIELDS += ("summary", "note")
_DATE_FIELDS = ("start", "end", "precision")


def os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return repr(value)
    return str(value)


def record_edit(
    conn: sqlite3.Connection,
    who: str,
    action: str,
    *,
    event_id: int | None = None,
    document_id: str | None = None,
    field: str = "",
    old: object = None,
    new: object = None,
    origin: str = "user",
) -> None:
    conn.execute(
        "INSERT INTO edits (event_id, document_id, who, edited_at, action, field, old, new,"
        " origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, document_id, who, writer.now_iso(), action, field, _text(old), _text(new),
         origin),
    )  # fmt: skip


def _event_row(conn: sqlite3.Connection, event_id: int) -> dict[str, Any]:
    cur = conn.execute("SELECT * FROM events WHERE id = ?", (int(event_id),))
    row = cur.fetchone()
    if row is None:
        raise StoreError(f"no event with id {event_id}; it may have been deleted")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def edit_event(
    conn: sqlite3.Connection, event_id: int, changes: Mapping[str, Any], who: str
) -> None:
    """Set fields of an event (see EVENT_FIELDS); the event becomes ``origin='user'``."""
    unknown = sorted(set(changes) - set(EVENT_FIELDS))
    if unknown:
        raise StoreError(f"cannot edit event field(s) {', '.join(unknown)}")
    before = _event_row(conn, event_id)
    changed = {k: v for k, v in changes.items() if before[k] != v}
    if not changed:
        return
    values = {k: v for k, v in changed.items() if k != "note"}
    dated = any(k in values for k in _DATE_FIELDS)
    if dated and values.get("precision", before["precision"]) == "unknown":
        values.update(start=None, end=None, precision="unknown")
    writer.update_event(conn, int(event_id), values)
    if "note" in changed:
        conn.execute("UPDATE events SET note = ? WHERE id = ?", (str(changed["note"]), event_id))
    if dated:
        conn.execute("UPDATE events SET anchor = 'explicit' WHERE id = ?", (event_id,))
    if "actor" in values:
        conn.execute("INSERT OR IGNORE INTO actors (name) VALUES (?)", (values["actor"],))
    after = _event_row(conn, event_id)
    for name in EVENT_FIELDS:
        if before[name] != after[name]:
            record_edit(conn, who, "edit", event_id=event_id, field=name,
                        old=before[name], new=after[name])  # fmt: skip


def set_flag(conn: sqlite3.Connection, event_id: int, flag: str, value: bool, who: str) -> None:
    """Hide ("not an event") / unhide, or star / unstar an event."""
    column = {"hidden": "hidden", "starred": "starred"}.get(flag)
    if column is None:
        raise StoreError(f"unknown flag {flag!r}; use hidden or starred")
    before = _event_row(conn, event_id)[column]
    if bool(before) == bool(value):
        return
    conn.execute(f"UPDATE events SET {column} = ? WHERE id = ?", (int(bool(value)), event_id))
    action = {("hidden", True): "hide", ("hidden", False): "unhide"}.get((flag, bool(value)))
    action = action or ("star" if value else "unstar")
    record_edit(conn, who, action, event_id=event_id, field=column, old=before, new=int(value))


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: trimmed, single-spaced, no blanks or duplicates (case-insensitive)."""
    seen: dict[str, str] = {}
    for tag in tags:
        text = " ".join(str(tag).split())[:80]
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return sorted(seen.values(), key=str.casefold)


def set_tags(conn: sqlite3.Connection, event_id: int, tags: Iterable[str], who: str) -> None:
    before = _event_row(conn, event_id)["tags"]
    after = json.dumps(clean_tags(tags), ensure_ascii=False)
    if before == after:
        return
    conn.execute("UPDATE events SET tags = ? WHERE id = ?", (after, event_id))
    record_edit(conn, who, "tag", event_id=event_id, field="tags", old=before, new=after)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")[:48].strip("-")


def free_key(conn: sqlite3.Connection, base: str) -> str:
    base = base or "event"
    key, n = base, 2
    while conn.execute("SELECT 1 FROM events WHERE key = ?", (key,)).fetchone():
        key, n = f"{base}-{n}", n + 1
    return key


def _check_fields(fields: Mapping[str, Any]) -> None:
    for name, allowed in (("precision", PRECISIONS), ("status", STATUSES), ("kind", KINDS)):
        if fields.get(name) not in allowed:
            raise StoreError(f"unknown {name} {fields.get(name)!r}; use one of {allowed}")
    if not str(fields.get("actor") or "").strip():
        raise StoreError("an event needs an actor (who did it)")


def add_event(
    conn: sqlite3.Connection,
    fields: Mapping[str, Any],
    who: str,
    evidence: tuple[str, int, int] | None = None,
    *,
    key: str | None = None,
    origin: str = "user",
) -> int:
    """Add an event by hand (``origin='user'``); ``evidence`` = (document id, start, end) of
    its passage in a stored document, which becomes a user mention. Returns the event id."""
    f = {"precision": "unknown", "status": "happened", "kind": "other", "subject": ""}
    f.update({k: v for k, v in fields.items() if v is not None or k in ("start", "end")})
    if f.get("precision") == "unknown" or not f.get("start"):
        f.update(start=None, end=None, precision="unknown")
    f.setdefault("end", f.get("start"))
    f["end"] = f["end"] or f["start"]
    _check_fields(f)
    title = str(f.get("title") or f"{f['actor']} {f['subject']}".strip())
    slug = _slug(f"{f['actor'].split('(')[0]}-{f['subject'] or title}-{f['kind']}")
    cur = conn.execute(
        'INSERT INTO events (key, start, "end", precision, anchor, status, kind, actor,'
        " actor_key, subject, title, summary, confidence, origin, created_at, note)"
        " VALUES (?, ?, ?, ?, 'explicit', ?, ?, ?, ?, ?, ?, ?, 1.0, 'user', ?, ?)",
        (free_key(conn, key or slug), f["start"], f["end"], f["precision"], f["status"],
         f["kind"], f["actor"], writer.actor_key(f["actor"]), f["subject"], title,
         str(f.get("summary") or ""), writer.now_iso(), str(f.get("note") or "")),
    )  # fmt: skip
    event_id = int(cur.lastrowid)
    conn.execute("INSERT OR IGNORE INTO actors (name) VALUES (?)", (f["actor"],))
    if evidence is not None:
        add_mention(conn, event_id, *evidence)
    record_edit(conn, who, "add", event_id=event_id, new=title, origin=origin)
    return event_id


def add_mention(
    conn: sqlite3.Connection, event_id: int, document_id: str, start: int, end: int
) -> int:
    """A user mention: the passage ``start:end`` of a stored document reports the event."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise StoreError(f"no document {document_id!r} in this store")
    text = row[0]
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise StoreError(f"evidence {start}:{end} is not a passage of the document")
    ev = _event_row(conn, event_id)
    cur = conn.execute(
        'INSERT INTO mentions (event_id, document_id, start, "end", date_start, date_end,'
        " precision, anchor, resolution, status, kind, actor_text, subject_text, evidence,"
        " title, summary, confidence, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'explicit', 'set by hand', ?, ?, ?, ?, ?, ?, ?, 1.0,"
        " 'user')",
        (event_id, document_id, start, end, ev["start"], ev["end"], ev["precision"],
         ev["status"], ev["kind"], ev["actor"], ev["subject"], text[start:end], ev["title"],
         ev["summary"]),
    )  # fmt: skip
    return int(cur.lastrowid)


def merge_events(conn: sqlite3.Connection, keep_id: int, other_id: int, who: str) -> None:
    """``other``'s mentions join ``keep``; stars, tags and notes are combined; ``other`` goes.
    The kept event keeps its values and becomes ``origin='user'``."""
    if int(keep_id) == int(other_id):
        raise StoreError("cannot merge an event with itself")
    keep, other = _event_row(conn, keep_id), _event_row(conn, other_id)
    tags = clean_tags(json.loads(keep["tags"]) + json.loads(other["tags"]))
    note = "\n".join(n for n in (keep["note"], other["note"]) if n)
    conn.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", (keep_id, other_id))
    conn.execute(
        "UPDATE events SET origin = 'user', starred = ?, hidden = ?, tags = ?, note = ?"
        " WHERE id = ?",
        (int(keep["starred"] or other["starred"]), int(keep["hidden"] and other["hidden"]),
         json.dumps(tags, ensure_ascii=False), note, keep_id),
    )  # fmt: skip
    conn.execute("DELETE FROM events WHERE id = ?", (other_id,))
    record_edit(conn, who, "merge", event_id=keep_id, field="key", old=other["key"],
                new=keep["key"])  # fmt: skip


def split_mention(conn: sqlite3.Connection, mention_id: int, who: str) -> int:
    """Move one mention to a new event of its own (values from that mention); returns its id.
    The event it leaves is reconciled from its other mentions unless a person edited it."""
    cur = conn.execute("SELECT * FROM mentions WHERE id = ?", (int(mention_id),))
    row = cur.fetchone()
    if row is None:
        raise StoreError(f"no mention with id {mention_id}")
    m = dict(zip([d[0] for d in cur.description], row, strict=True))
    old = _event_row(conn, m["event_id"])
    n = conn.execute("SELECT COUNT(*) FROM mentions WHERE event_id = ?", (old["id"],)).fetchone()
    if n[0] < 2:
        raise StoreError("the event has only this mention; there is nothing to split off")
    fields = {"start": m["date_start"], "end": m["date_end"], "precision": m["precision"],
              "status": m["status"], "kind": m["kind"], "actor": m["actor_text"] or old["actor"],
              "subject": m["subject_text"], "title": m["title"] or old["title"],
              "summary": m["summary"]}  # fmt: skip
    new_id = add_event(conn, fields, who, key=f"{old['key']}-split")
    conn.execute("UPDATE mentions SET event_id = ? WHERE id = ?", (new_id, mention_id))
    conn.execute("UPDATE events SET anchor = ? WHERE id = ?", (m["anchor"], new_id))
    writer.reconcile(conn, old["id"])
    record_edit(conn, who, "split", event_id=new_id, field="key", old=old["key"])
    return new_id


def is_decided(conn: sqlite3.Connection, event_id: int) -> bool:
    row = conn.execute(f"SELECT {DECIDED_SQL} FROM events WHERE id = ?", (event_id,)).fetchone()
    return bool(row and row[0])


def tidy_event(conn: sqlite3.Connection, event_id: int) -> None:
    """After mentions went: drop an event left without any unless a person decided on it;
    otherwise re-derive an extracted event's values from the mentions it still has."""
    if conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
        return
    left = conn.execute("SELECT 1 FROM mentions WHERE event_id = ?", (event_id,)).fetchone()
    if left is None:
        if not is_decided(conn, event_id):
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        return
    writer.reconcile(conn, event_id)
