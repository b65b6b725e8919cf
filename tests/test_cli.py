"""The `eventline` command line contract (DESIGN.md): streams, exit codes, idempotence."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands import SUBCOMMANDS

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


def demo_articles() -> list[str]:
    return sorted(str(p) for p in DEMO.glob("*.txt"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: eventline " + command)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"eventline {command}" in readme, "every command is documented in the README"


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "a.txt"],
        ["events"],
        ["events", "--db", "x.db", "--format", "xml"],
        ["ingest", "a.txt", "--db", "x.db", "--published", "25/03/2025"],
        ["screenshot", "--db", "x.db", "--out", "x.png", "--size", "huge"],
        ["screenshot", "--db", "x.db", "--out", "x.png", "--from", "March"],
    ],
)
def test_usage_errors_exit_2(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert capsys.readouterr().out == ""


def test_ingest_then_events_lists_seed_events_and_is_idempotent(tmp_path, capsys):
    db = tmp_path / "s.db"
    assert main(["ingest", *demo_articles(), "--db", str(db)]) == 0
    assert "2 added" in capsys.readouterr().err
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    first = capsys.readouterr().out
    rows = [json.loads(line) for line in first.splitlines()]
    assert len(rows) >= 10
    texts = {p.name: p.read_text(encoding="utf-8") for p in DEMO.glob("*.txt")}
    for row in rows:
        assert row["doc"] in texts
        assert row["evidence"] in texts[row["doc"]]
    ernie = [r for r in rows if "Ernie 4.5" in r["evidence"] and r["date"] == "2025-03-16"]
    assert ernie, "Baidu's Ernie 4.5 release on 16 March is listed"

    before = digest(db)
    assert main(["ingest", *demo_articles(), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "0 added, 2 skipped" in err
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == first, "re-ingest adds nothing; output is deterministic"
    assert digest(db) == before


def test_events_csv_has_header_and_rows(tmp_path, capsys):
    db = tmp_path / "s.db"
    main(["ingest", *demo_articles(), "--db", str(db)])
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "csv", "--query", "ernie"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("doc,")
    assert len(lines) > 1 and all(
        "rnie" in line.lower() or "baidu" in line.lower() for line in lines[1:]
    )


def test_bad_file_is_reported_and_others_still_ingested(tmp_path, capsys):
    db = tmp_path / "s.db"
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    code = main(["ingest", str(png), str(missing), demo_articles()[0], "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert "rejected picture.txt" in err and "rejected missing.txt" in err
    assert "1 added" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50],
)
def test_read_commands_refuse_bad_stores_and_leave_them_untouched(tmp_path, content):
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    result = run_cli("events", "--db", str(db))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventline: "), result.stderr
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def test_events_on_missing_store_does_not_create_it(tmp_path):
    db = tmp_path / "nope.db"
    result = run_cli("events", "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not db.exists()


def test_extract_prints_json_lines_with_shared_keys(capsys):
    assert main(["extract", *demo_articles()]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    docs_by_key: dict[str, set[str]] = {}
    for row in rows:
        docs_by_key.setdefault(row["event_key"], set()).add(row["doc"])
    assert any(len(docs) == 2 for docs in docs_by_key.values()), "cross-file merge shares keys"


@pytest.mark.skipif(
    shutil.which("eventline") is None and not (ROOT / ".venv/bin/eventline").exists(),
    reason="console script not installed",
)
def test_console_script_usage_error_has_exit_2():
    script = shutil.which("eventline") or str(ROOT / ".venv/bin/eventline")
    result = subprocess.run([script, "events"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "--db" in result.stderr


def test_readme_examples_name_real_event_keys(tmp_path, capsys):
    """The README's screenshot example selects an event the demo corpus really has."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    keys = re.findall(r"--select (\S+)", readme)
    assert keys
    db = tmp_path / "s.db"
    main(["ingest", *demo_articles(), "--db", str(db)])
    main(["events", "--db", str(db)])
    known = {json.loads(line)["event_key"] for line in capsys.readouterr().out.splitlines()}
    assert set(keys) <= known


def test_eval_published_fills_only_missing_dates(tmp_path):
    from desktop.ingest import read_with_date

    dated = tmp_path / "dated.md"
    dated.write_text("---\npublished: 2024-01-02\n---\nText.\n", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text("Just text without a date.\n", encoding="utf-8")
    fallback = __import__("datetime").date(2025, 3, 25)
    kept = read_with_date(dated, fallback, override=False)
    filled = read_with_date(undated, fallback, override=False)
    forced = read_with_date(dated, fallback, override=True)
    assert (kept.published.isoformat(), kept.published_from) == ("2024-01-02", "front_matter")
    assert (filled.published, filled.published_from) == (fallback, "user")
    assert (forced.published, forced.published_from) == (fallback, "user")
