"""One self-contained, offline HTML page to explore the graph and its evidence.

Consumes the graph of :mod:`graphbuild.graph`; produces a single HTML file
with vis-network (read from the installed pyvis package), the page script,
styles and the graph data all inlined. The page makes no network request and
works from ``file://``. It is written from graphbuild's own template
(``graphbuild/data/html/``), never through pyvis, so the graph is not mutated
and nothing is written next to it.

Article text is untrusted. The data travels as JSON inside a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and the
JavaScript line separators escaped, the page script puts strings into the DOM
with ``textContent`` only, and a Content-Security-Policy allows no script
except the two inline scripts of the page (by SHA-256 hash) and no network.

Positions come from :mod:`graphbuild.export.layout`; physics is off, so a
2,000-node graph draws once and is interactive immediately. Above
``max_nodes`` nodes the page draws the best-connected part and says so; every
entity is still in the data, so search finds and draws any of them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import logging
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Mapping
from importlib import resources
from pathlib import Path

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.export import style
from graphbuild.export.layout import Positions, compute_layout
from graphbuild.graph import sentence, strings
from graphbuild.lexicon import words
from graphbuild.types import ENTITY_TYPES

log = logging.getLogger(__name__)

DEFAULT_MAX_NODES = 500
VIS_NETWORK_CANDIDATES = ("templates/lib/vis-9.1.2/vis-network.min.js",
                          "templates/lib/vis-9.0.4/vis-network.min.js")

_NODE_FIELDS = {"label", "type", "aliases", "mentions", "documents", "sources", "roles", "date",
                "iso_date", "venue"}
_EDGE_FIELDS = {"relation", "negated", "confidence", "documents", "outlets", "sources",
                "modality", "cue", "disputed", "provenance", "attributed_to", "role"}
#: What the page learns of each article, by id (``articles`` keeps id -> title).
_ARTICLE_DETAILS = ("title", "outlet", "published", "url")
_MARKER = re.compile(r"/\*@([A-Z]+)@\*/")


class HtmlAssetError(GraphbuildError):
    """A file the HTML page inlines (vis-network, the page template) is missing."""


def _asset(name: str) -> str:
    return (resources.files("graphbuild") / "data" / "html" / name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """The vis-network bundle shipped inside pyvis, read at write time.

    The package is found, not imported: importing pyvis imports Jinja and IPython (a
    tenth of a second), for a file we only read.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise HtmlAssetError("pyvis is not installed. Install it with: pip install pyvis==0.3.2")
    for candidate in VIS_NETWORK_CANDIDATES:
        for folder in spec.submodule_search_locations:
            path = Path(folder, *candidate.split("/"))
            if path.is_file():
                return path.read_text(encoding="utf-8")
    looked = ", ".join(VIS_NETWORK_CANDIDATES)
    raise HtmlAssetError(f"vis-network is missing from the pyvis package (looked for {looked}). "
                         "Reinstall it with: pip install --force-reinstall pyvis==0.3.2")


