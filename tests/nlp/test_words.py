"""Words kept whole by the tokenizer (graphbuild.nlp.words)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Chile co-hosts the summit.", "co-hosts", "co-host"),
    ("The talks were co-chaired by Norway.", "co-chaired", "co-chair"),
    ("France is co-hosting the conference.", "co-hosting", "co-host"),
    ("Co-hosted by Kenya, the summit opened.", "Co-hosted", "co-host"),
])
def test_hyphenated_words_stay_whole_with_their_lemma(
        nlp: Language, text: str, word: str, lemma: str) -> None:
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert token.lemma_ == lemma
