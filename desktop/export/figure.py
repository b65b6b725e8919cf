"""Export figures of the main window: the timeline (current view or whole range) or the window.

Builds the provenance record from the window's view models and renders through ``image.py``.
No dialogs here: the caller chooses the path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.export.image import export_widget
from desktop.export.provenance import build_provenance

TARGETS = ("timeline", "timeline_all", "window")


def window_provenance(
    window: Any, target: str = "window", time_range: tuple[float, float] | None = None
) -> dict[str, Any]:
    """Provenance of what ``window`` shows now (``time_range`` defaults to the visible one)."""
    store = window.store_model
    search = window.search
    timeline = window.timeline_model
    start, end = time_range or window.timeline_view.visible_range()
    in_range = target != "window" or time_range is not None
    shown = timeline.shown_ids(start, end) if in_range else timeline.shown_ids()
    return build_provenance(
        store_path=store.path,
        store_uuid=store.uuid,
        generation=store.generation,
        query=search.query,
        filters=search.filters.as_dict(),
        selection_key=store.key_for_id(timeline.selected_id),
        time_range=(start, end),
        shown_ids=shown.tolist(),
        target=target,
    )


def export_figure(
    window: Any, path: str | Path, target: str = "window", scale: float = 1.0
) -> Path:
    """Write the window or its timeline to ``path`` (PNG/SVG/PDF by suffix) with provenance.

    ``timeline_all`` shows the whole time range for the export, then restores the view.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown export target {target!r}: one of {', '.join(TARGETS)}")
    view = window.timeline_view
    if target == "window":
        return export_widget(window, path, window_provenance(window, target), scale=scale)
    before = view.visible_range()
    if target == "timeline_all":
        view.fit_all()
    try:
        provenance = window_provenance(window, target, view.visible_range())
        return export_widget(view.plot_widget, path, provenance, scale=scale)
    finally:
        if target == "timeline_all":
            view.set_visible_range(*before)
