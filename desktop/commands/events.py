"""``eventline events --db PATH [--query Q] [--format jsonl|csv|timelinejs|ics]``: dump events.

JSONL and CSV give one record per event-mention (the exchange format); TimelineJS one slide
per dated event; iCalendar one VEVENT per dated planned event. Events hidden as "not an event"
are left out unless ``--include-hidden``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.interchange.exporter import write_events

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
