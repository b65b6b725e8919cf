"""One module per ``eventline`` subcommand; this module builds the parsers."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from desktop.commands.errors import CommandError

SUBCOMMANDS = ("ingest", "extract", "events", "eval", "screenshot", "synth", "bench", "import")


def parse_date_arg(value: str) -> dt.date:
    """argparse type for ``--published YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def add_published_option(parser: argparse.ArgumentParser, *, overrides: bool) -> None:
    """``--published YYYY-MM-DD``: overrides the articles' own dates, or fills missing ones."""
    meaning = "overrides their own" if overrides else "for articles that have none of their own"
    parser.add_argument(
        "--published",
        type=parse_date_arg,
        metavar="YYYY-MM-DD",
        help=f"publication date for these articles ({meaning})",
    )


def parse_partial_date(value: str) -> str:
    """argparse type for ``--from/--to D``: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise argparse.ArgumentTypeError(f"not a date (YYYY[-MM[-DD]]): {value!r}")
    return value


def parse_size(value: str) -> tuple[int, int]:
    """argparse type for ``--size WxH``."""
    match = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", value)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size (WxH, e.g. 1400x900): {value!r}")
    return int(match.group(1)), int(match.group(2))


def gui_parser() -> argparse.ArgumentParser:
    from desktop.commands import gui

    parser = argparse.ArgumentParser(
        prog="eventline",
        description="Eventline: a zoomable timeline of the events reported in news articles. "
        "Subcommands: " + ", ".join(SUBCOMMANDS) + " (eventline SUBCOMMAND --help).",
    )
    gui.configure(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    from desktop.commands import (
        bench,
        eval_cmd,
        events,
        extract,
        import_cmd,
        ingest,
        screenshot,
        synth,
    )

    parser = argparse.ArgumentParser(prog="eventline")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (ingest, extract, events, eval_cmd, screenshot, synth, bench, import_cmd):
        module.configure(sub.add_parser(module.NAME, help=module.HELP, description=module.HELP))
    return parser


__all__ = ["SUBCOMMANDS", "CommandError", "build_parser", "gui_parser"]
