"""Unmapping the pages of an index's file-mapped arrays once a query is done with them.

A lookup in an array mapped from a file (``np.load(mmap_mode="r")``, as the index cache
loads its arrays) maps the page cache's whole large folio, not one page (Linux 6.18; the
MADV_RANDOM and MADV_NOHUGEPAGE advice change nothing), and those pages stay counted in the
process's RSS: at 10^6 events a few frames kept ~13 MB of key files resident. Releasing them
after each query (MADV_DONTNEED on a shared read-only file mapping: the data stays in the page
cache and in the file) keeps only the running query's pages.
"""

from __future__ import annotations

import contextlib
import functools
import mmap
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy as np

_F = TypeVar("_F", bound=Callable[..., Any])


def release_pages(index: Any) -> None:
    """Unmap the pages of ``index``'s arrays that are read-only file mappings (the index
    cache's files): a frame's lookups map the page cache's whole large folios (30 searches in
    an 8 MB key file mapped 7.5 MB here), which stay in the process's RSS until unmapped.
    The next lookup maps them again (minor faults, no read; a frame's CPU did not change).
    Arrays in memory are left alone."""
    done: set[int] = set()
    for array in _index_arrays(index, 0):
        mapping = _read_only_mapping(array)
        if mapping is not None and id(mapping) not in done and hasattr(mmap, "MADV_DONTNEED"):
            done.add(id(mapping))
            with contextlib.suppress(OSError, ValueError):  # closed, refused: pages stay
                mapping.madvise(mmap.MADV_DONTNEED)


def _index_arrays(index: Any, depth: int) -> Iterator[np.ndarray]:
    for value in vars(index).values():
        if isinstance(value, np.ndarray):
            yield value
    for value in getattr(index, "_sums", {}).values():
        yield from (
            v
            for v in (value if isinstance(value, tuple) else (value,))
            if isinstance(v, np.ndarray)
        )
    for other in (getattr(index, "parent", None), getattr(index, "minus", None)):
        if other is not None and depth < 4:
            yield from _index_arrays(other, depth + 1)


def _read_only_mapping(array: np.ndarray) -> mmap.mmap | None:
    """The mmap under ``array`` when it is one of np.load(mmap_mode="r")'s (never a private
    copy-on-write mapping, whose written pages DONTNEED would drop)."""
    read_only, base = False, array
    while base is not None:
        if isinstance(base, np.memmap):
            read_only = read_only or base.mode == "r"
        if isinstance(base, mmap.mmap):
            return base if read_only else None
        base = getattr(base, "base", None)
    return None


def releasing(query: _F) -> _F:
    """``query(index, ...)``, then ``release_pages(index)``."""

    @functools.wraps(query)
    def run(index: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return query(index, *args, **kwargs)
        finally:
            release_pages(index)

    return run  # type: ignore[return-value]
