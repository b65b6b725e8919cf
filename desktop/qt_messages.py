"""Qt's own log messages: drop the known-harmless ones, pass the rest on."""

from __future__ import annotations

import sys

HARMLESS = (
    # the offscreen platform plugin has no window manager to tell
    "This plugin does not support propagateSizeHints()",
    # the Fusion style paints some frames with gradients between palette colours of
    # different colour specs; the PDF engine then falls back to a solid fill (same look)
    "QPdfEngine: unable to create a gradient between colors of different spec",
)


def is_harmless(message: str) -> bool:
    """True for the Qt messages known to be noise (see ``HARMLESS``)."""
    return message.startswith(HARMLESS)


def install_message_filter() -> None:
    """Filter Qt messages; others go to the previously installed handler, else stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:
        if is_harmless(message):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
