"""Relations scored against the gold relations, once nodes are matched and meetings aligned."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Hashable, Mapping

import networkx as nx

from graphbuild.evaluate.gold import ANY_OBJECT, Gold, GoldRelation
from graphbuild.evaluate.matching import MEETING_TYPE, align_meetings, match_entities, node_label
from graphbuild.evaluate.results import Evaluation, Finding, RoleCheck, Score
from graphbuild.export.flat import join_list
from graphbuild.graph import best_sentence, strings
from graphbuild.names import normalise_name
from graphbuild.query.values import as_int

logger = logging.getLogger(__name__)

ROLE_RELATION = "affiliated_with"


def evaluate(graph: nx.MultiDiGraph, gold: Gold) -> Evaluation:
    """Score ``graph`` against ``gold`` with the rules in the :mod:`graphbuild.evaluate`
    docstring.

    >>> from graphbuild.evaluate import gold_from_dict
    >>> gold = gold_from_dict({"entities": [{"id": "A", "type": "country", "name": "A"}],
    ...                        "relations": []})
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("country:a", label="A", type="country", aliases="")
    >>> evaluate(g, gold).entities
    Score(tp=1, fp=0, fn=0)
    """
    by_id = {e.id: e for e in gold.entities}
    misses: list[Finding] = []
    false_hits: list[Finding] = []

    entity_of, primary, entity_score = match_entities(graph, gold, misses, false_hits)
    meeting_of, alignments, meeting_score = align_meetings(
        graph, gold, entity_of, misses, false_hits)
    gold_of = {**entity_of, **meeting_of}
    primaries = set(primary.values()) | set(meeting_of)

    def gold_text(r: GoldRelation) -> str:
        target = by_id[r.object] if r.object != ANY_OBJECT else None
        obj = ("(any object)" if target is None else
               f"{target.id} {target.name}" if target.type == MEETING_TYPE else target.name)
        return f"{by_id[r.subject].name} -{_arrow(r.relation, r.negated)}-> {obj}"

    index: dict[tuple[str, str, bool], list[int]] = defaultdict(list)
    for i, r in enumerate(gold.relations):
        index[(r.subject, r.relation, r.negated)].append(i)
    core = set(gold.core_relations)
    counts = {"core": [0, 0], "extended": [0, 0]}  # tp, fp
    claimed: set[int] = set()
    roles: list[RoleCheck] = []

    def rank(u: Hashable, v: Hashable, data: Mapping[str, object]) -> tuple[object, ...]:
        secondary = (u not in primaries) + (v != u and v not in primaries)
        return (secondary, -as_int(data.get("documents")), str(u), str(v))

    edges = sorted(graph.edges(data=True), key=lambda e: rank(*e))
    for u, v, data in edges:
        relation = data.get("relation")
        if not isinstance(relation, str) or not relation:
            logger.debug("edge %r -> %r has no relation; not scored", u, v)
            continue
        negated = bool(data.get("negated", False))
        subject, obj = gold_of.get(u), (gold_of.get(v) if v != u else None)
        category = "core" if relation in core else "extended"
        found = [] if subject is None else [
            i for i in index.get((subject, relation, negated), [])
            if gold.relations[i].object in (ANY_OBJECT, obj)]
        free = sorted((i for i in found if not gold.relations[i].optional and i not in claimed),
                      key=lambda i: (gold.relations[i].object == ANY_OBJECT, i))
        if free:
            claimed.add(free[0])
            counts[category][0] += 1
            match = gold.relations[free[0]]
            if relation == ROLE_RELATION and match.role:
                predicted = strings(data.get("role"))
                roles.append(RoleCheck(match.subject, match.object, match.role,
                                       join_list(predicted), _roles_agree(predicted, match.role)))
            continue
        if any(gold.relations[i].optional for i in found):
            continue
        if found:
            reason = f"duplicate of {gold_text(gold.relations[found[0]])}"
        elif subject is None:
            reason = "subject not in gold"
        elif obj is None and v != u:
            reason = "object not in gold"
        else:
            reason = "no gold relation"
        counts[category][1] += 1
        false_hits.append(Finding(category, reason, _edge_text(graph, u, v, relation, negated),
                                  " ".join(best_sentence(graph, data).split())))

    scores = {}
    for category, (tp, fp) in counts.items():
        missing = [r for i, r in enumerate(gold.relations) if not r.optional and i not in claimed
                   and (r.relation in core) == (category == "core")]
        misses.extend(Finding(category, "missing", gold_text(r)) for r in missing)
        scores[category] = Score(tp, fp, len(missing))

    matches = sorted((str(n), g) for n, g in gold_of.items())
    return Evaluation(entity_score, meeting_score, scores["core"], scores["extended"],
                      tuple(alignments), tuple(misses), tuple(false_hits), tuple(roles),
                      tuple(matches), gold.source)


def _roles_agree(predicted: list[str], gold_role: str) -> bool:
    expected = normalise_name(gold_role)
    return any(part and (part == expected or part in expected or expected in part)
               for part in map(normalise_name, predicted))


def _arrow(relation: str, negated: bool) -> str:
    return f"{relation}(negated)" if negated else relation


def _edge_text(graph: nx.MultiDiGraph, u: Hashable, v: Hashable, relation: str,
               negated: bool) -> str:
    target = "(no object)" if u == v else node_label(graph, v)
    return f"{node_label(graph, u)} -{_arrow(relation, negated)}-> {target}"
