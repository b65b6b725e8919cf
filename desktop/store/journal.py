"""The undo journal: what each curation edit changed, as row images, so it can be undone.

While an edit runs, temporary triggers (on this connection only; ingest and other connections
never see them) copy every changed row of the curated tables into temporary log tables. The
net change per row (its image before the edit and after it, ``None`` when absent) is stored in
``undo_journal`` as JSON. Undo writes the "before" images back, redo the "after" images, each
only when the rows still hold what the journal expects. Column names come from the schema,
never from data; every value is a bound parameter. FTS indexes follow through their triggers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]


def _q(name: str) -> str:
    """A schema identifier, quoted (names come from pragma_table_info, never from data)."""
    return '"' + name.replace('"', '""') + '"'


def _install(conn: sqlite3.Connection) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {}
    for table, _key in TABLES:
        cols = _columns(conn, table)
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


def _uninstall(conn: sqlite3.Connection) -> None:
    for table, _key in TABLES:
        for op in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{_q(f'_undo_{table}_{op}')}")
        conn.execute(f"DROP TABLE IF EXISTS temp.{_q(f'_undo_log_{table}')}")


def _net_changes(conn: sqlite3.Connection, columns: dict[str, list[str]]) -> list[dict]:
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
def recording(conn: sqlite3.Connection, session: str, label: str) -> Iterator[None]:
    """Journal what the body changes as one undoable entry; the caller holds the write
    transaction. A new entry drops the redo history (entries undone so far)."""
    columns = _install(conn)
    try:
        yield
        changes = _net_changes(conn, columns)
    finally:
        _uninstall(conn)
    if not changes:
        return
    conn.execute("DELETE FROM undo_journal WHERE undone = 1")
    conn.execute(
        "INSERT INTO undo_journal (session, label, changes, undone, created_at)"
        " VALUES (?, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))",
        (session, label, json.dumps(changes, ensure_ascii=False, sort_keys=True)),
    )
    conn.execute(
        "DELETE FROM undo_journal WHERE id <= (SELECT MAX(id) FROM undo_journal) - ?",
        (MAX_ENTRIES,),
    )


def _current(conn: sqlite3.Connection, table: str, key_col: str, key: Any) -> Image:
    cols = _columns(conn, table)
    names = ", ".join(_q(c) for c in cols)
    row = conn.execute(
        f"SELECT {names} FROM {_q(table)} WHERE {_q(key_col)} = ?", (key,)
    ).fetchone()
    return None if row is None else dict(zip(cols, row, strict=True))


def _put(conn: sqlite3.Connection, table: str, key_col: str, image: dict[str, Any]) -> None:
    cols = list(image)
    if _current(conn, table, key_col, image[key_col]) is None:
        conn.execute(
            f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c in cols)})"
            f" VALUES ({', '.join('?' * len(cols))})",
            [image[c] for c in cols],
        )
        return
    sets = ", ".join(f"{_q(c)} = ?" for c in cols if c != key_col)
    conn.execute(
        f"UPDATE {_q(table)} SET {sets} WHERE {_q(key_col)} = ?",
        [image[c] for c in cols if c != key_col] + [image[key_col]],
    )


def apply_images(conn: sqlite3.Connection, changes: list[dict], *, forward: bool) -> None:
    """Set every journalled row to its "after" (forward) or "before" image, refusing when a
    row no longer holds the other image (someone changed it since)."""
    want, expect = ("new", "old") if forward else ("old", "new")
    keys = dict(TABLES)
    _check_journal(conn, changes, keys)
    for change in changes:
        table = change["table"]
        if _current(conn, table, keys[table], change["key"]) != change[expect]:
            raise StoreError(
                f"cannot {'redo' if forward else 'undo'}: {table} row {change['key']!r} "
                "was changed since (by an ingest or another window)"
            )
    order = {name: i for i, (name, _k) in enumerate(TABLES)}
    for change in sorted(changes, key=lambda c: order[c["table"]]):
        if change[want] is not None:
            _put(conn, change["table"], keys[change["table"]], change[want])
    for change in sorted(changes, key=lambda c: -order[c["table"]]):
        if change[want] is None:
            table = change["table"]
            conn.execute(f"DELETE FROM {_q(table)} WHERE {_q(keys[table])} = ?", (change["key"],))


def _check_journal(conn: sqlite3.Connection, changes: list, keys: dict[str, str]) -> None:
    """A journal is data read back from the file: accept only this store's own tables and
    columns, so a damaged or crafted journal is refused instead of written anywhere."""
    for change in changes:
        table = change.get("table") if isinstance(change, dict) else None
        if table not in keys:
            raise StoreError(f"the undo journal names an unknown table {table!r}; cannot undo")
        columns = {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}
        for side in ("old", "new"):
            image = change.get(side)
            if image is not None and (not isinstance(image, dict) or not set(image) <= columns):
                raise StoreError(f"the undo journal holds a damaged {table} row; cannot undo")


def entries(conn: sqlite3.Connection) -> list[tuple[int, str, bool]]:
    """(id, label, undone) of the journal, oldest first."""
    rows = conn.execute("SELECT id, label, undone FROM undo_journal ORDER BY id")
    return [(int(i), str(label), bool(undone)) for i, label, undone in rows]


def _load(conn: sqlite3.Connection, entry_id: int) -> tuple[list[dict], bool]:
    row = conn.execute(
        "SELECT changes, undone FROM undo_journal WHERE id = ?", (entry_id,)
    ).fetchone()
    if row is None:
        raise StoreError(f"no undo entry {entry_id}; the undo history was cleared")
    return json.loads(row[0]), bool(row[1])


def undo(conn: sqlite3.Connection, entry_id: int) -> None:
    changes, undone = _load(conn, entry_id)
    if undone:
        raise StoreError(f"undo entry {entry_id} is already undone")
    apply_images(conn, changes, forward=False)
    conn.execute("UPDATE undo_journal SET undone = 1 WHERE id = ?", (entry_id,))


def redo(conn: sqlite3.Connection, entry_id: int) -> None:
    changes, undone = _load(conn, entry_id)
    if not undone:
        raise StoreError(f"undo entry {entry_id} is not undone")
    apply_images(conn, changes, forward=True)
    conn.execute("UPDATE undo_journal SET undone = 0 WHERE id = ?", (entry_id,))
