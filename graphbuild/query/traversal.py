"""Neighbours and paths: walking the graph in either direction."""

from __future__ import annotations

from collections import deque

from graphbuild.errors import GraphbuildError
from graphbuild.query.records import EntityRecord, Relation, relation_order
from graphbuild.query.relations import RelationQueries


class GraphTraversal(RelationQueries):
    """Adds neighbours and shortest paths to :class:`RelationQueries`."""

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
                                              relation_order(r)))
