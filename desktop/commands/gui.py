"""``eventline [PATH.db] [--view FILE.png]``: the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.errors import CommandError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", nargs="?", type=Path, metavar="PATH.db", help="a store to open")
    parser.add_argument(
        "--view", type=Path, metavar="FILE", help="restore the view recorded in an exported image"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.view is not None and not args.view.is_file():
        raise CommandError(f"no such file: {args.view}")
    from desktop.memory import lean_pyside_imports

    lean_pyside_imports()  # before the window's modules: their source is not kept in memory
    from desktop.app import run_gui

    return run_gui(args.db, args.view)
