"""Plain data for the details pane: dates written at their precision, resolution chains.

Pure functions, no Qt: the details pane shows these strings as plain text. Inputs are the
store's records (``EventDetail``, ``EventRecord``, ``MentionRecord``, ``DocumentRecord``) read by
attribute, so anything with the same attributes works.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from desktop.store.date_spread import DateSpread, collect_spread

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {
    12: "winter", 1: "winter", 2: "winter",
    3: "spring", 4: "spring", 5: "spring",
    6: "summer", 7: "summer", 8: "summer",
    9: "autumn", 10: "autumn", 11: "autumn",
}  # fmt: skip


def parse_iso(value: str | dt.date | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) as a date (first day); None if it is not one."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(text) == 4:
            return dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def format_day(day: dt.date) -> str:
    """``16 Mar 2025``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_interval(start: str | dt.date | None, end: str | dt.date | None, precision: str) -> str:
    """A date written with its precision: "16 Mar 2025", "Mar 2025", "Q3 2025", "summer 2025",
    "H2 2025", "2025"; "undated" when unresolved."""
    first = parse_iso(start)
    last = parse_iso(end) or first
    if first is None or precision == "unknown":
        return "undated"
    if precision == "day":
        return _format_day_run(first, last or first)
    if precision == "month":
        text = f"{_MONTHS[first.month - 1]} {first.year}"
        if last and (last.year, last.month) != (first.year, first.month):
            text += f" – {_MONTHS[last.month - 1]} {last.year}"
        return text
    if precision == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    if precision == "season":
        return f"{_SEASONS[first.month]} {first.year}"
    if precision == "half":
        return f"H{1 if first.month <= 6 else 2} {first.year}"
    if precision == "year":
        if last and last.year != first.year:
            return f"{first.year}–{last.year}"
        return str(first.year)
    return first.isoformat()


def _format_day_run(first: dt.date, last: dt.date) -> str:
    if last <= first:
        return format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {_MONTHS[first.month - 1]} {first.year}"
    return f"{format_day(first)} – {format_day(last)}"


def format_event_date(
    start: str | dt.date | None, end: str | dt.date | None, precision: str, status: str
) -> str:
    """The date line of the details pane: the interval, plus "(planned)" for plans."""
    text = format_interval(start, end, precision)
    if status == "planned":
        text += " (planned)"
    return text


def resolution_sentence(mention: Any, document: Any | None) -> str:
    """How one article's date was resolved, in words.

    "'last month' in an article of 25 Mar 2025 → Feb 2025";
    "no date in the text: reported by 25 Mar 2025".
    """
    published = parse_iso(getattr(document, "published", None)) if document else None
    resolved = format_interval(
        getattr(mention, "date_start", None),
        getattr(mention, "date_end", None),
        getattr(mention, "precision", "unknown") or "unknown",
    )
    expression = time_expression_text(mention, document)
    anchor = getattr(mention, "anchor", "") or ""
    if not expression and anchor != "publication" and resolved != "undated":
        stored = " ".join((getattr(mention, "resolution", "") or "").split())
        return stored.replace(" -> ", " → ") if stored else f"→ {resolved}"
    if anchor == "publication" or not expression:
        if published is None:
            return "no date in the text and no publication date: undated"
        return f"no date in the text: reported by {format_day(published)}"
    if resolved == "undated":
        if published is None:
            return f"'{expression}' in an article with no publication date: unresolved"
        return f"'{expression}' could not be resolved"
    if published is None or (anchor == "explicit" and _names_a_year(expression)):
        return f"'{expression}' → {resolved}"
    return f"'{expression}' in an article of {format_day(published)} → {resolved}"


def _names_a_year(expression: str) -> bool:
    return any(
        token.isdigit() and len(token) == 4 for token in expression.replace(",", " ").split()
    )


def time_expression_text(mention: Any, document: Any | None) -> str:
    """The time expression of a mention as written in its article ("" if none)."""
    start = getattr(mention, "time_start", None)
    end = getattr(mention, "time_end", None)
    text = getattr(document, "text", None) if document is not None else None
    if start is None or end is None or text is None or not 0 <= start < end <= len(text):
        return ""
    return " ".join(text[start:end].split())


@dataclass(frozen=True)
class SourceRef:
    """One article reporting the selected event."""

    document_id: str
    mention_id: int
    label: str  # "file.txt — Title (25 Mar 2025)"


@dataclass(frozen=True)
class DetailsData:
    """Everything the details pane shows, as plain strings."""

    event_id: int
    key: str
    title: str
    date_text: str
    resolutions: tuple[str, ...]
    status: str
    kind: str
    actor: str
    subject: str
    summary: str
    sources: tuple[SourceRef, ...]
    hidden: bool = False  # a person marked it "not an event"
    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""
    edits: tuple[str, ...] = ()  # "title 'a' → 'b' — alice, 23 Nov 2026 13:40 UTC", oldest first
    n_articles: int = 0  # distinct articles reporting the event
    date_spread: str = ""  # "Dates differ across 2 articles: …" ("" when they agree)


