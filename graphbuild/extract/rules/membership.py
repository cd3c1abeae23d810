"""member_of: joins, founds, is a member of a body ("the only NATO member", "formed the
Alliance of Sahel States", "refused to join"); stopping participation is withdrew_from."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    PREDICATES,
    Context,
    actors,
    meeting_object,
    organisation_object,
    relation_words,
    requirement_met,
    subjects,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import prep_objects
from graphbuild.types import Claim


@starts_at("NOUN")
def _membership_noun(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Iceland, the only JEF member, ...', 'Sweden is a founding member of the JEF'."""
    if token.pos_ != "NOUN" or token.lower_ not in relation_words("member_of", "nouns"):
        return
    bodies = [ctx.by_token[c.i] for c in token.children
              if c.dep_ in ("compound", "poss") and c.i in ctx.by_token]
    bodies += [m for _, obj in prep_objects(token, {"of"}) for m in actors(obj, ctx)]
    bodies = [b for b in bodies if b.type == "organization"]
    if not bodies:
        return
    if token.dep_ == "appos":
        members = actors(token.head, ctx)
    elif token.dep_ == "attr":
        members = subjects(token.head, ctx)
    else:
        return
    members = [m for m in members if m.type in ("country", "organization", "person")]
    yield from emit(ctx, "member_of", members, bodies[0], token, [token])


def _founds(token: Token, ctx: Context) -> Iterator[Claim]:
    """'formed the Alliance of Sahel States' -> member_of."""
    if token.lemma_.lower() not in relation_words("member_of", "verbs") - {"join",
                                                                             "participate"}:
        return
    organisation = organisation_object(token, ctx, set())
    if organisation is not None:
        yield from emit(ctx, "member_of", subjects(token, ctx), organisation, token, [token])


def _joins(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Hungary has refused to join the coalition'; 'has stopped participating in the
    group' ends a membership (withdrew_from)."""
    lemma = token.lemma_.lower()
    if lemma not in relation_words("member_of", "verbs") & relation_words("attends", "verbs") \
            or not requirement_met(token) \
            or meeting_object(token, ctx, relation_words("attends", "meeting_preps")):
        return
    organisation = organisation_object(token, ctx, {"in"})
    if organisation is None:
        return
    ended = token.dep_ in ("xcomp", "pcomp") and token.head.lemma_.lower() in \
        relation_words("member_of", "ending_verbs")
    relation = "withdrew_from" if ended else "member_of"
    cue = [token.head, token] if ended else [token]
    yield from emit(ctx, relation, subjects(token, ctx), organisation, token, cue)


@starts_at(*PREDICATES, lemmas=lambda: relation_words("member_of", "verbs"))
def founding_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """Founding or joining a body."""
    if token.pos_ in PREDICATES:
        yield from _founds(token, ctx)
        yield from _joins(token, ctx)


RULES = (founding_verb, _membership_noun)
