"""Deterministic layout shared by the exporters."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
import pytest

from graphbuild.export import layout
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


class _DictStore:
    """A LayoutStore in memory, counting what is laid out and stored."""

    def __init__(self) -> None:
        self.records: dict[str, np.ndarray] = {}
        self.stored = 0

    def get_layouts(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {key: self.records[key] for key in keys if key in self.records}

    def put_layouts(self, records: Sequence[tuple[str, np.ndarray]]) -> None:
        self.stored += len(records)
        self.records.update((key, array.copy()) for key, array in records)


def _two_components() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z")])
    graph.add_edge("p", "q")  # a pair: never stored, it has nothing to lay out
    return graph


def test_a_stored_layout_gives_the_same_positions_and_lays_out_nothing_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    graph, store = _two_components(), _DictStore()
    first = compute_layout(graph, store=store)
    assert first == compute_layout(graph) and store.stored == 2

    original = layout._component_layout

    def only_pairs(simple: nx.Graph, component: list[str], **kwargs: int) -> np.ndarray:
        assert len(component) == 2, "a stored component laid out again"
        return original(simple, component, **kwargs)

    monkeypatch.setattr(layout, "_component_layout", only_pairs)
    assert compute_layout(graph, store=store) == first


def test_only_a_changed_component_is_laid_out_again() -> None:
    graph, store = _two_components(), _DictStore()
    compute_layout(graph, store=store)
    graph.add_edge("z", "x")

    positions = compute_layout(graph, store=store)

    assert store.stored == 3 and positions == compute_layout(graph)


def test_a_stored_array_of_the_wrong_size_is_laid_out_again() -> None:
    graph, store = _two_components(), _DictStore()
    compute_layout(graph, store=store)
    store.records = {key: np.zeros((1, 2)) for key in store.records}

    assert compute_layout(graph, store=store) == compute_layout(graph)


def test_the_key_depends_on_edges_seed_and_iterations() -> None:
    simple = nx.Graph([("a", "b"), ("b", "c")])
    key = layout.component_key(simple, ["a", "b", "c"], seed=1, iterations=5)
    closed = nx.Graph([("a", "b"), ("b", "c"), ("c", "a")])
    assert key == layout.component_key(nx.Graph([("c", "b"), ("b", "a")]), ["a", "b", "c"],
                                       seed=1, iterations=5)
    assert len({key,
                layout.component_key(closed, ["a", "b", "c"], seed=1, iterations=5),
                layout.component_key(simple, ["a", "b", "c"], seed=2, iterations=5),
                layout.component_key(simple, ["a", "b", "c"], seed=1, iterations=6)}) == 4
