"""The Document value: an article's stored text and what is known about it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


class SourceError(Exception):
    """An article could not be read; the message is one line meant for the user."""


@dataclass(frozen=True)
class Document:
    text: str  # the stored text: evidence strings are exact substrings, offsets index into it
    file_name: str  # base name, the exchange format's ``doc``
    source: str = ""  # path or URL
    title: str | None = None
    published: dt.date | None = None
    published_from: str = "none"  # front_matter | dateline | meta | user | none
    warnings: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
