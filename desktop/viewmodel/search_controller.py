"""Search as you type plus quick filters, combined into one mask over the timeline columns.

Typing restarts a short debounce timer; the FTS query then runs in a worker (its own SQLite
connection) and a result that arrives after a newer query was started is dropped. Actor, kind,
status and date-range filters are array comparisons, applied at once. The combined boolean mask
goes to ``TimelineModel.set_mask``; ``filter_mask`` and ``parse_date_bound`` are plain functions.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.extract.types import KINDS, STATUSES
from desktop.workers import LatestRunner

# the budget: last keystroke to result frame <= 150 ms, debounce included. Older
# queries are interrupted when a newer one starts, so the pause only has to merge changes that
# arrive together (an input method's burst, a script); a typist's keys come 80-200 ms apart
# and start one query each with a 30 ms pause too, which then only delays every answer.
DEBOUNCE_MS = 10
# a query ending in a one-letter word ("s", "nova h") is the start of a word being typed: as a
# prefix it stands for a large part of the vocabulary, and FTS5 merges all those doclists
# before a newer query can interrupt it (measured at 10^6 events: "s*" 580 ms and ~25 MB of
# SQLite heap and id text, all dropped when the next key arrives ~90 ms later). It waits
# longer: a second key cancels it before it starts; a user who stops there still gets it.
ONE_LETTER_DEBOUNCE_MS = 250
SEARCH_THREADS = 4  # search jobs mostly wait on SQLite (the GIL released), not compute


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    kind: str | None = None
    status: str | None = None
    date_from: float | None = None  # epoch seconds, inclusive (UTC midnight)
    date_to: float | None = None  # epoch seconds, exclusive (midnight after the last day)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


def parse_date_bound(text: str | None, *, end: bool = False) -> float | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as epoch seconds at UTC midnight.

    With ``end`` the bound is the midnight after the last day the text names (inclusive range).
    Empty → None; anything else raises ValueError with a readable message.
    """
    if text is None or not text.strip():
        return None
    parts = text.strip().split("-")
    try:
        if len(parts) > 3 or len(parts[0]) != 4:
            raise ValueError
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        last_day = calendar.monthrange(year, month)[1]
        day = int(parts[2]) if len(parts) > 2 else (last_day if end else 1)
        date = dt.date(year, month, day)
    except (ValueError, IndexError):
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if end:
        date += dt.timedelta(days=1)
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp()


class IdPositions:
    """Where each event id sits in the columns: ``mask_of(ids)`` marks them with one flag
    array indexed by id and one ``np.take`` over the columns' ids (ids are small positive
    integers in a store); ``np.isin`` when they are too spread out for that."""

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids
        top = int(ids.max()) if ids.size else -1
        dense = ids.size and int(ids.min()) >= 0 and top < 4 * ids.size + 4096
        self._top = top if dense else None

    def mask_of(self, wanted: np.ndarray) -> np.ndarray:
        if self._top is None:
            return np.isin(self.ids, wanted)
        flags = np.zeros(self._top + 1, dtype=bool)
        if wanted.size:
            if int(wanted.min()) < 0 or int(wanted.max()) > self._top:  # not in the columns
                wanted = wanted[(wanted >= 0) & (wanted <= self._top)]
            flags[wanted] = True
        return np.take(flags, self.ids)


def _with_mask(result: Any, positions: IdPositions | None) -> tuple:
    """(query, ids, positions, mask over those positions' columns or None): a search job's
    answer with its mask made on the worker thread too. With a mask the ids are let go at
    once (None): a broad result's 10^6 ids must not wait in the GUI thread's queue."""
    query, ids = result
    if positions is None or not isinstance(ids, np.ndarray):
        return query, ids, None, None
    return query, None, positions, positions.mask_of(ids)


