"""Curation: what a person decides about events, recorded in ``edits`` and kept for good.

Every operation takes the store's sqlite-utils Database inside the caller's write transaction
(EventStore runs each one journalled, so it can be undone) and ``who``, the OS user. A user
decision wins over extraction: edited, merged, split and hand-made events are
``origin='user'`` (reconciliation leaves their values alone) and hidden, starred, tagged or
annotated events are never dropped when a document goes or is extracted again. Rows are read
and written with sqlite-utils (``get``, ``insert``, ``update``, ``delete``, ``count_where``):
values are always parameters and column names come from fixed lists; re-pointing many mentions
at once is one parameterised UPDATE through ``db.execute``.
"""

from __future__ import annotations

import getpass
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

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
    db: Database,
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
    db["edits"].insert({
        "event_id": event_id, "document_id": document_id, "who": who,
        "edited_at": writer.now_iso(), "action": action, "field": field, "old": _text(old),
        "new": _text(new), "origin": origin,
    }, alter=False)  # fmt: skip


def _event_row(db: Database, event_id: int) -> dict[str, Any]:
    try:
        return db["events"].get(int(event_id))
    except NotFoundError:
        raise StoreError(f"no event with id {event_id}; it may have been deleted") from None


def edit_event(db: Database, event_id: int, changes: Mapping[str, Any], who: str) -> None:
    """Set fields of an event (see EVENT_FIELDS); the event becomes ``origin='user'``."""
    unknown = sorted(set(changes) - set(EVENT_FIELDS))
    if unknown:
        raise StoreError(f"cannot edit event field(s) {', '.join(unknown)}")
    before = _event_row(db, event_id)
    changed = {k: v for k, v in changes.items() if before[k] != v}
    if not changed:
        return
    values = {k: v for k, v in changed.items() if k != "note"}
    dated = any(k in values for k in _DATE_FIELDS)
    if dated and values.get("precision", before["precision"]) == "unknown":
        values.update(start=None, end=None, precision="unknown")
    writer.update_event(db, int(event_id), values)
    if "note" in changed:
        db["events"].update(event_id, {"note": str(changed["note"])})
    if dated:
        db["events"].update(event_id, {"anchor": "explicit"})
    if "actor" in values:
        writer.add_actors(db, [values["actor"]])
    after = _event_row(db, event_id)
    for name in EVENT_FIELDS:
        if before[name] != after[name]:
            record_edit(db, who, "edit", event_id=event_id, field=name,
                        old=before[name], new=after[name])  # fmt: skip


