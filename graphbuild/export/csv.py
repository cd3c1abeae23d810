"""Two flat tables, ``nodes.csv`` and ``edges.csv``, for spreadsheets and bulk loaders.

Consumes the graph of :mod:`graphbuild.graph`; produces UTF-8 CSV (no BOM,
``\\n`` line ends, RFC 4180 quoting) with a header row. Nodes come first by id,
edges by ``(source, target, key)``. Contract columns keep their order, later
attributes follow sorted by name. Booleans are ``true``/``false``, missing
values empty. Native values are flattened as for the other scalar-only formats
(:mod:`graphbuild.export.flat`): lists of strings ``"; "``-joined, an
``evidence`` column with each edge's best sentence, each provenance entry with
its sentence (the tables have no place for the graph's sentence table); other
lists and dicts (``provenance``) are JSON.

Article text is untrusted and spreadsheets run cells that start with ``=``,
``+``, ``-``, ``@`` (or a tab or carriage return) as formulas, so such *text*
cells get a leading ``'`` unless ``spreadsheet_safe=False`` (numbers are never
touched).

:func:`read_csv` reads the two files back into the canonical graph as far as they
carry it: no graph attributes but the sentence table (rebuilt from the provenance
entries), no empty values (an empty cell is a missing value), and the columns outside
the contract as text.
"""

from __future__ import annotations

import contextlib
import csv
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from graphbuild.errors import GraphFormatError
from graphbuild.export._xml import clean, plain, to_json
from graphbuild.export.flat import EDGE_COLUMNS, Edge, Node, flatten, unflatten
from graphbuild.graph import NODE_ATTRIBUTES, SCALAR_ATTRIBUTES

log = logging.getLogger(__name__)

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_GUARD = "'"
#: The largest cell read: an edge's provenance, every sentence inline, runs to megabytes
#: on big corpora (the csv module stops at 128 KiB), yet a cell stays bounded.
MAX_CELL_CHARS = 64_000_000


def _ordered(present: Iterable[str], contract: Iterable[str],
             skip: Iterable[str] = ()) -> list[str]:
    names = set(present) - set(skip)
    first = [name for name in contract if name in names]
    return first + sorted(names.difference(first))


def cell(value: object, *, spreadsheet_safe: bool = True) -> str:
    """The CSV text of one attribute value.

    >>> cell(True), cell(None), cell(0.5), cell([{"a": 1}])
    ('true', '', '0.5', '[{"a":1}]')
    >>> cell("=HYPERLINK(1)"), cell("=x", spreadsheet_safe=False), cell(-1)
    ("'=HYPERLINK(1)", '=x', '-1')
    """
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        text = clean(value)
        if spreadsheet_safe and text.startswith(_FORMULA_START):
            return _FORMULA_GUARD + text
        return text
    return clean(to_json(value))


