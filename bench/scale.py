"""Scale benchmark (issue 10): parsing floor, workers, cache, Dask, memory, linearity.

    .venv/bin/python bench/scale.py                      # ../shared/corpora/bbc_news_2225
    .venv/bin/python bench/scale.py CORPUS --sizes 100,200 --no-dask

Every build runs as its own ``python -m graphbuild build`` process, timed from outside,
with the resident memory of the process and all its workers sampled every 0.1 s (peak of
the sum). Prints figures and the issue's targets beside them; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc_news_2225"
_TOOK = re.compile(r"^Took ([\d.]+) s: (.*)$", re.M)
_STAGE = re.compile(r"([a-z+]+) ([\d.]+) s")


def run(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB of the process tree, stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, cwd=REPO)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return seconds, peak / 1e6, stderr


def stages(stderr: str) -> dict[str, float]:
    found = _TOOK.search(stderr)
    return {name: float(value) for name, value in _STAGE.findall(found.group(2))} \
        if found else {}


def _stages(parts: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items())


def build(corpus: Path, out: Path, *options: str) -> tuple[float, float, dict[str, float]]:
    seconds, peak, stderr = run([sys.executable, "-m", "graphbuild", "build", str(corpus),
                                 "-o", str(out), *options])
    return seconds, peak, stages(stderr)


_BARE = textwrap.dedent("""
    import sys, time, spacy
    from graphbuild.ingest import read_corpus
    from graphbuild.models import default_model
    texts = [a.text for a in read_corpus(sys.argv[1]).articles]
    nlp = spacy.load(default_model())
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=4):
        pass
    print(time.perf_counter() - started)
""")

_DASK = textwrap.dedent("""
    import sys, time
    from distributed import LocalCluster
    from graphbuild.build import build_corpus, write_outputs
    corpus, out = sys.argv[1:3]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        started = time.perf_counter()
        result = build_corpus(corpus, scheduler=cluster.scheduler_address)
        write_outputs(result, out)
        print(time.perf_counter() - started, result.stats.seconds["parse+extract"])
""")


def python(script: str, *args: str) -> list[str]:
    output = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, cwd=REPO, check=True).stdout.split()
    return output


def sample(corpus: Path, count: int, into: Path) -> Path:
    """A copy of ``count`` articles drawn evenly from the corpus (seeded)."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    chosen = sorted(random.Random(0).sample(files, min(count, len(files))))
    folder = into / f"sample-{len(chosen)}"
    for path in chosen:
        target = folder / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return folder


