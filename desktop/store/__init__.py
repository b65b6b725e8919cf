"""The SQLite event store: schema and migrations, atomic writes, cross-article merge, FTS5
search and columnar reads for the timeline. No Qt here."""

from desktop.store.columns import TimelineColumns
from desktop.store.errors import StoreError
from desktop.store.records import (
    AddResult,
    DocumentRecord,
    EventDetail,
    EventRecord,
    MentionRecord,
)
from desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION
from desktop.store.search_query import to_fts5
from desktop.store.store import EventStore

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "AddResult",
    "DocumentRecord",
    "EventDetail",
    "EventRecord",
    "EventStore",
    "MentionRecord",
    "StoreError",
    "TimelineColumns",
    "to_fts5",
]
