"""GraphML export and import: XSD-valid, Gephi-ready and lossless.

:func:`write_graphml` consumes the ``MultiDiGraph`` of :mod:`graphbuild.graph`
and produces GraphML 1.0 that validates against the official XSD, using only
its six attribute types. Unlike :func:`networkx.write_graphml` it

- gives every edge a unique id (``e0``, ``e1`` ...) and keeps the networkx edge
  key in an edge attribute ``key``, so parallel edges survive Gephi, Gephi Lite
  (graphology-graphml) and python-igraph;
- flattens the graph's native values as the other scalar-only formats do
  (:mod:`graphbuild.export.flat`): lists of strings ``"; "``-joined, an ``evidence``
  column with each edge's best sentence; provenance stays offsets, and the
  ``sentences`` table is a graph attribute;
- declares one type per attribute inferred over all its values, JSON-encodes
  other lists, dicts and mixed-type attributes (``provenance``, ``articles``,
  ``sentences``), drops ``None`` and strips characters XML cannot carry;
- adds what Gephi reads specially: node ``r``/``g``/``b``/``x``/``y``/``size``
  (the colours and layout of the HTML page) and edge ``label``/``weight``/``r``/``g``/``b``;
- records in a graph attribute ``graphbuild.schema`` which columns it added,
  joined or encoded, so :func:`read_graphml` can restore the original graph exactly.

Nodes and edges are written in sorted order without timestamps: the same graph
always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable
from pathlib import Path

import networkx as nx

from graphbuild.errors import GraphFormatError
from graphbuild.export import style
from graphbuild.export._xml import (
    DOUBLE,
    INT,
    STRING,
    Column,
    PathOrFile,
    decode,
    encode,
    escape_attribute,
    escape_text,
    infer_column,
    is_name_token,
    local_name,
    name_token,
    parse_xml,
    to_json,
)
from graphbuild.export.flat import EDGE_COLUMNS, EVIDENCE, flatten, split_list
from graphbuild.export.layout import Positions, laid_out
from graphbuild.graph import NODE_ATTRIBUTES, check_native

log = logging.getLogger(__name__)

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA_LOCATION = f"{NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
SCHEMA_ATTRIBUTE = "graphbuild.schema"
NODE_ID_ATTRIBUTE = "graphbuild.id"
#: 2: native lists (joined columns restored on reading), sentences stored once.
SCHEMA_VERSION = 2

#: Node columns Gephi reads as colour, position and size, with their types.
GEPHI_NODE_COLUMNS = (("r", INT), ("g", INT), ("b", INT), ("x", DOUBLE), ("y", DOUBLE),
                      ("size", DOUBLE))
#: Edge columns Gephi reads as label, weight and colour (red for a negation, as in GEXF).
GEPHI_EDGE_COLUMNS = (("label", STRING), ("weight", DOUBLE), ("r", INT), ("g", INT),
                      ("b", INT))


def write_graphml(graph: nx.MultiDiGraph, path: PathOrFile, *,
                  positions: Positions | None = None) -> None:
    """Write ``graph`` as GraphML to a path or a binary file object.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph to export; it is not modified.
    path : str, Path or binary file
        Where to write.
    positions : mapping, optional
        ``{node: (x, y)}`` from :func:`graphbuild.export.layout.compute_layout`;
        computed when omitted.

    Examples
    --------
    >>> import io, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="hosts", relation="hosts", negated=False)
    'hosts'
    >>> buffer = io.BytesIO(); write_graphml(g, buffer); _ = buffer.seek(0)
    >>> h = read_graphml(buffer)
    >>> list(h.edges(keys=True, data=True))
    [('a', 'b', 'hosts', {'relation': 'hosts', 'negated': False})]
    """
    data = generate_graphml(graph, positions=positions).encode("utf-8")
    if hasattr(path, "write"):
        path.write(data)  # type: ignore[union-attr]
    else:
        Path(path).write_bytes(data)  # type: ignore[arg-type]


def _ordered_names(present: Iterable[str], contract: Iterable[str]) -> list[str]:
    present = set(present)
    first = [name for name in contract if name in present]
    return first + sorted(present.difference(first))


class _Columns:
    """The declared attributes of one domain (graph, node or edge)."""

    def __init__(self, domain: str) -> None:
        self.domain = domain
        self.columns: dict[str, Column] = {}  # original name -> column (safe name inside)
        self.renamed: dict[str, str] = {}  # safe name -> original name
        self.json: list[str] = []

    def add(self, name: str, values: Iterable[object]) -> Column | None:
        column = infer_column(self.domain, name, values)
        if column is None:
            log.debug("GraphML: %s attribute %r has only None values; dropped", self.domain, name)
            return None
        safe = name_token(name)
        taken = {c.name for c in self.columns.values()}
        while safe in taken:
            safe += "_"
        if safe != name:
            self.renamed[safe] = name
        column = Column(self.domain, safe, column.type, column.json)
        self.columns[name] = column
        if column.json:
            self.json.append(safe)
        return column

    def key_id(self, column: Column) -> str:
        return f"{self.domain}.{column.name}"


def _node_ids(nodes: list[Hashable]) -> dict[Hashable, str]:
    """XML ids: the node id itself when it is an NMTOKEN, else a stable hash."""
    ids: dict[Hashable, str] = {}
    used: set[str] = set()
    for node in nodes:
        text = str(node)
        if is_name_token(text) and text not in used:
            ids[node] = text
            used.add(text)
    for node in nodes:
        if node in ids:
            continue
        digest = hashlib.sha1(repr(node).encode("utf-8", "surrogatepass")).hexdigest()
        candidate, length = "n" + digest[:12], 12
        while candidate in used:
            length += 1
            candidate = "n" + digest[:length]
        ids[node] = candidate
        used.add(candidate)
    return ids


def generate_graphml(graph: nx.MultiDiGraph, *, positions: Positions | None = None) -> str:
    """The GraphML document for ``graph`` as a string (see :func:`write_graphml`)."""
    nodes, edges, positions = laid_out(graph, positions)
    flat = flatten(graph, nodes, edges, inline_sentences=False)
    nodes, edges = flat.nodes, flat.edges
    xml_ids = _node_ids([node for node, _ in nodes])

    graph_columns = _Columns("graph")
    graph_values: list[tuple[Column, object]] = []
    for name in sorted(str(k) for k in graph.graph):
        column = graph_columns.add(name, [graph.graph[name]])
        if column is not None:
            graph_values.append((column, graph.graph[name]))

    node_columns = _Columns("node")
    node_names = _ordered_names((k for _, d in nodes for k in d), NODE_ATTRIBUTES)
    for name in node_names:
        node_columns.add(name, (d.get(name) for _, d in nodes))
    node_id_column = None
    if any(xml_ids[node] != str(node) for node, _ in nodes) and nodes:
        node_id_column = node_columns.add(NODE_ID_ATTRIBUTE, ["x"])
    node_viz = [(name, kind) for name, kind in GEPHI_NODE_COLUMNS if name not in node_names]
    node_viz_columns = {name: node_columns.add(name, [0 if kind == INT else 0.0])
                        for name, kind in node_viz}

    edge_columns = _Columns("edge")
    edge_names = _ordered_names((k for *_, d in edges for k in d), EDGE_COLUMNS)
    key_name = "key" if "key" not in edge_names else "graphbuild.key"
    key_column = edge_columns.add(key_name, (k for _, _, k, _ in edges)) if edges else None
    for name in edge_names:
        edge_columns.add(name, (d.get(name) for *_, d in edges))
    edge_viz = [(name, kind) for name, kind in GEPHI_EDGE_COLUMNS if name not in edge_names]
    edge_viz_columns = {name: edge_columns.add(name, ["" if kind == STRING else
                                                      0 if kind == INT else 0.0])
                        for name, kind in edge_viz}

    schema = {
        "version": SCHEMA_VERSION,
        "edge_key": key_column.name if key_column else None,
        "node_id": node_id_column.name if node_id_column else None,
        "gephi": {"node": [c.name for c in node_viz_columns.values() if c],
                  "edge": [c.name for c in edge_viz_columns.values() if c]},
        "json": {"graph": graph_columns.json, "node": node_columns.json,
                 "edge": edge_columns.json},
        "lists": flat.joined,
        "derived": {"edge": [EVIDENCE] if flat.evidence else []},
        "renamed": {"graph": graph_columns.renamed, "node": node_columns.renamed,
                    "edge": edge_columns.renamed},
    }
    schema_column = Column("graph", SCHEMA_ATTRIBUTE, STRING)
    while schema_column.name in {c.name for c in graph_columns.columns.values()}:
        schema_column = Column("graph", schema_column.name + "_", STRING)

    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{SCHEMA_LOCATION}">',
    ]
    declared = [(graph_columns, c) for c in graph_columns.columns.values()]
    declared.append((graph_columns, schema_column))
    declared += [(node_columns, c) for c in node_columns.columns.values()]
    declared += [(edge_columns, c) for c in edge_columns.columns.values()]
    for owner, column in declared:
        out.append(f'  <key id="{owner.key_id(column)}" for="{column.domain}" '
                   f'attr.name="{column.name}" attr.type="{column.type}"/>')
    edgedefault = "directed" if graph.is_directed() else "undirected"
    out.append(f'  <graph id="G" edgedefault="{edgedefault}">')

    def data(owner: _Columns, column: Column | None, value: object, indent: str) -> None:
        if column is None or value is None:
            return
        out.append(f'{indent}<data key="{owner.key_id(column)}">'
                   f"{escape_text(encode(value, column))}</data>")

    for column, value in graph_values:
        data(graph_columns, column, value, "    ")
    data(graph_columns, schema_column, to_json(schema), "    ")

    def cells(owner: _Columns, names: Iterable[str]) -> list[tuple[str, Column, str]]:
        """Each declared attribute's name, column and opening tag, made once for all
        elements."""
        return [(name, column, f'      <data key="{owner.key_id(column)}">')
                for name in names if (column := owner.columns.get(name)) is not None]

    node_cells = cells(node_columns, node_names)
    for node, attributes in nodes:
        out.append(f'    <node id="{escape_attribute(xml_ids[node])}">')
        for name, column, opening in node_cells:
            value = attributes.get(name)
            if value is not None:
                out.append(f"{opening}{escape_text(encode(value, column))}</data>")
        if xml_ids[node] != str(node):
            data(node_columns, node_id_column, str(node), "      ")
        red, green, blue = style.hex_to_rgb(style.node_colour(attributes.get("type")))
        x, y = positions.get(node, (0.0, 0.0))
        viz: dict[str, object] = {"r": red, "g": green, "b": blue, "x": float(x), "y": float(y),
               "size": style.node_size(attributes.get("mentions"))}
        for name, column in node_viz_columns.items():
            data(node_columns, column, viz[name], "      ")
        out.append("    </node>")

    edge_cells = cells(edge_columns, edge_names)
    for index, (source, target, key, attributes) in enumerate(edges):
        out.append(f'    <edge id="e{index}" source="{escape_attribute(xml_ids[source])}" '
                   f'target="{escape_attribute(xml_ids[target])}">')
        data(edge_columns, key_column, key, "      ")
        for name, column, opening in edge_cells:
            value = attributes.get(name)
            if value is not None:
                out.append(f"{opening}{escape_text(encode(value, column))}</data>")
        red, green, blue = style.hex_to_rgb(
            style.NEGATED_COLOUR if attributes.get("negated") else style.EDGE_COLOUR)
        viz = {"label": style.edge_label(attributes.get("relation", key),
                                         attributes.get("negated")),
               "weight": style.edge_weight(attributes.get("documents")), "r": red, "g": green,
               "b": blue}
        for name, column in edge_viz_columns.items():
            data(edge_columns, column, viz[name], "      ")
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def read_graphml(path: PathOrFile) -> nx.MultiDiGraph:
    """Read GraphML; files from :func:`write_graphml` come back exactly as written.

    The Gephi-only columns (node ``r``, ``g``, ``b``, ``x``, ``y``, ``size``, edge
    ``label``, ``weight``, ``r``, ``g``, ``b``) and the derived edge ``evidence`` are
    dropped, JSON columns decoded, joined lists split, edge keys and renamed attributes
    restored. Other GraphML files are read generically: edge ids become edge keys.

    Raises
    ------
    GraphFormatError
        The file is not GraphML, or an older graphbuild wrote it (rebuild it).
    """
    root = parse_xml(path, "GraphML")
    try:
        graph, written_by_graphbuild = _read(root)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GraphFormatError(f"Cannot read GraphML {path}: {error}") from error
    if written_by_graphbuild:
        check_native(graph, path)
    return graph


def _read(root: ET.Element) -> tuple[nx.MultiDiGraph, bool]:
    if local_name(root.tag) != "graphml":
        raise ValueError(f"root element is <{local_name(root.tag)}>, not <graphml>")
    keys: dict[str, Column] = {}
    defaults: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    for element in root:
        if local_name(element.tag) != "key":
            continue
        domain = element.get("for", "all")
        column = Column(domain, element.get("attr.name") or element.get("id") or "",
                        element.get("attr.type", STRING))
        keys[element.get("id", "")] = column
        for child in element:
            if local_name(child.tag) == "default":
                for owner in (("graph", "node", "edge") if domain == "all" else (domain,)):
                    defaults.setdefault(owner, {})[element.get("id", "")] = child.text or ""
    graph_element = next((e for e in root if local_name(e.tag) == "graph"), None)
    if graph_element is None:
        raise ValueError("no <graph> element")

    def raw_data(element: ET.Element, domain: str) -> dict[str, str]:
        values = dict(defaults.get(domain, {}))
        for child in element:
            if local_name(child.tag) == "data":
                values[child.get("key", "")] = child.text or ""
        return values

    graph_raw = raw_data(graph_element, "graph")
    schema: dict = {}
    for key_id, text in graph_raw.items():
        if key_id in keys and keys[key_id].name == SCHEMA_ATTRIBUTE:
            schema = json.loads(text)
            del graph_raw[key_id]
            break
    json_names = {domain: set(names) for domain, names in schema.get("json", {}).items()}
    renamed: dict[str, dict[str, str]] = schema.get("renamed", {})
    gephi = {domain: set(names) for domain, names in schema.get("gephi", {}).items()}
    lists = {domain: set(names) for domain, names in schema.get("lists", {}).items()}
    derived = {domain: set(names) for domain, names in schema.get("derived", {}).items()}

    def attributes(values: dict[str, str], domain: str) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_id, text in values.items():
            column = keys.get(key_id, Column(domain, key_id, STRING))
            if column.name in gephi.get(domain, ()):
                continue
            column = Column(domain, column.name, column.type,
                            column.name in json_names.get(domain, ()))
            name = renamed.get(domain, {}).get(column.name, column.name)
            if name in derived.get(domain, ()):
                continue
            value = decode(text, column)
            result[name] = split_list(value) if name in lists.get(domain, ()) else value  # type: ignore[arg-type]
        return result

    graph = nx.MultiDiGraph()
    graph.graph.update(attributes(graph_raw, "graph"))
    node_id = schema.get("node_id")
    edge_key = schema.get("edge_key")
    by_xml_id: dict[str, str] = {}
    for element in graph_element:
        tag = local_name(element.tag)
        if tag == "node":
            values = attributes(raw_data(element, "node"), "node")
            xml_id = element.get("id", "")
            node = values.pop(node_id, xml_id) if node_id else xml_id
            by_xml_id[xml_id] = str(node)
            graph.add_node(node, **values)
        elif tag == "edge":
            values = attributes(raw_data(element, "edge"), "edge")
            key = values.pop(edge_key) if edge_key and edge_key in values else element.get("id")
            source, target = element.get("source"), element.get("target")
            if source is None or target is None:
                raise ValueError(f"edge {element.get('id')} has no source or target")
            graph.add_edge(by_xml_id.get(source, source), by_xml_id.get(target, target),
                           key=key, **values)
    return graph, bool(schema)
