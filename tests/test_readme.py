"""The README's Python examples run as written, on the sample corpus."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _python_blocks() -> list[str]:
    return _BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_python_examples() -> None:
    assert _python_blocks()


@pytest.mark.parametrize("number", range(len(_python_blocks())))
def test_readme_python_example_runs(number: int, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    exec(compile(_python_blocks()[number], f"README.md python block {number + 1}", "exec"), {})
    if "around.write" in _python_blocks()[number]:
        assert (tmp_path / "poland.html").is_file()
        assert any((tmp_path / "poland").iterdir())