def set_flag(db: Database, event_id: int, flag: str, value: bool, who: str) -> None:
    """Hide ("not an event") / unhide, or star / unstar an event."""
    column = {"hidden": "hidden", "starred": "starred"}.get(flag)
    if column is None:
        raise StoreError(f"unknown flag {flag!r}; use hidden or starred")
    before = _event_row(db, event_id)[column]
    if bool(before) == bool(value):
        return
    db["events"].update(event_id, {column: int(bool(value))})
    action = {("hidden", True): "hide", ("hidden", False): "unhide"}.get((flag, bool(value)))
    action = action or ("star" if value else "unstar")
    record_edit(db, who, action, event_id=event_id, field=column, old=before, new=int(value))


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: trimmed, single-spaced, no blanks or duplicates (case-insensitive)."""
    seen: dict[str, str] = {}
    for tag in tags:
        text = " ".join(str(tag).split())[:80]
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return sorted(seen.values(), key=str.casefold)


def set_tags(db: Database, event_id: int, tags: Iterable[str], who: str) -> None:
    before = _event_row(db, event_id)["tags"]
    after = json.dumps(clean_tags(tags), ensure_ascii=False)
    if before == after:
        return
    db["events"].update(event_id, {"tags": after})
    record_edit(db, who, "tag", event_id=event_id, field="tags", old=before, new=after)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")[:48].strip("-")


def free_key(db: Database, base: str) -> str:
    base = base or "event"
    key, n = base, 2
    while db["events"].count_where("key = ?", [key]):
        key, n = f"{base}-{n}", n + 1
    return key


def _check_fields(fields: Mapping[str, Any]) -> None:
    for name, allowed in (("precision", PRECISIONS), ("status", STATUSES), ("kind", KINDS)):
        if fields.get(name) not in allowed:
            raise StoreError(f"unknown {name} {fields.get(name)!r}; use one of {allowed}")
    if not str(fields.get("actor") or "").strip():
        raise StoreError("an event needs an actor (who did it)")


def add_event(
    db: Database,
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
    events = db["events"]
    events.insert({
        "key": free_key(db, key or slug), "start": f["start"], "end": f["end"],
        "precision": f["precision"], "anchor": "explicit", "status": f["status"],
        "kind": f["kind"], "actor": f["actor"], "actor_key": writer.actor_key(f["actor"]),
        "subject": f["subject"], "title": title, "summary": str(f.get("summary") or ""),
        "confidence": 1.0, "origin": "user", "created_at": writer.now_iso(),
        "note": str(f.get("note") or ""),
    }, alter=False)  # fmt: skip
    event_id = int(events.last_rowid or 0)
    writer.add_actors(db, [f["actor"]])
    if evidence is not None:
        add_mention(db, event_id, *evidence)
    record_edit(db, who, "add", event_id=event_id, new=title, origin=origin)
    return event_id


def add_mention(db: Database, event_id: int, document_id: str, start: int, end: int) -> int:
    """A user mention: the passage ``start:end`` of a stored document reports the event."""
    row = next(db["documents"].rows_where("id = ?", [document_id], select="text"), None)
    if row is None:
        raise StoreError(f"no document {document_id!r} in this store")
    text = row["text"]
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise StoreError(f"evidence {start}:{end} is not a passage of the document")
    ev = _event_row(db, event_id)
    mentions = db["mentions"]
    mentions.insert({
        "event_id": event_id, "document_id": document_id, "start": start, "end": end,
        "date_start": ev["start"], "date_end": ev["end"], "precision": ev["precision"],
        "anchor": "explicit", "resolution": "set by hand", "status": ev["status"],
        "kind": ev["kind"], "actor_text": ev["actor"], "subject_text": ev["subject"],
        "evidence": text[start:end], "title": ev["title"], "summary": ev["summary"],
        "confidence": 1.0, "origin": "user",
    }, alter=False)  # fmt: skip
    return int(mentions.last_rowid or 0)


def merge_events(db: Database, keep_id: int, other_id: int, who: str) -> None:
    """``other``'s mentions join ``keep``; stars, tags and notes are combined; ``other`` goes.
    The kept event keeps its values and becomes ``origin='user'``."""
    if int(keep_id) == int(other_id):
        raise StoreError("cannot merge an event with itself")
    keep, other = _event_row(db, keep_id), _event_row(db, other_id)
    tags = clean_tags(json.loads(keep["tags"]) + json.loads(other["tags"]))
    note = "\n".join(n for n in (keep["note"], other["note"]) if n)
    # one multi-row UPDATE (sqlite-utils' update() changes one row by primary key)
    db.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", (keep_id, other_id))
    db["events"].update(keep_id, {
        "origin": "user", "starred": int(keep["starred"] or other["starred"]),
        "hidden": int(keep["hidden"] and other["hidden"]),
        "tags": json.dumps(tags, ensure_ascii=False), "note": note,
    })  # fmt: skip
    db["events"].delete(other_id)
    record_edit(db, who, "merge", event_id=keep_id, field="key", old=other["key"],
                new=keep["key"])  # fmt: skip


def split_mention(db: Database, mention_id: int, who: str) -> int:
    """Move one mention to a new event of its own (values from that mention); returns its id.
    The event it leaves is reconciled from its other mentions unless a person edited it."""
    try:
        m = db["mentions"].get(int(mention_id))
    except NotFoundError:
        raise StoreError(f"no mention with id {mention_id}") from None
    old = _event_row(db, m["event_id"])
    if db["mentions"].count_where("event_id = ?", [old["id"]]) < 2:
        raise StoreError("the event has only this mention; there is nothing to split off")
    fields = {"start": m["date_start"], "end": m["date_end"], "precision": m["precision"],
              "status": m["status"], "kind": m["kind"], "actor": m["actor_text"] or old["actor"],
              "subject": m["subject_text"], "title": m["title"] or old["title"],
              "summary": m["summary"]}  # fmt: skip
    new_id = add_event(db, fields, who, key=f"{old['key']}-split")
    db["mentions"].update(mention_id, {"event_id": new_id})
    db["events"].update(new_id, {"anchor": m["anchor"]})
    writer.reconcile(db, old["id"])
    record_edit(db, who, "split", event_id=new_id, field="key", old=old["key"])
    return new_id


def is_decided(db: Database, event_id: int) -> bool:
    return db["events"].count_where(f"id = ? AND {DECIDED_SQL}", [event_id]) > 0


def tidy_event(db: Database, event_id: int) -> None:
    """After mentions went: drop an event left without any unless a person decided on it;
    otherwise re-derive an extracted event's values from the mentions it still has."""
    if db["events"].count_where("id = ?", [event_id]) == 0:
        return
    if db["mentions"].count_where("event_id = ?", [event_id]) == 0:
        if not is_decided(db, event_id):
            db["events"].delete(event_id)
        return
    writer.reconcile(db, event_id)
