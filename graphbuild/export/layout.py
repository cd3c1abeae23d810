"""Deterministic 2-D node positions shared by the HTML, GraphML and GEXF exports.

Consumes a graph, produces ``{node: (x, y)}`` in a y-up coordinate system
(GraphML/GEXF viewers use it as is; the HTML page flips y for the canvas).
Positions are computed once in Python so the browser never runs physics.

Each connected component is laid out separately and the components are packed
in rows, biggest first. A pair sits side by side (a force layout has nothing to
decide, and a large corpus has hundreds of pairs). Components under
:data:`SPRING_LIMIT` nodes use :func:`networkx.spring_layout` (dense
Fruchterman-Reingold); larger ones run the same algorithm here in NumPy, in row
blocks to keep memory at O(n * block).

A :class:`LayoutStore` (the build's cache file) keeps each component's positions by
:func:`component_key`, so a rebuild lays out only the components that changed; what it
gives is the same arrays, so the same bytes.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Hashable, Mapping, Sequence
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

import networkx as nx
import numpy as np

Positions = Mapping[Hashable, tuple[float, float]]

DEFAULT_SEED = 42
SPRING_LIMIT = 500
ITERATIONS = 50
_BLOCK = 256
#: Screen units per sqrt(node) of a component's radius, and the gap between components.
UNIT = 80.0


class LayoutStore(Protocol):
    """Where the positions of components laid out before are kept (:mod:`graphbuild.cache`)."""

    def get_layouts(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_layouts(self, records: Sequence[tuple[str, np.ndarray]]) -> None: ...


def compute_layout(graph: nx.Graph, *, seed: int = DEFAULT_SEED,
                   iterations: int = ITERATIONS,
                   store: LayoutStore | None = None) -> dict[Hashable, tuple[float, float]]:
    """Spring layout with a fixed seed, scaled to screen units and rounded.

    The graph is read, never changed. Nodes and edges are visited in sorted
    order, so the same graph always gets the same positions. Components that ``store``
    holds are taken from it, and those laid out here are put there.

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
    # Lay out each connected component on its own and pack them in rows, biggest
    # first: a force layout of the whole graph flings small components and
    # isolated nodes to the rim and squeezes the main component into the middle.
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), str(c[0])))
    keys = {} if store is None else {
        index: component_key(simple, component, seed=seed, iterations=iterations)
        for index, component in enumerate(components) if len(component) > 2}
    stored = store.get_layouts(list(keys.values())) if store is not None and keys else {}
    placed: list[tuple[list[Hashable], np.ndarray]] = []
    fresh: list[tuple[str, np.ndarray]] = []
    for index, component in enumerate(components):
        array = stored.get(keys.get(index, ""))
        if array is None or array.shape != (len(component), 2):
            array = _component_layout(simple, component, seed=seed, iterations=iterations)
            if index in keys:
                fresh.append((keys[index], array))
        placed.append((component, array))
    if store is not None and fresh:
        store.put_layouts(fresh)
    return _pack(placed)


def component_key(simple: nx.Graph, component: list[Hashable], *, seed: int,
                  iterations: int) -> str:
    """What a component's positions depend on: its nodes and edges in order, the seed,
    the iterations and the layout code with the libraries that run it."""
    index = {node: i for i, node in enumerate(component)}
    edges = sorted(sorted((index[u], index[v])) for u, v in simple.subgraph(component).edges())
    digest = hashlib.sha256(f"{_code_version()} {seed} {iterations}".encode())
    for node in component:
        digest.update(b"\0" + str(node).encode("utf-8", "surrogatepass"))
    digest.update(b"\1" + repr(edges).encode())
    return digest.hexdigest()


@cache
def _code_version() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for library in ("networkx", "numpy"):
        digest.update(f"{library} {version(library)}".encode())
    return digest.hexdigest()[:16]


def _component_layout(simple: nx.Graph, component: list[Hashable], *, seed: int,
                      iterations: int) -> np.ndarray:
    """Positions of one connected component, scaled so that density is constant."""
    n = len(component)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        array = np.array([[-1.0, 0.0], [1.0, 0.0]])
    elif n < SPRING_LIMIT:
        sub = nx.Graph()
        sub.add_nodes_from(component)
        sub.add_edges_from(sorted(simple.subgraph(component).edges(),
                                  key=lambda e: (str(e[0]), str(e[1]))))
        raw = nx.spring_layout(sub, seed=seed, method="force", iterations=iterations)
        array = np.array([raw[node] for node in component], dtype=float)
    else:
        index = {node: i for i, node in enumerate(component)}
        edges = np.array([(index[u], index[v]) for u, v in simple.subgraph(component).edges()],
                         dtype=np.intp)
        array = _fruchterman_reingold(n, edges.reshape(-1, 2), seed=seed, iterations=iterations)
    array -= array.mean(axis=0)
    extent = float(np.abs(array).max()) or 1.0
    return array * (UNIT * math.sqrt(n) / extent)


def _pack(placed: list[tuple[list[Hashable], np.ndarray]]) -> dict[Hashable, tuple[float, float]]:
    """Shelf-pack component boxes left to right, top to bottom; centre the result.

    A lone node (most of a large corpus's nodes) is a box of no size at (0, 0): it is
    placed with plain floats, which give the same numbers as the arrays without their
    cost per node.
    """
    boxes = [None if len(nodes) == 1 else (array.min(axis=0), array.max(axis=0))
             for nodes, array in placed]
    area = sum(UNIT * UNIT if box is None else float(np.prod(box[1] - box[0] + UNIT))
               for box in boxes)
    widest = max(0.0 if box is None else float(box[1][0] - box[0][0]) for box in boxes)
    row_width = max(widest, math.sqrt(area) * 1.2)
    positions: dict[Hashable, np.ndarray | tuple[float, float]] = {}
    x = y = row_height = 0.0
    for (nodes, array), box in zip(placed, boxes, strict=True):
        if box is None:  # width and height 0
            if x > 0 and x > row_width:
                x, y, row_height = 0.0, y - row_height - UNIT, 0.0
            positions[nodes[0]] = (x, y)
            x += UNIT
            continue
        low, high = box
        width, height = float(high[0] - low[0]), float(high[1] - low[1])
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height - UNIT, 0.0
        offset = np.array([x - low[0], y - high[1]])
        for node, point in zip(nodes, array + offset, strict=True):
            positions[node] = point
        x += width + UNIT
        row_height = max(row_height, height)
    points = np.array(list(positions.values()))
    centre = (points.min(axis=0) + points.max(axis=0)) / 2
    return {node: (round(float(p[0] - centre[0]), 1), round(float(p[1] - centre[1]), 1))
            for node, p in sorted(positions.items(), key=lambda item: str(item[0]))}


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


def laid_out(graph: nx.Graph, positions: Positions | None) -> tuple[
        list[tuple[Any, dict[str, Any]]], list[tuple[Any, Any, Any, dict[str, Any]]], Positions]:
    """Nodes and edges in file order, plus positions, for the XML writers.

    Sorted so that the same graph always gives the same bytes; a simple graph is
    treated as a multigraph so every edge has a key.
    """
    if not graph.is_multigraph():
        graph = nx.MultiDiGraph(graph) if graph.is_directed() else nx.MultiGraph(graph)
    nodes = sorted(graph.nodes(data=True), key=lambda item: str(item[0]))
    edges = sorted(graph.edges(keys=True, data=True),
                   key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    return nodes, edges, positions if positions is not None else compute_layout(graph)
