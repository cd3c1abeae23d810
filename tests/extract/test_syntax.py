"""Array look-ups of words (graphbuild.extract.syntax)."""

from __future__ import annotations

from spacy.attrs import ORTH, POS

from graphbuild.build import _pipeline
from graphbuild.extract.syntax import lowered_lemmas, tokens_where, tokens_with


def test_lowered_lemmas_are_each_tokens_lemma_lower_cased():
    doc = _pipeline(None)("Summits were Hosted in Oslo. The SUMMIT met.")
    strings = doc.vocab.strings
    assert [strings[h] for h in lowered_lemmas(doc).tolist()] == [
        t.lemma_.lower() for t in doc]


def test_tokens_with_a_lemma_a_lower_cased_text_or_a_text():
    doc = _pipeline(None)("Leaders met at the SUMMITS. CHOGM opened; the Talks ended.")
    found = tokens_with(doc, lemmas={"meet"}, lowers={"talks"}, texts={"CHOGM"})
    assert [t.text for t in found] == ["met", "CHOGM", "Talks"]
    assert [t.text for t in tokens_with(doc, lemmas={"summit"})] == ["SUMMITS"]
    assert tokens_with(doc) == []


def test_tokens_where_an_attribute_has_one_of_the_values():
    doc = _pipeline(None)("Kenya hosts the summit and Kenya wins.")
    assert [t.i for t in tokens_where(doc, ORTH, ["Kenya"])] == [0, 5]
    assert [t.text for t in tokens_where(doc, POS, ["NOUN"])] == ["summit"]
