"""The undo journal: what each curation edit changed, as row images, so it can be undone.

While an edit runs, temporary triggers (on this connection only; ingest and other connections
never see them) copy every changed row of the curated tables into temporary log tables. The
net change per row (its image before the edit and after it, ``None`` when absent) is stored in
``undo_journal`` as JSON. Undo writes the "before" images back, redo the "after" images, each
only when the rows still hold what the journal expects. Column names come from the schema,
never from data; every value is a bound parameter. FTS indexes follow through their triggers.

Row images are read and written with sqlite-utils (``columns``, ``rows_where``, ``upsert``,
``delete``); the temporary triggers and log tables are hand-written DDL (sqlite-utils makes
no TEMP triggers) and the logs are read positionally, as their own columns (seq, side,
present) could share a name with a logged table's column.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from desktop.store.errors import StoreError

# Parents before children: upserts run in this order, deletes in the reverse one.
TABLES: tuple[tuple[str, str], ...] = (
    ("documents", "id"),
    ("events", "id"),
    ("mentions", "id"),
    ("actors", "name"),
    ("edits", "id"),
)
MAX_ENTRIES = 500  # journal entries kept (oldest dropped first)

Image = dict[str, Any] | None


def _columns(db: Database, table: str) -> list[str]:
    return [column.name for column in db[table].columns]


def _q(name: str) -> str:
    """A schema identifier, quoted (names come from pragma_table_info, never from data)."""
    return '"' + name.replace('"', '""') + '"'


def _install(db: Database) -> dict[str, list[str]]:
    conn = db.conn
    columns: dict[str, list[str]] = {}
    for table, _key in TABLES:
        cols = _columns(db, table)
        columns[table] = cols
        log = _q(f"_undo_log_{table}")
        names = ", ".join(_q(c) for c in cols)
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {log} "
            f"(seq INTEGER PRIMARY KEY, side TEXT, present INTEGER, {names})"
        )
        conn.execute(f"DELETE FROM temp.{log}")
        for op, sides in (
            ("INSERT", (("old", None), ("new", "new"))),
            ("UPDATE", (("old", "old"), ("new", "new"))),
            ("DELETE", (("old", "old"), ("new", None))),
        ):
            body = []
            for side, ref in sides:
                values = ", ".join(("NULL" if ref is None else f"{ref}.{_q(c)}") for c in cols)
                present = 0 if ref is None else 1
                body.append(
                    f"INSERT INTO {log} (side, present, {names}) "
                    f"VALUES ('{side}', {present}, {values});"
                )
            if op == "INSERT":  # an insert's "before" is absence, keyed by the new row
                key = _key_col(table)
                body[0] = (
                    f"INSERT INTO {log} (side, present, {_q(key)}) "
                    f"VALUES ('old', 0, new.{_q(key)});"
                )
            if op == "DELETE":
                key = _key_col(table)
                body[1] = (
                    f"INSERT INTO {log} (side, present, {_q(key)}) "
                    f"VALUES ('new', 0, old.{_q(key)});"
                )
            trigger = _q(f"_undo_{table}_{op.lower()}")
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {op} ON main.{_q(table)} "
                f"BEGIN {' '.join(body)} END"
            )
    return columns


def _key_col(table: str) -> str:
    return dict(TABLES)[table]


def _uninstall(db: Database) -> None:
    conn = db.conn
    for table, _key in TABLES:
        for op in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{_q(f'_undo_{table}_{op}')}")
        conn.execute(f"DROP TABLE IF EXISTS temp.{_q(f'_undo_log_{table}')}")


def _net_changes(db: Database, columns: dict[str, list[str]]) -> list[dict]:
    conn = db.conn  # raw: positional rows (see the module doc)
    changes: list[dict] = []
    for table, key in TABLES:
        cols = columns[table]
        log = _q(f"_undo_log_{table}")
        first_old: dict[Any, Image] = {}
        last_new: dict[Any, Image] = {}
        names = ", ".join(_q(c) for c in cols)
        for row in conn.execute(f"SELECT side, present, {names} FROM temp.{log} ORDER BY seq"):
            side, present, values = row[0], row[1], dict(zip(cols, row[2:], strict=True))
            image = values if present else None
            if side == "old":
                first_old.setdefault(values[key], image)
            else:
                last_new[values[key]] = image
        for k, old in first_old.items():
            new = last_new.get(k)
            if old != new:
                changes.append({"table": table, "key": k, "old": old, "new": new})
    return changes


@contextmanager
def recording(db: Database, session: str, label: str) -> Iterator[None]:
    """Journal what the body changes as one undoable entry; the caller holds the write
    transaction. A new entry drops the redo history (entries undone so far)."""
    columns = _install(db)
    try:
        yield
        changes = _net_changes(db, columns)
    finally:
        _uninstall(db)
    if not changes:
        return
    journal = db["undo_journal"]
    journal.delete_where("undone = 1")
    journal.insert({
        "session": session, "label": label, "undone": 0,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }, alter=False)  # fmt: skip
    journal.delete_where("id <= (SELECT MAX(id) FROM undo_journal) - ?", [MAX_ENTRIES])


def _current(db: Database, table: str, key_col: str, key: Any) -> Image:
    return next(db[table].rows_where(f"{_q(key_col)} = ?", [key]), None)


def _put(db: Database, table: str, key_col: str, image: dict[str, Any]) -> None:
    """Write a row image back: INSERT … ON CONFLICT(key) DO UPDATE (AFTER triggers only in
    the schema, so the FTS indexes follow as for a plain insert or update)."""
    db[table].upsert(image, pk=key_col, alter=False)


def apply_images(db: Database, changes: list[dict], *, forward: bool) -> None:
    """Set every journalled row to its "after" (forward) or "before" image, refusing when a
    row no longer holds the other image (someone changed it since)."""
    want, expect = ("new", "old") if forward else ("old", "new")
    keys = dict(TABLES)
    _check_journal(db, changes, keys)
    for change in changes:
        table = change["table"]
        if _current(db, table, keys[table], change["key"]) != change[expect]:
            raise StoreError(
                f"cannot {'redo' if forward else 'undo'}: {table} row {change['key']!r} "
                "was changed since (by an ingest or another window)"
            )
    order = {name: i for i, (name, _k) in enumerate(TABLES)}
    for change in sorted(changes, key=lambda c: order[c["table"]]):
        if change[want] is not None:
            _put(db, change["table"], keys[change["table"]], change[want])
    for change in sorted(changes, key=lambda c: -order[c["table"]]):
        if change[want] is None:
            table = change["table"]
            db[table].delete_where(f"{_q(keys[table])} = ?", [change["key"]])


def _check_journal(db: Database, changes: list, keys: dict[str, str]) -> None:
    """A journal is data read back from the file: accept only this store's own tables and
    columns, so a damaged or crafted journal is refused instead of written anywhere."""
    for change in changes:
        table = change.get("table") if isinstance(change, dict) else None
        if table not in keys:
            raise StoreError(f"the undo journal names an unknown table {table!r}; cannot undo")
        columns = set(_columns(db, table))
        for side in ("old", "new"):
            image = change.get(side)
            if image is not None and (not isinstance(image, dict) or not set(image) <= columns):
                raise StoreError(f"the undo journal holds a damaged {table} row; cannot undo")


def entries(db: Database) -> list[tuple[int, str, bool]]:
    """(id, label, undone) of the journal, oldest first."""
    rows = db["undo_journal"].rows_where(select="id, label, undone", order_by="id")
    return [(int(r["id"]), str(r["label"]), bool(r["undone"])) for r in rows]


def _load(db: Database, entry_id: int) -> tuple[list[dict], bool]:
    row = next(db["undo_journal"].rows_where("id = ?", [entry_id], select="changes, undone"), None)
    if row is None:
        raise StoreError(f"no undo entry {entry_id}; the undo history was cleared")
    return json.loads(row["changes"]), bool(row["undone"])


def undo(db: Database, entry_id: int) -> None:
    changes, undone = _load(db, entry_id)
    if undone:
        raise StoreError(f"undo entry {entry_id} is already undone")
    apply_images(db, changes, forward=False)
    db["undo_journal"].update(entry_id, {"undone": 1})


def redo(db: Database, entry_id: int) -> None:
    changes, undone = _load(db, entry_id)
    if not undone:
        raise StoreError(f"undo entry {entry_id} is not undone")
    apply_images(db, changes, forward=True)
    db["undo_journal"].update(entry_id, {"undone": 0})
