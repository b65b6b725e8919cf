"""Qt's known-harmless messages are dropped, everything else still reaches the user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.qt_messages import is_harmless


def test_known_noise_is_harmless() -> None:
    assert is_harmless("This plugin does not support propagateSizeHints()")
    assert is_harmless("QPdfEngine: unable to create a gradient between colors of different spec")


def test_other_messages_pass() -> None:
    assert not is_harmless("QPainter::begin: Paint device returned engine == 0")
    assert not is_harmless("")
    assert not is_harmless("warning: QPdfEngine: unable to create a gradient")  # not at the start


def test_pdf_screenshot_prints_no_gradient_noise(sample_store: Path, tmp_path: Path) -> None:
    """The CLI's PDF export used to print Qt's gradient warning once per styled frame."""
    out = tmp_path / "shot.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "desktop.cli", "screenshot", "--db", str(sample_store)]
    done = subprocess.run(
        [*command, "--out", str(out)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "QPdfEngine" not in done.stderr
