"""Which tokens each relation rule is offered.

A rule declares where it can start with :func:`starts_at`: parts of speech, meeting words
only, and the words (lemmas, lower-cased) that trigger it. ``relation_claims`` offers a
rule no other token: the tokens that pass are found for the whole article in a few array
operations, so a rule is not called, nor a Python object made of a token, for every word
of the article. A rule still checks its own trigger words: declaring them only saves work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from graphbuild.extract.syntax import lowered_lemmas, string_ids

_R = TypeVar("_R", bound=Callable[..., Any])

# A rule with no declared parts of speech starts from a content word (a verb, noun,
# adjective or name) or a meeting word: function words and punctuation, about half of all
# tokens, are not offered to it.
_FUNCTION_WORDS = frozenset((
    "PUNCT", "SPACE", "DET", "ADP", "PRON", "PART", "CCONJ", "SCONJ", "NUM", "SYM", "INTJ",
    "X"))


def starts_at(*parts_of_speech: str, meetings: bool = False,
              lemmas: Callable[[], Set[str]] | None = None) -> Callable[[_R], _R]:
    """Declare where a rule can start: tokens of these parts of speech, or (``meetings``)
    meeting words only; with ``lemmas``, only tokens whose lower-cased lemma is one of the
    words it returns (read from the lexicon when first needed)."""
    def mark(rule: _R) -> _R:
        rule.parts_of_speech = frozenset(parts_of_speech)  # type: ignore[attr-defined]
        rule.meetings_only = meetings  # type: ignore[attr-defined]
        rule.trigger_lemmas = lemmas  # type: ignore[attr-defined]
        return rule
    return mark


@dataclass(frozen=True)
class _Offer:
    """The part-of-speech ids and lemma ids (None: any lemma) a rule is offered."""

    parts_of_speech: numpy.ndarray
    lemmas: numpy.ndarray | None
    meetings_only: bool


@cache
def _offer(rule: Callable[..., Any]) -> _Offer:
    admitted: frozenset[str] = getattr(rule, "parts_of_speech", frozenset())
    names = admitted or frozenset(IDS) - _FUNCTION_WORDS
    trigger = getattr(rule, "trigger_lemmas", None)
    return _Offer(string_ids(n for n in names if n in IDS),
                  None if trigger is None else string_ids(trigger()),
                  getattr(rule, "meetings_only", False))


def offered(doc: Doc, meetings: Set[int], rules: Sequence[_R]
            ) -> Iterator[tuple[int, Sequence[_R]]]:
    """(token index, the rules offered it) in text order, for the tokens offered any: a
    meeting word is offered every rule."""
    if len(doc) == 0:
        return
    parts_of_speech = doc.to_array(POS)
    lemmas: numpy.ndarray | None = None
    passes = numpy.zeros((len(rules), len(doc)), dtype=bool)
    for index, rule in enumerate(rules):
        offer = _offer(rule)
        if offer.meetings_only:
            continue
        mask = numpy.isin(parts_of_speech, offer.parts_of_speech)
        if offer.lemmas is not None:
            if lemmas is None:
                lemmas = lowered_lemmas(doc)
            mask &= numpy.isin(lemmas, offer.lemmas)
        passes[index] = mask
    wanted = numpy.asarray(passes.any(axis=0))
    wanted[sorted(meetings)] = True
    for token_index in numpy.nonzero(wanted)[0].tolist():
        if token_index in meetings:
            yield token_index, rules
        else:
            yield token_index, [rules[r]
                                for r in numpy.nonzero(passes[:, token_index])[0].tolist()]
