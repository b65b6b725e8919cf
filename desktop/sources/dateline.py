"""What the top of a plain-text article tells: its dateline (publication date) and headline.

Only the first lines are looked at (``MAX_LINES`` non-empty lines within ``MAX_CHARS``
characters), never the body, so a date mentioned in the story is not taken for the dateline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from desktop.sources.dates import match_date

MAX_LINES = 12
MAX_CHARS = 1500
MAX_DATELINE_CHARS = 100  # a longer line starting with a date is a sentence, not a dateline
MAX_HEADLINE_CHARS = 200

_LABEL = re.compile(
    r"(?P<label>(?:first\s+|originally\s+)?(?:published|posted|date|dated|released|issued)"
    r"|(?:last\s+)?(?:updated|modified|edited|revised)|发布(?:时间|日期|于)?|发表(?:时间|于)?"
    r"|更新(?:时间|于)?)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|：]?\s*",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,5}(?![A-Za-z]))?\s*,?\s*"
)
_UPDATED = re.compile(
    r"(?:last\s+)?(?:updated|modified|edited|revised)|更新(?:时间|于)?", re.IGNORECASE
)
_BYLINE = re.compile(r"(?:by\s+[^|·•,]{1,60}|[^|·•]{1,60})\s*[|·•]\s*", re.IGNORECASE)

PRIORITY_PUBLISHED, PRIORITY_PLAIN, PRIORITY_UPDATED = 0, 1, 2


def top_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, stripped line) for the first non-empty lines of ``text``."""
    head = text[:MAX_CHARS]
    offset = 0
    seen = 0
    for line in head.split("\n"):
        stripped = line.strip()
        if stripped:
            yield offset, stripped
            seen += 1
            if seen >= MAX_LINES:
                return
        offset += len(line) + 1


def _date_at(line: str, start: int) -> dt.date | None:
    """A date at ``start``, possibly after a time ("4:05 AM EDT, Tue March 25, 2025")."""
    found = match_date(line, start)
    if found is None:
        time = _TIME.match(line, start)
        found = match_date(line, time.end()) if time else None
    return found[0] if found else None


def _line_date(line: str) -> tuple[dt.date, int] | None:
    """(date, priority) when the line is, or starts with, a date (after an optional label)."""
    if len(line) > MAX_DATELINE_CHARS:
        return None
    label = _LABEL.match(line)
    if label:
        found = _date_at(line, label.end())
        if found:
            updated = _UPDATED.fullmatch(label["label"])
            return found, PRIORITY_UPDATED if updated else PRIORITY_PUBLISHED
    byline = _BYLINE.match(line)  # "By Jane Doe | March 25, 2025", "Reuters · 25 Mar 2025"
    for start in (0, byline.end()) if byline else (0,):
        found = _date_at(line, start)
        if found:
            return found, PRIORITY_PLAIN
    return None


def find_dateline(text: str) -> dt.date | None:
    """The publication date written near the top of an article, or None.

    "Published ..." lines win over bare date lines, which win over "Updated ..." lines; among
    equals the first line wins.
    """
    best: tuple[int, int, dt.date] | None = None
    for offset, line in top_lines(text):
        found = _line_date(line)
        if found is None:
            continue
        candidate = (found[1], offset, found[0])
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None


def guess_headline(text: str) -> str | None:
    """The first non-empty line when it reads like a headline, else None.

    A headline is short (under 200 characters), has a letter, does not end like a sentence or
    a clause (``.`` ``,`` ``;`` ``:``) and is not a dateline. A Markdown ``#`` marker is dropped.
    """
    for _offset, line in top_lines(text):
        title = line.lstrip("#").strip() if line.startswith("#") else line
        if (
            len(title) >= MAX_HEADLINE_CHARS
            or not any(c.isalpha() for c in title)
            or (title.endswith((".", ",", ";", ":")) and not title.endswith("..."))
            or _line_date(title) is not None
        ):
            return None
        return title
    return None
