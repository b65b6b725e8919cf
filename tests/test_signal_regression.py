"""Regression guard: PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit()
calls ("Fatal Python error: bool_dealloc"). pyproject pins around it; this proves the
installed PySide6 survives a long burst of emits and delivers every one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)
    flagged = Signal(bool)


def test_hundred_thousand_emits_are_all_received():
    emitter = _Emitter()
    received = {"ints": 0, "total": 0, "bools": 0}

    def on_fired(value: int) -> None:
        received["ints"] += 1
        received["total"] += value

    def on_flagged(value: bool) -> None:
        received["bools"] += int(value)

    emitter.fired.connect(on_fired)
    emitter.flagged.connect(on_flagged)
    n = 100_000
    for i in range(n):
        emitter.fired.emit(i)
        emitter.flagged.emit(i % 2 == 0)
    assert received["ints"] == n
    assert received["total"] == n * (n - 1) // 2
    assert received["bools"] == n // 2
