"""``eventline synth`` + ``eventline bench`` on a tiny store: the bench's last line is the JSON
summary with every field the scale issue names (timings are not asserted: CI is not a bench)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import main


def test_synth_then_bench_prints_the_json_line(tmp_path: Path) -> None:
    db = tmp_path / "tiny.db"
    assert main(["synth", "--events", "300", "--db", str(db)]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "bench", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["events"] == 300
    for key in ("first_open_no_cache_ms", "open_to_first_frame_ms", "peak_rss_mb"):
        assert isinstance(summary[key], float) and summary[key] > 0
    assert set(summary["frame_ms"]) == {"median", "p95", "max"}
    assert summary["frame_ms"]["median"] <= summary["frame_ms"]["p95"] <= summary["frame_ms"]["max"]
    assert set(summary["search_to_frame_ms"]) == {"median", "p95", "p95_selective"}
    assert any("frames at" in line for line in lines[:-1])  # the figures come first


def test_synth_refuses_a_store_with_events(tmp_path: Path, capsys) -> None:
    db = tmp_path / "s.db"
    assert main(["synth", "--events", "20", "--db", str(db)]) == 0
    assert main(["synth", "--events", "20", "--db", str(db)]) == 1
    assert "already holds events" in capsys.readouterr().err


def test_bench_on_a_missing_store_is_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["bench", "--db", str(tmp_path / "nope.db")]) == 1
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err
