"""How GraphML, GEXF and CSV flatten the canonical graph's native values (export/flat.py)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.export.flat import flatten, join_list, joinable, split_list
from graphbuild.graph import best_sentence

from .helpers import snapshot


@pytest.mark.parametrize(("values", "expected"), [
    pytest.param([["UK", "Britain"], [], None], True, id="lists-of-strings"),
    pytest.param([("UK",)], True, id="tuple"),
    pytest.param([["a; b"]], False, id="item-with-the-separator"),
    pytest.param([["a", ""]], False, id="empty-item"),
    pytest.param([["a"], "b"], False, id="mixed-with-a-string"),
    pytest.param([[1, 2]], False, id="numbers"),
    pytest.param([[{"article": "a1"}]], False, id="provenance"),
    pytest.param([None], False, id="only-none"),
])
def test_joinable(values: list[object], expected: bool) -> None:
    assert joinable(values) is expected


@given(st.lists(st.text(min_size=1)))
def test_joinable_lists_split_back_exactly(items: list[str]) -> None:
    if joinable([items]):
        assert split_list(join_list(items)) == items


def test_flatten_joins_lists_derives_evidence_and_inlines_sentences(tiny_graph) -> None:
    before = snapshot(tiny_graph)
    nodes = list(tiny_graph.nodes(data=True))
    edges = list(tiny_graph.edges(keys=True, data=True))

    flat = flatten(tiny_graph, nodes, edges, inline_sentences=True)

    assert snapshot(tiny_graph) == before  # the canonical graph keeps its lists
    assert flat.joined == {"node": ["aliases", "sources"],
                           "edge": ["attributed_to", "cue", "sources"]}
    assert flat.evidence is True
    for (_, data), (_, flat_data) in zip(nodes, flat.nodes, strict=True):
        assert flat_data["sources"] == "; ".join(data["sources"])
    for (*_, data), (*_, flat_data) in zip(edges, flat.edges, strict=True):
        assert flat_data["cue"] == "; ".join(data["cue"])
        assert flat_data["evidence"] == best_sentence(tiny_graph, data)
        assert all(entry["sentence"] for entry in flat_data["provenance"])


def test_flatten_without_inlining_keeps_provenance_as_offsets(tiny_graph) -> None:
    edges = list(tiny_graph.edges(keys=True, data=True))
    flat = flatten(tiny_graph, [], edges, inline_sentences=False)
    assert [d["provenance"] for *_, d in flat.edges] == [d["provenance"] for *_, d in edges]


def test_a_graph_with_its_own_evidence_keeps_it() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="k", evidence="mine", provenance=[{"article": "x"}])
    flat = flatten(graph, [], graph.edges(keys=True, data=True), inline_sentences=False)
    assert (flat.edges[0][3]["evidence"], flat.evidence) == ("mine", False)
