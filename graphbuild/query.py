"""Query a built graph from Python: entities, meetings, relations, paths.

Consumes the ``MultiDiGraph`` produced by :func:`graphbuild.graph.build_graph`
(or read back by an exporter's reader) and produces frozen records
(:class:`EntityRecord`, :class:`Meeting`, :class:`Relation`,
:class:`EvidenceItem`, :class:`GraphSummary`). It never changes the graph it
wraps and needs no spaCy model.

The examples run against the sample build, ``outputs/graph.json``, loaded as
``kg`` by the repository's root ``conftest.py``.
"""

from __future__ import annotations

import copy
import datetime
import html
import logging
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rapidfuzz import fuzz, process

from graphbuild.errors import GraphbuildError, GraphFormatError, UnknownEntityError
from graphbuild.export.flat import join_list
from graphbuild.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, sentence, strings
from graphbuild.names import normalise_name

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

SUGGESTION_CUTOFF = 70.0
"""Minimum rapidfuzz ``WRatio`` score for a name to be suggested."""
MAX_SUGGESTIONS = 3
# Entities listed in the notebook summary (_repr_html_), most mentioned first.
_REPR_ROWS = 10

_EdgeData = dict[str, Any]


@dataclass(frozen=True)
class EntityRecord:
    """One node of the graph: a person, country, organization, meeting or location."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    documents: int = 0
    sources: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    date: str | None = None
    venue: str | None = None
    iso_date: str | None = None


@dataclass(frozen=True)
class EvidenceItem:
    """One sentence that supports a relation; offsets index the article text.

    ``outlet`` and ``published`` (ISO ``YYYY-MM-DD``) are the article's, empty when
    unknown.
    """

    article: str
    sentence: str
    start: int
    end: int
    cue: str = ""
    outlet: str = ""
    published: str = ""


@dataclass(frozen=True)
class Relation:
    """One edge: ``subject relation object`` with its polarity and evidence.

    ``subject`` and ``object`` are labels and ``subject_id``/``object_id`` node
    ids. ``object`` is ``None`` for relations without an object (such as
    ``declines_troops``), which the graph stores as a self-loop. ``evidence``
    holds every supporting sentence, the edge's best one first. ``role`` is the
    edge's roles joined with ``"; "`` (usually one).
    """

    subject: str
    relation: str
    object: str | None
    subject_id: str
    object_id: str | None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.0
    documents: int = 0
    outlets: int = 0
    sources: tuple[str, ...] = ()
    disputed: bool = False
    attributed_to: tuple[str, ...] = ()
    role: str | None = None
    evidence: tuple[EvidenceItem, ...] = ()

    def __str__(self) -> str:
        verb = f"not {self.relation}" if self.negated else self.relation
        return " ".join(part for part in (self.subject, verb, self.object) if part)


@dataclass(frozen=True)
class Meeting:
    """A meeting node with who hosts it, who attends and who stays away.

    ``date`` is as written ("Thursday"), ``iso_date`` the day it names
    (``YYYY-MM-DD``), when the articles' publication dates allow. ``disputed``
    lists the countries and people that some articles say attend and others say
    do not; they appear in both ``attendees`` and ``non_attendees``.
    """

    id: str
    label: str
    date: str | None
    venue: str | None
    hosts: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()
    non_attendees: tuple[str, ...] = ()
    disputed: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    iso_date: str | None = None


@dataclass(frozen=True)
class EntityDescription:
    """Everything about one entity: its record, its edges and, for meetings, who attends."""

    entity: EntityRecord
    outgoing: tuple[Relation, ...] = ()
    incoming: tuple[Relation, ...] = ()
    meeting: Meeting | None = None


@dataclass(frozen=True)
class GraphSummary:
    """Counts of entities by type and relations by type, sorted by name."""

    articles: int
    entities: int
    relations: int
    entities_by_type: tuple[tuple[str, int], ...] = ()
    relations_by_type: tuple[tuple[str, int], ...] = ()
    model: str = ""


def meeting_lines(meetings: Iterable[Meeting]) -> list[str]:
    """Meeting labels, each one told apart from the meetings of the same label by its day,
    else its node id: a list of "Summit" twice says nothing.

    >>> meeting_lines([Meeting("meeting:summit", "Summit", None, None, iso_date="2025-04-03"),
    ...                Meeting("meeting:summit-2", "Summit", None, None),
    ...                Meeting("meeting:talks", "Talks", None, None)])
    ['Summit [2025-04-03]', 'Summit [meeting:summit-2]', 'Talks']
    """
    listed = list(meetings)
    twins = Counter(m.label for m in listed)
    days = Counter((m.label, m.iso_date) for m in listed)
    lines = []
    for meeting in listed:
        if twins[meeting.label] == 1:
            lines.append(meeting.label)
        elif meeting.iso_date and days[(meeting.label, meeting.iso_date)] == 1:
            lines.append(f"{meeting.label} [{meeting.iso_date}]")
        else:
            lines.append(f"{meeting.label} [{meeting.id}]")
    return lines


def format_summary(summary: GraphSummary) -> str:
    """Render a :class:`GraphSummary` as a few lines of plain text.

    Parameters
    ----------
    summary : GraphSummary
        Counts from :meth:`KnowledgeGraph.summary`.

    Returns
    -------
    str
        Text without a trailing newline.

    Examples
    --------
    >>> print(format_summary(GraphSummary(2, 3, 1, (("country", 2), ("meeting", 1)),
    ...                                   (("hosts", 1),))))
    2 articles, 3 entities, 1 relation
    entities:  country 2, meeting 1
    relations: hosts 1
    """
    def counts(pairs: tuple[tuple[str, int], ...]) -> str:
        return ", ".join(f"{name} {count}" for name, count in pairs) or "none"

    return "\n".join([
        ", ".join([_plural(summary.articles, "article"), _plural(summary.entities, "entity"),
                   _plural(summary.relations, "relation")]),
        f"entities:  {counts(summary.entities_by_type)}",
        f"relations: {counts(summary.relations_by_type)}",
    ])


class KnowledgeGraph:
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

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._index = self._build_index()
        self._articles = {str(a.get("id")): a for a in self.articles if isinstance(a, dict)}

    # -- look-up ---------------------------------------------------------

    def _build_index(self) -> dict[str, list[tuple[int, str, str]]]:
        """Normalised name -> [(rank, node id, name as written)]; rank 0 is the id."""
        index: dict[str, list[tuple[int, str, str]]] = {}
        for node, data in self.graph.nodes(data=True):
            names = [(0, str(node)), (1, str(data.get("label") or node))]
            names += [(2, alias) for alias in strings(data.get("aliases"))]
            for rank, name in names:
                key = normalise_name(name)
                if key:
                    index.setdefault(key, []).append((rank, str(node), name))
        return index

    def _resolve(self, name: str) -> str:
        matches = self._index.get(normalise_name(name))
        if not matches:
            raise UnknownEntityError(self._unknown_message(name))
        # An alias shared by several nodes ("the summit") goes to the node
        # named that way most directly, then to the most mentioned one.
        rank, node, _ = min(
            matches,
            key=lambda m: (m[0], -_as_int(self.graph.nodes[m[1]].get("mentions")), m[1]),
        )
        if len({m[1] for m in matches}) > 1:
            logger.debug("%r matches several entities; using %s", name, node)
        return node

    def _unknown_message(self, name: str) -> str:
        found = process.extract(normalise_name(name), list(self._index),
                                scorer=fuzz.WRatio, score_cutoff=SUGGESTION_CUTOFF, limit=20)
        suggestions: dict[str, str] = {}
        for key, _score, _position in found:
            rank, node, written = min(self._index[key])
            label = str(self.graph.nodes[node].get("label") or node)
            shown = label if rank != 2 or written == label else f"{written} ({label})"
            suggestions.setdefault(node, shown)
        message = f'No entity named "{name}".'
        if suggestions:
            names = list(suggestions.values())[:MAX_SUGGESTIONS]
            message += f" Did you mean: {', '.join(names)}?"
        return message

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` is the id, label or an alias of an entity.

        Examples
        --------
        >>> "U.K." in kg
        True
        >>> "Atlantis" in kg
        False
        """
        return isinstance(name, str) and normalise_name(name) in self._index

    def entity(self, name: str) -> EntityRecord:
        """Find an entity by id, label or alias.

        Matching ignores case, accents, dots and a leading "the". When an
        alias belongs to several entities, an exact id beats a label, a label
        beats an alias, and then the most mentioned entity wins.

        Parameters
        ----------
        name : str
            ``"country:united-kingdom"``, ``"United Kingdom"``, ``"U.K."``...

        Returns
        -------
        EntityRecord

        Raises
        ------
        UnknownEntityError
            No entity has that name; the message suggests the closest names.

        Examples
        --------
        >>> kg.entity("U.K.") == kg.entity("British") == kg.entity("Britain")
        True
        >>> kg.entity("the united kingdom").id
        'country:united-kingdom'
        >>> kg.entity("Britian")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphbuild.errors.UnknownEntityError: No entity named "Britian". Did you mean: ...
        """
        return self._record(self._resolve(name))

    def _record(self, node: str) -> EntityRecord:
        data = self.graph.nodes[node]
        is_meeting = data.get("type") == "meeting"
        return EntityRecord(
            id=str(node),
            label=str(data.get("label") or node),
            type=str(data.get("type") or ""),
            aliases=tuple(strings(data.get("aliases"))),
            mentions=_as_int(data.get("mentions")),
            documents=_as_int(data.get("documents")),
            sources=tuple(strings(data.get("sources"))),
            roles=tuple(strings(data.get("roles"))),
            date=(data.get("date") or None) if is_meeting else None,
            venue=(data.get("venue") or None) if is_meeting else None,
            iso_date=(data.get("iso_date") or None) if is_meeting else None,
        )

    def entities(self, type: str | None = None) -> list[EntityRecord]:
        """All entities, optionally of one type, sorted by type then label.

        Parameters
        ----------
        type : str, optional
            ``"person"``, ``"country"``, ``"organization"``, ``"meeting"`` or
            ``"location"``.

        Returns
        -------
        list of EntityRecord

        Examples
        --------
        >>> countries = {e.label for e in kg.entities(type="country")}
        >>> {"France", "Germany", "Poland", "Greece", "Turkey"} <= countries
        True
        """
        records = [self._record(node) for node, data in self.graph.nodes(data=True)
                   if type is None or data.get("type") == type]
        return sorted(records, key=lambda r: (r.type, r.label.casefold(), r.id))

    # -- relations -------------------------------------------------------

    def _relation(self, subject: str, target: str, data: _EdgeData) -> Relation:
        nodes = self.graph.nodes
        has_object = subject != target
        role = join_list(strings(data.get("role")))
        sources = tuple(strings(data.get("sources")))
        return Relation(
            subject=str(nodes[subject].get("label") or subject),
            relation=str(data.get("relation") or ""),
            object=str(nodes[target].get("label") or target) if has_object else None,
            subject_id=str(subject),
            object_id=str(target) if has_object else None,
            negated=_as_bool(data.get("negated")),
            modality=str(data.get("modality") or "asserted"),
            confidence=float(data.get("confidence") or 0.0),
            documents=_as_int(data.get("documents")) or len(sources),
            outlets=_as_int(data.get("outlets")),
            sources=sources,
            disputed=_as_bool(data.get("disputed")),
            attributed_to=tuple(strings(data.get("attributed_to"))),
            role=role or None,
            evidence=_evidence(self.graph, data, self._articles),
        )

    def _edges(self) -> Iterator[tuple[str, str, _EdgeData]]:
        yield from self.graph.edges(data=True)

    def relations(
        self,
        relation: str | None = None,
        *,
        subject: str | None = None,
        object: str | None = None,
        negated: bool | None = None,
        modality: str | None = None,
        min_documents: int = 1,
    ) -> list[Relation]:
        """Edges that match every filter given, sorted by subject, relation, object.

        Parameters
        ----------
        relation : str, optional
            ``"hosts"``, ``"attends"``, ``"declines_troops"``...
        subject, object : str, optional
            Any name of an entity (see :meth:`entity`).
        negated : bool, optional
            ``True`` for denied relations only, ``False`` for asserted only.
        modality : str, optional
            ``"asserted"``, ``"planned"``, ``"expected"`` or ``"reported"``.
        min_documents : int, default 1
            Keep edges read in at least this many articles.

        Returns
        -------
        list of Relation

        Raises
        ------
        UnknownEntityError
            ``subject`` or ``object`` names no entity.

        Examples
        --------
        >>> {"Poland", "Greece"} <= {r.subject for r in kg.relations("declines_troops")}
        True
        >>> any(r.relation == "hosts" for r in kg.relations(subject="Macron"))
        True
        """
        subject_id = self._resolve(subject) if subject is not None else None
        object_id = self._resolve(object) if object is not None else None
        found = []
        for source, target, data in self._edges():
            record = self._relation(source, target, data)
            if ((relation is None or record.relation == relation)
                    and (subject_id is None or source == subject_id)
                    and (object_id is None or record.object_id == object_id)
                    and (negated is None or record.negated == negated)
                    and (modality is None or record.modality == modality)
                    and record.documents >= min_documents):
                found.append(record)
        return sorted(found, key=_relation_order)

    def relation_types(self) -> list[str]:
        """The relation names present in the graph, sorted.

        Examples
        --------
        >>> {"hosts", "attends", "declines_troops"} <= set(kg.relation_types())
        True
        """
        return sorted({str(data.get("relation") or "") for _, _, data in self._edges()} - {""})

    def meetings(self, *, since: str | datetime.date | None = None,
                 until: str | datetime.date | None = None) -> list[Meeting]:
        """Every meeting with its hosts, attendees and non-attendees (by label).

        Parameters
        ----------
        since, until : str or datetime.date, optional
            Keep meetings whose ``iso_date`` is on or after ``since`` and on or before
            ``until`` (ISO ``"YYYY-MM-DD"`` strings or dates). With either bound,
            meetings without an ``iso_date`` are left out.

        Returns
        -------
        list of Meeting
            Sorted by label.

        Raises
        ------
        GraphbuildError
            ``since`` or ``until`` is not an ISO date.

        Examples
        --------
        >>> "United States" in {name for m in kg.meetings() for name in m.non_attendees}
        True
        >>> kg.meetings(since="3000-01-01")
        []
        """
        first, last = _bound("since", since), _bound("until", until)
        meetings = [self._meeting(record.id) for record in self.entities(type="meeting")]
        if first is None and last is None:
            return meetings
        return [m for m in meetings if m.iso_date and (first is None or m.iso_date >= first)
                and (last is None or m.iso_date <= last)]

    def _meeting(self, node: str) -> Meeting:
        record = self._record(node)
        hosts: list[str] = []
        attendees: list[str] = []
        non_attendees: list[str] = []
        for source, _, data in self.graph.in_edges(node, data=True):
            label = str(self.graph.nodes[source].get("label") or source)
            relation = data.get("relation")
            if relation == "hosts" and not _as_bool(data.get("negated")):
                hosts.append(label)
            elif relation == "attends":
                (non_attendees if _as_bool(data.get("negated")) else attendees).append(label)
        return Meeting(
            id=record.id,
            label=record.label,
            date=record.date,
            venue=record.venue,
            hosts=_sorted_names(hosts),
            attendees=_sorted_names(attendees),
            non_attendees=_sorted_names(non_attendees),
            disputed=_sorted_names(set(attendees) & set(non_attendees)),
            sources=record.sources,
            iso_date=record.iso_date,
        )

    def describe(self, name: str) -> EntityDescription:
        """One entity with its outgoing and incoming relations (and attendance for meetings).

        Relations without an object count as outgoing.

        Parameters
        ----------
        name : str
            Any name of the entity.

        Returns
        -------
        EntityDescription

        Examples
        --------
        >>> about = kg.describe("Macron")
        >>> about.entity.id
        'person:emmanuel-macron'
        >>> "hosts" in {r.relation for r in about.outgoing}
        True
        """
        node = self._resolve(name)
        outgoing = [self._relation(node, target, data)
                    for _, target, data in self.graph.out_edges(node, data=True)]
        incoming = [self._relation(source, node, data)
                    for source, _, data in self.graph.in_edges(node, data=True)
                    if source != node]
        record = self._record(node)
        return EntityDescription(
            entity=record,
            outgoing=tuple(sorted(outgoing, key=_relation_order)),
            incoming=tuple(sorted(incoming, key=_relation_order)),
            meeting=self._meeting(node) if record.type == "meeting" else None,
        )

    # -- structure -------------------------------------------------------

    def _undirected_neighbors(self, node: str, relation: str | None = None) -> list[str]:
        found = set()
        for source, target, data in [*self.graph.out_edges(node, data=True),
                                     *self.graph.in_edges(node, data=True)]:
            if relation is None or data.get("relation") == relation:
                found.add(target if source == node else source)
        found.discard(node)
        return sorted(found)

    def neighbors(self, name: str, relation: str | None = None) -> list[EntityRecord]:
        """Entities joined to ``name`` by an edge in either direction.

        Parameters
        ----------
        name : str
            Any name of the entity.
        relation : str, optional
            Follow only edges of this relation.

        Returns
        -------
        list of EntityRecord
            Sorted by type then label.

        Examples
        --------
        >>> all(e.type == "meeting" for e in kg.neighbors("Macron", relation="hosts"))
        True
        """
        records = [self._record(n) for n in self._undirected_neighbors(self._resolve(name),
                                                                         relation)]
        return sorted(records, key=lambda r: (r.type, r.label.casefold(), r.id))

    def path(self, a: str, b: str) -> list[Relation]:
        """The shortest chain of relations joining two entities, ignoring direction.

        Each step keeps its own direction, so consecutive relations may point
        either way. Between two nodes the asserted edge read in the most
        articles is chosen over denied ones. Ties break on node ids, so the
        answer does not depend on the order the graph was built in.

        Parameters
        ----------
        a, b : str
            Any names of the two entities.

        Returns
        -------
        list of Relation
            Empty when ``a`` and ``b`` are the same entity.

        Raises
        ------
        GraphbuildError
            No chain of relations joins the two entities.
        UnknownEntityError
            ``a`` or ``b`` names no entity.

        Examples
        --------
        >>> summit = kg.neighbors("Macron", relation="hosts")[0]
        >>> [step.subject for step in kg.path("Macron", summit.id)]
        ['Emmanuel Macron']
        >>> kg.path("Poland", "Poland")
        []
        """
        start, goal = self._resolve(a), self._resolve(b)
        previous: dict[str, str] = {start: start}
        queue = deque([start])
        while queue and goal not in previous:
            node = queue.popleft()
            for neighbour in self._undirected_neighbors(node):
                if neighbour not in previous:
                    previous[neighbour] = node
                    queue.append(neighbour)
        if goal not in previous:
            raise GraphbuildError(
                f'No path between "{a}" and "{b}": no chain of relations joins them.')
        nodes = [goal]
        while nodes[-1] != start:
            nodes.append(previous[nodes[-1]])
        nodes.reverse()
        return [self._best_edge(u, v) for u, v in zip(nodes, nodes[1:], strict=False)]

    def _best_edge(self, u: str, v: str) -> Relation:
        candidates = [self._relation(source, target, data)
                      for source, target in ((u, v), (v, u))
                      for data in self.graph.adj[source].get(target, {}).values()]
        return min(candidates, key=lambda r: (r.negated, -r.documents, -r.confidence,
                                              _relation_order(r)))

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

    @property
    def articles(self) -> list[dict[str, str]]:
        """The articles the graph was built from: dicts with ``id``, ``title``, ``path``,
        ``outlet``, ``published`` and ``url`` (the last three empty when unknown).

        Examples
        --------
        >>> {"id", "title", "path", "outlet", "published", "url"} <= set(kg.articles[0])
        True
        """
        return list(self.graph.graph.get("articles") or [])

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

    def __len__(self) -> int:
        """Number of entities.

        Examples
        --------
        >>> len(kg) == kg.graph.number_of_nodes()
        True
        """
        return self.graph.number_of_nodes()

    def _repr_html_(self) -> str:
        """A compact summary for Jupyter: counts, and the most mentioned entities.

        Examples
        --------
        >>> kg.subgraph("Poland", depth=0)._repr_html_().startswith("<div")
        True
        """
        summary = self.summary()
        shown = sorted(self.graph.nodes(data=True), key=lambda item: (
            -_as_int(item[1].get("mentions")), str(item[1].get("label") or item[0])))
        rows = "".join(
            f"<tr><td>{html.escape(str(data.get('label') or node))}</td>"
            f"<td>{html.escape(str(data.get('type') or ''))}</td>"
            f"<td>{_as_int(data.get('mentions'))}</td>"
            f"<td>{self.graph.degree(node)}</td></tr>"
            for node, data in shown[:_REPR_ROWS])
        more = len(shown) - _REPR_ROWS
        relations = ", ".join(f"{html.escape(name)} {count}"
                              for name, count in summary.relations_by_type)
        return (f"<div><p><b>KnowledgeGraph</b>: {_plural(summary.entities, 'entity')}, "
                f"{_plural(summary.relations, 'relation')}, "
                f"{_plural(summary.articles, 'article')}</p>"
                + (f"<p>relations: {relations}</p>" if relations else "")
                + "<table><thead><tr><th>entity</th><th>type</th><th>mentions</th>"
                "<th>relations</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
                + (f"<p>and {_plural(more, 'more entity')}</p>" if more > 0 else "")
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


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


def _relation_order(relation: Relation) -> tuple[object, ...]:
    return (relation.subject.casefold(), relation.subject_id, relation.relation,
            (relation.object or "").casefold(), relation.object_id or "", relation.negated)


def _sorted_names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(names), key=lambda n: (n.casefold(), n)))


