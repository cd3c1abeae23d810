"""The house style's checks: ruff and mypy are clean (conventions 9 in STYLE.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [
    pytest.param([sys.executable, "-m", "ruff", "check", "graphbuild", "tests", "bench", "dev.py"],
                 id="ruff"),
    pytest.param([sys.executable, "-m", "mypy", "graphbuild"], id="mypy"),
])
def test_checker_is_clean(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
