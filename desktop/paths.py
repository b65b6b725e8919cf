"""Every resource and data path Eventline uses, in one place.

Resources live in the repository's top-level ``resources/`` folder. An installed wheel carries
them as ``desktop/_resources`` (hatchling force-include); a PyInstaller bundle carries them under
``sys._MEIPASS/desktop/_resources``. ``resources_dir`` finds whichever is present.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "desktop" / "_resources")
    found.append(_PACKAGE_DIR / "_resources")  # installed wheel
    found.append(_PACKAGE_DIR.parent / "resources")  # source checkout / editable install
    return found


def resources_dir() -> Path:
    """The folder holding icons, lexicons and the demo corpus."""
    for candidate in _candidates():
        if (candidate / "demo").is_dir():
            return candidate
    raise FileNotFoundError("Eventline's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """A file inside the resources folder, e.g. ``resource_path("lexicons", "kinds.json")``."""
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """Per-user data folder (XDG_DATA_HOME/eventline), created on demand."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    path = Path(base) / "eventline"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_store_path() -> Path:
    """Where the demo store lives: apart from the user's own stores."""
    return data_dir() / "demo" / "demo.eventline"
