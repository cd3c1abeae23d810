"""Relation rules: one module per relation family, wired by ``data/lexicon.toml``.

Each ``[relations.NAME]`` section of the lexicon says whether NAME is core, gives its
help text and lists the modules of this package that read it (``rules = ["hosts"]``).
Each module exposes ``RULES``: functions ``(token, ctx)`` that check their own trigger
words and yield claims. Adding a relation such as ``sanctions`` is one lexicon section,
one module and its test rows.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator
from functools import cache

from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from graphbuild.extract.rules.context import Context
from graphbuild.lexicon import relation_specs
from graphbuild.types import Claim, Mention

Rule = Callable[[Token, Context], Iterator[Claim]]


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of every module the lexicon names, each module once, in lexicon order."""
    modules = dict.fromkeys(module for spec in relation_specs() for module in spec.rules)
    return tuple(rule for module in modules
                 for rule in importlib.import_module(f"{__name__}.{module}").RULES)


# Rules start from a content word (a verb, noun, adjective or name) or a meeting word, so
# function words and punctuation, about half of all tokens, are not offered to them.
_FUNCTION_WORDS = frozenset((
    "PUNCT", "SPACE", "DET", "ADP", "PRON", "PART", "CCONJ", "SCONJ", "NUM", "SYM", "INTJ",
    "X"))


def _admits(rule: Rule, part_of_speech: str) -> bool:
    admitted: frozenset[str] = getattr(rule, "parts_of_speech", frozenset())
    return not getattr(rule, "meetings_only", False) and (
        not admitted or part_of_speech in admitted)


@cache
def _rules_by_part_of_speech() -> dict[int, tuple[Rule, ...]]:
    """The rules offered a token that is not a meeting word, by its part of speech: those
    whose ``starts_at`` admits it (a rule without one takes any content word)."""
    table: dict[int, tuple[Rule, ...]] = {}
    for name, number in IDS.items():
        if name in _FUNCTION_WORDS:
            continue
        table[number] = tuple(rule for rule in rules() if _admits(rule, name))
    return table


class OverBudget(Exception):
    """Reading one article took longer than its budget."""


def relation_claims(doc: Doc, article_id: str, by_token: dict[int, Mention],
                    meetings: dict[int, Mention], sentence_of: dict[int, int],
                    refs: dict[int, list[Mention]], *, deadline: float | None = None
                    ) -> list[Claim]:
    """Every relation claim the rules find in one parsed article; raises
    :class:`OverBudget` past ``deadline`` (a ``time.monotonic()`` value)."""
    ctx = Context(doc, article_id, by_token, meetings, sentence_of, refs)
    claims: list[Claim] = []
    every_rule, offered = rules(), _rules_by_part_of_speech()
    for token in doc:
        if deadline is not None and token.i % 256 == 0 and time.monotonic() > deadline:
            raise OverBudget(article_id)
        for rule in every_rule if token.i in meetings else offered.get(token.pos, ()):
            claims.extend(rule(token, ctx))
    return list(dict.fromkeys(claims))
