"""Curation from the window: store edits as QUndoStack commands, hidden events kept out of view.

Each edit runs once through a writable EventStore (the viewer's own store stays read-only),
which journals it (desktop.store.journal); the command pushed on the QUndoStack then only
undoes or redoes that journal entry. On opening a store the stack is rebuilt from the
journal, so the last session's edits can still be undone after a restart. Qt: QtCore plus
QtGui's QUndoStack only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.store import EventStore, StoreError

T = TypeVar("T")


class JournalCommand(QUndoCommand):
    """One journalled store edit; the first redo (on push) is the edit already done."""

    def __init__(self, model: CurationModel, entry_id: int, label: str, done: bool = True):
        super().__init__(label)
        self.model = model
        self.entry_id = entry_id
        self._skip = done

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.model._step("redo", self.entry_id)

    def undo(self) -> None:
        self.model._step("undo", self.entry_id)


class CurationModel(QObject):
    """Edits of the open store; ``changed`` after each, ``failed`` with a plain message."""

    changed = Signal()
    failed = Signal(str)
    hidden_changed = Signal()  # after reading hidden_ids / starred_ids

    def __init__(
        self,
        store_model: Any,
        timeline_model: Any,
        parent: QObject | None = None,
        search: Any | None = None,
    ):
        super().__init__(parent)
        self.store_model = store_model
        self.timeline = timeline_model
        self.search = search  # SearchController: hidden/starred-only join its one mask
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)
        self.show_hidden = False
        self.starred_only = False
        self.hidden_ids: set[int] = set()
        self.starred_ids: set[int] = set()
        self._writer: EventStore | None = None
        self._loading = False
        store_model.store_opened.connect(self._on_store_model_store_opened)
        if search is None:
            timeline_model.mask_changed.connect(self._on_timeline_mask_changed)
        if store_model.is_open:
            self._on_store_model_store_opened(str(store_model.path))

    # -- the writable store ---------------------------------------------------------------------
    def store(self) -> EventStore:
        path = self.store_model.path
        if path is None:
            raise StoreError("no store is open")
        if self._writer is None or Path(self._writer.path) != Path(path):
            self.close()
            self._writer = EventStore.create_or_open(path)
        return self._writer

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def run(self, operation: Callable[[EventStore], T]) -> T | None:
        """Run one edit (a call of an EventStore curation method) and push it for undo."""
        try:
            store = self.store()
            before = {e[0] for e in store.undo_entries()}
            result = operation(store)
            new = [e for e in store.undo_entries() if e[0] not in before]
        except StoreError as exc:
            self.failed.emit(str(exc))
            return None
        for entry_id, label, _undone in new:
            self.undo_stack.push(JournalCommand(self, entry_id, label))
        self._reload()
        return result

    def read(self, query: Callable[[EventStore], T]) -> T | None:
        """A read on the writable connection (no reload, nothing pushed)."""
        try:
            return query(self.store())
        except StoreError as exc:
            self.failed.emit(str(exc))
            return None

    def _step(self, which: str, entry_id: int) -> None:
        if self._loading:
            return
        try:
            getattr(self.store(), which)(entry_id)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self._reload()

    def _reload(self) -> None:
        selected = self.timeline.selected_id
        self._loading = True
        try:
            self.store_model.open(self.store_model.path)
        finally:
            self._loading = False
        if selected is not None and self.timeline.index_of(selected) is not None:
            self.timeline.select(selected)
        self.changed.emit()

    # -- rebuilding the stack from the journal ---------------------------------------------------
    def _on_store_model_store_opened(self, _path: str) -> None:
        if self._loading:
            self._refresh_marks()
            return
        self.close()
        self.undo_stack.clear()
        entries = self._read_marks()
        self._apply_marks()
        self._loading = True
        try:
            for entry_id, label, _undone in entries:
                self.undo_stack.push(JournalCommand(self, entry_id, label))
            for _entry in [e for e in entries if e[2]]:
                self.undo_stack.undo()  # journal already undone: only move the index
        finally:
            self._loading = False

    def _read_marks(self) -> list[tuple[int, str, bool]]:
        """Read hidden and starred ids; returns the undo journal's entries."""
        path = self.store_model.path
        try:
            with EventStore.open(path, readonly=True) as store:
                self.hidden_ids, self.starred_ids = (
                    set(store.hidden_ids()),
                    set(store.starred_ids()),
                )
                return store.undo_entries()
        except StoreError:
            self.hidden_ids, self.starred_ids = set(), set()
            return []

    def decisions(self, event_id: int) -> tuple[Any | None, list]:
        """(Curation, edit records) of one event, read-only; (None, []) when unreadable."""
        try:
            with EventStore.open(self.store_model.path, readonly=True) as store:
                return store.curation(event_id), store.edits(event_id)
        except StoreError:
            return None, []

    # -- hidden and starred events ---------------------------------------------------------------
    def _refresh_marks(self) -> None:
        self._read_marks()
        self._apply_marks()

    def _apply_marks(self) -> None:
        self.timeline.set_hidden_ids(self.hidden_ids)  # drawn faded when shown
        self.hidden_changed.emit()  # hidden or starred ids may have changed
        if self.search is not None:
            only = self.starred_ids if self.starred_only else None
            self.search.set_curation(self.hidden_ids, self.show_hidden, only)
        else:
            self._on_timeline_mask_changed()

    def set_show_hidden(self, show: bool) -> None:
        self.show_hidden = bool(show)
        self._refresh_marks()
        if show and self.search is None:
            self.timeline.set_mask(None)

    def set_starred_only(self, only: bool) -> None:
        self.starred_only = bool(only)
        self._refresh_marks()

    def _on_timeline_mask_changed(self) -> None:
        """Without a search controller: keep hidden events out of the timeline's mask."""
        if self.show_hidden or not self.hidden_ids or not len(self.timeline.ids):
            return
        hidden = np.isin(self.timeline.ids, np.fromiter(self.hidden_ids, dtype=np.int64))
        if np.any(self.timeline.mask & hidden):
            self.timeline.set_mask(self.timeline.mask & ~hidden)