def _as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _as_bool(value: object) -> bool:
    # GraphML readers may hand back "true"/"false" strings.
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def _bound(name: str, value: str | datetime.date | None) -> str | None:
    """A date bound as the ISO text ``iso_date`` values compare with.

    >>> _bound("since", datetime.date(2025, 4, 3)), _bound("until", "2025-04-03")
    ('2025-04-03', '2025-04-03')
    >>> _bound("since", "3 April")
    Traceback (most recent call last):
    ...
    graphbuild.errors.GraphbuildError: since must be a date written YYYY-MM-DD, not '3 April'
    """
    if value is None:
        return None
    if isinstance(value, datetime.date):  # a datetime too: its day
        return value.isoformat()[:10]
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise GraphbuildError(f"{name} must be a date written YYYY-MM-DD, not {value!r}"
                              ) from None


def _evidence(graph: nx.MultiDiGraph, data: _EdgeData,
              articles: dict[str, dict[str, Any]]) -> tuple[EvidenceItem, ...]:
    """Every provenance entry with its sentence and its article's outlet and date, in the
    graph's order (the best first)."""
    provenance = data.get("provenance")
    if not isinstance(provenance, list):
        return ()
    items = []
    for p in provenance:
        if not isinstance(p, dict):
            continue
        article = str(p.get("article") or "")
        about = articles.get(article, {})
        items.append(EvidenceItem(
            article=article,
            sentence=sentence(graph, p),
            start=_as_int(p.get("start", -1)),
            end=_as_int(p.get("end", -1)),
            cue=str(p.get("cue") or ""),
            outlet=str(about.get("outlet") or ""),
            published=str(about.get("published") or ""),
        ))
    return tuple(items)
