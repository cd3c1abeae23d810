"""Writing several formats at once: some in this process, the rest in a forked copy of it.

Every writer reads the same graph and layout and writes its own files, so on a machine
with a second core the formats are split in two halves of about the same cost, one
written by a child process forked after the layout is computed (it shares the graph's
memory and needs nothing sent to it) and the other here. The files are the same bytes
whichever process writes them. The child sends back the paths it wrote, or the error
that stopped it, which is raised here as if a writer had raised it; if this process
stops first (an error, Ctrl-C, SIGTERM) the child is killed before the error goes on.
Where forking is not safe (:func:`graphbuild.forking.can_fork`) or there is one format,
the formats are written one after another here.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from graphbuild.forking import can_fork

log = logging.getLogger(__name__)

Job = TypeVar("Job")

#: Seconds each writer took on the 2,225-article BBC graph (12,601 nodes): how the formats
#: are shared out. Unknown names count as the dearest.
COSTS = {"html": 0.26, "graphml": 0.25, "gexf": 0.21, "csv": 0.18, "json": 0.15}


def halves(names: Sequence[str]) -> tuple[list[int], list[int]]:
    """Positions of ``names`` for this process and for the child, in two sets of about the
    same cost (the dearest first, each to the cheaper half; ties to this process).

    >>> halves(["html", "graphml", "gexf", "json", "csv"])
    ([0, 3, 4], [1, 2])
    """
    dearest = max(COSTS.values())
    order = sorted(range(len(names)), key=lambda i: -COSTS.get(names[i], dearest))
    here: list[int] = []
    there: list[int] = []
    cost = [0.0, 0.0]
    for index in order:
        side = 0 if cost[0] <= cost[1] else 1
        (here if side == 0 else there).append(index)
        cost[side] += COSTS.get(names[index], dearest)
    return sorted(here), sorted(there)


def write_all(jobs: Sequence[Job], names: Sequence[str],
              write: Callable[[Job], list[Path]]) -> list[Path]:
    """``write`` every job, the paths each wrote in the order of ``jobs``; in two
    processes when :func:`graphbuild.forking.can_fork`."""
    here, there = halves(names)
    if not there or not can_fork():
        return [path for job in jobs for path in write(job)]
    reader, writer = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: write its half, report, and never return into the caller
        _child(parent, reader, writer, [jobs[i] for i in there], write)
    os.close(writer)
    written: dict[int, list[Path]] = {}
    try:
        for index in here:
            written[index] = write(jobs[index])
        with os.fdopen(reader, "rb") as report:
            reader = -1
            outcome = report.read()
        _, status = os.waitpid(pid, 0)
        pid = 0
    finally:
        if reader != -1:
            os.close(reader)
        if pid:  # this process failed or was interrupted: the child goes too
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    paths = _outcome(outcome, status)
    written.update(zip(there, paths, strict=True))
    return [path for index in range(len(jobs)) for path in written[index]]


def _child(parent: int, reader: int, writer: int, jobs: list[Job],
           write: Callable[[Job], list[Path]]) -> None:
    code = 1
    try:
        os.close(reader)
        # Ctrl-C reaches the whole process group: the parent alone answers it. A parent
        # killed outright takes the child with it, which would otherwise write on alone.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _end_with(parent)
        try:
            report = pickle.dumps(("ok", [write(job) for job in jobs]))
            code = 0
        except BaseException as error:  # sent to the parent, which raises it
            report = _pickled_error(error)
        with os.fdopen(writer, "wb") as channel:
            channel.write(report)
    finally:
        os._exit(code)  # no atexit handlers, no buffers flushed twice, no caller's cleanup


def _end_with(parent: int) -> None:
    """Have Linux kill this process when ``parent`` ends (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return
    if os.getppid() != parent:  # it ended before the request was in place
        os._exit(1)


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps(("error", error))
    except Exception:  # an exception that does not pickle still says what happened
        return pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))


def _outcome(report: bytes, status: int) -> list[list[Path]]:
    """The child's paths, or its error raised here."""
    try:
        kind, value = pickle.loads(report)  # our own child's report, never a file's bytes
    except Exception:
        raise RuntimeError(f"the process writing outputs ended without a report (status "
                           f"{status})") from None
    if kind == "error":
        raise value
    return list(value)
