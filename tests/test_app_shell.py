"""The desktop shell: first-run hint, menus, new/open/recent stores, import, drop, About."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

import desktop.app as app_module
import desktop.demo
from desktop import __version__
from desktop.app import LAST_STORE, build_window
from desktop.paths import demo_store_path, resource_path
from desktop.store import EventStore
from desktop.widgets.about_dialog import AboutDialog
from desktop.widgets.store_actions import HINT_DISMISSED


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app_module, "show_message", lambda _p, title, text, *a: shown.append((title, text))
    )
    return shown


@pytest.fixture
def demo(tmp_path, monkeypatch, sample_store):
    """A demo store (a copy of the sample store) where the app expects it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = demo_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample_store, path)
    monkeypatch.setattr(desktop.demo, "ensure_demo_store", lambda *a, **k: path)
    return path


@pytest.fixture
def window_on(qtbot, settings, messages, demo):
    """build_window(db) with qtbot cleanup; returns (window, controller)."""

    def build(db: Path | None):
        window, controller = build_window(db, None, settings)
        qtbot.addWidget(window)
        return window, controller

    return build


def _copy(src: Path, dest: Path) -> Path:
    shutil.copy(src, dest)
    return dest


def _action_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_first_run_shows_the_demo_with_a_dismissable_hint(window_on, settings, demo):
    window, _ = window_on(None)
    assert window.store_model.path == demo
    assert window.hint.isVisibleTo(window)
    assert "Import articles" in window.hint.label.text()
    assert "demo" in window.hint.title_label.text()
    window.hint.dismiss_button.click()
    assert not window.hint.isVisibleTo(window)
    assert settings.value(HINT_DISMISSED, False, type=bool)
    again, _ = window_on(None)
    assert again.store_model.path == demo and not again.hint.isVisibleTo(again)


def test_the_demo_is_never_the_last_or_a_recent_store(window_on, settings):
    window_on(None)
    assert not settings.value(LAST_STORE, "")
    assert settings.value("recent_stores") in (None, [], "")


def test_no_hint_on_a_store_of_your_own(window_on, sample_store):
    window, _ = window_on(sample_store)
    assert not window.hint.isVisibleTo(window)


def test_menus_offer_the_whole_file_workflow(window_on, sample_store):
    window, _ = window_on(sample_store)
    titles = [a.text() for a in window.menus.bar.actions()]
    assert titles[0] == "&File" and titles[-1] == "&Help"
    assert _action_texts(window.file_menu) == [
        "&New store…",
        "&Open store…",
        "Open &Recent",
        "&Import articles…",
        "Import a &folder of articles…",
        "Import &events…",
        "Export e&vents",
        "&Export picture",
        "&Quit",
    ]
    assert _action_texts(window.menus.help_menu) == ["&About Eventline"]
    assert _action_texts(window.export_menu)  # the app's export entries are still there


def test_recent_stores_switch_in_the_same_window(window_on, sample_store, tmp_path, settings):
    other = _copy(sample_store, tmp_path / "other & more.eventline")
    window, controller = window_on(sample_store)
    first_store = window.store_model._store
    assert controller.actions.open_store(other)
    assert first_store._conn is None  # the old store was closed
    assert window.store_model.path == other
    assert str(other) in window.windowTitle()
    recent = [a for a in window.menus.recent_menu.actions() if a.data()]
    assert [a.data() for a in recent] == [str(other), str(sample_store)]
    assert recent[0].text() == f"&1 other && more.eventline — {other}".replace(
        str(other), str(other).replace("&", "&&")
    )
    recent[1].trigger()
    assert window.store_model.path == sample_store
    assert settings.value(LAST_STORE) == str(sample_store)


def test_a_corrupt_store_is_explained_and_the_current_one_stays(
    window_on, sample_store, tmp_path, messages
):
    window, controller = window_on(sample_store)
    broken = tmp_path / "<i>broken<i>.eventline"
    broken.write_bytes(b"SQLite format 3\x00" + b"garbage" * 50)
    assert not controller.actions.open_store(broken)
    assert window.store_model.path == sample_store and window.store_model.is_open
    title, text = messages[-1]
    assert "cannot open store" in title
    assert "<i>broken<i>" in text and "File → Open store" in text


