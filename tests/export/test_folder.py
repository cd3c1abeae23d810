"""The output folder: locked for one build, and replaced only when every file is written."""

from __future__ import annotations

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
