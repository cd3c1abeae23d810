"""People's names in the entity corrector (graphbuild.nlp.people), on parsed text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graphbuild.nlp.people import looks_like_name


@pytest.mark.parametrize(("text", "expected"), [
    ("Sebastian Pinera", True),
    ("Abdullah bin Zayed", True),
    ("Luiz Inacio Lula da Silva", True),
    ("the summit", False),
    ("2025", False),
])
def test_looks_like_name(nlp: Language, text: str, expected: bool) -> None:
    assert looks_like_name(nlp.make_doc(text)[:]) is expected


def test_a_title_is_split_off_the_name(nlp: Language) -> None:
    doc = nlp("Chancellor Olaf Scholz met Foreign Minister Anna Berg in Berlin.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people == ["Olaf Scholz", "Anna Berg"]
