"""The Edit event / Add event dialog: every field of an event, as plain text.

The date is a day plus a precision (day, month, season, quarter, half, year, range, undated);
the interval it stands for is computed by ``interval_for`` (pure, tested without a window).
The actor field completes from the store's known actors.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.extract.types import KINDS, STATUSES

DATE_CHOICES = ("day", "month", "season", "quarter", "half", "year", "range", "undated")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def interval_for(
    choice: str, day: dt.date, until: dt.date | None = None
) -> tuple[str | None, str | None, str]:
    """(start, end, precision) for a date choice around ``day`` (``until`` ends a range)."""
    y, m = day.year, day.month
    if choice == "undated":
        return None, None, "unknown"
    if choice == "day":
        first, last, precision = day, day, "day"
    elif choice == "month":
        first, last, precision = dt.date(y, m, 1), _month_end(y, m), "month"
    elif choice == "quarter":
        q = (m - 1) // 3
        first, last, precision = dt.date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), "quarter"
    elif choice == "half":
        h = 0 if m <= 6 else 6
        first, last, precision = dt.date(y, h + 1, 1), _month_end(y, h + 6), "half"
    elif choice == "season":  # meteorological: winter starts in December
        start_month = 12 if m == 12 else ((m - 3) // 3) * 3 + 3 if m >= 3 else 12
        sy = y if m != 1 and m != 2 else y - 1
        first = dt.date(sy, start_month, 1)
        end_month, ey = (start_month + 2 - 1) % 12 + 1, sy + (start_month + 2 > 12)
        last, precision = _month_end(ey, end_month), "season"
    elif choice == "year":
        first, last, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    elif choice == "range":
        first, last = sorted((day, until or day))
        precision = "day"
    else:
        raise ValueError(f"unknown date choice {choice!r}")
    return first.isoformat(), last.isoformat(), precision


def choice_for(start: str | None, end: str | None, precision: str) -> str:
    if not start or precision == "unknown":
        return "undated"
    if precision == "day" and end and end != start:
        return "range"
    return precision if precision in DATE_CHOICES else "day"


def _qdate(value: str | None) -> QDate:
    day = dt.date.fromisoformat(value) if value else dt.date.today()
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class EditEventDialog(QDialog):
    """Edit (or, with no record, add) an event; ``values()`` gives the fields to store."""

    def __init__(
        self,
        record: Any | None,
        actors: list[str],
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit event" if record is not None else "Add event")
        self.title_edit = QLineEdit()
        self.date_choice = QComboBox()
        self.date_choice.addItems(DATE_CHOICES)
        self.date_edit = QDateEdit()
        self.until_edit = QDateEdit()
        for edit in (self.date_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.status_box = QComboBox()
        self.status_box.addItems(STATUSES)
        self.kind_box = QComboBox()
        self.kind_box.addItems(KINDS)
        self.actor_edit = QLineEdit()
        completer = QCompleter(sorted(set(actors), key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_edit.setCompleter(completer)
        self.subject_edit = QLineEdit()
        self.summary_edit = QPlainTextEdit()
        self.note_edit = QPlainTextEdit()
        for edit in (self.summary_edit, self.note_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        rows = [
            ("&Title", self.title_edit), ("&Date as", self.date_choice),
            ("D&ay", self.date_edit), ("&Until", self.until_edit),
            ("&Status", self.status_box), ("&Kind", self.kind_box),
            ("Ac&tor", self.actor_edit), ("Su&bject", self.subject_edit),
            ("Su&mmary", self.summary_edit), ("&Note", self.note_edit),
        ]  # fmt: skip
        for label, widget in rows:
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow(buttons)
        self.date_choice.currentTextChanged.connect(self._on_date_choice_changed)
        self.actor_edit.textChanged.connect(self._on_actor_edit_text_changed)
        self._fill(record, note)
        self.resize(460, self.sizeHint().height())

    def _fill(self, record: Any | None, note: str) -> None:
        get = (lambda name, default="": getattr(record, name, default)) if record else None
        start = get("start", None) if get else None
        end = get("end", None) if get else None
        precision = get("precision", "unknown") if get else "day"
        self.title_edit.setText(get("title") if get else "")
        self.date_choice.setCurrentText(choice_for(start, end, precision) if get else "day")
        self.date_edit.setDate(_qdate(start))
        self.until_edit.setDate(_qdate(end or start))
        self.status_box.setCurrentText(get("status", "happened") if get else "happened")
        self.kind_box.setCurrentText(get("kind", "other") if get else "release")
        self.actor_edit.setText(get("actor") if get else "")
        self.subject_edit.setText(get("subject") if get else "")
        self.summary_edit.setPlainText(get("summary") if get else "")
        self.note_edit.setPlainText(note)
        self._on_date_choice_changed(self.date_choice.currentText())
        self._on_actor_edit_text_changed(self.actor_edit.text())

    def _on_date_choice_changed(self, choice: str) -> None:
        self.date_edit.setEnabled(choice != "undated")
        self.until_edit.setEnabled(choice == "range")

    def _on_actor_edit_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def values(self) -> dict[str, Any]:
        start, end, precision = interval_for(
            self.date_choice.currentText(),
            _pydate(self.date_edit.date()),
            _pydate(self.until_edit.date()),
        )
        return {
            "title": self.title_edit.text().strip(),
            "start": start,
            "end": end,
            "precision": precision,
            "status": self.status_box.currentText(),
            "kind": self.kind_box.currentText(),
            "actor": self.actor_edit.text().strip(),
            "subject": self.subject_edit.text().strip(),
            "summary": self.summary_edit.toPlainText().strip(),
            "note": self.note_edit.toPlainText().strip(),
        }
