"""Names to nodes: the layer of :class:`~graphbuild.query.KnowledgeGraph` every query
starts from (the wrapped graph, its name index, entity records)."""

from __future__ import annotations

import logging

import networkx as nx
from rapidfuzz import fuzz, process

from graphbuild.errors import UnknownEntityError
from graphbuild.graph import strings
from graphbuild.names import normalise_name
from graphbuild.query.records import EntityRecord
from graphbuild.query.values import as_int

logger = logging.getLogger(__name__)

SUGGESTION_CUTOFF = 70.0
"""Minimum rapidfuzz ``WRatio`` score for a name to be suggested."""
MAX_SUGGESTIONS = 3


class EntityLookup:
    """Finds entities by any of their names and reads them as :class:`EntityRecord`."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._index = self._build_index()
        self._articles = {str(a.get("id")): a for a in self.articles if isinstance(a, dict)}

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
            key=lambda m: (m[0], -as_int(self.graph.nodes[m[1]].get("mentions")), m[1]),
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
            mentions=as_int(data.get("mentions")),
            documents=as_int(data.get("documents")),
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

    # -- contents --------------------------------------------------------

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

    def __len__(self) -> int:
        """Number of entities.

        Examples
        --------
        >>> len(kg) == kg.graph.number_of_nodes()
        True
        """
        return self.graph.number_of_nodes()
