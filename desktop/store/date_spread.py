"""How many articles back each event, and where their dates disagree (no Qt).

An event row holds the reconciled date; each of its mentions keeps one article's own claim
(start, end, precision, anchor). For a batch of event ids, one parameterised query per chunk
of ``CHUNK`` ids reads those claims, and ``collect_spread`` folds them into a ``DateSpread``:
the distinct articles backing the event, and the distinct dated claims with the articles that
make them. An undated mention, or one dated only by its article's publication ("no date in
the text: reported by …", an upper bound rather than a claim), backs the event but takes no
part in the spread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from desktop.store.errors import StoreError

CHUNK = 900  # ids per IN (...) list, under SQLite's default limit of 999 variables

_DATE = "CASE WHEN date({c}) IS {c} THEN {c} END"  # NULL unless a YYYY-MM-DD date
_SQL = f"""
SELECT m.event_id, m.document_id, {_DATE.format(c="m.date_start")},
       {_DATE.format(c="m.date_end")}, CAST(m.precision AS TEXT), CAST(m.anchor AS TEXT),
       COALESCE(NULLIF(CAST(d.title AS TEXT), ''), CAST(d.file_name AS TEXT), m.document_id)
FROM mentions m JOIN documents d ON d.id = m.document_id
WHERE m.event_id IN ({{marks}})
ORDER BY m.event_id, d.file_name, m.document_id, m.start, m.id
"""


@dataclass(frozen=True)
class DateClaim:
    """One distinct date (start, precision) given to an event, and the articles giving it;
    ``end`` is the latest of theirs (a month named in an article published within it ends
    on the publication date, the same month named later ends on its last day)."""

    start: str  # ISO date
    end: str  # ISO date, inclusive
    precision: str
    document_ids: tuple[str, ...]
    titles: tuple[str, ...]  # the articles' titles (file name when untitled), same order


@dataclass(frozen=True)
class DateSpread:
    """The articles behind one event and the spread of their dated claims."""

    event_id: int
    n_articles: int  # distinct documents with a mention of the event
    earliest: str | None  # earliest start of a dated claim (None: no dated claim)
    latest: str | None  # latest (inclusive) end of a dated claim
    claims: tuple[DateClaim, ...]  # distinct (start, precision), earliest first

    @property
    def n_dated_articles(self) -> int:
        """Distinct articles that give the event a date of their own."""
        return len({d for claim in self.claims for d in claim.document_ids})


# (document id, start, end, precision, anchor, title): one mention's claim
ClaimRow = tuple[str, str | None, str | None, str, str, str]


def collect_spread(event_id: int, rows: Iterable[ClaimRow]) -> DateSpread:
    """Fold one event's mention claims into its ``DateSpread`` (pure; also used for the
    details pane, from the mentions it already holds)."""
    documents: dict[str, None] = {}
    claims: dict[tuple[str, str], dict[str, str]] = {}  # (start, precision) -> doc -> title
    ends: dict[tuple[str, str], str] = {}
    for document_id, start, end, precision, anchor, title in rows:
        documents[document_id] = None
        if start is None or precision in ("", "unknown") or anchor == "publication":
            continue
        key = (start, precision)
        claims.setdefault(key, {}).setdefault(document_id, title)
        # "this month" in an article of 28 March ends there, "March" on the 31st: one claim
        ends[key] = max(ends.get(key, start), end if end is not None else start)
    made = tuple(
        DateClaim(s, ends[(s, p)], p, tuple(docs), tuple(docs.values()))
        for (s, p), docs in sorted(claims.items(), key=lambda c: (c[0][0], ends[c[0]], c[0][1]))
    )
    return DateSpread(
        event_id=int(event_id),
        n_articles=len(documents),
        earliest=made[0].start if made else None,
        latest=max(c.end for c in made) if made else None,
        claims=made,
    )


def read_date_spreads(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, DateSpread]:
    """``DateSpread`` by event id for every id of ``ids`` (no mention, or no such event: an
    empty spread, 0 articles). One query per ``CHUNK`` ids."""
    unique = sorted({int(i) for i in ids})
    rows: dict[int, list[ClaimRow]] = {}
    for at in range(0, len(unique), CHUNK):
        chunk = unique[at : at + CHUNK]
        sql = _SQL.format(marks=",".join("?" * len(chunk)))
        for event_id, *claim in conn.execute(sql, chunk):
            rows.setdefault(int(event_id), []).append(tuple(claim))  # type: ignore[arg-type]
    return {i: collect_spread(i, rows.get(i, ())) for i in unique}


class _HasConnection(Protocol):
    @property
    def conn(self) -> sqlite3.Connection: ...


def date_spreads(store: _HasConnection, ids: Sequence[int]) -> dict[int, DateSpread]:
    """``read_date_spreads`` on an open ``EventStore``; SQLite errors become ``StoreError``."""
    try:
        return read_date_spreads(store.conn, ids)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the events' dates ({exc})") from exc
