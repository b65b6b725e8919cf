"""The one-way flow sources → extract → store → viewmodel → widgets → export, checked on the
imports of every module (a layering break fails CI, as import-linter contracts would)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"

QT = ("PySide6", "pyqtgraph")
# View models may use QtCore, plus QtGui's undo stack (it moved to QtGui in Qt 6).
QT_GUI = ("PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtPrintSupport", "pyqtgraph")
# Shared vocabulary every layer may name: kinds/statuses/precisions and the store's error type.
ALLOWED = (
    "desktop.extract.types",
    "desktop.store.StoreError",
    "desktop.store.errors",
    "PySide6.QtGui.QUndoStack",
    "PySide6.QtGui.QUndoCommand",
)
# layer (module prefix) -> import prefixes it must never use
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "desktop.sources": (
        *QT,
        "sqlite3",
        "sqlite_utils",
        "desktop.extract",
        "desktop.store",
        "desktop.viewmodel",
        "desktop.widgets",
        "desktop.export",
    ),
    "desktop.extract": (
        *QT,
        "sqlite3",
        "sqlite_utils",
        "desktop.store",
        "desktop.ingest",
        "desktop.viewmodel",
        "desktop.widgets",
        "desktop.export",
    ),
    "desktop.store": (*QT, "desktop.ingest", "desktop.viewmodel", "desktop.widgets"),
    "desktop.ingest": (*QT, "desktop.viewmodel", "desktop.widgets"),
    "desktop.viewmodel": (*QT_GUI, "PySide6.QtGui", "desktop.widgets"),
    "desktop.widgets": (
        "sqlite3",
        "sqlite_utils",
        "desktop.store",
        "desktop.extract",
        "desktop.sources",
        "desktop.ingest",
    ),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def breaks(module: str, names: list[str]) -> list[str]:
    found = []
    names = [n for n in names if not any(n == a or n.startswith(a + ".") for a in ALLOWED)]
    names = [n for n in names if n not in ("PySide6.QtGui", "desktop.store")]  # see the members
    for layer, banned in FORBIDDEN.items():
        if module == layer or module.startswith(layer + "."):
            found += [n for n in names if any(n == b or n.startswith(b + ".") for b in banned)]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_respects_the_layers(path: Path) -> None:
    module = module_name(path)
    assert breaks(module, imported_names(path)) == [], f"{module} imports across its layer"


def test_the_checker_catches_a_break() -> None:
    assert breaks("desktop.extract.events", ["PySide6.QtCore"]) == ["PySide6.QtCore"]
    assert breaks("desktop.widgets.timeline_view", ["desktop.store.records"])
    assert breaks("desktop.viewmodel.details", ["PySide6.QtCore"]) == []
