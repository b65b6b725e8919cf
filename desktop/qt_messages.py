"""Qt's own log messages: drop the known-harmless ones, pass the rest on."""

from __future__ import annotations

import sys

HARMLESS = ("This plugin does not support propagateSizeHints()",)


def install_message_filter() -> None:
    """Filter Qt messages; others go to the previously installed handler, else stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:
        if any(message.startswith(text) for text in HARMLESS):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
