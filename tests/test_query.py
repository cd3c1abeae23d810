"""KnowledgeGraph on hand-built graphs: look-up, filters, meetings, paths, conversion."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from datetime import date, datetime
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.build import load
from graphbuild.errors import GraphbuildError, GraphFormatError, UnknownEntityError
from graphbuild.export.json import read_json, write_json
from graphbuild.query import (
    EntityRecord,
    EvidenceItem,
    GraphSummary,
    KnowledgeGraph,
    Meeting,
    Relation,
    format_summary,
)

UK = "country:united-kingdom"
FREEDONIA = "country:freedonia"
SUMMIT = "meeting:summit-monday"


@pytest.fixture
def kg(tiny_graph: nx.MultiDiGraph) -> KnowledgeGraph:
    return KnowledgeGraph(tiny_graph)


def _node(graph: nx.MultiDiGraph, node: str, label: str, kind: str = "country",
          aliases: tuple[str, ...] = (), mentions: int = 1) -> None:
    graph.add_node(node, label=label, type=kind, aliases=list(aliases), mentions=mentions,
                   documents=1, sources=["x"])


def _edge(graph: nx.MultiDiGraph, u: str, v: str, relation: str, *, negated: bool = False,
          documents: int = 1, **extra: object) -> None:
    key = f"not-{relation}" if negated else relation
    graph.add_edge(u, v, key=key, relation=relation, negated=negated, confidence=0.6,
                   documents=documents, sources=["x"], modality="asserted", cue=[relation],
                   disputed=False, provenance=[], **extra)


@pytest.fixture
def chain() -> KnowledgeGraph:
    """a -> b <- c -> d, plus an isolated e and a self-loop on a."""
    graph = nx.MultiDiGraph(articles=[], model="")
    for node in "abcde":
        _node(graph, f"country:{node}", node.upper())
    _edge(graph, "country:a", "country:b", "met_with")
    _edge(graph, "country:c", "country:b", "met_with")
    _edge(graph, "country:c", "country:d", "member_of")
    _edge(graph, "country:a", "country:a", "declines_troops")
    return KnowledgeGraph(graph)


# -- entity look-up -------------------------------------------------------

@pytest.mark.parametrize("name", [
    pytest.param("United Kingdom", id="label"),
    pytest.param("united kingdom", id="lower-case"),
    pytest.param("the United Kingdom", id="leading-the"),
    pytest.param("  UNITED   KINGDOM ", id="spacing"),
    pytest.param("Britain", id="alias"),
    pytest.param("B.r.i.t.a.i.n.", id="dots"),
    pytest.param(UK, id="id"),
])
def test_entity_matches_id_label_and_aliases(kg: KnowledgeGraph, name: str) -> None:
    assert kg.entity(name).id == UK


def test_entity_record_fields(kg: KnowledgeGraph) -> None:
    assert kg.entity("Britain") == EntityRecord(
        id=UK, label="United Kingdom", type="country", aliases=("Britain",), mentions=1,
        documents=1, sources=("a1",),
    )
    summit = kg.entity("the summit")
    assert (summit.id, summit.date, summit.venue) == (SUMMIT, "Monday", None)
    assert summit.sources == ("a1", "a2")


def test_records_are_frozen_and_hashable(kg: KnowledgeGraph) -> None:
    record = kg.entity("Britain")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.label = "UK"  # type: ignore[misc]
    assert len({record, kg.entity("United Kingdom"), *kg.relations()}) == 4


@pytest.mark.parametrize(("name", "message"), [
    pytest.param("Britian", 'No entity named "Britian". Did you mean: Britain (United Kingdom)?',
                 id="alias-suggested-with-label"),
    pytest.param("Freedona", 'No entity named "Freedona". Did you mean: Freedonia?',
                 id="label-suggested"),
    pytest.param("zzzz", 'No entity named "zzzz".', id="nothing-close"),
])
def test_unknown_entity_suggests_close_names(kg: KnowledgeGraph, name: str,
                                             message: str) -> None:
    with pytest.raises(UnknownEntityError) as caught:
        kg.entity(name)
    assert str(caught.value) == message
    assert isinstance(caught.value, GraphbuildError)
    assert isinstance(caught.value, KeyError)


def test_shared_alias_goes_to_label_then_most_mentioned() -> None:
    graph = nx.MultiDiGraph()
    _node(graph, "meeting:a", "Summit A", "meeting", aliases=("the summit",), mentions=1)
    _node(graph, "meeting:b", "Summit B", "meeting", aliases=("the summit",), mentions=5)
    _node(graph, "meeting:c", "Summit", "meeting", mentions=0)
    kg = KnowledgeGraph(graph)
    assert kg.entity("the summit").id == "meeting:c"
    graph.remove_node("meeting:c")
    assert KnowledgeGraph(graph).entity("the summit").id == "meeting:b"


def test_contains_len_and_repr(kg: KnowledgeGraph) -> None:
    assert "U.K" not in kg  # not an alias of the tiny graph's United Kingdom
    assert "britain" in kg and 42 not in kg
    assert len(kg) == 3
    assert repr(kg) == "<KnowledgeGraph 3 entities, 3 relations, 2 articles>"


def test_entities_sorted_and_filtered(kg: KnowledgeGraph) -> None:
    assert [e.id for e in kg.entities()] == [FREEDONIA, UK, SUMMIT]
    assert [e.label for e in kg.entities(type="country")] == ["Freedonia", "United Kingdom"]
    assert kg.entities(type="person") == []


# -- relations ------------------------------------------------------------

def test_relations_sorted_with_evidence(kg: KnowledgeGraph) -> None:
    relations = kg.relations()
    assert [str(r) for r in relations] == [
        "Freedonia attends Summit (Monday)",
        "Freedonia not attends Summit (Monday)",
        "United Kingdom hosts Summit (Monday)",
    ]
    attends = relations[0]
    assert attends == Relation(
        subject="Freedonia", relation="attends", object="Summit (Monday)",
        subject_id=FREEDONIA, object_id=SUMMIT, negated=False, modality="reported",
        confidence=0.6, documents=1, outlets=1, sources=("a2",), disputed=True,
        attributed_to=("officials",), role=None,
        evidence=(EvidenceItem("a2", "Freedonia will attend the summit, officials said.", 0, 49,
                               "attend"),),
    )


@pytest.mark.parametrize(("filters", "expected"), [
    pytest.param({"relation": "hosts"}, ["United Kingdom hosts Summit (Monday)"], id="relation"),
    pytest.param({"subject": "Freedonia", "negated": True},
                 ["Freedonia not attends Summit (Monday)"], id="negated"),
    pytest.param({"negated": False, "relation": "attends"},
                 ["Freedonia attends Summit (Monday)"], id="asserted"),
    pytest.param({"object": "the summit", "subject": "Britain"},
                 ["United Kingdom hosts Summit (Monday)"], id="names-resolved"),
    pytest.param({"modality": "planned", "relation": "attends"},
                 ["Freedonia not attends Summit (Monday)"], id="modality"),
    pytest.param({"min_documents": 2}, [], id="min-documents"),
    pytest.param({"relation": "cites_threat"}, [], id="absent-relation"),
    pytest.param({"object": "Britain"}, [], id="no-incoming"),
])
def test_relation_filters(kg: KnowledgeGraph, filters: dict[str, object],
                          expected: list[str]) -> None:
    assert [str(r) for r in kg.relations(**filters)] == expected  # type: ignore[arg-type]


def test_relations_with_unknown_subject_raise(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownEntityError, match='No entity named "Atlantis"'):
        kg.relations(subject="Atlantis")


def test_self_loop_has_no_object(chain: KnowledgeGraph) -> None:
    (declines,) = chain.relations("declines_troops")
    assert (declines.subject, declines.object, declines.object_id) == ("A", None, None)
    assert str(declines) == "A declines_troops"
    assert chain.relations("declines_troops", object="A") == []


def test_scalars_of_other_tools_are_read_back() -> None:
    """Another tool's GraphML may hand back booleans and numbers as text, a list as one string."""
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", aliases="Ay")
    _node(graph, "b", "B")
    graph.add_edge("a", "b", key="not-met_with", relation="met_with", negated="true",
                   disputed="False", documents="2", sources="s1")
    kg = KnowledgeGraph(graph)
    (relation,) = kg.relations()
    assert (relation.negated, relation.disputed, relation.documents) == (True, False, 2)
    assert (relation.sources, relation.evidence) == (("s1",), ())
    assert kg.entity("Ay").aliases == ("Ay",)


