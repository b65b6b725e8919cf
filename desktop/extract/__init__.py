"""Event extraction: article text -> events with evidence spans (pure functions, no Qt/SQL/I/O
beyond reading the shipped lexicons once).

    extract_events(text, published)      one document, event_key unique per document
    extract_documents([(text, published), ...])   several documents, one key per real event
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop.extract.lexicon import default_lexicon
from desktop.extract.merge import assign_keys
from desktop.extract.pipeline import extract_document
from desktop.extract.types import ExtractedEvent

__all__ = ["extract_documents", "extract_events"]


def extract_events(text: str, published: dt.date | None) -> list[ExtractedEvent]:
    """The events one article reports, in text order, each with a document-unique event_key."""
    return assign_keys([extract_document(text, published, default_lexicon())])[0]


def extract_documents(
    docs: Sequence[tuple[str, dt.date | None]],
) -> list[list[ExtractedEvent]]:
    """Events of several articles; the same real-world event gets the same event_key."""
    lex = default_lexicon()
    return assign_keys([extract_document(text, published, lex) for text, published in docs])
