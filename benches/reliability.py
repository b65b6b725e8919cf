"""Reliability bench: the long versions of tests/test_reliability_*.py, with figures.

``python benches/reliability.py [--quick] [--seed N]`` runs hostile search strings against a
hostile-text store, opens hostile store files the way the viewer and ``eventline events`` do,
SIGKILLs ``eventline ingest`` at random moments, and renders a hostile-text store in the real
window. Its last line is exactly the JSON object of issue 7.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hostile  # noqa: E402
import hostile_ingest  # noqa: E402
import hostile_stores  # noqa: E402

from desktop.store import EventStore, StoreError  # noqa: E402


def bench_search(work: Path, n: int, rng: random.Random) -> tuple[int, int, list[str]]:
    path = hostile.make_hostile_text_store(work / "search.db", long_line_bytes=50_000)
    errors, notes = 0, []
    with EventStore.open(path) as store:
        for _ in range(n):
            query = hostile.random_query(rng)
            try:
                store.search(query)
                store.search_documents(query)
            except Exception as exc:  # any exception is a failure here
                errors += 1
                notes.append(f"search {query[:60]!r}: {type(exc).__name__}: {exc}")
    return n, errors, notes


def bench_stores(work: Path, n: int, rng: random.Random) -> tuple[int, int, int, list[str]]:
    base = hostile_stores.valid_store_bytes(work)
    kinds = sorted(hostile_stores.STORE_KINDS)
    crashes = modified = tried = 0
    notes: list[str] = []
    folder = work / "stores"
    for i in range(n):
        hostile_stores.reset_dir(folder) if i % 200 == 0 else None
        kind = kinds[i % len(kinds)]
        special = i % 50
        if special == 1:
            path, kind = hostile_stores.make_directory_store(folder / f"dir{i}.db"), "directory"
        elif special == 2 and not hostile_stores.is_root():
            path, kind = (
                hostile_stores.make_unreadable_store(base, folder / f"u{i}.db"),
                "unreadable",
            )
        elif special == 3:
            path, kind = (
                hostile_stores.make_readonly_store(base, folder / f"ro{i}" / "r.db"),
                "readonly",
            )
        else:
            path = hostile_stores.make_hostile_store(kind, base, folder / f"s{i}.db", rng)
        before = hostile_stores.file_state(path)
        tried += 1
        try:
            with EventStore.open(path, readonly=True) as store:
                hostile.read_everything(store)
        except StoreError:
            pass
        except Exception as exc:
            crashes += 1
            notes.append(f"store {kind}: {type(exc).__name__}: {exc}")
        if hostile_stores.file_state(path) != before:
            modified += 1
            notes.append(f"store {kind}: file modified")
    return tried, crashes, modified, notes


def bench_window(work: Path) -> tuple[int, list[str]]:
    """Markup found rendered in the real window on a hostile-text store (and broken stores)."""
    from PySide6.QtWidgets import QApplication
    from test_reliability_text import markup_rendered

    from desktop.viewmodel.store_model import StoreModel
    from desktop.widgets.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = hostile.make_hostile_text_store(work / "window.db", long_line_bytes=1_000_000)
    model = StoreModel()
    model.open(path)
    window = MainWindow(model)
    window.resize(1400, 900)
    window.show()
    found: list[str] = []
    for record in model.records:
        window.selection.select(record.id)
        app.processEvents()
        found += markup_rendered(window)
    window.close()
    model.close()
    return len(found), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized run")
    parser.add_argument("--seed", type=int, default=20251123)
    args = parser.parse_args()
    n_search, n_stores, n_kills = (500, 100, 5) if args.quick else (10_000, 1_000, 100)
    rng = random.Random(args.seed)
    started = time.monotonic()
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="eventline-reliability-") as tmp:
        work = Path(tmp)
        searched, search_errors, more = bench_search(work, n_search, rng)
        notes += more
        tried, crashes, modified, more = bench_stores(work, n_stores, rng)
        notes += more
        articles = work / "articles"
        hostile.write_articles(articles, 60, rng)
        deadline = started + 330  # keep the whole run under 6 minutes on 2 cores
        kills = hostile_ingest.kill_campaign(articles, work / "kills", n_kills, rng,
                                             deadline=deadline)  # fmt: skip
        notes += kills.notes
        if kills.rerun_failures:
            notes.append(f"{kills.rerun_failures} of {kills.reruns} re-runs did not complete")
        rendered, more = bench_window(work)
        notes += more
        hostile_stores.reset_dir(work / "stores")  # permissions back, so the folder can be removed
    for note in notes[:50]:
        print(note, file=sys.stderr)
    print(f"ingest re-runs after kills: {kills.reruns}, failed: {kills.rerun_failures}")
    result = {
        "search_strings": searched,
        "search_errors": search_errors,
        "stores_tried": tried,
        "store_crashes": crashes,
        "stores_modified": modified,
        "ingest_kills": kills.kills,
        "stores_corrupt_after_kill": kills.corrupt,
        "partial_articles": kills.partial,
        "markup_rendered": rendered,
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(result))
    failed = search_errors + crashes + modified + kills.corrupt + kills.partial + rendered
    return 1 if failed or kills.rerun_failures else 0


if __name__ == "__main__":
    sys.exit(main())
