"""``graphbuild query`` and ``graphbuild show``: the query API in the terminal.

Each command loads a graph with :func:`graphbuild.build.load`, asks one
:class:`graphbuild.query.KnowledgeGraph` method and formats the answer. Library
errors become one-line ``Error: ...`` messages in :class:`QueryCommand`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import click

from graphbuild.errors import (
    INTERRUPTED_EXIT_CODE,
    UNEXPECTED_EXIT_CODE,
    GraphbuildError,
    GraphFormatError,
)
from graphbuild.export.csv import cell
from graphbuild.export.flat import join_list
from graphbuild.lexicon import relation_names
from graphbuild.query import EntityDescription, EvidenceItem, KnowledgeGraph, Relation
from graphbuild.types import MODALITIES

GRAPH_HELP = ("GRAPH is a built graph (.json, .graphml, .gexf, nodes.csv or edges.csv), an "
              "outputs folder (its graph.json) or a corpus folder, which is built first.")

CSV_COLUMNS = ("subject", "subject_id", "relation", "object", "object_id", "negated",
               "modality", "confidence", "documents", "outlets", "disputed", "sources",
               "attributed_to", "role", "evidence", "evidence_outlet", "evidence_published")


class QueryCommand(click.Command):
    """A click command that reports :class:`GraphbuildError` as ``Error: <message>``.

    The one place library errors meet the terminal: click prints the message
    and exits with the error's status (1 for a plain ``GraphbuildError``).

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @click.command(cls=QueryCommand)
    ... def fails():
    ...     raise GraphbuildError('No entity named "Atlantis".')
    >>> result = CliRunner().invoke(fails)
    >>> result.exit_code, result.output.strip()
    (1, 'Error: No entity named "Atlantis".')
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, turning a :class:`GraphbuildError` into a ``ClickException``
        with the error's exit status, and any other error into one line too unless
        ``--debug`` asks for the traceback."""
        try:
            return super().invoke(ctx)
        except GraphbuildError as error:
            raise _failure(error.exit_code)(str(error)) from error
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see cli.main): one line, not a trace
            raise _failure(INTERRUPTED_EXIT_CODE)(
                "Interrupted; the previous outputs are unchanged") from None
        except Exception as error:
            if ctx.find_root().params.get("debug"):
                raise
            raise _failure(UNEXPECTED_EXIT_CODE)(
                f"{type(error).__name__}: {error} (run with --debug for the traceback)"
            ) from error


@cache
def _failure(exit_code: int) -> type[click.ClickException]:
    """A ``ClickException`` that exits with ``exit_code``."""
    return type(f"Failure{exit_code}", (click.ClickException,), {"exit_code": exit_code})


def _load(path: Path) -> KnowledgeGraph:
    # Imported here: build pulls in spaCy, which a query on a graph file never needs.
    from graphbuild.build import load

    return load(path)


graph_argument = click.argument(
    "graph", type=click.Path(exists=True, path_type=Path), metavar="GRAPH")


# Orders for ``query --sort``; Python's sort is stable, so ties keep the graph's order.
SORT_KEYS: dict[str, Callable[[Relation], Any]] = {
    "subject": lambda r: (r.subject.casefold(), r.relation, (r.object or "").casefold()),
    "relation": lambda r: (r.relation, r.subject.casefold(), (r.object or "").casefold()),
    "object": lambda r: ((r.object or "").casefold(), r.subject.casefold(), r.relation),
    "documents": lambda r: (-r.documents, -r.confidence),
    "confidence": lambda r: (-r.confidence, -r.documents),
}


@click.command("query", cls=QueryCommand, epilog=GRAPH_HELP)
@graph_argument
@click.option("--relation", "-r", metavar="NAME",
              help=f"Only this relation: {', '.join(relation_names())}.")
@click.option("--subject", "-s", metavar="NAME", help="Only relations of this entity (any alias).")
# No "-o" here: in ``build`` it names the output folder, and one letter means one thing.
@click.option("--object", "object_", metavar="NAME",
              help="Only relations to this entity (any alias).")
@click.option("--negated/--asserted", default=None,
              help="Only denied or only asserted relations [default: both].")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only this modality.")
@click.option("--min-documents", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only relations read in at least this many articles.")
@click.option("--sort", type=click.Choice(list(SORT_KEYS)), default=None,
              help="Order by subject, relation or object name, or best supported first "
                   "(documents, confidence) [default: the graph's order, by subject id].")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Show at most this many relations (after sorting).")
@click.option("--format", "format_", type=click.Choice(["table", "json", "csv"]),
              default="table", show_default=True, help="Output format.")
def query_command(graph: Path, relation: str | None, subject: str | None,
                  object_: str | None, negated: bool | None, modality: str | None,
                  min_documents: int, sort: str | None, limit: int | None,
                  format_: str) -> None:
    """List the relations in GRAPH that match every option given.

    \b
    Examples:
      graphbuild query outputs/graph.json --relation declines_troops
      graphbuild query outputs/graph.json --subject Britain --format json
      graphbuild query outputs/graph.json --sort documents --limit 10
      graphbuild query outputs --relation hosts
    """
    kg = _load(graph)
    relations = kg.relations(relation, subject=subject, object=object_, negated=negated,
                             modality=modality, min_documents=min_documents)
    if sort is not None:
        relations = sorted(relations, key=SORT_KEYS[sort])
    relations = relations[:limit]
    if format_ == "table" and not relations:
        if kg.graph.number_of_edges() and not kg.relation_types():
            raise GraphFormatError(
                f"{graph} has {kg.graph.number_of_edges()} edges but none carries a "
                "'relation' attribute: it was not written by graphbuild build")
        known = ", ".join(kg.relation_types()) or "none"
        click.echo(f"No relations match. Relations in this graph: {known}.")
        return
    click.echo(terminal_safe(FORMATTERS[format_](relations)), nl=False)


@click.command("show", cls=QueryCommand, epilog=GRAPH_HELP)
@graph_argument
@click.argument("name")
def show_command(graph: Path, name: str) -> None:
    """Show everything about the entity or meeting NAME (an id, label or alias).

    Relations are grouped by name, outgoing then incoming, each with its
    evidence sentences and the articles they come from.

    \b
    Example:
      graphbuild show outputs/graph.json "U.K."
    """
    click.echo(terminal_safe(format_description(_load(graph).describe(name))), nl=False)


# -- formatting --------------------------------------------------------------

def _verb(relation: Relation) -> str:
    return f"not {relation.relation}" if relation.negated else relation.relation


def _table(rows: Sequence[Sequence[str]], *, right: frozenset[int] = frozenset()) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.rjust(w) if i in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def format_table(relations: Sequence[Relation]) -> str:
    """One aligned row per relation: who, what, whom, how sure, and in how many articles
    and outlets it was read.

    Parameters
    ----------
    relations : sequence of Relation
        As returned by :meth:`KnowledgeGraph.relations`.

    Returns
    -------
    str
        The table and a count line, newline-terminated.

    Examples
    --------
    >>> print(format_table([_POLAND]), end="")
    SUBJECT  RELATION         OBJECT  MODALITY  CONFIDENCE  DOCS  OUTLETS  NOTE
    -------  ---------------  ------  --------  ----------  ----  -------  ----
    Poland   declines_troops  -       asserted        0.84     2        2
    1 relation
    """
    rows = [("SUBJECT", "RELATION", "OBJECT", "MODALITY", "CONFIDENCE", "DOCS", "OUTLETS",
             "NOTE")]
    rows += [(r.subject, _verb(r), r.object or "-", r.modality, f"{r.confidence:.2f}",
              str(r.documents), str(r.outlets), "disputed" if r.disputed else "")
             for r in relations]
    count = f"{len(relations)} relation{'' if len(relations) == 1 else 's'}\n"
    return _table(rows, right=frozenset({4, 5, 6})) + count


def format_json(relations: Sequence[Relation]) -> str:
    """The relations as a JSON list of objects, evidence included.

    Parameters
    ----------
    relations : sequence of Relation
        As returned by :meth:`KnowledgeGraph.relations`.

    Returns
    -------
    str
        Indented JSON, newline-terminated; ``object`` is ``null`` for
        relations without an object.

    Examples
    --------
    >>> json.loads(format_json([_POLAND]))[0]["evidence"][0]["sentence"]
    'Poland will not send troops.'
    """
    data = [dataclasses.asdict(r) for r in relations]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_csv(relations: Sequence[Relation]) -> str:
    """The relations as CSV; lists are ``"; "``-joined and evidence is the best sentence,
    with its article's outlet and publication date.

    Parameters
    ----------
    relations : sequence of Relation
        As returned by :meth:`KnowledgeGraph.relations`.

    Returns
    -------
    str
        A header row, then one row per relation (columns in ``CSV_COLUMNS``).

    Examples
    --------
    >>> rows = list(csv.DictReader(io.StringIO(format_csv([_POLAND]))))
    >>> rows[0]["sources"], rows[0]["object"], rows[0]["evidence"]
    ('a1; a2', '', 'Poland will not send troops.')
    >>> rows[0]["evidence_outlet"], rows[0]["evidence_published"]
    ('Reuters', '2025-04-02')
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in relations:
        row = {column: getattr(r, column) for column in CSV_COLUMNS
               if not column.startswith("evidence")}
        best = r.evidence[0] if r.evidence else EvidenceItem("", "", -1, -1)
        row.update(sources=join_list(r.sources), attributed_to=join_list(r.attributed_to),
                   evidence=best.sentence, evidence_outlet=best.outlet,
                   evidence_published=best.published)
        writer.writerow({k: "" if v is None else _spreadsheet_safe(v) for k, v in row.items()})
    return buffer.getvalue()


