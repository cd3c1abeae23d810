"""Deterministic 2-D node positions shared by the HTML, GraphML and GEXF exports.

Consumes a graph, produces ``{node: (x, y)}`` in a y-up coordinate system
(GraphML/GEXF viewers use it as is; the HTML page flips y for the canvas).
Positions are computed once in Python so the browser never runs physics.

Graphs under :data:`SPRING_LIMIT` nodes use :func:`networkx.spring_layout`
(dense Fruchterman-Reingold). networkx switches to a SciPy sparse solver from
500 nodes on, and SciPy is not a dependency, so larger graphs run the same
algorithm here in NumPy, in row blocks to keep memory at O(n * block).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np

Positions = Mapping[Hashable, tuple[float, float]]

DEFAULT_SEED = 42
SPRING_LIMIT = 500
ITERATIONS = 50
_BLOCK = 256


def compute_layout(graph: nx.Graph, *, seed: int = DEFAULT_SEED,
                   iterations: int = ITERATIONS) -> dict[Hashable, tuple[float, float]]:
    """Spring layout with a fixed seed, scaled to screen units and rounded.

    The graph is read, never changed. Nodes and edges are visited in sorted
    order, so the same graph always gets the same positions.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> compute_layout(g) == compute_layout(g.copy())
    True
    >>> sorted(compute_layout(g))
    ['a', 'b', 'c']
    """
    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted(((u, v) for u, v in graph.edges() if u != v),
                                 key=lambda e: (str(e[0]), str(e[1]))))
    if n < SPRING_LIMIT:
        raw = nx.spring_layout(simple, seed=seed, method="force", iterations=iterations)
        array = np.array([raw[node] for node in nodes], dtype=float)
    else:
        index = {node: i for i, node in enumerate(nodes)}
        edges = np.array([(index[u], index[v]) for u, v in simple.edges()], dtype=np.intp)
        array = _fruchterman_reingold(n, edges.reshape(-1, 2), seed=seed, iterations=iterations)
    array -= array.mean(axis=0)
    extent = float(np.abs(array).max()) or 1.0
    scale = max(300.0, 90.0 * math.sqrt(n))
    array *= scale / extent
    return {node: (round(float(x), 1), round(float(y), 1))
            for node, (x, y) in zip(nodes, array, strict=True)}


def _fruchterman_reingold(n: int, edges: np.ndarray, *, seed: int,
                          iterations: int) -> np.ndarray:
    """networkx's Fruchterman-Reingold: dense repulsion in blocks, attraction per edge."""
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2)
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    source, target = edges[:, 0], edges[:, 1]
    for _ in range(iterations):
        x = pos[:, 0].astype(np.float32)
        y = pos[:, 1].astype(np.float32)
        displacement = np.empty((n, 2))
        for start in range(0, n, _BLOCK):
            stop = min(n, start + _BLOCK)
            dx = x[start:stop, None] - x[None, :]
            dy = y[start:stop, None] - y[None, :]
            inverse = dx * dx
            inverse += dy * dy
            np.maximum(inverse, 1e-4, out=inverse)
            np.reciprocal(inverse, out=inverse)
            displacement[start:stop, 0] = np.einsum("ij,ij->i", dx, inverse)
            displacement[start:stop, 1] = np.einsum("ij,ij->i", dy, inverse)
        displacement *= k * k
        delta = pos[source] - pos[target]
        pull = delta * (np.sqrt((delta ** 2).sum(axis=1)) / k)[:, None]
        for axis in (0, 1):
            displacement[:, axis] -= np.bincount(source, pull[:, axis], minlength=n)
            displacement[:, axis] += np.bincount(target, pull[:, axis], minlength=n)
        length = np.maximum(np.sqrt((displacement ** 2).sum(axis=1)), 0.01)
        pos += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return pos
