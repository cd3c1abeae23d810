"""forking: a helper process only where forking is safe."""

from __future__ import annotations

import sys
import threading

import pytest

from graphbuild import forking


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forking.can_fork()
    finally:
        stop.set()
        thread.join()


def test_no_fork_on_one_core_or_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking.os, "cpu_count", lambda: 1)
    assert not forking.can_fork()
    monkeypatch.setattr(forking.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(forking.sys, "platform", "darwin")
    assert not forking.can_fork()
    monkeypatch.setattr(forking.sys, "platform", sys.platform)