def test_list_attributes_become_tuples_and_role_one_string() -> None:
    graph = nx.MultiDiGraph()
    _node(graph, "a", "A", aliases=("Ay", "A."))
    _node(graph, "b", "B")
    _edge(graph, "a", "b", "affiliated_with", role=["envoy", "minister"],
          attributed_to=["B", "C"])
    kg = KnowledgeGraph(graph)
    (relation,) = kg.relations()
    assert (relation.role, relation.attributed_to, relation.sources) == (
        "envoy; minister", ("B", "C"), ("x",))
    assert kg.entity("Ay").aliases == ("Ay", "A.")


def test_evidence_reads_the_sentence_table_in_provenance_order() -> None:
    graph = nx.MultiDiGraph(sentences={"s1": {"0:8": "A met B."}, "s2": {"4:14": "B meets A."}})
    _node(graph, "a", "A")
    _node(graph, "b", "B")
    graph.add_edge("a", "b", key="met_with", relation="met_with", sources=["s1", "s2"],
                   cue=["met", "meets"], provenance=[
                       {"article": "s2", "start": 4, "end": 14, "cue": "meets"},
                       {"article": "s1", "start": 0, "end": 8, "cue": "met"}])
    (relation,) = KnowledgeGraph(graph).relations()
    assert relation.evidence == (EvidenceItem("s2", "B meets A.", 4, 14, "meets"),
                                 EvidenceItem("s1", "A met B.", 0, 8, "met"))
    assert relation.sources == ("s1", "s2")


