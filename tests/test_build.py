"""``graphbuild.build``: the sample corpus end to end, and ``load``.

The facts tested here are the ones the product promises for ``corpus/``;
they use the session's one build (``sample_build`` in ``conftest.py``).
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import networkx as nx
import pytest

from graphbuild.build import BuildResult, build, build_corpus, load, write_outputs
from graphbuild.errors import CorpusError, GraphFormatError
from graphbuild.models import default_model
from graphbuild.names import normalise_name
from graphbuild.query import KnowledgeGraph
from graphbuild.types import Article, ArticleExtraction

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = REPO / "outputs"
OUTPUT_FILES = ("graph.json", "graph.graphml", "graph.gexf", "graph.html", "nodes.csv",
                "edges.csv", "aliases.json", "files.json")


@pytest.fixture(scope="module")
def kg(sample_build: BuildResult) -> KnowledgeGraph:
    return sample_build.knowledge_graph


# -- the promised facts ---------------------------------------------------------------


def test_reads_every_sample_article(sample_build: BuildResult) -> None:
    assert len(sample_build.corpus.articles) == len(list((REPO / "corpus").glob("*.txt")))
    assert not sample_build.corpus.skipped
    assert sample_build.model == default_model()


@pytest.mark.parametrize("name", ["Britain", "U.K.", "British", "UK", "United Kingdom"])
def test_names_of_the_united_kingdom_are_one_node(kg: KnowledgeGraph, name: str) -> None:
    record = kg.entity(name)

    assert (record.id, record.label, record.type) == (
        "country:united-kingdom", "United Kingdom", "country")


def test_poland_and_greece_decline_troops(kg: KnowledgeGraph) -> None:
    declines = kg.relations("declines_troops")

    assert sorted(r.subject for r in declines) == ["Greece", "Poland"]
    # stored as self-loops, reported without an object
    assert all(r.object is None and r.object_id is None and not r.negated for r in declines)


def test_one_node_per_meeting(kg: KnowledgeGraph) -> None:
    meetings = kg.meetings()

    assert len([m for m in meetings if m.date == "Thursday"]) == 1
    assert len([m for m in meetings if "summit" in m.label.lower()]) == 1
    assert len([m for m in meetings if m.date == "Friday"]) == 1


def test_united_states_does_not_attend_the_thursday_meeting(kg: KnowledgeGraph) -> None:
    (thursday,) = [m for m in kg.meetings() if m.date == "Thursday"]

    denied = kg.relations("attends", subject="United States", negated=True)
    assert [r.object_id for r in denied] == [thursday.id]
    assert "United States" in thursday.non_attendees
    assert "United States" not in thursday.attendees
    assert {"United Kingdom", "France"} <= set(thursday.hosts)


# -- committed outputs and determinism -------------------------------------------------


def _first_difference(expected: bytes, actual: bytes, name: str) -> str:
    diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                actual.decode("utf-8", "replace").splitlines(),
                                f"outputs/{name} (committed)", f"{name} (fresh build)",
                                lineterm="", n=1)
    return "\n".join(list(diff)[:12])


def test_committed_outputs_are_up_to_date(sample_build: BuildResult, tmp_path: Path) -> None:
    with contextlib.chdir(REPO):
        written = write_outputs(sample_build, tmp_path)

    assert sorted(p.name for p in written) == sorted(OUTPUT_FILES)
    stale = [name for name in OUTPUT_FILES
             if (tmp_path / name).read_bytes() != (OUTPUTS / name).read_bytes()]
    details = "\n".join(_first_difference((OUTPUTS / n).read_bytes(),
                                          (tmp_path / n).read_bytes(), n) for n in stale[:2])
    assert not stale, (
        f"outputs/ is stale: {', '.join(stale)} differ from a fresh build of corpus/. "
        f"Run `python3 dev.py run` and commit outputs/.\n{details}")


def test_two_builds_write_identical_files(sample_build: BuildResult, tmp_path: Path) -> None:
    with contextlib.chdir(REPO):
        again = build_corpus(["corpus"])
        write_outputs(sample_build, tmp_path / "first")
        write_outputs(again, tmp_path / "second")

    for name in OUTPUT_FILES:
        assert (tmp_path / "first" / name).read_bytes() == \
            (tmp_path / "second" / name).read_bytes(), name


def test_write_outputs_only_the_chosen_formats(sample_build: BuildResult,
                                               tmp_path: Path) -> None:
    written = write_outputs(sample_build, tmp_path / "out", formats=["json"])

    assert [p.name for p in written] == ["graph.json", "aliases.json", "files.json"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "aliases.json", "files.json", "graph.json"]


def test_aliases_json_explains_every_merge_of_the_sample(sample_build: BuildResult,
                                                        tmp_path: Path) -> None:
    """Each name of a node but its label, and each per-article meeting joined to another,
    has an entry on that node in aliases.json."""
    write_outputs(sample_build, tmp_path, formats=["json"])
    nodes = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["nodes"]
    entries = json.loads((tmp_path / "aliases.json").read_text(encoding="utf-8"))
    explained = {(normalise_name(e["alias"]), e["entity"]) for e in entries}
    assert [(n["id"], alias) for n in nodes for alias in n["aliases"]
            if normalise_name(alias) != normalise_name(n["label"])
            and (normalise_name(alias), n["id"]) not in explained] == []
    assert ("britain", "country:united-kingdom") in explained
    assert ("kyiv", "country:ukraine") in explained

    meetings: dict[str, set[str]] = defaultdict(set)
    for mention, node in sample_build.resolution.entity_of.items():
        if mention.type == "meeting":
            meetings[node].add(mention.key)
    joined = {(e["alias"], e["entity"]) for e in entries if "#meeting-" in e["alias"]}
    for node, keys in meetings.items():
        assert len({k for k in keys if (k, node) in joined}) == len(keys) - 1, node
    assert any(len(keys) > 1 for keys in meetings.values())


# -- load ----------------------------------------------------------------------------------


def test_graphml_and_json_outputs_load_the_same_graph() -> None:
    from_json = load(OUTPUTS / "graph.json").graph
    from_graphml = load(str(OUTPUTS / "graph.graphml")).graph

    assert set(from_json.nodes) == set(from_graphml.nodes)
    assert set(from_json.edges(keys=True)) == set(from_graphml.edges(keys=True))
    assert {n: d["label"] for n, d in from_json.nodes(data=True)} == \
        {n: d["label"] for n, d in from_graphml.nodes(data=True)}


def test_load_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "graph.json"

    with pytest.raises(GraphFormatError) as caught:
        load(missing)
    assert str(caught.value) == f'Graph file "{missing}" does not exist'


@pytest.mark.parametrize("name", ["graph.html", "graph.txt"])
def test_load_of_a_wrong_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<gexf/>")

    with pytest.raises(GraphFormatError) as caught:
        load(path)
    assert str(caught.value) == (
        f'Cannot read "{path}": expected a .json, .graphml, .gexf or .csv file written by '
        "graphbuild, an outputs folder or a corpus folder")


@pytest.fixture(scope="module")
def written(sample_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    write_outputs(sample_build, folder)
    return folder


def test_load_reads_every_format_build_writes(sample_build: BuildResult, written: Path) -> None:
    from graphbuild.export.csv import read_csv
    from graphbuild.export.gexf import read_gexf
    from graphbuild.export.graphml import read_graphml

    canonical = sample_build.knowledge_graph.graph
    for name, read in (("graph.gexf", read_gexf), ("edges.csv", read_csv),
                       ("nodes.csv", read_csv), ("graph.graphml", read_graphml)):
        graph = load(written / name).graph
        assert nx.utils.graphs_equal(graph, read(written / name)), name
        assert set(graph.edges(keys=True)) == set(canonical.edges(keys=True)), name
        assert graph.graph["sentences"] == canonical.graph["sentences"], name


def test_load_of_an_outputs_folder_prefers_json_then_graphml_gexf_csv(
        sample_build: BuildResult, written: Path, tmp_path: Path) -> None:
    """Each step removes the format read before; what ``load`` gives shows what it read."""
    from graphbuild.export.csv import read_csv
    from graphbuild.export.gexf import read_gexf
    from graphbuild.export.graphml import read_graphml

    folder = tmp_path / "outputs"
    shutil.copytree(written, folder)
    canonical = sample_build.knowledge_graph.graph
    for name, expected in (("graph.json", canonical),
                           ("graph.graphml", read_graphml(folder / "graph.graphml")),
                           ("graph.gexf", read_gexf(folder / "graph.gexf")),
                           ("nodes.csv", read_csv(folder))):
        graph = load(folder).graph
        assert nx.utils.graphs_equal(graph, expected), name
        (folder / name).unlink()
    assert {"articles", "model"} <= set(canonical.graph)
    with pytest.raises(GraphFormatError) as caught:
        load(folder)
    assert str(caught.value) == (
        f"{folder} holds the outputs of a build but no graph file (graph.json, graph.graphml, "
        "graph.gexf, nodes.csv, edges.csv): rebuild it with: graphbuild build CORPUS -o OUTPUTS "
        "--formats json")


def test_load_builds_a_folder_without_files_json(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("graphbuild.build")  # the package re-exports build()
    (tmp_path / "graph.json").write_text("{}", encoding="utf-8")  # an article, say
    built = KnowledgeGraph(nx.MultiDiGraph())
    build_call = mock.create_autospec(build, return_value=built)
    monkeypatch.setattr(module, "build", build_call)

    assert load(tmp_path) is built
    build_call.assert_called_once_with(tmp_path)


def test_load_of_graph_json_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_text("[" * 1_000_000 + "]" * 1_000_000)

    with pytest.raises(GraphFormatError) as caught:
        load(path)
    assert str(caught.value) == (
        f"Cannot read graph JSON {path}: nested deeper than 100 levels")


# -- corpus errors (raised before any model is loaded) -----------------------------------


def test_build_without_paths() -> None:
    with pytest.raises(CorpusError, match="No corpus paths given"):
        build([])


def test_build_of_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as caught:
        build(tmp_path)
    assert str(caught.value).startswith(f"No articles found in {tmp_path}")


def test_build_of_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        build_corpus([tmp_path / "nowhere"])


@pytest.mark.parametrize("written", ["graph.graphml", "graph.json"])
def test_load_then_write_gives_identical_files(sample_build: BuildResult, tmp_path: Path,
                                               written: str) -> None:
    """build -> write -> load -> write: nothing is lost on the way through a file."""
    from graphbuild.export import write_outputs as write_graph

    first = tmp_path / "first"
    second = tmp_path / "second"
    write_graph(sample_build.knowledge_graph.graph, first)
    write_graph(load(first / written).graph, second)
    for name in ("graph.graphml", "graph.json", "graph.gexf", "nodes.csv", "edges.csv",
                 "graph.html"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_workers_are_capped_by_cores_and_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from graphbuild import engine
    from graphbuild.ingest import read_corpus

    build_module = importlib.import_module("graphbuild.build")
    asked: list[int] = []

    def run_pool(nlp: object, model: str, articles: list[Article], processes: int,
                 done: object = None) -> Iterator[ArticleExtraction]:
        asked.append(processes)
        return iter([ArticleExtraction(a.id, (), ()) for a in articles])

    monkeypatch.setattr(engine, "run_pool", run_pool)
    corpus = read_corpus("corpus")
    build_module.extract_corpus(corpus, workers=1000)

    assert asked == [min(len(corpus.articles), os.cpu_count() or 1)]


def test_more_workers_than_cores_or_articles_are_capped_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    result = build_corpus(REPO / "corpus" / "000_dd5084d8ba261f5c.txt", workers=1000)

    assert len(result.corpus.articles) == 1
    assert any("using 1 worker, not 1000" in r.getMessage() for r in caplog.records
               if r.levelname == "WARNING")


def test_an_article_over_its_time_budget_is_skipped_with_a_reason(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:

    from graphbuild import engine

    (tmp_path / "a.txt").write_text("Kenya will host a summit in Nairobi on Monday.")
    (tmp_path / "b.txt").write_text("Chile will attend the talks in Lima on Friday.")
    monkeypatch.setattr(engine, "ARTICLE_BUDGET_SECONDS", -1.0)  # always past
    result = build_corpus(tmp_path)

    assert result.corpus.articles == ()
    assert [(f.path, f.status, f.reason) for f in result.corpus.files] == [
        (f"{tmp_path.name}/a.txt", "skipped", "over the -1 s budget per article: skipped"),
        (f"{tmp_path.name}/b.txt", "skipped", "over the -1 s budget per article: skipped")]
    assert result.knowledge_graph.graph.number_of_edges() == 0


def test_an_article_within_its_budget_is_read_in_full(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya will host a summit in Nairobi on Monday.")
    result = build_corpus(tmp_path)

    assert [f.status for f in result.corpus.files] == ["read"]
    assert result.knowledge_graph.graph.number_of_edges() == 1
