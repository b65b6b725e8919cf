"""The recent-stores list (File → Open Recent), kept in QSettings.

``push_recent`` and ``prune_recent`` are plain functions on lists of path strings; the small
``RecentStores`` class only reads and writes them under one settings key.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "recent_stores"
MAX_RECENT = 8


def _same(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def push_recent(items: Sequence[str], path: str | Path, limit: int = MAX_RECENT) -> list[str]:
    """``path`` first, without an earlier copy of it, at most ``limit`` entries."""
    new = os.path.abspath(str(path))
    return [new, *[item for item in items if not _same(item, new)]][:limit]


def prune_recent(items: Sequence[str], exists: Callable[[str], bool] = os.path.isfile) -> list[str]:
    """Drop entries whose file is gone (moved or deleted since)."""
    return [item for item in items if item and exists(item)]


def _as_list(value: object) -> list[str]:
    """QSettings returns a str for a one-item list and None for an empty one."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value if v]  # type: ignore[union-attr]


class RecentStores:
    """Recent stores in ``settings``; ``excluded`` paths (the demo store) are never listed."""

    def __init__(self, settings: QSettings, excluded: Sequence[str | Path] = ()) -> None:
        self._settings = settings
        self._excluded = [str(p) for p in excluded]

    def paths(self) -> list[str]:
        """Existing recent stores, most recent first."""
        items = prune_recent(_as_list(self._settings.value(RECENT_KEY)))
        return [i for i in items if not any(_same(i, e) for e in self._excluded)]

    def add(self, path: str | Path) -> None:
        if any(_same(str(path), e) for e in self._excluded):
            return
        self._settings.setValue(RECENT_KEY, push_recent(self.paths(), path))

    def remove(self, path: str | Path) -> None:
        kept = [i for i in self.paths() if not _same(i, str(path))]
        self._settings.setValue(RECENT_KEY, kept)
