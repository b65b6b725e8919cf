"""Smoke test of the frozen bundle: build it, then run its binary with an empty environment.

    python packaging/smoke_test.py [--no-build] [--bundle dist/eventline]

1. builds the bundle (``packaging/build.py``) unless ``--no-build``;
2. ``env -i eventline ingest <the bundle's own demo articles> --db demo.eventline``;
3. ``env -i QT_QPA_PLATFORM=offscreen eventline screenshot --db demo.eventline --out x.png`` and
   checks the PNG (size, not blank, several colours);
4. when Xvfb and xwininfo exist, starts the GUI on a private X server and measures the time until
   its window is mapped (the closest headless proxy for "first window after double-click").

Prints one JSON line with the timings; exit 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1400, 900)


class SmokeError(Exception):
    pass


def run_empty_env(
    command: list[str], cwd: Path, extra: dict[str, str] | None = None
) -> tuple[float, str]:
    """Run ``command`` like ``env -i`` (plus ``extra``); return (seconds, stderr)."""
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=cwd, env=dict(extra or {}), capture_output=True, text=True, timeout=300
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        raise SmokeError(
            f"{Path(command[0]).name} {command[1]} exited {done.returncode}:\n{done.stderr[-2000:]}"
        )
    return seconds, done.stderr


def check_png(path: Path, size: tuple[int, int]) -> int:
    """Fail unless ``path`` is a ``size`` PNG with real content; returns its colour count."""
    data = path.read_bytes() if path.exists() else b""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SmokeError(f"{path} is not a PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if (width, height) != size:
        raise SmokeError(f"{path} is {width}x{height}, expected {size[0]}x{size[1]}")
    try:
        from PySide6.QtGui import QImage
    except ImportError:
        return -1  # header checked; no Qt here to look at the pixels
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    if len(colours) < 16:
        raise SmokeError(f"{path} looks blank ({len(colours)} colours)")
    return len(colours)


def first_window_seconds(binary: Path, store: Path, work: Path, limit: float = 30.0) -> float:
    """Seconds from launching the GUI on a private Xvfb until an "Eventline" window is mapped."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "1600x1000x24"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    gui = None
    try:
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        home = work / "home"
        home.mkdir(exist_ok=True)
        env = {"DISPLAY": display, "HOME": str(home)}
        started = time.monotonic()
        gui = subprocess.Popen(
            [str(binary), str(store)], cwd=work, env=env, stderr=subprocess.DEVNULL
        )
        while time.monotonic() - started < limit:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", display],
                capture_output=True,
                text=True,
            ).stdout
            if '"Eventline' in tree:
                return time.monotonic() - started
            if gui.poll() is not None:
                raise SmokeError(f"the GUI exited ({gui.returncode}) before showing a window")
            time.sleep(0.05)
        raise SmokeError(f"no Eventline window within {limit:.0f} s")
    finally:
        for process in (gui, xvfb):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


def smoke(bundle: Path, work: Path) -> dict[str, object]:
    binary = bundle / "eventline"
    articles = sorted((bundle / "_internal" / "desktop" / "_resources" / "demo").glob("*.txt"))
    if not articles:
        raise SmokeError("the bundle carries no demo articles")
    store, png = work / "demo.eventline", work / "x.png"
    report: dict[str, object] = {"bundle": str(bundle)}
    report["help_seconds"] = round(run_empty_env([str(binary), "--help"], work)[0], 2)
    ingest = [str(binary), "ingest", *map(str, articles), "--db", str(store)]
    report["ingest_seconds"] = round(run_empty_env(ingest, work)[0], 2)
    shot = [str(binary), "screenshot", "--db", str(store), "--out", str(png)]
    seconds, stderr = run_empty_env(shot, work, {"QT_QPA_PLATFORM": "offscreen"})
    report["screenshot_seconds"] = round(seconds, 2)
    report["screenshot_colours"] = check_png(png, SIZE)
    if "Traceback" in stderr:
        raise SmokeError("screenshot printed a traceback:\n" + stderr[-2000:])
    if shutil.which("Xvfb") and shutil.which("xwininfo"):
        report["first_window_seconds"] = round(first_window_seconds(binary, store, work), 2)
    else:
        report["first_window_seconds"] = None  # no Xvfb/xwininfo here
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing bundle")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "eventline")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (and x.png)")
    args = parser.parse_args(argv)
    if not args.no_build:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
    work = Path(tempfile.mkdtemp(prefix="eventline-smoke-"))
    try:
        report = smoke(args.bundle.resolve(), work)
    except (SmokeError, subprocess.TimeoutExpired, OSError) as exc:
        print(f"smoke_test: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"smoke_test: work folder kept at {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report))
    print("smoke_test: OK", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
