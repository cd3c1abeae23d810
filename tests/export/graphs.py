"""Graphs for export tests and ``bench/html_load.py``: hostile text and synthetic size."""

from __future__ import annotations

import random
import re

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
    """An article whose title, outlet, entity names, meeting date and sentences are HTML/JS
    payloads, and a second article with another such outlet (so the page offers an
    outlet filter)."""
    name = f"Evil {IMG}"
    sentence = f"{name} will attend the {SCRIPT} summit {LINK}."
    text = sentence + " Control\x00chars\x0b and \r\n new lines \x1b[0m."
    article = Article("x1", "x1.html", f"Title {HOSTILE}", text, outlet=f"Outlet {SCRIPT}",
                      published="2025-04-02")
    other = Article("x2", "x2.html", "Second", "Nothing.", outlet=f"{IMG} & {LINK}")
    evil = _mention("x1", name, "person", "p")
    summit = _mention("x1", "summit", "meeting", "m", sentence.index("summit"))
    cue = sentence.index("attend")
    entities = (
        Entity("person:evil", name, "person", (name, f"alias {ALERT}", "Ünïcode 名前"), 2, ("x1",),
               roles=(f"role {SCRIPT}",)),
        Entity("meeting:summit", f"Summit {HOSTILE}", "meeting", ("summit",), 1, ("x1",),
               date=f"\x01Monday {ALERT}", venue=f"{LINK}"),
    )
    claims = [Claim(evil, "attends", summit,
                    Evidence("x1", sentence, 0, len(sentence), "attend", cue, cue + 6),
                    cue="attend", confidence=0.7)]
    resolution = Resolution(entities, {evil: "person:evil", summit: "meeting:summit"})
    return build_graph([article, other], resolution, claims, model=f"model {SCRIPT}")


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


def summit_graph() -> nx.MultiDiGraph:
    """A meeting with a host, an attendee, a refusal and described aliases; a country
    that declines troops (a loop) and two entities with no relation, one of them a
    person known by several names. Article ``a1`` names its outlet."""
    text = ("Kenya will host the Nairobi summit on Monday. Chile will not attend this "
            "gathering. Peru will attend the talks. Poland will not send troops.")
    sentences = [s.strip() for s in re.findall(r"[^.]+\.", text)]
    starts = [text.index(s) for s in sentences]
    article = Article("a1", "a1.txt", "Summit story", text)

    def mention(words: str, kind: str, key: str, after: int = 0) -> Mention:
        return _mention("a1", words, kind, key, text.index(words, after))

    def evidence(index: int, cue: str) -> Evidence:
        start = starts[index]
        cue_at = text.index(cue, start)
        return Evidence("a1", sentences[index], start, start + len(sentences[index]), cue,
                        cue_at, cue_at + len(cue))

    kenya, chile = mention("Kenya", "country", "k"), mention("Chile", "country", "c")
    peru, poland = mention("Peru", "country", "p"), mention("Poland", "country", "pl")
    summit = mention("the Nairobi summit", "meeting", "m")
    gathering = mention("this gathering", "meeting", "m")
    talks = mention("the talks", "meeting", "m")
    entities = (
        Entity("country:kenya", "Kenya", "country", ("Kenya",), 1, ("a1",)),
        Entity("country:chile", "Chile", "country", ("Chile",), 1, ("a1",)),
        Entity("country:peru", "Peru", "country", ("Peru",), 1, ("a1",)),
        Entity("country:poland", "Poland", "country", ("Poland",), 1, ("a1",)),
        Entity("meeting:nairobi-summit", "Nairobi summit (Monday)", "meeting",
               ("the Nairobi summit", "this gathering", "the talks"), 3, ("a1",),
               date="Monday", venue="Nairobi"),
        Entity("person:william-ruto", "William Ruto", "person",
               ("William Ruto", "Ruto", "William Samoei Ruto"), 2, ("a1",)),
        Entity("organization:lonely-league", "Lonely League", "organization", (), 1, ("a1",)),
    )
    claims = [
        Claim(kenya, "hosts", summit, evidence(0, "host")),
        Claim(chile, "attends", gathering, evidence(1, "will not attend"), negated=True),
        Claim(peru, "attends", talks, evidence(2, "attend")),
        Claim(poland, "declines_troops", None, evidence(3, "send troops")),
    ]
    resolution = Resolution(entities, {kenya: "country:kenya", chile: "country:chile",
                                       peru: "country:peru", poland: "country:poland",
                                       summit: "meeting:nairobi-summit",
                                       gathering: "meeting:nairobi-summit",
                                       talks: "meeting:nairobi-summit"})
    graph = build_graph([article], resolution, claims, model="test")
    graph.graph["articles"][0]["outlet"] = "Daily Nation"
    return graph


