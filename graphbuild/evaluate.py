"""Score a built graph against a hand-made gold graph.

Consumes a predicted ``MultiDiGraph`` that follows the contract of
:mod:`graphbuild.graph` and a :class:`Gold` reference read by :func:`load_gold`;
produces an :class:`Evaluation`: a :class:`Score` (tp, fp, fn) per category,
the meeting alignment, and every miss and false hit with a readable line.

Scoring rules
-------------
Names
    :func:`graphbuild.names.normalise_name`, the form resolution and look-up use
    too: case, accents, dots, quotes, a possessive ``'s``, other punctuation and a
    leading ``"the"`` are ignored.
Entities (types person, country, organization)
    A predicted node matches a gold entity of the *same type* when its label or
    one of its aliases equals the gold name or one of the gold aliases, after
    normalisation. When several gold entities match, the one matched by the
    label wins, then the one with most shared forms, then the first in the
    gold file. A gold entity matched by at least one node is a TP; the best of
    its nodes (label match, shared forms, ``documents``, node id) is its
    primary node and every other node matched to it is a FP ("duplicate of
    ..."). A node matching nothing is a FP; an unmatched gold entity is a FN.
    ``location`` nodes are not scored: the gold graph has none.
Meetings
    A gold meeting's tuples are ``(subject, relation, negated)`` over every gold
    relation whose object is that meeting (required and optional); a predicted
    meeting's tuples are the same over its incoming edges whose subject maps to
    a gold entity. Gold and predicted meetings are aligned one-to-one by an
    exact maximum-weight matching (networkx ``max_weight_matching``; scipy is
    not a dependency) that maximises the total of shared tuples,
    then the total of shared *required* tuples (ties are broken
    deterministically, in gold order and sorted node-id order). Pairs that share
    nothing are never aligned. A gold meeting with a required relation is a TP
    when aligned, else a FN; a gold meeting with only optional relations is
    neither rewarded nor penalised; every unaligned predicted meeting is a FP.
    ``candidates`` counts the predicted meetings that share at least one
    required tuple with a gold meeting and are not aligned to another gold
    meeting (the target is exactly one: more means the meeting was split).
    Meetings aligned elsewhere are left out because gold meetings share
    tuples: ``GBR hosts`` is required at both M1 and M3, so a perfect graph
    would otherwise show M1 with three candidates.
Relations
    Each edge ``(u, relation, v, negated)`` becomes ``(gold(u), relation,
    gold(v), negated)`` where ``gold(x)`` is the entity match or the meeting
    alignment (``None`` when unmapped; a self-loop has no object). It matches a
    gold relation with the same subject, relation and polarity whose object is
    equal, or is ``"*"`` (any object, also none). Relations named in the gold
    ``core_relations`` are *core*, all others *extended*. Per category: an edge
    matching a not yet matched required gold relation is a TP (edges are taken
    primary nodes first, so duplicates lose); otherwise an edge matching an
    optional gold relation is ignored; an edge matching only already-matched
    required relations is a FP ("duplicate of ..."), as is an edge matching
    nothing. A required gold relation no edge matches is a FN.
Roles
    For matched ``affiliated_with`` edges whose gold relation has a role, the
    edge ``role`` agrees when one of its parts, normalised, equals or contains
    the gold role or is contained in it. Reported, not scored.

Precision, recall and F1 are ``0.0`` when undefined (nothing predicted, or
nothing to find), so an empty graph scores zero without dividing by zero.
"""

from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx

from graphbuild import jsonlimits
from graphbuild.errors import GoldFormatError
from graphbuild.export.flat import join_list
from graphbuild.graph import CORE_RELATIONS, best_sentence, strings
from graphbuild.names import normalise_name

logger = logging.getLogger(__name__)

SCORED_ENTITY_TYPES = ("person", "country", "organization")
MEETING_TYPE = "meeting"
ANY_OBJECT = "*"
ROLE_RELATION = "affiliated_with"

