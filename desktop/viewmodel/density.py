"""Per-pixel aggregation of the timeline's events (pure numpy, no Qt).

When a lane has more events in view than its pixels can show, the view draws it as a density
strip: for every pixel column, how many events fall in it. ``LaneIndex`` makes that cost
independent of the store's size: it holds, per lane, the sorted times of the shown events
(points by start, intervals by start and by end) as ONE sorted key array ``row * stride + t``,
so a whole frame's counts are one ``searchsorted`` of (lanes × pixel edges) queries — exact at
every zoom level, nothing binned in advance. Rebuilt when the data or the filter changes.

``day_grid.DayGrid`` makes the full 10-year view cost independent of the store's size.

Pixel column ``k`` covers times ``[edge[k], edge[k+1])``. A point event counts in the one column
holding its time; an interval ``[start, end)`` counts in every column it overlaps (an interval
aggregates as a span, never as a point on its first day).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from desktop.store.id_search import distinct
from desktop.viewmodel.mapped_pages import releasing

_INDEX_DTYPE = np.int32  # event positions (stores up to 2^31 events)
DAY_S = 86400.0
_CHUNK = 1 << 16  # keys cut per step


@dataclass(frozen=True)
class LaneIndex:
    n_rows: int
    t0: float  # smallest time (keys hold t - t0)
    stride: float  # > the whole time range, so rows never mix
    points: np.ndarray  # float64 sorted keys of point events (start)
    span_starts: np.ndarray  # float64 sorted keys of interval starts
    span_ends: np.ndarray  # float64 sorted keys of interval ends (exclusive)
    # the event index behind every key, so a filter is a gather that keeps keys sorted
    point_of: np.ndarray
    span_start_of: np.ndarray
    span_end_of: np.ndarray
    span_length: np.ndarray  # every event's interval length (shared, indexed by event)
    day_aligned: bool  # every interval starts and ends on a whole day after t0
    t_span: float  # the latest end, relative to t0
    _sums: dict = field(default_factory=dict, compare=False, repr=False)
    # a masked index remembers the full index and the mask it was cut from (DayGrid reuses
    # the full index's per-event day cells instead of recomputing them)
    parent: LaneIndex | None = field(default=None, compare=False, repr=False)
    keep: np.ndarray | None = field(default=None, compare=False, repr=False)
    # a broad filter's index is its parent minus the index of the events it leaves out: the
    # keys above are then the parent's (shared), and counts are the parent's minus these
    minus: LaneIndex | None = field(default=None, compare=False, repr=False)

    @property
    def size(self) -> int:
        if self.minus is not None:
            return self.parent.size - self.minus.size  # type: ignore[union-attr]
        return int(self.points.size + self.span_starts.size)

    def masked(self, keep: np.ndarray | None) -> LaneIndex:
        """The index of the events with ``keep[i]`` (None: this index). O(n), no sorting.
        Keeping most events, it is this index minus a cut of the few left out: no copy of
        the kept keys (a broad search at 10^6: ~20 MB)."""
        if keep is None:
            return self
        base = self.parent if self.parent is not None else self
        keep = keep if self.keep is None else (self.keep & keep)
        if np.count_nonzero(keep) * 2 > keep.size:
            return base.without(keep, base.cut(~keep))
        return replace(base.cut(keep), parent=base, keep=keep)

    def without(self, keep: np.ndarray, minus: LaneIndex) -> LaneIndex:
        """This (full) index of just the events with ``keep``, as itself minus ``minus``: an
        index of exactly the others (a ``cut`` or ``subset_index`` of ``~keep``)."""
        return replace(self, _sums={}, parent=self, keep=keep, minus=minus)

    def cut(self, keep: np.ndarray) -> LaneIndex:
        """The events with ``keep[i]`` as an index of their own (copied keys; no parent)."""
        if self.minus is not None:
            return self.parent.cut(keep & self.keep)  # type: ignore[union-attr,operator]
        points, point_of = _kept(keep, self.points, self.point_of)
        span_starts, span_start_of = _kept(keep, self.span_starts, self.span_start_of)
        span_ends, span_end_of = _kept(keep, self.span_ends, self.span_end_of)
        return self.with_keys(
            (points, point_of), (span_starts, span_start_of), (span_ends, span_end_of)
        )

    def with_keys(
        self,
        points: tuple[np.ndarray, np.ndarray],
        starts: tuple[np.ndarray, np.ndarray],
        ends: tuple[np.ndarray, np.ndarray],
    ) -> LaneIndex:
        """An index of its own (no parent) with these (keys, event positions) for points,
        span starts and span ends; the layout (rows, stride, t0) stays this one's."""
        return replace(
            self,
            points=points[0],
            point_of=points[1],
            span_starts=starts[0],
            span_start_of=starts[1],
            span_ends=ends[0],
            span_end_of=ends[1],
            _sums={},
            parent=None,
            keep=None,
            minus=None,
        )

    def spread_sums(self) -> tuple[np.ndarray, ...]:
        """Prefix sums for ``column_mass`` (computed once per index; temporaries kept few:
        this runs on 10^6 intervals)."""
        if "all" not in self._sums:
            sums: list[np.ndarray] = []
            for keys, of in (
                (self.span_starts, self.span_start_of),
                (self.span_ends, self.span_end_of),
            ):
                length = self.span_length[of]
                weight = np.reciprocal(length)
                sums.append(_prefix(weight))
                start = _rel(keys, self.stride)
                if keys is self.span_ends:
                    start -= length  # an end key: its interval starts one length earlier
                del length
                weight *= start
                del start
                sums.append(_prefix(weight))
            self._sums["all"] = tuple(sums)
        return self._sums["all"]


