"""What the File menu, the first-run hint and drag and drop do: stores and imports.

``StoreActions`` answers the menus' requests with file dialogs, opens stores through the
window's StoreModel (switching stores in the same window), runs imports through an
``ImportController`` with a progress dialog and a per-file summary, and keeps the last store,
the recent stores and the hint's dismissal in QSettings. Every message is plain text that says
what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog

from desktop.paths import demo_store_path
from desktop.store.errors import StoreError
from desktop.viewmodel.import_controller import ImportController
from desktop.viewmodel.import_job import ImportProgress, ImportReport
from desktop.viewmodel.recent_stores import RecentStores
from desktop.viewmodel.store_files import (
    ARTICLE_FILTER,
    STORE_FILTER,
    create_store,
    plan_drop,
    with_store_suffix,
)
from desktop.widgets.about_dialog import AboutDialog
from desktop.widgets.import_dialog import ImportProgressDialog, ImportSummaryDialog
from desktop.widgets.main_window import MainWindow
from desktop.widgets.upgrade_dialog import open_store_offering_upgrade

LAST_STORE = "last_store"
HINT_DISMISSED = "hints/first_run_dismissed"
Warn = Callable[[str, str], None]  # (title, plain text)


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and a.resolve() == b.resolve()
    except OSError:
        return False


class StoreActions(QObject):
    def __init__(self, window: MainWindow, settings: QSettings, warn: Warn) -> None:
        super().__init__(window)
        self.window, self.settings, self._warn = window, settings, warn
        self.demo_path = demo_store_path()
        self.recent = RecentStores(settings, excluded=[self.demo_path])
        self.importer = ImportController(self)
        self.progress_dialog: ImportProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.about_dialog: AboutDialog | None = None
        menus = window.menus
        menus.new_store_requested.connect(self.new_store)
        menus.open_store_requested.connect(self.choose_store)
        menus.recent_store_chosen.connect(lambda path: self.open_store(Path(path)))
        menus.demo_store_requested.connect(self.open_demo)
        menus.import_files_requested.connect(self.choose_files)
        menus.import_folder_requested.connect(self.choose_folder)
        menus.about_requested.connect(self.show_about)
        window.hint.import_requested.connect(self.choose_files)
        window.hint.dismissed.connect(lambda: settings.setValue(HINT_DISMISSED, True))
        window.paths_dropped.connect(lambda paths: self.handle_drop([Path(p) for p in paths]))
        window.store_model.store_opened.connect(self._on_store_model_store_opened)
        self.importer.progressed.connect(self._on_importer_progressed)
        self.importer.finished.connect(self._on_importer_finished)
        self.importer.failed.connect(self._on_importer_failed)
        menus.set_recent(self.recent.paths())

    @property
    def on_demo(self) -> bool:
        return _same_file(self.window.store_model.path, self.demo_path)

    # -- stores ------------------------------------------------------------------------------
    def open_store(self, path: Path) -> bool:
        """Switch the window to the store at ``path``; explain and keep the current one if not."""
        try:  # a store of an older schema: offer to upgrade it
            open_store_offering_upgrade(self.window.store_model, path, self.window)
        except (StoreError, OSError) as exc:
            self._warn(
                "Eventline: cannot open store",
                f"{exc}\n\nThe store that was open stays open. Choose another store with "
                "File → Open store…, or make a new one with File → New store….",
            )
            self.recent.remove(path)
            self.window.menus.set_recent(self.recent.paths())
            return False
        return True

    def open_demo(self) -> None:
        from desktop.demo import ensure_demo_store

        self.open_store(ensure_demo_store(self.demo_path))

    def choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open store", "", STORE_FILTER)
        if path:
            self.open_store(Path(path))

    def new_store(self) -> Path | None:
        """Ask for a file name, create an empty store there and switch to it."""
        path, _ = QFileDialog.getSaveFileName(
            self.window, "New store", str(Path.home() / "timeline.eventline"), STORE_FILTER
        )
        if not path:
            return None
        target = with_store_suffix(Path(path))
        try:
            create_store(target)
        except (StoreError, OSError) as exc:
            self._warn("Eventline: cannot create store", str(exc))
            return None
        return target if self.open_store(target) else None

    def _on_store_model_store_opened(self, path: str) -> None:
        if not self.on_demo:
            self.settings.setValue(LAST_STORE, path)
            self.recent.add(path)
            self.window.menus.set_recent(self.recent.paths())
        hint = self.window.hint
        if self.on_demo:
            if self.settings.value(HINT_DISMISSED, False, type=bool):
                hint.hide()
            else:
                hint.show_demo()
        elif not self.window.store_model.records:
            hint.show_empty()
        else:
            hint.hide()

    # -- import ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", "", ARTICLE_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import into the open store (the demo store first asks for a store of your own)."""
        if self.importer.busy:
            self._warn("Eventline", "An import is already running; wait for it to finish.")
            return False
        target = self.window.store_model.path
        if target is None or self.on_demo:
            self._warn(
                "Eventline: choose a store for your articles",
                "The demo store is rebuilt by Eventline and cannot keep your articles. "
                "Choose where to create a store of your own; the articles go there.",
            )
            target = self.new_store()
            if target is None:
                return False
        self.progress_dialog = ImportProgressDialog(target.name, self.window)
        self.progress_dialog.cancel_requested.connect(self.importer.cancel)
        self.progress_dialog.show()
        self.importer.start(target, list(paths))
        return True

    def handle_drop(self, paths: Sequence[Path]) -> None:
        plan = plan_drop(paths)
        if plan.articles:
            self.import_paths(plan.articles)
        elif plan.store_to_open is not None:
            self.open_store(plan.store_to_open)
        if plan.ignored or (plan.articles and plan.stores):
            skipped = [*plan.ignored, *(plan.stores if plan.articles else [])]
            names = "\n".join(f"  {p.name}" for p in skipped[:10])
            self._warn(
                "Eventline: some dropped files were ignored",
                f"These are neither articles (.txt, .md, .html) nor, alone, a store:\n{names}\n\n"
                "Drop articles or folders to import them, or a single store to open it.",
            )

    def _on_importer_progressed(self, progress: ImportProgress) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.set_progress(progress.text(), progress.index, progress.total)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _on_importer_finished(self, report: ImportReport) -> None:
        self._close_progress()
        if report.changed:
            self.open_store(report.db_path)  # reload: the window shows the new events
        rows = [(o.path.name, o.status, o.message) for o in report.outcomes]
        self.summary_dialog = ImportSummaryDialog(report.headline(), rows, self.window)
        self.summary_dialog.open()

    def _on_importer_failed(self, message: str) -> None:
        self._close_progress()
        self._warn(
            "Eventline: import failed",
            f"The import stopped on an unexpected error: {message}\n\nNothing was added: the "
            "store was left as it was. Please report this error.",
        )

    # -- help --------------------------------------------------------------------------------
    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self.window.windowIcon(), self.window)
        self.about_dialog.open()

    def shutdown(self) -> None:
        """On quit: stop a running import (nothing is written) and wait for the worker."""
        if self.importer.busy:
            self.importer.cancel()
            self.importer.wait(10.0)
