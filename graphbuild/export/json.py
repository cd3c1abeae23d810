"""Node-link JSON: the lossless format, the canonical graph's native values as they are.

Lists stay JSON arrays, provenance entries keep offsets, and the graph attribute
``sentences`` holds each supporting sentence once (see :mod:`graphbuild.graph`).
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
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
    text = dumps_indented(data, sort_keys=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def dumps_indented(value: object, *, sort_keys: bool = False) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=sort_keys)``, the same
    text made in a third of the time.

    With ``indent`` the standard library encodes in Python, one generator step per
    value; this walks the value once and appends to one list, strings still encoded by
    the C function of :mod:`json`. Values that are not JSON raise TypeError, as there.

    >>> dumps_indented({"b": [1, 2.5, None], "a": {}}, sort_keys=True)
    '{\\n "a": {},\\n "b": [\\n  1,\\n  2.5,\\n  null\\n ]\\n}'
    """
    parts: list[str] = []
    _encode(value, "\n", parts, sort_keys)
    return "".join(parts)


def _encode(value: object, newline: str, parts: list[str], sort_keys: bool) -> None:
    # The order of the checks is the standard library's, so subclasses encode alike.
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + " "
        parts.append("[")
        for index, item in enumerate(value):
            parts.append(inner if index == 0 else "," + inner)
            if type(item) is str:
                parts.append(encode_basestring(item))
            else:
                _encode(item, inner, parts, sort_keys)
        parts.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + " "
        parts.append("{")
        items = sorted(value.items()) if sort_keys else value.items()
        for index, (key, item) in enumerate(items):
            parts.append(inner if index == 0 else "," + inner)
            parts.append(encode_basestring(_key(key)))
            parts.append(": ")
            if type(item) is str:
                parts.append(encode_basestring(item))
            else:
                _encode(item, inner, parts, sort_keys)
        parts.append(newline + "}")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


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
