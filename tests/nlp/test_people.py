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


@pytest.mark.parametrize(("text", "people"), [
    pytest.param("Mr German said the budget was fair.", ["German"],
                 id="honorific-before-a-demonym"),
    pytest.param("Ms English met Dr French on Monday.", ["English", "French"],
                 id="honorifics-before-a-place-and-a-demonym"),
    pytest.param("Mr Pound says he rang Lucy as soon as he got her letter.", ["Pound", "Lucy"],
                 id="verb-run-into-the-name"),
])
def test_names_start_with_a_capital_and_honorifics_make_people(
        nlp: Language, text: str, people: list[str]) -> None:
    doc = nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == people