def _spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading ``'``, as in ``edges.csv``.

    >>> _spreadsheet_safe("=1+2"), _spreadsheet_safe("+cmd"), _spreadsheet_safe(0.5)
    ("'=1+2", "'+cmd", 0.5)
    """
    return cell(value) if isinstance(value, str) else value


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    r"""Control characters from file names and articles shown, never obeyed, by a terminal.

    >>> terminal_safe("Poland\x1b[31m red\n")
    'Poland\\x1b[31m red\n'
    """
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


_POLAND = Relation(  # the example in the docstrings above
    "Poland", "declines_troops", None, "country:poland", None, confidence=0.84, documents=2,
    outlets=2, sources=("a1", "a2"),
    evidence=(EvidenceItem("a1", "Poland will not send troops.", 0, 28, outlet="Reuters",
                           published="2025-04-02"),))

FORMATTERS: dict[str, Callable[[Sequence[Relation]], str]] = {
    "table": format_table, "json": format_json, "csv": format_csv}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _relation_lines(relation: Relation, *, incoming: bool) -> list[str]:
    other = relation.subject if incoming else (relation.object or "(no object)")
    details = [relation.modality, f"confidence {relation.confidence:.2f}",
               f"{_plural(relation.documents, 'article')}: {', '.join(relation.sources)}"]
    if any(item.outlet for item in relation.evidence):
        details.append(_plural(relation.outlets, "outlet"))
    if relation.disputed:
        details.append("disputed")
    if relation.role:
        details.append(f"role: {relation.role}")
    if relation.attributed_to:
        details.append(f"according to {', '.join(relation.attributed_to)}")
    lines = [f"    {'<-' if incoming else '->'} {other}  [{'; '.join(details)}]"]
    # Sentences keep the article's line breaks; one line each reads better here.
    lines += [f'       {_source(item)}: "{" ".join(item.sentence.split())}"'
              for item in relation.evidence]
    return lines


def _source(item: EvidenceItem) -> str:
    """The article of a piece of evidence, with its outlet and date where known.

    >>> _source(EvidenceItem("a1", "", 0, 0, outlet="Reuters", published="2025-04-02"))
    'a1 (Reuters, 2025-04-02)'
    >>> _source(EvidenceItem("a1", "", 0, 0))
    'a1'
    """
    known = ", ".join(filter(None, (item.outlet, item.published)))
    return f"{item.article} ({known})" if known else item.article


def _section(title: str, relations: Sequence[Relation], *, incoming: bool) -> list[str]:
    if not relations:
        return []
    lines = ["", title]
    groups: dict[str, list[Relation]] = {}
    for relation in relations:
        groups.setdefault(_verb(relation), []).append(relation)
    for verb, group in groups.items():
        lines.append(f"  {verb}")
        for relation in group:
            lines += _relation_lines(relation, incoming=incoming)
    return lines


def format_description(about: EntityDescription) -> str:
    """The entity's facts, then its relations grouped by name, each with evidence.

    Parameters
    ----------
    about : EntityDescription
        As returned by :meth:`KnowledgeGraph.describe`.

    Returns
    -------
    str
        Newline-terminated text for ``graphbuild show``.

    Examples
    --------
    >>> print(format_description(kg.describe("U.K.")).splitlines()[0])
    United Kingdom  (country, country:united-kingdom)
    """
    entity = about.entity
    lines = [f"{entity.label}  ({entity.type}, {entity.id})"]
    if entity.aliases:
        lines.append(f"aliases:  {', '.join(entity.aliases)}")
    if entity.roles:
        lines.append(f"roles:    {', '.join(entity.roles)}")
    lines.append(f"mentions: {entity.mentions} in {_plural(entity.documents, 'article')}: "
                 f"{', '.join(entity.sources)}")
    meeting = about.meeting
    if meeting is not None:
        when = meeting.date or ""
        if meeting.iso_date and meeting.iso_date != when:
            when = f"{when} ({meeting.iso_date})" if when else meeting.iso_date
        facts = [("date", when), ("venue", meeting.venue or ""),
                 ("hosts", ", ".join(meeting.hosts)), ("attend", ", ".join(meeting.attendees)),
                 ("do not attend", ", ".join(meeting.non_attendees)),
                 ("disputed", ", ".join(meeting.disputed))]
        lines += [f"{key}: {value}" for key, value in facts if value]
    lines += _section("Outgoing", about.outgoing, incoming=False)
    lines += _section("Incoming", about.incoming, incoming=True)
    if not about.outgoing and not about.incoming:
        lines += ["", "No relations."]
    return "\n".join(lines) + "\n"
