"""graph.json: native values as they are, each sentence once, the old format refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import GraphFormatError
from graphbuild.export.json import dumps_indented, read_json, write_json
from graphbuild.graph import build_graph
from graphbuild.types import Article, Claim, Entity, Evidence, Mention, Resolution

from .helpers import snapshot

#: A graph.json as graphbuild wrote it before lists were native: joined text, and the
#: sentence copied into every provenance entry.
OLD_FORMAT = {
    "directed": True, "multigraph": True,
    "graph": {"articles": [{"id": "a1", "path": "a1.txt", "title": ""}], "model": "m"},
    "nodes": [{"id": "country:uk", "label": "United Kingdom", "type": "country",
               "aliases": "UK; Britain", "mentions": 2, "documents": 1, "sources": "a1"}],
    "edges": [{"source": "country:uk", "target": "country:uk", "key": "declines_troops",
               "relation": "declines_troops", "negated": False, "sources": "a1",
               "evidence": "UK will not send troops.", "cue": "will not send",
               "provenance": [{"article": "a1", "sentence": "UK will not send troops.",
                               "start": 0, "end": 24}]}],
}


def test_round_trip_keeps_native_values(tiny_graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    write_json(tiny_graph, path)
    back = read_json(path)

    assert snapshot(back) == snapshot(tiny_graph)
    data = json.loads(path.read_text(encoding="utf-8"))
    uk = next(n for n in data["nodes"] if n["id"] == "country:united-kingdom")
    assert (uk["aliases"], uk["sources"]) == (["Britain"], ["a1"])


def test_a_sentence_giving_several_claims_is_stored_once(tmp_path: Path) -> None:
    text = "France, Germany and Poland will attend the summit hosted by Italy."
    names = {"France": "FRA", "Germany": "DEU", "Poland": "POL", "Italy": "ITA"}
    mentions = {name: Mention("a1", text.index(name), text.index(name) + len(name), name,
                              "country", f"country:{code}") for name, code in names.items()}
    summit = Mention("a1", text.index("the summit"), text.index("the summit") + 10,
                     "the summit", "meeting", "m")
    entities = tuple(Entity(f"country:{code.lower()}", name, "country", (name,), 1, ("a1",))
                     for name, code in names.items())
    entities += (Entity("meeting:summit", "Summit", "meeting", ("the summit",), 1, ("a1",)),)
    entity_of = {m: f"country:{names[n].lower()}" for n, m in mentions.items()}
    entity_of[summit] = "meeting:summit"
    evidence = Evidence("a1", text, 0, len(text), "attend", 32, 38)
    claims = [Claim(mentions[name], "attends", summit, evidence, cue="attend")
              for name in ("France", "Germany", "Poland")]
    claims.append(Claim(mentions["Italy"], "hosts", summit, evidence, cue="hosted"))
    graph = build_graph([Article("a1", "a1.txt", "", text)], Resolution(entities, entity_of),
                        claims)
    path = tmp_path / "graph.json"
    write_json(graph, path)

    written = path.read_text(encoding="utf-8")
    assert graph.number_of_edges() == 4
    assert written.count(json.dumps(text)) == 1
    assert json.loads(written)["graph"]["sentences"] == {"a1": {f"0:{len(text)}": text}}


def test_the_old_format_asks_for_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(OLD_FORMAT), encoding="utf-8")

    with pytest.raises(GraphFormatError) as caught:
        read_json(path)
    assert str(caught.value) == (
        f"{path} was written by an older graphbuild (lists stored as text); rebuild it from "
        "its corpus with: graphbuild build CORPUS -o OUTPUTS")


_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats()
            | st.text(alphabet=st.characters(), max_size=8))
_KEYS = (st.text(max_size=5) | st.integers() | st.floats(allow_nan=False) | st.booleans()
         | st.none())
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.tuples(inner, inner)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                       max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(_VALUES, st.booleans())
def test_indented_json_is_the_standard_librarys(value: object, sort_keys: bool) -> None:
    # graph.json, aliases.json and files.json are written by dumps_indented: byte for byte
    # what json.dumps with indent=1 wrote.
    assert dumps_indented(value, sort_keys=sort_keys) == json.dumps(
        value, ensure_ascii=False, indent=1, sort_keys=sort_keys)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_KEYS, _SCALARS, max_size=4))
def test_indented_json_writes_keys_as_the_standard_library(value: dict) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", [{"a": {1, 2}}, [object()], {(1, 2): 3}])
def test_indented_json_refuses_what_is_not_json(value: object) -> None:
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError):
        dumps_indented(value)
