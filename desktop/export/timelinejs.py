"""Events → TimelineJS JSON (timeline.knightlab.com/docs/json-format.html), for publishing.

One slide per dated event: ``start_date``/``end_date`` date objects (year, month, day as far
as the precision goes), ``text`` {headline, text}, ``group`` (the actor: one row per actor),
``display_date`` (the date at its precision) and ``unique_id`` (the event key). TimelineJS
renders headline and text as HTML, so every value from an article is HTML-escaped. Undated
events cannot be placed on a TimelineJS timeline and are left out (counted by the caller).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.viewmodel.details import format_event_date

SLIDE_FIELDS = ("start_date", "end_date", "text", "group", "display_date", "unique_id")
DATE_FIELDS = ("year", "month", "day")


def _date(value: str, precision: str) -> dict[str, int]:
    day = dt.date.fromisoformat(value)
    out = {"year": day.year}
    if precision != "year":
        out["month"] = day.month
    if precision == "day":
        out["day"] = day.day
    return out


def _body(event: Any, passages: Sequence[tuple[str, str]]) -> str:
    parts = []
    if event.summary:
        parts.append(f"<p>{html.escape(event.summary)}</p>")
    for doc, evidence in passages:
        parts.append(f"<blockquote>{html.escape(evidence)}</blockquote><p>— {html.escape(doc)}</p>")
    return "".join(parts)


def slide(event: Any, passages: Sequence[tuple[str, str]] = ()) -> dict[str, Any] | None:
    """The slide of one event record (None when undated); ``passages`` = (doc, evidence)."""
    if not event.start or event.precision == "unknown":
        return None
    out: dict[str, Any] = {"start_date": _date(event.start, event.precision)}
    end = event.end or event.start
    if end != event.start:
        end_date = _date(end, "day" if event.precision == "day" else "month")
        if event.precision == "year":
            end_date = _date(end, "year")
        if end_date != out["start_date"]:
            out["end_date"] = end_date
    out["text"] = {"headline": html.escape(event.title or event.subject or event.key),
                   "text": _body(event, passages)}  # fmt: skip
    out["group"] = html.escape(event.actor)
    out["display_date"] = html.escape(
        format_event_date(event.start, event.end, event.precision, event.status)
    )
    out["unique_id"] = event.key
    return out


def to_timelinejs(
    events: Iterable[Any], records: Iterable[dict] = (), title: str = "Eventline"
) -> dict[str, Any]:
    """A TimelineJS document for ``events`` (EventRecord-like), quoting the evidence of the
    exchange ``records`` (matched by event_key)."""
    passages: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        passages.setdefault(r.get("event_key", ""), []).append((r["doc"], r["evidence"]))
    slides = [s for e in events if (s := slide(e, passages.get(e.key, ()))) is not None]
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}},
        "events": slides,
    }


def validate(doc: Any) -> list[str]:
    """Problems with a TimelineJS document, checked against the documented fields."""
    problems: list[str] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        return ["no 'events' list"]
    for n, s in enumerate(doc["events"]):
        if not isinstance(s, dict):
            problems.append(f"slide {n}: not an object")
            continue
        extra = set(s) - set(SLIDE_FIELDS) - {"media", "background", "autolink"}
        if extra:
            problems.append(f"slide {n}: undocumented field(s) {sorted(extra)}")
        for name in ("start_date", "end_date"):
            if name in s:
                problems += [f"slide {n}: {name} {p}" for p in _date_problems(s[name])]
        if "start_date" not in s:
            problems.append(f"slide {n}: no start_date")
        text = s.get("text", {})
        if not isinstance(text, dict) or set(text) - {"headline", "text"}:
            problems.append(f"slide {n}: text must be {{headline, text}}")
    return problems


def _date_problems(value: Any) -> list[str]:
    if not isinstance(value, dict) or "year" not in value:
        return ["needs a year"]
    if set(value) - set(DATE_FIELDS) - {"hour", "minute", "second", "millisecond"}:
        return ["has undocumented fields"]
    try:
        dt.date(value["year"], value.get("month", 1), value.get("day", 1))
    except (TypeError, ValueError):
        return ["is not a calendar date"]
    return []
