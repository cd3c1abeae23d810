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

from spacy.tokens import Doc, Token

from graphbuild.extract.rules.context import Context
from graphbuild.extract.rules.offers import offered
from graphbuild.extract.rules.parties import called_off_throughout
from graphbuild.lexicon import relation_specs
from graphbuild.types import Claim, Mention

Rule = Callable[[Token, Context], Iterator[Claim]]


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of every module the lexicon names, each module once, in lexicon order."""
    modules = dict.fromkeys(module for spec in relation_specs() for module in spec.rules)
    return tuple(rule for module in modules
                 for rule in importlib.import_module(f"{__name__}.{module}").RULES)


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
    for seen, (index, chosen) in enumerate(offered(doc, meetings.keys(), rules())):
        if deadline is not None and seen % 64 == 0 and time.monotonic() > deadline:
            raise OverBudget(article_id)
        token = doc[index]
        for rule in chosen:
            claims.extend(rule(token, ctx))
    return called_off_throughout(list(dict.fromkeys(claims)), ctx)
