"""The output folder: locked for one build, replaced file by file only when all is written.

A build writes every output into a staging folder inside the target and moves each file
into place with an atomic rename only after all of them were written, so Ctrl-C, a full
disk or a failing writer leave the previous outputs complete. A lock on the folder makes
a second build into the same folder stop with a message instead of mixing files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graphbuild.errors import OutputError

try:  # POSIX; elsewhere builds are not locked against each other
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_STAGING_PREFIX = ".graphbuild-staging-"


def _prepare(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"Cannot create the output folder {directory}: "
                          f"{error.strerror or error}") from error
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"Cannot write to the output folder {directory}")


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    handle = os.open(directory, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise OutputError(f"Another graphbuild build is writing to {directory}; wait for "
                              "it to finish or choose another output folder") from error
        yield
    finally:
        os.close(handle)  # closing releases the lock


def check_output_folder(directory: str | Path) -> None:
    """Fail early, before any parsing, when ``directory`` cannot take the outputs; creates
    nothing, so a build that fails later leaves no empty folder behind.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     blocker = pathlib.Path(tmp, "file")
    ...     _ = blocker.write_text("")
    ...     check_output_folder(blocker / "out")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graphbuild.errors.OutputError: Cannot create the output folder .../out: .../file is not a folder
    """
    directory = Path(directory)
    existing = directory.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"Cannot create the output folder {directory}: {existing} is not "
                          "a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"Cannot write to the output folder {directory}")
    if existing == directory.absolute():
        with _locked(directory):
            pass


@contextmanager
def staged_outputs(directory: str | Path) -> Iterator[Path]:
    """Lock ``directory``, yield a staging folder inside it, and on success move every
    staged file into ``directory``; on any failure the staged files are dropped."""
    directory = Path(directory)
    _prepare(directory)
    with _locked(directory):
        for stale in directory.glob(f"{_STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed build
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=directory))
        try:
            yield staging
            for path in sorted(staging.iterdir()):
                os.replace(path, directory / path.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
