"""``graphbuild.graph``: resolved entities and claims -> the MultiDiGraph contract.

Resolutions are written by hand (no resolve stage, no spaCy model) so each
test pins one rule of edge aggregation or one attribute of the contract.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graphbuild.errors import GraphFormatError
from graphbuild.graph import (
    EDGE_ATTRIBUTES,
    EDGE_LIST_ATTRIBUTES,
    NODE_ATTRIBUTES,
    NODE_LIST_ATTRIBUTES,
    PROVENANCE_FIELDS,
    best_sentence,
    build_graph,
    check_native,
    combined_confidence,
    edge_key,
    entity_id,
    sentence,
    slugify,
    strings,
    unique,
)
from graphbuild.types import Article, Claim, Entity, Evidence, Mention, Resolution

if TYPE_CHECKING:
    from conftest import Story

    StoryFactory = type[Story]

UK = Entity("country:united-kingdom", "United Kingdom", "country", ("Britain", "UK"), 3,
            ("a1", "a2"))
POLAND = Entity("country:poland", "Poland", "country", ("Poland",), 1, ("a1",))
SUMMIT = Entity("meeting:summit-monday", "Summit (Monday)", "meeting", ("the summit",), 2,
                ("a1", "a2"), date="Monday", venue="Tallinn")
LINDQVIST = Entity("person:marta-lindqvist", "Marta Lindqvist", "person",
                ("Lindqvist", "Marta Lindqvist"), 2, ("a2",), roles=("Defence Secretary",))


def articles(*ids: str) -> list[Article]:
    return [Article(i, f"{i}.txt", f"Story {i}", "") for i in ids]


def graph_of(claims: list[Claim], entity_of: dict[Mention, str],
             entities: tuple[Entity, ...] = (UK, POLAND, SUMMIT, LINDQVIST)) -> nx.MultiDiGraph:
    resolution = Resolution(entities, entity_of)
    ids = sorted({c.evidence.article_id for c in claims} | {"a1"})
    return build_graph(articles(*ids), resolution, claims, model="test_model")


class Corpus:
    """Stories plus the entity every mention resolves to."""

    def __init__(self, story: StoryFactory) -> None:
        self.story = story
        self.stories: dict[str, Story] = {}
        self.entity_of: dict[Mention, str] = {}

    def __getitem__(self, article_id: str) -> Story:
        return self.stories.setdefault(article_id, self.story(article_id))

    def uk(self, article_id: str, text: str = "Britain") -> Mention:
        return self._resolved(self[article_id].country(text, "GBR"), UK)

    def poland(self, article_id: str) -> Mention:
        return self._resolved(self[article_id].country("Poland", "POL"), POLAND)

    def summit(self, article_id: str) -> Mention:
        return self._resolved(self[article_id].meeting("Monday", text="the summit"), SUMMIT)

    def lindqvist(self, article_id: str) -> Mention:
        return self._resolved(self[article_id].person("Marta Lindqvist"), LINDQVIST)

    def _resolved(self, mention: Mention, entity: Entity) -> Mention:
        self.entity_of[mention] = entity.id
        return mention

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.stories.values() for c in s.claims]

    def graph(self) -> nx.MultiDiGraph:
        return graph_of(self.claims, self.entity_of)


@pytest.fixture
def corpus(story: StoryFactory) -> Corpus:
    return Corpus(story)


def edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted(graph.edges(keys=True))


# -- aggregation -----------------------------------------------------------------


def test_claims_become_one_edge_with_all_provenance(corpus: Corpus) -> None:
    corpus["a2"].claim(corpus.uk("a2", "UK"), "hosts", corpus.summit("a2"), cue="host")
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), cue="will host")
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), cue="host")
    graph = corpus.graph()

    assert edges(graph) == [("country:united-kingdom", "meeting:summit-monday", "hosts")]
    data = graph.edges["country:united-kingdom", "meeting:summit-monday", "hosts"]
    assert data["relation"] == "hosts"
    assert data["negated"] is False
    assert data["documents"] == 2
    assert data["sources"] == ["a1", "a2"]
    assert data["cue"] == ["will host", "host"]
    assert [(p["article"], p["start"]) for p in data["provenance"]] == [
        ("a1", 0), ("a1", 19), ("a2", 0)]
    assert all(tuple(p) == PROVENANCE_FIELDS for p in data["provenance"])
    assert set(data) <= set(EDGE_ATTRIBUTES)


def test_documents_counts_distinct_articles(corpus: Corpus) -> None:
    for _ in range(3):
        corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"))
    graph = corpus.graph()

    data = graph.edges["country:united-kingdom", "meeting:summit-monday", "hosts"]
    assert data["documents"] == 1
    assert len(data["provenance"]) == 3


@pytest.mark.parametrize(("per_article", "expected"), [
    pytest.param({"a1": [0.6]}, 0.6, id="one-article"),
    pytest.param({"a1": [0.6, 0.6, 0.6]}, 0.6, id="repeats-in-one-article-do-not-add"),
    pytest.param({"a1": [0.3, 0.6]}, 0.6, id="best-claim-of-an-article"),
    pytest.param({"a1": [0.6], "a2": [0.6]}, 0.84, id="two-articles"),
    pytest.param({"a1": [0.6], "a2": [0.6], "a3": [0.6]}, 0.936, id="three-articles"),
    pytest.param({"a1": [0.9], "a2": [0.9], "a3": [0.9]}, 0.99, id="capped"),
])
def test_confidence_grows_with_independent_articles(
        corpus: Corpus, per_article: dict[str, list[float]], expected: float) -> None:
    for article, confidences in per_article.items():
        for confidence in confidences:
            corpus[article].claim(corpus.uk(article), "hosts", corpus.summit(article),
                                  confidence=confidence)
    graph = corpus.graph()

    data = graph.edges["country:united-kingdom", "meeting:summit-monday", "hosts"]
    assert data["confidence"] == pytest.approx(expected)
    assert data["documents"] == len(per_article)


def test_combined_confidence_is_a_noisy_or() -> None:
    assert combined_confidence([0.5, 0.5]) == 0.75
    assert combined_confidence([]) == 0.0


def test_opposite_polarities_are_both_kept_and_disputed(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.poland("a1"), "attends", corpus.summit("a1"), negated=True,
                       cue="will not attend")
    corpus["a2"].claim(corpus.poland("a2"), "attends", corpus.summit("a2"), cue="attends")
    corpus["a2"].claim(corpus.uk("a2"), "hosts", corpus.summit("a2"))
    graph = corpus.graph()

    assert edges(graph) == [
        ("country:poland", "meeting:summit-monday", "attends"),
        ("country:poland", "meeting:summit-monday", "not-attends"),
        ("country:united-kingdom", "meeting:summit-monday", "hosts"),
    ]
    denied = graph.edges["country:poland", "meeting:summit-monday", "not-attends"]
    asserted = graph.edges["country:poland", "meeting:summit-monday", "attends"]
    assert (denied["negated"], denied["disputed"], denied["cue"]) == (
        True, True, ["will not attend"])
    assert (asserted["negated"], asserted["disputed"]) == (False, True)
    assert graph.edges["country:united-kingdom", "meeting:summit-monday", "hosts"][
        "disputed"] is False


def test_within_one_article_the_stronger_polarity_prevails(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.poland("a1"), "attends", corpus.summit("a1"),
                       cue="was considering attending", confidence=0.6)
    corpus["a1"].claim(corpus.poland("a1"), "attends", corpus.summit("a1"), negated=True,
                       cue="decided not to attend", confidence=0.7)
    corpus["a2"].claim(corpus.uk("a2"), "attends", corpus.summit("a2"), confidence=0.7)
    corpus["a2"].claim(corpus.uk("a2"), "attends", corpus.summit("a2"), negated=True,
                       confidence=0.7)
    graph = corpus.graph()

    assert edges(graph) == [
        ("country:poland", "meeting:summit-monday", "not-attends"),
        ("country:united-kingdom", "meeting:summit-monday", "not-attends"),
    ]
    assert graph.edges["country:poland", "meeting:summit-monday", "not-attends"][
        "disputed"] is False


def test_claim_without_object_is_a_self_loop(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.poland("a1"), "declines_troops", cue="will not send troops")
    graph = corpus.graph()

    assert edges(graph) == [("country:poland", "country:poland", "declines_troops")]
    data = graph.edges["country:poland", "country:poland", "declines_troops"]
    assert best_sentence(graph, data) == "Poland declines_troops"


def test_claims_that_do_not_resolve_are_dropped(corpus: Corpus, story: StoryFactory) -> None:
    stray = story("a1").country("Freedonia", "FRE")  # in no entity_of
    corpus["a1"].claim(stray, "attends", corpus.summit("a1"))
    corpus["a1"].claim(corpus.uk("a1"), "attends", stray)
    corpus["a1"].claim(corpus.uk("a1"), "met_with", corpus.uk("a1", "UK"))  # same entity
    graph = corpus.graph()

    assert edges(graph) == []
    assert set(graph) == {UK.id, POLAND.id, SUMMIT.id, LINDQVIST.id}


def test_attribution_and_role_use_labels(corpus: Corpus) -> None:
    corpus["a2"].claim(corpus.lindqvist("a2"), "affiliated_with", corpus.uk("a2"),
                       role="Defence Secretary", attributed_to=corpus.uk("a2", "UK"))
    corpus["a1"].claim(corpus.poland("a1"), "declines_troops",
                       attributed_to=corpus["a1"].org("officials", "org:officials"))
    graph = corpus.graph()

    affiliation = graph.edges[LINDQVIST.id, UK.id, "affiliated_with"]
    assert (affiliation["role"], affiliation["attributed_to"]) == (
        ["Defence Secretary"], ["United Kingdom"])
    # an unresolved source keeps its text
    assert graph.edges[POLAND.id, POLAND.id, "declines_troops"]["attributed_to"] == ["officials"]
    assert "role" not in graph.edges[POLAND.id, POLAND.id, "declines_troops"]


# -- nodes and graph attributes ----------------------------------------------------


def test_node_attributes_follow_the_contract() -> None:
    graph = graph_of([], {})

    assert dict(graph.nodes[UK.id]) == {
        "label": "United Kingdom", "type": "country", "aliases": ["Britain", "UK"],
        "mentions": 3, "documents": 2, "sources": ["a1", "a2"]}
    assert dict(graph.nodes[SUMMIT.id]) == {
        "label": "Summit (Monday)", "type": "meeting", "aliases": ["the summit"],
        "mentions": 2, "documents": 2, "sources": ["a1", "a2"], "date": "Monday",
        "iso_date": "", "venue": "Tallinn"}
    assert graph.nodes[LINDQVIST.id]["roles"] == ["Defence Secretary"]
    assert all(set(data) <= set(NODE_ATTRIBUTES) for _, data in graph.nodes(data=True))


def test_meeting_without_date_or_venue_gets_empty_strings() -> None:
    bare = Entity("meeting:talks", "Talks", "meeting", ("talks",), 1, ("a1",))
    graph = graph_of([], {}, (bare,))

    assert (graph.nodes[bare.id]["date"], graph.nodes[bare.id]["venue"]) == ("", "")


@pytest.mark.parametrize(("outlets", "expected"), [
    pytest.param({"a1": "BBC", "a2": "BBC", "a3": "BBC"}, 1, id="one-outlet"),
    pytest.param({"a1": "BBC", "a2": "ITV", "a3": "BBC"}, 2, id="two-outlets"),
    pytest.param({"a1": "", "a2": "", "a3": ""}, 3, id="unknown-outlets-count-one-each"),
    pytest.param({"a1": "BBC", "a2": "", "a3": "BBC"}, 2, id="known-and-unknown"),
])
def test_edges_count_distinct_outlets(corpus: Corpus, outlets: dict[str, str],
                                      expected: int) -> None:
    for article in outlets:
        corpus[article].claim(corpus.uk(article), "hosts", corpus.summit(article), cue="host")
    resolution = Resolution((UK, SUMMIT), corpus.entity_of)
    graph = build_graph([Article(a, f"{a}.txt", a, "", outlet=o) for a, o in outlets.items()],
                        resolution, corpus.claims)

    assert graph.edges[UK.id, SUMMIT.id, "hosts"]["outlets"] == expected


@pytest.mark.parametrize(("published", "expected"), [
    pytest.param({"a1": "2025-04-02", "a2": "2025-04-03"}, "2025-04-07", id="agree"),
    pytest.param({"a1": "2025-04-02", "a2": "2025-04-08"}, "2025-04-07", id="tie-earliest"),
    pytest.param({"a1": "2025-04-02", "a2": ""}, "2025-04-07", id="one-dated"),
    pytest.param({"a1": "", "a2": ""}, "", id="undated"),
])
def test_meetings_get_an_iso_date_from_the_articles_that_mention_them(
        published: dict[str, str], expected: str) -> None:
    graph = build_graph([Article(a, f"{a}.txt", a, "", published=p)
                         for a, p in published.items()], Resolution((SUMMIT,), {}), [])

    assert (graph.nodes[SUMMIT.id]["date"], graph.nodes[SUMMIT.id]["iso_date"]) == (
        "Monday", expected)


def test_meeting_iso_date_counts_only_the_articles_that_mention_it() -> None:
    others = [Article(a, f"{a}.txt", a, "", published="2025-04-08") for a in ("a3", "a4")]
    graph = build_graph([Article("a1", "a1.txt", "a1", "", published="2025-04-02"), *others],
                        Resolution((SUMMIT,), {}), [])

    assert graph.nodes[SUMMIT.id]["iso_date"] == "2025-04-07"


def test_graph_attributes_list_articles_sorted_and_the_model() -> None:
    dated = Article("a", "a.txt", "Story a", "", outlet="BBC", published="2025-04-02",
                    url="https://bbc.co.uk/a")
    graph = build_graph([*articles("b"), dated], Resolution((UK,), {}), [], model="en_test")

    assert graph.graph == {"model": "en_test", "sentences": {}, "articles": [
        {"id": "a", "title": "Story a", "path": "a.txt", "outlet": "BBC",
         "published": "2025-04-02", "url": "https://bbc.co.uk/a"},
        {"id": "b", "title": "Story b", "path": "b.txt", "outlet": "", "published": "",
         "url": ""}]}
    assert isinstance(graph, nx.MultiDiGraph)


def test_graph_is_deterministic(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), cue="host")
    corpus["a2"].claim(corpus.poland("a2"), "attends", corpus.summit("a2"), negated=True)
    corpus["a2"].claim(corpus.poland("a2"), "declines_troops")
    corpus["a1"].claim(corpus.poland("a1"), "attends", corpus.summit("a1"))
    claims = corpus.claims
    entities = (UK, POLAND, SUMMIT, LINDQVIST)
    first = graph_of(claims, corpus.entity_of, entities)
    again = graph_of(claims, corpus.entity_of, entities)
    shuffled = graph_of(claims[::-1], dict(reversed(corpus.entity_of.items())),
                        entities[::-1])

    def dump(graph: nx.MultiDiGraph) -> str:
        return json.dumps(nx.node_link_data(graph, edges="edges"), sort_keys=False)

    assert dump(first) == dump(again) == dump(shuffled)


# -- ids and list values ------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Sébastien Lecornu", "sebastien-lecornu", id="accents"),
    pytest.param("Leaders' summit (end of last month)", "leaders-summit-end-of-last-month",
                 id="punctuation"),
    pytest.param("U.S.", "u-s", id="dots"),
    pytest.param("  Coalition   of the Willing ", "coalition-of-the-willing", id="spaces"),
    pytest.param("NATO’s HQ", "natos-hq", id="curly-apostrophe"),
    pytest.param("Київ", "x", id="no-ascii-letters"),
    pytest.param("", "x", id="empty"),
])
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_entity_id() -> None:
    assert entity_id("country", "United Kingdom") == "country:united-kingdom"
    assert entity_id("meeting", "Summit (Monday)") == "meeting:summit-monday"


def test_edge_key() -> None:
    assert (edge_key("attends", False), edge_key("attends", True)) == ("attends",
                                                                        "not-attends")


def test_unique_drops_empties_and_repeats() -> None:
    assert unique(["UK", "", "Britain", "UK"]) == ["UK", "Britain"]


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param(["UK", "Britain"], ["UK", "Britain"], id="list"),
    pytest.param(("UK",), ["UK"], id="tuple"),
    pytest.param("UK; Britain", ["UK; Britain"], id="another-tool's-string-is-one-item"),
    pytest.param("", [], id="empty-string"),
    pytest.param(None, [], id="missing"),
])
def test_strings(value: object, expected: list[str]) -> None:
    assert strings(value) == expected


# -- native values and the sentence table -----------------------------------------------


def test_list_attributes_are_lists(corpus: Corpus) -> None:
    corpus["a2"].claim(corpus.lindqvist("a2"), "affiliated_with", corpus.uk("a2"),
                       role="Defence Secretary", attributed_to=corpus.uk("a2", "UK"),
                       cue="Defence Secretary")
    graph = corpus.graph()

    for _, data in graph.nodes(data=True):
        assert all(isinstance(data[name], list) for name in NODE_LIST_ATTRIBUTES
                   if name in data)
    (data,) = [d for *_, d in graph.edges(data=True)]
    assert {name: data[name] for name in EDGE_LIST_ATTRIBUTES} == {
        "sources": ["a2"], "cue": ["Defence Secretary"], "attributed_to": ["United Kingdom"],
        "role": ["Defence Secretary"]}
    assert isinstance(data["provenance"], list)


def test_provenance_keeps_offsets_and_the_table_one_copy_of_each_sentence(story) -> None:
    text = "Britain will host the summit and Poland will attend it."
    a1 = story("a1")
    uk, poland, summit = (a1.country("Britain", "GBR"), a1.country("Poland", "POL"),
                          a1.meeting("Monday", text="the summit"))
    evidence = Evidence("a1", text, 0, len(text), "host", 13, 17)
    claims = [Claim(uk, "hosts", summit, evidence, cue="host"),
              Claim(poland, "attends", summit, evidence, cue="attend"),
              Claim(poland, "attends", summit, evidence, cue="attend", confidence=0.9)]
    graph = graph_of(claims, {uk: UK.id, poland: POLAND.id, summit: SUMMIT.id})

    assert graph.graph["sentences"] == {"a1": {f"0:{len(text)}": text}}
    for *_, data in graph.edges(data=True):
        assert all("sentence" not in entry for entry in data["provenance"])
        assert [sentence(graph, entry) for entry in data["provenance"]] == [text] * len(
            data["provenance"])


def test_provenance_lists_the_best_claim_first_then_by_article(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), confidence=0.5)
    corpus["a2"].claim(corpus.uk("a2", "UK"), "hosts", corpus.summit("a2"), confidence=0.9)
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), confidence=0.5)
    graph = corpus.graph()

    data = graph.edges[UK.id, SUMMIT.id, "hosts"]
    assert [(p["article"], p["start"]) for p in data["provenance"]] == [
        ("a2", 0), ("a1", 0), ("a1", 19)]
    assert best_sentence(graph, data) == "UK hosts the summit"


def test_sentence_of_an_entry_the_graph_lacks_is_empty() -> None:
    graph = nx.MultiDiGraph()
    assert sentence(graph, {"article": "a1", "start": 0, "end": 5}) == ""
    assert best_sentence(graph, {"provenance": []}) == ""


@pytest.mark.parametrize("old", [
    pytest.param(lambda g: g.add_node("n", aliases="UK; Britain"), id="joined-aliases"),
    pytest.param(lambda g: g.add_edge("n", "m", cue="host"), id="joined-cue"),
    pytest.param(lambda g: g.add_edge("n", "m", provenance=[
        {"article": "a1", "sentence": "N hosts M.", "start": 0, "end": 10}]),
        id="sentence-in-provenance"),
])
def test_check_native_refuses_the_old_format(old) -> None:
    graph = nx.MultiDiGraph()
    old(graph)
    with pytest.raises(GraphFormatError, match=r"^graph\.json was written by an older graphbuild"
                       r" \(lists stored as text\); rebuild it from its corpus with: "
                       r"graphbuild build CORPUS -o OUTPUTS$"):
        check_native(graph, "graph.json")


def test_check_native_accepts_the_contract(corpus: Corpus) -> None:
    corpus["a1"].claim(corpus.uk("a1"), "hosts", corpus.summit("a1"), cue="host")
    check_native(corpus.graph(), "graph.json")
