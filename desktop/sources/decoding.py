"""Bytes -> text: detect the encoding, strip a BOM, normalise line ends, refuse binary data.

Nothing but the line ends is ever changed: ``\\r\\n`` and a lone ``\\r`` become ``\\n``.
Every check here is linear in the input (C-speed bytes/str methods and bounded samples).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from desktop.sources.document import SourceError

MAX_BYTES = 64 * 1024 * 1024  # a 64 MB article is accepted, one byte more is not

_SAMPLE = 64 * 1024  # bytes/characters inspected by the heuristics

# Leading bytes of formats that are never an article (checked before any decoding).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF file (PDF is not supported yet)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"OggS\x00", "an Ogg media file"),
    (b"ID3\x03", "an MP3 file"),
    (b"ID3\x04", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)

# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 control characters that do not occur in text (tab, LF, VT, FF, CR are fine). C1 controls
# are left alone: mis-converted text is full of U+0092 apostrophes and is still text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_RATIO = 0.01  # more than 1% control characters in the sample: binary
# A UTF-8 multi-byte sequence: if one occurs in bytes that are not valid UTF-8 overall, the
# file mixes encodings and a single-byte fallback would garble every one of them.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _latin1_for_unassigned(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return chr(error.object[error.start]), error.start + 1


_LATIN1_FALLBACK = "eventline-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_for_unassigned)

_CHARSET_WINDOW = 4096
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]{1,40})", re.I
)
_HANDLED_CODECS = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})


@dataclass(frozen=True)
class Decoded:
    text: str  # line ends normalised to "\n", nothing else changed
    encoding: str  # the codec that decoded the bytes ("utf-8", "utf-16-le", "cp1252", ...)
    warnings: tuple[str, ...] = ()


def display_name(name: str) -> str:
    """A file name fit for a one-line message (control characters escaped)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name) or "<unnamed>"


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` -> ``\\n``; nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode an article's bytes, or raise SourceError with a one-line message naming ``name``."""
    shown = display_name(name)
    if len(data) > MAX_BYTES:
        raise SourceError(f"{shown}: too large ({_megabytes(len(data))}; the limit is 64 MB)")
    if not data:
        raise SourceError(f"{shown}: the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"{shown}: this is {what}, not a text article")
    text, encoding, warnings = _decode(data, shown)
    _refuse_binary(text, shown)
    text = normalise_newlines(text)
    if not text.strip():
        raise SourceError(f"{shown}: the file contains no text")
    return Decoded(text, encoding, tuple(warnings))


def _decode(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, shown), encoding, []
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, shown), utf16, []
    if b"\x00" in data:
        raise SourceError(f"{shown}: binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as error:
        bad_at = error.start
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared, [f"not UTF-8: decoded as declared {declared}"]
        except UnicodeDecodeError:
            pass
    if _UTF8_SEQUENCE.search(data):
        raise SourceError(
            f"{shown}: undecodable text (invalid UTF-8 at byte {bad_at} in a file that is "
            "otherwise UTF-8); save it as UTF-8 and try again"
        )
    # cp1252, with its five unassigned bytes read as Latin-1 (a superset of both in practice)
    text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    return text, "cp1252", ["not UTF-8: decoded as Windows-1252 (Latin-1)"]


def _declared_charset(data: bytes) -> str | None:
    """A codec named by an HTML ``<meta charset>`` near the top, when it is not a UTF or Latin-1.

    Names follow browser practice: GB2312 and GBK pages are read as GB18030, their superset.
    """
    match = _META_CHARSET.search(data[:_CHARSET_WINDOW])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name in ("gb2312", "gbk"):
        return "gb18030"
    if name.startswith(("utf-", "utf_")) or name in _HANDLED_CODECS:
        return None
    return name


def _strict(data: bytes, encoding: str, shown: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{shown}: undecodable text (invalid {encoding.upper()} at byte {error.start})"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in Latin-script UTF-16."""
    sample = data[: _SAMPLE - (_SAMPLE % 2)]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _refuse_binary(text: str, shown: str) -> None:
    if "\x00" in text:
        raise SourceError(f"{shown}: binary data (NUL characters), not a text article")
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(4, _CONTROL_RATIO * len(sample)):
        raise SourceError(f"{shown}: binary data (control characters), not a text article")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
