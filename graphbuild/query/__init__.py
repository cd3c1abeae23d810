"""Query a built graph from Python: entities, meetings, relations, paths.

Consumes the ``MultiDiGraph`` produced by :func:`graphbuild.graph.build_graph`
(or read back by an exporter's reader) and produces frozen records
(:class:`EntityRecord`, :class:`Meeting`, :class:`Relation`,
:class:`EvidenceItem`, :class:`GraphSummary`). It never changes the graph it
wraps and needs no spaCy model.

The examples run against the sample build, ``outputs/graph.json``, loaded as
``kg`` by the repository's root ``conftest.py``.
"""

from graphbuild.query.graph import KnowledgeGraph
from graphbuild.query.lookup import MAX_SUGGESTIONS, SUGGESTION_CUTOFF
from graphbuild.query.records import (
    EntityDescription,
    EntityRecord,
    EvidenceItem,
    GraphSummary,
    Meeting,
    Relation,
)
from graphbuild.query.summary import format_summary, meeting_lines

__all__ = ["MAX_SUGGESTIONS", "SUGGESTION_CUTOFF", "EntityDescription", "EntityRecord",
           "EvidenceItem", "GraphSummary", "KnowledgeGraph", "Meeting", "Relation",
           "format_summary", "meeting_lines"]
