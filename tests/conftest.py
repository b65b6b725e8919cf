"""Shared pytest setup: headless Qt and a real sample store.

QT_QPA_PLATFORM must be set before any Qt module is imported, so it is set at
import time of this conftest (pytest imports it before collecting tests).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's settings, demo store or caches: one scratch home per test run.
_SCRATCH_HOME = Path(tempfile.mkdtemp(prefix="eventline-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SCRATCH_HOME / _name.lower())


@pytest.fixture(autouse=True)
def _offscreen_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test headless, even if a test changed the environment."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    """Path to a freshly built sample store (see tests/store_fixtures.py)."""
    try:
        from tests.store_fixtures import make_sample_store
    except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
        from store_fixtures import make_sample_store

    return make_sample_store(tmp_path / "s.db")
