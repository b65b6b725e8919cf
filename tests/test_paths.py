"""desktop.paths finds resources in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import paths

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_finds_top_level_resources():
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource_path("demo").is_dir()


def test_frozen_bundle_prefers_meipass(tmp_path, monkeypatch):
    bundled = tmp_path / "desktop" / "_resources"
    (bundled / "demo").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == bundled


def test_missing_resources_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "_candidates", lambda: [tmp_path / "nowhere"])
    with pytest.raises(FileNotFoundError, match="resources"):
        paths.resources_dir()


def test_data_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "eventline"
    assert paths.demo_store_path().parent.parent == tmp_path / "eventline"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_installed_wheel_carries_resources(tmp_path):
    """Build the real wheel, unpack it alone and ask it where its resources are."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip()[-200:]}")
    (wheel,) = wheel_dir.glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = "from desktop import paths; print(paths.resources_dir())"
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    found = Path(out.stdout.strip())
    assert found == site / "desktop" / "_resources"
    assert (found / "demo").is_dir() and any((found / "demo").iterdir())
    assert (found / "lexicons").is_dir()