def test_relation_types(kg: KnowledgeGraph) -> None:
    assert kg.relation_types() == ["attends", "hosts"]


# -- meetings and descriptions ---------------------------------------------

def test_meetings(kg: KnowledgeGraph) -> None:
    assert kg.meetings() == [Meeting(
        id=SUMMIT, label="Summit (Monday)", date="Monday", venue=None,
        hosts=("United Kingdom",), attendees=("Freedonia",), non_attendees=("Freedonia",),
        disputed=("Freedonia",), sources=("a1", "a2"), iso_date="2025-04-07",
    )]


@pytest.mark.parametrize(("since", "until", "found"), [
    pytest.param(None, None, True, id="no-bounds"),
    pytest.param("2025-04-07", "2025-04-07", True, id="that-day"),
    pytest.param(date(2025, 4, 1), date(2025, 4, 30), True, id="dates"),
    pytest.param(datetime(2025, 4, 7, 18, 30), None, True, id="datetime-counts-its-day"),
    pytest.param("2025-04-08", None, False, id="after"),
    pytest.param(None, "2025-04-06", False, id="before"),
])
def test_meetings_between_dates(kg: KnowledgeGraph, since: object, until: object,
                                found: bool) -> None:
    meetings = kg.meetings(since=since, until=until)  # type: ignore[arg-type]
    assert [m.id for m in meetings] == ([SUMMIT] if found else [])


