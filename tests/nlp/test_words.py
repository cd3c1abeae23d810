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


@pytest.mark.parametrize(("text", "words"), [
    ("a U.S.-Russia summit", ["a", "U.S.", "-", "Russia", "summit"]),
    ("U.K.–EU talks", ["U.K.", "–", "EU", "talks"]),
    ("the U.S.-led coalition", ["the", "U.S.-led", "coalition"]),
    ("a US-Russia summit", ["a", "US", "-", "Russia", "summit"]),
])
def test_names_joined_after_an_abbreviation_are_split(
        nlp: Language, text: str, words: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == words
