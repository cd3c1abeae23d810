"""GEXF 1.3: well-formed, what Gephi Lite's parser needs, round trip through networkx."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx

from graphbuild.export import style
from graphbuild.export.gexf import generate_gexf, write_gexf
from graphbuild.export.layout import compute_layout
from graphbuild.graph import best_sentence, sentence

from .graphs import synthetic_graph
from .helpers import golden, run_node, snapshot

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