_EVIDENCE_WIDTH = 160


# --- gold records ------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """An entity or meeting of the gold graph, with every accepted surface form."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> frozenset[str]:
        """Normalised name and aliases."""
        return frozenset(f for f in map(normalise_name, (self.name, *self.aliases)) if f)


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation between gold ids; ``object`` ``"*"`` accepts any object."""

    subject: str
    relation: str
    object: str
    negated: bool = False
    optional: bool = False
    role: str | None = None


@dataclass(frozen=True)
class Gold:
    """A hand-made reference graph, as read by :func:`load_gold`."""

    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    core_relations: tuple[str, ...] = CORE_RELATIONS
    about: str = ""
    source: str = ""


# --- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Finding:
    """One miss or false hit: ``category`` is entity, meeting, core or extended."""

    category: str
    reason: str
    text: str
    evidence: str = ""


@dataclass(frozen=True)
class MeetingAlignment:
    """The predicted meeting aligned to one gold meeting (``None`` when unaligned)."""

    gold_id: str
    gold_name: str
    required: int
    predicted: str | None
    predicted_label: str | None
    shared: int
    candidates: int


@dataclass(frozen=True)
class RoleCheck:
    """Gold and predicted role of one matched ``affiliated_with`` edge."""

    subject: str
    object: str
    gold_role: str
    predicted_role: str
    agrees: bool


@dataclass(frozen=True)
class Evaluation:
    """Everything :func:`evaluate` found; ``to_dict`` gives the JSON form."""

    entities: Score
    meetings: Score
    core: Score
    extended: Score
    alignments: tuple[MeetingAlignment, ...]
    misses: tuple[Finding, ...]
    false_hits: tuple[Finding, ...]
    roles: tuple[RoleCheck, ...]
    matches: tuple[tuple[str, str], ...] = ()
    gold_source: str = ""

    @property
    def entities_and_meetings(self) -> Score:
        """Entities and meetings together (what the issue calls "entities")."""
        return self.entities + self.meetings

    def to_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold_source,
            "scores": {name: score.to_dict() for name, score in self._rows()},
            "meetings": [asdict(a) for a in self.alignments],
            "roles": [asdict(r) for r in self.roles],
            "misses": [asdict(f) for f in self.misses],
            "false_hits": [asdict(f) for f in self.false_hits],
            "matches": [list(pair) for pair in self.matches],
        }

    def _rows(self) -> list[tuple[str, Score]]:
        return [("entities", self.entities), ("meetings", self.meetings),
                ("entities_and_meetings", self.entities_and_meetings),
                ("core_relations", self.core), ("extended_relations", self.extended)]


# --- loading -----------------------------------------------------------------------------


def load_gold(path: str | os.PathLike[str]) -> Gold:
    """Read a gold JSON file such as ``seeds.gold.json``.

    Raises
    ------
    GoldFormatError
        The file is missing, unreadable, not JSON, or lacks required keys.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldFormatError(f"Gold file {path} does not exist; pass the path of a gold "
                              "JSON file such as tests/data/gold/seeds.gold.json") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"Cannot read gold file {path}: {exc}") from exc
    try:
        data = jsonlimits.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"Gold file {path} is not valid JSON: {exc.msg} "
                              f"(line {exc.lineno}, column {exc.colno})") from exc
    except ValueError as exc:
        raise GoldFormatError(f"Gold file {path} is {exc}: not a gold graph") from exc
    return gold_from_dict(data, source=str(path))