def outlets_graph() -> nx.MultiDiGraph:
    """Three articles: Reuters' and AP's of Wednesday 2 April 2025, and one naming neither
    outlet nor date. Both outlets report Kenya hosting the Nairobi summit (Monday, 7 April),
    AP alone Chile attending it, Reuters alone Croatia hosting the Zagreb meeting (Thursday,
    3 April); the undated article has Peru at the Lima talks and Ghana hosting Accra talks."""
    texts = {"a1": "Kenya will host the Nairobi summit on Monday. "
                   "Croatia will host the Zagreb meeting on Thursday.",
             "a2": "Kenya will host the Nairobi summit on Monday. "
                   "Chile will attend the Nairobi summit.",
             "a3": "Peru will attend the Lima talks. Ghana will host the Accra talks."}
    articles = [Article("a1", "a1.txt", "Reuters story", texts["a1"], outlet="Reuters",
                        published="2025-04-02"),
                Article("a2", "a2.txt", "AP story", texts["a2"], outlet="AP",
                        published="2025-04-02"),
                Article("a3", "a3.txt", "Undated story", texts["a3"])]
    meetings = {"Nairobi summit": "meeting:nairobi-summit",
                "Zagreb meeting": "meeting:zagreb-meeting",
                "Lima talks": "meeting:lima-talks", "Accra talks": "meeting:accra-talks"}
    entity_of: dict[Mention, str] = {}
    claims = []

    def claim(article: str, sentence: int, relation: str, cue: str, meeting: str) -> None:
        """The claim of one sentence: its first word (a country) ``relation`` ``meeting``."""
        text = texts[article]
        line = re.findall(r"[^.]+\.", text)[sentence].strip()
        start = text.index(line)
        country = line.split()[0]
        subject = _mention(article, country, "country", country, start)
        venue = _mention(article, meeting, "meeting", meeting, text.index(meeting, start))
        entity_of.update({subject: f"country:{country.lower()}", venue: meetings[meeting]})
        at = text.index(cue, start)
        claims.append(Claim(subject, relation, venue,
                            Evidence(article, line, start, start + len(line), cue, at,
                                     at + len(cue))))

    claim("a1", 0, "hosts", "host", "Nairobi summit")
    claim("a1", 1, "hosts", "host", "Zagreb meeting")
    claim("a2", 0, "hosts", "host", "Nairobi summit")
    claim("a2", 1, "attends", "attend", "Nairobi summit")
    claim("a3", 0, "attends", "attend", "Lima talks")
    claim("a3", 1, "hosts", "host", "Accra talks")
    entities = (
        Entity("country:kenya", "Kenya", "country", ("Kenya",), 2, ("a1", "a2")),
        Entity("country:croatia", "Croatia", "country", ("Croatia",), 1, ("a1",)),
        Entity("country:chile", "Chile", "country", ("Chile",), 1, ("a2",)),
        Entity("country:peru", "Peru", "country", ("Peru",), 1, ("a3",)),
        Entity("country:ghana", "Ghana", "country", ("Ghana",), 1, ("a3",)),
        Entity(meetings["Nairobi summit"], "Nairobi summit (Monday)", "meeting",
               ("Nairobi summit",), 3, ("a1", "a2"), date="Monday"),
        Entity(meetings["Zagreb meeting"], "Zagreb meeting (Thursday)", "meeting",
               ("Zagreb meeting",), 1, ("a1",), date="Thursday"),
        Entity(meetings["Lima talks"], "Lima talks (end of last month)", "meeting",
               ("Lima talks",), 1, ("a3",), date="end of last month"),
        Entity(meetings["Accra talks"], "Accra talks", "meeting", ("Accra talks",), 1, ("a3",)),
    )
    return build_graph(articles, Resolution(entities, entity_of), claims, model="test")
