"""``graphbuild query`` and ``graphbuild show`` driven through click's CliRunner."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
import types
from pathlib import Path
from unittest import mock

import click
import networkx as nx
import pytest
from click.testing import CliRunner

from graphbuild.cli_query import query_command, show_command
from graphbuild.errors import GraphFormatError, UnknownEntityError
from graphbuild.export.json import read_json, write_json
from graphbuild.query import KnowledgeGraph


@pytest.fixture(autouse=True)
def graph_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use ``graphbuild.build.load`` when it exists, else a stand-in that reads JSON."""
    if importlib.util.find_spec("graphbuild.build") is None:
        fake = types.ModuleType("graphbuild.build")
        fake.load = lambda path: KnowledgeGraph(read_json(path))  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "graphbuild.build", fake)


@pytest.fixture
def graph_file(tmp_path: Path, tiny_graph: nx.MultiDiGraph) -> Path:
    path = tmp_path / "graph.json"
    write_json(tiny_graph, path)
    return path


@pytest.fixture
def cli() -> click.Group:
    group = click.Group("graphbuild")
    group.add_command(query_command)
    group.add_command(show_command)
    return group


def run(cli: click.Group, *args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


TABLE = """\
SUBJECT         RELATION     OBJECT           MODALITY  CONFIDENCE  DOCS  OUTLETS  NOTE
--------------  -----------  ---------------  --------  ----------  ----  -------  --------
Freedonia       attends      Summit (Monday)  reported        0.60     1        1  disputed
Freedonia       not attends  Summit (Monday)  planned         0.60     1        1  disputed
United Kingdom  hosts        Summit (Monday)  planned         0.60     1        1
3 relations
"""


def test_query_prints_a_table(cli: click.Group, graph_file: Path) -> None:
    assert run(cli, "query", graph_file) == (0, TABLE)


@pytest.mark.parametrize(("options", "expected"), [
    pytest.param(["--negated"], ["Freedonia not attends"], id="negated"),
    pytest.param(["--asserted"], ["Freedonia attends", "United Kingdom hosts"], id="asserted"),
    pytest.param(["-r", "hosts"], ["United Kingdom hosts"], id="relation"),
    pytest.param(["--subject", "the freedonia", "--object", "Summit (Monday)"],
                 ["Freedonia attends", "Freedonia not attends"], id="subject-object"),
    pytest.param(["--modality", "reported"], ["Freedonia attends"], id="modality"),
])
def test_query_filters(cli: click.Group, graph_file: Path, options: list[str],
                       expected: list[str]) -> None:
    code, output = run(cli, "query", graph_file, *options)
    assert code == 0
    rows = output.splitlines()[2:-1]
    assert [" ".join(re.split(r"\s{2,}", row)[:2]) for row in rows] == expected


def test_query_with_no_match_says_what_exists(cli: click.Group, graph_file: Path) -> None:
    assert run(cli, "query", graph_file, "--min-documents", "2") == (
        0, "No relations match. Relations in this graph: attends, hosts.\n")


def test_query_json(cli: click.Group, graph_file: Path) -> None:
    code, output = run(cli, "query", graph_file, "--relation", "hosts", "--format", "json")
    assert code == 0
    assert json.loads(output) == [{
        "subject": "United Kingdom", "relation": "hosts", "object": "Summit (Monday)",
        "subject_id": "country:united-kingdom", "object_id": "meeting:summit-monday",
        "negated": False, "modality": "planned", "confidence": 0.6, "documents": 1,
        "outlets": 1, "sources": ["a1"], "disputed": False, "attributed_to": [], "role": None,
        "evidence": [{"article": "a1", "sentence": "Britain will host the summit on Monday.",
                      "start": 0, "end": 39, "cue": "host", "outlet": "Daily Herald",
                      "published": "2025-04-02"}],
    }]


def test_query_json_with_no_match_is_an_empty_list(cli: click.Group, graph_file: Path) -> None:
    assert run(cli, "query", graph_file, "-r", "cites_threat", "--format", "json") == (0, "[]\n")


def test_query_csv(cli: click.Group, graph_file: Path) -> None:
    code, output = run(cli, "query", graph_file, "--subject", "Freedonia", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [(r["relation"], r["negated"], r["attributed_to"]) for r in rows] == [
        ("attends", "False", "officials"), ("attends", "True", "")]
    assert rows[0]["evidence"] == "Freedonia will attend the summit, officials said."
    assert rows[1]["sources"] == "a1"
    assert [(r["outlets"], r["evidence_outlet"], r["evidence_published"]) for r in rows] == [
        ("1", "", ""), ("1", "Daily Herald", "2025-04-02")]


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["query", "{graph}", "--subject", "Britian"],
                 'Error: No entity named "Britian". Did you mean: Britain (United Kingdom)?\n',
                 id="query-subject"),
    pytest.param(["query", "{graph}", "--object", "zzzz"], 'Error: No entity named "zzzz".\n',
                 id="query-object"),
    pytest.param(["show", "{graph}", "Freedona"],
                 'Error: No entity named "Freedona". Did you mean: Freedonia?\n', id="show"),
])
def test_unknown_names_are_one_line(cli: click.Group, graph_file: Path, args: list[str],
                                    message: str) -> None:
    assert run(cli, *[a.format(graph=graph_file) for a in args]) == (
        UnknownEntityError.exit_code, message)


