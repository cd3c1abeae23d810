"""Doctest set-up: examples that use ``kg`` run against the sample build.

``kg`` is ``KnowledgeGraph(read_json("outputs/graph.json"))``, loaded once per
session and only for doctests that mention it. Until the sample graph has been
built those doctests are skipped with the command that builds it. Set
``GRAPHBUILD_DOCTEST_GRAPH`` to run them against another graph file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

SAMPLE_GRAPH = Path(__file__).parent / "outputs" / "graph.json"
_KG = re.compile(r"\bkg\b")


def _uses_kg(item: pytest.Item) -> bool:
    test = getattr(item, "dtest", None)
    return test is not None and any(_KG.search(example.source) for example in test.examples)


@pytest.fixture(scope="session")
def sample_kg():
    """The sample build wrapped in a KnowledgeGraph, or a skip if it is not built."""
    from graphbuild.export.json import read_json
    from graphbuild.query import KnowledgeGraph

    path = Path(os.environ.get("GRAPHBUILD_DOCTEST_GRAPH") or SAMPLE_GRAPH)
    if not path.exists():
        pytest.skip(f"{path} not built yet (build the sample corpus into outputs/ first)")
    return KnowledgeGraph(read_json(path))


@pytest.fixture(autouse=True)
def _doctest_kg(request: pytest.FixtureRequest) -> None:
    """Put ``kg`` into the doctest namespace for the doctests that use it."""
    if _uses_kg(request.node):
        namespace = request.getfixturevalue("doctest_namespace")
        namespace["kg"] = request.getfixturevalue("sample_kg")
