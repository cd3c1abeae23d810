"""Resolved entities and claims -> one networkx ``MultiDiGraph``.

This module owns the output contract: the node and edge attribute names every
exporter and the query API rely on, and the shape of their values. The graph
holds native values: list-valued attributes are Python lists of strings (JSON
arrays in ``graph.json``); only the exporters that accept scalars (GraphML,
GEXF, CSV) flatten them, in :mod:`graphbuild.export.flat`.

Graph attributes

- ``articles``: ``[{"id", "title", "path", "outlet", "published", "url"}]``, sorted
  by id; ``published`` is ISO ``YYYY-MM-DD``; outlet, date and URL are empty when
  the input does not say them.
- ``model``: the spaCy pipeline's name.
- ``sentences``: ``{article id: {"START:END": sentence text}}``, every sentence
  that supports an edge, stored once however many claims it gives. The key is
  the sentence's character offsets in the article as ``text[START:END]`` would
  write them (JSON object keys are strings); :func:`sentence` looks one up.

Node attributes: ``label``, ``type``, ``aliases`` (list), ``mentions``,
``documents`` (number of articles), ``sources`` (list of article ids),
``roles`` (list; people with a known title), and for meetings ``date`` (as
written), ``iso_date`` (``YYYY-MM-DD`` resolved against the articles'
publication dates by :func:`graphbuild.dates.meeting_iso_date`) and ``venue``
(strings, empty when unknown).

Edge attributes: ``relation``, ``negated``, ``confidence``, ``documents``,
``outlets`` (distinct outlets among the supporting articles; an article without
an outlet counts as one of its own), ``sources`` (list), ``modality``, ``cue``
(list), ``attributed_to`` (list, only when someone is quoted), ``role`` (list,
``affiliated_with`` only), ``disputed`` and ``provenance``: one dict per
supporting claim with the fields of :data:`PROVENANCE_FIELDS` (article id and
offsets, no text). The first entry is the edge's best evidence (its strongest
claim); the others follow by article and offset.
:func:`best_sentence` gives the best sentence's text.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import networkx as nx

from graphbuild.dates import meeting_iso_date, parse_date
from graphbuild.errors import GraphFormatError
from graphbuild.lexicon import core_relations
from graphbuild.names import fold
from graphbuild.types import Article, Claim, Entity, Resolution

log = logging.getLogger(__name__)

NODE_ATTRIBUTES = ("label", "type", "aliases", "mentions", "documents", "sources", "roles",
                   "date", "iso_date", "venue")
EDGE_ATTRIBUTES = ("relation", "negated", "confidence", "documents", "outlets", "sources",
                   "modality", "cue", "attributed_to", "role", "disputed", "provenance")
ARTICLE_FIELDS = ("id", "title", "path", "outlet", "published", "url")
#: The attributes whose values are lists of strings.
NODE_LIST_ATTRIBUTES = ("aliases", "sources", "roles")
EDGE_LIST_ATTRIBUTES = ("sources", "cue", "attributed_to", "role")
#: The attributes whose values are numbers or booleans, for readers of formats that do not
#: say a value's type (CSV); the others hold text, lists of text or provenance.
SCALAR_ATTRIBUTES: dict[str, type] = {"mentions": int, "documents": int, "outlets": int,
                                      "confidence": float, "negated": bool, "disputed": bool}
PROVENANCE_FIELDS = ("article", "start", "end", "cue", "cue_start", "cue_end", "negated",
                     "modality")
SENTENCES = "sentences"

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


def unique(values: Iterable[str]) -> list[str]:
    """Distinct non-empty values in first-seen order: how list attributes are made.

    >>> unique(["UK", "", "Britain", "UK"])
    ['UK', 'Britain']
    """
    return list(dict.fromkeys(v for v in values if v))


def strings(value: object) -> list[str]:
    """The items of a list attribute; a lone string (a graph from another tool) is one item.

    >>> strings(["UK", "Britain"]), strings("UK"), strings(None)
    (['UK', 'Britain'], ['UK'], [])
    """
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item not in (None, "")]
    return [value] if isinstance(value, str) and value else []


def sentence_key(start: int, end: int) -> str:
    """Key of a sentence in an article's entry of the ``sentences`` table.

    >>> sentence_key(40, 79)
    '40:79'
    """
    return f"{start}:{end}"


def sentence(graph: nx.MultiDiGraph, entry: Mapping[str, object]) -> str:
    """The sentence text of one provenance entry (empty when the graph lacks it).

    Every reader of provenance gets the text here, from the graph's ``sentences``
    table.

    >>> g = nx.MultiDiGraph(sentences={"a1": {"0:12": "Oslo hosts."}})
    >>> sentence(g, {"article": "a1", "start": 0, "end": 12})
    'Oslo hosts.'
    >>> sentence(g, {"article": "a2", "start": 0, "end": 12})
    ''
    """
    table = graph.graph.get(SENTENCES)
    article_id, key = sentence_place(entry)
    article = table.get(article_id) if isinstance(table, Mapping) else None
    if not isinstance(article, Mapping):
        return ""
    text = article.get(key)
    return text if isinstance(text, str) else ""


def sentence_place(entry: Mapping[str, object]) -> tuple[str, str]:
    """Where the sentence of a provenance entry sits in the ``sentences`` table: the article
    id and the sentence's key, for readers that fill the table and readers that look it up.

    >>> sentence_place({"article": "a1", "start": 0, "end": 12})
    ('a1', '0:12')
    """
    return str(entry.get("article")), sentence_key(entry.get("start"), entry.get("end"))  # type: ignore[arg-type]


def best_sentence(graph: nx.MultiDiGraph, data: Mapping[str, object]) -> str:
    """The sentence of an edge's best evidence: its first provenance entry.

    >>> g = nx.MultiDiGraph(sentences={"a1": {"0:12": "Oslo hosts."}})
    >>> best_sentence(g, {"provenance": [{"article": "a1", "start": 0, "end": 12}]})
    'Oslo hosts.'
    """
    provenance = data.get("provenance")
    if isinstance(provenance, list) and provenance and isinstance(provenance[0], Mapping):
        return sentence(graph, provenance[0])
    return ""


def check_native(graph: nx.MultiDiGraph, source: object) -> None:
    """Refuse a graph written by a graphbuild older than the native contract.

    Such graphs hold ``"; "``-joined strings where lists belong and copy the
    sentence into every provenance entry; read as they are, "UK; Britain" would
    be one alias and no sentence would be found, so the message asks for a
    rebuild instead.

    Raises
    ------
    GraphFormatError
        ``graph`` has a list attribute holding a string, or provenance with text.

    Examples
    --------
    >>> old = nx.MultiDiGraph()
    >>> old.add_node("country:uk", aliases="UK; Britain")
    >>> check_native(old, "graph.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphbuild.errors.GraphFormatError: graph.json was written by an older graphbuild ...
    """
    def old(data: Mapping[str, object], names: Iterable[str]) -> bool:
        return any(isinstance(data.get(name), str) for name in names)

    legacy = any(old(data, NODE_LIST_ATTRIBUTES) for _, data in graph.nodes(data=True)) or any(
        old(data, EDGE_LIST_ATTRIBUTES)
        or any(isinstance(p, Mapping) and "sentence" in p for p in data.get("provenance") or ())
        for *_, data in graph.edges(data=True))
    if legacy:
        raise GraphFormatError(
            f"{source} was written by an older graphbuild (lists stored as text); rebuild it "
            "from its corpus with: graphbuild build CORPUS -o OUTPUTS")


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


def _node_attributes(entity: Entity, published: Mapping[str, date | None]
                     ) -> dict[str, object]:
    attributes: dict[str, object] = {
        "label": entity.label,
        "type": entity.type,
        "aliases": unique(entity.aliases),
        "mentions": entity.mentions,
        "documents": len(entity.documents),
        "sources": sorted(set(entity.documents)),
    }
    if entity.roles:
        attributes["roles"] = unique(entity.roles)
    if entity.type == "meeting":
        attributes["date"] = entity.date or ""
        attributes["iso_date"] = meeting_iso_date(
            entity.date or "", (published.get(article) for article in entity.documents))
        attributes["venue"] = entity.venue or ""
    return attributes


def _provenance(claim: Claim) -> dict[str, object]:
    evidence = claim.evidence
    return {
        "article": evidence.article_id,
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
    is flagged ``disputed``. Each supporting sentence is stored once, in the
    graph's ``sentences`` table.
    """
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = [{name: getattr(a, name) for name in ARTICLE_FIELDS}
                               for a in sorted(articles, key=lambda a: a.id)]
    graph.graph["model"] = model
    published = {a.id: parse_date(a.published) for a in articles}
    # Articles of unknown outlet count one each: two of them are not one outlet.
    outlet_of = {a.id: ("outlet", a.outlet) if a.outlet else ("article", a.id) for a in articles}
    for entity in sorted(resolution.entities, key=lambda e: e.id):
        graph.add_node(entity.id, **_node_attributes(entity, published))
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

    supporting: list[Claim] = []
    for (subject, relation, target, negated), group in sorted(grouped.items()):
        group.sort(key=lambda c: (-c.confidence, c.evidence.article_id, c.evidence.start))
        best = group[0]
        in_order = [best, *sorted(group[1:], key=lambda c: (c.evidence.article_id,
                                                            c.evidence.start))]
        per_document: dict[str, float] = {}
        for claim in group:
            doc = claim.evidence.article_id
            per_document[doc] = max(per_document.get(doc, 0.0), claim.confidence)
        attributes: dict[str, object] = {
            "relation": relation,
            "negated": negated,
            "confidence": combined_confidence(list(per_document.values())),
            "documents": len(per_document),
            "outlets": len({outlet_of.get(doc, ("article", doc)) for doc in per_document}),
            "sources": sorted(per_document),
            "modality": best.modality,
            "cue": unique(c.cue for c in group),
            "disputed": len(polarities[(subject, relation, target)]) > 1,
            "provenance": [_provenance(c) for c in in_order],
        }
        attributed = unique(
            labels.get(resolution.entity_of.get(c.attributed_to, ""), c.attributed_to.text)
            for c in group
            if c.attributed_to is not None
        )
        if attributed:
            attributes["attributed_to"] = attributed
        role = unique(c.role or "" for c in group)
        if role:
            attributes["role"] = role
        graph.add_edge(subject, target, key=edge_key(relation, negated), **attributes)
        supporting.extend(group)
    graph.graph[SENTENCES] = _sentence_table(supporting)
    return graph


def _sentence_table(claims: Iterable[Claim]) -> dict[str, dict[str, str]]:
    """One copy of each supporting sentence, by article and offsets, in offset order."""
    texts: dict[tuple[str, int, int], str] = {}
    for evidence in sorted({c.evidence for c in claims},
                           key=lambda e: (e.article_id, e.start, e.end, e.sentence)):
        where = (evidence.article_id, evidence.start, evidence.end)
        if texts.setdefault(where, evidence.sentence) != evidence.sentence:
            # Offsets name one span of one article, so this means a broken extraction.
            log.warning("Two sentences at %s %d:%d; keeping the first", *where)
    table: dict[str, dict[str, str]] = {}
    for (article, start, end), text in sorted(texts.items()):
        table.setdefault(article, {})[sentence_key(start, end)] = text
    return table
