"""``graphbuild.nlp.lemmas``: the array lemmatizer gives exactly spaCy's lemmas, and its
remembered lemmas stay valid across memory zones."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from graphbuild.models import default_model
from graphbuild.nlp import load_pipeline
from graphbuild.nlp.lemmas import ArrayLemmatizer

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(default_model())


def _texts() -> list[str]:
    texts = [p.read_text() for p in sorted((REPO / "tests/data/realnews/dev").glob(
        "*/articles/*.txt"))]
    return texts + ["He's been lying; they're meeting, met and will meet. Ministers met "
                    "ministers' aides. I 'd gone.", "", "   "]


def test_real_articles_get_spacys_lemmas(stock: Language) -> None:
    lemmatizer = stock.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    arrays = ArrayLemmatizer(lemmatizer)
    tokens = 0
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        for doc in stock.pipe(_texts()):
            expected, ours = doc.copy(), doc.copy()
            lemmatizer(expected)
            arrays(ours)
            tokens += len(doc)
            assert np.array_equal(expected.to_array(LEMMA), ours.to_array(LEMMA))
    assert tokens > 10_000


def test_lemmas_outlive_a_memory_zone() -> None:
    nlp = load_pipeline()
    text = "The Zorblaxians convened again; zorblaxing leaders were meeting."
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp(text)]
    with nlp.memory_zone():
        second = [t.lemma_ for t in nlp(text)]
    assert first == second
    assert "meet" in second


def test_a_lemmatizer_that_overwrites_is_refused(stock: Language) -> None:
    lemmatizer = stock.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    lemmatizer.overwrite = True
    try:
        with pytest.raises(ValueError, match="overwrite True"):
            ArrayLemmatizer(lemmatizer)
    finally:
        lemmatizer.overwrite = False