def test_meetings_without_an_iso_date_are_left_out_by_a_bound(kg: KnowledgeGraph) -> None:
    graph = kg.to_networkx()
    graph.nodes[SUMMIT]["iso_date"] = ""
    undated = KnowledgeGraph(graph)
    assert [m.id for m in undated.meetings()] == [SUMMIT]
    assert undated.meetings(until="2100-01-01") == []
    assert undated.entity(SUMMIT).iso_date is None


def test_meetings_refuse_a_bound_that_is_not_an_iso_date(kg: KnowledgeGraph) -> None:
    with pytest.raises(GraphbuildError, match="^until must be a date written YYYY-MM-DD, "
                                              "not '7 April'$"):
        kg.meetings(until="7 April")


def test_describe_groups_outgoing_and_incoming(kg: KnowledgeGraph) -> None:
    summit = kg.describe("the summit")
    assert summit.entity.id == SUMMIT
    assert summit.outgoing == ()
    assert [str(r) for r in summit.incoming] == [str(r) for r in kg.relations()]
    assert summit.meeting == kg.meetings()[0]
    uk = kg.describe("Britain")
    assert [str(r) for r in uk.outgoing] == ["United Kingdom hosts Summit (Monday)"]
    assert uk.meeting is None


def test_describe_counts_self_loop_once(chain: KnowledgeGraph) -> None:
    about = chain.describe("A")
    assert [r.relation for r in about.outgoing] == ["declines_troops", "met_with"]
    assert about.incoming == ()


# -- structure --------------------------------------------------------------

def test_neighbors(kg: KnowledgeGraph, chain: KnowledgeGraph) -> None:
    assert [e.id for e in kg.neighbors("the summit")] == [FREEDONIA, UK]
    assert [e.id for e in kg.neighbors("the summit", relation="hosts")] == [UK]
    assert [e.label for e in chain.neighbors("A")] == ["B"]  # the self-loop is not a neighbour


def test_path_ignores_direction_and_prefers_asserted(kg: KnowledgeGraph,
                                                     chain: KnowledgeGraph) -> None:
    assert [str(r) for r in kg.path("Britain", "Freedonia")] == [
        "United Kingdom hosts Summit (Monday)",
        "Freedonia attends Summit (Monday)",
    ]
    assert [str(r) for r in chain.path("A", "D")] == [
        "A met_with B", "C met_with B", "C member_of D"]


def test_path_to_itself_is_empty(kg: KnowledgeGraph) -> None:
    assert kg.path("Britain", "United Kingdom") == []


def test_no_path_is_an_error(chain: KnowledgeGraph) -> None:
    with pytest.raises(GraphbuildError) as caught:
        chain.path("A", "E")
    assert str(caught.value) == 'No path between "A" and "E": no chain of relations joins them.'


def test_path_does_not_depend_on_insertion_order() -> None:
    """Two routes of equal length: the one through the smaller node id wins."""
    def square(order: list[tuple[str, str]]) -> KnowledgeGraph:
        graph = nx.MultiDiGraph()
        for node in "zyxa":
            _node(graph, node, node.upper())
        for u, v in order:
            _edge(graph, u, v, "met_with")
        return KnowledgeGraph(graph)

    edges = [("a", "x"), ("x", "z"), ("a", "y"), ("y", "z")]
    first = square(edges).path("A", "Z")
    second = square(edges[::-1]).path("A", "Z")
    assert first == second
    assert [r.object for r in first] == ["X", "Z"]


@pytest.mark.parametrize(("names", "depth", "expected"), [
    pytest.param("A", 0, ["A"], id="depth-0"),
    pytest.param("A", 1, ["A", "B"], id="depth-1"),
    pytest.param("A", 2, ["A", "B", "C"], id="depth-2"),
    pytest.param(["A", "E"], 1, ["A", "B", "E"], id="several-names"),
])
def test_subgraph(chain: KnowledgeGraph, names: str | list[str], depth: int,
                  expected: list[str]) -> None:
    sub = chain.subgraph(names, depth=depth)
    assert isinstance(sub, KnowledgeGraph)
    assert sorted(e.label for e in sub.entities()) == expected


