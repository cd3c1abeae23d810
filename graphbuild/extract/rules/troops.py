"""declines_troops: says it will not, cannot or refuses to send troops."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    PREDICATES,
    Context,
    relation_words,
    subjects,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import children, conjuncts, is_negated
from graphbuild.types import Claim


def _declines_troops(token: Token, ctx: Context) -> Iterator[Claim]:
    objects = relation_words("declines_troops", "objects")
    troops = [obj for obj in children(token, "dobj") for obj in conjuncts(obj)
              if obj.lower_ in objects or obj.lemma_.lower() in objects]
    if not troops or not is_negated(token)[0]:
        return
    for claim in emit(ctx, "declines_troops", subjects(token, ctx), None, token,
                         [token, troops[0]]):
        yield Claim(claim.subject, claim.relation, None, claim.evidence, negated=False,
                    modality=claim.modality, cue=claim.cue, attributed_to=claim.attributed_to,
                    confidence=claim.confidence)


@starts_at(*PREDICATES, lemmas=lambda: relation_words("declines_troops", "verbs"))
def troop_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """A negated troop-sending verb ("cannot send troops")."""
    if token.pos_ in PREDICATES and token.lemma_.lower() in relation_words(
            "declines_troops", "verbs"):
        yield from _declines_troops(token, ctx)


RULES = (troop_verb,)
