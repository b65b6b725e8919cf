"""``eventline eval --gold GOLD.jsonl DIR [--published YYYY-MM-DD]``: score the extractor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "eval"
HELP = "Score the extractor on the articles in DIR against gold events (JSON lines)."


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.commands import add_published_option

    parser.add_argument("--gold", required=True, type=Path, metavar="GOLD.jsonl")
    parser.add_argument("dir", type=Path, metavar="DIR", help="folder of articles")
    add_published_option(parser, overrides=False)
    parser.set_defaults(run=run)


def read_gold(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read gold file {path}: {exc}") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path}:{number}: not JSON ({exc.msg})") from None
    return rows


def run(args: argparse.Namespace) -> int:
    from desktop.exchange import extract_records
    from desktop.extract.evaluate import evaluate, format_report
    from desktop.ingest import expand_paths, read_with_date
    from desktop.sources.document import SourceError

    if not args.dir.is_dir():
        raise CommandError(f"not a folder: {args.dir}")
    gold = read_gold(args.gold)
    docs = []
    for path in expand_paths([args.dir]):
        try:
            docs.append(read_with_date(path, args.published, override=False))
        except SourceError as exc:
            print(f"rejected {path.name}: {exc}", file=sys.stderr)
    if not docs:
        raise CommandError(f"no readable article in {args.dir}")
    predicted = extract_records(docs)
    texts = {d.file_name: d.text for d in docs}
    print(format_report(evaluate(gold, predicted, texts)))
    return 0
