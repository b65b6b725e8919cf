"""Front matter: ``key: value`` lines between two ``---`` fences at the very top of a text.

Not YAML: each line is split at its first colon and the value is a plain string (colons,
brackets and quotes allowed), stripped of surrounding whitespace and one pair of matching
quotes. Keys are matched case-insensitively and stored lower-cased. A block that does not parse
yields warnings and leaves the text as it was; it never drops the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = "---"
_MAX_LINES = 200  # a block longer than this is not front matter
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


@dataclass(frozen=True)
class FrontMatter:
    body: str  # the text after the block (the whole text when there is no block)
    fields: dict[str, str] = field(default_factory=dict)  # lower-cased keys
    warnings: tuple[str, ...] = ()
    found: bool = False  # a block was recognised and removed


def _is_fence(line: str) -> bool:
    return line.rstrip(" \t") == _FENCE


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _parse_line(line: str) -> tuple[str, str] | None:
    key, colon, value = line.partition(":")
    key = key.strip()
    if not colon or not _KEY.match(key):
        return None
    return key.lower(), _unquote(value)


def _block_lines(text: str) -> tuple[list[str], int] | None:
    """The lines between the fences and the offset just after the closing fence's newline."""
    first_end = text.find("\n")
    if first_end < 0 or not _is_fence(text[:first_end]):
        return None
    lines: list[str] = []
    position = first_end + 1
    while len(lines) <= _MAX_LINES and position <= len(text):
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        after = len(text) if end < 0 else end + 1
        if _is_fence(line):
            return lines, after
        if end < 0:
            return None
        lines.append(line)
        position = after
    return None


def split_front_matter(text: str) -> FrontMatter:
    """Separate a leading front-matter block from the body; see the module docstring."""
    first_line = text[: text.find("\n")] if "\n" in text else text
    if not _is_fence(first_line):
        return FrontMatter(body=text)
    block = _block_lines(text)
    if block is None:
        return FrontMatter(
            body=text,
            warnings=("front matter: opening '---' without a closing '---'; kept as text",),
        )
    lines, body_start = block
    fields: dict[str, str] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines, start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parsed = _parse_line(line)
        if parsed is None:
            warnings.append(f"front matter line {number} is not 'key: value': {line.strip()!r}")
            continue
        key, value = parsed
        if key in fields:
            warnings.append(f"front matter key {key!r} repeated on line {number}; last one kept")
        fields[key] = value
    if not fields and warnings:
        warnings.append("front matter: no 'key: value' line; the block was kept as text")
        return FrontMatter(body=text, warnings=tuple(warnings))
    return FrontMatter(body=text[body_start:], fields=fields, warnings=tuple(warnings), found=True)
