"""Shared fixtures: a small hand-built graph that needs no spaCy model."""

from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.graph import build_graph
from graphbuild.types import Article, Claim, Entity, Evidence, Mention, Resolution


def _mention(article: str, text: str, kind: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, kind, key)


@pytest.fixture
def tiny_graph() -> nx.MultiDiGraph:
    """Two articles, a meeting with a host, a negated attendee and a dispute."""
    a1 = "Britain will host the summit on Monday. Freedonia will not attend the summit."
    a2 = "Freedonia will attend the summit, officials said. <script>alert(1)</script>"
    articles = [Article("a1", "a1.txt", "First <b>story</b>", a1),
                Article("a2", "a2.txt", "Second story", a2)]
    uk = _mention("a1", "Britain", "country", "country:GBR")
    summit1 = _mention("a1", "the summit", "meeting", "m", 18)
    fr1 = _mention("a1", "Freedonia", "country", "country:FRE", 40)
    summit1b = _mention("a1", "the summit", "meeting", "m", 67)
    fr2 = _mention("a2", "Freedonia", "country", "country:FRE")
    summit2 = _mention("a2", "the summit", "meeting", "m", 22)
    entities = (
        Entity("country:united-kingdom", "United Kingdom", "country", ("Britain",), 1, ("a1",)),
        Entity("country:freedonia", "Freedonia", "country", ("Freedonia",), 2, ("a1", "a2")),
        Entity("meeting:summit-monday", "Summit (Monday)", "meeting", ("the summit",), 3,
               ("a1", "a2"), date="Monday", venue=""),
    )
    entity_of = {uk: "country:united-kingdom", fr1: "country:freedonia",
                 fr2: "country:freedonia", summit1: "meeting:summit-monday",
                 summit1b: "meeting:summit-monday", summit2: "meeting:summit-monday"}
    s1 = a1[:39]
    s2 = a1[40:]
    s3 = a2[:49]
    claims = [
        Claim(uk, "hosts", summit1, Evidence("a1", s1, 0, 39, "host", 13, 17), cue="host",
              modality="planned"),
        Claim(fr1, "attends", summit1b, Evidence("a1", s2, 40, len(a1), "will not attend", 50, 65),
              negated=True, cue="will not attend", modality="planned"),
        Claim(fr2, "attends", summit2, Evidence("a2", s3, 0, 49, "attend", 15, 21), cue="attend",
              modality="reported", attributed_to=_mention("a2", "officials", "organization", "o")),
    ]
    resolution = Resolution(entities, entity_of)
    return build_graph(articles, resolution, claims, model="test")
