"""Where parsing and extraction run: this process, a local process pool, or a Dask cluster.

Each worker loads the pipeline once, parses and extracts its articles, and sends back only
the plain ``ArticleExtraction`` records: ``Doc`` objects never cross a process boundary.
Articles travel in chunks (a few articles, bounded in characters) so both cores stay busy
on corpora of uneven articles. A pool takes the longest articles first and the shortest
last, in shrinking chunks, so its workers finish together; its results come back in that
order, each naming its article, and the build puts them back in corpus order, so the graph
does not depend on which worker read what.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from functools import partial
from typing import TYPE_CHECKING, Any

from graphbuild import heap
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
# Near the end of a pool's work a run holds at most 1/TAIL_SHARE of what is left per
# worker (``chunks``).
TAIL_SHARE = 2

Done = Callable[[int], None]

# Articles parsed in one spaCy memory zone. Within a zone every word's lexeme and every
# tokenizer cache entry is made once; closing the zone frees them, so a long run does not
# grow. A zone per chunk of 8 articles re-made them all the time (about 10% of a parse).
ZONE_ARTICLES = 2_000


class ZonedParser:
    """Parses and extracts articles with one pipeline, in memory zones of ZONE_ARTICLES
    articles. Only plain records leave it, so closing a zone invalidates nothing."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._zone: ExitStack | None = None
        self._articles = 0

    def __call__(self, articles: Sequence[Article]) -> list[ArticleExtraction]:
        from graphbuild.extract import extract
        from graphbuild.nlp import parse

        if self._zone is None or self._articles >= ZONE_ARTICLES:
            self.close()
            self._zone = ExitStack()
            self._zone.enter_context(self.nlp.memory_zone())
        self._articles += len(articles)
        return [extract(doc, article, deadline=time.monotonic() + ARTICLE_BUDGET_SECONDS)
                for doc, article in parse(self.nlp, articles)]

    def close(self) -> None:
        if self._zone is not None:
            self._zone.close()
        self._zone, self._articles = None, 0


# The parser of this process: set before a local pool forks (each worker gets its copy),
# or made by a worker's initializer or Dask plugin. One lock, because Dask may run tasks in
# threads and a spaCy pipeline is not made for concurrent calls.
_worker_parser: dict[str, ZonedParser] = {}
_parser_lock = threading.Lock()


def _parser_for(model: str) -> ZonedParser:
    with _parser_lock:
        if model not in _worker_parser:
            from graphbuild.nlp import load_pipeline

            _worker_parser[model] = ZonedParser(load_pipeline(model))
        return _worker_parser[model]


def _settle() -> None:
    """Move everything alive now (the pipeline, lexicon and gazetteers: millions of objects)
    out of the garbage collector's sight: it never frees them, and each full collection
    that walked them cost about 7% of a long parse. Also keeps forked workers from
    copying those pages."""
    gc.collect()
    heap.settle()


