"""``eventline bench``: open a store as the app does, render offscreen, drive a scripted
session and measure it.

Session: fit all; zoom from ten years to one minute in steps, panning at each level; type
search terms letter by letter (selective and broad ones); select an event. A frame is timed
from the change of range or mask to the end of a ``grab()`` of the whole window (1400×900,
device pixel ratio 1); before each, the event loop runs once, as in the app between two
inputs (work queued by one frame is not timed in the next). The first open without a
column cache runs in a child process (its
own memory), which also leaves the cache in place for the timed open here. Results: a few
lines of figures on stderr-like ``log`` and the JSON summary returned (the command prints
it as its last line).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

WINDOW_SIZE = (1400, 900)
ZOOM_STEP = 2.0
TEN_YEARS_S = 3652.5 * 86400.0
MINUTE_S = 60.0
PANS = (0.25, -0.5, 0.25)  # fractions of the view: right, left twice, back
TYPING_INTERVAL_S = 0.09  # between keystrokes (a quick typist)
SEARCH_TERMS = ("nova", "speech", "statement", "helix", "familiar", "according")
SELECTIVE = 0.10


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 2)


def _stats(values: list[float]) -> dict[str, float]:
    if not values:
        return {"median": 0.0, "p95": 0.0, "max": 0.0}
    a = np.asarray(values)
    return {
        "median": _ms(float(np.median(a))),
        "p95": _ms(float(np.percentile(a, 95))),
        "max": _ms(float(a.max())),
    }


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def _open_window(db: Path):
    """(app, window, seconds from opening the store to the first painted frame)."""
    from PySide6.QtWidgets import QApplication

    from desktop.viewmodel.store_model import StoreModel
    from desktop.widgets.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    store_model = StoreModel()
    store_model.open(db)
    window = MainWindow(store_model)
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    window.grab()
    return app, window, time.perf_counter() - started


def first_open_child(db: Path) -> float:
    """In a fresh process: drop the store's cache entry, open, first frame; seconds."""
    from desktop.memory import lean_pyside_imports, tune_allocator

    tune_allocator()
    lean_pyside_imports()
    from desktop.store import EventStore
    from desktop.store.column_cache import default_root, entry_dir

    with EventStore.open(db, readonly=True) as store:
        folder = entry_dir(default_root(), store.uuid, store.generation)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    _, window, seconds = _open_window(db)
    window.close()
    return seconds


