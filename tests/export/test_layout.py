"""Deterministic layout shared by the exporters."""

from __future__ import annotations

import networkx as nx

from graphbuild.export.layout import SPRING_LIMIT, compute_layout

from .graphs import synthetic_graph
from .helpers import snapshot


def test_deterministic_and_pure_for_small_and_large_graphs():
    for graph in (synthetic_graph(50), synthetic_graph(SPRING_LIMIT + 100)):
        before = snapshot(graph)
        first = compute_layout(graph)
        assert compute_layout(graph) == first
        assert snapshot(graph) == before
        assert set(first) == set(graph)
        assert len(set(first.values())) == len(first)  # no two nodes on one spot


def test_trivial_graphs():
    assert compute_layout(nx.MultiDiGraph()) == {}
    single = nx.MultiDiGraph()
    single.add_node("a")
    assert compute_layout(single) == {"a": (0.0, 0.0)}


def test_a_pair_sits_side_by_side():
    pair = nx.MultiDiGraph([("b", "a"), ("a", "b")])
    positions = compute_layout(pair)

    assert positions["a"][1] == positions["b"][1]
    assert positions["a"][0] < positions["b"][0]
