"""The timeline's view model: columns (numpy), filter mask, selection, lanes, hit testing.

QtCore only. The model never touches the store: the store model (B) hands it a
``TimelineColumns`` (numpy arrays sorted by start time; see ``desktop/store``) plus titles.

Interface used by the window (engineer B):

- signals: ``columns_changed()``, ``mask_changed()``, ``selection_changed(int)`` (id, -1 for
  none), ``range_changed(float, float)`` (a range the view is asked to show, epoch seconds).
- ``set_data(columns, titles)``, ``set_mask(mask)``, ``set_mask_from_ids(ids)``,
  ``select(event_id)``, ``step(direction)``, ``shown_ids(start_s, end_s)``,
  ``request_range(start_s, end_s)``; attributes ``selected_id``, ``total_count``,
  ``visible_count``.
- scale: ``lane_index()`` (a ``density.LaneIndex`` of the shown events, for per-pixel
  density strips), ``prefetch_titles(ids)`` (titles may be a lazy mapping that fetches by id),
  ``refresh_data(columns, titles)`` (new data for the same store: the view keeps its zoom),
  ``keep_view`` (True while such a refresh is being announced).
- extras: ``lane_names`` (lanes in drawing order, top first), ``rows`` (each event's lane row),
  ``data_range()``, ``hit_test(x_s, row, tol_s)``, ``index_of(id)``, ``title(id)``,
  ``describe(id)`` (tooltip text: title and date, plain), ``set_lane_order("first"|"count")``,
  ``status``/``kind`` (the columns' codes with unknown values (-1) mapped to happened/other).

Lanes are ordered by first appearance (earliest dated event; ties by count), or by count.

Columns read through the column cache carry its ``derived`` store: the full lane index of a
large store is saved there once and mapped back on later opens (no sorting at open).
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np
from PySide6.QtCore import QObject, Signal

from desktop.extract.types import KINDS, PRECISIONS, STATUSES
from desktop.viewmodel import density, index_cache
from desktop.viewmodel.details import format_interval

DAY_S = 86400.0
MAX_LANES = 30  # more actors than this: the smallest fold into "Other"
SUBSET_SHARE = 8  # a filter showing under 1/8 of the events: its index is built, not cut
_DAY_PRECISION = PRECISIONS.index("day")


class ColumnsLike(Protocol):
    """What the model reads from ``desktop.store``'s ``TimelineColumns``."""

    start_s: np.ndarray
    end_s: np.ndarray
    lane: np.ndarray
    kind: np.ndarray
    status: np.ndarray
    precision: np.ndarray
    id: np.ndarray
    n_mentions: np.ndarray
    lanes: list[str]


def _empty_f() -> np.ndarray:
    return np.zeros(0, dtype=np.float64)