def same_outputs(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir() if not p.name.startswith("."))
    return names == sorted(p.name for p in b.iterdir() if not p.name.startswith(".")) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="250,500,1000",
                        help="article counts for the linearity check (plus the whole corpus)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask comparison")
    args = parser.parse_args()

    from graphbuild.ingest import read_corpus

    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        corpus = tmp / "corpus"
        shutil.copytree(args.corpus, corpus, ignore=shutil.ignore_patterns("*.jsonl", "*.md",
                                                                          "*.TXT"))
        articles = read_corpus(corpus).articles
        words = sum(len(a.text.split()) for a in articles)
        print(f"corpus: {args.corpus} ({len(articles)} articles, {words:,} words)")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

        bare = float(python(_BARE, str(corpus))[0])
        one, one_peak, one_stages = build(corpus, tmp / "one", "--workers", "1", "--no-cache")
        print("\n1. one process")
        print(f"   bare nlp.pipe (batch 4):            {bare:7.1f} s  {words / bare:7,.0f} words/s")
        print(f"   build --workers 1 --no-cache:       {one:7.1f} s  {words / one:7,.0f} words/s"
              f"   ratio {bare / one:.2f} (target >= 1.0)")
        parse_one = one_stages.get("parse+extract", one)
        print(f"     its parse+extract stage alone:    {parse_one:7.1f} s  "
              f"{words / parse_one:7,.0f} words/s   ratio {bare / parse_one:.2f}")

        cold, cold_peak, cold_stages = build(corpus, tmp / "two", "--workers", "2")
        print("\n2. two workers (cache being written)")
        print(f"   build --workers 2:                  {cold:7.1f} s  speed-up {one / cold:.2f}x"
              " (target >= 1.7x)")
        print(f"   same bytes as one worker:           {same_outputs(tmp / 'one', tmp / 'two')}")

        warm, _, warm_stages = build(corpus, tmp / "two", "--workers", "2")
        print("\n3. cache")
        print(f"   warm rebuild, unchanged corpus:     {warm:7.1f} s  {cold / warm:.0f}x faster "
              "than cold (target >= 20x)")
        newcomer = next(p for p in sorted(Path(args.corpus).rglob("*.txt"))
                        if p.name not in {"README.TXT"})
        extra = corpus / "added" / "one-more-article.txt"
        extra.parent.mkdir()
        extra.write_text(newcomer.read_text(errors="replace") + "\nAdded for the benchmark.\n")
        added, _, added_stages = build(corpus, tmp / "two", "--workers", "2")
        single = tmp / "single"
        single.mkdir()
        shutil.copy(extra, single / extra.name)
        alone, _, alone_stages = build(single, tmp / "single-out", "--no-cache")
        floor = alone_stages.get("parse+extract", alone) + warm_stages.get("resolve", 0.0)
        print(f"   one article added:                  {added:7.1f} s  ({_stages(added_stages)})")
        print(f"   parse of that article + resolution: {floor:7.1f} s  ratio "
              f"{added / floor:.1f} (target <= 2)")
        print(f"   added minus warm rebuild:           {added - warm:7.1f} s  (what the new "
              f"article cost; the rest is start-up, ingest and export of the whole graph)")

        if not args.no_dask:
            shutil.rmtree(extra.parent)
            dask_total, dask_parse = map(float, python(_DASK, str(corpus), str(tmp / "dask")))
            print("\n4. Dask LocalCluster, 2 workers")
            print(f"   parse+extract on Dask:              {dask_parse:7.1f} s  vs local pool "
                  f"{cold_stages.get('parse+extract', cold):.1f} s  ratio "
                  f"{dask_parse / cold_stages.get('parse+extract', cold):.2f} (target <= 1.15)")
            print(f"   same bytes as the local pool:       "
                  f"{same_outputs(tmp / 'dask', tmp / 'one')}")

        print("\n5. memory")
        print(f"   peak RSS, all processes, 2 workers: {cold_peak:7.0f} MB (target <= 1500 MB)")
        print(f"   peak RSS, one process:              {one_peak:7.0f} MB")

        print("\n6. linearity (2 workers, no cache)")
        sizes = [int(s) for s in args.sizes.split(",") if int(s) < len(articles)]
        rows = []
        for size in sizes:
            folder = sample(corpus, size, tmp)
            drawn = read_corpus(folder).articles
            seconds, _, _ = build(folder, tmp / f"out-{size}", "--workers", "2", "--no-cache")
            rows.append((len(drawn), sum(len(a.text.split()) for a in drawn), seconds))
        rows.append((len(articles), words, cold))
        base, base_words = cold / len(articles), cold / words
        previous: tuple[int, float] | None = None
        for count, sample_words, seconds in rows:
            cost = seconds / count
            marginal = "" if previous is None else (
                f"; {1000 * (seconds - previous[1]) / (count - previous[0]):.1f} ms per "
                "article added since the previous size")
            # Per 1,000 words too: a sample of longer articles costs more per article.
            per_words = 1000 * seconds / sample_words
            print(f"   {count:5d} articles: {seconds:7.1f} s  {1000 * cost:6.1f} ms/article "
                  f"({100 * (cost / base - 1):+.0f}% vs the whole corpus{marginal}); "
                  f"{per_words:.2f} s per 1,000 words "
                  f"({100 * (seconds / sample_words / base_words - 1):+.0f}%)")
            previous = (count, seconds)

        print("\n7. time per stage")
        for label, parts in (("--workers 1 --no-cache", one_stages),
                             ("--workers 2 cold", cold_stages),
                             ("--workers 2 warm", warm_stages)):
            print(f"   {label:<24} {_stages(parts)}")


if __name__ == "__main__":
    main()
