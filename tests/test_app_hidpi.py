"""HiDPI: at QT_SCALE_FACTOR=2 the window, the first-run hint and the import dialog render at
twice the pixels with their layout intact (run in a fresh process: the factor is read at start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.app import build_window
from desktop.viewmodel.import_job import ImportProgress
from desktop.widgets.import_dialog import ImportProgressDialog
db, out = Path(sys.argv[1]), Path(sys.argv[2])
settings = QSettings(str(out / "s.ini"), QSettings.Format.IniFormat)
window, _ = build_window(db, None, settings)
window.resize(1000, 700)
window.hint.show()
window.show()
app.processEvents()
dialog = ImportProgressDialog("store.eventline", window)
dialog.show()
dialog.set_progress(ImportProgress(1, 3, Path("a-rather-long-article-name.txt")).text(), 1, 3)
app.processEvents()
shots = {}
for name, widget in (("window", window), ("hint", window.hint), ("dialog", dialog)):
    image = widget.grab().toImage()
    image.save(str(out / f"{name}.png"))
    shots[name] = [widget.width(), widget.height(), image.width(), image.height()]
label = dialog.file_label
print(json.dumps({
    "ratio": window.devicePixelRatioF(),
    "shots": shots,
    "label_fits": label.width() >= min(label.sizeHint().width(), label.maximumWidth()),
    "hint_fits": window.hint.height() >= window.hint.minimumSizeHint().height(),
}))
"""


def test_shell_renders_at_scale_factor_two(sample_store, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_store), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ratio"] == 2.0
    for name, (w, h, pw, ph) in result["shots"].items():
        assert (pw, ph) == (2 * w, 2 * h), name
        assert w > 100 and h > 20, name
    assert result["label_fits"] and result["hint_fits"]