def gold_from_dict(data: object, *, source: str = "<gold>") -> Gold:
    """Validate the parsed JSON of a gold file and build a :class:`Gold`.

    >>> gold = gold_from_dict({"entities": [{"id": "A", "type": "country", "name": "A"}],
    ...                        "relations": [{"s": "A", "p": "declines_troops", "o": "*"}]})
    >>> gold.relations[0].object
    '*'
    """
    if not isinstance(data, dict):
        raise GoldFormatError(f'{source}: expected a JSON object with "entities" and "relations"')
    entities = tuple(_entity(item, f"entities[{i}]", source)
                     for i, item in enumerate(_list(data, "entities", source)))
    ids = [e.id for e in entities]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GoldFormatError(f"{source}: duplicate entity ids {', '.join(duplicates)}; "
                              "give every entity a unique id")
    relations = tuple(_relation(item, f"relations[{i}]", source, set(ids))
                      for i, item in enumerate(_list(data, "relations", source)))
    core = data.get("core_relations", list(CORE_RELATIONS))
    if not isinstance(core, list) or not all(isinstance(c, str) for c in core):
        raise GoldFormatError(f'{source}: "core_relations" must be a list of relation names')
    about = data.get("about", "")
    return Gold(entities, relations, tuple(core), about if isinstance(about, str) else "", source)


def _list(data: Mapping[str, object], key: str, source: str) -> list[object]:
    if key not in data:
        raise GoldFormatError(f'{source}: missing key "{key}" (a gold file needs "entities" '
                              'and "relations")')
    value = data[key]
    if not isinstance(value, list):
        raise GoldFormatError(f'{source}: "{key}" must be a list')
    return value


