"""The one exception the store raises for anything the user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """A store could not be opened, read or written.

    The message is one line for the user: it names the file and says what to do.
    """
