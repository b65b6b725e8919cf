"""The allocator tuning: a window-sized temporary reuses heap pages, a column-sized one still
goes back to the system when freed (glibc only)."""

from __future__ import annotations

import resource
import sys

import numpy as np
import pytest

from desktop.memory import MMAP_THRESHOLD_BYTES, tune_allocator

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="glibc allocator tuning"
)
PAGE = 4096


def _faults_of_fresh_block(n_bytes: int) -> int:
    """Minor page faults while filling a block of ``n_bytes`` just after freeing one."""
    np.ones(n_bytes, dtype=np.uint8)  # allocated, touched, freed
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = np.ones(n_bytes, dtype=np.uint8)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    del block
    return faults


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def test_window_image_reuses_pages_and_columns_are_returned():
    if not tune_allocator():
        pytest.skip("not glibc")
    image = 1400 * 900 * 4
    assert image < MMAP_THRESHOLD_BYTES < 8_000_000  # an image below, a 10^6 float64 above
    assert _faults_of_fresh_block(image) < image // PAGE // 10  # pages reused from the heap
    before = _rss_bytes()
    column = np.ones(16_000_000, dtype=np.uint8)
    assert _rss_bytes() - before > 8_000_000
    del column
    assert _rss_bytes() - before < 4_000_000  # its own mapping: given back when freed


_ARENA_PROBE = """
import resource, sys, threading
import numpy as np
from desktop.memory import tune_allocator
if sys.argv[1] == "tuned" and not tune_allocator():
    print(-1); raise SystemExit
def worker():
    block = np.ones(3_000_000, dtype=np.uint8)  # below the mmap threshold: from an arena
    del block
thread = threading.Thread(target=worker); thread.start(); thread.join()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
block = np.ones(3_000_000, dtype=np.uint8)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_after_a_thread_freed(mode: str) -> int:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _ARENA_PROBE, mode], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1])


def test_gui_thread_reuses_what_a_worker_freed():
    tuned = _faults_after_a_thread_freed("tuned")
    if tuned < 0:
        pytest.skip("not glibc")
    pages = 3_000_000 // PAGE
    assert tuned < pages // 10  # one arena: the worker's freed block is reused
    assert _faults_after_a_thread_freed("default") > pages // 2  # the test can tell


def test_pyside_import_check_gives_shibokens_answer_without_keeping_source(tmp_path, monkeypatch):
    import importlib
    import linecache

    import PySide6  # noqa: F401

    from desktop.memory import lean_pyside_imports, mentions_pyside

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("no shiboken import hook")
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # restored after the test
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "plain_mod.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    modules = [importlib.import_module(n) for n in ("uses_qt", "plain_mod")]
    modules += [importlib.import_module(n) for n in ("json", "desktop.memory", "PySide6.QtCore")]
    assert [mentions_pyside(m) for m in modules] == [original(m) for m in modules]
    assert mentions_pyside(modules[0]) and not mentions_pyside(modules[1])
    assert lean_pyside_imports() and feature._mod_uses_pyside is mentions_pyside
    linecache.clearcache()
    (tmp_path / "later_mod.py").write_text("import PySide6\n")
    __import__("later_mod")  # an import statement: through shiboken's hook
    assert feature.pyside_feature_dict.get("later_mod") == 0  # seen as a PySide6 user
    assert str(tmp_path / "later_mod.py") not in linecache.cache