def filter_mask(
    columns: Any, filters: Filters, text_ids: Any | None, positions: IdPositions | None = None
) -> np.ndarray:
    """Events passing the text search (``None`` = no search; ids, or a bool mask over the
    columns) and every filter. ``positions`` (of ``columns.id``) makes ids a mask in
    O(matches)."""
    ids = np.asarray(columns.id)
    mask = np.ones(len(ids), dtype=bool)
    if isinstance(text_ids, np.ndarray) and text_ids.dtype == bool:  # already a mask
        if text_ids.shape != mask.shape:
            raise ValueError(f"text mask shape {text_ids.shape} != columns {mask.shape}")
        mask &= text_ids
    elif text_ids is not None:
        if not isinstance(text_ids, np.ndarray):  # a worker hands over an array: no copy
            text_ids = np.fromiter(text_ids, dtype=np.int64)
        if positions is None or positions.ids is not columns.id:
            positions = IdPositions(ids)
        if text_ids.dtype.kind not in "iu":  # int32 ids of a search stay as they are
            text_ids = text_ids.astype(np.int64)
        mask &= positions.mask_of(text_ids)
    if filters.actor is not None:
        lanes = list(columns.lanes)
        lane = lanes.index(filters.actor) if filters.actor in lanes else -1
        mask &= np.asarray(columns.lane) == lane
    if filters.kind is not None:
        mask &= np.asarray(columns.kind) == _index(KINDS, filters.kind)
    if filters.status is not None:
        mask &= np.asarray(columns.status) == _index(STATUSES, filters.status)
    start = np.asarray(columns.start_s, dtype=np.float64)
    stop = np.asarray(columns.end_s, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        if filters.date_from is not None:
            mask &= stop > filters.date_from  # NaN (undated) compares False: filtered out
        if filters.date_to is not None:
            mask &= start < filters.date_to
    return mask


def ends_in_one_letter(text: str) -> bool:
    """Whether the query's last word is a single letter or digit (quotes, a leading '-' and
    a trailing '*' aside): a word just begun."""
    words = text.split()
    return bool(words) and len(last := words[-1].strip('"-*')) == 1 and last.isalnum()


def _index(values: tuple[str, ...], value: str) -> int:
    return values.index(value) if value in values else -1


class SearchController(QObject):
    """Owns the current query and filters; pushes the combined mask to the timeline model."""

    results_changed = Signal(int, int)  # shown, total
    search_failed = Signal(str)

    def __init__(self, store_model: Any, timeline_model: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store_model
        self._timeline = timeline_model
        self.query = ""
        self.filters = Filters()
        self._text_ids: Any | None = None  # the search's matches: a mask over the columns
        self._positions: IdPositions | None = None  # of the current columns' ids
        self.hidden_ids = np.zeros(0, dtype=np.int64)  # marked "not an event" by a person
        self.show_hidden = False
        self.only_ids: np.ndarray | None = None  # e.g. starred only; None: no restriction
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        # its own threads: a superseded search may still be waiting for a shared query for a
        # moment (id_search flights), and must not hold up the next one
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(SEARCH_THREADS)
        self._runner = LatestRunner(self, self._pool)
        self._asked = 0  # bumped by every new query: a job started later than that skips out
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self.search_failed)

    # -- inputs --------------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        """The search box changed: search after a short pause."""
        self.query = text
        self._asked += 1  # searches not started yet need not run
        one_letter = ends_in_one_letter(text)
        self._timer.setInterval(ONE_LETTER_DEBOUNCE_MS if one_letter else DEBOUNCE_MS)
        self._timer.start()

    def set_filters(self, **changes: Any) -> None:
        """Change some filters (actor/kind/status/date_from/date_to; None clears one)."""
        self.filters = replace(self.filters, **changes)
        self.apply()

    def set_curation(
        self, hidden: Any = (), show_hidden: bool = False, only: Any | None = None
    ) -> None:
        """Hidden events (left out unless ``show_hidden``) and an optional set of ids to keep
        (``only``); they combine with the search and filters into the one mask and count."""
        self.hidden_ids = np.fromiter(hidden, dtype=np.int64)
        self.show_hidden = bool(show_hidden)
        self.only_ids = None if only is None else np.fromiter(only, dtype=np.int64)
        self.apply()

    def clear(self) -> None:
        """Back to everything: no query, no filters."""
        self._timer.stop()
        self._runner.cancel()
        self._asked += 1
        self.query, self.filters, self._text_ids = "", Filters(), None
        self.apply()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Run a pending search now and wait for its result (scripts, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_timer_timeout()
        return self._runner.wait(timeout_s)

    def reset_data(self) -> None:
        """A new store was opened: forget the old results and search it again."""
        self._text_ids = None
        if self.query.strip():
            self._on_timer_timeout()
        self.apply()

    # -- output --------------------------------------------------------------------------------
    def apply(self) -> None:
        columns = self._store.columns
        if columns is None:
            return
        mask = filter_mask(columns, self.filters, self._text_ids, self._current_positions())
        everything = self._text_ids is None and self.filters == Filters()
        ids = np.asarray(columns.id)
        if len(self.hidden_ids) and not self.show_hidden:
            mask &= ~np.isin(ids, self.hidden_ids)
            everything = everything and bool(mask.all())
        if self.only_ids is not None:
            mask &= np.isin(ids, self.only_ids)
            everything = False
        self._timeline.set_mask(None if everything else mask)
        self.results_changed.emit(int(mask.sum()), len(mask))

    def _on_timer_timeout(self) -> None:
        if not self.query.strip():
            self._runner.cancel()
            self._text_ids = None
            self.apply()
            return
        self._asked += 1
        asked, query = self._asked, self.query
        job, positions = self._store.search_job(query), self._current_positions()

        def run() -> tuple:
            if self._asked != asked:  # superseded while it waited for a pool thread
                return query, None, None, None
            result = job()
            if self._asked != asked:  # superseded meanwhile: no mask, nothing kept
                return query, None, None, None
            return _with_mask(result, positions)

        self._runner.run(run)

    def _current_positions(self) -> IdPositions | None:
        columns = self._store.columns
        if columns is None:
            return None
        if self._positions is None or self._positions.ids is not columns.id:
            self._positions = IdPositions(columns.id)
        return self._positions

    def _on_runner_finished(self, result: object) -> None:
        query, ids, positions, mask = result  # type: ignore[misc]
        if query != self.query or (ids is None and mask is None):
            return  # a stale answer to an older query, or a job that skipped out
        current = self._current_positions()
        if mask is not None:  # made by the worker over the columns of its time
            if positions is not current:  # the columns changed since: search them again
                self._on_timer_timeout()
                return
            self._text_ids = mask
        elif isinstance(ids, np.ndarray) and current is not None:
            self._text_ids = current.mask_of(ids)  # kept as a mask (n bytes)
        else:
            self._text_ids = ids if isinstance(ids, np.ndarray) else list(ids)
        self.apply()