def write_csv(graph: nx.MultiDiGraph, directory: str | Path, *,
              spreadsheet_safe: bool = True) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``directory``; return both paths.

    ``nodes.csv`` starts ``id,label,type,...``; ``edges.csv`` starts
    ``source,target,key,relation,negated,confidence,documents,sources,evidence``.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="person"); g.add_node("b", label="B", type="country")
    >>> _ = g.add_edge("a", "b", key="hosts", relation="hosts", negated=False)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     nodes, edges = write_csv(g, tmp)
    ...     print(edges.read_text(), end="")
    source,target,key,relation,negated
    a,b,hosts,hosts,false
    """
    directory = Path(directory)
    nodes = sorted(graph.nodes(data=True), key=lambda item: str(item[0]))
    if graph.is_multigraph():
        edges = sorted(graph.edges(keys=True, data=True),
                       key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    else:
        edges = sorted(((u, v, "", d) for u, v, d in graph.edges(data=True)),
                       key=lambda e: (str(e[0]), str(e[1])))
    flat = flatten(graph, nodes, edges, inline_sentences=True)
    nodes, edges = flat.nodes, flat.edges

    node_columns = _ordered((k for _, d in nodes for k in d), NODE_ATTRIBUTES, skip=("id",))
    edge_columns = _ordered((k for *_, d in edges for k in d), EDGE_COLUMNS,
                            skip=("source", "target", "key"))
    node_path = directory / NODES_FILE
    edge_path = directory / EDGES_FILE

    def row(values: Iterable[object]) -> list[str]:
        return [cell(v, spreadsheet_safe=spreadsheet_safe) for v in values]

    with node_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", *node_columns])
        for node, data in nodes:
            writer.writerow(row([node, *(data.get(name) for name in node_columns)]))
    with edge_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target", "key", *edge_columns])
        for source, target, key, data in edges:
            writer.writerow(row([source, target, key, *(data.get(name) for name in edge_columns)]))
    log.debug("Wrote %d nodes to %s and %d edges to %s", len(nodes), node_path, len(edges),
              edge_path)
    return [node_path, edge_path]


def read_value(name: str, text: str) -> object:
    """The value of one cell of column ``name`` (``None`` for an empty cell).

    Undoes the formula guard :func:`cell` adds, and reads the contract's numbers and
    booleans by type; a guarded cell is text whatever its column. Lists and provenance
    stay text here: :func:`graphbuild.export.flat.unflatten` reads them.

    >>> read_value("label", "'=HYPERLINK(1)"), read_value("label", "'Tis"), read_value("cue", "")
    ('=HYPERLINK(1)', "'Tis", None)
    >>> read_value("documents", "2"), read_value("negated", "false"), read_value("label", "2")
    (2, False, '2')
    """
    if not text:
        return None
    if text.startswith(_FORMULA_GUARD) and text[1:].startswith(_FORMULA_START):
        return text[1:]
    kind = SCALAR_ATTRIBUTES.get(name)
    if kind is bool:
        if text not in ("true", "false"):
            raise ValueError(f"{name} is {text!r}, not true or false")
        return text == "true"
    if kind is None:
        return text
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"{name} is {text!r}, not a number") from None


@contextlib.contextmanager
def _cells_up_to(limit: int) -> Iterator[None]:
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _table(path: Path, key_columns: tuple[str, ...]) -> list[tuple[list[str], dict[str, object]]]:
    """The rows of one file: the key cells (ids) and the other cells read by column."""
    with path.open(encoding="utf-8", newline="") as handle, _cells_up_to(MAX_CELL_CHARS):
        rows = csv.reader(handle)
        header = next(rows, [])
        if tuple(header[:len(key_columns)]) != key_columns:
            raise ValueError(f"{path.name} does not start with the columns "
                             f"{','.join(key_columns)}")
        table = []
        for row in rows:
            if len(row) != len(header):
                raise ValueError(f"{path.name} line {rows.line_num} has {len(row)} cells, "
                                 f"not {len(header)}")
            keys = [str(read_value(name, text) or "") for name, text in
                    zip(key_columns, row, strict=False)]
            values = {name: read_value(name, text)
                      for name, text in zip(header, row, strict=True)
                      if name not in key_columns}
            table.append((keys, {n: v for n, v in values.items() if v is not None}))
        return table


def read_csv(path: str | Path) -> nx.MultiDiGraph:
    """Read ``nodes.csv`` and ``edges.csv`` (given either file or their folder) back into
    the canonical graph, as far as they carry it.

    Lists are split as :mod:`graphbuild.export.flat` joined them, provenance entries
    give back the ``sentences`` table, the derived ``evidence`` column is dropped, the
    formula guard of :func:`cell` is undone, and numbers and booleans of the contract
    get their types. CSV does not carry the other graph attributes (``articles``,
    ``model``), cannot tell an empty value (``""``, ``[]``) from a missing one, so
    both read as missing, and has no types: columns outside the contract stay text.

    Raises
    ------
    GraphFormatError
        A file is missing or not as :func:`write_csv` writes it.

    Examples
    --------
    >>> import tempfile, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="=A", aliases=["A", "Ay"], mentions=2)
    >>> _ = g.add_edge("a", "a", key="hosts", relation="hosts", negated=False)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = read_csv(write_csv(g, tmp)[1])
    >>> dict(back.nodes(data=True))
    {'a': {'label': '=A', 'aliases': ['A', 'Ay'], 'mentions': 2}}
    >>> list(back.edges(keys=True, data=True))
    [('a', 'a', 'hosts', {'relation': 'hosts', 'negated': False})]
    """
    path = Path(path)
    if not path.is_dir() and path.name not in (NODES_FILE, EDGES_FILE):
        raise GraphFormatError(f"Cannot read CSV {path}: graphbuild reads {NODES_FILE} and "
                               f"{EDGES_FILE}, side by side in one folder")
    folder = path if path.is_dir() else path.parent
    try:
        nodes: list[Node] = [(node, data) for (node,), data in
                             _table(folder / NODES_FILE, ("id",))]
        edges: list[Edge] = [(source, target, key, data) for (source, target, key), data in
                             _table(folder / EDGES_FILE, ("source", "target", "key"))]
        return unflatten(nodes, edges)
    except (OSError, csv.Error, ValueError, TypeError) as error:
        raise GraphFormatError(f"Cannot read CSV {folder}: {error}") from error