class TimelineModel(QObject):
    """Timeline data for one store: what is drawn, what passes the filter, what is selected."""

    columns_changed = Signal()
    mask_changed = Signal()
    selection_changed = Signal(int)
    range_changed = Signal(float, float)
    hidden_changed = Signal()  # the hidden ids changed: views redraw faded glyphs

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: ColumnsLike | None = None
        self.titles: Mapping[int, str] = {}
        self.keep_view = False
        self.mask_version = 0  # bumped by every real change of the mask (and new data)
        self._mask_is_all = True
        self.selected_id: int | None = None
        self.lane_order = "first"
        self.lane_names: list[str] = []
        self.rows = np.zeros(0, dtype=np.int32)
        self.lane_of_row = np.zeros(0, dtype=np.int64)  # the lane index's code of each row
        self._codes = np.zeros(0, dtype=np.int64)  # each event's lane code, folded
        self._n_codes = 0  # the columns' lanes, plus one for "Other" when lanes were folded
        self._n_folded = 0
        self.start_s = _empty_f()
        self.end_s = _empty_f()
        self.ids = np.zeros(0, dtype=np.int64)
        self.status = np.zeros(0, dtype=np.int64)
        self.kind = np.zeros(0, dtype=np.int64)
        self.dated = np.zeros(0, dtype=bool)
        self.is_bar = np.zeros(0, dtype=bool)
        self.mask = np.zeros(0, dtype=bool)
        self._id_order_cache: np.ndarray | None = None
        self._full_index: density.LaneIndex | None = None
        self._masked_index: density.LaneIndex | None = None
        self._time_order: np.ndarray | None = None  # None: the columns are in time order
        self._sorted_starts = _empty_f()
        self._max_span_s = 0.0
        self.hidden_ids: frozenset[int] = frozenset()
        self._hidden: tuple[np.ndarray, np.ndarray] | None = None  # (ids it is for, flags)
        self._saving: threading.Thread | None = None  # writes the lane index to the cache
        self._id_table_cache: tuple | None = None  # (ids it is for, position by id)

    # -- data ---------------------------------------------------------------------------------
    def refresh_data(self, columns: ColumnsLike, titles: Mapping[int, str]) -> None:
        """New data for the same store (it changed on disk): like ``set_data``, but views keep
        their visible range and lane scroll."""
        self.keep_view = True
        try:
            self.set_data(columns, titles)
        finally:
            self.keep_view = False

    def set_data(self, columns: ColumnsLike, titles: Mapping[int, str]) -> None:
        """Replace the data; keeps the selection if the event still exists, resets the mask.

        ``titles`` is copied, unless it is a lazy mapping (one with ``prefetch``)."""
        self.columns = columns
        self.titles = titles if hasattr(titles, "prefetch") else dict(titles)
        self.start_s = np.asarray(columns.start_s, dtype=np.float64)
        self.end_s = _ends(self.start_s, np.asarray(columns.end_s, dtype=np.float64))
        self.ids = np.asarray(columns.id, dtype=np.int64)
        # unknown codes (-1) fall back to the first status / the last kind ("other")
        status = np.asarray(columns.status)
        self.status = np.clip(status, 0, len(STATUSES) - 1).astype(np.int8)
        kind = np.asarray(columns.kind)
        self.kind = np.where((kind < 0) | (kind >= len(KINDS)), len(KINDS) - 1, kind)
        self.kind = self.kind.astype(np.int8)
        self.dated = np.isfinite(self.start_s)
        precision = np.asarray(columns.precision)
        span = self.end_s - self.start_s  # NaN when undated: compares False
        with np.errstate(invalid="ignore"):
            self.is_bar = self.dated & ((precision != _DAY_PRECISION) | (span > 1.5 * DAY_S))
        self._max_span_s = float(np.max(span, where=self.dated, initial=0.0))
        del span
        self._id_order_cache = None
        self._full_index = self._masked_index = None
        self._time_order = _time_order(self.start_s, self.dated)  # None: already in order
        order = self._time_order
        self._sorted_starts = self.start_s if order is None else self.start_s[order]
        self.mask = np.ones(len(self.ids), dtype=bool)
        self._mask_is_all = True
        self.mask_version += 1
        self._compute_rows()
        if self.selected_id is not None and self.index_of(self.selected_id) is None:
            self.selected_id = None
            self.selection_changed.emit(-1)
        self.columns_changed.emit()
        self.mask_changed.emit()

    def set_lane_order(self, order: str) -> None:
        """Order lanes by "first" appearance or by event "count"; redraws."""
        if order not in ("first", "count"):
            raise ValueError(f"unknown lane order: {order!r}")
        self.lane_order = order
        if self.columns is not None:
            self._compute_rows()
            self.columns_changed.emit()

    def _compute_rows(self) -> None:
        """Lane rows: one per actor, up to ``MAX_LANES``; beyond that the smallest actors share
        a last row, "Other (N actors)" (the actor filter still reaches each of them)."""
        assert self.columns is not None
        lanes = np.asarray(self.columns.lane)  # int32: no 8-byte copy of 10^6 codes
        n_lanes = len(self.columns.lanes)
        counts = np.bincount(lanes, minlength=n_lanes) if lanes.size else np.zeros(n_lanes, int)
        if self._full_index is None:
            self._codes, self._n_codes, folded = fold_lanes(lanes, counts, MAX_LANES)
            self._n_folded = int(folded.size)
        first = density.first_times(self._lane_code_index())
        counts = np.bincount(self._codes, minlength=self._n_codes)
        used = np.flatnonzero(counts[:n_lanes] > 0)  # "Other" (code n_lanes) goes last
        if self.lane_order == "count":
            order = used[np.lexsort((first[used], -counts[used]))]
        else:
            order = used[np.lexsort((-counts[used], first[used]))]
        self.lane_names = [str(self.columns.lanes[i]) for i in order]
        if self._n_folded:
            order = np.append(order, n_lanes)
            self.lane_names.append(f"Other ({self._n_folded} actors)")
        # at most MAX_LANES rows: one byte per event (was four: 3 MB at 10^6)
        small = np.int8 if len(order) <= np.iinfo(np.int8).max else np.int32
        row_of_code = np.full(self._n_codes, -1, dtype=small)
        row_of_code[order] = np.arange(len(order), dtype=small)
        self.rows = row_of_code[self._codes] if lanes.size else np.zeros(0, dtype=small)
        self.lane_of_row = order.astype(np.int64)

    @property
    def max_span_s(self) -> float:
        """The longest interval's length (0 without intervals)."""
        return self._max_span_s

    @property
    def total_count(self) -> int:
        return int(self.ids.size)

    @property
    def visible_count(self) -> int:
        return int(np.count_nonzero(self.mask))

    # -- filter -------------------------------------------------------------------------------
    def set_mask(self, mask: np.ndarray | None) -> None:
        """Bool array aligned with the columns' order (None = everything passes).
        ``mask_version`` changes only when the mask really did (views skip a redraw)."""
        if mask is None:
            unchanged = self._mask_is_all
            self.mask = self.mask if unchanged else np.ones(len(self.ids), dtype=bool)
            self._mask_is_all = True
        else:
            mask = np.asarray(mask, dtype=bool)
            if mask.shape != self.ids.shape:
                raise ValueError(f"mask shape {mask.shape} != columns shape {self.ids.shape}")
            unchanged = bool(np.array_equal(mask, self.mask))
            self.mask = mask.copy()
            self._mask_is_all = False
        if not unchanged:
            self._masked_index = None
            self.mask_version += 1
        self.mask_changed.emit()

    def set_mask_from_ids(self, ids: Iterable[int] | None) -> None:
        """Only events whose id is in ``ids`` pass (None = everything passes)."""
        if ids is None:
            self.set_mask(None)
            return
        wanted = np.fromiter((int(i) for i in ids), dtype=np.int64)
        self.set_mask(np.isin(self.ids, wanted))

    def set_hidden_ids(self, ids: Iterable[int]) -> None:
        """Events the user hid: drawn faded when a filter lets them through."""
        hidden = frozenset(int(i) for i in ids)
        if hidden != self.hidden_ids:
            self.hidden_ids, self._hidden = hidden, None
            self.hidden_changed.emit()

    def hidden(self) -> np.ndarray:
        """Bool array aligned with the columns: which events are hidden."""
        if self._hidden is None or self._hidden[0] is not self.ids:
            wanted = np.fromiter(self.hidden_ids, dtype=np.int64, count=len(self.hidden_ids))
            self._hidden = (self.ids, np.isin(self.ids, wanted))
        return self._hidden[1]

    # -- scale --------------------------------------------------------------------------------
    def _lane_code_index(self) -> density.LaneIndex:
        if self._full_index is None:
            self._full_index = index_cache.load(self.columns, self._index_tag(), self._n_codes)
        if self._full_index is None:
            assert self.columns is not None
            # every dated event is indexed as the interval it covers (a day-precision event
            # is one day long): at sub-day zoom its density spreads over its day instead of
            # piling up at midnight
            self._full_index = density.build_index(
                self.start_s,
                self.end_s,
                self.dated,
                self._codes,
                self._n_codes,
                end_order=getattr(self.columns, "lane_end_order", None),
            )
            self._saving = index_cache.save(self.columns, self._index_tag(), self._full_index)
        return self._full_index

    def _index_tag(self) -> str:
        return index_cache.tag(MAX_LANES, len(self.ids))

    def lane_index(self) -> density.LaneIndex:
        """Sorted times of the shown (masked, dated) events per lane, for density strips.
        Keyed by lane code (the columns' code; "Other" has its own): a row's code is
        ``lane_of_row[row]``."""
        self._lane_code_index()
        assert self._full_index is not None
        if self._masked_index is None:
            full, shown = self._full_index, int(np.count_nonzero(self.mask))
            if shown == self.mask.size:
                self._masked_index = full
            elif shown * SUBSET_SHARE < self.mask.size:  # few shown: index just them
                events = np.flatnonzero(self.mask)
                self._masked_index = density.subset_index(
                    full, events, self.start_s, self.end_s, self.dated, self._codes
                )
            elif shown * 2 > self.mask.size:  # most shown: all minus an index of the rest
                # built from the few left out (sorted afresh: the full index's mapped
                # files stay untouched, ~20 MB less resident at 10^6 than cutting them)
                hidden = np.flatnonzero(~self.mask)
                rest = density.subset_index(
                    full, hidden, self.start_s, self.end_s, self.dated, self._codes
                )
                self._masked_index = full.without(self.mask, rest)
            else:  # keys from the resident columns, not the full index's mapped files
                self._masked_index = density.recut_index(
                    full, self.mask, self.start_s, self.end_s, self._codes
                )
        return self._masked_index

    def prefetch_titles(self, ids: Iterable[int]) -> None:
        """Make the titles of ``ids`` available (one batch fetch when titles are lazy)."""
        prefetch = getattr(self.titles, "prefetch", None)
        if prefetch is not None:
            prefetch([int(i) for i in ids])

    @property
    def _id_order(self) -> np.ndarray | None:
        """Positions of the ids in ascending order; None when the ids already ascend."""
        if self._id_order_cache is None:
            ids = self.ids
            if ids.size < 2 or bool(np.all(ids[1:] > ids[:-1])):
                self._id_order_cache = np.zeros(0, dtype=np.int64)  # marker: identity
            else:
                self._id_order_cache = np.argsort(ids, kind="stable")
        return None if self._id_order_cache.size != self.ids.size else self._id_order_cache

    def _time_positions(self, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Indices of the events at positions lo..hi of the time order."""
        hi = self.ids.size if hi is None else hi
        order = self._time_order
        return np.arange(lo, hi) if order is None else order[lo:hi]

    # -- selection ----------------------------------------------------------------------------
    def index_of(self, event_id: int) -> int | None:
        """Position of an event in the columns, or None. Store ids are small positive
        integers: one table lookup (built once per data); else a binary search."""
        if self.ids.size == 0:
            return None
        table = self._id_table()
        if table is not None:
            pos = int(table[event_id]) if 0 <= event_id < table.size else -1
            return pos if pos >= 0 else None
        id_order = self._id_order
        sorted_ids = self.ids if id_order is None else self.ids[id_order]
        pos = int(np.searchsorted(sorted_ids, event_id))
        if pos < sorted_ids.size and sorted_ids[pos] == event_id:
            return pos if id_order is None else int(id_order[pos])
        return None

    def _id_table(self) -> np.ndarray | None:
        """Position by id (-1: none), when the ids are dense enough for a table; cached."""
        cached = self._id_table_cache
        if cached is None or cached[0] is not self.ids:
            table = index_cache.id_positions(self.columns, self.ids)
            cached = self._id_table_cache = (self.ids, table)
        return cached[1]

    def select(self, event_id: int | None) -> None:
        """Select an event by id (None or -1 clears); unknown ids clear the selection."""
        if event_id is not None and (event_id < 0 or self.index_of(event_id) is None):
            event_id = None
        if event_id == self.selected_id:
            return
        self.selected_id = event_id
        self.selection_changed.emit(-1 if event_id is None else int(event_id))

    def step(self, direction: int) -> int | None:
        """Select the previous (<0) or next (>0) dated event in time among those shown."""
        order = self._time_positions()
        candidates = order[self.mask[order] & self.dated[order]]  # shown events, in time order
        if candidates.size == 0 or direction == 0:
            return None
        current = None if self.selected_id is None else self.index_of(self.selected_id)
        where = np.flatnonzero(candidates == current) if current is not None else []
        if len(where) == 0:
            target = candidates[0] if direction > 0 else candidates[-1]
        else:
            pos = int(where[0]) + (1 if direction > 0 else -1)
            target = candidates[min(max(pos, 0), candidates.size - 1)]
        self.select(int(self.ids[target]))
        return self.selected_id

    # -- ranges -------------------------------------------------------------------------------
    def shown_ids(self, start_s: float | None = None, end_s: float | None = None) -> np.ndarray:
        """Ids passing the mask; with a range, only dated events overlapping it."""
        keep = self.mask.copy()
        if start_s is not None or end_s is not None:
            lo = -np.inf if start_s is None else start_s
            hi = np.inf if end_s is None else end_s
            keep &= self.dated & (self.end_s > lo) & (self.start_s <= hi)
        return self.ids[keep]

    def visible_indices(self, start_s: float, end_s: float) -> np.ndarray:
        """Indices of masked dated events overlapping [start_s, end_s] (uses the time order)."""
        starts = self._sorted_starts
        lo = int(np.searchsorted(starts, start_s - self._max_span_s, side="left"))
        hi = int(np.searchsorted(starts, end_s, side="right"))
        idx = self._time_positions(lo, hi)
        keep = self.mask[idx] & self.dated[idx] & (self.end_s[idx] > start_s)
        return np.sort(idx[keep])

    def data_range(self) -> tuple[float, float] | None:
        """(start, end) covering every dated event that passes the mask, padded; or None."""
        keep = self.mask & self.dated
        if not keep.any():
            keep = self.dated
        if not keep.any():
            return None
        # reductions with ``where``: no copies of the kept times (72 MB passing at 5*10^6)
        lo = float(np.min(self.start_s, where=keep, initial=np.inf))
        hi = float(np.max(self.end_s, where=keep, initial=-np.inf))
        pad = max((hi - lo) * 0.04, 3 * DAY_S)
        return lo - pad, hi + pad

    def request_range(self, start_s: float, end_s: float) -> None:
        """Ask the view to show [start_s, end_s] (emits ``range_changed``)."""
        if math.isfinite(start_s) and math.isfinite(end_s) and end_s > start_s:
            self.range_changed.emit(float(start_s), float(end_s))

    # -- picking and text ---------------------------------------------------------------------
    def hit_test(self, x_s: float, row: int, tol_s: float) -> int | None:
        """Id of the shown dated event in lane ``row`` nearest to ``x_s`` (within tolerance).

        A glyph is hit within ``tol_s`` of its date; a bar anywhere along its span.
        """
        idx = self.visible_indices(x_s - tol_s, x_s + tol_s)
        idx = idx[self.rows[idx] == row]
        if idx.size == 0:
            return None
        anchor = np.where(
            self.is_bar[idx], np.clip(x_s, self.start_s[idx], self.end_s[idx]), self.start_s[idx]
        )
        dist = np.abs(anchor - x_s)
        best = int(np.argmin(dist + np.where(self.is_bar[idx], tol_s * 0.5, 0.0)))
        if dist[best] > tol_s:
            return None
        return int(self.ids[idx[best]])

    def undated_indices(self) -> np.ndarray:
        """Indices of masked events without a resolved date."""
        return np.flatnonzero(self.mask & ~self.dated)

    def title(self, event_id: int) -> str:
        return self.titles.get(int(event_id), f"event {event_id}")

    def describe(self, event_id: int) -> str:
        """Plain text "title\\ndate (status)" for a tooltip; the caller escapes it."""
        i = self.index_of(event_id)
        if i is None or self.columns is None:
            return ""
        return f"{self.title(event_id)}\n{self.when_text(i)}"

    def when_text(self, index: int) -> str:
        """The event's date at its precision, with its status when not happened."""
        assert self.columns is not None
        code = int(self.columns.precision[index])
        precision = PRECISIONS[code] if 0 <= code < len(PRECISIONS) else "unknown"
        status = STATUSES[int(self.status[index])]
        text = "undated"
        if self.dated[index]:
            first = _date_of(self.start_s[index])
            last = _date_of(max(self.end_s[index] - DAY_S, self.start_s[index]))
            text = format_interval(first, last, precision)
        return text if status == "happened" else f"{text} ({status})"


def _ends(start_s: np.ndarray, end_s: np.ndarray) -> np.ndarray:
    """Ends with a dated event's missing end as its start plus a day. The columns' own array
    (read-only, maybe a mapped cache file) when none is missing: no 8 MB copy at 10^6."""
    with np.errstate(invalid="ignore"):
        missing = np.isfinite(start_s) & ~np.isfinite(end_s)
    if not missing.any():
        return end_s
    return np.where(missing, start_s + DAY_S, end_s)


def _time_order(start_s: np.ndarray, dated: np.ndarray) -> np.ndarray | None:
    """Indices in time order, undated last; None when the store already sorted them."""
    n_dated = int(np.count_nonzero(dated))
    head = start_s[:n_dated]
    if bool(dated[:n_dated].all()) and (n_dated < 2 or bool(np.all(head[1:] >= head[:-1]))):
        return None
    return np.argsort(start_s, kind="stable")


def _date_of(value_s: float) -> dt.date:
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=float(value_s))).date()


def fold_lanes(
    lanes: np.ndarray, counts: np.ndarray, max_lanes: int
) -> tuple[np.ndarray, int, np.ndarray]:
    """(each event's lane code, number of codes, folded lane codes): with more than
    ``max_lanes`` actors, all but the ``max_lanes - 1`` largest share code ``len(counts)``."""
    used = np.flatnonzero(counts > 0)
    if used.size <= max_lanes:
        return lanes, len(counts), np.zeros(0, dtype=np.int64)
    by_size = used[np.argsort(-counts[used], kind="stable")]
    folded = np.sort(by_size[max_lanes - 1 :])
    # two bytes per event when the codes fit (2 MB less at 10^6 than int32)
    small = np.int16 if len(counts) < np.iinfo(np.int16).max else np.int32
    code_of = np.arange(len(counts) + 1, dtype=small)
    code_of[folded] = len(counts)
    return code_of[lanes], len(counts) + 1, folded