def test_an_unreadable_graph_is_one_line(cli: click.Group, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, output = run(cli, "query", broken)
    assert code == GraphFormatError.exit_code
    assert output.startswith(f"Error: Cannot read graph JSON {broken}: ")
    assert output.count("\n") == 1


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["query", "{graph}", "--format", "xml"],
                 "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json', "
                 "'csv'.", id="format"),
    pytest.param(["query", "{graph}", "--min-documents", "0"],
                 "Error: Invalid value for '--min-documents': 0 is not in the range x>=1.",
                 id="min-documents"),
    pytest.param(["query", "{graph}", "--modality", "rumoured"],
                 "Error: Invalid value for '--modality': 'rumoured' is not one of 'asserted', "
                 "'planned', 'expected', 'reported'.", id="modality"),
    pytest.param(["query", "{missing}"],
                 "Error: Invalid value for 'GRAPH': Path '{missing}' does not exist.",
                 id="missing-graph"),
    pytest.param(["show", "{graph}"], "Error: Missing argument 'NAME'.", id="show-no-name"),
])
def test_bad_usage_exits_2(cli: click.Group, graph_file: Path, args: list[str],
                           message: str) -> None:
    missing = graph_file.parent / "missing.json"
    values = {"graph": graph_file, "missing": missing}
    code, output = run(cli, *[a.format(**values) for a in args])
    assert code == 2
    assert output.splitlines()[-1] == message.format(**values)


def test_cli_passes_the_path_and_filters_to_the_library(cli: click.Group, graph_file: Path,
                                                        tiny_graph: nx.MultiDiGraph) -> None:
    kg = KnowledgeGraph(tiny_graph)
    with mock.patch("graphbuild.build.load", autospec=True, return_value=kg) as load, \
            mock.patch.object(KnowledgeGraph, "relations", autospec=True,
                              return_value=[]) as relations:
        code, _ = run(cli, "query", graph_file, "-r", "attends", "-s", "UK", "--asserted",
                      "--min-documents", "2")
    assert code == 0
    load.assert_called_once_with(graph_file)
    relations.assert_called_once_with(kg, "attends", subject="UK", object=None, negated=False,
                                      modality=None, min_documents=2)


SHOW_UK = """\
United Kingdom  (country, country:united-kingdom)
aliases:  Britain
mentions: 1 in 1 article: a1

Outgoing
  hosts
    -> Summit (Monday)  [planned; confidence 0.60; 1 article: a1; 1 outlet]
       a1 (Daily Herald, 2025-04-02): "Britain will host the summit on Monday."
"""

SHOW_SUMMIT = """\
Summit (Monday)  (meeting, meeting:summit-monday)
aliases:  the summit
mentions: 3 in 2 articles: a1, a2
date: Monday (2025-04-07)
hosts: United Kingdom
attend: Freedonia
do not attend: Freedonia
disputed: Freedonia

Incoming
  attends
    <- Freedonia  [reported; confidence 0.60; 1 article: a2; disputed; according to officials]
       a2: "Freedonia will attend the summit, officials said."
  not attends
    <- Freedonia  [planned; confidence 0.60; 1 article: a1; 1 outlet; disputed]
       a1 (Daily Herald, 2025-04-02): "Freedonia will not attend the summit."
  hosts
    <- United Kingdom  [planned; confidence 0.60; 1 article: a1; 1 outlet]
       a1 (Daily Herald, 2025-04-02): "Britain will host the summit on Monday."
"""


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("Britain", SHOW_UK, id="country"),
    pytest.param("the summit", SHOW_SUMMIT, id="meeting"),
])
def test_show(cli: click.Group, graph_file: Path, name: str, expected: str) -> None:
    assert run(cli, "show", graph_file, name) == (0, expected)


