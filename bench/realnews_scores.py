"""Score graphbuild on the real-news evaluation set: each corpus built on its own,
scored against its hand-made gold graph, figures summed over corpora (micro average).

    .venv/bin/python bench/realnews_scores.py                  # dev part, one line per corpus
    .venv/bin/python bench/realnews_scores.py --split blind    # the blind part (totals only)
    .venv/bin/python bench/realnews_scores.py --split dev -v   # with every false hit and miss

The blind part prints totals only unless --per-corpus is given, so that its
errors are not read while the rules are being developed. Prints figures; it
asserts nothing (benchmarks are scripts, not tests).
"""

from __future__ import annotations

import argparse
import sys
from fnmatch import fnmatch
from pathlib import Path

from graphbuild.build import build_corpus
from graphbuild.evaluate import Score, evaluate, format_evaluation, load_gold

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "realnews"
SCORES = ("entities", "meetings", "core", "extended")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "blind"), default="dev")
    parser.add_argument("--per-corpus", action="store_true",
                        help="one line per corpus (default for dev only)")
    parser.add_argument("--match", default="*", metavar="GLOB",
                        help="only corpora whose folder name matches, e.g. '*_h8'")
    parser.add_argument("--exclude", default=None, metavar="GLOB",
                        help="leave out corpora whose folder name matches, e.g. '*_n3'")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print each corpus's full evaluation report")
    args = parser.parse_args()
    corpora = sorted(p for p in (ROOT / args.split).iterdir()
                     if (p / "gold.json").exists() and any((p / "articles").glob("*"))
                     and fnmatch(p.name, args.match)
                     and not (args.exclude and fnmatch(p.name, args.exclude)))
    if not corpora:
        sys.exit(f"no corpora with a gold.json under {ROOT / args.split}")
    per_corpus = args.per_corpus or args.split == "dev"
    totals = {name: Score() for name in SCORES}
    articles = 0
    central = []
    for corpus in corpora:
        result = build_corpus(corpus / "articles")
        articles += len(result.corpus.articles)
        scored = evaluate(result.knowledge_graph.graph, load_gold(corpus / "gold.json"))
        for name in SCORES:
            totals[name] += getattr(scored, name)
        if len(result.corpus.articles) > 1:
            split = [a.candidates for a in scored.alignments if a.required]
            central.append((corpus.name, split))
        if per_corpus:
            core = scored.core
            print(f"{corpus.name:42s} core P {core.precision:.2f} R {core.recall:.2f} "
                  f"F1 {core.f1:.2f} (tp {core.tp} fp {core.fp} fn {core.fn})", flush=True)
        if args.verbose:
            print(format_evaluation(scored), flush=True)
    print(f"\n{args.split}: {len(corpora)} corpora, {articles} articles")
    print(f"{'':12s}{'P':>7s}{'R':>7s}{'F1':>7s}{'tp':>6s}{'fp':>5s}{'fn':>5s}")
    for name in SCORES:
        score = totals[name]
        print(f"{name:12s}{score.precision:7.3f}{score.recall:7.3f}{score.f1:7.3f}"
              f"{score.tp:6d}{score.fp:5d}{score.fn:5d}")
    for name, candidates in central:
        print(f"multi-outlet {name}: predicted nodes per gold meeting {candidates}")

if __name__ == "__main__":
    main()
