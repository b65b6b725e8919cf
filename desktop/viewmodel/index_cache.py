"""The timeline's full lane index kept in the column cache (derived data of an entry).

Building the index sorts every event (~80-300 ms at 10^6 events, most of an open). Columns
read through the column cache carry its ``derived`` store (``column_cache.DerivedStore``);
``save`` writes a large store's index there once, from a background thread, and ``load``
maps it back read-only on later opens. The tag names the index's layout (``FORMAT``), the lane
fold and the number of events; a cache entry belongs to one store generation, so the columns
it was built from are the columns it is loaded for. numpy only.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
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


POSITIONS = "id-positions-v1"


def position_table(ids: np.ndarray) -> np.ndarray | None:
    """Position by id (-1: none) when the ids are non-negative and dense enough for a table
    (int32), else None."""
    if ids.size == 0 or ids.size >= 2**31:
        return None
    top = int(ids.max())
    if int(ids.min()) < 0 or top >= 4 * ids.size + 4096:
        return None
    table = np.full(top + 1, -1, dtype=np.int32)
    table[ids] = np.arange(ids.size, dtype=np.int32)
    return table


class PositionFile:
    """A saved position table read with one ``pread`` per lookup. Mapped, a lookup of one
    int32 brought the page cache's whole large folio into the process (up to 2 MB per
    lookup on Linux 6.18; MADV_RANDOM does not change that); a read maps nothing. The
    mapped table answers if the file went (a mapping outlives its unlinked file)."""

    def __init__(self, path: Path, offset: int, mapped: np.ndarray) -> None:
        self.path, self.offset, self.size = path, offset, int(mapped.size)
        self._mapped = mapped

    @classmethod
    def open(cls, path: Path, mapped: np.ndarray) -> PositionFile | None:
        """The table of an ``.npy`` file of little-endian int32 (None: not one)."""
        try:
            with open(path, "rb") as f:
                version = np.lib.format.read_magic(f)
                if version == (1, 0):
                    shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
                else:
                    shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
                offset = f.tell()
        except (OSError, ValueError):
            return None
        if shape != mapped.shape or fortran or dtype != np.dtype("<i4"):
            return None
        return cls(path, offset, mapped)

    def __getitem__(self, event_id: int) -> int:
        if not 0 <= event_id < self.size:
            raise IndexError(event_id)
        try:
            with open(self.path, "rb", buffering=0) as f:
                data = os.pread(f.fileno(), 4, self.offset + 4 * event_id)
        except OSError:
            data = b""
        if len(data) != 4:
            return int(self._mapped[event_id])
        return int.from_bytes(data, "little", signed=True)


def id_positions(columns: Any, ids: np.ndarray) -> np.ndarray | PositionFile | None:
    """``position_table(ids)``; beside a cache entry of a large store it is saved once and
    read by lookup (``PositionFile``) instead of the process keeping a private table (4 MB
    at 10^6 events)."""
    store = getattr(columns, "derived", None)
    if store is None or ids.size < MIN_EVENTS:
        return position_table(ids)
    meta = {"n": int(ids.size), "top": int(ids.max())}
    found = store.load(POSITIONS)
    if found is not None and _positions_fit(found, meta):
        return _reader(store, found[0]["table"])
    table = position_table(ids)
    if table is None or not store.save(POSITIONS, {"table": table}, meta):
        return table
    found = store.load(POSITIONS)
    if found is None or not _positions_fit(found, meta):
        return table
    return _reader(store, found[0]["table"])


def _reader(store: Any, mapped: np.ndarray) -> PositionFile | np.ndarray:
    return PositionFile.open(store.array_path(POSITIONS, "table"), mapped) or mapped


def _positions_fit(found: tuple[dict[str, np.ndarray], dict], meta: dict) -> bool:
    arrays, saved = found
    table = arrays.get("table")
    return (
        table is not None
        and saved.get("n") == meta["n"]
        and saved.get("top") == meta["top"]
        and table.dtype == np.int32
        and table.shape == (meta["top"] + 1,)
    )
