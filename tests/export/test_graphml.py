"""GraphML: XSD validity, lossless round trip, Gephi columns, loaders, determinism."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

from graphbuild.errors import GraphFormatError
from graphbuild.export import style
from graphbuild.export._xml import clean
from graphbuild.export.graphml import generate_graphml, read_graphml, write_graphml
from graphbuild.export.layout import compute_layout

from .graphs import ALERT, synthetic_graph
from .helpers import XSD, golden, run_node, snapshot, through_bytes, without_none, xmllint

NS = "{http://graphml.graphdrawing.org/xmlns}"
NMTOKEN = re.compile(r"[A-Za-z0-9._:-]+")
STANDARD_TYPES = {"boolean", "int", "long", "float", "double", "string"}


def round_trip(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return through_bytes(graph, write_graphml, read_graphml)


def test_round_trip_restores_contract_graph_exactly(tiny_graph):
    back = round_trip(tiny_graph)
    assert snapshot(back) == snapshot(tiny_graph)
    for u, v, key, original in tiny_graph.edges(keys=True, data=True):
        read = back.edges[u, v, key]
        assert {k: type(v) for k, v in read.items()} == {k: type(v) for k, v in original.items()}


def test_round_trip_through_a_file(tiny_graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(tiny_graph, path)
    assert snapshot(read_graphml(path)) == snapshot(tiny_graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml"]


def test_round_trip_generic_attributes(generic_graph):
    """Unknown, mixed-type, list, None-valued attributes; odd ids, names and keys."""
    back = round_trip(generic_graph)
    assert snapshot(back) == without_none(snapshot(generic_graph))
    assert back.edges["two words", "c", 0]["relation"] == "attends"  # int key restored
    assert back.nodes["a"]["big"] == 2**40
    assert back.edges["a", "two words", "hosts"]["weight"] == 3  # user weight wins over Gephi's


def test_round_trip_strips_only_xml_illegal_characters(hostile):
    back = round_trip(hostile)
    expected = snapshot(hostile)
    cleaned = ({k: clean(v) if isinstance(v, str) else v for k, v in expected[0].items()},
               {n: {k: clean(v) if isinstance(v, str) else v for k, v in d.items()}
                for n, d in expected[1].items()},
               {e: {k: clean(v) if isinstance(v, str) else v for k, v in d.items()}
                for e, d in expected[2].items()})
    assert snapshot(back) == cleaned
    assert back.nodes["meeting:summit"]["date"] == f"Monday {ALERT}"  # without its \x01


@pytest.mark.parametrize("name", ["tiny", "generic", "hostile", "synthetic"])
def test_valid_against_graphml_xsd(name, tiny_graph, generic_graph, hostile, tmp_path):
    graph = {"tiny": tiny_graph, "generic": generic_graph, "hostile": hostile,
             "synthetic": synthetic_graph(300)}[name]
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    result = xmllint("--noout", "--nonet", "--schema", str(XSD), str(path))
    assert result.returncode == 0, result.stderr


def test_ids_unique_name_tokens_and_one_typed_key_per_attribute(generic_graph):
    root = ET.fromstring(generate_graphml(generic_graph))
    node_ids = [n.get("id") for n in root.iter(f"{NS}node")]
    edge_ids = [e.get("id") for e in root.iter(f"{NS}edge")]
    for ids in (node_ids, edge_ids):
        assert len(ids) == len(set(ids))
        assert all(NMTOKEN.fullmatch(i) for i in ids)
    keys = [(k.get("for"), k.get("attr.name")) for k in root.iter(f"{NS}key")]
    assert len(keys) == len(set(keys))
    assert {k.get("attr.type") for k in root.iter(f"{NS}key")} <= STANDARD_TYPES
    assert all(NMTOKEN.fullmatch(name) for _, name in keys)


def test_gephi_columns_match_html_style_and_layout(tiny_graph):
    root = ET.fromstring(generate_graphml(tiny_graph))
    keys = {k.get("id"): (k.get("attr.name"), k.get("attr.type")) for k in root.iter(f"{NS}key")}
    assert {keys[k] for k in keys if k.startswith("node.")} >= {
        ("label", "string"), ("r", "int"), ("g", "int"), ("b", "int"), ("x", "double"),
        ("y", "double"), ("size", "double")}
    assert {keys[k] for k in keys if k.startswith("edge.")} >= {
        ("label", "string"), ("weight", "double"), ("r", "int"), ("g", "int"), ("b", "int")}
    layout = compute_layout(tiny_graph)
    for node in root.iter(f"{NS}node"):
        data = {keys[d.get("key")][0]: d.text for d in node.iter(f"{NS}data")}
        original = tiny_graph.nodes[node.get("id")]
        assert data["label"] == original["label"]
        colour = style.hex_to_rgb(style.node_colour(original["type"]))
        assert (int(data["r"]), int(data["g"]), int(data["b"])) == colour
        assert (float(data["x"]), float(data["y"])) == layout[node.get("id")]
        assert float(data["size"]) == style.node_size(original["mentions"])
    labels = {}
    for edge in root.iter(f"{NS}edge"):
        data = {keys[d.get("key")][0]: d.text for d in edge.iter(f"{NS}data")}
        labels[data["key"]] = data["label"]
        assert float(data["weight"]) == int(data["documents"])
        colour = style.NEGATED_COLOUR if data["negated"] == "true" else style.EDGE_COLOUR
        assert (int(data["r"]), int(data["g"]), int(data["b"])) == style.hex_to_rgb(colour)
    assert labels == {"attends": "attends", "not-attends": "not attends", "hosts": "hosts"}


def test_deterministic_bytes(tiny_graph):
    reordered = nx.MultiDiGraph()
    reordered.graph.update(tiny_graph.graph)
    reordered.add_nodes_from(reversed(list(tiny_graph.nodes(data=True))))
    reordered.add_edges_from(reversed(list(tiny_graph.edges(keys=True, data=True))))
    first = generate_graphml(tiny_graph)
    assert generate_graphml(tiny_graph) == first
    assert generate_graphml(reordered) == first
    assert "2026" not in first and "date=" not in first


def test_writer_does_not_mutate_graph(generic_graph, tiny_graph):
    for graph in (generic_graph, tiny_graph):
        before = snapshot(graph)
        generate_graphml(graph)
        assert snapshot(graph) == before


def test_parallel_edges_survive_other_readers(tiny_graph, tmp_path):
    """networkx, python-igraph and graphology-graphml (Gephi Lite) see the same graph."""
    for graph in (tiny_graph, synthetic_graph(400)):
        path = tmp_path / "graph.graphml"
        write_graphml(graph, path)
        counts = (graph.number_of_nodes(), graph.number_of_edges())
        networkx_graph = nx.read_graphml(path)
        assert (networkx_graph.number_of_nodes(), networkx_graph.number_of_edges()) == counts
        igraph_graph = igraph.Graph.Read_GraphML(str(path))
        assert (igraph_graph.vcount(), igraph_graph.ecount()) == counts
        loaded = run_node(path)
        assert (loaded["nodes"], loaded["edges"]) == counts
        assert loaded["node"]["color"].startswith("#")  # r/g/b understood as a colour


def test_lists_are_joined_in_the_file_and_split_on_reading(tiny_graph):
    root = ET.fromstring(generate_graphml(tiny_graph))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{NS}key")}
    freedonia = next(n for n in root.iter(f"{NS}node") if n.get("id") == "country:freedonia")
    data = {keys[d.get("key")]: d.text for d in freedonia.iter(f"{NS}data")}
    assert data["sources"] == "a1; a2"
    back = round_trip(tiny_graph)
    assert back.nodes["country:freedonia"]["sources"] == ["a1", "a2"]
    assert "evidence" not in back.edges["country:united-kingdom", "meeting:summit-monday",
                                        "hosts"]


def test_lists_the_separator_cannot_carry_stay_json():
    graph = nx.MultiDiGraph(sentences={})
    graph.add_node("a", aliases=["Smith; Jones", "SJ"], roles=[])
    graph.add_node("b", aliases=["B"], roles=["envoy"])
    text = generate_graphml(graph)
    assert '["Smith; Jones","SJ"]' in text
    assert snapshot(round_trip(graph)) == snapshot(graph)


def test_graphml_of_an_older_graphbuild_asks_for_a_rebuild(tmp_path):
    old = nx.MultiDiGraph(articles=[], model="m")
    old.add_node("country:uk", label="United Kingdom", aliases="UK; Britain")
    path = tmp_path / "graph.graphml"
    write_graphml(old, path)
    with pytest.raises(GraphFormatError, match="written by an older graphbuild"):
        read_graphml(path)


def test_read_rejects_broken_files(tmp_path):
    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><graph>", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="Cannot read GraphML"):
        read_graphml(path)
    with pytest.raises(GraphFormatError):
        read_graphml(tmp_path / "missing.graphml")


def test_reads_plain_graphml_from_networkx():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", relation="hosts", weight=2.5)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    buffer.seek(0)
    back = read_graphml(buffer)
    assert back.edges["a", "b", "0"] == {"relation": "hosts", "weight": 2.5}


def structure(text: str) -> dict:
    root = ET.fromstring(text)
    graph = root.find(f"{NS}graph")
    return {
        "keys": [[k.get("id"), k.get("for"), k.get("attr.name"), k.get("attr.type")]
                 for k in root.iter(f"{NS}key")],
        "graph": {"edgedefault": graph.get("edgedefault"),
                  "data": [d.get("key") for d in graph.findall(f"{NS}data")]},
        "nodes": [[n.get("id"), [d.get("key") for d in n]] for n in graph.iter(f"{NS}node")],
        "edges": [[e.get("id"), e.get("source"), e.get("target"), [d.get("key") for d in e]]
                  for e in graph.iter(f"{NS}edge")],
    }


def test_golden_structure(tiny_graph):
    golden("tiny.graphml.json", structure(generate_graphml(tiny_graph)))


@pytest.mark.parametrize("text", ["plain words", "", "a & b", "<b>", "x > y", "line\r\nend",
                                  'say "no"', "tab\there", "two\nlines", "bell\x07",
                                  "lone \ud800 surrogate", "\ufffe\uffff", "Zürich ’s"])
def test_escaping_leaves_text_without_special_characters_as_it_is(text):
    # The shortcut for text with nothing to escape gives what the full escaping gives.
    from graphbuild.export._xml import escape_attribute, escape_text

    full = (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))
    assert escape_text(text) == full
    assert escape_attribute(text) == (full.replace('"', "&quot;").replace("\n", "&#10;")
                                      .replace("\t", "&#9;"))


@pytest.mark.parametrize("values, expected", [
    pytest.param([1, True], ("string", True), id="int-and-bool"),
    pytest.param([1, 2.5, None], ("double", False), id="numbers"),
    pytest.param([2**31, 1], ("long", False), id="long"),
    pytest.param([-(2**31) - 1], ("long", False), id="negative-long"),
    pytest.param(["a", None], ("string", False), id="strings"),
    pytest.param([None, None], None, id="only-none"),
    pytest.param([type("Text", (str,), {})("x")], ("string", False), id="str-subclass"),
    pytest.param([["a"]], ("string", True), id="list"),
])
def test_column_types_of_exact_and_other_values(values, expected):
    from graphbuild.export._xml import infer_column

    column = infer_column("node", "c", values)
    assert (column.type, column.json) == expected if expected else column is None
