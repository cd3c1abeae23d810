"""Benchmark a build: time per stage, words per second and peak memory.

    .venv/bin/python bench/build_speed.py ../shared/corpora/bbc_news_2225/politics
    .venv/bin/python bench/build_speed.py corpus --workers 1

Prints figures; it asserts nothing (benchmarks are scripts, not tests).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.build import BuildResult, _pipeline, default_workers, extract_corpus, write_outputs
from graphbuild.graph import build_graph
from graphbuild.ingest import read_corpus
from graphbuild.query import KnowledgeGraph
from graphbuild.resolve import resolve


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    timings: dict[str, float] = {}
    start = time.perf_counter()
    corpus = read_corpus(args.corpus)
    timings["ingest"] = time.perf_counter() - start
    words = sum(len(a.text.split()) for a in corpus.articles)

    start = time.perf_counter()
    nlp = _pipeline(args.model)
    timings["load model"] = time.perf_counter() - start

    workers = args.workers or default_workers(len(corpus.articles))
    start = time.perf_counter()
    extractions, model, _ = extract_corpus(corpus, model=args.model, workers=workers)
    timings["parse + extract"] = time.perf_counter() - start

    start = time.perf_counter()
    resolution = resolve(extractions, articles=corpus.articles)
    timings["resolve"] = time.perf_counter() - start

    start = time.perf_counter()
    claims = [c for e in extractions for c in e.claims]
    graph = build_graph(corpus.articles, resolution, claims, model=model)
    timings["graph"] = time.perf_counter() - start

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        result = BuildResult(KnowledgeGraph(graph), corpus, resolution, model)
        written = write_outputs(result, directory)
        size = sum(p.stat().st_size for p in written)
    timings["export (all formats)"] = time.perf_counter() - start

    total = sum(timings.values())
    print(f"corpus: {', '.join(map(str, args.corpus))}")
    print(f"articles: {len(corpus.articles)}  words: {words:,}  model: {model} "
          f"({nlp.meta.get('version', '?')})  workers: {workers}")
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"outputs {size / 1e6:.1f} MB")
    for stage, seconds in timings.items():
        print(f"  {stage:<22} {seconds:8.2f} s")
    print(f"  {'total':<22} {total:8.2f} s")
    parse_seconds = timings["parse + extract"]
    print(f"throughput: {words / parse_seconds:,.0f} words/s parsing, "
          f"{words / total:,.0f} words/s end to end")
    own, children = peak_mb()
    print(f"peak memory: {own:.0f} MB (main process), {children:.0f} MB (largest worker)")


if __name__ == "__main__":
    sys.exit(main())
