"""Follows the timeline's selection: details data and the source article to show.

QtCore only. When the selected event changes, ``details_changed`` carries a ``DetailsData``
(None for no selection) and ``source_changed`` a ``SourceLayout`` of the event's first article
(None when there is nothing to show). ``show_source`` switches between an event's articles.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.viewmodel.bidi import isolate
from desktop.viewmodel.details import DetailsData, build_details, format_day, parse_iso
from desktop.viewmodel.source_model import SourceLayout, layout_source


class SelectionController(QObject):
    details_changed = Signal(object)  # DetailsData | None
    source_changed = Signal(object)  # SourceLayout | None

    def __init__(self, store_model: Any, timeline_model: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store_model
        self._timeline = timeline_model
        self.details: DetailsData | None = None
        self.source: SourceLayout | None = None
        self._detail: Any | None = None
        timeline_model.selection_changed.connect(self._on_timeline_selection_changed)

    def select(self, event_id: int | None) -> None:
        """Select an event everywhere (the timeline model is the one source of truth)."""
        self._timeline.select(event_id)

    def select_key(self, key: str) -> int:
        """Select by event key; raises KeyError for an unknown key."""
        event_id = self._store.id_for_key(key)
        if event_id is None:
            raise KeyError(f"no event with key {key!r} in this store")
        self.select(event_id)
        return event_id

    def show_source(self, document_id: str) -> None:
        """Show another article of the selected event (or any article, with its tints)."""
        known = getattr(self._detail, "documents", None) or {}
        document = known.get(document_id) or self._store.document(document_id)
        if document is None or document.text is None:
            self.source = None
        else:
            mentions = self._store.mentions_of_document(document_id)
            selected = self._detail.event.id if self._detail is not None else None
            self.source = layout_source(
                document_id, document.text, mentions, selected, header=source_header(document)
            )
        self.source_changed.emit(self.source)

    def _on_timeline_selection_changed(self, event_id: int) -> None:
        detail = self._store.detail(event_id) if event_id >= 0 else None
        self._detail = detail
        self.details = build_details(detail) if detail is not None else None
        self.details_changed.emit(self.details)
        if detail is not None and detail.mentions:
            self.show_source(detail.mentions[0].document_id)
        elif detail is None and self.source is not None:
            self.show_source(self.source.document_id)  # keep the article, drop the highlight


def source_header(document: Any) -> str:
    """ "file.txt — Title — 25 Mar 2025" for the source pane's header."""
    parts = [isolate(document.file_name)]
    if document.title:
        parts.append(isolate(document.title))
    published = parse_iso(document.published)
    parts.append(format_day(published) if published else "no publication date")
    return " — ".join(parts)
