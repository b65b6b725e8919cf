"""``eventline synth --events N --db PATH``: a synthetic store for scale tests."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "synth"
HELP = "Create a realistic synthetic store of N events (for scale tests and `eventline bench`)."
MAX_EVENTS = 50_000_000


def _count(value: str) -> int:
    try:
        n = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= n <= MAX_EVENTS:
        raise argparse.ArgumentTypeError(f"--events must be between 1 and {MAX_EVENTS}")
    return n


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", required=True, type=_count, metavar="N", help="how many")
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="a new store")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop import synth
    from desktop.store import EventStore, StoreError

    started = time.perf_counter()
    try:
        with EventStore.create_or_open(args.db) as store:
            if store.count_events():
                raise CommandError(f"{args.db}: already holds events; synth needs a new store")
            count = store.bulk_load(synth.generate(args.events, seed=args.seed))
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    elapsed = time.perf_counter() - started
    print(f"synth: {count} events in {args.db} ({elapsed:.1f} s)", file=sys.stderr)
    return 0
