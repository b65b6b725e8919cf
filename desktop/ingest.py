"""Files → sources → extract → store, one transaction per article.

No Qt here: the CLI calls it directly and the GUI runs it in a worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.extract import extract_events
from desktop.sources import read_document
from desktop.sources.document import Document, SourceError
from desktop.store import EventStore, StoreError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: status is added | skipped | rejected."""

    path: Path
    status: str
    message: str
    events_new: int = 0
    events_merged: int = 0
    mentions: int = 0

    def line(self) -> str:
        return f"{self.status} {self.path.name}: {self.message}"


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders yield their article files, sorted, recursively."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield child
        else:
            yield path


def read_with_date(path: Path, published: dt.date | None, *, override: bool) -> Document:
    """Read an article; ``published`` overrides its own date, or only fills a missing one."""
    if override:
        return read_document(path, published)
    doc = read_document(path)
    if doc.published is None and published is not None:
        doc = replace(doc, published=published, published_from="user")
    return doc


def ingest_file(store: EventStore, path: Path, published: dt.date | None = None) -> FileOutcome:
    """Read, extract and store one article; never raises for a bad article."""
    try:
        doc = read_with_date(path, published, override=True)
    except SourceError as exc:
        return FileOutcome(path, "rejected", str(exc))
    if store.has_document(doc.id, whole=True):  # evidence-only imports get their text
        return FileOutcome(path, "skipped", "already in the store (same text)")
    events = extract_events(doc.text, doc.published)
    result = store.add_document(doc, events)
    if not result.added:
        return FileOutcome(path, "skipped", "already in the store (same text)")
    note = "" if doc.published else "; no publication date: relative dates left unresolved"
    return FileOutcome(
        path,
        "added",
        f"{result.mentions} events ({result.events_new} new, {result.events_merged} merged){note}",
        result.events_new,
        result.events_merged,
        result.mentions,
    )


def ingest_files(
    db_path: Path,
    paths: Iterable[Path],
    published: dt.date | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[FileOutcome]:
    """Ingest many files into the store at ``db_path`` (created if needed).

    Each article is its own transaction, so stopping between files loses nothing.
    Raises StoreError when the store itself cannot be opened.
    """
    outcomes: list[FileOutcome] = []
    with EventStore.create_or_open(db_path) as store:
        for path in expand_paths(paths):
            if should_stop is not None and should_stop():
                break
            outcome = ingest_file(store, path, published)
            outcomes.append(outcome)
            if on_file is not None:
                on_file(outcome)
    return outcomes


__all__ = ["FileOutcome", "StoreError", "expand_paths", "ingest_file", "ingest_files"]
