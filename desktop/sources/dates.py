"""Calendar dates written in article metadata and datelines (English month names).

Only unambiguous forms give a date: ``March 25, 2025``, ``Mar. 25 2025``, ``25 March 2025``,
``Tuesday, 25 Mar 2025``, ``2025-03-25`` (also with ``/`` or ``.``), ``2025年3月25日``, and
day/month/year numbers when the day is over 12 (``25/03/2025``, ``03/25/2025``) or day and
month are equal. A time or time zone after the date is ignored: the date is taken as written.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?"
)
_FORMS = (
    re.compile(_WEEKDAY + _MONTH + r"\s*" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(
        _WEEKDAY + r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)",
        re.IGNORECASE,
    ),
)
_CJK = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]")
_NUMERIC = re.compile(
    _WEEKDAY + r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)" + _YEAR, re.IGNORECASE
)
_COMPACT_ISO = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T|\Z)")

_MIN_YEAR, _MAX_YEAR = 1900, 2199


def _make(year: str, month: str | int, day: str | int) -> dt.date | None:
    if isinstance(month, str) and not month.isdigit():
        month = _MONTHS[month[:3].lower()]
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if _MIN_YEAR <= value.year <= _MAX_YEAR else None


def _numeric(match: re.Match[str]) -> dt.date | None:
    a, b = int(match["a"]), int(match["b"])
    if a > 12 and b <= 12:
        return _make(match["year"], b, a)  # day/month/year
    if b > 12 and a <= 12:
        return _make(match["year"], a, b)  # month/day/year
    if a == b:
        return _make(match["year"], a, b)
    return None  # both could be the month: ambiguous


def match_date(text: str, start: int = 0) -> tuple[dt.date, int] | None:
    """A date written at ``text[start:]`` (at that very position) and the offset after it."""
    for form in _FORMS:
        match = form.match(text, start)
        if match:
            value = _make(match["year"], match["month"], match["day"])
            return (value, match.end()) if value else None
    match = _CJK.match(text, start)
    if match:
        value = _make(match["year"], match["month"], match["day"])
        return (value, match.end()) if value else None
    match = _NUMERIC.match(text, start)
    if match:
        value = _numeric(match)
        return (value, match.end()) if value else None
    return None


def parse_iso_date(value: str) -> dt.date | None:
    """``YYYY-MM-DD``, optionally followed by a time (``T...`` or a space), else None."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]|\s*\Z)", value)
    return _make(*match.groups()) if match else None


def parse_date_value(value: str) -> dt.date | None:
    """A date from a metadata value: ISO 8601 (with or without a time), or a written date."""
    value = value.strip()
    found = parse_iso_date(value)
    if found:
        return found
    compact = _COMPACT_ISO.match(value)
    if compact:
        return _make(compact["year"], compact["month"], compact["day"])
    written = match_date(value)
    return written[0] if written else None
