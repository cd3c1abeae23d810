"""Node-link JSON: the lossless format, the canonical graph's native values as they are.

Lists stay JSON arrays, provenance entries keep offsets, and the graph attribute
``sentences`` holds each supporting sentence once (see :mod:`graphbuild.graph`).
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graphbuild import jsonlimits
from graphbuild.errors import GraphFormatError
from graphbuild.graph import check_native

_LINK_NAMES = {"edges": "edges", "source": "source", "target": "target", "key": "key"}


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``graph`` as sorted, indented node-link JSON.

    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_edge("a", "b", key="hosts", relation="hosts")
    'hosts'
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_json(g, path)
    >>> sorted(read_json(path).edges(keys=True))
    [('a', 'b', 'hosts')]
    """
    data = nx.node_link_data(graph, **_LINK_NAMES)
    # Sorted, so a graph read back from GraphML (whose edge order may differ) writes the
    # same bytes.
    data["nodes"].sort(key=lambda node: str(node["id"]))
    data["edges"].sort(key=lambda edge: (str(edge["source"]), str(edge["target"]),
                                         str(edge.get("key", ""))))
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_json`.

    Raises
    ------
    GraphFormatError
        The file is not node-link JSON, or an older graphbuild wrote it (lists as
        ``"; "``-joined text): the message asks for a rebuild.
    """
    try:
        data = jsonlimits.loads(Path(path).read_text(encoding="utf-8"))
        graph = nx.node_link_graph(data, directed=True, multigraph=True, **_LINK_NAMES)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GraphFormatError(f"Cannot read graph JSON {path}: {error}") from error
    check_native(graph, path)
    return graph
