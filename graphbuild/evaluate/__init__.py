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

from graphbuild.evaluate.gold import (
    ANY_OBJECT,
    Gold,
    GoldEntity,
    GoldRelation,
    gold_from_dict,
    load_gold,
)
from graphbuild.evaluate.matching import MEETING_TYPE, SCORED_ENTITY_TYPES
from graphbuild.evaluate.report import format_evaluation
from graphbuild.evaluate.results import Evaluation, Finding, MeetingAlignment, RoleCheck, Score
from graphbuild.evaluate.scoring import ROLE_RELATION, evaluate

__all__ = ["ANY_OBJECT", "MEETING_TYPE", "ROLE_RELATION", "SCORED_ENTITY_TYPES", "Evaluation",
           "Finding", "Gold", "GoldEntity", "GoldRelation", "MeetingAlignment", "RoleCheck",
           "Score", "evaluate", "format_evaluation", "gold_from_dict", "load_gold"]
