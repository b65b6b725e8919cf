"""Image export: each format is a valid file of the asked size carrying its provenance."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from desktop.export.image import ExportError, export_widget
from desktop.export.provenance import build_provenance, ids_hash, read_provenance


@pytest.fixture
def widget(qtbot):
    label = QLabel("Eventline <b>export</b>")
    qtbot.addWidget(label)
    label.resize(320, 200)
    label.show()
    return label


@pytest.fixture
def provenance():
    return build_provenance(
        store_path="/tmp/some/where/news.db",
        store_uuid="abc-123",
        generation=4,
        query='ernie "open <source>"',
        filters={"actor": "Baidu"},
        selection_key="baidu-ernie-4.5-release",
        time_range=(1735689600.0, 1743465600.0),
        shown_ids=[5, 3, 9],
    )


def test_provenance_record(provenance):
    assert provenance["store_file"] == "news.db"
    assert provenance["ids"] == [3, 5, 9]
    assert provenance["ids_sha256"] == ids_hash([9, 5, 3])
    assert provenance["time_range"] == ["2025-01-01T00:00:00Z", "2025-04-01T00:00:00Z"]


def test_provenance_lists_at_most_ten_thousand_ids():
    record = build_provenance(
        store_path=None, store_uuid=None, generation=None, shown_ids=range(12_000)
    )
    assert len(record["ids"]) == 10_000
    assert record["ids_truncated"] is True
    assert record["n_shown"] == 12_000


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_png_has_the_asked_size_and_provenance(widget, provenance, tmp_path, scale):
    out = export_widget(widget, tmp_path / "w.png", provenance, scale=scale)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (320 * scale, 200 * scale)
    assert read_provenance(out) == provenance


def test_svg_parses_has_size_and_provenance(widget, provenance, tmp_path):
    out = export_widget(widget, tmp_path / "w.svg", provenance)
    root = ElementTree.parse(out).getroot()
    assert root.tag.endswith("svg")
    width = float(re.match(r"[\d.]+", root.get("width")).group())
    height = float(re.match(r"[\d.]+", root.get("height")).group())
    assert width / height == pytest.approx(320 / 200, rel=0.02)
    assert read_provenance(out) == provenance


def test_pdf_has_one_page_of_the_widget_shape_and_provenance(widget, provenance, tmp_path):
    out = export_widget(widget, tmp_path / "w.pdf", provenance)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert re.search(rb"/Type\s*/Page\b", data)
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", data)
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    assert (x1 - x0) / (y1 - y0) == pytest.approx(320 / 200, rel=0.02)
    assert read_provenance(out) == provenance


def test_unknown_suffix_is_refused(widget, tmp_path):
    with pytest.raises(ExportError):
        export_widget(widget, tmp_path / "w.bmp")


def test_file_without_provenance_reads_none(widget, tmp_path):
    out = export_widget(widget, tmp_path / "plain.png")
    assert read_provenance(out) is None


def test_svg_draws_scatter_glyphs_as_shapes_not_atlas_images(qtbot, tmp_path):
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(300, 200)
    scatter = pg.ScatterPlotItem(x=[0, 1, 2], y=[0, 1, 0], symbol=["o", "t", "s"], size=12)
    plot.addItem(scatter)
    plot.show()
    qtbot.waitExposed(plot)

    def images_in_svg(name: str) -> int:
        path = tmp_path / name
        export_widget(plot, path)
        return path.read_text(encoding="utf-8").count("<image")

    few = images_in_svg("few.svg")
    scatter.setData(x=list(range(40)), y=[i % 5 for i in range(40)], symbol="t", size=12)
    many = images_in_svg("many.svg")
    assert many == few  # the pixmap atlas would add one embedded image per glyph
    assert scatter.opts["useCache"] is True  # the on-screen fast path is restored
