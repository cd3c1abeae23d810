"""Words the tokenizer would split at a hyphen, kept whole with their lemma; names it
would keep joined, split.

spaCy splits "co-hosts" into "co", "-", "hosts", and the parser then takes "co" for the
subject of "Tony Blair co-hosts the summit". ``data/lexicon.toml``'s ``[tokens]`` lists
such words (each lemma with its forms); they become tokenizer exceptions, and a component
after the lemmatizer gives each form its lemma, which the lemmatizer would get wrong
("co-hoste").
"""

from __future__ import annotations

from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from graphbuild.lexicon import lexicon


@cache
def whole_word_lemmas() -> dict[str, str]:
    """Each listed form, lower-cased, -> its lemma."""
    table: dict[str, list[str]] = lexicon()["tokens"]["whole_words"]
    return {form.lower(): lemma for lemma, forms in table.items() for form in forms}


@cache
def _whole_word_ids() -> numpy.ndarray:
    """The listed forms' string ids, as the LOWER attribute holds them."""
    return numpy.fromiter((get_string_id(form) for form in whole_word_lemmas()),
                          dtype=numpy.uint64)


def keep_whole_words(nlp: Language) -> None:
    """Make every listed form one token, as written and capitalised."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for form in whole_word_lemmas():
        for spelling in {form, form.capitalize()}:
            tokenizer.add_special_case(spelling, [{ORTH: spelling}])


def split_abbreviated_pairs(nlp: Language) -> None:
    """Split two names joined by a hyphen after an abbreviation ("U.S.-Russia summit",
    "U.K.-EU talks"), which spaCy keeps as one word while it splits "US-Russia"."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        infixes = list(nlp.Defaults.infixes or ())
        tokenizer.infix_finditer = compile_infix_regex(
            [*infixes, _HYPHEN_AFTER_ABBREVIATION]).finditer


# "U.S.-Russia": a hyphen or dash between an abbreviation's full stop and a capital.
_HYPHEN_AFTER_ABBREVIATION = r"(?<=[A-Za-z]\.)[-–](?=[A-Z])"


@Language.component("graphbuild_whole_word_lemmas", assigns=["token.lemma"])
def set_whole_word_lemmas(doc: Doc) -> Doc:
    """Give the kept-whole words their lemma; the tokens are found by their lower-case
    form's hash in one array pass, so no other token is touched."""
    lemmas = whole_word_lemmas()
    found = numpy.nonzero(numpy.isin(doc.to_array(LOWER), _whole_word_ids()))[0]
    for index in found.tolist():
        token = doc[index]
        token.lemma_ = lemmas[token.lower_]
    return doc