def test_new_store_is_created_and_opened(window_on, sample_store, tmp_path, monkeypatch):
    window, controller = window_on(sample_store)
    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    created = controller.actions.new_store()
    assert created == tmp_path / "fresh.eventline"
    assert window.store_model.path == created and window.store_model.records == []
    assert window.hint.isVisibleTo(window) and "no events yet" in window.hint.title_label.text()
    window.hint.dismiss_button.click()  # hides for now; not remembered (that is the demo's)
    assert not window.hint.isVisibleTo(window)
    assert not controller.settings.value(HINT_DISMISSED, False, type=bool)
    with EventStore.open(created, readonly=True) as store:
        assert store.count_events() == 0


def test_new_store_never_overwrites_a_file(window_on, sample_store, monkeypatch, messages):
    _window, controller = window_on(sample_store)
    before = sample_store.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sample_store), ""))
    assert controller.actions.new_store() is None
    assert sample_store.read_bytes() == before
    assert "already exists" in messages[-1][1]


def _import(qtbot, controller, paths) -> None:
    actions = controller.actions
    with qtbot.waitSignal(actions.importer.finished, timeout=60_000):
        assert actions.import_paths(paths)
        assert actions.progress_dialog is not None and actions.progress_dialog.isVisible()


def test_import_reloads_the_window_and_summarises(qtbot, window_on, sample_store, tmp_path):
    store = _copy(sample_store, tmp_path / "mine.eventline")
    window, controller = window_on(store)
    before = len(window.store_model.records)
    articles = sorted(resource_path("demo").glob("*.txt"))
    _import(qtbot, controller, articles)
    actions = controller.actions
    assert actions.progress_dialog is None
    assert len(window.store_model.records) > before
    assert window.timeline_model.total_count == len(window.store_model.records)
    summary = actions.summary_dialog
    assert summary is not None and summary.isVisible()
    assert summary.headline_label.text().startswith("2 added, 0 skipped")
    assert summary.table.rowCount() == 2
    assert summary.table.item(0, 1).text() == "Added"


def test_import_from_the_demo_goes_into_a_new_store(
    qtbot, window_on, demo, tmp_path, monkeypatch, messages
):
    window, controller = window_on(None)
    demo_bytes = demo.read_bytes()
    target = tmp_path / "own.eventline"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _import(qtbot, controller, [resource_path("demo")])
    assert "demo store" in messages[0][1]
    assert window.store_model.path == target and len(window.store_model.records) > 0
    assert not window.hint.isVisibleTo(window)
    assert demo.read_bytes() == demo_bytes


def test_drop_articles_imports_and_drop_a_store_opens_it(qtbot, window_on, sample_store, tmp_path):
    store = _copy(sample_store, tmp_path / "mine.eventline")
    other = _copy(sample_store, tmp_path / "other.db")
    window, controller = window_on(store)
    article = tmp_path / "note.md"
    article.write_text("On May 2, 2024, Acme Robotics released Arm 2.\n", encoding="utf-8")
    with qtbot.waitSignal(controller.actions.importer.finished, timeout=60_000):
        _drop(window, [article])
    assert controller.actions.summary_dialog.headline_label.text().startswith("1 added")
    _drop(window, [other])
    assert window.store_model.path == other


def test_dropping_something_else_says_what_was_ignored(window_on, sample_store, tmp_path, messages):
    window, _ = window_on(sample_store)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    _drop(window, [picture])
    assert window.store_model.path == sample_store
    assert "photo.png" in messages[-1][1]


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()


def test_layout_is_remembered(window_on, sample_store):
    window, controller = window_on(sample_store)
    window.resize(760, 560)  # inside the offscreen screen (800x600)
    window.main_splitter.setSizes([200, 500])
    window.side_splitter.setSizes([500, 100])
    wanted = (window.main_splitter.sizes(), window.side_splitter.sizes())
    controller.save()
    again, _ = window_on(None)
    assert again.store_model.path == sample_store  # the last store
    assert (again.main_splitter.sizes(), again.side_splitter.sizes()) == wanted
    assert (again.width(), again.height()) == (760, 560)


def test_about_names_version_licence_and_the_sample_articles(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert f"Eventline {__version__}" in text
    assert "MIT License" in text and "LICENSE" in text
    assert "third-party news text from March 2025" in text
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.labels)


def test_about_opens_from_the_help_menu(window_on, sample_store):
    window, controller = window_on(sample_store)
    window.menus.about_action.trigger()
    assert controller.actions.about_dialog is not None
    assert controller.actions.about_dialog.isVisible()
