"""Resolved entities and claims -> one networkx ``MultiDiGraph``.

This module owns the output contract: the node and edge attribute names every
exporter and the query API rely on. Values on the graph are scalars (lists are
``"; "``-joined) except the edge ``provenance`` list, which exporters that
accept only scalars serialise as JSON.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx

from graphbuild.lexicon import core_relations
from graphbuild.names import fold
from graphbuild.types import Article, Claim, Entity, Resolution

LIST_SEPARATOR = "; "

NODE_ATTRIBUTES = ("label", "type", "aliases", "mentions", "documents", "sources", "roles",
                   "date", "venue")
EDGE_ATTRIBUTES = ("relation", "negated", "confidence", "documents", "sources", "evidence",
                   "modality", "cue", "attributed_to", "role", "disputed", "provenance")
PROVENANCE_FIELDS = ("article", "sentence", "start", "end", "cue", "cue_start", "cue_end",
                     "negated", "modality")

CORE_RELATIONS = core_relations()


def slugify(text: str) -> str:
    """Readable ASCII slug for node ids.

    >>> slugify("Sébastien Lecornu")
    'sebastien-lecornu'
    >>> slugify("Mette Kjærgaard")
    'mette-kjaergaard'
    >>> slugify("Leaders' summit (end of last month)")
    'leaders-summit-end-of-last-month'
    """
    ascii_text = fold(text, lower=False).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def entity_id(entity_type: str, name: str) -> str:
    """Stable node id such as ``country:united-kingdom``.

    >>> entity_id("person", "John Healey")
    'person:john-healey'
    """
    return f"{entity_type}:{slugify(name)}"


def edge_key(relation: str, negated: bool) -> str:
    """Key of an edge between two nodes: one edge per relation and polarity."""
    return f"not-{relation}" if negated else relation


def join(values: Iterable[str]) -> str:
    """Join distinct values in first-seen order with the contract separator."""
    return LIST_SEPARATOR.join(dict.fromkeys(v for v in values if v))


def split(value: str | None) -> list[str]:
    """Inverse of :func:`join`.

    >>> split("UK; Britain")
    ['UK', 'Britain']
    >>> split("")
    []
    """
    return [part for part in (value or "").split(LIST_SEPARATOR) if part]


def combined_confidence(per_document: Sequence[float]) -> float:
    """Noisy-or over independent articles: each extra outlet raises confidence.

    >>> combined_confidence([0.6])
    0.6
    >>> combined_confidence([0.6, 0.6])
    0.84
    """
    remaining = 1.0
    for value in per_document:
        remaining *= 1.0 - value
    return round(min(0.99, 1.0 - remaining), 4)


def _node_attributes(entity: Entity) -> dict[str, object]:
    attributes: dict[str, object] = {
        "label": entity.label,
        "type": entity.type,
        "aliases": join(entity.aliases),
        "mentions": entity.mentions,
        "documents": len(entity.documents),
        "sources": join(sorted(entity.documents)),
    }
    if entity.roles:
        attributes["roles"] = join(entity.roles)
    if entity.type == "meeting":
        attributes["date"] = entity.date or ""
        attributes["venue"] = entity.venue or ""
    return attributes


def _provenance(claim: Claim) -> dict[str, object]:
    evidence = claim.evidence
    return {
        "article": evidence.article_id,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "cue": evidence.cue,
        "cue_start": evidence.cue_start,
        "cue_end": evidence.cue_end,
        "negated": claim.negated,
        "modality": claim.modality,
    }


def _article_polarity(claims: Sequence[Claim]) -> bool:
    """What one article finally says of one relation: "was considering attending ...
    decided not to attend" is a refusal. The strongest claim wins; on a tie, the
    negation, which usually corrects a plan. Outlets that disagree keep both edges."""
    strongest = max(c.confidence for c in claims)
    return any(c.negated for c in claims if c.confidence == strongest)


def build_graph(
    articles: Sequence[Article],
    resolution: Resolution,
    claims: Iterable[Claim],
    *,
    model: str = "",
) -> nx.MultiDiGraph:
    """Aggregate claims into edges between resolved entities.

    Claims with the same subject, relation, object and polarity become one
    edge that keeps every piece of evidence. Within one article the stronger
    polarity prevails; an edge whose opposite polarity another article claims
    is flagged ``disputed``.
    """
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = [
        {"id": a.id, "title": a.title, "path": a.path} for a in sorted(articles, key=lambda a: a.id)
    ]
    graph.graph["model"] = model
    for entity in sorted(resolution.entities, key=lambda e: e.id):
        graph.add_node(entity.id, **_node_attributes(entity))
    labels = {e.id: e.label for e in resolution.entities}

    per_article: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        subject = resolution.entity_of.get(claim.subject)
        target = resolution.entity_of.get(claim.object) if claim.object else subject
        if subject is None or target is None or (claim.object and subject == target):
            continue
        per_article[(subject, claim.relation, target, claim.evidence.article_id)].append(claim)
    grouped: dict[tuple[str, str, str, bool], list[Claim]] = defaultdict(list)
    for (subject, relation, target, _), article_claims in per_article.items():
        negated = _article_polarity(article_claims)
        grouped[(subject, relation, target, negated)].extend(
            c for c in article_claims if c.negated == negated)

    polarities: dict[tuple[str, str, str], set[bool]] = defaultdict(set)
    for subject, relation, target, negated in grouped:
        polarities[(subject, relation, target)].add(negated)

    for (subject, relation, target, negated), group in sorted(grouped.items()):
        group.sort(key=lambda c: (-c.confidence, c.evidence.article_id, c.evidence.start))
        best = group[0]
        per_document: dict[str, float] = {}
        for claim in group:
            doc = claim.evidence.article_id
            per_document[doc] = max(per_document.get(doc, 0.0), claim.confidence)
        attributes: dict[str, object] = {
            "relation": relation,
            "negated": negated,
            "confidence": combined_confidence(list(per_document.values())),
            "documents": len(per_document),
            "sources": join(sorted(per_document)),
            "evidence": best.evidence.sentence,
            "modality": best.modality,
            "cue": join(c.cue for c in group),
            "disputed": len(polarities[(subject, relation, target)]) > 1,
            "provenance": [
                _provenance(c)
                for c in sorted(group, key=lambda c: (c.evidence.article_id, c.evidence.start))
            ],
        }
        attributed = join(
            labels.get(resolution.entity_of.get(c.attributed_to, ""), c.attributed_to.text)
            for c in group
            if c.attributed_to is not None
        )
        if attributed:
            attributes["attributed_to"] = attributed
        role = join(c.role or "" for c in group)
        if role:
            attributes["role"] = role
        graph.add_edge(subject, target, key=edge_key(relation, negated), **attributes)
    return graph
