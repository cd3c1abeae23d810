"""Build time and peak memory against the size of hostile inputs: one run-on sentence of
1k to 60k words, one article of 10 KB to 2 MB of ordinary sentences, and 200 to 20,000
short files. Each case is built in a fresh process (one worker) so its peak memory is its
own. Prints figures and the cost per unit, to check that all grow about linearly; it
asserts nothing (benchmarks are scripts, not tests).

    .venv/bin/python bench/input_scale.py                       # every series
    .venv/bin/python bench/input_scale.py --series sentence --sizes 1000 5000 10000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SERIES = {
    "sentence": (1000, 5000, 10000, 20000, 60000),      # words in one sentence
    "article": (10_000, 100_000, 500_000, 2_000_000),    # bytes in one article
    "files": (200, 1000, 5000, 20000),                   # short files
}
NAMES = ["Kenya", "Chile", "Peru", "Norway", "Japan", "Ghana", "Canada", "Egypt"]
PEOPLE = ["William Ruto", "Gabriel Boric", "Dina Boluarte", "Jonas Store", "Fumio Kishida"]


def _sentence(rng: random.Random, words: int) -> str:
    """One run-on sentence: clauses joined by commas, never a full stop."""
    parts: list[str] = []
    count = 0
    while count < words:
        clause = (f"{rng.choice(PEOPLE)} met officials from {rng.choice(NAMES)} and "
                  f"{rng.choice(NAMES)} at a summit in {rng.choice(NAMES)} on Monday")
        parts.append(clause)
        count += len(clause.split())
    return ", and ".join(parts) + "."


def _ordinary(rng: random.Random, size: int) -> str:
    """Paragraphs of ordinary sentences up to ``size`` bytes."""
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(
            f"{rng.choice(PEOPLE)} will meet the president of {rng.choice(NAMES)} in "
            f"{rng.choice(NAMES)} on Thursday, officials said." for _ in range(5))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def make_corpus(series: str, size: int, folder: Path) -> int:
    """Write the case's files; return its word count."""
    rng = random.Random(size)
    folder.mkdir(parents=True)
    if series == "sentence":
        text = _sentence(rng, size)
        (folder / "run_on.txt").write_text("Run-on\n\n" + text)
        return len(text.split())
    if series == "article":
        text = _ordinary(rng, size)
        (folder / "long.txt").write_text("Long article\n\n" + text)
        return len(text.split())
    words = 0
    for index in range(size):
        text = _ordinary(rng, 300)
        (folder / f"{index:05d}.txt").write_text(f"Story {index}\n\n{text}")
        words += len(text.split())
    return words


CHILD = """
import json, resource, sys, time
from graphbuild.build import build_corpus, write_outputs
start = time.perf_counter()
result = build_corpus(sys.argv[1], workers=1)
write_outputs(result, sys.argv[2])
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak,
                  "articles": len(result.corpus.articles)}))
"""


def run_case(series: str, size: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        words = make_corpus(series, size, corpus)
        try:
            done = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(out)],
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            print(f"{series:9s} {size:>9,d}  {words:>9,d} words  over {timeout:.0f} s",
                  flush=True)
            return
        if done.returncode != 0:
            print(f"{series:9s} {size:>9,d}  failed: {done.stderr.strip().splitlines()[-1:]}",
                  flush=True)
            return
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        per_kword = figures["seconds"] / max(words, 1) * 1000
        print(f"{series:9s} {size:>9,d}  {words:>9,d} words  {figures['seconds']:7.1f} s  "
              f"{per_kword:6.3f} s/1k words  peak {figures['peak_mb']:6.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", choices=sorted(SERIES), nargs="*", default=sorted(SERIES))
    parser.add_argument("--sizes", type=int, nargs="*", help="override the sizes of the series")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per case")
    args = parser.parse_args()
    start = time.perf_counter()
    for series in args.series:
        for size in args.sizes or SERIES[series]:
            run_case(series, size, args.timeout)
    print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
