"""Counts per bucket for the overview strip: events over the whole store, and articles by
publication date (so a quiet period can be told from a gap in the sources). numpy only.

Buckets split [lo, hi] into ``n`` equal parts; a value equal to ``hi`` falls in the last
bucket, values outside [lo, hi] and NaN (undated) are not counted, so counts add up to the
number of values in range and no value is counted twice at a bucket edge.
"""

from __future__ import annotations

import numpy as np

DAY_S = 86_400.0
CHUNK = 1 << 21  # values counted at a time: temporaries of 16 MB at most, as fast as one pass


def bucket_counts(values_s: np.ndarray, lo: float, hi: float, n: int) -> np.ndarray:
    """How many of ``values_s`` fall in each of ``n`` equal buckets of [lo, hi] (int64)."""
    n = max(int(n), 1)
    values = np.asarray(values_s, dtype=np.float64)
    counts = np.zeros(n, dtype=np.int64)
    if not hi > lo:
        return counts
    scale = n / (hi - lo)
    for first in range(0, values.size, CHUNK):  # bounded temporaries at 5*10^6 values
        part = values[first : first + CHUNK]
        keep = part[(part >= lo) & (part <= hi)]
        pos = np.minimum(((keep - lo) * scale).astype(np.int64), n - 1)
        counts += np.bincount(pos, minlength=n)
    return counts


def value_range(values_s: np.ndarray) -> tuple[float, float] | None:
    """(smallest, largest) finite value, or None when there is none (no copy of the array)."""
    values = np.asarray(values_s, dtype=np.float64)
    if values.size == 0:
        return None
    lo, hi = float(np.fmin.reduce(values)), float(np.fmax.reduce(values))  # NaN skipped
    if not (np.isfinite(lo) and np.isfinite(hi)):
        finite = values[np.isfinite(values)]  # infinities: the rare slow path
        if finite.size == 0:
            return None
        lo, hi = float(finite.min()), float(finite.max())
    return lo, hi


def padded_span(*ranges: tuple[float, float] | None) -> tuple[float, float]:
    """The span covering every range, padded by 2 % each side (at least a day)."""
    known = [r for r in ranges if r is not None]
    if not known:
        return 0.0, DAY_S
    lo, hi = min(r[0] for r in known), max(r[1] for r in known)
    pad = max((hi - lo) * 0.02, DAY_S)
    return lo - pad, hi + pad


def overview_span(start_s: np.ndarray, dated: np.ndarray, extra: np.ndarray) -> tuple[float, float]:
    """The time span the strip covers: every dated event and every dated article, padded by
    2 % each side (at least a day)."""
    starts = np.asarray(start_s, dtype=np.float64)[np.asarray(dated, dtype=bool)]
    return padded_span(value_range(starts), value_range(extra))
