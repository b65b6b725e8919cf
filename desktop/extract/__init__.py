"""Event extraction: article text -> events with evidence spans (pure functions, no Qt/SQL/I/O
beyond reading the shipped lexicons once).

    extract_events(text, published)      one document, event_key unique per document
    extract_documents([(text, published), ...])   several documents, one key per real event

The pipeline (and its compiled patterns, ~0.3 s and tens of MB) loads on the first call, not
on import: the viewer imports ``desktop.extract.types`` for the value types only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.extract.types import ExtractedEvent

__all__ = ["extract_documents", "extract_events"]


def extract_events(text: str, published: dt.date | None) -> list[ExtractedEvent]:
    """The events one article reports, in text order, each with a document-unique event_key."""
    from desktop.extract.lexicon import default_lexicon
    from desktop.extract.merge import assign_keys
    from desktop.extract.pipeline import extract_document

    return assign_keys([extract_document(text, published, default_lexicon())])[0]


def extract_documents(
    docs: Sequence[tuple[str, dt.date | None]],
) -> list[list[ExtractedEvent]]:
    """Events of several articles; the same real-world event gets the same event_key."""
    from desktop.extract.lexicon import default_lexicon
    from desktop.extract.merge import assign_keys
    from desktop.extract.pipeline import extract_document

    lex = default_lexicon()
    return assign_keys([extract_document(text, published, lex) for text, published in docs])