def test_subgraph_keeps_edges_among_kept_nodes_and_copies(kg: KnowledgeGraph) -> None:
    sub = kg.subgraph("Britain")
    assert [str(r) for r in sub.relations()] == ["United Kingdom hosts Summit (Monday)"]
    assert sub.articles == kg.articles
    sub.graph.nodes[UK]["label"] = "changed"
    sub.graph.edges[UK, SUMMIT, "hosts"]["provenance"].clear()
    assert kg.entity("Britain").label == "United Kingdom"
    assert kg.relations("hosts")[0].evidence


@pytest.mark.parametrize("name", ["around.html", "around.graphml", "around.gexf",
                                  "around.json"])
def test_subgraph_writes_the_file_its_suffix_names(kg: KnowledgeGraph, tmp_path: Path,
                                                   name: str) -> None:
    around = kg.subgraph("Britain")
    path = tmp_path / "notebook" / name

    assert around.write(path) == [path]
    text = path.read_text(encoding="utf-8")
    assert "Summit (Monday)" in text and "Freedonia" not in text.split("articles")[0]
    if path.suffix in (".json", ".graphml"):
        assert sorted(load(path).graph.nodes) == sorted(around.graph.nodes)
    if path.suffix == ".gexf":
        assert sorted(nx.read_gexf(path).nodes) == sorted(around.graph.nodes)


def test_subgraph_writes_a_folder_in_every_format_or_those_named(kg: KnowledgeGraph,
                                                                 tmp_path: Path) -> None:
    around = kg.subgraph("Britain")

    written = around.write(tmp_path / "all")
    assert [p.name for p in written] == ["graph.html", "graph.graphml", "graph.gexf",
                                         "graph.json", "nodes.csv", "edges.csv"]
    assert [p.name for p in around.write(tmp_path / "csv", formats="csv")] == [
        "nodes.csv", "edges.csv"]
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as rows:
        assert sorted(row["id"] for row in csv.DictReader(rows)) == [UK, SUMMIT]


@pytest.mark.parametrize(("name", "formats", "message"), [
    pytest.param("around.png", None, 'Cannot tell the format of "{path}": name a .html, '
                 ".graphml, .gexf, .json file, or a folder to write every format into",
                 id="unknown-suffix"),
    pytest.param("around.json", "csv", '"{path}" is a file: its suffix names the format; give '
                 "a folder to write several formats", id="formats-with-a-file"),
    pytest.param("out", "png", 'Unknown output format "png". Choose from: html, graphml, gexf, '
                 "json, csv", id="unknown-format"),
])
def test_write_refuses_what_it_cannot_write(kg: KnowledgeGraph, tmp_path: Path, name: str,
                                            formats: str | None, message: str) -> None:
    with pytest.raises(GraphFormatError) as caught:
        kg.write(tmp_path / name, formats=formats)
    assert str(caught.value) == message.format(path=tmp_path / name)
    assert not list(tmp_path.iterdir())


def test_repr_html_is_a_compact_escaped_summary(chain: KnowledgeGraph) -> None:
    chain.graph.nodes["country:a"]["label"] = "<b>A</b>"
    chain.graph.nodes["country:e"]["mentions"] = 7
    page = chain.subgraph("C", depth=1)._repr_html_()

    assert page.startswith("<div><p><b>KnowledgeGraph</b>: 3 entities, 2 relations, "
                           "0 articles</p><p>relations: member_of 1, met_with 1</p>")
    assert "<tr><td>C</td><td>country</td><td>1</td><td>2</td></tr>" in page
    assert "<b>A</b>" not in chain._repr_html_() and "&lt;b&gt;A&lt;/b&gt;" in chain._repr_html_()
    assert chain._repr_html_().index(">E<") < chain._repr_html_().index(">B<")
    assert "more" not in page