def _field(item: Mapping[str, object], key: str, where: str, source: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise GoldFormatError(f'{source}: {where} is missing key "{key}" (a non-empty string)')
    return value


def _entity(item: object, where: str, source: str) -> GoldEntity:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{source}: {where} must be an object")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldFormatError(f'{source}: {where} "aliases" must be a list of strings')
    return GoldEntity(_field(item, "id", where, source), _field(item, "type", where, source),
                      _field(item, "name", where, source), tuple(aliases))


def _relation(item: object, where: str, source: str, ids: set[str]) -> GoldRelation:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{source}: {where} must be an object")
    subject, relation, obj = (_field(item, k, where, source) for k in ("s", "p", "o"))
    for ref in (subject, obj if obj != ANY_OBJECT else subject):
        if ref not in ids:
            raise GoldFormatError(f'{source}: {where} refers to unknown entity "{ref}"; '
                                  'add it to "entities" or fix the id')
    negated = item.get("negated", False)
    optional = item.get("optional", False)
    role = item.get("role")
    if not isinstance(negated, bool) or not isinstance(optional, bool):
        raise GoldFormatError(f'{source}: {where} "negated" and "optional" must be true or false')
    if role is not None and not isinstance(role, str):
        raise GoldFormatError(f'{source}: {where} "role" must be a string')
    return GoldRelation(subject, relation, obj, negated, optional, role or None)


# --- evaluation --------------------------------------------------------------------------


def evaluate(graph: nx.MultiDiGraph, gold: Gold) -> Evaluation:
    """Score ``graph`` against ``gold`` with the rules in the module docstring.

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

    entity_of, primary, entity_score = _match_entities(graph, gold, misses, false_hits)
    meeting_of, alignments, meeting_score = _align_meetings(
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
        return (secondary, -_as_int(data.get("documents")), str(u), str(v))

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


def _match_entities(
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
            false_hits.append(Finding("entity", "no gold match", _node_text(graph, node)))
            continue
        label_hit, overlap, _, best = max(ranked, key=lambda r: r[:3])
        entity_of[node] = best.id
        claims[best.id].append(((not label_hit, -overlap, -_as_int(data.get("documents")),
                                 str(node)), node))
    primary: dict[str, Hashable] = {}
    by_id = {e.id: e for e in gold.entities}
    for gold_id, nodes in claims.items():
        nodes.sort(key=lambda item: item[0])
        primary[gold_id] = nodes[0][1]
        for _, node in nodes[1:]:
            fp += 1
            false_hits.append(Finding("entity", f"duplicate of {by_id[gold_id].name}",
                                      _node_text(graph, node)))
    missing = [e for _, e, _ in candidates if e.id not in claims]
    misses.extend(Finding("entity", "missing", f"{e.name} ({e.type}, {e.id})") for e in missing)
    return entity_of, primary, Score(len(claims), fp, len(missing))


def _align_meetings(
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
            None if p is None else _label(graph, p),
            0 if p is None else len(tuples[m.id] & seen[p]),
            sum(1 for q in predicted
                if required[m.id] & seen[q] and meeting_of.get(q, m.id) == m.id)))
    unaligned = [p for p in predicted if p not in meeting_of]
    false_hits.extend(Finding("meeting", "unaligned", _node_text(graph, p)) for p in unaligned)
    return meeting_of, alignments, Score(tp, len(unaligned), fn)


def _roles_agree(predicted: list[str], gold_role: str) -> bool:
    expected = normalise_name(gold_role)
    return any(part and (part == expected or part in expected or expected in part)
               for part in map(normalise_name, predicted))


def _as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _arrow(relation: str, negated: bool) -> str:
    return f"{relation}(negated)" if negated else relation


def _label(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return str(graph.nodes[node].get("label") or node)


def _node_text(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return f"{_label(graph, node)} [{node}]"


def _edge_text(graph: nx.MultiDiGraph, u: Hashable, v: Hashable, relation: str,
               negated: bool) -> str:
    target = "(no object)" if u == v else _label(graph, v)
    return f"{_label(graph, u)} -{_arrow(relation, negated)}-> {target}"


# --- report ------------------------------------------------------------------------------


def format_evaluation(evaluation: Evaluation) -> str:
    """Human report: false hits, misses and alignment first, an 8-line summary last.

    The summary is the candidates line, the roles line, a header and one row
    each for entities, meetings, both together, core and extended relations.
    """
    lines = [f"Evaluation against {evaluation.gold_source or 'gold'}"]
    lines.append(f"False hits ({len(evaluation.false_hits)}):")
    for f in evaluation.false_hits:
        evidence = f.evidence
        if len(evidence) > _EVIDENCE_WIDTH:
            evidence = evidence[: _EVIDENCE_WIDTH - 1] + "…"
        lines.append(f"  [{f.category}] {f.text} -- {f.reason}"
                     + (f' | "{evidence}"' if evidence else ""))
    lines.append(f"Misses ({len(evaluation.misses)}):")
    lines.extend(f"  [{f.category}] {f.text}" for f in evaluation.misses)
    lines.append("Meeting alignment (gold <- predicted):")
    for a in evaluation.alignments:
        target = f"{a.predicted_label} [{a.predicted}]" if a.predicted else "(none)"
        note = "" if a.required else ", optional only"
        lines.append(f"  {a.gold_id} <- {target}: shared tuples {a.shared}, "
                     f"candidates {a.candidates}{note}")
    disagreements = [r for r in evaluation.roles if not r.agrees]
    if disagreements:
        lines.append("Role disagreements:")
        lines.extend(f"  {r.subject} -> {r.object}: gold {r.gold_role!r}, "
                     f"predicted {r.predicted_role or '(none)'!r}" for r in disagreements)

    counted = [a for a in evaluation.alignments if a.required]
    lines.append("meeting candidates (target 1 each): "
                 + (" ".join(f"{a.gold_id}={a.candidates}" for a in counted) or "(none)"))
    agree = sum(r.agrees for r in evaluation.roles)
    lines.append(f"roles: {agree}/{len(evaluation.roles)} matched {ROLE_RELATION} edges agree "
                 "with gold (not scored)")
    lines.append(f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    names = ("person/country/org", "meetings", "entities+meetings", "core relations",
             "extended relations")
    for name, (_, s) in zip(names, evaluation._rows(), strict=True):
        lines.append(f"{name:<20}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)
