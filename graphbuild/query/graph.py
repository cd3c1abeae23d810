"""The query API's entry point, :class:`KnowledgeGraph`.

The class is built up in layers, one concern and one module each, every layer a subclass
of the one before: look-up by name (:mod:`.lookup`), relations and meetings
(:mod:`.relations`), neighbours and paths (:mod:`.traversal`). This module adds subgraphs,
conversion to files, networkx and pandas, and the overview.
"""

from __future__ import annotations

import copy
import html
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graphbuild.errors import GraphbuildError, GraphFormatError
from graphbuild.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES
from graphbuild.query.records import GraphSummary
from graphbuild.query.summary import plural
from graphbuild.query.traversal import GraphTraversal
from graphbuild.query.values import as_int

if TYPE_CHECKING:
    import pandas as pd

# Entities listed in the notebook summary (_repr_html_), most mentioned first.
_REPR_ROWS = 10


class KnowledgeGraph(GraphTraversal):
    """Read-only query API over a graphbuild ``MultiDiGraph``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A graph that follows the contract in :mod:`graphbuild.graph`. It is
        wrapped, not copied: do not change it while querying.

    Examples
    --------
    >>> kg.entity("Britain").label
    'United Kingdom'
    >>> len(kg) > 0
    True
    """

    def subgraph(self, names: str | Iterable[str], *, depth: int = 1) -> KnowledgeGraph:
        """The entities within ``depth`` steps of ``names`` and every edge among them.

        Parameters
        ----------
        names : str or iterable of str
            One or more names of entities.
        depth : int, default 1
            Steps to follow, in either direction; 0 keeps only the named entities.

        Returns
        -------
        KnowledgeGraph
            A new graph on a copy; the article list is kept whole.

        Examples
        --------
        >>> around = kg.subgraph("Poland", depth=1)
        >>> "Poland" in around and len(around) <= len(kg)
        True
        """
        if isinstance(names, str):
            names = [names]
        frontier = {self._resolve(name) for name in names}
        keep = set(frontier)
        for _ in range(depth):
            frontier = {n for node in frontier for n in self._undirected_neighbors(node)} - keep
            keep |= frontier
        # Copy so the new graph shares no attribute values with this one.
        graph = copy.deepcopy(self.graph.subgraph(keep).copy())
        return KnowledgeGraph(graph)

    # -- conversion ------------------------------------------------------

    def write(self, path: str | Path, *, formats: str | Iterable[str] | None = None,
              max_nodes: int | None = None) -> list[Path]:
        """Write the graph as ``build`` does: to one file, or to a folder in several formats.

        Parameters
        ----------
        path : str or Path
            A ``.html``, ``.graphml``, ``.gexf`` or ``.json`` file, written in the format
            its suffix names; or a folder (no suffix), which receives ``graph.html``,
            ``graph.graphml``, ``graph.gexf``, ``graph.json``, ``nodes.csv`` and
            ``edges.csv``, or only the ``formats`` named.
        formats : str or iterable of str, optional
            For a folder: ``"html"``, ``"graphml"``, ``"gexf"``, ``"json"``, ``"csv"``.
        max_nodes : int, optional
            Above this many nodes the page shows the most connected part (default 500).

        Returns
        -------
        list of Path
            The files written.

        Raises
        ------
        GraphFormatError
            For an unknown format, or ``formats`` given with a file.

        Examples
        --------
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> [p.name for p in kg.subgraph("Poland").write(Path(folder) / "poland.json")]
        ['poland.json']
        >>> [p.name for p in kg.subgraph("Poland").write(folder, formats="csv")]
        ['nodes.csv', 'edges.csv']
        """
        from graphbuild.export import DEFAULT_FORMATS, DEFAULT_MAX_NODES, write_file, write_outputs

        target = Path(path)
        limit = max_nodes or DEFAULT_MAX_NODES
        if not target.suffix:
            chosen = DEFAULT_FORMATS if formats is None else formats
            return write_outputs(self.graph, target, chosen, max_nodes=limit)
        if formats is not None:
            raise GraphFormatError(f'"{path}" is a file: its suffix names the format; give a '
                                   "folder to write several formats")
        return [write_file(self.graph, target, max_nodes=limit)]

    def to_networkx(self) -> nx.MultiDiGraph:
        """A deep copy of the wrapped graph, safe to change.

        Examples
        --------
        >>> clone = kg.to_networkx()
        >>> clone.number_of_nodes() == kg.graph.number_of_nodes() and clone is not kg.graph
        True
        """
        return copy.deepcopy(self.graph)

    def to_pandas(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Nodes and edges as two DataFrames (needs the ``pandas`` extra).

        The nodes frame has one row per entity (``id`` plus the node
        attributes), the edges frame one row per relation (``subject``,
        ``object``, ``key``, the ``subject_label`` and ``object_label`` a reader
        wants beside the ids, plus the edge attributes; ``provenance`` stays a
        list of dicts).

        Returns
        -------
        (pandas.DataFrame, pandas.DataFrame)

        Raises
        ------
        GraphbuildError
            pandas is not installed.

        Examples
        --------
        >>> nodes, edges = kg.to_pandas()
        >>> len(nodes) == len(kg) and {"subject", "relation", "object"} <= set(edges.columns)
        True
        >>> edges.loc[edges.relation == "declines_troops", "subject_label"].tolist()
        ['Greece', 'Poland']
        """
        try:
            import pandas as pd
        except ImportError as error:
            raise GraphbuildError(
                'pandas is not installed. Install it with: pip install "graphbuild[pandas]"'
            ) from error
        node_columns = ["id", *NODE_ATTRIBUTES]
        nodes = pd.DataFrame(
            [{"id": n, **{c: d.get(c) for c in NODE_ATTRIBUTES}}
             for n, d in self.graph.nodes(data=True)],
            columns=node_columns,
        )
        edge_columns = ["subject", "object", "key", "subject_label", "object_label",
                        *EDGE_ATTRIBUTES]
        labels = {n: d.get("label", n) for n, d in self.graph.nodes(data=True)}
        edges = pd.DataFrame(
            [{"subject": u, "object": v, "key": k, "subject_label": labels[u],
              "object_label": labels[v], **{c: d.get(c) for c in EDGE_ATTRIBUTES}}
             for u, v, k, d in self.graph.edges(keys=True, data=True)],
            columns=edge_columns,
        )
        return nodes, edges

    # -- overview --------------------------------------------------------

    def summary(self) -> GraphSummary:
        """Counts of entities by type and relations by type.

        Returns
        -------
        GraphSummary
            Render it with :func:`format_summary`.

        Examples
        --------
        >>> summary = kg.summary()
        >>> summary.entities == len(kg)
        True
        >>> dict(summary.entities_by_type)["country"] >= 9
        True
        """
        types = Counter(str(d.get("type") or "") for _, d in self.graph.nodes(data=True))
        relations = Counter(str(d.get("relation") or "") for _, _, d in self._edges())
        return GraphSummary(
            articles=len(self.articles),
            entities=self.graph.number_of_nodes(),
            relations=self.graph.number_of_edges(),
            entities_by_type=tuple(sorted(types.items())),
            relations_by_type=tuple(sorted(relations.items())),
            model=str(self.graph.graph.get("model") or ""),
        )

    def _repr_html_(self) -> str:
        """A compact summary for Jupyter: counts, and the most mentioned entities.

        Examples
        --------
        >>> kg.subgraph("Poland", depth=0)._repr_html_().startswith("<div")
        True
        """
        summary = self.summary()
        shown = sorted(self.graph.nodes(data=True), key=lambda item: (
            -as_int(item[1].get("mentions")), str(item[1].get("label") or item[0])))
        rows = "".join(
            f"<tr><td>{html.escape(str(data.get('label') or node))}</td>"
            f"<td>{html.escape(str(data.get('type') or ''))}</td>"
            f"<td>{as_int(data.get('mentions'))}</td>"
            f"<td>{self.graph.degree(node)}</td></tr>"
            for node, data in shown[:_REPR_ROWS])
        more = len(shown) - _REPR_ROWS
        relations = ", ".join(f"{html.escape(name)} {count}"
                              for name, count in summary.relations_by_type)
        return (f"<div><p><b>KnowledgeGraph</b>: {plural(summary.entities, 'entity')}, "
                f"{plural(summary.relations, 'relation')}, "
                f"{plural(summary.articles, 'article')}</p>"
                + (f"<p>relations: {relations}</p>" if relations else "")
                + "<table><thead><tr><th>entity</th><th>type</th><th>mentions</th>"
                "<th>relations</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
                + (f"<p>and {plural(more, 'more entity')}</p>" if more > 0 else "")
                + "</div>")

    def __repr__(self) -> str:
        """Counts at a glance.

        Examples
        --------
        >>> repr(kg).startswith("<KnowledgeGraph ")
        True
        """
        return (f"<KnowledgeGraph {self.graph.number_of_nodes()} entities, "
                f"{self.graph.number_of_edges()} relations, {len(self.articles)} articles>")