def _kept(keep: np.ndarray, keys: np.ndarray, of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The keys (and their events) whose event has ``keep``, still sorted. ``np.take`` and
    positions from ``flatnonzero`` (~5x faster than fancy and boolean indexing at 10^6), a
    piece at a time: no int64 positions of every kept key."""
    flags = np.take(keep, of)
    n = int(np.count_nonzero(flags))
    out_keys, out_of = np.empty(n, dtype=keys.dtype), np.empty(n, dtype=of.dtype)
    filled = 0
    for start in range(0, flags.size, _CHUNK):
        at = np.flatnonzero(flags[start : start + _CHUNK])
        at += start
        np.take(keys, at, out=out_keys[filled : filled + at.size])
        np.take(of, at, out=out_of[filled : filled + at.size])
        filled += at.size
    return out_keys, out_of


def _ends_by_hint(
    end_order: np.ndarray | None,
    span: np.ndarray,
    rows: np.ndarray,
    end: np.ndarray,
    t0: float,
    stride: float,
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Sorted end keys from a precomputed (lane, end) order; (None, None) if it does not fit.

    ``rows`` may merge several of the order's lanes into one (folded lanes): a stable radix
    sort by row keeps each lane's run in end order, and only the merged rows are re-sorted."""
    if end_order is None or end_order.shape != span.shape:
        return None, None
    which = np.asarray(end_order)[span[end_order]]
    row = rows[which]
    if row.size > 1 and bool(np.any(row[1:] < row[:-1])):
        if int(row.max()) >= 2**15:
            return None, None
        order = np.argsort(row.astype(np.int16), kind="stable")
        which, row = which[order], row[order]
    keys = row.astype(np.float64) * stride + (end[which] - t0)
    if keys.size > 1:
        bad = keys[1:] < keys[:-1]
        if bad.any():  # rows holding several lanes: sort those rows' keys, rows stay in place
            pos = np.flatnonzero(np.isin(row, distinct(row[1:][bad])))
            sub = pos[np.argsort(keys[pos], kind="stable")]
            which[pos], keys[pos] = which[sub], keys[sub]
    return keys, which.astype(_INDEX_DTYPE)


def _sorted_keys(
    which: np.ndarray, rows: np.ndarray, t: np.ndarray, t0: float, stride: float
) -> tuple[np.ndarray, np.ndarray]:
    """(sorted keys, event index of each key) of the events ``which``."""
    row, time = rows[which], t[which]
    keys = row.astype(np.float64) * stride + (time - t0)
    if time.size > 1 and int(row.max()) < 2**15 and bool(np.all(time[1:] >= time[:-1])):
        # already in time order (the store sorts by start): a stable radix sort by row
        order = np.argsort(row.astype(np.int16), kind="stable")
    else:
        order = np.argsort(keys, kind="stable")
    return keys[order], which[order].astype(_INDEX_DTYPE)


def build_index(
    start_s: np.ndarray,
    end_s: np.ndarray,
    is_span: np.ndarray,
    rows: np.ndarray,
    n_rows: int,
    keep: np.ndarray | None = None,
    end_order: np.ndarray | None = None,
) -> LaneIndex:
    """Index the events with ``keep`` (all if None) that have a finite start and a row >= 0.
    ``end_order`` (optional) lists the events by (row, end): it spares one sort."""
    ok = np.isfinite(start_s) & (rows >= 0)
    span = is_span & ok & np.isfinite(end_s) & (end_s > start_s)  # degenerate: a point
    end = np.where(span, end_s, start_s)
    if ok.any():
        t0, t1 = float(start_s[ok].min()), float(end[ok].max())
    else:
        t0 = t1 = 0.0
    stride = float(2 ** np.ceil(np.log2(t1 - t0 + 2.0)))  # power of two: keys stay exact
    points, point_of = _sorted_keys(np.flatnonzero(ok & ~span), rows, start_s, t0, stride)
    starts, start_of = _sorted_keys(np.flatnonzero(span), rows, start_s, t0, stride)
    ends, end_of = _ends_by_hint(end_order, span, rows, end, t0, stride)
    if ends is None:
        ends, end_of = _sorted_keys(np.flatnonzero(span), rows, end, t0, stride)
    length = np.where(span, end - start_s, 1.0)
    aligned = bool(
        np.all(np.fmod(start_s[span] - t0, DAY_S) == 0)
        and np.all(np.fmod(end[span] - t0, DAY_S) == 0)
    )
    index = LaneIndex(
        int(n_rows),
        t0,
        stride,
        points,
        starts,
        ends,
        point_of,
        start_of,
        end_of,
        length,
        aligned,
        t1 - t0,
    )
    return index.masked(keep)


def subset_index(
    full: LaneIndex,
    events: np.ndarray,
    start_s: np.ndarray,
    end_s: np.ndarray,
    is_span: np.ndarray,
    rows: np.ndarray,
) -> LaneIndex:
    """``full.masked(keep)`` for the events at the positions ``events`` (ascending), built by
    sorting just them: O(k log k) instead of a pass over every event, for a filter that lets
    few through. ``full`` must have been built from the same arrays."""
    ev = events[np.isfinite(start_s[events]) & (rows[events] >= 0)]
    end = end_s[ev]
    span = is_span[ev] & np.isfinite(end) & (end > start_s[ev])

    def ordered(which: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # ties by position, as build_index (starts in time order: a radix sort by row)
        return _sorted_keys(which, rows, t, full.t0, full.stride)

    return full.with_keys(
        ordered(ev[~span], start_s), ordered(ev[span], start_s), ordered(ev[span], end_s)
    )


def recut_index(
    full: LaneIndex, keep: np.ndarray, start_s: np.ndarray, end_s: np.ndarray, rows: np.ndarray
) -> LaneIndex:
    """``full.cut(keep)`` with the keys computed again from the columns ``full`` was built
    from: only its event positions are read, never its keys (mapped cache files at 10^6:
    their ~14 MB of pages stay out of memory). No sorting, unlike ``subset_index``."""

    def part(of: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        which = np.take(of, np.flatnonzero(np.take(keep, of)))
        return rows[which].astype(np.float64) * full.stride + (t[which] - full.t0), which

    return full.with_keys(
        part(full.point_of, start_s),
        part(full.span_start_of, start_s),
        part(full.span_end_of, end_s),
    )


def _prefix(values: np.ndarray) -> np.ndarray:
    """[0, v0, v0+v1, …] without an extra copy."""
    out = np.empty(values.size + 1)
    out[0] = 0.0
    np.cumsum(values, out=out[1:])
    return out


def _rel(keys: np.ndarray, stride: float) -> np.ndarray:
    """Time relative to t0 of every key (strip the row part; stride is a power of two)."""
    return np.fmod(keys, stride)  # keys are >= 0


def first_times(index: LaneIndex) -> np.ndarray:
    """Earliest start per row (inf for a row without indexed events)."""
    if index.minus is not None:
        index = index.cut(np.ones_like(index.keep))  # type: ignore[arg-type]
    bases = np.arange(index.n_rows, dtype=np.float64) * index.stride
    first = np.full(index.n_rows, np.inf)
    for keys in (index.points, index.span_starts):
        if keys.size == 0:
            continue
        pos = np.minimum(np.searchsorted(keys, bases - 0.5), keys.size - 1)
        rel = keys[pos] - bases
        ok = (rel >= 0) & (rel < index.stride - 1.0)
        first = np.where(ok, np.minimum(first, rel + index.t0), first)
    return first


def pixel_edges(x0: float, x1: float, width_px: int) -> np.ndarray:
    """The ``width_px + 1`` boundaries of the pixel columns of the range [x0, x1)."""
    return np.linspace(x0, x1, int(width_px) + 1)


@releasing
def column_counts(index: LaneIndex, rows: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per (row in ``rows``, pixel column between consecutive ``edges``): int64 array of
    shape (len(rows), len(edges) - 1)."""
    if index.minus is not None:  # counts are linear in the events: parent minus left out
        whole = column_counts(index.parent, rows, edges)  # type: ignore[arg-type]
        return whole - column_counts(index.minus, rows, edges)
    rows = np.asarray(rows, dtype=np.float64)
    # clamp into [-1, stride - 1) so a query never reaches the next row's keys
    rel = np.clip(np.asarray(edges, dtype=np.float64) - index.t0, -1.0, index.stride - 1.0)
    q = rows[:, None] * index.stride + rel[None, :]
    points = np.searchsorted(index.points, q, side="left")
    counts = np.diff(points, axis=1)
    if index.span_starts.size:
        started = np.searchsorted(index.span_starts, q[:, 1:], side="left")  # start < b
        ended = np.searchsorted(index.span_ends, q[:, :-1], side="right")  # end <= a
        # ended counts every key <= a of this row and all earlier rows; started those < b:
        # subtract each row's base so both are per-row totals
        base_s = np.searchsorted(index.span_starts, rows * index.stride - 1.0, side="right")
        base_e = np.searchsorted(index.span_ends, rows * index.stride - 1.0, side="right")
        counts += (started - base_s[:, None]) - (ended - base_e[:, None])
    return counts


@releasing
def column_mass(index: LaneIndex, rows: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Like ``column_counts``, but an interval spreads ONE unit over the time it covers: a
    column gets the fraction of the interval inside it. Point events count 1. Each row's
    masses over columns that cover its whole time range sum to its number of events, so a
    density drawn from them shows where activity is, not a solid band under every year-long
    event (a faint band still marks the covered time)."""
    if index.minus is not None:  # parent minus left out (rounding noise clipped at zero)
        whole = column_mass(index.parent, rows, edges)  # type: ignore[arg-type]
        return np.maximum(whole - column_mass(index.minus, rows, edges), 0.0)
    rows = np.asarray(rows, dtype=np.float64)
    rel = np.clip(np.asarray(edges, dtype=np.float64) - index.t0, -1.0, index.stride - 1.0)
    q = rows[:, None] * index.stride + rel[None, :]
    mass = np.diff(np.searchsorted(index.points, q, side="left"), axis=1).astype(np.float64)
    if index.span_starts.size == 0:
        return mass
    pw_s, psw_s, pw_e, psw_e = index.spread_sums()
    base = rows * index.stride - 1.0
    i0 = np.searchsorted(index.span_starts, base, side="right")[:, None]
    j0 = np.searchsorted(index.span_ends, base, side="right")[:, None]
    i = np.searchsorted(index.span_starts, q, side="left")  # starts < x
    j = np.searchsorted(index.span_ends, q, side="right")  # ends <= x
    x = np.maximum(rel, 0.0)[None, :]
    covered = x * ((pw_s[i] - pw_s[i0]) - (pw_e[j] - pw_e[j0]))
    covered -= (psw_s[i] - psw_s[i0]) - (psw_e[j] - psw_e[j0])
    cumulative = covered + (j - j0)  # mass of this row's intervals before x
    return mass + np.maximum(np.diff(cumulative, axis=1), 0.0)


def range_totals(index: LaneIndex, x0: float, x1: float) -> np.ndarray:
    """Events of every row overlapping [x0, x1): points in it plus intervals crossing it."""
    rows = np.arange(index.n_rows)
    return column_counts(index, rows, np.array([x0, x1], dtype=np.float64))[:, 0]


def naive_column_counts(
    start_s: np.ndarray,
    end_s: np.ndarray,
    is_span: np.ndarray,
    rows: np.ndarray,
    n_rows: int,
    edges: np.ndarray,
) -> np.ndarray:
    """The same counts by brute force (reference for tests; O(events × columns))."""
    out = np.zeros((n_rows, len(edges) - 1), dtype=np.int64)
    lo, hi = edges[:-1], edges[1:]
    for s, e, span, r in zip(start_s, end_s, is_span, rows, strict=True):
        if not np.isfinite(s) or r < 0:
            continue
        if span and np.isfinite(e) and e > s:
            out[r] += (s < hi) & (e > lo)
        else:
            out[r] += (s >= lo) & (s < hi)
    return out


@releasing
def events_in_rows(
    index: LaneIndex,
    rows: np.ndarray,
    a: float,
    b: float,
    start_s: np.ndarray,
    max_span_s: float | None = None,
) -> np.ndarray:
    """Sorted indices of the indexed events of ``rows`` overlapping [a, b): points with a
    start in it, intervals with start < b and end > a. ``max_span_s`` (the longest interval)
    bounds the intervals looked at to those ending before b + max_span_s: the cost is then
    the events returned, not every interval ending after a."""
    if index.minus is not None:  # the parent's events, those kept
        found = events_in_rows(index.parent, rows, a, b, start_s, max_span_s)  # type: ignore[arg-type]
        return found[np.take(index.keep, found)]  # type: ignore[arg-type]
    parts = [np.zeros(0, dtype=np.int64)]
    rel_a = float(np.clip(a - index.t0, -1.0, index.stride - 1.0))
    rel_b = float(np.clip(b - index.t0, -1.0, index.stride - 1.0))
    late = index.stride - 1.0
    if max_span_s is not None:
        late = float(np.clip(b + max_span_s - index.t0, -1.0, index.stride - 1.0))
    for row in np.asarray(rows).tolist():
        base = row * index.stride
        lo, hi = np.searchsorted(index.points, [base + rel_a, base + rel_b])
        parts.append(index.point_of[lo:hi])
        lo, hi = np.searchsorted(index.span_ends, [base + rel_a, base + late], "right")
        spans = index.span_end_of[lo:hi]
        parts.append(spans[start_s[spans] < b])
    return np.sort(np.concatenate(parts))
