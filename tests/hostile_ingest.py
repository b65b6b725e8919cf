"""SIGKILL during ``eventline ingest``: run it in a subprocess, kill it at a random moment, and
check what it left (shared by tests/test_reliability_kill.py and benches/reliability.py).

A clean run on a fresh store gives, per document, the number of mentions the extractor found;
after a kill every stored document must have exactly that many (an article is committed with
all its events or not at all), ``PRAGMA integrity_check`` must say ok, and running the same
ingest again must complete and give the clean run's records.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.store import EventStore

ROOT = Path(__file__).resolve().parent.parent


# The ``ingest`` subcommand's own configure()/run(), without the other subcommands' imports:
# a fallback for a tree where another subcommand is half-written.
_DIRECT = (
    "import argparse, sys; from desktop.commands import ingest; "
    "p = argparse.ArgumentParser(); ingest.configure(p); a = p.parse_args(); sys.exit(a.run(a))"
)


@functools.cache
def _cli_works() -> bool:
    probe = [sys.executable, "-m", "desktop.cli", "ingest", "--help"]
    return subprocess.run(probe, cwd=ROOT, capture_output=True, check=False).returncode == 0


def ingest_command(db: Path, folder: Path) -> list[str]:
    """``eventline ingest FOLDER --db DB`` as a command line."""
    head = ["-m", "desktop.cli", "ingest"] if _cli_works() else ["-c", _DIRECT]
    return [sys.executable, *head, str(folder), "--db", str(db)]


def _env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(scratch / name.lower())
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_ingest(db: Path, folder: Path, scratch: Path, timeout: float = 300) -> int:
    """Run the ingest to completion; returns its exit code."""
    done = subprocess.run(
        ingest_command(db, folder),
        cwd=ROOT,
        env=_env(scratch),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
    return done.returncode


def kill_ingest(db: Path, folder: Path, scratch: Path, delay: float) -> bool:
    """Start the ingest and SIGKILL it after ``delay`` seconds; False if it ended first."""
    proc = subprocess.Popen(
        ingest_command(db, folder),
        cwd=ROOT,
        env=_env(scratch),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def mention_counts(db: Path) -> dict[str, int]:
    """document id -> number of mentions stored for it."""
    with contextlib.closing(sqlite3.connect(str(db))) as conn:
        rows = conn.execute(
            "SELECT d.id, COUNT(m.id) FROM documents d LEFT JOIN mentions m"
            " ON m.document_id = d.id GROUP BY d.id"
        )
        return dict(rows.fetchall())


def integrity_ok(db: Path) -> bool:
    if not db.exists():
        return True  # killed before it created the store
    try:
        with contextlib.closing(sqlite3.connect(str(db))) as conn:
            return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


def partial_documents(db: Path, clean: dict[str, int]) -> int:
    """Stored documents whose mentions differ from the clean run's (or that it never had)."""
    if not db.exists():
        return 0
    try:
        counts = mention_counts(db)
    except sqlite3.DatabaseError:
        return 0  # a store without tables yet: nothing partial in it
    return sum(1 for doc_id, n in counts.items() if clean.get(doc_id) != n)


def records(db: Path) -> list[dict]:
    with EventStore.open(db) as store:
        return store.exchange_records()


@dataclass
class KillReport:
    kills: int = 0
    corrupt: int = 0
    partial: int = 0
    reruns: int = 0
    rerun_failures: int = 0
    notes: list[str] = field(default_factory=list)


def kill_campaign(
    folder: Path,
    work: Path,
    kills: int,
    rng: random.Random,
    rerun_every: int = 4,
    deadline: float | None = None,
) -> KillReport:
    """``kills`` SIGKILLed ingests of ``folder``; every ``rerun_every`` kills (and at the end)
    the same ingest is run again to completion and compared with a clean run."""
    work.mkdir(parents=True, exist_ok=True)
    clean_db = work / "clean.db"
    started = time.monotonic()
    clean_rc = run_ingest(clean_db, folder, work)  # 1 when some article was rejected
    if clean_rc not in (0, 1) or not clean_db.exists():
        raise RuntimeError(f"the clean ingest failed (exit {clean_rc})")
    full = time.monotonic() - started
    clean, clean_records = mention_counts(clean_db), records(clean_db)
    report = KillReport()
    chain, db = 0, work / "chain0.db"
    attempts = 0
    # a kill lands only while the ingest still runs; runs after the first are often faster
    # (warm caches), so aim inside the first 80 % of the clean run and allow a few misses
    while report.kills < kills and attempts < kills * 5:
        if deadline is not None and time.monotonic() > deadline:
            report.notes.append("deadline reached")
            break
        attempts += 1
        if kill_ingest(db, folder, work, rng.uniform(0.05, full * 0.8)):
            report.kills += 1
            report.corrupt += not integrity_ok(db)
            report.partial += partial_documents(db, clean)
        if report.kills % rerun_every == 0 or report.kills >= kills:
            report.reruns += 1
            ok = run_ingest(db, folder, work) == clean_rc and records(db) == clean_records
            report.rerun_failures += not ok
            chain += 1
            db = work / f"chain{chain}.db"
    return report
