"""``eventline screenshot --db PATH --out FILE.(png|svg|pdf) ...``: headless render."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError

NAME = "screenshot"
HELP = "Render the window headless, with a search, range and selection applied."
SUFFIXES = (".png", ".svg", ".pdf")


def configure(parser: argparse.ArgumentParser) -> None:
    from desktop.commands import parse_partial_date, parse_size

    parser.add_argument("--db", required=True, type=Path, metavar="PATH", help="the store")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help=".png/.svg/.pdf")
    parser.add_argument("--query", metavar="Q", help="search, as in the app's search box")
    parser.add_argument("--from", dest="date_from", type=parse_partial_date, metavar="D")
    parser.add_argument("--to", dest="date_to", type=parse_partial_date, metavar="D")
    parser.add_argument("--select", metavar="KEY", help="an event_key as printed by `events`")
    parser.add_argument("--size", type=parse_size, default=(1400, 900), metavar="WxH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in SUFFIXES:
        raise CommandError(f"--out must end in .png, .svg or .pdf: {args.out}")
    from desktop.screenshot import render_screenshot
    from desktop.store import StoreError

    try:
        render_screenshot(
            args.db,
            args.out,
            query=args.query,
            date_from=args.date_from,
            date_to=args.date_to,
            select_key=args.select,
            size=args.size,
        )
    except (StoreError, ValueError, LookupError, OSError) as exc:
        raise CommandError(str(exc)) from None
    return 0
