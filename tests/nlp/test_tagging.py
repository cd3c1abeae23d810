"""``graphbuild.nlp.tagging``: the compiled attribute ruler gives exactly what spaCy's
ruler gives, on real text and on arbitrary tag and dependency assignments."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from graphbuild.models import default_model
from graphbuild.nlp.tagging import CompiledAttributeRuler, UnsupportedPattern

REPO = Path(__file__).resolve().parents[2]
COLUMNS = [TAG, POS, DEP, LEMMA, MORPH]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy ships it, with its own attribute ruler."""
    return spacy.load(default_model())


def _ruled(nlp: Language, doc: Doc, ruler: object) -> np.ndarray:
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    ruler(copy)  # type: ignore[operator]
    return copy.to_array(COLUMNS)


def test_real_articles_get_the_same_annotations(stock: Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    compiled = CompiledAttributeRuler(ruler)
    texts = [p.read_text() for p in sorted((REPO / "tests/data/realnews/dev").glob(
        "*/articles/*.txt"))]
    texts.append("Y'all ain't gonna get it, let's go: there is gotta be nothin' here. "
                 "I 'd been doin' it; c'mon, ol' boy, it's 'nuff.")
    tokens = 0
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in stock.pipe(texts):
            tokens += len(doc)
            assert np.array_equal(_ruled(stock, doc, ruler), _ruled(stock, doc, compiled))
    assert tokens > 10_000


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_tags_and_dependencies_get_the_same_annotations(stock: Language,
                                                             data: st.DataObject) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    words = data.draw(st.lists(st.sampled_from(
        ["there", "is", "was", "gon", "na", "let", "'s", "ai", "n't", "I", "it", "the", "that",
         "do", "have", "been", "being", " ", "\n", "y'", "all", "got", "ta", "c'm", "on",
         "will", "but", "Paris", "summit", "not", "here"]), min_size=1, max_size=12))
    tags = list(stock.get_pipe("tagger").labels) + ["_SP", ""]
    deps = list(stock.get_pipe("parser").labels) + ["ROOT", ""]
    doc = Doc(stock.vocab, words=words,
              tags=[data.draw(st.sampled_from(tags)) for _ in words],
              deps=[data.draw(st.sampled_from(deps)) for _ in words],
              heads=[0] * len(words))
    assert np.array_equal(_ruled(stock, doc, ruler),
                          _ruled(stock, doc, CompiledAttributeRuler(ruler)))


@pytest.mark.parametrize("pattern", [
    pytest.param([{"ORTH": "Paris"}], id="another-attribute"),
    pytest.param([{"LOWER": "paris", "OP": "?"}], id="an-operator"),
    pytest.param([{"LENGTH": {">=": 3}}], id="a-comparison"),
])
def test_patterns_it_cannot_compile_keep_spacys_ruler(pattern: list[dict[str, object]]) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([pattern], {"LEMMA": "x"})

    with pytest.raises(UnsupportedPattern):
        CompiledAttributeRuler(ruler)


def test_it_remembers_only_the_few_patterns_a_new_word_passes(stock: Language) -> None:
    """Memory grows with the corpus's vocabulary: a word must not cost a set of every
    pattern it fails."""
    ruler = stock.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    compiled = CompiledAttributeRuler(ruler)
    words = [f"zorb{i}" for i in range(200)]
    doc = Doc(stock.vocab, words=words, tags=["NN"] * len(words), deps=["dep"] * len(words),
              heads=[0] * len(words))
    compiled(doc)
    per_word = [len(specs) for (slot, _), specs in compiled._passing.items() if slot == 1]
    assert len(per_word) == len(words)
    assert max(per_word) <= 5
