"""A GUI import as ONE all-or-nothing batch: files → sources → extract → one store transaction.

No Qt here (a worker thread runs ``run_import``). Unlike ``desktop.ingest.ingest_files`` (the
CLI's road: one transaction per article, so an interrupted long run keeps what it finished), a
GUI import is a modest batch the user may cancel, and a cancelled or failed import must leave
the store exactly as it was. So every file is first read and extracted (nothing written; the
user can cancel at any file), then all new articles are stored by ``EventStore.add_documents``
in a single transaction. Cancelling while that transaction runs, or any store error in it,
rolls the whole batch back. Rejected files (unreadable, not an article) and duplicates do not
stop the others: they are reported per file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.extract import extract_events
from desktop.extract.types import ExtractedEvent
from desktop.ingest import FileOutcome, expand_paths
from desktop.sources import read_document
from desktop.sources.document import Document, SourceError
from desktop.store import EventStore

READING = "reading"
SAVING = "saving"
DUPLICATE = "already in the store (same text)"


@dataclass(frozen=True)
class ImportProgress:
    """Sent before each step: ``index`` of ``total`` files (0-based), the file being read."""

    index: int
    total: int
    path: Path | None
    phase: str = READING  # reading | saving

    def text(self) -> str:
        if self.phase == SAVING:
            return f"Saving {self.total} file(s) to the store…"
        name = self.path.name if self.path is not None else ""
        return f"Reading {self.index + 1} of {self.total}: {name}"


@dataclass(frozen=True)
class ImportReport:
    """The outcome of one import. ``committed`` is True when the batch was written."""

    db_path: Path
    outcomes: tuple[FileOutcome, ...] = ()
    committed: bool = False
    cancelled: bool = False
    unread: int = 0  # files never reached because the import was cancelled
    error: str = ""  # the store could not be opened or written: nothing was written
    counts: dict[str, int] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        counts = {"added": 0, "skipped": 0, "rejected": 0}
        for outcome in self.outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        object.__setattr__(self, "counts", counts)

    @property
    def changed(self) -> bool:
        """True when the store now holds something it did not before."""
        return self.committed and self.counts["added"] > 0

    def headline(self) -> str:
        """One plain sentence for the summary dialog."""
        if self.error:
            return f"Import failed: nothing was added, the store was left as it was.\n{self.error}"
        if self.cancelled:
            return "Import cancelled: the store was left as it was; nothing was added."
        if not self.outcomes:
            return "No article files found (.txt, .md, .html): nothing was imported."
        c = self.counts
        return (
            f"{c['added']} added, {c['skipped']} skipped (already in the store), "
            f"{c['rejected']} rejected."
        )


class _Cancelled(Exception):
    """Raised inside the write transaction to roll it back."""


@dataclass
class _Staged:
    index: int
    path: Path
    doc: Document
    events: Sequence[ExtractedEvent]


Report = Callable[[ImportProgress], None]
ShouldStop = Callable[[], bool]


def _read(path: Path, published: dt.date | None) -> Document:
    doc = read_document(path)
    if doc.published is None and published is not None:
        doc = read_document(path, published)
    return doc


def _stage(
    store: EventStore,
    files: list[Path],
    published: dt.date | None,
    report: Report,
    should_stop: ShouldStop,
) -> tuple[dict[int, FileOutcome], list[_Staged], int]:
    """Read and extract every file; returns (outcomes so far, staged articles, unread count)."""
    outcomes: dict[int, FileOutcome] = {}
    staged: list[_Staged] = []
    seen: set[str] = set()
    for index, path in enumerate(files):
        if should_stop():
            return outcomes, staged, len(files) - index
        report(ImportProgress(index, len(files), path))
        try:
            doc = _read(path, published)
        except SourceError as exc:
            outcomes[index] = FileOutcome(path, "rejected", str(exc))
            continue
        if doc.id in seen or store.has_document(doc.id, whole=True):
            outcomes[index] = FileOutcome(path, "skipped", DUPLICATE)
            continue
        seen.add(doc.id)
        try:
            events = extract_events(doc.text, doc.published)
        except Exception as exc:  # an extractor bug on one article must not sink the batch
            outcomes[index] = FileOutcome(
                path, "rejected", f"events could not be extracted ({exc}); please report it"
            )
            continue
        staged.append(_Staged(index, path, doc, events))
    return outcomes, staged, 0


def _items(
    staged: list[_Staged], should_stop: ShouldStop
) -> Iterator[tuple[Document, Sequence[ExtractedEvent]]]:
    for item in staged:
        if should_stop():
            raise _Cancelled
        yield item.doc, item.events


def _added(item: _Staged, events_new: int, events_merged: int, mentions: int) -> FileOutcome:
    note = "" if item.doc.published else "; no publication date: relative dates left unresolved"
    message = f"{mentions} events ({events_new} new, {events_merged} merged){note}"
    return FileOutcome(item.path, "added", message, events_new, events_merged, mentions)


def run_import(
    db_path: Path,
    paths: Iterable[Path],
    report: Report | None = None,
    should_stop: ShouldStop | None = None,
    published: dt.date | None = None,
) -> ImportReport:
    """Import ``paths`` (files or folders) into the store at ``db_path`` as one batch.

    ``published`` fills in the date of articles that carry none. Raises StoreError when the
    store cannot be opened or written (then nothing was written).
    """
    report = report or (lambda _progress: None)
    should_stop = should_stop or (lambda: False)
    db_path = Path(db_path)
    files = list(expand_paths(Path(p) for p in paths))
    if not files:
        return ImportReport(db_path)
    with EventStore.create_or_open(db_path) as store:
        outcomes, staged, unread = _stage(store, files, published, report, should_stop)
        if unread or should_stop():
            return ImportReport(db_path, _ordered(outcomes), cancelled=True, unread=unread)
        if staged:
            report(ImportProgress(len(files), len(files), None, SAVING))
            try:
                results = store.add_documents(_items(staged, should_stop))
            except _Cancelled:
                return ImportReport(db_path, _ordered(outcomes), cancelled=True)
            for item, result in zip(staged, results, strict=True):
                outcomes[item.index] = (
                    _added(item, result.events_new, result.events_merged, result.mentions)
                    if result.added
                    else FileOutcome(item.path, "skipped", DUPLICATE)
                )
    return ImportReport(db_path, _ordered(outcomes), committed=bool(staged))


def _ordered(outcomes: dict[int, FileOutcome]) -> tuple[FileOutcome, ...]:
    return tuple(outcomes[i] for i in sorted(outcomes))
