"""Where parsing runs: chunks, the local pool and a Dask cluster give the same outputs, and
Ctrl-C stops every worker with one line."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuild.build import build_corpus, write_outputs
from graphbuild.engine import CHUNK_ARTICLES, CHUNK_CHARACTERS, chunks, longest_first
from graphbuild.errors import INTERRUPTED_EXIT_CODE
from graphbuild.types import Article

REPO = Path(__file__).resolve().parents[1]
REALNEWS = REPO / "tests" / "data" / "realnews" / "dev"


def _article(number: int, size: int) -> Article:
    return Article(id=f"a{number}", path=f"a{number}.txt", title="", text="x" * size)


@pytest.mark.parametrize(("sizes", "expected"), [
    pytest.param([10] * 20, [8, 8, 4], id="small-articles-by-count"),
    pytest.param([30_000, 30_000, 5, 5], [2, 2], id="long-articles-by-size"),
    pytest.param([100_000, 1, 1], [1, 2], id="one-huge-article-alone"),
    pytest.param([], [], id="none"),
])
def test_chunks_are_bounded_and_keep_the_order(sizes: list[int], expected: list[int]) -> None:
    articles = [_article(i, size) for i, size in enumerate(sizes)]
    parts = chunks(articles)

    assert [len(part) for part in parts] == expected
    assert [a for part in parts for a in part] == articles
    assert all(len(p) <= CHUNK_ARTICLES for p in parts)
    assert all(sum(len(a.text) for a in p[:-1]) < CHUNK_CHARACTERS for p in parts)


@pytest.mark.parametrize(("count", "processes", "expected"), [
    pytest.param(40, 1, [8, 8, 8, 8, 8], id="one-process-no-tail"),
    pytest.param(40, 2, [8, 8, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1], id="two-processes-shrink"),
    pytest.param(3, 2, [1, 1, 1], id="fewer-than-the-processes"),
])
def test_the_last_chunks_of_a_pool_shrink_to_one_article(count: int, processes: int,
                                                         expected: list[int]) -> None:
    articles = [_article(i, 10) for i in range(count)]
    parts = chunks(articles, processes)

    assert [len(part) for part in parts] == expected
    assert [a for part in parts for a in part] == articles


def test_a_pool_takes_the_longest_articles_first() -> None:
    articles = [_article(i, size) for i, size in enumerate([5, 50, 5, 500, 50])]

    assert [a.id for a in longest_first(articles)] == ["a3", "a1", "a4", "a0", "a2"]


def _outputs(tmp_path: Path, name: str, **options: object) -> dict[str, bytes]:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        corpus.mkdir()
        for path in sorted(REALNEWS.glob("*/articles/*.txt"))[:14]:
            shutil.copy(path, corpus / f"{path.parent.parent.name}_{path.name}")
    result = build_corpus(corpus, **options)  # type: ignore[arg-type]
    folder = tmp_path / name
    write_outputs(result, folder)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    one = _outputs(tmp_path, "one", workers=1)
    two = _outputs(tmp_path, "two", workers=2)

    assert len(one) == 8 and b"attends" in one["graph.json"]
    assert one == two


def test_a_dask_cluster_writes_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    one = _outputs(tmp_path, "one", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = _outputs(tmp_path, "dask", scheduler=cluster.scheduler_address)

    assert one == on_dask


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.extend(int(child) for child in text.split())
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_stops_every_worker_with_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(REALNEWS.glob("*/articles/*.txt")):
        shutil.copy(path, corpus / f"{path.parent.parent.name}_{path.name}")
    build = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "build", str(corpus), "-o", str(tmp_path / "out"),
         "--workers", "2", "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.2)
        workers = _children(build.pid)
    assert len(workers) == 2, build.communicate()
    time.sleep(1.0)  # the workers are parsing

    build.send_signal(signal.SIGINT)
    stdout, stderr = build.communicate(timeout=60)

    assert build.returncode == INTERRUPTED_EXIT_CODE
    assert stderr.splitlines()[-1] == "Error: Interrupted; the previous outputs are unchanged"
    assert "Traceback" not in stderr and "Aborted" not in stderr, stderr
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_build_on_a_cluster_started_with_dasks_own_commands(tmp_path: Path) -> None:
    """The README's recipe: `dask scheduler`, `dask worker`, `build --scheduler`."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    started = [subprocess.Popen([str(dask), "scheduler", "--port", str(port),
                                 "--no-dashboard"], stderr=subprocess.DEVNULL),
               subprocess.Popen([str(dask), "worker", address, "--nworkers", "1",
                                 "--nthreads", "1", "--no-dashboard"],
                                stderr=subprocess.DEVNULL)]
    try:
        built = subprocess.run(
            [sys.executable, "-m", "graphbuild", "build", "corpus", "-o", str(tmp_path / "out"),
             "--no-cache", "--scheduler", address], capture_output=True, text=True,
            cwd=REPO, timeout=300)
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=30)

    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Read 5 articles from corpus")
    assert (tmp_path / "out" / "graph.json").read_bytes() == \
        (REPO / "outputs" / "graph.json").read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
