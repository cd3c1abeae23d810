"""The output folder: locked for one build, and replaced only when every file is written."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuild.build import BuildResult, write_outputs
from graphbuild.errors import OutputError
from graphbuild.export.folder import check_output_folder, staged_outputs


def test_outputs_land_in_the_folder_and_no_staging_is_left(sample_build: BuildResult,
                                                           tmp_path: Path) -> None:
    written = write_outputs(sample_build, tmp_path, formats=["json"])

    assert [p.name for p in written] == ["graph.json", "aliases.json", "files.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aliases.json", "files.json",
                                                         "graph.json"]


def test_a_failed_write_leaves_the_previous_outputs(sample_build: BuildResult, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write_outputs(sample_build, tmp_path, formats=["json"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def disk_full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("graphbuild.export.json.write_json", disk_full)
    with pytest.raises(OSError):
        write_outputs(sample_build, tmp_path, formats=["json"])

    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_second_build_into_a_locked_folder_stops(sample_build: BuildResult,
                                                   tmp_path: Path) -> None:
    with staged_outputs(tmp_path):
        with pytest.raises(OutputError, match="Another graphbuild build is writing"):
            write_outputs(sample_build, tmp_path, formats=["json"])
        with pytest.raises(OutputError, match="Another graphbuild build is writing"):
            check_output_folder(tmp_path)
    check_output_folder(tmp_path)  # released


def test_a_staging_folder_left_by_a_killed_build_is_removed(tmp_path: Path) -> None:
    (tmp_path / ".graphbuild-staging-old").mkdir()
    (tmp_path / ".graphbuild-staging-old" / "graph.json").write_text("half")

    with staged_outputs(tmp_path) as staging:
        (staging / "graph.json").write_text("{}")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


_SLOW_BUILD = """
import sys, time
from pathlib import Path
import graphbuild.export.json as json_writer
from graphbuild.cli import main

corpus, outputs, ready = sys.argv[1:4]
write_json = json_writer.write_json

def slow_write_json(*args, **kwargs):
    Path(ready).touch()  # the staging folder is being filled: kill now
    time.sleep(60)
    return write_json(*args, **kwargs)

json_writer.write_json = slow_write_json
sys.argv = ["graphbuild", "build", corpus, "-o", outputs, "--formats", "csv,json", "--no-cache"]
main()
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_build_killed_while_writing_leaves_the_previous_outputs(
        sample_build: BuildResult, tmp_path: Path, signum: int) -> None:
    corpus, outputs, ready = tmp_path / "corpus", tmp_path / "outputs", tmp_path / "ready"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Summit\n\nKenya will host a summit in Nairobi on Monday.")
    write_outputs(sample_build, outputs, formats=["csv", "json"])
    before = {p.name: p.read_bytes() for p in outputs.iterdir()}

    child = subprocess.Popen([sys.executable, "-c", _SLOW_BUILD, str(corpus), str(outputs),
                              str(ready)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ready.exists(), child.communicate()[1].decode()
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=60)

    assert child.returncode != 0
    after = {p.name: p.read_bytes() for p in outputs.iterdir()
             if not p.name.startswith(".graphbuild-staging-")}
    assert after == before
    if signum != signal.SIGKILL:  # the build cleaned up and said so in one line
        assert not any(p.name.startswith(".graphbuild-staging-") for p in outputs.iterdir())
        assert "Traceback" not in stderr.decode()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="mounting a small tmpfs needs root")
def test_a_full_disk_leaves_the_previous_outputs(sample_build: BuildResult,
                                                 tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        outputs = disk / "outputs"
        write_outputs(sample_build, outputs, formats=["json"])
        before = {p.name: p.read_bytes() for p in outputs.iterdir()}
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
            while True:  # until the disk is full
                filler.write(b"\0" * 4096)
                filler.flush()
        with pytest.raises(OSError):
            write_outputs(sample_build, outputs, formats=["json", "csv", "graphml"])
        assert {p.name: p.read_bytes() for p in outputs.iterdir()} == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_a_second_build_process_into_the_same_folder_refuses(tmp_path: Path) -> None:
    corpus, outputs, ready = tmp_path / "corpus", tmp_path / "outputs", tmp_path / "ready"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Summit\n\nKenya will host a summit in Nairobi on Monday.")
    first = subprocess.Popen([sys.executable, "-c", _SLOW_BUILD, str(corpus), str(outputs),
                              str(ready)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ready.exists(), first.communicate()[1].decode()
        second = subprocess.run([sys.executable, "-m", "graphbuild", "build", str(corpus), "-o",
                                 str(outputs), "--formats", "json"],
                                capture_output=True, text=True, timeout=120)
    finally:
        first.kill()
        first.communicate()

    assert second.returncode == OutputError.exit_code
    assert second.stderr.strip().splitlines()[-1] == (
        f"Error: Another graphbuild build is writing to {outputs}; wait for it to finish or "
        "choose another output folder")
