"""eventline screenshot: the real window, headless, with search, range and selection applied."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.export.provenance import read_provenance
from desktop.screenshot import ScreenshotError, render_screenshot
from desktop.store import EventStore

EVIDENCE_YELLOW = QColor("#ffd54f")


def _has_colour(image: QImage, colour: QColor, x0: int) -> bool:
    for y in range(0, image.height(), 3):
        for x in range(x0, image.width(), 3):
            if image.pixelColor(x, y) == colour:
                return True
    return False


def test_png_has_the_size_and_records_the_view(qapp, sample_store, tmp_path):
    out = tmp_path / "shot.png"
    render_screenshot(sample_store, out, query="revenue", size=(1200, 800))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    provenance = read_provenance(out)
    with EventStore.open(sample_store, readonly=True) as store:
        expected = store.search("revenue")
        assert provenance["store_uuid"] == store.uuid
    assert provenance["query"] == "revenue"
    assert provenance["store_file"] == sample_store.name
    assert set(provenance["ids"]) <= set(expected)


def test_select_highlights_the_source(qapp, sample_store, tmp_path):
    plain, selected = tmp_path / "plain.png", tmp_path / "selected.png"
    render_screenshot(sample_store, plain)
    render_screenshot(sample_store, selected, select_key="baidu-ernie-4.5-release")
    assert read_provenance(selected)["selection"] == "baidu-ernie-4.5-release"
    # the evidence highlight colour appears in the source pane (right half) only when selected
    assert _has_colour(QImage(str(selected)), EVIDENCE_YELLOW, 700)
    assert not _has_colour(QImage(str(plain)), EVIDENCE_YELLOW, 700)


# Qt's PDF engine cannot blend the style's mixed-colour-spec gradients (it draws them solid).
@pytest.mark.qt_log_ignore("QPdfEngine: unable to create a gradient")
@pytest.mark.parametrize("suffix", ["svg", "pdf"])
def test_vector_formats(qapp, sample_store, tmp_path, suffix):
    out = tmp_path / f"shot.{suffix}"
    render_screenshot(sample_store, out, date_from="2025-03", date_to="2025-06-30")
    if suffix == "svg":
        assert ElementTree.parse(out).getroot().tag.endswith("svg")
    else:
        assert out.read_bytes().startswith(b"%PDF")
    provenance = read_provenance(out)
    assert provenance["filters"]["date_from"] < provenance["filters"]["date_to"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"select_key": "no-such-event"},
        {"date_from": "2025-13"},
        {"date_from": "2025-06", "date_to": "2025-01"},
    ],
)
def test_bad_arguments_raise_a_clear_error(qapp, sample_store, tmp_path, kwargs):
    with pytest.raises(ScreenshotError):
        render_screenshot(sample_store, tmp_path / "x.png", **kwargs)


def test_unknown_format_is_refused(qapp, sample_store, tmp_path):
    with pytest.raises(ScreenshotError):
        render_screenshot(sample_store, tmp_path / "x.gif")
