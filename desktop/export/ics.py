"""Planned events → iCalendar (RFC 5545): one all-day VEVENT per dated planned event.

An event's interval becomes DTSTART/DTEND as dates (DTEND is exclusive, so the day after the
last one); a plan known only to the month or season spans that month or season, marked
STATUS:TENTATIVE. Text values are escaped (backslash, semicolon, comma, newline) and lines
folded at 75 octets without splitting a UTF-8 character, with CRLF line ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from desktop.viewmodel.details import format_interval

PRODID = "-//Eventline//Eventline events//EN"


def escape_text(value: str) -> str:
    out = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded to at most 75 octets per physical line."""
    out, current, size = [], "", 0
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def _day(value: str) -> str:
    return dt.date.fromisoformat(value).strftime("%Y%m%d")


def vevent(event: Any, stamp: dt.datetime, evidence: Iterable[str] = ()) -> list[str]:
    end = dt.date.fromisoformat(event.end or event.start) + dt.timedelta(days=1)
    when = format_interval(event.start, event.end, event.precision)
    description = "\n".join(
        [f"Planned, {when}" + (f" ({event.precision})" if event.precision != "day" else "")]
        + ([event.summary] if event.summary else [])
        + [f"“{e}”" for e in evidence]
    )
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.key)}@eventline",
        f"DTSTAMP:{stamp.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{_day(event.start)}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.title or event.subject or event.key)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"CATEGORIES:{escape_text(event.kind.replace('_', ' '))},{escape_text(event.actor)}",
        "STATUS:TENTATIVE",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def to_ics(
    events: Iterable[Any], records: Iterable[dict] = (), stamp: dt.datetime | None = None
) -> str:
    """The calendar of the planned, dated ``events`` (EventRecord-like)."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    quotes: dict[str, list[str]] = {}
    for r in records:
        quotes.setdefault(r.get("event_key", ""), []).append(r["evidence"])
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for event in events:
        if event.status == "planned" and event.start and event.precision != "unknown":
            lines += vevent(event, stamp, quotes.get(event.key, ()))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
