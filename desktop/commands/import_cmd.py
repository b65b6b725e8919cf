"""``eventline import FILE --db PATH [--format jsonl|csv|timelinejs] [--dry-run]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "import"
HELP = "Import events (JSONL, CSV or TimelineJS JSON) into a store as user events."


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.interchange.readers import FORMATS

    parser.add_argument("file", type=Path, metavar="FILE", help="the events file")
    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    parser.add_argument(
        "--format", choices=FORMATS, help="default: from the suffix (.csv, .json, else jsonl)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would be imported; write nothing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.interchange.importer import import_file
    from desktop.interchange.readers import ImportFormatError
    from desktop.store import StoreError

    try:
        summary = import_file(args.db, args.file, args.format, dry_run=args.dry_run)
    except (StoreError, ImportFormatError) as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot be read ({exc.strerror or exc})") from None
    prefix = "dry run, nothing written: " if args.dry_run else "imported "
    print(prefix + summary.line(), file=sys.stderr)
    return 0
