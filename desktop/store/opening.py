"""Opening a store file safely: refuse what is not an Eventline store before touching it.

Every check here reads only. A refused file is never written, and a read-only open uses a
``mode=ro`` URI, so the main database file stays byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
import sqlite3
import struct
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from desktop.store.errors import StoreError
from desktop.store.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    REQUIRED_COLUMNS,
    SCHEMA_VERSION,
    Migration,
    MigrationFailed,
    run_migrations,
    user_version,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024  # quick_check only files it takes milliseconds on


def one_line(text: str) -> str:
    return " ".join(text.split())


def _fail(path: Path, problem: str, advice: str) -> StoreError:
    return StoreError(one_line(f"{path}: {problem}; {advice}"))


def _newer(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path}: made by a newer Eventline (schema {version} > {SCHEMA_VERSION}): "
        "upgrade Eventline"
    )


def check_header(path: Path) -> tuple[int, int]:
    """Validate the 100-byte SQLite header; return (application_id, user_version)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise _fail(path, "not an SQLite database", "choose an Eventline store (.eventline/.db)")
    if len(header) < 100:
        raise _fail(path, "truncated SQLite file", "restore it from a backup or copy")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _fail(path, "damaged SQLite header", "restore it from a backup or copy")
    if size % page_size:
        raise _fail(path, "truncated SQLite file", "restore it from a backup or copy")
    n_pages, change, valid_for = struct.unpack(">I", header[28:32])[0], header[24:28], header[92:96]
    wal = path.with_name(path.name + "-wal")
    if change == valid_for and n_pages and size < n_pages * page_size and not wal.exists():
        raise _fail(path, "truncated SQLite file", "restore it from a backup or copy")
    app_id, version = struct.unpack(">i", header[68:72])[0], struct.unpack(">i", header[60:64])[0]
    return app_id & 0xFFFFFFFF, version


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (the store issues BEGIN/COMMIT itself)."""
    if readonly:
        uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {name for (name,) in rows}


def inspect(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> int:
    """Check an open file is an Eventline store we can use; return its schema version
    (0: an empty SQLite file, to be initialised). Raises StoreError, never writes."""
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
        version = user_version(conn)
        tables = _tables(conn)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged: names not UTF-8
        raise _fail(path, f"damaged or unreadable SQLite file ({exc})", "restore a backup") from exc
    if app_id != APPLICATION_ID:
        if app_id == 0 and not tables and version == 0:
            if readonly:
                raise _fail(
                    path,
                    "empty database, not an Eventline store yet",
                    "create it with `eventline ingest FILE --db PATH`",
                )
            return 0
        raise _fail(
            path,
            "an SQLite database of another application, not an Eventline store",
            "choose an Eventline store",
        )
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    if version == 0:  # marked as ours, holding tables, but no schema version: cannot migrate
        raise _fail(
            path, f"made by an older Eventline (schema 0 < {SCHEMA_VERSION})", "restore a backup"
        )
    _check_meta(conn, path, tables)  # before a writable open may switch the file to WAL or migrate
    if version < SCHEMA_VERSION:
        if readonly:
            raise _fail(
                path,
                f"made by an older Eventline (schema {version} < {SCHEMA_VERSION})",
                "upgrade it with `eventline ingest --db PATH` (a backup is kept)",
            )
        return version
    try:
        _check_columns(conn, path, tables)
        _quick_check(conn, path)
    except (
        sqlite3.DatabaseError,
        UnicodeDecodeError,
    ) as exc:  # e.g. destroyed FTS pages
        raise _fail(path, f"damaged database ({exc})", "restore a backup") from exc
    return version


def _check_meta(conn: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    if "meta" not in tables:
        raise _fail(path, "Eventline store is missing table 'meta'", "restore a backup")
    try:
        row = conn.execute("SELECT uuid FROM meta WHERE id = 1").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _fail(path, f"damaged database ({exc})", "restore a backup") from exc
    if row is None:
        raise _fail(path, "the store's meta row is missing", "restore a backup")


def _check_columns(conn: sqlite3.Connection, path: Path, tables: set[str]) -> None:
    for table, needed in REQUIRED_COLUMNS.items():
        if table not in tables:
            raise _fail(path, f"Eventline store is missing table {table!r}", "restore a backup")
        have = {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}
        missing = sorted(needed - have)
        if missing:
            raise _fail(
                path, f"table {table!r} lacks column(s) {', '.join(missing)}", "restore a backup"
            )


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _fail(path, f"damaged database ({exc})", "restore a backup") from exc
    if result != ["ok"]:
        raise _fail(path, f"damaged database ({result[0]})", "restore a backup")


def validate_existing(path: Path, *, readonly: bool) -> int:
    """All the checks a file gets before anything may write to it; returns its version."""
    if path.is_dir():
        raise _fail(path, "is a folder, not a store file", "give the path of a store file")
    if not path.exists():
        raise _fail(path, "no such file", "check the path, or create it with `eventline ingest`")
    if path.stat().st_size == 0:
        if readonly:
            raise _fail(
                path,
                "empty file, not an Eventline store yet",
                "create it with `eventline ingest FILE --db PATH`",
            )
        return 0
    app_id, version = check_header(path)
    if app_id not in (0, APPLICATION_ID):
        raise _fail(
            path,
            "an SQLite database of another application, not an Eventline store",
            "choose an Eventline store",
        )
    if app_id == APPLICATION_ID and version > SCHEMA_VERSION:
        raise _newer(path, version)
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise _fail(path, f"cannot be opened ({exc})", "check its permissions") from exc
    try:
        return inspect(conn, path, readonly=readonly)
    finally:
        conn.close()


def _copy_database(conn: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of the open database (WAL content included) via SQLite's backup."""
    dest.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(str(dest))) as out:
        conn.backup(out)


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    version: int,
    migrations: Sequence[Migration] = MIGRATIONS,
    target: int = SCHEMA_VERSION,
) -> sqlite3.Connection:
    """Bring a writable store to SCHEMA_VERSION. A store with data is first copied aside to
    ``<name>.bak-v<N>``; if a migration fails the copy is put back and StoreError raised.
    The connection is closed when StoreError is raised."""
    if version >= target:
        return conn
    backup = None
    if version > 0:
        backup = backup_path(path, version)
        _copy_database(conn, backup)
    try:
        run_migrations(conn, migrations, target)
    except MigrationFailed as exc:
        if backup is not None:
            with contextlib.closing(sqlite3.connect(str(backup))) as saved:
                saved.backup(conn)
            conn.close()
            raise _fail(
                path,
                f"upgrade failed ({exc}); the store was restored",
                f"report this; a copy is also at {backup}",
            ) from exc
        conn.close()
        raise _fail(
            path, f"could not be initialised ({exc})", "check the disk and permissions"
        ) from exc
    return conn
