"""The only threading code: run a function on Qt's thread pool, deliver the latest result.

``LatestRunner.run(fn)`` runs ``fn()`` on a pool thread and emits ``finished(result)`` on the
runner's (GUI) thread. A newer ``run`` makes older, still-running calls stale: their results are
dropped, never delivered. A worker must not touch objects owned by another thread (a SQLite
connection belongs to the thread that opened it): ``fn`` opens what it needs.

``ProgressRunner.run(fn)`` runs one long job ``fn(report, should_stop)`` (an import): ``report``
sends a progress value to the GUI thread (``progressed``), ``should_stop()`` turns true once
``cancel()`` was called; the job decides where it can stop cleanly.
"""

from __future__ import annotations

import logging
import threading
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


class _ProgressSignals(QObject):
    progressed = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, str)


ProgressFn = Callable[[Callable[[object], None], Callable[[], bool]], Any]


class _ProgressJob(QRunnable):
    def __init__(
        self, ticket: int, fn: ProgressFn, signals: _ProgressSignals, stop: threading.Event
    ) -> None:
        super().__init__()
        self._ticket, self._fn, self._signals, self._stop = ticket, fn, signals, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        def report(value: object) -> None:
            self._signals.progressed.emit(self._ticket, value)

        try:
            result = self._fn(report, self._stop.is_set)
        except Exception as exc:  # reported, never lost in a pool thread
            log.exception("worker job failed")
            self._signals.failed.emit(self._ticket, f"{type(exc).__name__}: {exc}")
            return
        self._signals.done.emit(self._ticket, result)


class ProgressRunner(QObject):
    """Runs one cancellable job at a time and relays its progress to this (GUI) thread.

    ``finished(result)`` or ``failed(message)`` is always delivered, even after ``cancel()``:
    a cancelled job returns whatever it decided a cancelled run means.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ticket = 0
        self._running: int | None = None
        self._stop = threading.Event()
        self._signals = _ProgressSignals(self)
        self._signals.progressed.connect(self._on_progressed)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def run(self, fn: ProgressFn) -> None:
        """Start ``fn(report, should_stop)``; raises RuntimeError while another job runs."""
        if self._running is not None:
            raise RuntimeError("a job is already running")
        self._ticket += 1
        self._running = self._ticket
        self._stop = threading.Event()
        self._pool.start(_ProgressJob(self._ticket, fn, self._signals, self._stop))

    def cancel(self) -> None:
        """Ask the running job to stop at its next check."""
        self._stop.set()

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the job's outcome has been delivered (for scripts and tests)."""
        deadline = time.monotonic() + timeout_s
        while self._running is not None and time.monotonic() < deadline:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return self._running is None

    def _on_progressed(self, ticket: int, value: object) -> None:
        if ticket == self._running:
            self.progressed.emit(value)

    def _on_done(self, ticket: int, result: object) -> None:
        if ticket == self._running:
            self._running = None
            self.finished.emit(result)

    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket == self._running:
            self._running = None
            self.failed.emit(message)
