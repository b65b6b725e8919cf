"""Shell parts on their own: recent stores, drop plans, new stores, the progress runner, dialogs."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.store import EventStore, StoreError
from desktop.viewmodel.recent_stores import MAX_RECENT, RecentStores, prune_recent, push_recent
from desktop.viewmodel.store_files import create_store, plan_drop, with_store_suffix
from desktop.widgets.first_run_hint import FirstRunHint
from desktop.widgets.import_dialog import ImportProgressDialog, ImportSummaryDialog
from desktop.workers import ProgressRunner


def test_push_recent_puts_first_dedupes_and_limits():
    items = [f"/s/{i}.eventline" for i in range(MAX_RECENT)]
    pushed = push_recent(items, "/s/3.eventline")
    assert pushed[0] == "/s/3.eventline" and pushed.count("/s/3.eventline") == 1
    assert len(pushed) == MAX_RECENT
    assert push_recent(items, "/s/new.eventline")[-1] == items[-2]  # the oldest fell off
    assert prune_recent(["/a", "", "/b"], exists=lambda p: p == "/b") == ["/b"]


def test_recent_stores_in_settings(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    a, b, demo = (tmp_path / n for n in ("a.eventline", "b.eventline", "demo.eventline"))
    for path in (a, b, demo):
        path.write_bytes(b"x")
    recent = RecentStores(settings, excluded=[demo])
    recent.add(a)
    assert RecentStores(settings).paths() == [str(a)]  # a one-item list survives QSettings
    recent.add(demo)
    recent.add(b)
    assert recent.paths() == [str(b), str(a)]
    a.unlink()
    assert recent.paths() == [str(b)]
    recent.remove(b)
    assert recent.paths() == []


def test_plan_drop_sorts_articles_stores_and_the_rest(tmp_path, sample_store):
    folder = tmp_path / "news"
    folder.mkdir()
    article = tmp_path / "a.HTML"
    article.write_text("<p>x</p>")
    renamed_store = tmp_path / "timeline.bin"
    renamed_store.write_bytes(sample_store.read_bytes())
    other = tmp_path / "photo.png"
    other.write_bytes(b"\x89PNG")
    plan = plan_drop([folder, article, renamed_store, other])
    assert plan.articles == [folder, article]
    assert plan.stores == [renamed_store] and plan.ignored == [other]
    assert plan.store_to_open is None  # articles win: a mixed drop imports
    assert plan_drop([renamed_store]).store_to_open == renamed_store


def test_create_store_makes_an_empty_store_and_never_overwrites(tmp_path):
    assert with_store_suffix(tmp_path / "t") == tmp_path / "t.eventline"
    assert with_store_suffix(tmp_path / "t.db") == tmp_path / "t.db"
    path = create_store(tmp_path / "t.eventline")
    with EventStore.open(path, readonly=True) as store:
        assert store.count_events() == 0
    with pytest.raises(StoreError, match="already exists"):
        create_store(path)
    empty = tmp_path / "empty.eventline"
    empty.write_bytes(b"")
    create_store(empty)  # a 0-byte file (e.g. made by a save dialog) is initialised
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError):
        create_store(foreign)


def test_progress_runner_relays_progress_and_one_job_at_a_time(qtbot):
    runner = ProgressRunner()
    seen: list[object] = []
    runner.progressed.connect(seen.append)

    def job(report, should_stop):
        for i in range(3):
            report(i)
        return "done"

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.run(job)
        with pytest.raises(RuntimeError):
            runner.run(job)
    assert blocker.args == ["done"] and seen == [0, 1, 2] and not runner.busy


def test_progress_runner_cancel_and_failure(qtbot):
    runner = ProgressRunner()

    def waits_for_cancel(report, should_stop):
        while not should_stop():
            QApplication.processEvents()
        return "stopped"

    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.run(waits_for_cancel)
        runner.cancel()
    assert blocker.args == ["stopped"]

    def boom(report, should_stop):
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.failed, timeout=10_000) as blocker:
        runner.run(boom)
    assert blocker.args == ["ValueError: bad input"]


def test_progress_dialog_cancel_button_esc_and_close(qtbot):
    dialog = ImportProgressDialog("<b>store</b>.eventline")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title_label.textFormat() == Qt.TextFormat.PlainText
    dialog.set_progress("Reading 2 of 4: a.txt", 1, 4)
    assert dialog.file_label.text() == "Reading 2 of 4: a.txt" and dialog.bar.value() == 1
    dialog.set_progress("Reading 3 of 4: " + "x" * 400 + ".txt", 2, 4)
    assert "…" in dialog.file_label.text() and dialog.file_label.text().endswith("x.txt")
    assert dialog.width() < 1000 and dialog.file_label.toolTip().endswith("x.txt")
    with qtbot.waitSignal(dialog.cancel_requested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    assert "Cancelling" in dialog.file_label.text()
    dialog.set_progress("Reading 3 of 4: b.txt", 2, 4)
    assert "Cancelling" in dialog.file_label.text()  # the cancel note stays
    with qtbot.assertNotEmitted(dialog.cancel_requested):
        dialog.close()  # already cancelling: nothing more to ask
    assert dialog.isVisible()


def test_summary_dialog_rows_are_plain_text(qtbot):
    rows = [
        ("<b>a</b>.txt", "added", "3 events"),
        ("b.txt", "rejected", "b.txt: the file is empty"),
    ]
    dialog = ImportSummaryDialog("1 added, 0 skipped, 1 rejected.", rows)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "<b>a</b>.txt"
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["Added", "Rejected"]
    assert dialog.table.item(1, 2).text() == "b.txt: the file is empty"


def _luma(colour: QColor) -> float:
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()


def test_hint_follows_a_dark_palette(qtbot, qapp):
    hint = FirstRunHint()
    qtbot.addWidget(hint)
    assert _luma(hint.tint()) > 0.6  # light by default
    original = QPalette(qapp.palette())
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#eeeeee"),
                         (QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.Highlight, "#2d6cdf")):  # fmt: skip
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert _luma(hint.tint()) < 0.3
        assert hint.palette().color(QPalette.ColorRole.Window) == hint.tint()
        assert hint.palette().color(QPalette.ColorRole.WindowText) == QColor("#eeeeee")
    finally:
        qapp.setPalette(original)
        qapp.processEvents()
    assert _luma(hint.tint()) > 0.6
