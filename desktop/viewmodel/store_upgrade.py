"""Stores of an older schema: recognise them and upgrade them (a backup copy is kept).

The viewer opens stores read-only, and a read-only open never migrates, so a store made by
an older Eventline is refused there. ``open_or_upgrade`` lets the window offer the upgrade:
on yes the store is opened read-write once (EventStore.create_or_open migrates it, copying
the old file to ``<name>.bak-v<N>`` first), then opened read-only again for viewing. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.store import EventStore, StoreError, opening
from desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION


def older_schema(path: str | Path) -> int | None:
    """The schema version of an Eventline store older than this app's, else None."""
    try:
        app_id, version = opening.check_header(Path(path))
    except (StoreError, OSError):
        return None
    if app_id == APPLICATION_ID and 0 < version < SCHEMA_VERSION:
        return version
    return None


def upgrade_store(path: str | Path) -> Path:
    """Migrate the store at ``path`` to this app's schema; returns the backup's path.
    Raises StoreError (the store is restored when a migration fails)."""
    path = Path(path)
    version = older_schema(path)
    if version is None:
        raise StoreError(f"{path}: not a store of an older Eventline; nothing to upgrade")
    with EventStore.create_or_open(path):
        pass
    return opening.backup_path(path, version)


def upgrade_question(path: str | Path, version: int) -> str:
    """The plain-text question the window asks before upgrading."""
    name = Path(path).name
    backup = opening.backup_path(Path(path), version).name
    return (
        f"{name} was made by an older Eventline (store schema {version}; this version uses "
        f"{SCHEMA_VERSION}).\n\nUpgrade this store? A backup copy of it is kept as {backup} "
        "beside it. Older Eventline versions cannot open the upgraded store."
    )


def open_or_upgrade(store_model: Any, path: str | Path, ask: Callable[[str, int], bool]) -> None:
    """``store_model.open(path)``; for a store of an older schema, ``ask(path, version)``
    whether to upgrade it, and on yes upgrade it and open it (read-only) again. Raises the
    StoreError of the refused open when there is nothing to upgrade or the user says no."""
    try:
        store_model.open(path)
    except StoreError:
        version = older_schema(path)
        if version is None or not ask(str(path), version):
            raise
        upgrade_store(path)
        store_model.open(path)
