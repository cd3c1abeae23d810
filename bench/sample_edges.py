"""Print a reproducible random sample of edges with their evidence, for judging precision.

    .venv/bin/python bench/sample_edges.py /tmp/bbc/graph.json --n 30 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from graphbuild.build import load
from graphbuild.graph import CORE_RELATIONS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--relations", default=",".join(CORE_RELATIONS),
                        help="comma-separated relation names (default: the core relations)")
    args = parser.parse_args()
    wanted = set(args.relations.split(","))
    relations = [r for r in load(args.graph).relations() if r.relation in wanted]
    sample = random.Random(args.seed).sample(relations, min(args.n, len(relations)))
    print(f"{len(sample)} of {len(relations)} edges ({', '.join(sorted(wanted))}), "
          f"seed {args.seed}")
    for number, relation in enumerate(sample, start=1):
        polarity = "NOT " if relation.negated else ""
        evidence = " ".join(relation.evidence[0].sentence.split())
        print(f"{number:>3}. {relation.subject} {polarity}{relation.relation} "
              f"{relation.object or '*'}  [{relation.evidence[0].article}]")
        print(f"     {evidence}")


if __name__ == "__main__":
    main()
