"""``eventline ingest FILE... --db PATH [--published YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "ingest"
HELP = "Read articles, extract their events and add them to a store (idempotent)."


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.commands import add_published_option

    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="articles or folders")
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    add_published_option(parser, overrides=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.ingest import ingest_files
    from desktop.store import StoreError

    def report(outcome) -> None:
        print(outcome.line(), file=sys.stderr, flush=True)

    try:
        outcomes = ingest_files(args.db, args.files, args.published, on_file=report)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    counts = {s: sum(o.status == s for o in outcomes) for s in ("added", "skipped", "rejected")}
    print(
        f"{counts['added']} added, {counts['skipped']} skipped, {counts['rejected']} rejected",
        file=sys.stderr,
    )
    return 1 if counts["rejected"] else 0
