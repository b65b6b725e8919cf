"""``eventline events --db PATH [--query Q] [--format jsonl|csv]``: dump a store's events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "events"
HELP = "Print the events of a store (one record per event-mention), optionally filtered."
FORMATS = ("jsonl", "csv")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    parser.add_argument("--query", metavar="Q", help="search, as in the app's search box")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.export.exchange import write_csv, write_jsonl
    from desktop.store import EventStore, StoreError

    try:
        with EventStore.open(args.db, readonly=True) as store:
            ids = store.search(args.query) if args.query else None
            records = store.exchange_records(ids)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    writer = write_csv if args.format == "csv" else write_jsonl
    writer(records, sys.stdout)
    return 0
