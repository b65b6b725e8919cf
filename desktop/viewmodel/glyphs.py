"""How the timeline draws an event, as plain data (no Qt): symbol per kind, style per status,
colour per lane. The widgets turn these into cached pens and brushes.

Symbols are pyqtgraph ScatterPlotItem symbol names.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.extract.types import KINDS, STATUSES

KIND_SYMBOLS: dict[str, str] = {
    "release": "o",
    "open_source": "star",
    "announcement": "t1",
    "funding": "s",
    "statement": "d",
    "partnership": "h",
    "other": "p",
}

KIND_LABELS: dict[str, str] = {
    "release": "release",
    "open_source": "open source",
    "announcement": "announcement",
    "funding": "funding",
    "statement": "statement",
    "partnership": "partnership",
    "other": "other",
}

# Tableau-10-like palette, readable on white, distinct in print.
LANE_COLOURS: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)
OTHER_LANE_COLOUR = "#555555"


@dataclass(frozen=True)
class StatusStyle:
    """Fill and outline of a glyph or bar for one status.

    ``fill_alpha`` 0 means hollow; ``dash`` is a Qt-style dash pattern (empty = solid line).
    """

    fill_alpha: int
    pen_width: float
    dash: tuple[float, ...]
    label_suffix: str


STATUS_STYLES: dict[str, StatusStyle] = {
    "happened": StatusStyle(fill_alpha=255, pen_width=1.0, dash=(), label_suffix=""),
    "planned": StatusStyle(fill_alpha=0, pen_width=2.0, dash=(), label_suffix=" (planned)"),
    "reported": StatusStyle(
        fill_alpha=90, pen_width=1.6, dash=(2.0, 2.0), label_suffix=" (reported)"
    ),
}


def kind_symbol(kind_index: int) -> str:
    """Scatter symbol of a kind given as an index into ``KINDS`` (unknown → "other")."""
    if 0 <= kind_index < len(KINDS):
        return KIND_SYMBOLS.get(KINDS[kind_index], "p")
    return KIND_SYMBOLS["other"]


def status_style(status_index: int) -> StatusStyle:
    """Style of a status given as an index into ``STATUSES`` (unknown → happened)."""
    if 0 <= status_index < len(STATUSES):
        return STATUS_STYLES.get(STATUSES[status_index], STATUS_STYLES["happened"])
    return STATUS_STYLES["happened"]


def lane_colour(lane_row: int) -> str:
    """Colour (#rrggbb) of the lane drawn at ``lane_row``; cycles through the palette."""
    return LANE_COLOURS[lane_row % len(LANE_COLOURS)]


def legend_entries() -> list[tuple[str, str]]:
    """(symbol, label) for every kind, in ``KINDS`` order."""
    return [(KIND_SYMBOLS[k], KIND_LABELS[k]) for k in KINDS]
