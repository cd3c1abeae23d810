"""Visual encoding shared by every exporter: colours, shapes, sizes, edge labels.

One place decides how an entity type or a negated relation looks, so the HTML
page, the GraphML file opened in Gephi and the GEXF file opened in Gephi Lite
show the same picture.
"""

from __future__ import annotations

import math

TYPE_COLOURS = {
    "person": "#4e79a7",
    "country": "#f28e2b",
    "organization": "#59a14f",
    "meeting": "#b07aa1",
    "location": "#76b7b2",
}
OTHER_COLOUR = "#9d9d9d"
EDGE_COLOUR = "#8a8f98"
NEGATED_COLOUR = "#e15759"
DISPUTED_COLOUR = "#edc948"

#: vis-network shape per entity type (anything else is a ``dot``).
VIS_SHAPES = {"meeting": "diamond"}
#: GEXF ``viz:shape`` per entity type (anything else is a ``disc``).
GEXF_SHAPES = {"meeting": "diamond"}

MIN_SIZE = 10.0
MAX_SIZE = 48.0


def node_colour(entity_type: object) -> str:
    """Hex colour of an entity type.

    >>> node_colour("person")
    '#4e79a7'
    >>> node_colour("spaceship")
    '#9d9d9d'
    """
    return TYPE_COLOURS.get(str(entity_type), OTHER_COLOUR)


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#4e79a7"`` -> ``(78, 121, 167)``.

    >>> hex_to_rgb("#4e79a7")
    (78, 121, 167)
    """
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def node_size(mentions: object) -> float:
    """Node size growing with the square root of the mention count.

    >>> node_size(0), node_size(4), node_size(10_000)
    (10.0, 18.0, 48.0)
    """
    try:
        count = max(0.0, float(mentions))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        count = 0.0
    if math.isnan(count):
        count = 0.0
    return round(min(MAX_SIZE, MIN_SIZE + 4.0 * math.sqrt(count)), 2)


def relation_text(relation: object) -> str:
    """Human wording of a relation name.

    >>> relation_text("declines_troops")
    'declines troops'
    """
    return str(relation).replace("_", " ")


def edge_label(relation: object, negated: object) -> str:
    """Edge label: the relation, prefixed with "not" when negated.

    >>> edge_label("attends", True)
    'not attends'
    >>> edge_label("hosts", False)
    'hosts'
    """
    text = relation_text(relation)
    return f"not {text}" if negated is True else text


def edge_weight(documents: object) -> float:
    """Edge weight: the number of supporting articles (at least 1).

    >>> edge_weight(3), edge_weight(None)
    (3.0, 1.0)
    """
    try:
        return float(max(1, int(documents)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1.0
