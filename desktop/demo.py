"""The demo store: the shipped sample articles run through the real extractor.

It lives apart from the user's own stores (``paths.demo_store_path()``) and is rebuilt whenever
the sample corpus or the Eventline version changes, so a new user always sees a real timeline.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop import __version__
from desktop.paths import demo_store_path, resource_path


def demo_articles() -> list[Path]:
    """The sample articles shipped in resources/demo, in name order."""
    folder = resource_path("demo")
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _stamp(articles: list[Path]) -> str:
    from desktop.store import SCHEMA_VERSION

    digest = hashlib.sha256(f"{__version__}/schema {SCHEMA_VERSION}".encode())
    for path in articles:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_demo_store(target: Path) -> Path:
    """Build the demo store at ``target`` (replacing it atomically)."""
    from desktop.ingest import ingest_files
    from desktop.store import EventStore

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".demo-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        outcomes = ingest_files(tmp, demo_articles())
        rejected = [o.line() for o in outcomes if o.status == "rejected"]
        if rejected:
            raise RuntimeError("demo corpus could not be read: " + "; ".join(rejected))
        with EventStore.open(tmp, readonly=True):
            pass  # proves it opens read-only before it replaces the old one
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    return target


def ensure_demo_store(target: Path | None = None) -> Path:
    """The demo store, built or rebuilt when missing or out of date."""
    target = target or demo_store_path()
    stamp_file = target.with_name(target.name + ".stamp")
    stamp = _stamp(demo_articles())
    current = stamp_file.read_text(encoding="utf-8") if stamp_file.exists() else ""
    if not target.exists() or current != stamp:
        build_demo_store(target)
        stamp_file.write_text(stamp, encoding="utf-8")
    return target
