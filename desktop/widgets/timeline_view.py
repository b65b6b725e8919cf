"""The timeline: a pyqtgraph plot of events by date (x, UTC) and actor lane (y).

Drawn from the model's numpy arrays, never one item per event: per lane and status one
ScatterPlotItem (symbol per kind), one ``BarsItem`` for every interval, a bounded pool of label
TextItems, a selection ring, and an "undated" tray at the right, lane-aligned.

Level of detail, per frame: the lanes in view whose events outnumber what their pixels can show
are drawn as density strips (``timeline_density``: counts per pixel column from the model's
lane index, one image blitted at native resolution); the others get glyphs and labels. Glyphs
are fetched for the visible range plus one view width each side, so panning does not refetch.

``plot_widget`` is a ``pg.GraphicsLayoutWidget`` (a GraphicsView) holding the plot
(``plot_item``), the undated tray (``tray_item``) and the legend in one scene, so rendering
``plot_widget`` (or its scene) exports "the timeline" complete.

Keys when the plot has focus: Home fits all, +/- zoom, ←/→ previous/next event.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QToolTip, QWidget

from desktop.viewmodel import time_axis as ta
from desktop.viewmodel.timeline_model import DAY_S, TimelineModel
from desktop.widgets.cached_scrollbar import CachedScrollBar
from desktop.widgets.lane_axis import LaneAxis
from desktop.widgets.legend import LegendItem
from desktop.widgets.overview_strip import OverviewStrip
from desktop.widgets.timeline_axis import TimelineDateAxis
from desktop.widgets.timeline_items import BAR_HALF_HEIGHT, group_slices
from desktop.widgets.timeline_labels import LabelLayer
from desktop.widgets.timeline_lod import GLYPH_DY, GLYPH_PX, SYMBOLS, LodLayer
from desktop.widgets.timeline_palette import TimelineColours

MIN_ROW_PX = 30  # below this, lanes scroll instead of squashing
HIT_PX = 8
BAR_HALF_PX = 6.0  # bars are at most 12 px tall
TRAY_WIDTH = 96
AXIS_HEIGHT = 52
TRAY_PER_ROW = 6  # undated glyphs shown per lane in the tray
LABEL_CANDIDATES = 800  # most-reported glyphs in view considered for a label


def tooltip_html(text: str) -> str:
    """Plain text as tooltip rich text (QToolTip guesses): every line escaped, nothing else."""
    return "<qt>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</qt>"


class TimelineView(QWidget):
    """The zoomable timeline of a ``TimelineModel``."""

    event_clicked = Signal(int)

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._hover_id: int | None = None
        self._top_row = 0
        self._tray_points = np.zeros((0, 3))  # x, y, index
        self._tray_rows: tuple | None = None  # the lane range the tray was drawn for
        self._suspended = False  # no frame updates while re-laying out
        self._frame_pending = False  # a frame was skipped while hidden
        self._drawn_mask_version = -1
        self._published = np.zeros(0)  # articles' publication dates, for the overview
        self._build_scene()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        self.lane_scroll = CachedScrollBar(Qt.Orientation.Vertical, self)
        self.lane_scroll.valueChanged.connect(self._on_lane_scroll_value_changed)
        layout.addWidget(self.lane_scroll)
        self.lane_scroll.hide()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot_widget.installEventFilter(self)
        model.columns_changed.connect(self._on_model_columns_changed)
        model.mask_changed.connect(self._on_model_mask_changed)
        model.selection_changed.connect(self._on_model_selection_changed)
        model.range_changed.connect(self.set_visible_range)
        model.hidden_changed.connect(self._redraw)
        if model.total_count:
            self._on_model_columns_changed()

    # -- construction -------------------------------------------------------------------------
    def _build_scene(self) -> None:
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot_widget.ci.setContentsMargins(4, 6, 4, 2)
        self.date_axis, self.lane_axis = TimelineDateAxis(), LaneAxis()
        self.plot_item = pg.PlotItem(axisItems={"bottom": self.date_axis, "left": self.lane_axis})
        self.tray_item = pg.PlotItem()
        self.plot_widget.addItem(self.plot_item, 0, 0)
        self.plot_widget.addItem(self.tray_item, 0, 1)
        self.overview = OverviewStrip(self.set_visible_range)
        self.plot_widget.addItem(self.overview, 1, 0)
        self.legend = LegendItem()
        self.plot_widget.addItem(self.legend, 2, 0, 1, 2)
        for plot in (self.plot_item, self.tray_item):
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.getViewBox().invertY(True)
            plot.getViewBox().setMouseEnabled(x=plot is self.plot_item, y=False)
            plot.getAxis("bottom").setHeight(AXIS_HEIGHT)
            plot.showGrid(x=plot is self.plot_item, y=False, alpha=1.0)
        self.view_box = self.plot_item.getViewBox()
        self.date_axis.setZValue(-150)  # its grid lines under the data, not over it
        self.view_box.setLimits(xMin=ta.MIN_S, xMax=ta.MAX_S, minXRange=3600.0)
        self._build_tray()
        self.lod = LodLayer(self.view_box, self.model, self.date_axis)
        self.bars, self.scatter = self.lod.bars, self.lod.scatter
        self.highlight = pg.ScatterPlotItem(
            size=GLYPH_PX + 12,
            symbol="o",
            pxMode=True,
            pen=None,
            brush=None,
        )
        self.highlight.setZValue(10)
        self.view_box.addItem(self.highlight, ignoreBounds=True)
        self.cursor_line = pg.InfiniteLine(angle=90)
        self.cursor_line.hide()
        self.view_box.addItem(self.cursor_line, ignoreBounds=True)
        self.labels = LabelLayer(self.view_box)
        # items that do not change with the visible range paint once into a pixmap, then blit
        for item in (self.lane_axis, self.tray_item.getAxis("bottom"), self.legend):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.apply_palette()
        self.view_box.sigXRangeChanged.connect(self._on_view_box_range_changed)
        self.view_box.sigResized.connect(self._on_view_box_resized)
        scene = self.plot_widget.scene()
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)

    def _build_tray(self) -> None:
        tray = self.tray_item
        tray.setFixedWidth(TRAY_WIDTH)
        tray.hideAxis("left")
        tray.getViewBox().setYLink(self.view_box)
        tray.getViewBox().setXRange(0.0, 1.0, padding=0.0)
        axis = tray.getAxis("bottom")
        axis.setTicks([[(0.5, "undated")], []])
        axis.setStyle(tickLength=0)
        self.tray_scatter = pg.ScatterPlotItem(size=GLYPH_PX, pxMode=True)
        tray.addItem(self.tray_scatter)

    def apply_palette(self) -> None:
        """Take the timeline's neutral colours (background, tray, text, lines, grid) from the
        widget's palette; lane colours stay."""
        c = self.colours = TimelineColours.from_palette(self.palette())
        self.plot_widget.setBackground(c.background)
        self.tray_item.getViewBox().setBackgroundColor(c.tray)
        for axis in (self.lane_axis, self.date_axis, self.tray_item.getAxis("bottom")):
            axis.setPen(pg.mkPen(c.line))
            axis.setTextPen(pg.mkPen(c.text))
        # an opaque faint grid: translucent grid lines cost ~3 ms a frame to blend
        self.date_axis.setTickPen(pg.mkPen(c.grid))
        self.date_axis.set_grid_background(c.background)
        self.highlight.setPen(pg.mkPen(c.text, width=2.5))
        self.cursor_line.setPen(pg.mkPen(c.line, style=Qt.PenStyle.DashLine))
        self.labels.set_colour(c.text)
        self.lod.set_text_colour(c.faint_text)
        self.overview.set_colours(c.text, c.faint_text, c.line)
        self.legend.set_colours(c.faint_text, c.line)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._frame_pending:
            self._update_frame()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
        super().changeEvent(event)

    # -- public API ---------------------------------------------------------------------------
    def fit_all(self) -> None:
        """Show every shown (masked) dated event, and the first lanes."""
        span = self.model.data_range()
        if span is None:
            now = 20000 * DAY_S
            span = (now - 30 * DAY_S, now + 30 * DAY_S)
        self.set_visible_range(*span)

    def set_coverage(self, published_s: np.ndarray) -> None:
        """Articles' publication dates (epoch seconds) for the overview's coverage row."""
        self._published = np.asarray(published_s, dtype=np.float64)
        if self.model.columns is not None:
            self.overview.set_data(self.model.start_s, self.model.dated, self._published)

    def visible_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.view_box.viewRange()
        return float(x0), float(x1)

    def set_visible_range(self, start_s: float, end_s: float) -> None:
        lo, hi = sorted((max(start_s, ta.MIN_S), min(end_s, ta.MAX_S)))
        if hi - lo < 3600.0:
            mid = (lo + hi) / 2
            lo, hi = mid - 1800.0, mid + 1800.0
        self.view_box.setXRange(lo, hi, padding=0.0)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor > 1) or out (< 1) around the centre of the view."""
        if factor <= 0:
            return
        x0, x1 = self.visible_range()
        mid, half = (x0 + x1) / 2, (x1 - x0) / (2 * factor)
        self.set_visible_range(mid - half, mid + half)

    def glyph_scene_pos(self, event_id: int) -> QPointF | None:
        """Scene position of an event's glyph (dated: in the plot; undated: in the tray)."""
        i = self.model.index_of(event_id)
        if i is None:
            return None
        if self.model.dated[i]:
            x = float(self._anchor_x(np.array([i]))[0])
            return self.view_box.mapViewToScene(QPointF(x, self.model.rows[i] + GLYPH_DY))
        hit = np.flatnonzero(self._tray_points[:, 2] == i)
        if hit.size == 0:
            return None
        x, y, _ = self._tray_points[hit[0]]
        return self.tray_item.getViewBox().mapViewToScene(QPointF(x, y))

    # -- drawing ------------------------------------------------------------------------------
    def _anchor_x(self, idx: np.ndarray) -> np.ndarray:
        return self.lod.anchor_x(idx)

    def _redraw(self) -> None:
        """The data or the filter changed: redraw everything for the current range."""
        self._drawn_mask_version = self.model.mask_version
        self.lod.invalidate()
        self.labels.forget_texts()
        self._tray_rows = None
        self._update_frame()

    def _update_frame(self) -> None:
        """Level of detail for the current range (``timeline_lod``), highlight, labels. Not
        while hidden (a window being built changes data, size and range several times before
        it is first shown): ``showEvent`` draws the frame then."""
        if self.model.columns is None or self._suspended:
            return
        if not self.isVisible():
            self._frame_pending = True
            return
        self._frame_pending = False
        self.lod.update()
        (_, _), rows = self.view_box.viewRange()
        if self._tray_rows != tuple(rows):  # lanes scrolled or data changed
            self._tray_rows = tuple(rows)
            self._draw_tray(self.model.status)
        self._update_highlight()
        self._update_labels()

    def _style(self, row: int, status: int, hidden: bool = False) -> tuple:
        return self.lod.style(row, status, hidden)

    def _draw_tray(self, status: np.ndarray) -> None:
        """Undated events of the lanes in view, at most TRAY_PER_ROW glyphs per lane."""
        m = self.model
        idx = m.undated_indices()
        (_, _), (y0, y1) = self.view_box.viewRange()
        idx = idx[(m.rows[idx] >= np.floor(y0)) & (m.rows[idx] <= np.ceil(y1))]
        if idx.size:
            rows = m.rows[idx].astype(np.int64)
            order = np.argsort(rows, kind="stable")
            idx, rows = idx[order], rows[order]
            rank_in_row = np.arange(idx.size) - np.searchsorted(rows, rows, side="left")
            keep = rank_in_row < TRAY_PER_ROW
            idx, rows = idx[keep], rows[keep]
        rows = m.rows[idx]
        rank = np.zeros(idx.size)
        for _, part in group_slices(rows.astype(np.int64)):
            rank[part] = (np.arange(part.size) + 0.5) / part.size
        xs = 0.12 + 0.76 * rank
        ys = rows + GLYPH_DY
        self._tray_points = np.column_stack([xs, ys, idx]) if idx.size else np.zeros((0, 3))
        hidden = m.hidden()[idx].tolist()
        styles = [
            self._style(int(r), int(s), h)
            for r, s, h in zip(rows, status[idx], hidden, strict=True)
        ]
        self.tray_scatter.setData(
            x=xs,
            y=ys,
            pen=[pen for pen, _ in styles],
            brush=[brush for _, brush in styles],
            symbol=list(SYMBOLS[m.kind[idx]]),
        )

    def _update_labels(self) -> None:
        m = self.model
        if m.columns is None:
            return
        x0, x1 = self.visible_range()
        (_, _), (y0, y1) = self.view_box.viewRange()
        idx = self.lod.glyphs
        idx = idx[(m.rows[idx] >= y0) & (m.rows[idx] <= y1)]
        idx = idx[(m.end_s[idx] > x0) & (m.start_s[idx] <= x1)]
        priority = np.asarray(m.columns.n_mentions[idx], dtype=np.float64)
        if idx.size > LABEL_CANDIDATES:
            top = np.sort(np.argsort(-priority, kind="stable")[:LABEL_CANDIDATES])
            idx, priority = idx[top], priority[top]
        m.prefetch_titles(m.ids[idx].tolist())
        anchors = np.where(m.is_bar[idx], np.maximum(m.start_s[idx], x0), m.start_s[idx])
        local = np.arange(idx.size)
        self.labels.update(local, anchors, m.rows[idx], priority, m.title, m.ids[idx])

    def _update_highlight(self) -> None:
        m = self.model
        i = None if m.selected_id is None else m.index_of(m.selected_id)
        if i is None or not m.dated[i]:
            self.highlight.setData(x=[], y=[])
            self.cursor_line.hide()
            return
        x = float(self._anchor_x(np.array([i]))[0])
        self.highlight.setData(x=[x], y=[m.rows[i] + GLYPH_DY])
        self.cursor_line.setPos(float(m.start_s[i]))
        self.cursor_line.show()

    def _layout_rows(self) -> None:
        """Show as many lanes as fit at MIN_ROW_PX; scroll the rest."""
        n_rows = max(len(self.model.lane_names), 1)
        fit = max(int(self.view_box.height() // MIN_ROW_PX), 1)
        shown = min(n_rows, fit)
        self._top_row = min(self._top_row, n_rows - shown)
        self.lane_scroll.setVisible(n_rows > shown)
        self.lane_scroll.blockSignals(True)
        self.lane_scroll.setRange(0, n_rows - shown)
        self.lane_scroll.setPageStep(shown)
        self.lane_scroll.setValue(self._top_row)
        self.lane_scroll.blockSignals(False)
        self.view_box.setYRange(self._top_row - 0.5, self._top_row + shown - 0.5, padding=0.0)
        row_px = self.view_box.height() / shown
        self.bars.set_half_height(min(BAR_HALF_HEIGHT, BAR_HALF_PX / max(row_px, 1.0)))

    def ensure_row_visible(self, row: int) -> None:
        (_, _), (y0, y1) = self.view_box.viewRange()
        if row < y0 + 0.5 or row > y1 - 0.5:
            self._top_row = max(0, row - int((y1 - y0) // 2))
            self._layout_rows()

    # -- slots --------------------------------------------------------------------------------
    def _on_model_columns_changed(self) -> None:
        keep = self.model.keep_view  # a refresh of the same store: keep zoom and scroll
        self.lane_axis.set_lanes(self.model.lane_names)
        self.overview.set_data(self.model.start_s, self.model.dated, self._published)
        self._suspended = True  # one frame for the whole re-layout, not one per range change
        try:
            if not keep:
                self._top_row = 0
            self._layout_rows()
            if not keep:
                self.fit_all()
        finally:
            self._suspended = False
        self._redraw()

    def _on_model_mask_changed(self) -> None:
        if self.model.mask_version != self._drawn_mask_version:
            self._redraw()

    def _on_model_selection_changed(self, event_id: int) -> None:
        self._update_highlight()
        i = self.model.index_of(event_id) if event_id >= 0 else None
        if i is None:
            return
        self.ensure_row_visible(int(self.model.rows[i]))
        x0, x1 = self.visible_range()
        x = float(self._anchor_x(np.array([i]))[0]) if self.model.dated[i] else None
        if x is not None and not (x0 <= x <= x1):
            self.set_visible_range(x - (x1 - x0) / 2, x + (x1 - x0) / 2)

    def _on_view_box_range_changed(self, *_args) -> None:
        self.overview.follow(*self.visible_range())
        self.overview.align_left(self.lane_axis.width())
        self._update_frame()

    def _on_view_box_resized(self, *_args) -> None:
        self.overview.align_left(self.lane_axis.width())  # the lane names' final width
        self._layout_rows()
        self._update_frame()

    def _on_lane_scroll_value_changed(self, value: int) -> None:
        self._top_row = value
        self._layout_rows()
        self._update_frame()

    def _on_scene_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        event_id = self.event_at(event.scenePos())
        if event_id is not None:
            self.model.select(event_id)
            self.event_clicked.emit(event_id)

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        event_id = self.event_at(pos)
        if event_id == self._hover_id:
            return
        self._hover_id = event_id
        if event_id is None:
            QToolTip.hideText()
            return
        view_pos = self.plot_widget.mapFromScene(pos)
        text = tooltip_html(self.model.describe(event_id))
        QToolTip.showText(self.plot_widget.mapToGlobal(view_pos), text, self)

    # -- picking and keys ---------------------------------------------------------------------
    def event_at(self, scene_pos: QPointF) -> int | None:
        """Id of the event drawn at a scene position (plot or undated tray), or None."""
        if self.view_box.sceneBoundingRect().contains(scene_pos):
            p = self.view_box.mapSceneToView(scene_pos)
            row = int(np.floor(p.y() + 0.5))
            x0, x1 = self.visible_range()
            tol = HIT_PX * (x1 - x0) / max(self.view_box.width(), 1.0)
            return self.model.hit_test(p.x(), row, tol)
        tray_box = self.tray_item.getViewBox()
        if tray_box.sceneBoundingRect().contains(scene_pos) and len(self._tray_points):
            p = tray_box.mapSceneToView(scene_pos)
            dx = np.abs(self._tray_points[:, 0] - p.x()) * TRAY_WIDTH
            dy = np.abs(self._tray_points[:, 1] - p.y()) * MIN_ROW_PX
            best = int(np.argmin(dx + dy))
            if dx[best] <= HIT_PX and dy[best] <= HIT_PX:
                return int(self.model.ids[int(self._tray_points[best, 2])])
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot_widget and event.type() == QEvent.Type.KeyPress:
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Home:
            self.fit_all()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / 1.5)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.model.step(-1 if key == Qt.Key.Key_Left else 1)
        else:
            return False
        return True