def chunks(articles: Sequence[Article], processes: int = 1) -> list[list[Article]]:
    """Consecutive runs of at most CHUNK_ARTICLES articles and about CHUNK_CHARACTERS.

    For ``processes`` workers the last runs shrink (at most 1/TAIL_SHARE of what is left
    per worker), down to one article: a worker takes the next run when it finishes one,
    so the workers end within about one article of each other instead of one idling
    while another parses a whole run at the end.
    """
    result: list[list[Article]] = []
    size = 0
    limit = CHUNK_ARTICLES
    for index, article in enumerate(articles):
        if not result or len(result[-1]) >= limit or size >= CHUNK_CHARACTERS:
            if processes > 1:
                left = len(articles) - index
                limit = max(1, min(CHUNK_ARTICLES, left // (TAIL_SHARE * processes)))
            result.append([])
            size = 0
        result[-1].append(article)
        size += len(article.text)
    return result


def longest_first(articles: Sequence[Article]) -> list[Article]:
    """The order a pool parses in: longest text first, corpus order among equals. The
    last articles handed out are then the shortest, so no worker is left parsing a long
    one while the others have finished.

    >>> [a.id for a in longest_first([Article("a", "a.txt", "", "xx"),
    ...                               Article("b", "b.txt", "", "xxx"),
    ...                               Article("c", "c.txt", "", "yy")])]
    ['b', 'a', 'c']
    """
    return sorted(articles, key=lambda article: -len(article.text))


# Why a pool worker could not load its pipeline: raised by its first task, so that the
# parent hears of it (a pool whose initializer raises starts new workers forever).
_load_failure: list[BaseException] = []


def _work(model: str, chunk: list[Article]) -> list[ArticleExtraction]:
    if _load_failure:
        raise _load_failure[0]
    parser = _parser_for(model)
    with _parser_lock:  # one parse at a time, whatever threads Dask runs tasks in
        return parser(chunk)


def _start_pool_worker(model: str) -> None:
    # Ctrl-C goes to the whole process group: the parent alone handles it and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        _parser_for(model)
    except Exception as error:
        _load_failure.append(error)
        return
    _settle()


class EarlyParser:
    """One parsing process, forked before this process knows what to parse, so that the
    pipeline loads there (about a second) while the corpus and the cache are still being
    read here; then it parses the articles the cache lacks, a few in a rebuild. Usable
    once; closing it stops the process. The pipeline must be installed.
    """

    def __init__(self, model: str) -> None:
        self.model = model
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(1, initializer=_start_pool_worker, initargs=(model,))

    def run(self, articles: Sequence[Article],
            done: Done | None = None) -> Iterator[ArticleExtraction]:
        """Parse and extract ``articles`` there, results in order; closes it at the end."""
        try:
            for chunk_result in self._pool.imap(partial(_work, self.model), chunks(articles)):
                yield from chunk_result
                if done is not None:
                    done(len(chunk_result))
            self._pool.close()
        finally:
            self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


def run_here(nlp: Language, articles: Sequence[Article],
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract in this process."""
    with heap.held():  # a notebook that builds again keeps a collectable heap
        _settle()
        parser = ZonedParser(nlp)
        try:
            for chunk in chunks(articles):
                yield from parser(chunk)
                if done is not None:
                    done(len(chunk))
        finally:
            parser.close()


def run_pool(nlp: Language, model: str, articles: Sequence[Article], processes: int,
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract in ``processes`` local worker processes, results longest article
    first (:func:`longest_first`).

    On Linux the workers are forked after the pipeline is loaded, so they start at once and
    share its memory; elsewhere each worker loads it. Ctrl-C stops every worker.
    """
    forking = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if forking else "spawn")
    with heap.held():
        if forking:
            with _parser_lock:
                _worker_parser[model] = ZonedParser(nlp)
            _settle()
        pool = context.Pool(processes, initializer=_start_pool_worker, initargs=(model,))
        try:
            for chunk_result in pool.imap(partial(_work, model),
                                          chunks(longest_first(articles), processes)):
                yield from chunk_result
                if done is not None:
                    done(len(chunk_result))
            pool.close()
        finally:
            pool.terminate()
            pool.join()


def run_dask(model: str, articles: Sequence[Article], scheduler: str,
             done: Done | None = None) -> Iterator[ArticleExtraction]:
    """Parse and extract on the Dask cluster at ``scheduler`` (``tcp://host:8786``).

    A worker plugin loads the pipeline once per worker; graphbuild and the model must be
    installed on the workers. Results are gathered on this machine longest article first
    (:func:`longest_first`), as from a local pool.
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
        parts = chunks(longest_first(articles), max(1, sum(client.nthreads().values())))
        # A bounded number of chunks in flight, so the scheduler never holds the corpus.
        window = max(8, 4 * max(1, len(client.nthreads())))
        pending = iter(enumerate(parts))
        running = as_completed()
        index: dict[Any, int] = {}

        def submit() -> None:
            item = next(pending, None)
            if item is not None:
                future = client.submit(_work, model, item[1], pure=False)
                index[future] = item[0]
                running.add(future)

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


# glibc's own bounds for the thresholds it adapts (64-bit): a process that frees a large
# block raises its mmap threshold up to 32 MiB, and its trim threshold to twice that.
_MMAP_THRESHOLD_MAX = 32 * 1024 * 1024
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def malloc_as_glibc_would() -> bool:
    """Give a Dask worker the memory allocator of a local pool worker; True when done.

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` (its config
    ``distributed.nanny.pre-spawn-environ``) so that freed memory goes back to the system
    at once. Setting it stops glibc from adapting its mmap threshold, so every block of
    128 KiB or more the parser allocates is mapped and unmapped again: on 300 BBC
    articles, parsing on a LocalCluster took 1.25 times the local pool, 1.07-1.13 times
    without the variable. Here the thresholds are set where glibc takes them in a
    process left alone (nothing happens where the variable is not set or glibc is not
    the allocator).
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_MAX)
                    and libc.mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_THRESHOLD_MAX))
    except (OSError, AttributeError):  # not glibc: its own allocator, left as it is
        return False


def _pipeline_plugin(model: str) -> Any:
    """A Dask worker plugin that loads the spaCy pipeline once per worker (also on workers
    that join later). Defined here so that importing graphbuild never imports Dask."""
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
        def setup(self, worker: Any) -> None:
            malloc_as_glibc_would()
            _parser_for(model)
            _settle()
            # Dask's statistical profiler samples every thread every 10 ms; with parsing
            # holding the GIL it costs about 8% of a worker's speed, for a profile of spaCy.
            for name in ("profile", "profile-cycle"):
                callback = getattr(worker, "periodic_callbacks", {}).get(name)
                if callback is not None:
                    callback.stop()

    return PipelinePlugin()
