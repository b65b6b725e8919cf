"""The timeline's columns: numpy arrays read from the store in one pass, sorted by time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from desktop.extract.types import ANCHORS, KINDS, PRECISIONS, STATUSES

_UNIX_EPOCH_JD = 2440587.5  # julianday('1970-01-01')

_SQL = f"""
SELECT e.id,
       (julianday(e.start) - {_UNIX_EPOCH_JD}) * 86400.0,
       (julianday(e."end", '+1 day') - {_UNIX_EPOCH_JD}) * 86400.0,
       e.actor, e.kind, e.status, e.precision,
       (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id), e.anchor
FROM events e
ORDER BY e.start IS NULL, e.start, e.key
"""

_LANES_SQL = "SELECT actor FROM events GROUP BY actor ORDER BY COUNT(*) DESC, MIN(id)"


@dataclass(frozen=True, eq=False)
class TimelineColumns:
    """One entry per event, sorted by (start, undated last; key).

    ``start_s`` is epoch seconds at UTC midnight of the start date, ``end_s`` at UTC midnight of
    the day after the (inclusive) end date; both NaN when undated. ``lane`` indexes ``lanes``
    (actors by event count, then first appearance); ``kind``/``status``/``precision``/``anchor``
    index KINDS/STATUSES/PRECISIONS/ANCHORS (-1 for a value this version does not know).
    """

    start_s: np.ndarray  # float64
    end_s: np.ndarray  # float64
    lane: np.ndarray  # int32
    kind: np.ndarray  # int8
    status: np.ndarray  # int8
    precision: np.ndarray  # int8
    id: np.ndarray  # int64
    n_mentions: np.ndarray  # int32
    lanes: list[str]
    anchor: np.ndarray | None = None  # int8 index into ANCHORS; "publication" = on or before

    def __len__(self) -> int:
        return int(self.id.shape[0])


def _codes(values: tuple, names: tuple[str, ...], dtype: type) -> np.ndarray:
    index = {name: i for i, name in enumerate(names)}
    return np.fromiter((index.get(v, -1) for v in values), dtype=dtype, count=len(values))


def read_columns(conn: sqlite3.Connection) -> TimelineColumns:
    rows = conn.execute(_SQL).fetchall()
    lanes = [actor for (actor,) in conn.execute(_LANES_SQL)]
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * 9
    return TimelineColumns(
        start_s=np.array(cols[1], dtype=np.float64).reshape(n),
        end_s=np.array(cols[2], dtype=np.float64).reshape(n),
        lane=_codes(cols[3], tuple(lanes), np.int32),
        kind=_codes(cols[4], KINDS, np.int8),
        status=_codes(cols[5], STATUSES, np.int8),
        precision=_codes(cols[6], PRECISIONS, np.int8),
        id=np.array(cols[0], dtype=np.int64).reshape(n),
        n_mentions=np.array(cols[7], dtype=np.int32).reshape(n),
        lanes=lanes,
        anchor=_codes(cols[8], ANCHORS, np.int8),
    )
