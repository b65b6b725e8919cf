"""A store of an older schema (v1) opened in the window: upgrade offered, backup kept, then
viewed read-only; the CLI's read commands keep refusing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.cli import main
from desktop.store import EventStore, StoreError
from desktop.store.schema import SCHEMA_VERSION, run_migrations
from desktop.viewmodel.store_model import StoreModel
from desktop.viewmodel.store_upgrade import older_schema, open_or_upgrade
from desktop.widgets import upgrade_dialog


def make_v1_store(path: Path) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    run_migrations(conn, target=1)
    conn.execute(
        "INSERT INTO documents (id, file_name, text, ingested_at) VALUES ('d1', 'a.txt',"
        " 'Baidu released Ernie 4.5 on March 16, 2025.', '2025-03-25T00:00:00+00:00')"
    )
    conn.execute(
        'INSERT INTO events (key, start, "end", precision, status, kind, actor, actor_key,'
        " title, created_at) VALUES ('baidu-ernie', '2025-03-16', '2025-03-16', 'day',"
        " 'happened', 'release', 'Baidu', 'baidu', 'Baidu releases Ernie 4.5', 'now')"
    )
    conn.execute(
        'INSERT INTO mentions (event_id, document_id, start, "end", precision, anchor,'
        " status, kind, evidence) VALUES (1, 'd1', 0, 44, 'day', 'explicit', 'happened',"
        " 'release', 'Baidu released Ernie 4.5 on March 16, 2025.')"
    )
    conn.close()
    return path


def test_older_schema_is_recognised(tmp_path: Path) -> None:
    old = make_v1_store(tmp_path / "old.eventline")
    assert older_schema(old) == 1
    with EventStore.create_or_open(tmp_path / "new.eventline"):
        pass
    assert older_schema(tmp_path / "new.eventline") is None
    (tmp_path / "text.txt").write_text("not a store")
    assert older_schema(tmp_path / "text.txt") is None


def test_declined_upgrade_leaves_the_store_untouched(tmp_path: Path) -> None:
    old = make_v1_store(tmp_path / "old.eventline")
    before = old.read_bytes()
    asked: list[tuple[str, int]] = []
    model = StoreModel()
    with pytest.raises(StoreError, match="older Eventline"):
        open_or_upgrade(model, old, lambda p, v: asked.append((p, v)) or False)
    assert asked == [(str(old), 1)]
    assert old.read_bytes() == before and not model.is_open


def test_window_upgrades_then_views_read_only(qtbot, tmp_path: Path) -> None:
    old = make_v1_store(tmp_path / "old.eventline")
    texts: list[str] = []

    def click_upgrade() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        button = next(b for b in box.buttons() if b.text() == upgrade_dialog.UPGRADE_BUTTON)
        button.click()

    QTimer.singleShot(0, click_upgrade)
    model = StoreModel()
    upgrade_dialog.open_store_offering_upgrade(model, old, None)
    assert texts and "older Eventline" in texts[0] and "old.eventline.bak-v1" in texts[0]
    assert model.is_open and model.path == old
    assert [r.title for r in model.records] == ["Baidu releases Ernie 4.5"]
    assert model._store.readonly  # viewing stays read-only
    backup = sqlite3.connect(tmp_path / "old.eventline.bak-v1")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT title FROM events").fetchall() == [("Baidu releases Ernie 4.5",)]
    backup.close()
    with EventStore.open(old) as store:  # upgraded: curation works on it now
        assert store.curation(1).hidden is False
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    model.close()


def test_cli_read_commands_keep_refusing(tmp_path: Path, capsys) -> None:
    old = make_v1_store(tmp_path / "old.eventline")
    before = old.read_bytes()
    assert main(["events", "--db", str(old)]) == 1
    assert "older Eventline" in capsys.readouterr().err
    assert old.read_bytes() == before
