"""GEXF 1.3 export for Gephi and Gephi Lite, with colours, sizes and positions.

Consumes the graph of :mod:`graphbuild.graph`; produces a GEXF 1.3 document
with ``viz:color``/``viz:size``/``viz:position``/``viz:shape`` taken from
:mod:`graphbuild.export.style` and :mod:`graphbuild.export.layout`, so the
picture matches the HTML page and the GraphML file.

What the graphology-gexf parser (Gephi Lite) needs, and this writer does:

- attribute ids are numeric, so the parser names attributes by their title;
- colour alpha is written as the integer ``1``;
- no edge attribute is titled ``type`` (sigma reads an edge ``type`` as its
  renderer and fails); one is written as ``edge_type``;
- every edge has a unique id; the networkx edge key is the attribute ``edge_key``
  (networkx's own GEXF reader breaks on an edge attribute titled ``key``).

Node labels and edge labels/weights are the element attributes ``label`` and
``weight``. Native values are flattened as for the other scalar-only formats
(:mod:`graphbuild.export.flat`): lists of strings ``"; "``-joined, an ``evidence``
column with each edge's best sentence, and each provenance entry with its
sentence, since GEXF has no place for the graph's sentence table; other lists,
dicts and mixed-type attributes are JSON strings. The file has no
``lastmodifieddate``: the same graph gives the same bytes.

:func:`read_gexf` reads such a file back into the canonical graph, less what GEXF
does not carry: the graph attributes other than the sentence table (``articles``,
``model``).
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import networkx as nx

from graphbuild.errors import GraphFormatError
from graphbuild.export import style
from graphbuild.export._xml import (
    BOOLEAN,
    DOUBLE,
    INT,
    LONG,
    STRING,
    Column,
    PathOrFile,
    decode,
    encode,
    escape_attribute,
    escape_text,
    infer_column,
    local_name,
    parse_xml,
)
from graphbuild.export.flat import EDGE_COLUMNS, Edge, Node, flatten, unflatten
from graphbuild.export.layout import Positions, laid_out
from graphbuild.graph import NODE_ATTRIBUTES

log = logging.getLogger(__name__)

NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"
_GEXF_TYPES = {BOOLEAN: "boolean", INT: "integer", LONG: "long", DOUBLE: "double"}
_TYPES_OF_GEXF = {**{gexf: ours for ours, gexf in _GEXF_TYPES.items()}, "float": DOUBLE}
#: Attribute titles the GEXF element itself carries, or graphology reads specially.
_RESERVED_EDGE_TITLES = {"type": "edge_type"}
_RESTORED_EDGE_TITLES = {title: name for name, title in _RESERVED_EDGE_TITLES.items()}
#: The title of the edge key's column: "edge_key", with an "_" per attribute of that name.
_EDGE_KEY_TITLE = re.compile("edge_key_*")


def _ordered(present: Iterable[str], contract: Iterable[str]) -> list[str]:
    names = set(present)
    first = [name for name in contract if name in names]
    return first + sorted(names.difference(first))


def _declare(domain: str, names: list[str], rows: list[dict],
             out: list[str]) -> list[tuple[str, str, Column]]:
    """Declare the attribute columns of one class; return (name, id, column)."""
    declared: list[tuple[str, str, Column]] = []
    titles: set[str] = set()
    for name in names:
        column = infer_column(domain, name, (row.get(name) for row in rows))
        if column is None:
            continue
        title = _RESERVED_EDGE_TITLES.get(name, name) if domain == "edge" else name
        while title in titles:
            title += "_"
        titles.add(title)
        declared.append((name, str(len(declared)), Column(domain, title, column.type, column.json)))
    out.append(f'    <attributes class="{domain}" mode="static">')
    for _, attribute_id, column in declared:
        kind = "string" if column.json else _GEXF_TYPES.get(column.type, "string")
        out.append(f'      <attribute id="{attribute_id}" title="{escape_attribute(column.name)}" '
                   f'type="{kind}"/>')
    out.append("    </attributes>")
    return declared


def _attvalues(declared: list[tuple[str, str, Column]], values: dict, out: list[str],
               indent: str) -> None:
    present = [(i, c, values[name]) for name, i, c in declared if values.get(name) is not None]
    if not present:
        return
    out.append(f"{indent}<attvalues>")
    for attribute_id, column, value in present:
        out.append(f'{indent}  <attvalue for="{attribute_id}" '
                   f'value="{escape_attribute(encode(value, column))}"/>')
    out.append(f"{indent}</attvalues>")


def _colour(colour: str) -> str:
    red, green, blue = style.hex_to_rgb(colour)
    return f'<viz:color r="{red}" g="{green}" b="{blue}" a="1"/>'


def generate_gexf(graph: nx.MultiDiGraph, *, positions: Positions | None = None) -> str:
    """The GEXF document for ``graph`` as a string (see :func:`write_gexf`)."""
    nodes, edges, positions = laid_out(graph, positions)
    flat = flatten(graph, nodes, edges, inline_sentences=True)
    nodes, edges = flat.nodes, flat.edges
    model = graph.graph.get("model") or "unknown"
    articles = graph.graph.get("articles")
    count = len(articles) if isinstance(articles, list) else 0
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gexf xmlns="{NAMESPACE}" xmlns:viz="{VIZ_NAMESPACE}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{NAMESPACE} {NAMESPACE}/gexf.xsd" version="1.3">',
        "  <meta>",
        "    <creator>graphbuild</creator>",
        f"    <description>{escape_text(f'Knowledge graph from {count} articles (model {model})')}"
        "</description>",
        "  </meta>",
        f'  <graph defaultedgetype="{"directed" if graph.is_directed() else "undirected"}" '
        'mode="static">',
    ]
    node_rows = [data for _, data in nodes]
    node_names = [n for n in _ordered((k for d in node_rows for k in d), NODE_ATTRIBUTES)
                  if n != "label"]
    node_declared = _declare("node", node_names, node_rows, out)
    edge_rows = [data for *_, data in edges]
    edge_names = _ordered((k for d in edge_rows for k in d), EDGE_COLUMNS)
    keys = [key for _, _, key, _ in edges]
    # networkx's GEXF reader passes attributes and the edge id to add_edge(key=...),
    # so an attribute titled "key" would collide there.
    key_name = "edge_key"
    while key_name in edge_names:
        key_name += "_"
    edge_rows_keyed = [dict(data, **{key_name: key})
                       for key, data in zip(keys, edge_rows, strict=True)]
    edge_declared = _declare("edge", ([key_name] if edges else []) + edge_names,
                             edge_rows_keyed, out)

    out.append("    <nodes>")
    for node, data in nodes:
        label = data.get("label", node)
        out.append(f'      <node id="{escape_attribute(str(node))}" '
                   f'label="{escape_attribute(str(label))}">')
        _attvalues(node_declared, data, out, "        ")
        x, y = positions.get(node, (0.0, 0.0))
        out.append(f"        {_colour(style.node_colour(data.get('type')))}")
        out.append(f'        <viz:position x="{float(x)!r}" y="{float(y)!r}" z="0.0"/>')
        out.append(f'        <viz:size value="{style.node_size(data.get("mentions"))!r}"/>')
        shape = style.GEXF_SHAPES.get(str(data.get("type")), "disc")
        out.append(f'        <viz:shape value="{shape}"/>')
        out.append("      </node>")
    out.append("    </nodes>")

    out.append("    <edges>")
    pairs = zip(edges, edge_rows_keyed, strict=True)
    for index, ((source, target, key, data), keyed) in enumerate(pairs):
        negated = data.get("negated") is True
        label = style.edge_label(data.get("relation", key), data.get("negated"))
        weight = style.edge_weight(data.get("documents"))
        out.append(f'      <edge id="e{index}" source="{escape_attribute(str(source))}" '
                   f'target="{escape_attribute(str(target))}" label="{escape_attribute(label)}" '
                   f'weight="{weight!r}">')
        _attvalues(edge_declared, keyed, out, "        ")
        out.append(f"        {_colour(style.NEGATED_COLOUR if negated else style.EDGE_COLOUR)}")
        out.append(f'        <viz:thickness value="{weight!r}"/>')
        out.append(f'        <viz:shape value="{"dashed" if negated else "solid"}"/>')
        out.append("      </edge>")
    out.append("    </edges>")
    out += ["  </graph>", "</gexf>", ""]
    return "\n".join(out)


def write_gexf(graph: nx.MultiDiGraph, path: str | Path | IO[bytes], *,
               positions: Positions | None = None) -> None:
    """Write ``graph`` as GEXF 1.3 to a path or binary file object.

    Examples
    --------
    >>> import io, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="attends", relation="attends", negated=True)
    'attends'
    >>> buffer = io.BytesIO(); write_gexf(g, buffer)
    >>> b'label="not attends"' in buffer.getvalue()
    True
    """
    data = generate_gexf(graph, positions=positions).encode("utf-8")
    if hasattr(path, "write"):
        path.write(data)  # type: ignore[union-attr]
    else:
        Path(path).write_bytes(data)  # type: ignore[arg-type]


def read_gexf(path: PathOrFile) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_gexf` back into the canonical graph.

    Nodes and edges come back with their keys and every attribute, lists and
    provenance entries native again, and the ``sentences`` table is rebuilt from the
    sentence each provenance entry carries. GEXF carries no other graph attribute:
    ``articles`` (the articles' titles, outlets and dates) and ``model`` are missing.
    The picture (colours, positions, sizes, shapes, edge labels and weights) and the
    derived ``evidence`` column are dropped; a node written without a label comes back
    labelled with its id.

    Raises
    ------
    GraphFormatError
        The file is not GEXF, or not as :func:`write_gexf` writes it.

    Examples
    --------
    >>> import io, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="attends", relation="attends", negated=True, cue=["not attend"])
    'attends'
    >>> buffer = io.BytesIO(); write_gexf(g, buffer); _ = buffer.seek(0)
    >>> list(read_gexf(buffer).edges(keys=True, data=True))
    [('a', 'b', 'attends', {'relation': 'attends', 'negated': True, 'cue': ['not attend']})]
    """
    root = parse_xml(path, "GEXF")
    try:
        return unflatten(*_rows(root))
    except (ValueError, TypeError) as error:
        raise GraphFormatError(f"Cannot read GEXF {path}: {error}") from error


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if local_name(child.tag) == name]


