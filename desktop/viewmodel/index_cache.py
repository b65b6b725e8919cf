"""The timeline's full lane index kept in the column cache (derived data of an entry).

Building the index sorts every event (~80-300 ms at 10^6 events, most of an open). Columns
read through the column cache carry its ``derived`` store (``column_cache.DerivedStore``);
``save`` writes a large store's index there once, from a background thread, and ``load``
maps it back read-only on later opens. The tag names the index's layout (``FORMAT``), the lane
fold and the number of events; a cache entry belongs to one store generation, so the columns
it was built from are the columns it is loaded for. numpy only.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from desktop.viewmodel import day_grid, density

FORMAT = 2  # bump when the lane index's layout or meaning changes
MIN_EVENTS = 100_000  # smaller stores build their index faster than it loads


_INDEX_ARRAYS = (
    "points",
    "span_starts",
    "span_ends",
    "point_of",
    "span_start_of",
    "span_end_of",
    "span_length",
)
_CELL_ARRAYS = ("cell_first", "cell_last", "cell_weight", "cell_slot")


def index_arrays(index: density.LaneIndex) -> tuple[dict[str, np.ndarray], dict]:
    """A full index as named arrays plus JSON-able scalars (for a cache), with its day cells
    (computed now if a day grid applies)."""
    arrays = {name: getattr(index, name) for name in _INDEX_ARRAYS}
    meta = {
        "n_rows": index.n_rows,
        "t0": index.t0,
        "stride": index.stride,
        "day_aligned": index.day_aligned,
        "t_span": index.t_span,
    }
    grid = day_grid.DayGrid(index)
    if grid.usable:
        arrays.update(zip(_CELL_ARRAYS, day_grid.day_cells(index, grid.n_days), strict=True))
        arrays["grid_slot"], arrays["grid_mass"] = grid.grids()
        meta["n_days"] = grid.n_days
    return arrays, meta


def index_from_arrays(arrays: dict[str, np.ndarray], meta: dict) -> density.LaneIndex | None:
    """The index ``index_arrays`` described, or None if the parts do not fit together."""
    try:
        index = density.LaneIndex(
            int(meta["n_rows"]),
            float(meta["t0"]),
            float(meta["stride"]),
            *(arrays[name] for name in _INDEX_ARRAYS),
            bool(meta["day_aligned"]),
            float(meta["t_span"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
    pairs = (
        (index.points, index.point_of),
        (index.span_starts, index.span_start_of),
        (index.span_ends, index.span_end_of),
        (index.span_starts, index.span_ends),
    )
    if any(a.shape != b.shape for a, b in pairs):
        return None
    if "n_days" in meta and all(name in arrays for name in _CELL_ARRAYS):
        cells = tuple(arrays[name] for name in _CELL_ARRAYS)
        if cells[0].shape == index.span_starts.shape:
            index._sums[("day_cells", int(meta["n_days"]))] = cells
        slot, mass = arrays.get("grid_slot"), arrays.get("grid_mass")
        n_days = int(meta["n_days"])
        fits = slot is not None and mass is not None and slot.shape == (index.n_rows,)
        if fits and mass.ndim == 2 and mass.shape[1] == n_days + 1:
            index._sums[("grids", n_days)] = (slot, mass)
    return index


PREFIX = "lane-index-"


def tag(max_lanes: int, n_events: int) -> str:
    return f"{PREFIX}v{FORMAT}-{int(max_lanes)}-{int(n_events)}"


def load(columns: Any, name: str, n_rows: int) -> density.LaneIndex | None:
    """The index saved as ``name`` beside ``columns`` (None: not there, or not for them)."""
    store = getattr(columns, "derived", None)
    found = store.load(name) if store is not None else None
    index = index_from_arrays(*found) if found is not None else None
    if index is None or index.n_rows != n_rows:
        return None
    return index


def save(columns: Any, name: str, index: density.LaneIndex) -> threading.Thread | None:
    """Write ``index`` as ``name`` beside ``columns`` in a background thread (the arrays are
    never modified; a process exit waits for the thread); None when there is no cache or
    the store is small. The day grids are computed here, once: the first frame uses them."""
    store = getattr(columns, "derived", None)
    if store is None or index.size < MIN_EVENTS:
        return None

    arrays, meta = index_arrays(index)  # the day grids: the first frame needs them anyway

    def write() -> None:  # only the file writing runs beside the GUI
        if store.save(name, arrays, meta):
            store.drop_others(PREFIX, name)

    thread = threading.Thread(target=write, name="eventline-index-cache")
    thread.start()
    return thread
