"""Process memory tuning for large stores (glibc only; a no-op elsewhere).

glibc raises its mmap threshold each time a large block is freed, after which big numpy
temporaries (tens of MB when a 10^6-event timeline is loaded or filtered) come from the heap
and stay in the process after they are freed. Fixing the threshold keeps every large array in
its own mapping, returned to the system when freed: at 10^6 events this is the difference
between ~250 MB and ~340 MB resident.

Where the threshold sits is a trade: every block above it is a fresh mapping whose pages fault
in one by one (~1 µs a page here). A frame's largest temporary is the window's image (1400 ×
900 × 4 bytes = 5 MB for a ``grab``): mapped, it cost ~1,230 page faults and ~5 ms of an 11 ms
static frame. So blocks up to ``MMAP_THRESHOLD_BYTES`` (just above that image) come from the
heap and are reused, while column-sized arrays (10^6 float64 = 8 MB and up) keep their own
mappings; ``TRIM_THRESHOLD_BYTES`` lets the heap keep one such image free at its top instead
of giving it back after every frame. Measured at 10^6 events (bench session): 0 faults a
frame (was ~1,230), static grab ~11 → ~6.5 ms CPU, peak RSS ~319 → ~325 MB.

One arena (``ARENA_MAX``): by default each thread that allocates gets its own malloc arena,
and what a search worker frees (its id strings and arrays below the mmap threshold) stays in
that arena, out of reach of the GUI thread, which grows the main heap for its own masks and
grids meanwhile. Sharing one arena lets each reuse what the other freed: bench session at
10^6 events, peak RSS 324 → 310 MB; the worker's allocations are few and large, so the shared
lock costs nothing measurable.

``malloc_trim`` after each search (worker side) was measured too: peak 297-302 -> 292-293 MB
for 3-23 ms added to every search, so it is not done.
Call ``tune_allocator`` once, early, before loading data.

Source text kept by imports (``lean_pyside_imports``): once PySide6 is imported, shiboken's
import hook asks of every Python module imported after it whether its source mentions
"PySide6" (to apply ``__feature__`` selections), through ``inspect.getsource``, and
``linecache`` then keeps the source of all of them for the life of the process: ~440 files,
7.5 MB of text, 18 MB resident (main window imported: 109 → 91 MB). The replacement gives
the same answer from one read of the file, kept nowhere. Call it right after ``import
PySide6``, before the modules of the window are imported.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from types import ModuleType

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 5376 * 1024  # 5.25 MiB: a 1400 × 900 RGBA image, not a 10^6 column
TRIM_THRESHOLD_BYTES = 6 * 1024 * 1024
ARENA_MAX = 1


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def tune_allocator() -> bool:
    """Fix glibc's mmap and trim thresholds and its arena count; True if all were set."""
    libc = _libc()
    if libc is None:
        return False
    try:
        settings = (
            (_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES),
            (_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES),
            (_M_ARENA_MAX, ARENA_MAX),
        )
        return all([bool(libc.mallopt(option, value)) for option, value in settings])
    except AttributeError:  # musl or another libc: nothing to tune
        return False


def lean_pyside_imports() -> bool:
    """Make shiboken's per-import source check read the file instead of caching it in
    ``linecache``; True if the hook was found (PySide6 6.x) and replaced."""
    import PySide6  # noqa: F401  (installs the import hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True


def mentions_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source mentions PySide6 (shiboken's test), read once, not kept."""
    path = getattr(module, "__file__", None)
    try:
        if isinstance(path, str) and path.endswith(".py"):
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        loader = getattr(module, "__loader__", None)  # e.g. a module in a zip file
        text = loader.get_source(module.__name__) if hasattr(loader, "get_source") else None
    except (OSError, ImportError, AttributeError, ValueError):
        return False
    return isinstance(text, str) and "PySide6" in text
