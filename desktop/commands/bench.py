"""``eventline bench --db PATH``: a scripted, measured session on a store (offscreen)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "bench"
HELP = (
    "Open a store as the app does, drive a scripted session offscreen (zoom, pan, search, "
    "select) and print the timings; the last line is a JSON summary."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.bench import json_line, run_bench
    from desktop.store import EventStore, StoreError

    try:
        EventStore.open(args.db, readonly=True).close()  # a clear error before any timing
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        summary = run_bench(args.db, lambda line: print(line, flush=True))
    except RuntimeError as exc:
        raise CommandError(str(exc)) from None
    print(json_line(summary), flush=True)
    return 0
