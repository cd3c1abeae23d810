"""CSV tables: headers, values, quoting and spreadsheet-formula safety."""

from __future__ import annotations

import csv
import json

import pandas as pd

from graphbuild.export.csv import write_csv
from graphbuild.graph import best_sentence, sentence

from .helpers import golden, snapshot


def test_round_trip_through_csv_reader(tiny_graph, tmp_path):
    nodes_path, edges_path = write_csv(tiny_graph, tmp_path)
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    assert set(nodes) == set(tiny_graph.nodes)
    for node, data in tiny_graph.nodes(data=True):
        assert nodes[node]["label"] == data["label"]
        assert int(nodes[node]["mentions"]) == data["mentions"]
        assert nodes[node]["sources"] == "; ".join(data["sources"])
    with edges_path.open(encoding="utf-8", newline="") as handle:
        edges = {(r["source"], r["target"], r["key"]): r for r in csv.DictReader(handle)}
    assert set(edges) == set(tiny_graph.edges(keys=True))
    for (u, v, key), row in edges.items():
        data = tiny_graph.edges[u, v, key]
        assert row["negated"] == ("true" if data["negated"] else "false")
        assert float(row["confidence"]) == data["confidence"]
        assert row["sources"] == "; ".join(data["sources"])
        assert row["cue"] == "; ".join(data["cue"])
        assert row["evidence"] == best_sentence(tiny_graph, data)
        # No sentence table in a CSV file: each provenance entry carries its sentence.
        assert json.loads(row["provenance"]) == [
            dict(entry, sentence=sentence(tiny_graph, entry)) for entry in data["provenance"]]


def test_pandas_reads_typed_columns(tiny_graph, tmp_path):
    write_csv(tiny_graph, tmp_path)
    edges = pd.read_csv(tmp_path / "edges.csv", true_values=["true"], false_values=["false"])
    assert list(edges.columns[:10]) == ["source", "target", "key", "relation", "negated",
                                        "confidence", "documents", "outlets", "sources",
                                        "evidence"]
    assert edges["negated"].dtype == bool and edges["documents"].dtype.kind == "i"
    nodes = pd.read_csv(tmp_path / "nodes.csv")
    assert list(nodes.columns[:3]) == ["id", "label", "type"]
    assert len(nodes) == 3 and len(edges) == 3


def test_hostile_text_stays_one_cell_and_cannot_be_a_formula(hostile, tmp_path):
    graph = hostile.copy()
    graph.nodes["person:evil"]["label"] = '=HYPERLINK("http://x","y")'
    before = snapshot(graph)
    write_csv(graph, tmp_path)
    assert snapshot(graph) == before
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2
    evil = next(r for r in rows if r["id"] == "person:evil")
    assert evil["label"].startswith("'=")
    assert "\x00" not in (tmp_path / "edges.csv").read_text(encoding="utf-8")
    with (tmp_path / "edges.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 1  # newlines inside a quoted cell


def test_generic_columns_sorted_after_contract(generic_graph, tmp_path):
    write_csv(generic_graph, tmp_path)
    header = (tmp_path / "edges.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    golden("generic.edges.header.json", header)
    assert len(header) == len(set(header))


def test_deterministic(tiny_graph, tmp_path):
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    write_csv(tiny_graph, first)
    write_csv(tiny_graph, second)
    for name in ("nodes.csv", "edges.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
