"""Relations and meetings: the edges of the graph read as :class:`Relation` and
:class:`Meeting` records, with their evidence."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.export.flat import join_list
from graphbuild.graph import sentence, strings
from graphbuild.query.lookup import EntityLookup
from graphbuild.query.records import (
    EntityDescription,
    EvidenceItem,
    Meeting,
    Relation,
    relation_order,
)
from graphbuild.query.values import as_bool, as_int

_EdgeData = dict[str, Any]


class RelationQueries(EntityLookup):
    """Adds the relation filters, meetings and descriptions to :class:`EntityLookup`."""

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
            negated=as_bool(data.get("negated")),
            modality=str(data.get("modality") or "asserted"),
            confidence=float(data.get("confidence") or 0.0),
            documents=as_int(data.get("documents")) or len(sources),
            outlets=as_int(data.get("outlets")),
            sources=sources,
            disputed=as_bool(data.get("disputed")),
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
        return sorted(found, key=relation_order)

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
            if relation == "hosts" and not as_bool(data.get("negated")):
                hosts.append(label)
            elif relation == "attends":
                (non_attendees if as_bool(data.get("negated")) else attendees).append(label)
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
            outgoing=tuple(sorted(outgoing, key=relation_order)),
            incoming=tuple(sorted(incoming, key=relation_order)),
            meeting=self._meeting(node) if record.type == "meeting" else None,
        )


def _sorted_names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(names), key=lambda n: (n.casefold(), n)))


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
            start=as_int(p.get("start", -1)),
            end=as_int(p.get("end", -1)),
            cue=str(p.get("cue") or ""),
            outlet=str(about.get("outlet") or ""),
            published=str(about.get("published") or ""),
        ))
    return tuple(items)
