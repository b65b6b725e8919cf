"""Keeping outside text from reordering the text around it."""

from __future__ import annotations

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def isolate(text: str) -> str:
    """Wrap ``text`` from a file or a store so that its own direction marks (an unterminated
    right-to-left override, say) stay inside it when it is joined with other text."""
    if not any(ch in _CONTROLS for ch in text) and text.isascii():
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
