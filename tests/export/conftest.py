"""Fixtures for exporter tests: hostile and generic graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from .graphs import hostile_graph


@pytest.fixture
def hostile() -> nx.MultiDiGraph:
    return hostile_graph()


@pytest.fixture
def generic_graph() -> nx.MultiDiGraph:
    """Attributes beyond the contract: mixed types, lists, None, odd names and ids."""
    graph = nx.MultiDiGraph(model="m", articles=[], extra_flag=True, weights=[1, 2])
    graph.add_node("a", label="A", type="person", mentions=1, score=1, tags=["x", "y"],
                   note=None, big=2**40)
    graph.add_node("two words", label="B", type="country", mentions=3, score=2.5,
                   tags="plain", flag=True, big=1)
    graph.add_node("c", label="C", type="spaceship", mixed=True, **{"odd name": "v"})
    graph.add_edge("a", "two words", key="hosts", relation="hosts", negated=False, weight=3,
                   label="custom label", mixed=1, extra={"k": [1, None]})
    graph.add_edge("a", "two words", key="not-hosts", relation="hosts", negated=True,
                   mixed="one", key_like="k")
    graph.add_edge("two words", "c", key=0, relation="attends", when=None)
    return graph
