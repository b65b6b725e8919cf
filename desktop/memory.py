"""Process memory tuning for large stores (glibc only; a no-op elsewhere).

glibc raises its mmap threshold each time a large block is freed, after which big numpy
temporaries (tens of MB when a 10^6-event timeline is loaded or filtered) come from the heap
and stay in the process after they are freed. Fixing the threshold keeps every large array in
its own mapping, returned to the system when freed: at 10^6 events this is the difference
between ~250 MB and ~340 MB resident. Call ``tune_allocator`` once, early, before loading data.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 256 * 1024


def tune_allocator() -> bool:
    """Fix glibc's mmap threshold; True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except (OSError, AttributeError):  # musl or another libc: nothing to tune
        return False