def _run_child(db: Path) -> float:
    code = (
        "import os, sys; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen');"
        "from desktop.bench import first_open_child;"
        "print(first_open_child(__import__('pathlib').Path(sys.argv[1])))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"the no-cache open failed: {done.stderr.strip()[-400:]}")
    return float(done.stdout.strip().splitlines()[-1])


class _Session:
    def __init__(self, app, window, log: Callable[[str], None]) -> None:
        self.app, self.window, self.log = app, window, log
        self.view = window.timeline_view
        self.model = window.timeline_model
        self.frames: list[float] = []
        self.frames_by_level: dict[str, list[float]] = {}

    def frame(self, change: Callable[[], None], level: str) -> None:
        # the app returns to its event loop between two inputs: let it run what the previous
        # frame queued (zero-timers such as the event table's paint cache) before timing
        self.app.processEvents()
        started = time.perf_counter()
        change()
        self.window.grab()
        seconds = time.perf_counter() - started
        self.frames.append(seconds)
        self.frames_by_level.setdefault(level, []).append(seconds)

    def zoom_and_pan(self, centre: float) -> None:
        self.frame(self.view.fit_all, "fit all")
        span = TEN_YEARS_S
        while span >= MINUTE_S:
            level = _level_name(span)
            self.frame(
                lambda s=span: self.view.set_visible_range(centre - s / 2, centre + s / 2), level
            )
            for fraction in PANS:
                x0, x1 = self.view.visible_range()
                shift = (x1 - x0) * fraction
                self.frame(
                    lambda a=x0 + shift, b=x1 + shift: self.view.set_visible_range(a, b), level
                )
            span /= ZOOM_STEP

    def type_term(self, term: str) -> tuple[float, float]:
        """Type ``term`` letter by letter; (seconds from last key to its frame, match share)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        edit = self.window.search_bar.search_edit
        edit.setFocus()
        edit.clear()
        search = self.window.search
        for k, letter in enumerate(term):
            QTest.keyClick(edit, letter)
            if k < len(term) - 1:
                _pump(self.app, TYPING_INTERVAL_S)
        started = time.perf_counter()
        while search._timer.isActive() or search._runner.busy:  # the debounce, then the query
            self.app.processEvents()
            time.sleep(0.001)
        self.app.processEvents()
        self.window.grab()
        seconds = time.perf_counter() - started
        share = self.model.visible_count / max(self.model.total_count, 1)
        QTest.keyClick(edit, Qt.Key.Key_Escape)
        edit.clear()
        search.clear()
        return seconds, share


def _pump(app, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)


def _level_name(span: float) -> str:
    for name, size in (("years", 365 * 86400.0), ("months", 30 * 86400.0), ("days", 86400.0)):
        if span >= size:
            return name
    return "hours" if span >= 3600.0 else "minutes"


def _median_dated(model: object) -> float:
    """The median start of the dated events, without keeping an 8 MB copy (at 10^6) alive
    for the whole session, where it would count in the measured peak."""
    dated = model.start_s[model.dated]  # type: ignore[attr-defined]
    return float(np.median(dated)) if dated.size else 0.0


def run_bench(db: Path, log: Callable[[str], None]) -> dict:
    """The scripted session on store ``db``; returns the summary (the JSON line's fields)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.memory import lean_pyside_imports, tune_allocator

    tune_allocator()  # as the app does (desktop.app.run_gui)
    lean_pyside_imports()  # as the app does (desktop.commands.gui)
    from PySide6.QtWidgets import QApplication  # noqa: F401  (imports are not timed)

    import desktop.widgets.main_window  # noqa: F401

    no_cache = _run_child(db)
    log(f"first open without column cache: {_ms(no_cache)} ms (child process)")
    app, window, first = _open_window(db)
    n = window.timeline_model.total_count
    log(f"{n} events; open to first frame (cached columns): {_ms(first)} ms")
    session = _Session(app, window, log)
    model = window.timeline_model
    centre = _median_dated(model)
    session.zoom_and_pan(centre)
    for level, values in session.frames_by_level.items():
        s = _stats(values)
        log(f"frames at {level:>8}: median {s['median']} ms, p95 {s['p95']}, max {s['max']}")
    searches, selective = [], []
    for term in SEARCH_TERMS:
        seconds, share = session.type_term(term)
        log(f"search {term!r}: {share:.1%} of events, last key to frame {_ms(seconds)} ms")
        if share <= 0.99:
            searches.append(seconds)
        if share <= SELECTIVE:
            selective.append(seconds)
    if n:
        event_id = int(model.ids[int(np.argmax(model.start_s >= centre))])
        session.frame(lambda: window.selection.select(event_id), "select")
    window.close()
    search_stats = _stats(searches)
    return {
        "events": n,
        "first_open_no_cache_ms": _ms(no_cache),
        "open_to_first_frame_ms": _ms(first),
        "frame_ms": _stats(session.frames),
        "search_to_frame_ms": {
            "median": search_stats["median"],
            "p95": search_stats["p95"],
            "p95_selective": _stats(selective)["p95"],
        },
        "peak_rss_mb": _peak_rss_mb(),
    }


def json_line(summary: dict) -> str:
    return json.dumps(summary, separators=(", ", ": "))


__all__ = ["first_open_child", "json_line", "run_bench"]


if __name__ == "__main__":  # pragma: no cover
    print(json_line(run_bench(Path(sys.argv[1]), lambda s: print(s, file=sys.stderr))))
