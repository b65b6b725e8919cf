"""Damaged and foreign store files for the reliability tests and ``benches/reliability.py``.

Each maker writes one kind of hostile store from a valid store's bytes, driven by a
``random.Random`` so a failure can be replayed from its seed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from desktop.store import SCHEMA_VERSION
from desktop.store.schema import REQUIRED_COLUMNS

try:
    from hostile import make_hostile_text_store
except ImportError:  # run as a package
    from tests.hostile import make_hostile_text_store


def file_state(path: Path) -> str:
    """A fingerprint of a path: its bytes' sha256, 'dir', or 'missing'."""
    if path.is_dir():
        return "dir"
    if not path.exists():
        return "missing"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except PermissionError:
        return f"unreadable:{path.stat().st_size}:{path.stat().st_mtime_ns}"


def _write(dest: Path, data: bytes) -> Path:
    dest.write_bytes(data)
    return dest


def _sql_edit(base: bytes, dest: Path, *statements: str) -> Path:
    """Copy ``base`` to ``dest`` and run ``statements`` on it with a plain connection."""
    dest.write_bytes(base)
    conn = sqlite3.connect(str(dest), isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return dest


def _flip_bits(base: bytes, rng: random.Random, lo: int = 0) -> bytes:
    data = bytearray(base)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randrange(lo, len(data))
        data[pos] ^= 1 << rng.randrange(8)
    return bytes(data)


def _drop_column(base: bytes, dest: Path, rng: random.Random) -> Path:
    """Rebuild one table without one of its required columns (as an old or foreign tool might)."""
    table = rng.choice(["documents", "events", "mentions", "actors", "meta"])
    dest.write_bytes(base)
    with contextlib.closing(sqlite3.connect(str(dest))) as db:
        have = [row[1] for row in db.execute("SELECT * FROM pragma_table_info(?)", (table,))]
    column = rng.choice(sorted(REQUIRED_COLUMNS[table]))
    kept = ", ".join(f'"{name}"' for name in have if name != column)
    return _sql_edit(
        base,
        dest,
        f"CREATE TABLE rebuilt AS SELECT {kept} FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE rebuilt RENAME TO {table}",
    )


def _other_application(_base: bytes, dest: Path, rng: random.Random) -> Path:
    dest.unlink(missing_ok=True)
    conn = sqlite3.connect(str(dest), isolation_level=None)
    try:
        name = rng.choice(["moz_places", "events", "documents", "notes", "meta"])
        conn.execute(f'CREATE TABLE "{name}" (id INTEGER PRIMARY KEY, url TEXT, title TEXT)')
        conn.execute(f'INSERT INTO "{name}" (url, title) VALUES (?, ?)', ("https://x", "<b>t</b>"))
        conn.execute(f"PRAGMA application_id = {rng.choice([0, 0x0F055112, 1234])}")
        conn.execute(f"PRAGMA user_version = {rng.randint(0, 40)}")
    finally:
        conn.close()
    return dest


def _bad_values(base: bytes, dest: Path, rng: random.Random) -> Path:
    """A well-formed store whose values another tool wrote badly (types, enums, JSON, dates)."""
    column, value = rng.choice(
        [
            ("start", "'not a date'"),
            ("start", "12345"),
            ('"end"', "'2025-13-45'"),
            ("precision", "'fortnight'"),
            ("kind", "'<b>kind</b>'"),
            ("status", "42"),
            ("confidence", "'very'"),
            ("title", "x'ff00'"),
            ("subject", "CAST(x'c328ff' AS TEXT)"),
            ("actor", "x'00ff'"),
            ("key", "id * 1.5"),
        ]
    )
    table_edits = [f"UPDATE events SET {column} = {value} WHERE id % 2 = 1"]
    table_edits.append(
        rng.choice(
            [
                "UPDATE mentions SET alt_spans = '{not json' WHERE id % 2 = 0",
                "UPDATE mentions SET alt_spans = '[[1]]' WHERE id % 3 = 0",
                'UPDATE mentions SET start = -5, "end" = 1000000000 WHERE id % 2 = 0',
                "UPDATE mentions SET date_start = 'soon' WHERE id % 2 = 0",
                "UPDATE documents SET text = CAST(x'c328ff' AS TEXT)",
                "UPDATE documents SET title = 17, file_name = x'00'",
                "UPDATE documents SET published = 'yesterday'",
                "UPDATE meta SET generation = 'many'",
            ]
        )
    )
    return _sql_edit(base, dest, "PRAGMA ignore_check_constraints = ON", *table_edits)


def _garbage_wal(base: bytes, dest: Path, rng: random.Random) -> Path:
    dest.write_bytes(base)
    dest.with_name(dest.name + "-wal").write_bytes(rng.randbytes(rng.randint(1, 40_000)))
    return dest


StoreMaker = Callable[[bytes, Path, random.Random], Path]

# Every kind: (name, maker, openable) — openable: a read-only open may succeed.
STORE_KINDS: dict[str, tuple[StoreMaker, bool]] = {
    "zero_length": (lambda b, d, r: _write(d, b""), False),
    "random_bytes": (lambda b, d, r: _write(d, r.randbytes(r.randint(1, 70_000))), False),
    "sqlite_magic_then_garbage": (
        lambda b, d, r: _write(d, b"SQLite format 3\x00" + r.randbytes(r.randint(0, 9000))),
        False,
    ),
    "png_named_db": (lambda b, d, r: _write(d, b"\x89PNG\r\n\x1a\n" + r.randbytes(500)), False),
    "truncated": (lambda b, d, r: _write(d, b[: r.randrange(1, len(b))]), False),
    "truncated_at_page": (
        lambda b, d, r: _write(d, b[: 4096 * r.randrange(1, len(b) // 4096)]),
        False,
    ),
    "bit_flipped": (lambda b, d, r: _write(d, _flip_bits(b, r)), True),
    "bit_flipped_header": (lambda b, d, r: _write(d, _flip_bits(b[:100], r) + b[100:]), True),
    # May open: the zeroed page can be a free page (integrity_check stays "ok"); a store that
    # opens must still read back everything without an error other than StoreError.
    "zeroed_page": (
        lambda b, d, r: _write(
            d, b[: (p := 4096 * r.randrange(1, len(b) // 4096))] + bytes(4096) + b[p + 4096 :]
        ),
        True,
    ),
    "other_application": (_other_application, False),
    "missing_table": (
        lambda b, d, r: _sql_edit(
            b,
            d,
            f"DROP TABLE {r.choice(['documents', 'mentions', 'actors', 'events_fts', 'meta'])}",
        ),
        False,
    ),
    "missing_column": (_drop_column, False),
    "newer_version": (
        lambda b, d, r: _sql_edit(
            b, d, f"PRAGMA user_version = {SCHEMA_VERSION + r.randint(1, 9)}"
        ),
        False,
    ),
    "older_version": (lambda b, d, r: _sql_edit(b, d, "PRAGMA user_version = 0"), False),
    "meta_row_missing": (lambda b, d, r: _sql_edit(b, d, "DELETE FROM meta"), False),
    "bad_values": (_bad_values, True),
    "garbage_wal": (_garbage_wal, True),
    "valid": (lambda b, d, r: _write(d, b), True),
}


def make_hostile_store(kind: str, base: bytes, dest: Path, rng: random.Random) -> Path:
    """Write a hostile store of ``kind`` at ``dest`` from a valid store's bytes ``base``."""
    maker, _openable = STORE_KINDS[kind]
    return maker(base, dest, rng)


def make_directory_store(dest: Path) -> Path:
    dest.mkdir()
    (dest / "inside.txt").write_text("a folder, not a store")
    return dest


def make_unreadable_store(base: bytes, dest: Path) -> Path:
    dest.write_bytes(base)
    dest.chmod(0)
    return dest


def make_readonly_store(base: bytes, dest: Path) -> Path:
    """A valid store whose file (and folder) the user may not write: viewable read-only."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(base)
    dest.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return dest


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def valid_store_bytes(work: Path) -> bytes:
    """The bytes of a small, valid, checkpointed (journal-free) store made of hostile text."""
    path = work / "base.db"
    make_hostile_text_store(path, long_line_bytes=20_000)
    data = path.read_bytes()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return data


def reset_dir(path: Path) -> None:
    if path.exists():
        for child in path.iterdir():
            if child.is_dir() and not child.is_symlink():
                child.chmod(0o755)
                shutil.rmtree(child)
            else:
                child.chmod(0o644) if not child.is_symlink() else None
                child.unlink()
    path.mkdir(parents=True, exist_ok=True)
