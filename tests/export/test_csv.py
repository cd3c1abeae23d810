"""CSV tables: headers, values, quoting and spreadsheet-formula safety; reading them back."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pytest

from graphbuild.errors import GraphFormatError
from graphbuild.export.csv import read_csv, write_csv
from graphbuild.graph import best_sentence, sentence

from .helpers import as_flat_files_carry, golden, snapshot


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


@pytest.mark.parametrize("given", ["nodes.csv", "edges.csv", "."])
def test_read_gives_back_the_canonical_graph_as_far_as_csv_carries_it(tiny_graph, tmp_path,
                                                                      given):
    write_csv(tiny_graph, tmp_path)
    back = read_csv(tmp_path / given)
    assert snapshot(back) == as_flat_files_carry(tiny_graph, keep_empty=False)
    for u, v, key, original in tiny_graph.edges(keys=True, data=True):
        read = back.edges[u, v, key]
        assert {k: type(v) for k, v in read.items()} == {k: type(original[k]) for k in read}


def test_read_the_sample_build(sample_build, tmp_path):
    graph = sample_build.knowledge_graph.graph
    write_csv(graph, tmp_path)
    assert snapshot(read_csv(tmp_path)) == as_flat_files_carry(graph, keep_empty=False)


def test_read_undoes_the_formula_guard_and_only_it(hostile, tmp_path):
    graph = hostile.copy()
    graph.nodes["person:evil"]["label"] = '=HYPERLINK("http://x","y")'
    graph.nodes["person:evil"]["aliases"] = ["-1", "@me", "+x", "'Tis", "\ttab"]
    graph.nodes["meeting:summit"]["venue"] = "'=not a guard"
    write_csv(graph, tmp_path)
    back = read_csv(tmp_path)
    assert back.nodes["person:evil"]["label"] == '=HYPERLINK("http://x","y")'
    assert back.nodes["person:evil"]["aliases"] == ["-1", "@me", "+x", "'Tis", "\ttab"]
    # A text that starts with the guard and a formula character cannot be told apart.
    assert back.nodes["meeting:summit"]["venue"] == "=not a guard"


def test_read_lists_the_separator_cannot_carry(tmp_path):
    graph = nx.MultiDiGraph(sentences={})
    graph.add_node("a", label="A", aliases=["Smith; Jones", "SJ"])
    graph.add_node("b", label="B", aliases=["B"])
    write_csv(graph, tmp_path)
    assert snapshot(read_csv(tmp_path)) == snapshot(graph)


NODES = "id,label,mentions\n"
EDGES = "source,target,key,negated,provenance\n"


@pytest.mark.parametrize(("nodes", "edges", "message"), [
    pytest.param("", EDGES, "nodes.csv does not start with the columns id", id="empty"),
    pytest.param("label,id\n", EDGES, "nodes.csv does not start with the columns id",
                 id="header"),
    pytest.param(NODES + "a,A\n", EDGES, "nodes.csv line 2 has 2 cells, not 3", id="ragged"),
    pytest.param(NODES + "a,A,many\n", EDGES, "mentions is 'many', not a number",
                 id="not-a-number"),
    pytest.param(NODES, EDGES + "a,a,k,yes,\n", "negated is 'yes', not true or false",
                 id="not-a-boolean"),
    pytest.param(NODES, EDGES + 'a,a,k,true,"{""a"":1}"\n',
                 "provenance is not a JSON list of entries", id="provenance"),
    pytest.param(NODES, EDGES + "a,a,k,true," + "[" * 1000 + "\n",
                 "nested deeper than 100 levels", id="provenance-deep"),
    pytest.param(NODES + "a," + "x" * 70_000_000 + ",1\n", EDGES,
                 "field larger than field limit (64000000)", id="huge-cell"),
])
def test_read_refuses_malformed_files_in_one_line(tmp_path, nodes, edges, message):
    (tmp_path / "nodes.csv").write_text(nodes, encoding="utf-8")
    (tmp_path / "edges.csv").write_text(edges, encoding="utf-8")
    with pytest.raises(GraphFormatError) as caught:
        read_csv(tmp_path / "edges.csv")
    assert str(caught.value) == f"Cannot read CSV {tmp_path}: {message}"


def test_read_needs_both_files_by_their_names(tiny_graph, tmp_path):
    nodes, edges = write_csv(tiny_graph, tmp_path)
    renamed = nodes.rename(tmp_path / "people.csv")
    with pytest.raises(GraphFormatError) as caught:
        read_csv(renamed)
    assert str(caught.value) == (f"Cannot read CSV {renamed}: graphbuild reads nodes.csv and "
                                 "edges.csv, side by side in one folder")
    with pytest.raises(GraphFormatError, match=f"Cannot read CSV {tmp_path}: .*nodes.csv"):
        read_csv(edges)