def _rows(root: ET.Element) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges of a GEXF document with typed attribute values."""
    if local_name(root.tag) != "gexf":
        raise ValueError(f"root element is <{local_name(root.tag)}>, not <gexf>")
    graphs = _children(root, "graph")
    if not graphs:
        raise ValueError("no <graph> element")
    columns: dict[str, dict[str, Column]] = {"node": {}, "edge": {}}
    for declared in _children(graphs[0], "attributes"):
        domain = declared.get("class", "node")
        for attribute in _children(declared, "attribute"):
            title = attribute.get("title") or attribute.get("id") or ""
            if domain == "edge":
                title = _RESTORED_EDGE_TITLES.get(title, title)
            columns.setdefault(domain, {})[attribute.get("id", "")] = Column(
                domain, title, _TYPES_OF_GEXF.get(attribute.get("type", ""), STRING))
    key_titles = [c.name for c in columns["edge"].values() if _EDGE_KEY_TITLE.fullmatch(c.name)]
    key_title = max(key_titles, key=len, default=None)

    def values(element: ET.Element, domain: str) -> dict[str, object]:
        found: dict[str, object] = {}
        for attvalues in _children(element, "attvalues"):
            for attvalue in _children(attvalues, "attvalue"):
                column = columns[domain].get(attvalue.get("for", ""))
                value = attvalue.get("value")
                if column is None or value is None:
                    raise ValueError(f"a {domain} has an attvalue without a declared "
                                     f"attribute or a value ({attvalue.get('for')!r})")
                found[column.name] = decode(value, column)
        return found

    nodes: list[Node] = []
    edges: list[Edge] = []
    for element in (e for group in _children(graphs[0], "nodes")
                    for e in _children(group, "node")):
        node = element.get("id")
        if node is None:
            raise ValueError("a node has no id")
        data = values(element, "node")
        label = element.get("label")
        nodes.append((node, data if label is None else {"label": label, **data}))
    for element in (e for group in _children(graphs[0], "edges")
                    for e in _children(group, "edge")):
        source, target = element.get("source"), element.get("target")
        if source is None or target is None:
            raise ValueError(f"edge {element.get('id')} has no source or target")
        data = values(element, "edge")
        key = data.pop(key_title) if key_title in data else element.get("id")
        edges.append((source, target, key, data))
    return nodes, edges


__all__ = ["generate_gexf", "read_gexf", "write_gexf"]
