"""``eventline events --db PATH [--query Q] [--format jsonl|csv|timelinejs|ics]``: dump events.

JSONL and CSV give one record per event-mention (the exchange format); TimelineJS one slide
per dated event; iCalendar one VEVENT per dated planned event. Events hidden as "not an event"
are left out unless ``--include-hidden``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "events"
HELP = "Print the events of a store (JSONL/CSV records, TimelineJS JSON or iCalendar)."
FORMATS = ("jsonl", "csv", "timelinejs", "ics")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    parser.add_argument("--query", metavar="Q", help="search, as in the app's search box")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    parser.add_argument(
        "--include-hidden", action="store_true", help="also events hidden as not-an-event"
    )
    parser.set_defaults(run=run)


def select_ids(store, query: str | None, include_hidden: bool) -> list[int] | None:
    """The ids to export (None: every event)."""
    hidden = set() if include_hidden else set(store.hidden_ids())
    if not query and not hidden:
        return None
    ids = store.search(query or "")
    return [i for i in ids if i not in hidden]


def write_events(store, ids: list[int] | None, fmt: str, out) -> int:
    """Write the events ``ids`` of ``store`` to ``out`` in ``fmt``; returns how many."""
    from desktop.export.exchange import write_csv, write_jsonl

    records = store.exchange_records(ids)
    if fmt in ("jsonl", "csv"):
        return (write_csv if fmt == "csv" else write_jsonl)(records, out)
    events = store.list_events(ids)
    if fmt == "ics":
        from desktop.export.ics import to_ics

        text = to_ics(events, records)
        out.write(text)
        return text.count("BEGIN:VEVENT")
    from desktop.export.timelinejs import to_timelinejs

    doc = to_timelinejs(events, records, title=Path(str(store.path)).stem)
    out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return len(doc["events"])


def run(args: argparse.Namespace) -> int:
    from desktop.store import EventStore, StoreError

    try:
        with EventStore.open(args.db, readonly=True) as store:
            ids = select_ids(store, args.query, args.include_hidden)
            if args.format == "ics":  # CRLF line ends must reach the file untranslated
                sys.stdout.reconfigure(newline="")
            write_events(store, ids, args.format, sys.stdout)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    return 0
