"""``graphbuild.names``: the one name normaliser, and that resolution, look-up and
evaluation all compare names through it."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.evaluate import evaluate, gold_from_dict
from graphbuild.names import normalise_name
from graphbuild.query import KnowledgeGraph
from graphbuild.resolve import AliasRules, resolve
from graphbuild.types import ArticleExtraction, Mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("United Kingdom", "united kingdom", id="casefold"),
        pytest.param("U.K.", "uk", id="dots"),
        pytest.param("U.S.A.", "usa", id="dots-three"),
        pytest.param("the United States", "united states", id="leading-the"),
        pytest.param("The  Ramstein   group", "ramstein group", id="the-and-whitespace"),
        pytest.param("the the Hague", "hague", id="repeated-the"),
        pytest.param("Macron's", "macron", id="possessive"),
        pytest.param("Ukraine’s leadership", "ukraine leadership", id="curly-possessive"),
        pytest.param("Sébastien Lecornu", "sebastien lecornu", id="accents"),
        pytest.param("Se\u0301bastien", "sebastien", id="decomposed-accent"),
        pytest.param("Kjærgaard", "kjaergaard", id="transliterated"),
        pytest.param("Türkiye", "turkiye", id="turkish"),
        pytest.param("STRASSE", "strasse", id="casefold-not-lower"),
        pytest.param("Kofi Mensah-Arthur", "kofi mensah arthur", id="hyphen"),
        pytest.param("country:united-kingdom", "country united kingdom", id="node-id"),
        pytest.param("“Coalition of the Willing”", "coalition of the willing", id="quotes"),
        pytest.param("Владимир Путин", "владимир путин", id="cyrillic-kept"),
        pytest.param("Theresa May", "theresa may", id="the-only-as-word"),
        pytest.param("the", "the", id="bare-the"),
        pytest.param("  ", "", id="blank"),
    ],
)
def test_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


@given(st.text())
def test_normalise_name_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


# Pairs written differently that are one name everywhere.
SAME_NAME = [
    pytest.param("Sébastien Lecornu", "sebastien lecornu", id="accents-and-case"),
    pytest.param("Kofi Mensah-Arthur", "Kofi Mensah Arthur", id="hyphen"),
    pytest.param("the Baltic Forum’s", "Baltic Forum", id="the-and-possessive"),
    pytest.param("B.F.", "BF", id="dots"),
]


@pytest.mark.parametrize(("written", "typed"), SAME_NAME)
def test_resolution_lookup_and_evaluation_agree(written: str, typed: str) -> None:
    """A name as an article wrote it is found by the query API, matches a gold file and
    is named by an alias file under the other spelling."""
    graph = nx.MultiDiGraph()
    graph.add_node("organization:x", label=written, type="organization", aliases=[written],
                   documents=1)
    assert KnowledgeGraph(graph).entity(typed).id == "organization:x"

    gold = gold_from_dict({"entities": [{"id": "X", "type": "organization", "name": typed}],
                           "relations": []})
    assert ("organization:x", "X") in evaluate(graph, gold).matches

    article = Mention("a1", 0, len(written), written, "organization", "org:written")
    other = Mention("a1", 100, 105, "Other", "organization", "org:other")
    resolution = resolve([ArticleExtraction("a1", (article, other), ())],
                         rules=AliasRules(merge=((typed, "Other"),)))
    assert resolution.entity_of[article] == resolution.entity_of[other]
