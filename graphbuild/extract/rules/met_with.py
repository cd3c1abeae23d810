"""met_with: a person meets a person ("met with", "had talks with"); the meeting node
with both attending is the primary record."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    PREDICATES,
    Context,
    actors,
    relation_words,
    subjects,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import children, conjuncts, prep_objects
from graphbuild.types import Claim


def _met_with(token: Token, ctx: Context) -> Iterator[Claim]:
    nouns = relation_words("met_with", "nouns")
    anchors = [token]
    if token.lemma_.lower() == "have":
        anchors = [obj for obj in children(token, "dobj") if obj.lower_ in nouns]
    elif token.lemma_.lower() not in relation_words("met_with", "verbs"):
        return
    for anchor in anchors:
        partners = [m for _, obj in prep_objects(anchor, {"with"}) for o in conjuncts(obj)
                    for m in actors(o, ctx) if m.type in ("person", "country")]
        speakers = [s for s in subjects(token, ctx) if s.type in ("person", "country")]
        for partner in partners:
            yield from emit(ctx, "met_with", speakers, partner, token, [anchor])


@starts_at(*PREDICATES, lemmas=lambda: relation_words("met_with", "verbs") | {"have"})
def meeting_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """'met with', 'had talks with'."""
    if token.pos_ in PREDICATES:
        yield from _met_with(token, ctx)


RULES = (meeting_verb,)
