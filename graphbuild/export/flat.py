"""The canonical graph's native values -> the scalars GraphML, GEXF and CSV accept.

Consumes the nodes and edges of a graph that follows :mod:`graphbuild.graph`
(lists of strings, provenance entries without text, a graph-level sentence
table) and produces new attribute dicts for the scalar-only writers; the graph
itself is never changed. All three writers flatten here, so they agree:

- a column whose every value is a list of strings is joined with ``"; "``
  (``["UK", "Britain"]`` -> ``"UK; Britain"``), provided no item is empty or
  contains ``"; "``; otherwise its lists stay lists and the writer stores them
  as JSON, so nothing is lost either way;
- every edge with provenance gains ``evidence``, the text of its best sentence,
  because Gephi and spreadsheets show columns, not the graph's sentence table;
- with ``inline_sentences``, every provenance entry gains its ``sentence``: CSV
  and GEXF have no place for the graph-level table. GraphML carries the table as
  a graph attribute and keeps provenance as offsets.

:func:`unflatten` undoes this for the GEXF and CSV readers (GraphML records what it
did in its own schema attribute).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphbuild import jsonlimits
from graphbuild.graph import (
    EDGE_ATTRIBUTES,
    EDGE_LIST_ATTRIBUTES,
    NODE_LIST_ATTRIBUTES,
    SENTENCES,
    best_sentence,
    sentence,
    sentence_place,
)

LIST_SEPARATOR = "; "
EVIDENCE = "evidence"
#: The order of edge columns in flat files: the contract, the best sentence after ``sources``.
EDGE_COLUMNS = tuple(name for attribute in EDGE_ATTRIBUTES
                     for name in ([attribute, EVIDENCE] if attribute == "sources" else [attribute]))

Node = tuple[Any, dict[str, Any]]
Edge = tuple[Any, Any, Any, dict[str, Any]]


def join_list(values: Iterable[object]) -> str:
    """The flat text of a list of strings.

    >>> join_list(["UK", "Britain"]), join_list([])
    ('UK; Britain', '')
    """
    return LIST_SEPARATOR.join(str(value) for value in values)


def split_list(text: str) -> list[str]:
    """Inverse of :func:`join_list` for the columns :func:`joinable` accepts.

    >>> split_list("UK; Britain"), split_list("")
    (['UK', 'Britain'], [])
    """
    return text.split(LIST_SEPARATOR) if text else []


def joinable(values: Iterable[object]) -> bool:
    """Whether every value is a list of strings that :func:`split_list` gets back exactly.

    ``None`` values are skipped; a column of only ``None`` is not joinable.

    >>> joinable([["UK", "Britain"], [], None])
    True
    >>> joinable([["a; b"]]), joinable([[""]]), joinable([["a"], "b"]), joinable([[1]])
    (False, False, False, False)
    """
    seen = False
    for value in values:
        if value is None:
            continue
        if not isinstance(value, list | tuple) or not all(
                isinstance(item, str) and item and LIST_SEPARATOR not in item for item in value):
            return False
        seen = True
    return seen


@dataclass(frozen=True)
class Flat:
    """Flattened copies of a graph's nodes and edges, and what was done to them.

    ``joined`` names the node and edge columns joined with ``"; "``;
    ``evidence`` says whether edges gained the derived ``evidence`` column.
    """

    nodes: list[Node]
    edges: list[Edge]
    joined: dict[str, list[str]]
    evidence: bool


def _joined_columns(rows: Sequence[Mapping[str, object]]) -> list[str]:
    names = sorted({str(name) for row in rows for name in row})
    return [name for name in names if joinable(row.get(name) for row in rows)]


def _join(data: Mapping[str, Any], joined: Iterable[str]) -> dict[str, Any]:
    flat = dict(data)
    for name in joined:
        value = flat.get(name)
        if isinstance(value, list | tuple):
            flat[name] = join_list(value)
    return flat


def flatten(graph: nx.MultiDiGraph, nodes: Iterable[Node], edges: Iterable[Edge], *,
            inline_sentences: bool) -> Flat:
    """Flat copies of ``nodes`` and ``edges`` (in their order) for a scalar-only writer.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph the nodes and edges come from: its ``sentences`` table gives the texts.
    nodes, edges : iterables
        ``(node, data)`` and ``(source, target, key, data)``, as the writer orders them.
    inline_sentences : bool
        Give every provenance entry its ``sentence`` (for formats without the table).

    Examples
    --------
    >>> g = nx.MultiDiGraph(sentences={"a1": {"0:12": "Oslo hosts."}})
    >>> g.add_node("country:norway", aliases=["Norway", "Norge"])
    >>> g.add_edge("country:norway", "meeting:m", key="hosts", cue=["hosts"],
    ...            provenance=[{"article": "a1", "start": 0, "end": 12}])
    'hosts'
    >>> flat = flatten(g, g.nodes(data=True), g.edges(keys=True, data=True),
    ...                inline_sentences=True)
    >>> flat.nodes[0][1]["aliases"], flat.edges[0][3]["cue"], flat.edges[0][3]["evidence"]
    ('Norway; Norge', 'hosts', 'Oslo hosts.')
    >>> flat.edges[0][3]["provenance"][0]["sentence"], flat.joined["edge"]
    ('Oslo hosts.', ['cue'])
    """
    node_list = list(nodes)
    edge_list = list(edges)
    node_joined = _joined_columns([data for _, data in node_list])
    edge_joined = _joined_columns([data for *_, data in edge_list])
    # A graph that already has an "evidence" attribute keeps its own.
    derive = not any(EVIDENCE in data for *_, data in edge_list) and any(
        data.get("provenance") for *_, data in edge_list)
    flat_edges: list[Edge] = []
    for source, target, key, data in edge_list:
        flat = _join(data, edge_joined)
        provenance = data.get("provenance")
        if derive and provenance:
            flat[EVIDENCE] = best_sentence(graph, data)
        if inline_sentences and isinstance(provenance, list):
            flat["provenance"] = [dict(entry, sentence=sentence(graph, entry))
                                  if isinstance(entry, Mapping) else entry
                                  for entry in provenance]
        flat_edges.append((source, target, key, flat))
    return Flat(nodes=[(node, _join(data, node_joined)) for node, data in node_list],
                edges=flat_edges, joined={"node": node_joined, "edge": edge_joined},
                evidence=derive)


def _json_list(text: object) -> list | None:
    """``text`` decoded when it is a JSON array, else ``None``."""
    if not isinstance(text, str) or not text.startswith("["):
        return None
    try:
        value = jsonlimits.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) else None


def _list_readers(rows: Sequence[Mapping[str, object]],
                  names: Iterable[str]) -> dict[str, Callable[[str], list]]:
    """How to read each list column present: JSON when every value is a JSON array (the
    writer keeps a column's lists as JSON when joining would lose something), else split."""
    readers: dict[str, Callable[[str], list]] = {}
    for name in names:
        values = [row[name] for row in rows if name in row]
        if values:
            json_column = all(_json_list(value) is not None for value in values)
            readers[name] = jsonlimits.loads if json_column else split_list
    return readers


def _provenance(text: object, table: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """Provenance entries without their inline ``sentence``, which goes into ``table``."""
    entries = jsonlimits.loads(str(text))
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError("provenance is not a JSON list of entries")
    for entry in entries:
        text = entry.pop("sentence", "")
        if text:
            article, key = sentence_place(entry)
            table.setdefault(article, {})[key] = str(text)
    return entries


def unflatten(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.MultiDiGraph:
    """The canonical graph back from rows that :func:`flatten` wrote with ``inline_sentences``.

    The contract's list attributes are split (or decoded, when they are JSON), each
    provenance entry's ``sentence`` moves into the graph's ``sentences`` table, and the
    derived ``evidence`` column is dropped. The GEXF and CSV readers decode everything
    else before calling this.

    Raises
    ------
    ValueError
        Provenance that is not a JSON list of entries, or JSON nested too deeply.

    Examples
    --------
    >>> entry = '{"article":"a1","start":0,"end":12,"sentence":"Oslo hosts."}'
    >>> g = unflatten([("country:norway", {"aliases": "Norway; Norge"})],
    ...               [("country:norway", "meeting:m", "hosts",
    ...                 {"evidence": "Oslo hosts.", "provenance": f"[{entry}]"})])
    >>> g.nodes["country:norway"]["aliases"], g.graph["sentences"]
    (['Norway', 'Norge'], {'a1': {'0:12': 'Oslo hosts.'}})
    >>> g.edges["country:norway", "meeting:m", "hosts"]
    {'provenance': [{'article': 'a1', 'start': 0, 'end': 12}]}
    """
    node_list = list(nodes)
    edge_list = list(edges)
    node_lists = _list_readers([data for _, data in node_list], NODE_LIST_ATTRIBUTES)
    edge_lists = _list_readers([data for *_, data in edge_list], EDGE_LIST_ATTRIBUTES)
    # As in flatten: "evidence" was derived when edges carried provenance.
    derived = any(_json_list(data.get("provenance")) for *_, data in edge_list)
    table: dict[str, dict[str, str]] = {}
    graph = nx.MultiDiGraph()
    for node, data in node_list:
        graph.add_node(node, **{name: node_lists[name](str(value)) if name in node_lists
                                else value for name, value in data.items()})
    for source, target, key, data in edge_list:
        values = {name: edge_lists[name](str(value)) if name in edge_lists else value
                  for name, value in data.items() if not (derived and name == EVIDENCE)}
        if "provenance" in values:
            values["provenance"] = _provenance(values["provenance"], table)
        graph.add_edge(source, target, key=key, **values)
    graph.graph[SENTENCES] = table
    return graph


__all__ = ["EDGE_COLUMNS", "EVIDENCE", "LIST_SEPARATOR", "Flat", "flatten", "join_list", "joinable",
           "split_list", "unflatten"]
