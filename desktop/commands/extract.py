"""``eventline extract FILE... [--published YYYY-MM-DD]``: events as JSON lines, no store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "extract"
HELP = "Extract events from articles and print them as JSON lines (no store)."


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.commands import add_published_option

    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="articles or folders")
    add_published_option(parser, overrides=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.exchange import extract_records
    from desktop.export.exchange import write_jsonl
    from desktop.ingest import expand_paths, read_with_date
    from desktop.sources.document import SourceError

    docs, failed = [], 0
    for path in expand_paths(args.files):
        try:
            docs.append(read_with_date(path, args.published, override=True))
        except SourceError as exc:
            print(f"rejected {path.name}: {exc}", file=sys.stderr)
            failed += 1
    if not docs and failed:
        raise CommandError("no article could be read")
    write_jsonl(extract_records(docs), sys.stdout)
    return 1 if failed else 0
