"""Property-based: any text in names, titles, roles, dates and evidence goes through every
writer without an exception, and the files read back (untrusted strings, issue 9)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.export import DEFAULT_FORMATS, write_outputs
from graphbuild.graph import build_graph
from graphbuild.types import Article, Claim, Entity, Evidence, Mention, Resolution

texts = st.text(max_size=60)


def _graph(name: str, title: str, role: str, date: str, sentence: str) -> nx.MultiDiGraph:
    person = Mention("a1", 0, max(1, len(name)), name or "x", "person", "p")
    summit = Mention("a1", 0, 6, "summit", "meeting", "m")
    entities = (Entity("person:p", name or "x", "person", (name, role), 1, ("a1",),
                       roles=(role,)),
                Entity("meeting:m", f"Summit {name}", "meeting", ("summit",), 1, ("a1",),
                       date=date, venue=title))
    claim = Claim(person, "attends", summit, Evidence("a1", sentence, 0, len(sentence)),
                  cue=role, role=role)
    resolution = Resolution(entities, {person: "person:p", summit: "meeting:m"})
    return build_graph([Article("a1", f"{title}.txt", title, sentence)], resolution, [claim],
                       model=name)


@given(texts, texts, texts, texts, texts)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_is_written_by_every_writer(name: str, title: str, role: str, date: str,
                                             sentence: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        written = write_outputs(_graph(name, title, role, date, sentence), tmp,
                                DEFAULT_FORMATS)
        names = {p.name for p in written}
        assert {"graph.html", "graph.graphml", "graph.gexf", "graph.json"} <= names
        json.loads(Path(tmp, "graph.json").read_text(encoding="utf-8"))
        back = nx.read_graphml(Path(tmp, "graph.graphml"))
        assert back.number_of_nodes() == 2
