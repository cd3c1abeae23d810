"""The frozen records the query API answers with; none holds a reference to the graph."""

from __future__ import annotations

from dataclasses import dataclass


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


def relation_order(relation: Relation) -> tuple[object, ...]:
    """The order relations are listed in: subject, relation, object, then polarity."""
    return (relation.subject.casefold(), relation.subject_id, relation.relation,
            (relation.object or "").casefold(), relation.object_id or "", relation.negated)
