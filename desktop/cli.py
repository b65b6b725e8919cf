"""The ``eventline`` command: parses arguments and hands over to the library.

Records go to stdout, everything else to stderr. Exit 0 on success, 1 on error (one line on
stderr, no traceback), 2 on a usage error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop.commands import SUBCOMMANDS, CommandError, build_parser, gui_parser


def _configure_streams() -> None:
    """UTF-8 output whatever the locale (a frozen bundle may run with no LANG at all)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_subcommand = bool(args_list) and args_list[0] in SUBCOMMANDS
    parser = build_parser() if wants_subcommand else gui_parser()
    args = parser.parse_args(args_list)  # exits 2 on a usage error
    try:
        return int(args.run(args) or 0)
    except CommandError as exc:
        print(f"eventline: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: silence the flush at interpreter exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def run() -> None:
    """Entry point for the console script and the frozen bundle."""
    sys.exit(main())


if __name__ == "__main__":
    run()
