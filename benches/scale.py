"""Scale benchmark: ``eventline synth`` + ``eventline bench`` for 10^4, 10^6 and 5·10^6 events.

    .venv/bin/python benches/scale.py [--sizes 10000 1000000 5000000] [--dir /tmp] [--keep]

Stores are ~1.2 GB per 10^6 events: they go to --dir (default /tmp) and are deleted after each
bench unless --keep (an existing store of the right size is reused). Prints one row per size
and the ratio of frame p95 at 10^6 to frame p95 at 10^4 (target: <= max(1.5, 8 ms / p95@10^4)).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

SIZES = (10_000, 1_000_000, 5_000_000)
EVENTLINE = [sys.executable, "-m", "desktop.cli"]


def _run(args: list[str]) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def _store(n: int, folder: Path) -> tuple[Path, float | None]:
    path = folder / f"eventline-scale-{n}.db"
    if path.exists():
        return path, None
    started = time.perf_counter()
    _run([*EVENTLINE, "synth", "--events", str(n), "--db", str(path)])
    return path, time.perf_counter() - started


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--keep", action="store_true", help="keep the synthetic stores")
    args = parser.parse_args()
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    rows = {}
    for n in args.sizes:
        path, synth_s = _store(n, args.dir)
        output = _run([*EVENTLINE, "bench", "--db", str(path)])
        summary = json.loads(output.strip().splitlines()[-1])
        summary["synth_s"] = None if synth_s is None else round(synth_s, 1)
        rows[n] = summary
        print(json.dumps(summary), flush=True)
        if not args.keep:
            _remove(path)
    header = (
        f"{'events':>9} {'synth s':>8} {'open no cache ms':>17} {'open ms':>8} "
        f"{'frame med':>9} {'frame p95':>9} {'frame max':>9} {'search p95':>10} "
        f"{'sel. p95':>8} {'RSS MB':>7}"
    )
    print(header)
    for n, s in rows.items():
        f, q = s["frame_ms"], s["search_to_frame_ms"]
        print(
            f"{n:>9} {s['synth_s'] if s['synth_s'] is not None else '-':>8} "
            f"{s['first_open_no_cache_ms']:>17} {s['open_to_first_frame_ms']:>8} "
            f"{f['median']:>9} {f['p95']:>9} {f['max']:>9} {q['p95']:>10} "
            f"{q['p95_selective']:>8} {s['peak_rss_mb']:>7}"
        )
    if 10_000 in rows and 1_000_000 in rows:
        small, big = rows[10_000]["frame_ms"]["p95"], rows[1_000_000]["frame_ms"]["p95"]
        ratio = big / small if small else float("inf")
        print(
            f"frame p95 at 10^6 / frame p95 at 10^4 = {ratio:.2f} "
            f"(target: 10^6 p95 {big} <= max(1.5 x {small}, 8) = {max(1.5 * small, 8.0):.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
