"""The pipeline's rule lemmatizer, run over arrays: the same lemmas, without a Python
``Token`` per word.

spaCy's rule lemmatizer remembers each (word, part of speech, morphology) it has seen, but
still builds a ``Token`` and sets ``lemma_`` for every word of every document; on
``en_core_web_sm`` that costs several percent of parsing. Here the three values come out
of one ``Doc.to_array`` call, only a combination not met before reaches the lemmatizer
(through its own method, so its cache and its answers are the same), and the lemmas go back
with one ``Doc.from_array``. That first look-up is itself faster: the lemmatizer's word
index is searched as a list of up to 57,000 words for every candidate form, and here it
runs on a copy whose index is a set (same contents, same answers). Lemmas are remembered as
text and their ids taken from the vocabulary per document, since ids made inside a
``memory_zone`` do not outlive it.
"""

from __future__ import annotations

import copy
from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

# Distinct (word, part of speech, morphology) combinations remembered; past it the memory
# is cleared (a long run over an archive meets ever more rare words).
MAX_REMEMBERED = 300_000


class ArrayLemmatizer:
    """Drop-in for a rule-mode ``Lemmatizer`` that does not overwrite earlier lemmas."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError(f"not a rule lemmatizer that keeps earlier lemmas: "
                             f"mode {lemmatizer.mode}, overwrite {lemmatizer.overwrite}")
        self.lemmatizer = _with_index_sets(lemmatizer)
        self._known: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known = self._known
        if len(known) >= MAX_REMEMBERED:
            known.clear()
        add = doc.vocab.strings.add
        ids: dict[str, int] = {}
        lemmas = numpy.array(values[:, 3:], dtype=numpy.uint64)
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma:
                continue  # set by the attribute ruler's exceptions
            key = (orth, pos, morph)
            text = known.get(key)
            if text is None:
                text = known[key] = self.lemmatizer.rule_lemmatize(doc[i])[0]
            number = ids.get(text)
            if number is None:
                number = ids[text] = add(text)
            lemmas[i, 0] = number
        doc.from_array([LEMMA], cast(Ints2d, lemmas))
        return doc


def _with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A shallow copy of ``lemmatizer`` whose ``lemma_index`` lists are sets."""
    fast = copy.copy(lemmatizer)
    fast.lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            fast.lookups.add_table(name, {pos: frozenset(words) for pos, words in table.items()})
        else:
            fast.lookups.set_table(name, table)
    return fast
