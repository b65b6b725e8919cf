"""Article counts and date spreads for the events on screen (pure Python, no Qt).

``DateSpreadCache`` keeps a ``DateSpread`` per event id, fetched lazily, in batches, for the
events the timeline draws as glyphs, and is cleared when the store is reopened or refreshed
(``bind_to_store_model``). ``StoreSpreadSource`` is the fetch function the window uses: its
own read-only connection to the open store file, as the curation model keeps its own.

``disagrees`` is the rule for a whisker: the articles give the event more than one distinct
dated claim. ``whisker_span_s`` is the span it covers, in epoch seconds like the timeline's
columns (UTC midnight of the earliest start to UTC midnight after the latest inclusive end).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.store import EventStore, StoreError
from desktop.store.date_spread import DateSpread, date_spreads

BATCH = 500  # ids per fetch
MAX_CACHED = 50_000  # spreads kept at most; the cache starts over beyond this

Fetch = Callable[[Sequence[int]], Mapping[int, DateSpread]]
_EPOCH = dt.date(1970, 1, 1)
_DAY_S = 86400.0


def disagrees(spread: DateSpread | None) -> bool:
    """Do the event's articles give it different dates (more than one distinct dated claim)?"""
    return spread is not None and len(spread.claims) > 1


def whisker_span_s(spread: DateSpread | None) -> tuple[float, float] | None:
    """(start, end) in epoch seconds covered by the disagreeing claims; None when they agree."""
    if not disagrees(spread) or spread is None or spread.earliest is None:
        return None
    try:
        first = dt.date.fromisoformat(spread.earliest)
        last = dt.date.fromisoformat(spread.latest or spread.earliest)
    except ValueError:
        return None
    start = (first - _EPOCH).days * _DAY_S
    end = ((last - _EPOCH).days + 1) * _DAY_S
    return start, max(end, start + _DAY_S)


class DateSpreadCache:
    """``DateSpread`` by event id, filled on demand by ``fetch`` in batches of ``batch``."""

    def __init__(self, fetch: Fetch, batch: int = BATCH) -> None:
        self._fetch = fetch
        self._batch = max(int(batch), 1)
        self._spreads: dict[int, DateSpread | None] = {}
        self.fetches = 0  # batches fetched since the cache was made (for tests and profiling)

    def __len__(self) -> int:
        return len(self._spreads)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._spreads

    def get(self, event_id: int) -> DateSpread | None:
        """The cached spread of ``event_id`` (None when not fetched or unknown); never fetches."""
        return self._spreads.get(int(event_id))

    def ensure(self, ids: Iterable[int]) -> None:
        """Fetch the spreads of the ids not cached yet. A failed fetch (store busy or gone)
        caches nothing, so a later call tries again."""
        missing = list(dict.fromkeys(int(i) for i in ids if int(i) not in self._spreads))
        if not missing:
            return
        if len(self._spreads) + len(missing) > MAX_CACHED:
            self._spreads.clear()
        for at in range(0, len(missing), self._batch):
            chunk = missing[at : at + self._batch]
            try:
                found = self._fetch(chunk)
            except StoreError:
                return
            self.fetches += 1
            for event_id in chunk:
                self._spreads[event_id] = found.get(event_id)

    def spreads(self, ids: Iterable[int]) -> list[DateSpread | None]:
        """The spreads of ``ids`` in order, fetching those not cached yet."""
        ids = [int(i) for i in ids]
        self.ensure(ids)
        return [self._spreads.get(i) for i in ids]

    def clear(self) -> None:
        """Forget every spread (the store changed)."""
        self._spreads.clear()


class StoreSpreadSource:
    """Fetches spreads from a store file through its own read-only connection, opened on
    first use and reopened when the path changes. Call ``close`` when done."""

    def __init__(self, path: Callable[[], Path | None]) -> None:
        self._path = path
        self._store: EventStore | None = None

    def __call__(self, ids: Sequence[int]) -> Mapping[int, DateSpread]:
        path = self._path()
        if path is None:
            return {}
        store = self._store
        if store is None or Path(store.path) != Path(path):
            self.close()
            store = self._store = EventStore.open(path, readonly=True)
        return date_spreads(store, ids)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        self._store = None


def bind_to_store_model(
    cache: DateSpreadCache, store_model: Any, source: StoreSpreadSource | None = None
) -> None:
    """Clear ``cache`` whenever ``store_model`` opens a store or reloads a changed one; a
    newly opened store also closes ``source``'s connection (the file may be another one)."""

    def opened(_path: str) -> None:
        cache.clear()
        if source is not None:
            source.close()

    store_model.store_opened.connect(opened)
    store_model.store_changed.connect(cache.clear)
