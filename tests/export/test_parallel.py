"""Formats written by two processes (graphbuild/export/_parallel.py): the same files, the
child's errors raised here, and the child stopped when this process stops."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from graphbuild.errors import OutputError
from graphbuild.export import _parallel, write_outputs


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "can_fork", lambda: True)


def test_two_processes_write_the_same_files(tiny_graph, tmp_path, monkeypatch, forking):
    together = write_outputs(tiny_graph, tmp_path / "two")
    monkeypatch.setattr(_parallel, "can_fork", lambda: False)
    alone = write_outputs(tiny_graph, tmp_path / "one")

    assert [p.name for p in together] == [p.name for p in alone]
    for path in alone:
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes()


def test_the_child_writes_its_half(tmp_path, forking):
    def write(name: str) -> list[Path]:
        path = tmp_path / name
        path.write_text(str(os.getpid()))
        return [path]

    names = ["html", "graphml", "gexf", "json", "csv"]
    written = _parallel.write_all(names, names, write)

    assert written == [tmp_path / name for name in names]
    here, there = _parallel.halves(names)
    writers = {name: int((tmp_path / name).read_text()) for name in names}
    assert {writers[names[i]] for i in here} == {os.getpid()}
    assert {writers[names[i]] for i in there} != {os.getpid()}


def test_an_error_in_the_child_is_raised_here(tmp_path, forking):
    def write(name: str) -> list[Path]:
        if name == "graphml":  # the child's
            raise OutputError(f"Cannot write {name}: disk full")
        return [tmp_path / name]

    with pytest.raises(OutputError, match="Cannot write graphml: disk full"):
        _parallel.write_all(["html", "graphml"], ["html", "graphml"], write)


def test_an_error_here_stops_the_child(tmp_path, forking):
    late = tmp_path / "written-late"

    def write(name: str) -> list[Path]:
        if name == "html":  # this process's
            raise OutputError("Cannot write html")
        time.sleep(1.0)
        late.write_text("the child wrote on")
        return [late]

    with pytest.raises(OutputError, match="Cannot write html"):
        _parallel.write_all(["html", "graphml"], ["html", "graphml"], write)
    time.sleep(1.5)
    assert not late.exists()


def test_one_format_is_written_here(tmp_path, forking):
    assert _parallel.write_all(["json"], ["json"], lambda name: [tmp_path / str(os.getpid())]) \
        == [tmp_path / str(os.getpid())]