def test_show_entity_without_relations(cli: click.Group, tmp_path: Path) -> None:
    graph = nx.MultiDiGraph(articles=[])
    graph.add_node("person:x", label="X", type="person", aliases=[], mentions=1, documents=1,
                   sources=["a1"])
    path = tmp_path / "graph.json"
    write_json(graph, path)
    assert run(cli, "show", path, "X") == (
        0, "X  (person, person:x)\nmentions: 1 in 1 article: a1\n\nNo relations.\n")


def test_a_graph_in_the_old_format_asks_for_a_rebuild(cli: click.Group, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    graph = nx.MultiDiGraph(articles=[])
    graph.add_node("person:x", label="X", type="person", aliases="X; Ex", sources="a1")
    write_json(graph, path)
    assert run(cli, "show", path, "X") == (
        GraphFormatError.exit_code,
        f"Error: {path} was written by an older graphbuild (lists stored as text); rebuild it "
        "from its corpus with: graphbuild build CORPUS -o OUTPUTS\n")


def test_library_errors_become_click_errors(cli: click.Group, graph_file: Path) -> None:
    with mock.patch("graphbuild.build.load", autospec=True,
                    side_effect=GraphFormatError("Unknown graph format .txt")):
        assert run(cli, "show", graph_file, "X") == (GraphFormatError.exit_code,
                                                     "Error: Unknown graph format .txt\n")


@pytest.mark.parametrize("command", [query_command, show_command], ids=lambda c: c.name)
def test_every_command_has_help(command: click.Command) -> None:
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0
    assert command.help and "GRAPH" in result.output



@pytest.mark.parametrize("args", [["query", "--format", "json"], ["show", "the summit"]],
                         ids=["query", "show"])
def test_graphml_answers_like_json(cli: click.Group, tmp_path: Path, graph_file: Path,
                                   tiny_graph: nx.MultiDiGraph, args: list[str]) -> None:
    if importlib.util.find_spec("graphbuild.build") is None:
        pytest.skip("graphbuild.build.load not available yet")
    graphml = pytest.importorskip("graphbuild.export.graphml")
    path = tmp_path / "graph.graphml"
    graphml.write_graphml(tiny_graph, path)
    command, *rest = args
    assert run(cli, command, path, *rest) == run(cli, command, graph_file, *rest)


def test_show_puts_each_sentence_on_one_line(cli: click.Group, tmp_path: Path) -> None:
    graph = nx.MultiDiGraph(articles=[], sentences={"x": {"0:10": "A met\n\nB. "}})
    for node in ("a", "b"):
        graph.add_node(node, label=node.upper(), type="country", mentions=1, documents=1,
                       sources=["x"])
    graph.add_edge("a", "b", key="met_with", relation="met_with", documents=1, sources=["x"],
                   provenance=[{"article": "x", "start": 0, "end": 10}])
    path = tmp_path / "graph.json"
    write_json(graph, path)
    code, output = run(cli, "show", path, "A")
    assert code == 0
    assert output.splitlines()[-1] == '       x: "A met B."'


@pytest.fixture
def hostile_graph_file(tmp_path: Path, tiny_graph: nx.MultiDiGraph) -> Path:
    """The tiny graph with a label that carries a terminal escape and a formula."""
    graph = tiny_graph.copy()
    node = next(n for n, d in graph.nodes(data=True) if d.get("label") == "Freedonia")
    graph.nodes[node]["label"] = "=1+2\x1b[31mFreedonia"
    path = tmp_path / "hostile.json"
    write_json(graph, path)
    return path


def test_query_shows_control_characters_instead_of_sending_them(
        cli: click.Group, hostile_graph_file: Path) -> None:
    code, output = run(cli, "query", hostile_graph_file, "--relation", "attends")

    assert code == 0
    assert "\x1b" not in output and "\\x1b[31m" in output


def test_query_csv_prefixes_formula_cells(cli: click.Group, hostile_graph_file: Path) -> None:
    code, output = run(cli, "query", hostile_graph_file, "--relation", "attends",
                       "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(output)))
    assert code == 0
    assert {row["subject"] for row in rows} == {"'=1+2[31mFreedonia"}  # CSV drops controls


def test_a_graph_from_another_tool_is_named_as_such(cli: click.Group, tmp_path: Path) -> None:
    foreign = nx.MultiDiGraph()
    foreign.add_edge("a", "b", weight=1.0)
    path = tmp_path / "foreign.graphml"
    nx.write_graphml(foreign, path)

    code, output = run(cli, "query", path)

    assert code == GraphFormatError.exit_code
    assert output.strip().splitlines()[-1] == (
        f"Error: {path} has 1 edges but none carries a 'relation' attribute: it was not "
        "written by graphbuild build")


@pytest.mark.parametrize(("sort", "expected"), [
    pytest.param("subject", ["Austria", "Benin", "Chile"], id="subject"),
    pytest.param("relation", ["Benin", "Chile", "Austria"], id="relation"),
    pytest.param("object", ["Chile", "Benin", "Austria"], id="object"),
    pytest.param("documents", ["Chile", "Benin", "Austria"], id="documents"),
    pytest.param("confidence", ["Benin", "Chile", "Austria"], id="confidence"),
])
def test_query_sort_orders(sort: str, expected: list[str]) -> None:
    from graphbuild.cli_query import SORT_KEYS
    from graphbuild.query import Relation

    relations = [
        Relation("Austria", "hosts", "Zagreb summit", "country:austria", "m:z",
                 confidence=0.5, documents=1),
        Relation("Benin", "attends", "Yaoundé talks", "country:benin", "m:y",
                 confidence=0.9, documents=3),
        Relation("Chile", "attends", "Lima summit", "country:chile", "m:l",
                 confidence=0.7, documents=4),
    ]
    assert [r.subject for r in sorted(relations, key=SORT_KEYS[sort])] == expected


def test_query_limit_keeps_the_first_rows_after_sorting(cli: click.Group,
                                                       graph_file: Path) -> None:
    code, output = run(cli, "query", graph_file, "--sort", "relation", "--limit", "2")

    assert code == 0
    rows = output.splitlines()[2:-1]
    assert [" ".join(re.split(r"\s{2,}", row)[:2]) for row in rows] == [
        "Freedonia attends", "Freedonia not attends"]
    assert output.splitlines()[-1] == "2 relations"


def test_o_is_not_an_object_filter_in_query(cli: click.Group, graph_file: Path) -> None:
    """``-o`` means the output folder in ``build``; ``query`` spells ``--object`` out."""
    code, output = run(cli, "query", graph_file, "-o", "Summit (Monday)")

    assert code == 2
    assert "No such option '-o'" in output


@pytest.fixture(scope="module")
def sample_outputs(sample_build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graphbuild.build import write_outputs

    folder = tmp_path_factory.mktemp("sample") / "outputs"
    write_outputs(sample_build, folder)
    return folder


@pytest.mark.parametrize("given", ["outputs", "outputs/graph.gexf", "outputs/edges.csv",
                                   "outputs/nodes.csv", "outputs/graph.graphml"])
def test_query_reads_every_format_build_writes(cli: click.Group, sample_outputs: Path,
                                               given: str) -> None:
    expected = run(cli, "query", sample_outputs / "graph.json", "--relation", "attends")

    assert run(cli, "query", sample_outputs.parent / given, "--relation", "attends") == expected
    assert expected[0] == 0 and "United States                  not attends" in expected[1]


@pytest.mark.parametrize(("name", "text", "message"), [
    pytest.param("graph.gexf", "<gexf><graph>",
                 "Cannot read GEXF {path}: no element found: line 1, column 13", id="gexf"),
    pytest.param("edges.csv", "source,target\n",
                 "Cannot read CSV {folder}: edges.csv does not start with the columns "
                 "source,target,key", id="csv"),
])
def test_a_malformed_gexf_or_csv_is_one_line(cli: click.Group, tmp_path: Path, name: str,
                                             text: str, message: str) -> None:
    (tmp_path / "nodes.csv").write_text("id,label\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    assert run(cli, "query", path) == (
        GraphFormatError.exit_code, f"Error: {message.format(path=path, folder=tmp_path)}\n")
