"""Files and bytes -> Document: decoding, front matter, HTML, title and publication date.

Publication date precedence: the ``published`` argument ("user") > front matter
("front_matter") > HTML metadata ("meta") > a dateline near the top ("dateline") > none.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from desktop.sources.dateline import find_dateline, guess_headline
from desktop.sources.dates import parse_iso_date
from desktop.sources.decoding import MAX_BYTES, decode_bytes, display_name, normalise_newlines
from desktop.sources.document import Document, SourceError
from desktop.sources.frontmatter import FrontMatter, split_front_matter
from desktop.sources.html_text import html_to_text, looks_like_html

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_USED_KEYS = frozenset({"title", "source", "published"})


def read_document(path: Path, published: dt.date | None = None) -> Document:
    """Read an article file (.txt, .md, .html, ...); SourceError says why it cannot be read."""
    path = Path(path)
    shown = display_name(str(path))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{shown}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{shown}: not a regular file")
        if info.st_size > MAX_BYTES:
            size = info.st_size / 2**20
            raise SourceError(f"{shown}: too large ({size:.1f} MB; the limit is 64 MB)")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # one byte over the limit is enough to refuse
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file") from None
    except PermissionError:
        raise SourceError(f"{shown}: permission denied") from None
    except OSError as error:
        raise SourceError(f"{shown}: cannot be read ({error.strerror or error})") from None
    return _build(data, path.name, str(path), published, shown)


def document_from_bytes(
    data: bytes, file_name: str, source: str = "", published: dt.date | None = None
) -> Document:
    """A Document from an article's bytes; ``file_name`` (base name) picks HTML by suffix."""
    return _build(data, file_name, source, published, file_name)


def _front_matter_date(front: FrontMatter, warnings: list[str]) -> dt.date | None:
    key = "published" if "published" in front.fields else "date"
    value = front.fields.get(key)
    if not value:
        return None
    found = parse_iso_date(value)
    if found is None:
        warnings.append(f"front matter {key!r} is not a YYYY-MM-DD date: {value!r}; ignored")
    return found


def _build(
    data: bytes, file_name: str, source: str, published: dt.date | None, name: str
) -> Document:
    decoded = decode_bytes(data, name)
    front = split_front_matter(decoded.text)
    warnings = [*decoded.warnings, *front.warnings]
    text = front.body
    title = front.fields.get("title") or None
    source = front.fields.get("source") or source
    dates: list[tuple[dt.date | None, str]] = [
        (_as_date(published), "user"),
        (_front_matter_date(front, warnings), "front_matter"),
    ]
    if file_name.lower().endswith(HTML_SUFFIXES) or looks_like_html(text):
        page = html_to_text(text)
        text = normalise_newlines(page.text)
        title = title or page.title
        source = front.fields.get("source") or page.canonical_url or source
        dates.append((page.published, "meta"))
    else:
        title = title or guess_headline(text)
    if not text.strip():
        raise SourceError(f"{display_name(name)}: no readable text in the file")
    if not any(date for date, _origin in dates):
        dates.append((find_dateline(text), "dateline"))
    when, origin = next(((d, o) for d, o in dates if d), (None, "none"))
    return Document(
        text=text,
        file_name=file_name,
        source=source,
        title=title,
        published=when,
        published_from=origin,
        warnings=tuple(warnings),
        meta={key: value for key, value in front.fields.items() if key not in _USED_KEYS},
    )


def _as_date(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value
