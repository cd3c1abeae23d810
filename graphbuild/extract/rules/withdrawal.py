"""withdrew_from: left, pulled out of, stepped back from a body."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    PREDICATES,
    Context,
    actors,
    organisation_object,
    particles,
    relation_words,
    subjects,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import prep_objects
from graphbuild.types import Claim, Mention


def _withdrew_from(token: Token, ctx: Context) -> Iterator[Claim]:
    lemma = token.lemma_.lower()
    required = particles("withdrew_from").get(lemma)
    words_after = [c for c in token.children if c.dep_ in ("prt", "advmod", "prep")
                 and (not required or c.lower_ in required)]
    if required and not any(p.lower_ in required for p in words_after):
        return
    target: Mention | None = None
    for anchor in [token, *words_after]:
        for _, obj in prep_objects(anchor, {"from", "of"}):
            target = target or next(iter(actors(obj, ctx)), None)
    if target is None and lemma in relation_words("withdrew_from", "direct_verbs"):
        target = organisation_object(token, ctx, set())
    if target is None or target.type != "organization":
        return
    yield from emit(ctx, "withdrew_from", subjects(token, ctx), target, token,
                       [token, *words_after[:1]])


@starts_at(*PREDICATES, lemmas=lambda: relation_words("withdrew_from", "verbs"))
def withdrawal_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """A withdrawal verb with the body it leaves."""
    if token.pos_ in PREDICATES and token.lemma_.lower() in relation_words(
            "withdrew_from", "verbs"):
        yield from _withdrew_from(token, ctx)


RULES = (withdrawal_verb,)
