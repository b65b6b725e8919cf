"""A binary cache of the timeline's columns, keyed by store uuid and generation.

Reading 10^6 events' columns from SQLite takes seconds; the cache loads them in milliseconds
(``np.load`` with ``mmap_mode="r"``: pages come in as they are touched). Each cache entry is a
folder ``<root>/<uuid>/g<generation>/`` of ``.npy`` files plus ``lanes.json``, written to a
temporary folder and renamed into place, so a reader never sees half an entry. Entries of older
generations of the same store are removed when a new one is written. The cache lives under the
user's data folder, never inside or beside the store file. A missing, stale or damaged entry is
simply rebuilt from the store.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from desktop.store.columns import TimelineColumns
from desktop.store.id_search import MentionMap, read_mention_map

log = logging.getLogger(__name__)

_ARRAYS = ("start_s", "end_s", "lane", "kind", "status", "precision", "id", "n_mentions", "anchor")
_UUID = re.compile(r"^[0-9A-Za-z-]{1,64}$")


class ColumnSource(Protocol):
    """What the cache needs from an open store (``EventStore`` has it)."""

    uuid: str

    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def generation(self) -> int: ...

    def columns(self) -> TimelineColumns: ...


def default_root() -> Path:
    """``$XDG_CACHE_HOME/eventline/columns`` (``~/.cache/eventline/columns``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventline" / "columns"


def entry_dir(root: Path, uuid: str, generation: int) -> Path:
    if not _UUID.match(uuid):
        raise ValueError(f"not a store uuid: {uuid!r}")
    return root / uuid / f"g{int(generation)}"


def _mapped(path: Path) -> np.ndarray:
    """A cached array mapped read-only, as a plain ndarray (``np.memmap``'s indexing costs
    Python time on every gather)."""
    with _NPY_HEADER_LOCK:
        return np.load(path, mmap_mode="r").view(np.ndarray)


# np.load parses each .npy header with ast.literal_eval, and CPython 3.11's AST conversion
# keeps its recursion depth per interpreter, not per thread: two threads loading at once
# (the background prefetch and the GUI thread) can fail with "SystemError: AST constructor
# recursion depth mismatch" (seen in CI). Loads are quick; one at a time.
_NPY_HEADER_LOCK = threading.Lock()


_DERIVED_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class DerivedStore:
    """Arrays computed from one cache entry's columns (e.g. the timeline's lane index), kept
    beside them: ``save(name, arrays, meta)`` writes ``derived-<name>/`` atomically (temporary
    folder, then rename); ``load(name)`` maps them back read-only, or None if absent, damaged
    or written by another layout. They go when the entry goes (a new generation)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _dir(self, name: str) -> Path:
        if not _DERIVED_NAME.match(name):
            raise ValueError(f"not a derived-data name: {name!r}")
        return self.folder / f"derived-{name}"

    def array_path(self, name: str, key: str) -> Path:
        """The file of array ``key`` of ``name`` (for reads that bypass the mapping)."""
        return self._dir(name) / f"{key}.npy"

    def load(self, name: str) -> tuple[dict[str, np.ndarray], dict] | None:
        folder = self._dir(name)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            names = meta["arrays"]
            arrays = {k: _mapped(folder / f"{k}.npy") for k in names}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return arrays, meta

    def drop_others(self, prefix: str, keep: str) -> None:
        """Remove the derived data whose name starts with ``prefix``, except ``keep`` (older
        layouts of the same data)."""
        for folder in self.folder.glob(f"derived-{prefix}*"):
            if folder.name != f"derived-{keep}" and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)

    def save(self, name: str, arrays: dict[str, np.ndarray], meta: dict) -> bool:
        """Write (or replace) ``name``; False (logged) if the cache cannot be written."""
        final = self._dir(name)
        if not self.folder.is_dir():
            return False
        try:
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-derived-", dir=self.folder))
        except OSError as exc:
            log.warning("derived data not cached (%s)", exc)
            return False
        try:
            for key, value in arrays.items():
                if not _DERIVED_NAME.match(key):
                    raise ValueError(f"not an array name: {key!r}")
                np.save(tmp / f"{key}.npy", np.ascontiguousarray(value))
            record = dict(meta, arrays=sorted(arrays))
            (tmp / "meta.json").write_text(json.dumps(record), encoding="utf-8")
            if final.exists():
                shutil.rmtree(final, ignore_errors=True)
            os.replace(tmp, final)
            return True
        except OSError as exc:
            log.warning("derived data not cached (%s)", exc)
            return False
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


@dataclasses.dataclass(frozen=True, eq=False)
class CachedColumns(TimelineColumns):
    """``TimelineColumns`` that live in a cache entry, with its ``DerivedStore``."""

    derived: DerivedStore | None = None


def read_entry(folder: Path) -> TimelineColumns | None:
    """The columns stored in ``folder``, or None if it is missing or inconsistent."""
    try:
        lanes = json.loads((folder / "lanes.json").read_text(encoding="utf-8"))
        arrays = {name: _mapped(folder / f"{name}.npy") for name in _ARRAYS}
    except (OSError, ValueError):
        return None
    n = arrays["id"].shape[0]
    if not isinstance(lanes, list) or any(a.shape != (n,) for a in arrays.values()):
        return None
    try:
        order = _mapped(folder / "lane_end_order.npy")
    except (OSError, ValueError):
        order = None
    if order is not None and order.shape != (n,):
        order = None
    return CachedColumns(
        lanes=[str(x) for x in lanes], lane_end_order=order, derived=DerivedStore(folder), **arrays
    )


def with_lane_end_order(columns: TimelineColumns) -> TimelineColumns:
    """``columns`` with ``lane_end_order`` (positions by lane, then end) filled in."""
    if columns.lane_end_order is not None:
        return columns
    order = np.lexsort((columns.end_s, columns.lane)).astype(np.int64)
    return dataclasses.replace(columns, lane_end_order=order)


def write_entry(root: Path, uuid: str, generation: int, columns: TimelineColumns) -> Path:
    """Store ``columns`` as the entry of (uuid, generation); drop older generations."""
    final = entry_dir(root, uuid, generation)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
    try:
        for name in _ARRAYS:
            value = getattr(columns, name)
            if value is None:  # anchor is optional in TimelineColumns
                value = np.zeros(len(columns), dtype=np.int8)
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(value))
        if columns.lane_end_order is not None:
            np.save(tmp / "lane_end_order.npy", np.ascontiguousarray(columns.lane_end_order))
        (tmp / "lanes.json").write_text(json.dumps(list(columns.lanes)), encoding="utf-8")
        if final.exists():
            shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for other in final.parent.iterdir():
        if other != final:
            shutil.rmtree(other, ignore_errors=True)
    return final


def load_columns(store: ColumnSource, root: Path | None = None) -> tuple[TimelineColumns, bool]:
    """The store's columns from the cache if it holds its current generation, else read from
    the store and cached. Returns (columns, came_from_cache). Cache trouble is never fatal."""
    root = default_root() if root is None else root
    generation = store.generation
    folder = entry_dir(root, store.uuid, generation)
    cached = read_entry(folder)
    if cached is not None:
        return cached, True
    columns = with_lane_end_order(store.columns())
    if store.generation != generation:  # written meanwhile: do not cache a mixed state
        return columns, False
    try:
        folder = write_entry(root, store.uuid, generation, columns)
    except OSError as exc:
        log.warning("column cache not written (%s)", exc)
        return columns, False
    fields = {f.name: getattr(columns, f.name) for f in dataclasses.fields(columns)}
    return CachedColumns(**fields, derived=DerivedStore(folder)), False


def _tmp_name(name: str) -> str:
    """A temporary file name no other thread or process writing ``name`` uses."""
    return f".{name}.{os.getpid()}.{threading.get_ident()}.tmp.npy"


def _narrow(values: np.ndarray) -> np.ndarray:
    """``values`` as int32 when every one fits (exact; half the pages), else unchanged."""
    if values.size and (int(values.min()) < -(2**31) or int(values.max()) >= 2**31):
        return values
    return values.astype(np.int32)


def _mapped_mentions(folder: Path) -> MentionMap | None:
    try:
        ids = _mapped(folder / "mention_id.npy")
        events = _mapped(folder / "mention_event.npy")
    except (OSError, ValueError):
        return None
    if ids.shape != events.shape or ids.ndim != 1 or events.dtype.kind != "i":
        return None
    return MentionMap(ids, events)


def load_mention_map(store: ColumnSource, root: Path | None = None) -> MentionMap:
    """The store's mention → event map (for ``id_search``), cached beside its columns and
    mapped read-only from there. Event ids are stored as int32 when they fit (a broad search
    reads every one of them); mention ids stay int64 (binary-searched, rarely read)."""
    root = default_root() if root is None else root
    generation = store.generation
    folder = entry_dir(root, store.uuid, generation)
    cached = _mapped_mentions(folder)
    if cached is not None:
        return cached
    mentions = read_mention_map(store.conn)
    if store.generation != generation or not folder.is_dir():
        return mentions
    try:
        for name, value in (
            ("mention_id", mentions.mention_id),
            ("mention_event", _narrow(mentions.event_id)),
        ):
            tmp = folder / _tmp_name(name)
            np.save(tmp, value)
            os.replace(tmp, folder / f"{name}.npy")
    except OSError as exc:
        log.warning("mention map not cached (%s)", exc)
        return mentions
    return _mapped_mentions(folder) or mentions  # the file's pages, not a private copy


_SORTED_IDS = "ids-sorted"


def sorted_ids(columns: TimelineColumns) -> np.ndarray:
    """The event ids in ascending order, for lookups by binary search. From a cache entry
    they are mapped read-only (kept there as derived data): a lookup reads a few pages, not a
    private 8 MB copy at 10^6 events. Ids already ascending are returned as they are."""
    ids = np.asarray(columns.id)
    if ids.size < 2 or bool(np.all(ids[1:] > ids[:-1])):
        return ids
    store = getattr(columns, "derived", None)
    found = store.load(_SORTED_IDS) if store is not None else None
    if found is not None:
        cached = found[0].get("ids")
        if cached is not None and cached.shape == ids.shape and cached.dtype == ids.dtype:
            return cached
    ordered = np.sort(ids)
    if store is not None and store.save(_SORTED_IDS, {"ids": ordered}, {}):
        found = store.load(_SORTED_IDS)
        if found is not None and found[0]["ids"].shape == ids.shape:
            return found[0]["ids"]
    return ordered


def read_published(conn: sqlite3.Connection) -> np.ndarray:
    """Publication dates of the store's documents as epoch seconds (UTC midnight; NaN when
    unknown or unreadable), one pass over one column."""
    days = [
        row[0][:10] if isinstance(row[0], str) else "NaT"
        for row in conn.execute("SELECT published FROM documents")
    ]
    try:
        dates = np.array(days, dtype="datetime64[D]")
    except ValueError:  # a malformed date: convert one by one
        dates = np.array([_day(d) for d in days], dtype="datetime64[D]")
    seconds = dates.astype("datetime64[s]").astype(np.float64)
    return np.where(np.isnat(dates), np.nan, seconds)


def _day(text: str) -> np.datetime64:
    try:
        return np.datetime64(text, "D")
    except ValueError:
        return np.datetime64("NaT", "D")


def cached_published(store: ColumnSource, root: Path | None = None) -> np.ndarray | None:
    """The documents' publication dates if the cache holds them for the store's current
    generation, else None (nothing is read from the store)."""
    root = default_root() if root is None else root
    folder = entry_dir(root, store.uuid, store.generation)
    try:
        with _NPY_HEADER_LOCK:
            cached = np.load(folder / "published.npy")
    except (OSError, ValueError):
        return None
    return cached if cached.ndim == 1 else None


def load_published(store: ColumnSource, root: Path | None = None) -> np.ndarray:
    """The documents' publication dates (``read_published``), cached beside the columns."""
    root = default_root() if root is None else root
    generation = store.generation
    folder = entry_dir(root, store.uuid, generation)
    cached = cached_published(store, root)
    if cached is not None:
        return cached
    published = read_published(store.conn)
    if store.generation == generation and folder.is_dir():
        tmp = folder / _tmp_name("published")
        try:
            np.save(tmp, published)
            os.replace(tmp, folder / "published.npy")
        except OSError as exc:
            log.warning("published dates not cached (%s)", exc)
    return published
