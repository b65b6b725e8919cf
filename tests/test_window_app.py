"""App start-up: store choice, remembered last store, error message, export and --view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

import desktop.app as app_module
import desktop.demo
from desktop.app import LAST_STORE, build_window, open_first_store
from desktop.export.figure import export_figure
from desktop.export.provenance import read_provenance
from desktop.viewmodel.store_model import StoreModel


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_message", lambda _p, _t, text, *a: shown.append(text))
    return shown


def _fake_demo(monkeypatch, path):
    monkeypatch.setattr(desktop.demo, "ensure_demo_store", lambda *a, **k: path)


def test_given_store_opens_and_is_remembered(qtbot, sample_store, settings, messages):
    window, _controller = build_window(sample_store, None, settings)
    qtbot.addWidget(window)
    assert window.store_model.path == sample_store
    assert settings.value(LAST_STORE) == str(sample_store)
    assert messages == []


def test_no_argument_opens_the_last_store(qapp, sample_store, settings, messages):
    settings.setValue(LAST_STORE, str(sample_store))
    model = StoreModel()
    assert open_first_store(model, None, settings) == sample_store
    model.close()


def test_bad_store_explains_in_plain_text_then_opens_demo(
    qapp, sample_store, settings, messages, monkeypatch, tmp_path
):
    _fake_demo(monkeypatch, sample_store)
    broken = tmp_path / "<b>broken.db"
    broken.write_bytes(b"this is not a database at all" * 100)
    model = StoreModel()
    assert open_first_store(model, broken, settings) == sample_store
    assert len(messages) == 1 and "broken" in messages[0] and "demo" in messages[0]
    model.close()


def test_missing_last_store_falls_back_to_demo_silently(
    qapp, sample_store, settings, messages, monkeypatch, tmp_path
):
    _fake_demo(monkeypatch, sample_store)
    settings.setValue(LAST_STORE, str(tmp_path / "gone.db"))
    model = StoreModel()
    assert open_first_store(model, None, settings) == sample_store
    assert messages == []
    model.close()


@pytest.mark.parametrize("target", ["timeline", "timeline_all", "window"])
def test_export_targets_have_the_widget_size(qtbot, sample_store, settings, tmp_path, target):
    window, _ = build_window(sample_store, None, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    before = window.timeline_view.visible_range()
    out = export_figure(window, tmp_path / "t.png", target, scale=2.0)
    widget = window if target == "window" else window.timeline_view.plot_widget
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2 * widget.width(), 2 * widget.height())
    assert read_provenance(out)["target"] == target
    assert window.timeline_view.visible_range() == pytest.approx(before)


def test_view_round_trip(qtbot, sample_store, settings, tmp_path, messages):
    first, _ = build_window(sample_store, None, settings)
    qtbot.addWidget(first)
    first.show()
    first.search_bar.set_query("revenue")
    first.search.flush()
    first.selection.select_key("baidu-ernie-4.5-release")
    shown = sorted(first.timeline_model.shown_ids().tolist())
    out = export_figure(first, tmp_path / "view.png", "window")
    second, _ = build_window(sample_store, out, settings)
    qtbot.addWidget(second)
    assert second.search.query == "revenue"
    assert second.search_bar.search_edit.text() == "revenue"
    assert sorted(second.timeline_model.shown_ids().tolist()) == shown
    assert second.store_model.key_for_id(second.timeline_model.selected_id) == (
        "baidu-ernie-4.5-release"
    )
    assert read_provenance(out)["selection"] == "baidu-ernie-4.5-release"


def test_message_box_is_plain_text(qtbot):
    box = app_module.message_box(None, "t", "<b>file</b> <img src=x>")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "<b>file</b> <img src=x>"