def build_details(detail: Any) -> DetailsData:
    """Details for an ``EventDetail`` (event + mentions + documents)."""
    event = detail.event
    documents = getattr(detail, "documents", {}) or {}
    resolutions: list[str] = []
    sources: list[SourceRef] = []
    for mention in detail.mentions:
        document = documents.get(mention.document_id)
        sentence = resolution_sentence(mention, document)
        if len(detail.mentions) > 1:
            sentence = f"{_file_name(mention, document)}: {sentence}"
        resolutions.append(sentence)
        sources.append(SourceRef(mention.document_id, mention.id, _source_label(mention, document)))
    return DetailsData(
        event_id=event.id,
        key=event.key or "",
        title=event.title or "",
        date_text=format_event_date(event.start, event.end, event.precision, event.status),
        resolutions=tuple(resolutions),
        status=event.status or "",
        kind=(event.kind or "").replace("_", " "),
        actor=event.actor or "",
        subject=event.subject or "",
        summary=event.summary or "",
        sources=tuple(sources),
        n_articles=len({m.document_id for m in detail.mentions}),
        date_spread=date_spread_line(_spread_of(event.id, detail.mentions, documents)),
    )


def _spread_of(event_id: int, mentions: Any, documents: Any) -> DateSpread:
    rows = []
    for m in mentions:
        document = documents.get(m.document_id)
        title = (getattr(document, "title", None) if document is not None else None) or ""
        rows.append(
            (
                m.document_id,
                getattr(m, "date_start", None),
                getattr(m, "date_end", None),
                getattr(m, "precision", "unknown") or "unknown",
                getattr(m, "anchor", "") or "",
                title or _file_name(m, document),
            )
        )
    return collect_spread(event_id, rows)


def date_spread_line(spread: DateSpread, title_chars: int = 60) -> str:
    """ "Dates differ across 3 articles: Feb 2025 (Title C), Mar 2025 (Title B), 16 Mar 2025
    (Title A)", earliest claim first; "" when the articles' dated claims agree (or are fewer
    than two)."""
    if len(spread.claims) < 2:
        return ""
    parts = []
    for claim in spread.claims:
        when = format_interval(claim.start, claim.end, claim.precision)
        titles = "; ".join(_one_line(t, title_chars) for t in claim.titles)
        parts.append(f"{when} ({titles})")
    return f"Dates differ across {articles_text(spread.n_dated_articles)}: " + ", ".join(parts)


def articles_text(n_articles: int) -> str:
    """ "1 article", "3 articles"."""
    return f"{n_articles} article" + ("" if n_articles == 1 else "s")


def _one_line(text: str, limit: int) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _file_name(mention: Any, document: Any | None) -> str:
    return getattr(mention, "doc_file_name", None) or getattr(document, "file_name", "") or "?"


def _source_label(mention: Any, document: Any | None) -> str:
    label = _file_name(mention, document)
    title = getattr(document, "title", None) if document is not None else None
    if title:
        label += f" — {title}"
    published = parse_iso(getattr(document, "published", None)) if document else None
    if published is not None:
        label += f" ({format_day(published)})"
    return label


def with_curation(data: DetailsData, curation: Any | None, edits: Any = ()) -> DetailsData:
    """``data`` plus what people decided (a store ``Curation``: hidden, starred, tags, note)
    and the audit trail (store ``EditRecord``s, oldest first) as readable lines."""
    return replace(
        data,
        hidden=bool(getattr(curation, "hidden", False)),
        starred=bool(getattr(curation, "starred", False)),
        tags=tuple(getattr(curation, "tags", ()) or ()),
        note=str(getattr(curation, "note", "") or ""),
        edits=tuple(edit_line(edit) for edit in edits),
    )


_ACTIONS = {
    "hide": "hid it (not an event)",
    "unhide": "showed it again",
    "star": "starred it",
    "unstar": "unstarred it",
    "add": "added it by hand",
    "merge": "merged another event into it",
    "split": "split it off another event",
    "import": "imported it",
}


def edit_line(edit: Any) -> str:
    """One audit-trail entry in words: "title 'a' → 'b' — alice, 23 Nov 2026 13:40 UTC"."""
    who = getattr(edit, "who", "") or "unknown"
    action = getattr(edit, "action", "") or ""
    field = getattr(edit, "field", "") or ""
    if action == "edit":
        old, new = _shown(field, edit.old), _shown(field, edit.new)
        what = f"{field} {old} → {new}"
    elif action == "tag":
        what = f"tags {_shown('tags', edit.old)} → {_shown('tags', edit.new)}"
    else:
        what = _ACTIONS.get(action, action.replace("_", " "))
    return f"{what} — {who}, {_when(getattr(edit, 'edited_at', ''))}"


def _when(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp) or "?"
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return f"{format_day(moment.date())} {moment:%H:%M} UTC"


def _shown(field: str, value: str | None, limit: int = 60) -> str:
    if value is None or value == "":
        return "(empty)"
    if field == "tags":
        with contextlib.suppress(ValueError, TypeError):
            value = ", ".join(json.loads(value)) or "(none)"
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
