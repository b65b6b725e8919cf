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
Call ``tune_allocator`` once, early, before loading data.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 5376 * 1024  # 5.25 MiB: a 1400 × 900 RGBA image, not a 10^6 column
TRIM_THRESHOLD_BYTES = 6 * 1024 * 1024


def tune_allocator() -> bool:
    """Fix glibc's mmap and trim thresholds; True if both were set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mmap_set = bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
        return mmap_set and bool(libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
    except (OSError, AttributeError):  # musl or another libc: nothing to tune
        return False
