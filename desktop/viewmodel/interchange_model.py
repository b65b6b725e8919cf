"""Export the events the window shows, import events files: the File menu's interchange work.

No Qt: exports read the store through desktop.interchange.exporter; imports are previewed as
a dry run (an in-memory copy, nothing written), then committed through the CurationModel so
that an import is one undoable step and the window reloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.interchange.exporter import EXPORT_FORMATS, export_events
from desktop.interchange.importer import import_file
from desktop.interchange.readers import FORMATS as IMPORT_FORMATS
from desktop.interchange.readers import guess_format, read_records
from desktop.store.importing import ImportSummary

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "InterchangeModel", "suggested_name"]


def suggested_name(store_path: Path | None, fmt: str) -> str:
    """``<store name>-events.<suffix>`` for a save dialog."""
    stem = Path(store_path).stem if store_path else "eventline"
    return f"{stem}-events.{EXPORT_FORMATS[fmt][1]}"


class InterchangeModel:
    """Works on the window's store: ``store_model``, ``timeline_model`` (its mask is the
    search, filters and hidden events combined) and the ``curation`` model (undoable writes)."""

    def __init__(self, store_model: Any, timeline_model: Any, curation: Any) -> None:
        self.store_model = store_model
        self.timeline = timeline_model
        self.curation = curation

    def shown_ids(self) -> list[int] | None:
        """The events the window shows now (None: every event of the store)."""
        if self.timeline.visible_count == self.timeline.total_count:
            return None
        return [int(i) for i in self.timeline.shown_ids()]

    def export(self, fmt: str, path: str | Path) -> int:
        """Write the shown events to ``path`` in ``fmt``; returns how many were written."""
        if self.store_model.path is None:
            raise ValueError("no store is open")
        return export_events(Path(self.store_model.path), self.shown_ids(), fmt, Path(path))

    def preview(self, path: str | Path, fmt: str | None = None) -> ImportSummary:
        """What importing ``path`` would do (a dry run: the store is not written)."""
        if self.store_model.path is None:
            raise ValueError("no store is open")
        return import_file(Path(self.store_model.path), Path(path), fmt, dry_run=True)

    def import_events(self, path: str | Path, fmt: str | None = None) -> ImportSummary | None:
        """Import ``path`` into the open store as one undoable step (None if it failed: the
        curation model reports why)."""
        path = Path(path)
        records = read_records(path, fmt or guess_format(path))
        return self.curation.run(lambda s: s.import_records(records, source=str(path)))
