"""Predicted nodes to gold ids: entities by their names, meetings by the relations they share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

import networkx as nx

from graphbuild.evaluate.gold import Gold
from graphbuild.evaluate.results import Finding, MeetingAlignment, Score
from graphbuild.graph import strings
from graphbuild.names import normalise_name
from graphbuild.query.values import as_int

SCORED_ENTITY_TYPES = ("person", "country", "organization")
MEETING_TYPE = "meeting"


def match_entities(
    graph: nx.MultiDiGraph, gold: Gold, misses: list[Finding], false_hits: list[Finding],
) -> tuple[dict[Hashable, str], dict[str, Hashable], Score]:
    """Map entity nodes to gold ids; return the mapping, primary node per gold id, score."""
    candidates = [(i, e, e.forms) for i, e in enumerate(gold.entities)
                  if e.type in SCORED_ENTITY_TYPES]
    entity_of: dict[Hashable, str] = {}
    claims: dict[str, list[tuple[tuple[object, ...], Hashable]]] = defaultdict(list)
    fp = 0
    for node, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        node_type = data.get("type")
        if node_type not in SCORED_ENTITY_TYPES:
            continue
        label = normalise_name(str(data.get("label") or node))
        forms = {label, *map(normalise_name, strings(data.get("aliases")))} - {""}
        ranked = [(label in g_forms, len(forms & g_forms), -i, e)
                  for i, e, g_forms in candidates if e.type == node_type and forms & g_forms]
        if not ranked:
            fp += 1
            false_hits.append(Finding("entity", "no gold match", node_text(graph, node)))
            continue
        label_hit, overlap, _, best = max(ranked, key=lambda r: r[:3])
        entity_of[node] = best.id
        claims[best.id].append(((not label_hit, -overlap, -as_int(data.get("documents")),
                                 str(node)), node))
    primary: dict[str, Hashable] = {}
    by_id = {e.id: e for e in gold.entities}
    for gold_id, nodes in claims.items():
        nodes.sort(key=lambda item: item[0])
        primary[gold_id] = nodes[0][1]
        for _, node in nodes[1:]:
            fp += 1
            false_hits.append(Finding("entity", f"duplicate of {by_id[gold_id].name}",
                                      node_text(graph, node)))
    missing = [e for _, e, _ in candidates if e.id not in claims]
    misses.extend(Finding("entity", "missing", f"{e.name} ({e.type}, {e.id})") for e in missing)
    return entity_of, primary, Score(len(claims), fp, len(missing))


def align_meetings(
    graph: nx.MultiDiGraph, gold: Gold, entity_of: Mapping[Hashable, str],
    misses: list[Finding], false_hits: list[Finding],
) -> tuple[dict[Hashable, str], list[MeetingAlignment], Score]:
    """Align predicted meeting nodes to gold meetings by their shared relation tuples."""
    meetings = [e for e in gold.entities if e.type == MEETING_TYPE]
    tuples: dict[str, set[tuple[str, str, bool]]] = {m.id: set() for m in meetings}
    required: dict[str, set[tuple[str, str, bool]]] = {m.id: set() for m in meetings}
    for r in gold.relations:
        if r.object in tuples:
            tuples[r.object].add((r.subject, r.relation, r.negated))
            if not r.optional:
                required[r.object].add((r.subject, r.relation, r.negated))
    predicted = sorted((n for n, d in graph.nodes(data=True) if d.get("type") == MEETING_TYPE),
                       key=str)
    seen: dict[Hashable, set[tuple[str, str, bool]]] = {
        p: {(entity_of[u], str(d.get("relation")), bool(d.get("negated", False)))
            for u, _, d in graph.in_edges(p, data=True) if u in entity_of}
        for p in predicted
    }
    # Total shared tuples first, shared required tuples second: ``big`` exceeds any
    # possible sum of the second term, so integer weights keep the order exact.
    big = sum(len(t) for t in tuples.values()) + 1
    pairs = nx.Graph()
    for m in meetings:
        for p in predicted:
            shared = len(tuples[m.id] & seen[p])
            if shared:
                pairs.add_edge(("gold", m.id), ("pred", p),
                               weight=shared * big + len(required[m.id] & seen[p]))
    aligned: dict[str, Hashable] = {}
    for a, b in nx.max_weight_matching(pairs):
        g_side, p_side = (a, b) if a[0] == "gold" else (b, a)
        aligned[g_side[1]] = p_side[1]
    meeting_of = {p: gold_id for gold_id, p in aligned.items()}

    alignments = []
    tp = fn = 0
    for m in meetings:
        p = aligned.get(m.id)
        if required[m.id]:
            if p is None:
                fn += 1
                misses.append(Finding("meeting", "missing", f"{m.id} {m.name}"))
            else:
                tp += 1
        alignments.append(MeetingAlignment(
            m.id, m.name, len(required[m.id]), None if p is None else str(p),
            None if p is None else node_label(graph, p),
            0 if p is None else len(tuples[m.id] & seen[p]),
            sum(1 for q in predicted
                if required[m.id] & seen[q] and meeting_of.get(q, m.id) == m.id)))
    unaligned = [p for p in predicted if p not in meeting_of]
    false_hits.extend(Finding("meeting", "unaligned", node_text(graph, p)) for p in unaligned)
    return meeting_of, alignments, Score(tp, len(unaligned), fn)


def node_label(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return str(graph.nodes[node].get("label") or node)


def node_text(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return f"{node_label(graph, node)} [{node}]"