@pytest.mark.parametrize("environ, applied", [
    pytest.param({"MALLOC_TRIM_THRESHOLD_": "65536"}, "True", id="dask-nanny"),
    pytest.param({}, "False", id="left-alone"),
])
def test_dask_workers_get_the_allocator_of_a_local_worker(environ: dict[str, str],
                                                          applied: str) -> None:
    # In a process of its own: the thresholds are the process's for the rest of its life.
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    result = subprocess.run(
        [sys.executable, "-c", "from graphbuild.engine import malloc_as_glibc_would; "
                               "print(malloc_as_glibc_would())"],
        env={**env, **environ}, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == applied


# -- the early parser of a rebuild --------------------------------------------------------

def _rebuild_with_a_new_article(tmp_path: Path) -> tuple[Path, Path]:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache.sqlite"
    corpus.mkdir()
    for path in sorted((REPO / "corpus").glob("*.txt"))[:3]:
        shutil.copy(path, corpus / path.name)
    build_corpus(corpus, cache=cache)
    shutil.copy(sorted((REPO / "corpus").glob("*.txt"))[3], corpus / "0-new.txt")
    return corpus, cache


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks")
def test_a_rebuild_parses_a_new_article_in_the_process_started_while_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    corpus, cache = _rebuild_with_a_new_article(tmp_path)
    fresh = build_corpus(corpus)
    build_module = importlib.import_module("graphbuild.build")
    monkeypatch.setattr(build_module, "can_fork", lambda: True)
    monkeypatch.setattr(build_module, "_pipeline", _no_pipeline_here)

    again = build_corpus(corpus, cache=cache)

    assert (again.stats.parsed, again.stats.cached) == (1, 3)
    assert _json(again, tmp_path / "again") == _json(fresh, tmp_path / "fresh")


def test_an_unchanged_rebuild_starts_no_parser(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from graphbuild import engine

    corpus, cache = _rebuild_with_a_new_article(tmp_path)
    build_corpus(corpus, cache=cache)
    monkeypatch.setattr(engine, "EarlyParser", _no_parser)

    assert build_corpus(corpus, cache=cache).stats.parsed == 0
    # Nor does a first build, which has no cache to tell new files from known ones.
    build_module = importlib.import_module("graphbuild.build")
    monkeypatch.setattr(build_module, "can_fork", lambda: True)
    assert build_corpus(corpus, cache=tmp_path / "first.sqlite").stats.parsed == 4


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks")
def test_a_parser_that_cannot_load_its_pipeline_says_why() -> None:
    from graphbuild.engine import EarlyParser
    from graphbuild.errors import ModelNotFoundError

    parser = EarlyParser("no_such_model")
    article = Article("a", "a.txt", "A", "Kenya will host a summit.")
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        list(parser.run([article]))


def _no_pipeline_here(model: str | None) -> None:
    raise AssertionError("the pipeline was loaded in the building process")


def _no_parser(model: str) -> None:
    raise AssertionError("a parser process was started")


def _json(result: object, folder: Path) -> bytes:
    write_outputs(result, folder, formats=["json"])  # type: ignore[arg-type]
    return (folder / "graph.json").read_bytes()
