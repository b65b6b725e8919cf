"""Provenance of an exported figure: which store, which view, which events.

Pure functions. ``build_provenance`` makes a JSON-able dict; ``image.py`` embeds it as PNG text
chunks, SVG ``<metadata>`` and PDF XMP metadata; ``read_provenance`` reads it back from any of
the three so ``eventline STORE --view FILE`` can reopen the view.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

PROVENANCE_KEY = "eventline-provenance"
MAX_LISTED_IDS = 10_000
_XMP_TAG = "eventline:provenance"
_XMP_NS = "https://eventline.invalid/ns/1.0/"


def ids_hash(ids: Iterable[int]) -> str:
    """sha256 of the sorted ids written as decimal numbers joined by commas."""
    text = ",".join(str(i) for i in sorted(int(i) for i in ids))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def iso_utc(seconds: float | None) -> str | None:
    """Epoch seconds as an ISO timestamp in UTC (None stays None)."""
    if seconds is None or seconds != seconds:  # NaN
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return None


def build_provenance(
    *,
    store_path: str | Path | None,
    store_uuid: str | None,
    generation: int | None,
    query: str = "",
    filters: Mapping[str, Any] | None = None,
    selection_key: str | None = None,
    time_range: tuple[float, float] | None = None,
    shown_ids: Iterable[int] = (),
    target: str = "window",
) -> dict[str, Any]:
    """The provenance record of one export."""
    ids = sorted(int(i) for i in shown_ids)
    start, end = time_range if time_range is not None else (None, None)
    return {
        "app": "Eventline",
        "store_file": Path(store_path).name if store_path else None,
        "store_uuid": store_uuid,
        "generation": generation,
        "query": query or "",
        "filters": dict(filters or {}),
        "selection": selection_key,
        "time_range": [iso_utc(start), iso_utc(end)],
        "time_range_s": [start, end],
        "target": target,
        "n_shown": len(ids),
        "ids_sha256": ids_hash(ids),
        "ids": ids[:MAX_LISTED_IDS],
        "ids_truncated": len(ids) > MAX_LISTED_IDS,
        "exported_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
    }


def to_json(provenance: Mapping[str, Any]) -> str:
    """Compact JSON, ASCII only (safe in PNG tEXt, XML and XMP)."""
    return json.dumps(provenance, ensure_ascii=True, separators=(",", ":"), sort_keys=True)


def xmp_packet(provenance: Mapping[str, Any]) -> bytes:
    """An XMP packet carrying the provenance JSON (escaped) for PDF metadata."""
    body = _xml_escape(to_json(provenance))
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" xmlns:eventline="{_XMP_NS}">'
        f"<{_XMP_TAG}>{body}</{_XMP_TAG}>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def read_provenance(path: str | Path) -> dict[str, Any] | None:
    """The provenance embedded in an exported PNG, SVG or PDF; None if there is none."""
    data = Path(path).read_bytes()
    if data.startswith(b"\x89PNG"):
        text = _png_text_chunks(data).get(PROVENANCE_KEY)
    elif data.startswith(b"%PDF"):
        text = _between(data, f"<{_XMP_TAG}>".encode(), f"</{_XMP_TAG}>".encode())
        text = _xml_unescape(text) if text is not None else None
    else:
        text = _svg_provenance(data)
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _between(data: bytes, opening: bytes, closing: bytes) -> str | None:
    start = data.find(opening)
    if start < 0:
        return None
    end = data.find(closing, start)
    if end < 0:
        return None
    return data[start + len(opening) : end].decode("utf-8", errors="replace")


def _svg_provenance(data: bytes) -> str | None:
    """The text of ``<metadata id="eventline-provenance">`` in an SVG."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    for element in root.iter():
        if element.tag.endswith("metadata") and element.get("id") == PROVENANCE_KEY:
            return element.text
    return None


def svg_metadata_element(provenance: Mapping[str, Any]) -> str:
    """The ``<metadata>`` element (escaped JSON) that ``image.py`` inserts into an SVG."""
    return f'<metadata id="{PROVENANCE_KEY}">{_xml_escape(to_json(provenance))}</metadata>'


def _png_text_chunks(data: bytes) -> dict[str, str]:
    """tEXt / zTXt / iTXt chunks of a PNG as a dict."""
    chunks: dict[str, str] = {}
    pos = 8
    while pos + 8 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt" and b"\0" in body:
            key, value = body.split(b"\0", 1)
            chunks[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt" and b"\0" in body:
            key, rest = body.split(b"\0", 1)
            chunks[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt" and b"\0" in body:
            key, value = _itxt(body)
            chunks[key] = value
        elif kind == b"IEND":
            break
    return chunks


def _itxt(body: bytes) -> tuple[str, str]:
    key, rest = body.split(b"\0", 1)
    compressed, rest = rest[0], rest[2:]
    _language, rest = rest.split(b"\0", 1)
    _translated, text = rest.split(b"\0", 1)
    if compressed:
        text = zlib.decompress(text)
    return key.decode("latin-1"), text.decode("utf-8")
