"""Store files from the GUI's point of view: create a new one, tell a store from an article,
sort what was dropped on the window. Plain functions; the store opens only in ``create_store``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.ingest import ARTICLE_SUFFIXES
from desktop.store import EventStore
from desktop.store.errors import StoreError

STORE_SUFFIX = ".eventline"
STORE_SUFFIXES = (".eventline", ".db", ".sqlite", ".sqlite3")
SQLITE_MAGIC = b"SQLite format 3\x00"
STORE_FILTER = "Eventline stores (*.eventline *.db *.sqlite *.sqlite3);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def looks_like_store(path: Path) -> bool:
    """An SQLite file, whatever its name (the store itself checks that it is Eventline's)."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return Path(path).suffix.lower() in STORE_SUFFIXES


def with_store_suffix(path: Path) -> Path:
    """``path`` as typed, with ``.eventline`` added when it has no suffix."""
    return path if path.suffix else path.with_name(path.name + STORE_SUFFIX)


def create_store(path: Path) -> Path:
    """Create an empty store at ``path``; an existing file is refused (StoreError), never
    overwritten: open it instead, or pick another name."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(
            f"{path}: a file of that name already exists; choose another name, "
            "or use File → Open store… to open it"
        )
    with EventStore.create_or_open(path):
        pass
    return path


@dataclass
class DropPlan:
    """What to do with paths dropped on the window: import articles, else open a store."""

    articles: list[Path] = field(default_factory=list)
    stores: list[Path] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)

    @property
    def store_to_open(self) -> Path | None:
        return self.stores[0] if self.stores and not self.articles else None


def plan_drop(paths: Iterable[Path]) -> DropPlan:
    """Folders and article files are imported; an SQLite file is a store; the rest ignored."""
    plan = DropPlan()
    for path in map(Path, paths):
        if path.is_dir() or path.suffix.lower() in ARTICLE_SUFFIXES:
            plan.articles.append(path)
        elif path.is_file() and looks_like_store(path):
            plan.stores.append(path)
        else:
            plan.ignored.append(path)
    return plan
