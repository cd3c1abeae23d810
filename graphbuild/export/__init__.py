"""Exporters: one module per format, and :func:`write_outputs` to write several at once.

Every writer consumes the ``MultiDiGraph`` of :mod:`graphbuild.graph` and
writes only its target file(s). None of them changes the graph, opens a
browser or prints. :data:`FORMATS` maps a format name to the files it writes
and the function that writes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphbuild import heap
from graphbuild.errors import GraphFormatError
from graphbuild.export._parallel import write_all
from graphbuild.export.html import DEFAULT_MAX_NODES
from graphbuild.export.layout import LayoutStore, Positions, compute_layout

log = logging.getLogger(__name__)

DEFAULT_FORMATS = ("html", "graphml", "gexf", "json", "csv")


@dataclass(frozen=True)
class _Options:
    positions: Positions
    max_nodes: int


def _html(graph: nx.MultiDiGraph, path: Path, options: _Options) -> list[Path]:
    from graphbuild.export.html import write_html

    write_html(graph, path, max_nodes=options.max_nodes, positions=options.positions)
    return [path]


def _graphml(graph: nx.MultiDiGraph, path: Path, options: _Options) -> list[Path]:
    from graphbuild.export.graphml import write_graphml

    write_graphml(graph, path, positions=options.positions)
    return [path]


def _gexf(graph: nx.MultiDiGraph, path: Path, options: _Options) -> list[Path]:
    from graphbuild.export.gexf import write_gexf

    write_gexf(graph, path, positions=options.positions)
    return [path]


def _json(graph: nx.MultiDiGraph, path: Path, options: _Options) -> list[Path]:
    from graphbuild.export.json import write_json

    write_json(graph, path)
    return [path]


def _csv(graph: nx.MultiDiGraph, directory: Path, options: _Options) -> list[Path]:
    from graphbuild.export.csv import write_csv

    return write_csv(graph, directory)


@dataclass(frozen=True)
class Format:
    """An output format: the file names it writes and the writer, which is given the file
    to write, or the folder when the format writes several files."""

    name: str
    files: tuple[str, ...]
    write: Callable[[nx.MultiDiGraph, Path, _Options], list[Path]]
    needs_layout: bool = False


FORMATS: dict[str, Format] = {
    "html": Format("html", ("graph.html",), _html, needs_layout=True),
    "graphml": Format("graphml", ("graph.graphml",), _graphml, needs_layout=True),
    "gexf": Format("gexf", ("graph.gexf",), _gexf, needs_layout=True),
    "json": Format("json", ("graph.json",), _json),
    "csv": Format("csv", ("nodes.csv", "edges.csv"), _csv),
}


def resolve_formats(formats: Iterable[str]) -> list[Format]:
    """Look up format names (case-insensitive, duplicates dropped).

    >>> [f.name for f in resolve_formats(["GraphML", "csv", "graphml"])]
    ['graphml', 'csv']
    >>> try:
    ...     resolve_formats(["png"])
    ... except GraphFormatError as error:
    ...     print(error)
    Unknown output format "png". Choose from: html, graphml, gexf, json, csv
    """
    if isinstance(formats, str):
        formats = [formats]
    chosen: dict[str, Format] = {}
    for name in formats:
        key = str(name).strip().lower()
        if key not in FORMATS:
            raise GraphFormatError(
                f'Unknown output format "{name}". Choose from: {", ".join(FORMATS)}')
        chosen.setdefault(key, FORMATS[key])
    return list(chosen.values())


def write_outputs(graph: nx.MultiDiGraph, directory: str | Path,
                  formats: Iterable[str] = DEFAULT_FORMATS, *,
                  max_nodes: int = DEFAULT_MAX_NODES,
                  layouts: LayoutStore | None = None) -> list[Path]:
    """Write ``graph`` in each format into ``directory`` (created if missing).

    The layout is computed once and shared, so the HTML page, GraphML and GEXF
    place every node at the same position.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph from :func:`graphbuild.graph.build_graph`; it is not modified.
    directory : str or Path
        Output directory: ``graph.html``, ``graph.graphml``, ``graph.gexf``,
        ``graph.json``, ``nodes.csv`` and ``edges.csv`` are written there.
    formats : iterable of str
        Names from :data:`FORMATS`.
    max_nodes : int
        Above this many nodes the HTML page draws the best-connected part.
    layouts : LayoutStore, optional
        Where laid-out components are kept between builds (the build's cache).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Raises
    ------
    GraphFormatError
        For an unknown format name, before anything is written.
    """
    chosen = resolve_formats(formats)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with heap.held():  # the graph and the layout outlive every writer
        heap.settle()
        positions = compute_layout(graph, store=layouts) \
            if any(f.needs_layout for f in chosen) else {}
        options = _Options(positions=positions, max_nodes=max_nodes)

        def write(fmt: Format) -> list[Path]:
            heap.settle()
            target = directory / fmt.files[0] if len(fmt.files) == 1 else directory
            paths = fmt.write(graph, target, options)
            log.info("Wrote %s: %s", fmt.name, ", ".join(str(p) for p in paths))
            return paths

        # Two processes share the formats out when a second core is there (_parallel).
        return write_all(chosen, [fmt.name for fmt in chosen], write)


def write_file(graph: nx.MultiDiGraph, path: str | Path, *,
               max_nodes: int = DEFAULT_MAX_NODES) -> Path:
    """Write ``graph`` to one file, in the format its suffix names.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph to write; it is not modified.
    path : str or Path
        A ``.html``, ``.graphml``, ``.gexf`` or ``.json`` file (its folder is created).
    max_nodes : int
        Above this many nodes the HTML page shows the most connected part.

    Raises
    ------
    GraphFormatError
        When the suffix names no single-file format.
    """
    path = Path(path)
    single = {f".{f.name}": f for f in FORMATS.values() if len(f.files) == 1}
    fmt = single.get(path.suffix.lower())
    if fmt is None:
        raise GraphFormatError(
            f'Cannot tell the format of "{path}": name a {", ".join(single)} file, or a '
            "folder to write every format into")
    path.parent.mkdir(parents=True, exist_ok=True)
    positions = compute_layout(graph) if fmt.needs_layout else {}
    fmt.write(graph, path, _Options(positions=positions, max_nodes=max_nodes))
    return path


__all__ = ["DEFAULT_FORMATS", "DEFAULT_MAX_NODES", "FORMATS", "Format", "resolve_formats",
           "write_file", "write_outputs"]