def select_nodes(graph: nx.MultiDiGraph, max_nodes: int | None) -> list[Hashable]:
    """The nodes the page draws: all of them, or the best-connected ``max_nodes``.

    Above ``max_nodes`` only entities with a relation are drawn, since isolated
    dots tell nothing at that size (search still finds them). Nodes are taken by
    rank (degree, parallel edges counting, then articles, mentions and id), each
    with its best-ranked neighbour when none of its neighbours is taken yet, so
    no drawn node is left alone. A claim about itself (``declines_troops``, a
    loop) is a relation too.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("p", "q"), ("p", "q"),
    ...                      ("loop", "loop")])
    >>> g.add_node("alone")
    >>> select_nodes(g, 2)
    ['a', 'hub']
    >>> select_nodes(g, 5)
    ['a', 'hub', 'loop', 'p', 'q']
    >>> len(select_nodes(g, 10))
    8
    """
    nodes = sorted(graph.nodes, key=str)
    if max_nodes is None or max_nodes <= 0 or len(nodes) <= max_nodes:
        return nodes

    def rank(node: Hashable) -> tuple[int, float, float, str]:
        data = graph.nodes[node]
        return (-graph.degree(node), -_number(data.get("documents")),
                -_number(data.get("mentions")), str(node))

    kept: set[Hashable] = set()
    for node in sorted(nodes, key=rank):
        neighbours = set(nx.all_neighbors(graph, node)) - {node}
        if node in kept or not graph.degree(node):
            continue
        if not neighbours or neighbours & kept:
            kept.add(node)
        elif len(kept) + 2 <= max_nodes:
            kept.update((node, min(neighbours, key=rank)))
        if len(kept) >= max_nodes:
            break
    return sorted(kept, key=str)


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _json_value(value: object) -> object:
    """A value JSON.parse accepts: finite numbers, strings, lists, dicts."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return str(value)


def _extra(data: Mapping[str, object], known: set[str]) -> list[list[object]]:
    extra = []
    for name in sorted(set(data) - known, key=str):
        value = data[name]
        if value is None:
            continue
        if not isinstance(value, bool | int | float | str):
            value = json.dumps(_json_value(value), ensure_ascii=False, sort_keys=True)
        extra.append([str(name), _json_value(value)])
    return extra


def _split_cue(sentence: str, cue: str, start: int | None, cue_start: int | None,
               cue_end: int | None) -> tuple[str, str, str]:
    """(before, cue, after) of a sentence, from the offsets or else by searching the cue."""
    if (isinstance(start, int) and isinstance(cue_start, int) and isinstance(cue_end, int)
            and cue_start >= 0):
        begin, end = cue_start - start, cue_end - start
        if 0 <= begin < end <= len(sentence):
            return sentence[:begin], sentence[begin:end], sentence[end:]
    if cue:
        at = sentence.lower().find(cue.lower())
        if at >= 0:
            return sentence[:at], sentence[at:at + len(cue)], sentence[at + len(cue):]
    return sentence, "", ""


def _evidence(graph: nx.MultiDiGraph, data: Mapping[str, object]) -> list[dict[str, object]]:
    provenance = data.get("provenance")
    items: list[dict[str, object]] = []
    if isinstance(provenance, list):
        for entry in provenance:
            if not isinstance(entry, Mapping):
                continue
            cue = str(entry.get("cue") or "")
            pre, mark, post = _split_cue(sentence(graph, entry), cue,
                                         entry.get("start"),  # type: ignore[arg-type]
                                         entry.get("cue_start"), entry.get("cue_end"))  # type: ignore[arg-type]
            items.append({"article": str(entry.get("article") or ""), "pre": pre, "cue": mark,
                          "post": post, "negated": entry.get("negated") is True,
                          "modality": str(entry.get("modality") or "")})
    return items


def _smooth(index: int) -> dict[str, object] | None:
    """Curve the 2nd, 3rd ... edge between one pair of nodes so none hides another."""
    if index == 0:
        return None
    return {"type": "curvedCW" if index % 2 else "curvedCCW",
            "roundness": round(0.2 * ((index + 1) // 2), 2)}


#: Articles that open a description as well as the lexicon's anaphoric determiners.
_INDEFINITE_ARTICLES = frozenset({"a", "an"})


def is_description(alias: str) -> bool:
    """Whether an alias only describes a meeting instead of naming it.

    A determiner, lower-case words and a meeting noun ("this gathering", "the
    next meeting") refer back to a meeting the article named; shown as aliases
    they would bury the names.

    >>> [is_description(a) for a in ("this gathering", "The talks", "a summit")]
    [True, True, True]
    >>> [is_description(a) for a in ("the G7 summit", "Thursday's meeting", "the UK", " ")]
    [False, False, False, False]
    """
    parts = alias.split()
    if not parts:
        return False  # a blank alias (a role written as a space) describes nothing
    first, *rest = parts
    determiners = words("meetings", "anaphoric") | _INDEFINITE_ARTICLES
    return (bool(rest) and first.casefold() in determiners
            and all(word.islower() for word in rest)
            and rest[-1] in words("meetings", "nouns"))


def _articles(graph: nx.MultiDiGraph) -> dict[str, Mapping[str, object]]:
    articles = graph.graph.get("articles")
    if not isinstance(articles, list):
        return {}
    return {str(a.get("id")): a for a in articles if isinstance(a, Mapping)}


def _outlet_of(articles: Mapping[str, Mapping[str, object]]) -> dict[str, str]:
    """The outlet of each article that names one."""
    return {id_: str(about["outlet"]) for id_, about in articles.items() if about.get("outlet")}


def _outlets(sources: list[str], outlet_of: Mapping[str, str]) -> list[str]:
    """The distinct outlets of the articles ``sources``, when the articles name theirs."""
    return sorted({outlet_of[s] for s in sources if s in outlet_of})


def page_data(graph: nx.MultiDiGraph, *, max_nodes: int | None = DEFAULT_MAX_NODES,
              positions: Positions | None = None) -> dict[str, object]:
    """Everything the page script needs, as plain JSON-ready values.

    Every entity and relation is listed so that search finds them all; the
    ``drawn`` nodes (:func:`select_nodes`) are the ones the page starts with.
    ``articles`` maps article ids to titles; ``article_details`` to their title,
    outlet, publication date and URL. Edges carry ``outlets`` and meetings
    ``iso_date``.
    """
    drawn = set(select_nodes(graph, max_nodes))
    if positions is None:
        positions = compute_layout(graph)
    articles = _articles(graph)
    outlet_of = _outlet_of(articles)
    nodes = []
    type_counts: dict[str, int] = defaultdict(int)
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        entity_type = str(data.get("type") or "unknown")
        type_counts[entity_type] += 1
        x, y = positions.get(node, (0.0, 0.0))
        label = str(data.get("label") or node)
        sources = strings(data.get("sources"))
        nodes.append({
            "id": str(node), "label": label, "type": entity_type, "drawn": node in drawn,
            "aliases": [a for a in strings(data.get("aliases"))
                        if a != label and not is_description(a)],
            "roles": strings(data.get("roles")), "date": str(data.get("date") or ""),
            "iso_date": str(data.get("iso_date") or ""), "venue": str(data.get("venue") or ""),
            "mentions": int(_number(data.get("mentions"))),
            "documents": int(_number(data.get("documents"))),
            "sources": sources, "outlets": _outlets(sources, outlet_of),
            "x": round(float(x), 1), "y": round(-float(y), 1),
            "size": style.node_size(data.get("mentions")),
            "colour": style.node_colour(entity_type),
            "shape": style.VIS_SHAPES.get(entity_type, "dot"),
            "extra": _extra(data, _NODE_FIELDS),
        })
    edge_list = sorted(graph.edges(keys=True, data=True),
                       key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    per_pair: dict[frozenset[str], int] = defaultdict(int)
    edges = []
    relation_counts: dict[str, int] = defaultdict(int)
    for index, (source, target, key, data) in enumerate(edge_list):
        relation = str(data.get("relation") or key)
        relation_counts[relation] += 1
        pair = frozenset((str(source), str(target)))
        evidence = _evidence(graph, data)
        edges.append({
            "id": f"e{index}", "from": str(source), "to": str(target), "key": str(key),
            "relation": relation, "label": style.edge_label(relation, data.get("negated")),
            "negated": data.get("negated") is True, "disputed": data.get("disputed") is True,
            "confidence": round(_number(data.get("confidence")), 3),
            "documents": int(_number(data.get("documents"))) or len(evidence),
            "outlets": int(_number(data.get("outlets"))),
            "modality": str(data.get("modality") or ""),
            # Lists; the page shows them "; "-joined, as it always has.
            "cue": strings(data.get("cue")),
            "attributed_to": strings(data.get("attributed_to")),
            "role": strings(data.get("role")),
            "smooth": _smooth(per_pair[pair]),
            "evidence": evidence,
            "extra": _extra(data, _EDGE_FIELDS),
        })
        per_pair[pair] += 1
    details = {id_: {name: str(about.get(name) or "") for name in _ARTICLE_DETAILS}
               for id_, about in articles.items()}
    ordered_types = [t for t in ENTITY_TYPES if t in type_counts]
    ordered_types += sorted(set(type_counts) - set(ordered_types))
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    drawn_edges = sum(1 for u, v in graph.edges() if u in drawn and v in drawn)
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": {id_: about["title"] for id_, about in details.items()},
        "article_details": details,
        "model": str(graph.graph.get("model") or ""),
        "types": [{"name": t, "colour": style.node_colour(t),
                   "shape": style.VIS_SHAPES.get(t, "dot"), "count": type_counts[t]}
                  for t in ordered_types],
        "relations": [{"name": r, "text": style.relation_text(r), "count": relation_counts[r]}
                      for r in sorted(relation_counts)],
        "style": {"edge": style.EDGE_COLOUR, "negated": style.NEGATED_COLOUR,
                  "disputed": style.DISPUTED_COLOUR},
        "truncated": len(drawn) < total_nodes,
        "max_nodes": max_nodes,
        "shown": {"nodes": len(drawn), "edges": drawn_edges},
        "total": {"nodes": total_nodes, "edges": total_edges},
    }


def script_json(value: object) -> str:
    """JSON that is inert inside ``<script>``: no ``<``, ``>``, ``&`` or line separators.

    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    return _inert(json.dumps(_json_value(value), ensure_ascii=False, separators=(",", ":"),
                             allow_nan=False))


def _page_json(data: dict[str, object]) -> str:
    """:func:`script_json` of :func:`page_data`'s value, which holds only JSON values under
    string keys by construction: encoded as it is, without first walking its few hundred
    thousand values through ``_json_value`` (a third of the page's time on 10,000 nodes).
    Should a value not be JSON after all, the careful way gives the same text as ever."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          default=_not_json)
    except (TypeError, ValueError):
        return script_json(data)
    return _inert(text)


def _not_json(value: object) -> object:
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def _inert(text: str) -> str:
    """JSON text with ``<``, ``>``, ``&`` and the line separators escaped."""
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline_script(code: str) -> str:
    """Script text safe to put between ``<script>`` tags."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def generate_html(graph: nx.MultiDiGraph, *, max_nodes: int | None = DEFAULT_MAX_NODES,
                  positions: Positions | None = None, title: str | None = None) -> str:
    """The page for ``graph`` as a string (see :func:`write_html`)."""
    data = page_data(graph, max_nodes=max_nodes, positions=positions)
    if title is None:
        title = (f"graphbuild: {graph.number_of_nodes():,} entities, "
                 f"{graph.number_of_edges():,} relations")
    vis = _inline_script(vis_network_js())
    app = _inline_script(_asset("graph.js"))
    csp = ("default-src 'none'; "
           f"script-src {_hash(vis)} {_hash(app)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "base-uri 'none'; form-action 'none'")
    parts = {
        "CSP": csp,
        "TITLE": html.escape(title),
        "CSS": _asset("graph.css").replace("</", "<\\/"),
        "DATA": _page_json(data),
        "VIS": vis,
        "APP": app,
    }
    page = _MARKER.sub(lambda match: parts[match.group(1)], _asset("graph.html"))
    return page.encode("utf-8", errors="replace").decode("utf-8")


def write_html(graph: nx.MultiDiGraph, path: str | Path, *,
               max_nodes: int | None = DEFAULT_MAX_NODES,
               positions: Positions | None = None, title: str | None = None) -> None:
    """Write the interactive page for ``graph`` to ``path`` (and nothing else).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph to show; it is not modified.
    path : str or Path
        The HTML file to write.
    max_nodes : int or None
        Draw at most this many nodes (:func:`select_nodes`); ``None`` draws all.
        Search finds every entity either way.
    positions : mapping, optional
        ``{node: (x, y)}`` shared with the other exports; when omitted the
        shown nodes are laid out here.
    title : str, optional
        Page title; defaults to the entity and relation counts.

    Examples
    --------
    >>> import os, tempfile, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="<script>alert(1)</script>", type="person")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_html(g, os.path.join(tmp, "graph.html"))
    ...     page = open(os.path.join(tmp, "graph.html"), encoding="utf-8").read()
    ...     os.listdir(tmp)
    ['graph.html']
    >>> "<script>alert" in page
    False
    """
    text = generate_html(graph, max_nodes=max_nodes, positions=positions, title=title)
    Path(path).write_text(text, encoding="utf-8")
    log.debug("Wrote %s (%d bytes)", path, len(text))


__all__ = ["DEFAULT_MAX_NODES", "HtmlAssetError", "generate_html", "page_data", "select_nodes",
           "write_html"]
