"""Import an events file into a store (or, for a dry run, into a throw-away copy in memory)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from desktop.interchange.readers import read_records
from desktop.store import EventStore, opening
from desktop.store.importing import ImportSummary
from desktop.store.schema import run_migrations


def import_file(
    db: Path, path: Path, fmt: str | None = None, *, dry_run: bool = False
) -> ImportSummary:
    """Read ``path`` and add its events to the store ``db`` (created if needed), as one
    undoable step. ``dry_run`` works on an in-memory copy: the store file is never written."""
    records = read_records(path, fmt)
    if not dry_run:
        with EventStore.create_or_open(db) as store:
            return store.import_records(records, source=str(path))
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    with contextlib.closing(memory):
        if db.exists() and opening.validate_existing(db, readonly=False) > 0:
            with contextlib.closing(opening.connect(db, readonly=True)) as source:
                source.backup(memory)
        memory.execute("PRAGMA foreign_keys = ON")
        run_migrations(memory)
        return EventStore(db, memory, readonly=False).import_records(records, source=str(path))
