"""The only threading code: run a function on Qt's thread pool, deliver the latest result.

``LatestRunner.run(fn)`` runs ``fn()`` on a pool thread and emits ``finished(result)`` on the
runner's (GUI) thread. A newer ``run`` makes older, still-running calls stale: their results are
dropped, never delivered. A worker must not touch objects owned by another thread (a SQLite
connection belongs to the thread that opened it): ``fn`` opens what it needs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], signals: _JobSignals) -> None:
        super().__init__()
        self._ticket = ticket
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported, never lost in a pool thread
            log.exception("worker job failed")
            self._signals.failed.emit(self._ticket, f"{type(exc).__name__}: {exc}")
            return
        self._signals.done.emit(self._ticket, result)


class LatestRunner(QObject):
    """Runs jobs in a thread pool; only the most recent job's outcome is delivered."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._latest = 0
        self._pending: set[int] = set()
        self._signals = _JobSignals(self)  # lives in this thread: emits arrive queued here
        self._signals.done.connect(self._on_job_done)
        self._signals.failed.connect(self._on_job_failed)

    @property
    def busy(self) -> bool:
        """True while a job has been started and its outcome not yet handled."""
        return bool(self._pending)

    def run(self, fn: Callable[[], Any]) -> int:
        """Start ``fn`` in the pool; returns its ticket. Earlier jobs become stale."""
        self._latest += 1
        ticket = self._latest
        self._pending.add(ticket)
        self._pool.start(_Job(ticket, fn, self._signals))
        return ticket

    def cancel(self) -> None:
        """Make every running job stale (its result will be dropped)."""
        self._latest += 1

    def wait(self, timeout_s: float = 10.0) -> bool:
        """Block until all started jobs have been handled (for scripts and tests)."""
        deadline = time.monotonic() + timeout_s
        while self._pending and time.monotonic() < deadline:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending

    def _on_job_done(self, ticket: int, result: object) -> None:
        self._pending.discard(ticket)
        if ticket == self._latest:
            self.finished.emit(result)

    def _on_job_failed(self, ticket: int, message: str) -> None:
        self._pending.discard(ticket)
        if ticket == self._latest:
            self.failed.emit(message)
