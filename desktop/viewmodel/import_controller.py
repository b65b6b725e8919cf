"""Runs an import (``import_job.run_import``) in a worker and reports back on the GUI thread.

QtCore only. ``start(db_path, paths)`` begins; ``progressed(ImportProgress)`` follows the files;
the outcome is always ``finished(ImportReport)`` — including a cancelled run and a store that
could not be opened or written (``report.error``, nothing written) — or ``failed(message)`` for
an unexpected error (also nothing written: the batch is one transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.store.errors import StoreError
from desktop.viewmodel.import_job import ImportReport, run_import
from desktop.workers import ProgressRunner


class ImportController(QObject):
    progressed = Signal(object)  # ImportProgress
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = ProgressRunner(self)
        self._runner.progressed.connect(self.progressed)
        self._runner.finished.connect(self.finished)
        self._runner.failed.connect(self.failed)
        self.cancel_requested = False

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def start(self, db_path: Path, paths: Sequence[Path], published: dt.date | None = None) -> None:
        """Import ``paths`` into the store at ``db_path`` in a worker (one at a time)."""
        self.cancel_requested = False
        self._runner.run(import_job(Path(db_path), list(paths), published))

    def cancel(self) -> None:
        """Stop at the next file; whatever was read is discarded, the store is unchanged."""
        self.cancel_requested = True
        self._runner.cancel()

    def wait(self, timeout_s: float = 60.0) -> bool:
        return self._runner.wait(timeout_s)


def import_job(
    db_path: Path, paths: list[Path], published: dt.date | None
) -> Callable[[Callable[[object], None], Callable[[], bool]], ImportReport]:
    """The function the worker runs; a store error becomes a report, never an exception."""

    def job(report: Callable[[object], None], should_stop: Callable[[], bool]) -> ImportReport:
        try:
            return run_import(db_path, paths, report, should_stop, published)
        except StoreError as exc:
            return ImportReport(db_path, error=str(exc))

    return job
