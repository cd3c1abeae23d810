"""Where parsing and extraction run: this process, a local process pool, or a Dask cluster.

Each worker loads the pipeline once, parses and extracts its articles, and sends back only
the plain ``ArticleExtraction`` records: ``Doc`` objects never cross a process boundary.
Articles travel in chunks (a few articles, bounded in characters) so both cores stay busy
on corpora of uneven articles, and results come back in corpus order, so the graph does
not depend on which worker read what.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from graphbuild.types import Article, ArticleExtraction

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# Reading one article (after parsing) never takes longer than this: past it the article is
# skipped with a reason in files.json rather than stalling the build. Work is linear in the
# article's length, and articles are read in parts of at most 50,000 characters, so only a
# pathological text comes near it.
ARTICLE_BUDGET_SECONDS = 120.0
CHUNK_ARTICLES = 8
CHUNK_CHARACTERS = 40_000

Done = Callable[[int], None]

# The pipeline of this process: set before a local pool forks (the workers share it), or
# loaded by a worker's initializer or Dask plugin. One lock, because Dask may run tasks in
# threads and a spaCy pipeline is not made for concurrent calls.
_worker_pipeline: dict[str, Language] = {}
_pipeline_lock = threading.Lock()


def _pipeline_for(model: str) -> Language:
    with _pipeline_lock:
        if model not in _worker_pipeline:
            from graphbuild.nlp import load_pipeline

            _worker_pipeline[model] = load_pipeline(model)
        return _worker_pipeline[model]


def _settle() -> None:
    """Move everything alive now (the pipeline, lexicon and gazetteers: millions of objects)
    out of the garbage collector's sight: it never frees them, and each full collection
    that walked them cost about 7% of a long parse. Also keeps forked workers from
    copying those pages."""
    gc.collect()
    gc.freeze()


def extract_articles(nlp: Language, articles: Sequence[Article]) -> list[ArticleExtraction]:
    """Parse and extract a few articles in one memory zone, so strings and caches the
    parse adds are freed when the chunk is done and a long run does not grow."""
    from graphbuild.extract import extract
    from graphbuild.nlp import parse

    with nlp.memory_zone():
        return [extract(doc, article, deadline=time.monotonic() + ARTICLE_BUDGET_SECONDS)
                for doc, article in parse(nlp, articles)]


def chunks(articles: Sequence[Article]) -> list[list[Article]]:
    """Consecutive runs of at most CHUNK_ARTICLES articles and about CHUNK_CHARACTERS."""
    result: list[list[Article]] = []
    size = 0
    for article in articles:
        if not result or len(result[-1]) >= CHUNK_ARTICLES or size >= CHUNK_CHARACTERS:
            result.append([])
            size = 0
        result[-1].append(article)
        size += len(article.text)
    return result


def _work(model: str, chunk: list[Article]) -> list[ArticleExtraction]:
    with _pipeline_lock:
        nlp = _worker_pipeline.get(model)
    return extract_articles(nlp if nlp is not None else _pipeline_for(model), chunk)


def _start_pool_worker(model: str) -> None:
    # Ctrl-C goes to the whole process group: the parent alone handles it and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _pipeline_for(model)
    _settle()


def run_here(nlp: Language, articles: Sequence[Article],
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract in this process."""
    _settle()
    try:
        for chunk in chunks(articles):
            yield from extract_articles(nlp, chunk)
            if done is not None:
                done(len(chunk))
    finally:
        gc.unfreeze()  # a notebook that builds again keeps a collectable heap


def run_pool(nlp: Language, model: str, articles: Sequence[Article], processes: int,
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract in ``processes`` local worker processes, results in order.

    On Linux the workers are forked after the pipeline is loaded, so they start at once and
    share its memory; elsewhere each worker loads it. Ctrl-C stops every worker.
    """
    forking = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        with _pipeline_lock:
            _worker_pipeline[model] = nlp
        _settle()
    pool = context.Pool(processes, initializer=_start_pool_worker, initargs=(model,))
    try:
        for chunk_result in pool.imap(partial(_work, model), chunks(articles)):
            yield from chunk_result
            if done is not None:
                done(len(chunk_result))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        gc.unfreeze()


def run_dask(model: str, articles: Sequence[Article], scheduler: str,
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract on the Dask cluster at ``scheduler`` (``tcp://host:8786``).

    A worker plugin loads the pipeline once per worker; graphbuild and the model must be
    installed on the workers. Results are gathered on this machine in corpus order.
    """
    from graphbuild.errors import SchedulerError

    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise SchedulerError("--scheduler needs Dask: pip install 'graphbuild[dask]'") \
            from error
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SchedulerError(f"Cannot reach the Dask scheduler {scheduler}: {error}") \
            from error
    try:
        client.register_plugin(_pipeline_plugin(model), name=f"graphbuild-{model}")
        parts = chunks(articles)
        # A bounded number of chunks in flight, so the scheduler never holds the corpus.
        window = max(8, 4 * max(1, len(client.nthreads())))
        pending = iter(enumerate(parts))
        running = as_completed()
        index: dict[Any, int] = {}

        def submit() -> None:
            for number, part in pending:
                future = client.submit(_work, model, part, pure=False)
                index[future] = number
                running.add(future)
                return

        for _ in range(window):
            submit()
        results: dict[int, list[ArticleExtraction]] = {}
        next_index = 0
        for future in running:
            number = index.pop(future)
            results[number] = future.result()
            submit()
            if done is not None:
                done(len(parts[number]))
            while next_index in results:
                yield from results.pop(next_index)
                next_index += 1
    finally:
        client.close()


def _pipeline_plugin(model: str) -> Any:
    """A Dask worker plugin that loads the spaCy pipeline once per worker (also on workers
    that join later). Defined here so that importing graphbuild never imports Dask."""
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
        def setup(self, worker: Any) -> None:
            _pipeline_for(model)
            _settle()
            # Dask's statistical profiler samples every thread every 10 ms; with parsing
            # holding the GIL it costs about 8% of a worker's speed, for a profile of spaCy.
            for name in ("profile", "profile-cycle"):
                callback = getattr(worker, "periodic_callbacks", {}).get(name)
                if callback is not None:
                    callback.stop()

    return PipelinePlugin()
