"""``graphbuild.names``: the one name normaliser, and that resolution, look-up and
evaluation all compare names through it."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.evaluate import evaluate, gold_from_dict
from graphbuild.lexicon import name_rules, words
from graphbuild.names import honorific_sexes, normalise_name, party_words, public_figure_surname
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


def test_gendered_honorifics_are_honorifics_the_names_lose() -> None:
    """Every honorific that says a sex is also stripped from names by clean_person_name."""
    listed = name_rules()["honorifics"]
    assert set(listed) == {"female", "male"}
    assert not set(listed["female"]) & set(listed["male"])
    assert set(listed["female"]) | set(listed["male"]) <= words("people", "honorifics")


@pytest.mark.parametrize(("text", "sexes"), [
    pytest.param("Mrs Howard", {"female"}, id="mrs"),
    pytest.param("Sir Tony Radakin", {"male"}, id="sir"),
    pytest.param("Adm. Lady Jane Grey", {"female"}, id="after-another-title"),
    pytest.param("Dr Howard", set(), id="no-sex"),
    pytest.param("Lord", set(), id="a-name-alone"),
])
def test_honorific_sexes(text: str, sexes: set[str]) -> None:
    assert honorific_sexes(text) == sexes


@pytest.mark.parametrize(("name", "distinctive"), [
    pytest.param("the Labour Party", {"labour"}, id="labour"),
    pytest.param("Conservative party", {"conservative"}, id="lower-case-head"),
    pytest.param("Scottish Labour Party", {"scottish", "labour"}, id="two-words"),
    pytest.param("the party", None, id="generic"),
    pytest.param("Labour", None, id="no-head"),
    pytest.param("Party Congress", None, id="head-not-last"),
])
def test_party_words(name: str, distinctive: set[str] | None) -> None:
    assert party_words(name) == distinctive


@pytest.mark.parametrize(("name", "surname"), [
    ("Xi Jinping", "Xi"),
    ("Yoon Suk Yeol", "Yoon"),
    ("Kim Jong-un", "Kim"),  # another spelling of the same person
    ("Abdel Fattah al-Sisi", "al-Sisi"),  # the surname as the full name ends
    ("Xi", None),  # a surname alone is no full name
    ("Jane Doe", None),
])
def test_public_figure_surname(name: str, surname: str | None) -> None:
    assert public_figure_surname(name) == surname
