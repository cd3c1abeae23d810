"""Graphs for export tests and ``bench/html_load.py``: hostile text and synthetic size."""

from __future__ import annotations

import random

import networkx as nx

from graphbuild.graph import build_graph, sentence_key
from graphbuild.types import Article, Claim, Entity, Evidence, Mention, Resolution

#: Set by any of these payloads if the page ever runs them.
XSS_FLAG = "__graphbuildPwned"
SCRIPT = f"<script>window.{XSS_FLAG}=1</script>"
IMG = f'<img src=x onerror="window.{XSS_FLAG}=2">'
LINK = f'<a href="javascript:window.{XSS_FLAG}=3">click</a>'
ALERT = "<svg onload=alert(1)>"
HOSTILE = f"{SCRIPT} {IMG} {LINK} {ALERT} </script><!-- ]]> & \u2028"


def _mention(article: str, text: str, kind: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, kind, key)


def hostile_graph() -> nx.MultiDiGraph:
    """An article whose title, entity names and sentences are HTML/JS payloads."""
    name = f"Evil {IMG}"
    sentence = f"{name} will attend the {SCRIPT} summit {LINK}."
    text = sentence + " Control\x00chars\x0b and \r\n new lines \x1b[0m."
    article = Article("x1", "x1.html", f"Title {HOSTILE}", text)
    evil = _mention("x1", name, "person", "p")
    summit = _mention("x1", "summit", "meeting", "m", sentence.index("summit"))
    cue = sentence.index("attend")
    entities = (
        Entity("person:evil", name, "person", (name, f"alias {ALERT}", "Ünïcode 名前"), 2, ("x1",),
               roles=(f"role {SCRIPT}",)),
        Entity("meeting:summit", f"Summit {HOSTILE}", "meeting", ("summit",), 1, ("x1",),
               date="\x01Monday", venue=f"{LINK}"),
    )
    claims = [Claim(evil, "attends", summit,
                    Evidence("x1", sentence, 0, len(sentence), "attend", cue, cue + 6),
                    cue="attend", confidence=0.7)]
    resolution = Resolution(entities, {evil: "person:evil", summit: "meeting:summit"})
    return build_graph([article], resolution, claims, model=f"model {SCRIPT}")


TYPES = ("person", "country", "organization", "meeting", "location")
RELATIONS = ("attends", "hosts", "declines_troops", "cites_threat")


def synthetic_graph(n: int = 2000, *, seed: int = 7, edges_per_node: float = 1.5,
                    articles: int = 200) -> nx.MultiDiGraph:
    """A contract-shaped graph of ``n`` nodes with a few hubs, built without spaCy."""
    rng = random.Random(seed)
    sentences: dict[str, dict[str, str]] = {}
    graph = nx.MultiDiGraph(model="synthetic",
                            articles=[{"id": f"a{i}", "title": f"Article {i}", "path": f"a{i}.txt"}
                                      for i in range(articles)], sentences=sentences)
    ids = []
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        node = f"{kind}:entity-{i}"
        ids.append(node)
        docs = sorted(rng.sample(range(articles), rng.randint(1, 3)))
        attributes: dict[str, object] = {
            "label": f"Entity {i}", "type": kind, "aliases": [f"Entity {i}", f"E{i}"],
            "mentions": rng.randint(1, 40), "documents": len(docs),
            "sources": [f"a{d}" for d in docs]}
        if kind == "meeting":
            attributes.update(date="Monday", venue="Paris")
        graph.add_node(node, **attributes)
    for _ in range(int(n * edges_per_node)):
        # preferential: low indices are hubs
        source = ids[int(rng.random() ** 2 * n)]
        target = ids[rng.randrange(n)]
        if source == target:
            continue
        relation = rng.choice(RELATIONS)
        negated = rng.random() < 0.15
        key = f"not-{relation}" if negated else relation
        if graph.has_edge(source, target, key):
            continue
        article = f"a{rng.randrange(articles)}"
        sentence = f"Entity {source} will {'not ' if negated else ''}{relation} Entity {target}."
        cue_at = sentence.index(relation)
        start = 100 * (len(sentences.get(article, ())) + 1)
        sentences.setdefault(article, {})[sentence_key(start, start + len(sentence))] = sentence
        graph.add_edge(source, target, key=key, relation=relation, negated=negated,
                       confidence=round(rng.uniform(0.4, 0.95), 4), documents=1,
                       sources=[article], modality="asserted", cue=[relation],
                       disputed=False, provenance=[{
                           "article": article, "start": start,
                           "end": start + len(sentence), "cue": relation,
                           "cue_start": start + cue_at, "cue_end": start + cue_at + len(relation),
                           "negated": negated, "modality": "asserted"}])
    return graph
