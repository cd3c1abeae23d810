"""Two flat tables, ``nodes.csv`` and ``edges.csv``, for spreadsheets and bulk loaders.

Consumes the graph of :mod:`graphbuild.graph`; produces UTF-8 CSV (no BOM,
``\\n`` line ends, RFC 4180 quoting) with a header row. Nodes come first by id,
edges by ``(source, target, key)``. Contract columns keep their order, later
attributes follow sorted by name. Booleans are ``true``/``false``, missing
values empty. Native values are flattened as for the other scalar-only formats
(:mod:`graphbuild.export.flat`): lists of strings ``"; "``-joined, an
``evidence`` column with each edge's best sentence, each provenance entry with
its sentence (the tables have no place for the graph's sentence table); other
lists and dicts (``provenance``) are JSON.

Article text is untrusted and spreadsheets run cells that start with ``=``,
``+``, ``-``, ``@`` as formulas, so such *text* cells get a leading ``'``
unless ``spreadsheet_safe=False`` (numbers are never touched).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graphbuild.export._xml import clean, plain, to_json
from graphbuild.export.flat import EDGE_COLUMNS, flatten
from graphbuild.graph import NODE_ATTRIBUTES

log = logging.getLogger(__name__)

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _ordered(present: Iterable[str], contract: Iterable[str],
             skip: Iterable[str] = ()) -> list[str]:
    names = set(present) - set(skip)
    first = [name for name in contract if name in names]
    return first + sorted(names.difference(first))


def cell(value: object, *, spreadsheet_safe: bool = True) -> str:
    """The CSV text of one attribute value.

    >>> cell(True), cell(None), cell(0.5), cell([{"a": 1}])
    ('true', '', '0.5', '[{"a":1}]')
    >>> cell("=HYPERLINK(1)"), cell("=x", spreadsheet_safe=False), cell(-1)
    ("'=HYPERLINK(1)", '=x', '-1')
    """
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        text = clean(value)
        if spreadsheet_safe and text.startswith(_FORMULA_START):
            return "'" + text
        return text
    return clean(to_json(value))


def write_csv(graph: nx.MultiDiGraph, directory: str | Path, *,
              spreadsheet_safe: bool = True) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``directory``; return both paths.

    ``nodes.csv`` starts ``id,label,type,...``; ``edges.csv`` starts
    ``source,target,key,relation,negated,confidence,documents,sources,evidence``.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="person"); g.add_node("b", label="B", type="country")
    >>> _ = g.add_edge("a", "b", key="hosts", relation="hosts", negated=False)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     nodes, edges = write_csv(g, tmp)
    ...     print(edges.read_text(), end="")
    source,target,key,relation,negated
    a,b,hosts,hosts,false
    """
    directory = Path(directory)
    nodes = sorted(graph.nodes(data=True), key=lambda item: str(item[0]))
    if graph.is_multigraph():
        edges = sorted(graph.edges(keys=True, data=True),
                       key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    else:
        edges = sorted(((u, v, "", d) for u, v, d in graph.edges(data=True)),
                       key=lambda e: (str(e[0]), str(e[1])))
    flat = flatten(graph, nodes, edges, inline_sentences=True)
    nodes, edges = flat.nodes, flat.edges

    node_columns = _ordered((k for _, d in nodes for k in d), NODE_ATTRIBUTES, skip=("id",))
    edge_columns = _ordered((k for *_, d in edges for k in d), EDGE_COLUMNS,
                            skip=("source", "target", "key"))
    node_path = directory / NODES_FILE
    edge_path = directory / EDGES_FILE

    def row(values: Iterable[object]) -> list[str]:
        return [cell(v, spreadsheet_safe=spreadsheet_safe) for v in values]

    with node_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", *node_columns])
        for node, data in nodes:
            writer.writerow(row([node, *(data.get(name) for name in node_columns)]))
    with edge_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target", "key", *edge_columns])
        for source, target, key, data in edges:
            writer.writerow(row([source, target, key, *(data.get(name) for name in edge_columns)]))
    log.debug("Wrote %d nodes to %s and %d edges to %s", len(nodes), node_path, len(edges),
              edge_path)
    return [node_path, edge_path]
