"""Day grids: per-lane cumulative mass at every UTC midnight, so that a frame's density over
any range costs O(lanes × pixel columns) whatever the number of events (the count pyramid's
base level). Built from a ``density.LaneIndex`` in O(events) with two ``bincount``; a cut
(masked) index reuses its full index's per-event day cells. numpy only.
"""

from __future__ import annotations

import numpy as np

from desktop.viewmodel.density import DAY_S, LaneIndex
from desktop.viewmodel.mapped_pages import release_pages

MAX_GRID_CELLS = 2_000_000  # per-row day grids kept at most (16 MB)


def day_cells(
    index: LaneIndex, n_days: int, slots: np.ndarray | None = None
) -> tuple[np.ndarray, ...]:
    """Per interval, in ``span_starts`` order: the grid cell (slot * (n_days + 1) + day) of
    its first day, of the day after its last, and 1 / its length in days; and each row's
    slot (-1: a row without intervals, which gets no grid). Cached on the index, unless
    ``slots`` gives the slots (another index's, holding every row of this one)."""
    key = ("day_cells", n_days)
    cached = index._sums.get(key) if slots is None else None
    if cached is not None:
        return cached
    width = n_days + 1
    keys = index.span_starts  # sorted by row: each row's keys are one run
    bases = np.arange(index.n_rows + 1, dtype=np.float64) * index.stride
    sizes = np.diff(np.searchsorted(keys, bases - 0.5))
    present = np.flatnonzero(sizes)
    slot = slots
    if slot is None:
        slot = np.full(index.n_rows, -1, dtype=np.int64)
        slot[present] = np.arange(present.size)
    row_cell = np.repeat(slot[present] * width, sizes[present])
    days = np.maximum(np.rint(index.span_length[index.span_start_of] / DAY_S), 1.0)
    first = np.rint((keys - np.repeat(bases[:-1], sizes)) / DAY_S).astype(np.int64)
    last = np.minimum(first + days.astype(np.int64), n_days) + row_cell
    first += row_cell
    cells = (first.astype(np.int32), last.astype(np.int32), np.reciprocal(days), slot)
    if slots is None:
        index._sums[key] = cells
    return cells


class DayGrid:
    """``column_mass`` from per-lane cumulative mass at day boundaries, for a frame cost
    independent of the store's size (the count pyramid's base level).

    Exact when every indexed interval starts and ends on a UTC midnight (dates: the store's
    time model) and there are no point events: within a day the cumulative mass of such
    intervals grows linearly, so interpolating it between day boundaries is exact. All rows'
    grids are built at once on first use, in O(events): an interval of L days adds 1/L to
    each of its days through a difference array (two ``bincount``), then one cumulative sum
    per row gives the mass per day and another the grid."""

    def __init__(self, index: LaneIndex) -> None:
        self.index = index
        self.n_days = int(np.ceil(index.t_span / DAY_S)) + 1
        self._all: np.ndarray | None = None  # (slots, n_days + 1) mass before each midnight
        self._slot = np.zeros(0, dtype=np.int64)  # row -> its grid in _all (-1: none)
        self.usable = (
            index.points.size == 0
            and index.day_aligned
            and self.n_days * max(index.n_rows, 1) <= MAX_GRID_CELLS
        )

    def _grid(self, row: int) -> np.ndarray:
        if self._all is None:
            self._slot, self._all = self.grids()
        slot = int(self._slot[row]) if 0 <= row < self._slot.size else -1
        return self._all[slot] if slot >= 0 else np.zeros(self.n_days + 1)

    def grids(self) -> tuple[np.ndarray, np.ndarray]:
        """(grid slot of every row, the cumulative mass at each midnight of every slot); a
        full index keeps them (they are small), so a cached index brings them along."""
        ix = self.index
        key = ("grids", self.n_days)
        if ix.parent is None and key in ix._sums:
            return ix._sums[key]
        built = self._build()
        if ix.parent is None:
            ix._sums[key] = built
        return built

    def _build(self) -> tuple[np.ndarray, np.ndarray]:
        ix, width = self.index, self.n_days + 1
        if ix.parent is None or ix.keep is None:
            first, last, weight, slot = day_cells(ix, self.n_days)
            return slot, _cumulative(first, last, weight, slot, width)
        if ix.minus is not None:  # the full grids minus those of the index of the rest
            slot, full = DayGrid(ix.parent).grids()
            first, last, weight, _ = day_cells(ix.minus, self.n_days, slot)
            return slot, full - _cumulative(first, last, weight, slot, width)
        first, last, weight, slot = day_cells(ix.parent, self.n_days)
        kept = np.take(ix.keep, ix.parent.span_start_of)  # np.take: ~3x fancy indexing
        if np.count_nonzero(kept) * 2 < kept.size:  # few kept: weigh only them
            return slot, _cumulative(first, last, weight * kept, slot, width)
        # most kept (a broad search): the grids are linear in the intervals, so the full
        # index's (cached) grids minus those of the few filtered out (bincounts over the
        # filtered-out intervals only, not every interval)
        _, full = DayGrid(ix.parent).grids()
        out = np.flatnonzero(~kept)
        cells = (np.take(first, out), np.take(last, out), np.take(weight, out))
        return slot, full - _cumulative(*cells, slot, width)

    def mass(self, rows: np.ndarray, edges: np.ndarray) -> np.ndarray:
        """Same result as ``column_mass(index, rows, edges)`` (when ``usable``)."""
        x = np.clip((np.asarray(edges, dtype=np.float64) - self.index.t0) / DAY_S, 0, self.n_days)
        day = np.minimum(np.floor(x).astype(np.int64), self.n_days)
        frac = x - day
        nxt = np.minimum(day + 1, self.n_days)
        out = np.empty((len(rows), max(len(edges) - 1, 0)))
        for k, row in enumerate(np.asarray(rows).tolist()):
            g = self._grid(int(row))
            cumulative = g[day] + frac * (g[nxt] - g[day])
            out[k] = np.maximum(np.diff(cumulative), 0.0)
        release_pages(self.index)  # the grids mapped from the index cache
        return out


def _cumulative(
    first: np.ndarray, last: np.ndarray, weight: np.ndarray, slot: np.ndarray, width: int
) -> np.ndarray:
    """Per slot, the mass before each midnight of the intervals [first cell, last cell) each
    weighing ``weight`` per day: a difference array (two ``bincount``), summed twice."""
    n_slots = int(slot.max()) + 1 if slot.size else 0
    diff = np.bincount(first, weights=weight, minlength=n_slots * width)
    diff -= np.bincount(last, weights=weight, minlength=n_slots * width)
    per_day = np.cumsum(diff.reshape(n_slots, width), axis=1)
    np.maximum(per_day, 0.0, out=per_day)  # rounding noise where a row's mass ends
    grid = np.empty((n_slots, width))
    grid[:, 0] = 0.0
    np.cumsum(per_day[:, :-1], axis=1, out=grid[:, 1:])
    return grid