def test_repr_html_lists_the_most_mentioned_entities_only(chain: KnowledgeGraph) -> None:
    for i in range(12):
        _node(chain.graph, f"country:x{i}", f"X{i}", mentions=2)

    page = chain._repr_html_()
    assert page.count("<tr><td>") == 10 and ">A<" not in page
    assert page.endswith("<p>and 7 more entities</p></div>")


# -- conversion and summary -------------------------------------------------

def test_to_networkx_is_a_deep_copy(kg: KnowledgeGraph) -> None:
    copy = kg.to_networkx()
    assert nx.utils.graphs_equal(copy, kg.graph)
    copy.edges[UK, SUMMIT, "hosts"]["provenance"].clear()
    copy.graph["articles"].clear()
    assert kg.relations("hosts")[0].evidence and kg.articles


def test_to_pandas(kg: KnowledgeGraph) -> None:
    nodes, edges = kg.to_pandas()
    assert list(nodes["id"]) == [n for n in kg.graph.nodes]
    assert list(nodes.columns[:3]) == ["id", "label", "type"]
    assert list(edges.columns[:6]) == ["subject", "object", "key", "subject_label",
                                       "object_label", "relation"]
    hosts = edges[edges["relation"] == "hosts"].iloc[0]
    assert (hosts["subject"], hosts["object"], hosts["key"]) == (UK, SUMMIT, "hosts")
    assert (hosts["subject_label"], hosts["object_label"]) == (
        kg.graph.nodes[UK]["label"], kg.graph.nodes[SUMMIT]["label"])
    assert isinstance(hosts["provenance"], list)


def test_to_pandas_without_pandas(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(GraphbuildError) as caught:
        kg.to_pandas()
    assert str(caught.value) == (
        'pandas is not installed. Install it with: pip install "graphbuild[pandas]"')


def test_summary(kg: KnowledgeGraph) -> None:
    summary = kg.summary()
    assert summary == GraphSummary(
        articles=2, entities=3, relations=3,
        entities_by_type=(("country", 2), ("meeting", 1)),
        relations_by_type=(("attends", 2), ("hosts", 1)),
        model="test",
    )
    assert format_summary(summary) == (
        "2 articles, 3 entities, 3 relations\n"
        "entities:  country 2, meeting 1\n"
        "relations: attends 2, hosts 1"
    )


def test_format_summary_singular_and_empty() -> None:
    assert format_summary(GraphSummary(1, 1, 0)) == (
        "1 article, 1 entity, 0 relations\nentities:  none\nrelations: none")


def test_json_round_trip_answers_the_same(kg: KnowledgeGraph, tmp_path) -> None:
    path = tmp_path / "graph.json"
    write_json(kg.graph, path)
    again = KnowledgeGraph(read_json(path))
    assert again.relations() == kg.relations()
    assert again.meetings() == kg.meetings()
    assert again.entities() == kg.entities()


def test_query_does_not_change_the_graph(kg: KnowledgeGraph) -> None:
    before = json.dumps(nx.node_link_data(kg.graph, edges="edges"), sort_keys=True)
    kg.relations(subject="Britain")
    kg.meetings()
    kg.path("Britain", "Freedonia")
    kg.subgraph("Britain", depth=2)
    kg.to_pandas()
    assert json.dumps(nx.node_link_data(kg.graph, edges="edges"), sort_keys=True) == before


def test_networkx_algorithms_run_on_the_graph_as_installed(kg: KnowledgeGraph) -> None:
    """What a notebook runs on ``kg.graph`` works with graphbuild's own dependencies."""
    ranks = nx.pagerank(kg.graph)
    central = nx.eigenvector_centrality_numpy(nx.Graph(kg.graph))

    assert abs(sum(ranks.values()) - 1.0) < 1e-9
    assert max(ranks, key=ranks.__getitem__) in kg.graph
    assert set(central) == set(kg.graph)
