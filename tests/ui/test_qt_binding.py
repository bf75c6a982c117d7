"""Guards against a known-bad Qt binding: PySide6 6.12.0 drops a reference to True on every
Python emit() and the process aborts at exit (bool_dealloc). pyproject pins it out; this test
fails clearly, instead of a crash after the summary line, if such a build comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_emitting_signals_keeps_refcounts_intact() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    assert sys.getrefcount(True) - before > -50, "this PySide6 build leaks references on emit()"
