"""GEXF 1.3: well-formed, what Gephi Lite's parser needs, round trip through networkx and
through our reader, hostile files refused in one line."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphbuild.errors import GraphFormatError
from graphbuild.export import style
from graphbuild.export.gexf import generate_gexf, read_gexf, write_gexf
from graphbuild.export.layout import compute_layout
from graphbuild.graph import best_sentence, sentence

from .graphs import ALERT, synthetic_graph
from .helpers import as_flat_files_carry, golden, run_node, snapshot, through_bytes

NS = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def test_round_trip_through_networkx(tiny_graph):
    buffer = io.BytesIO()
    write_gexf(tiny_graph, buffer)
    buffer.seek(0)
    back = nx.read_gexf(buffer)
    assert set(back.nodes) == set(tiny_graph.nodes)
    for node, data in tiny_graph.nodes(data=True):
        read = back.nodes[node]
        assert {k: read[k] for k in data} == {k: "; ".join(v) if isinstance(v, list) else v
                                              for k, v in data.items()}
        colour = read["viz"]["color"]
        assert (colour["r"], colour["g"], colour["b"]) == style.hex_to_rgb(
            style.node_colour(data["type"]))
        position = read["viz"]["position"]
        assert (position["x"], position["y"]) == compute_layout(tiny_graph)[node]
    edges = {(u, v, d.pop("edge_key")): d for u, v, d in back.edges(data=True)}
    assert set(edges) == set(tiny_graph.edges(keys=True))
    for (u, v, key), data in edges.items():
        original = tiny_graph.edges[u, v, key]
        # No sentence table in GEXF: each provenance entry carries its sentence.
        assert json.loads(data.pop("provenance")) == [
            dict(entry, sentence=sentence(tiny_graph, entry)) for entry in original["provenance"]]
        assert data.pop("evidence") == best_sentence(tiny_graph, original)
        assert {k: data[k] for k in original if k != "provenance"} == {
            k: "; ".join(v) if isinstance(v, list) else v for k, v in original.items()
            if k != "provenance"}
        assert data["label"] == style.edge_label(original["relation"], original["negated"])
        assert data["weight"] == original["documents"]


def test_gephi_lite_parser_loads_it(tiny_graph, tmp_path):
    for graph in (tiny_graph, synthetic_graph(300)):
        path = tmp_path / "graph.gexf"
        write_gexf(graph, path)
        loaded = run_node(path)
        assert (loaded["nodes"], loaded["edges"]) == (graph.number_of_nodes(),
                                                      graph.number_of_edges())
        assert loaded["multi"] is True
        assert "type" not in loaded["edge"]
        colour = loaded["node"]["color"]
        assert colour.startswith("rgba(") and colour.endswith(",1)")


def test_integer_alpha_and_no_edge_attribute_titled_type():
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", type="person")
    graph.add_edge("a", "a", key="k", relation="cites_threat", type="should be renamed")
    root = ET.fromstring(generate_gexf(graph))
    assert {c.get("a") for c in root.iter(f"{VIZ}color")} == {"1"}
    edge_titles = [a.get("title") for c in root.iter(f"{NS}attributes")
                   if c.get("class") == "edge" for a in c]
    assert "type" not in edge_titles and "edge_type" in edge_titles
    assert all(a.get("id").isdigit() for a in root.iter(f"{NS}attribute"))


def test_well_formed_and_deterministic_for_hostile_text(hostile, generic_graph):
    for graph in (hostile, generic_graph):
        before = snapshot(graph)
        text = generate_gexf(graph)
        ET.fromstring(text)  # well-formed despite control characters and markup
        assert generate_gexf(graph) == text
        assert "lastmodifieddate" not in text
        assert snapshot(graph) == before


def test_golden_structure(tiny_graph):
    root = ET.fromstring(generate_gexf(tiny_graph))
    golden("tiny.gexf.json", {
        "attributes": {c.get("class"): [[a.get("id"), a.get("title"), a.get("type")] for a in c]
                       for c in root.iter(f"{NS}attributes")},
        "nodes": [[n.get("id"), n.get("label"), [child.tag.split("}")[1] for child in n]]
                  for n in root.iter(f"{NS}node")],
        "edges": [[e.get("id"), e.get("source"), e.get("target"), e.get("label"), e.get("weight")]
                  for e in root.iter(f"{NS}edge")],
    })


def round_trip(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return through_bytes(graph, write_gexf, read_gexf)


def test_read_gives_back_the_canonical_graph_but_articles_and_model(tiny_graph):
    back = round_trip(tiny_graph)
    assert snapshot(back) == as_flat_files_carry(tiny_graph, keep_empty=True)
    assert back.graph["sentences"] == tiny_graph.graph["sentences"]
    for u, v, key, original in tiny_graph.edges(keys=True, data=True):
        read = back.edges[u, v, key]
        assert {k: type(v) for k, v in read.items()} == {k: type(v) for k, v in original.items()}


def test_read_the_sample_build_from_a_file(sample_build, tmp_path):
    graph = sample_build.knowledge_graph.graph
    path = tmp_path / "graph.gexf"
    write_gexf(graph, path)
    assert snapshot(read_gexf(path)) == as_flat_files_carry(graph, keep_empty=True)


def test_read_hostile_text_loses_only_xml_illegal_characters(hostile):
    back = round_trip(hostile)
    assert snapshot(back) == as_flat_files_carry(hostile, keep_empty=True)
    assert back.nodes["meeting:summit"]["date"] == f"Monday {ALERT}"  # without its \x01


def test_read_lists_the_separator_cannot_carry():
    graph = nx.MultiDiGraph(sentences={})
    graph.add_node("a", label="A", aliases=["Smith; Jones", "SJ"], roles=[])
    graph.add_node("b", label="B", aliases=["B"], roles=["envoy"])
    assert snapshot(round_trip(graph)) == snapshot(graph)


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                    for i in range(8))
          + ']><gexf><graph><nodes><node id="x" label="&i;"/></nodes></graph></gexf>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
            '<gexf><graph><nodes><node id="x" label="&secret;"/></nodes></graph></gexf>')
ATTRIBUTES = ('<gexf><graph><attributes class="node"><attribute id="0" title="mentions" '
              'type="integer"/></attributes><attributes class="edge"><attribute id="0" '
              'title="provenance" type="string"/></attributes>')


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("<gexf><graph>", "no element found: line 1, column 13", id="truncated"),
    pytest.param("<graphml/>", "root element is <graphml>, not <gexf>", id="not-gexf"),
    pytest.param("<gexf/>", "no <graph> element", id="no-graph"),
    pytest.param(ATTRIBUTES + '<nodes><node id="x"><attvalues><attvalue for="0" value="many"/>'
                 "</attvalues></node></nodes></graph></gexf>",
                 "invalid literal for int() with base 10: 'many'", id="not-a-number"),
    pytest.param(ATTRIBUTES + '<nodes><node id="x"><attvalues><attvalue for="7" value="1"/>'
                 "</attvalues></node></nodes></graph></gexf>",
                 "a node has an attvalue without a declared attribute or a value ('7')",
                 id="undeclared"),
    pytest.param(ATTRIBUTES + '<edges><edge source="x" target="x"><attvalues>'
                 '<attvalue for="0" value="{}"/></attvalues></edge></edges></graph></gexf>',
                 "provenance is not a JSON list of entries", id="provenance"),
    pytest.param(ATTRIBUTES + '<edges><edge source="x" target="x"><attvalues>'
                 f'<attvalue for="0" value="{"[" * 1000}"/></attvalues></edge></edges>'
                 "</graph></gexf>", "nested deeper than 100 levels", id="provenance-deep"),
    pytest.param('<gexf><graph><edges><edge id="e0" source="x"/></edges></graph></gexf>',
                 "edge e0 has no source or target", id="edge-without-target"),
    pytest.param(LAUGHS, "limit on input amplification factor (from DTD and entities) "
                 "breached: line 1", id="billion-laughs"),
    pytest.param(EXTERNAL, "reference to external entity in attribute: line 1", id="external"),
    pytest.param("<gexf>" + "<x>" * 100_000 + "</x>" * 100_000 + "</gexf>",
                 "no <graph> element", id="deeply-nested"),
])
def test_read_refuses_a_malformed_file_in_one_line(tmp_path, text, message):
    path = tmp_path / "graph.gexf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphFormatError) as caught:
        read_gexf(path)
    assert str(caught.value).startswith(f"Cannot read GEXF {path}: {message}")
    assert "\n" not in str(caught.value)
