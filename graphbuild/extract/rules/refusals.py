"""attends, negated: declining ("the Brazilian leader declined"), turning down or
accepting an invitation, being kept from a meeting or pulling out of it, not being
invited. Walking out of a meeting is being there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    Context,
    actors,
    meeting_object,
    particles,
    patients,
    relation_words,
    subjects,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import children, is_negated, prep_objects
from graphbuild.types import Claim


@starts_at("VERB", lemmas=lambda: relation_words("attends", "declining_verbs"))
def _declined(token: Token, ctx: Context) -> Iterator[Claim]:
    """'..., but the Brazilian leader declined', 'Iran rejected the invitation' -> a
    negated attendance of the meeting just told; 'declined to comment' is not one."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in relation_words(
            "attends", "declining_verbs"):
        return
    if children(token, "xcomp", "ccomp", "prep") or any(
            o.lemma_.lower() not in relation_words("attends", "declined_objects")
            for o in children(token, "dobj")):
        return
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=2)
    if meeting is not None:
        claims = emit(ctx, "attends", subjects(token, ctx), meeting, token, [token])
        yield from (replace(c, negated=not c.negated) for c in claims)


@starts_at("NOUN", lemmas=lambda: relation_words("attends", "declined_objects"))
def _answered_invitation(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Iran declined an invitation to attend the summit', 'turned down an invitation to
    the talks' (a negated attendance); 'accepted an invitation to attend' (attends); 'an
    invitation for Kim to attend' names the invitee."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in relation_words(
            "attends", "declined_objects") or token.dep_ != "dobj":
        return
    answer = token.head
    lemma = answer.lemma_.lower()
    turned_down = {c.lower_ for c in answer.children if c.dep_ == "prt"} & set(
        particles("attends", "turning_down").get(lemma, ()))
    declined = bool(turned_down) or lemma in relation_words("attends", "declining_verbs") | \
        relation_words("attends", "refusal_words")
    if not declined and lemma not in relation_words("attends", "accepting_verbs"):
        return  # "received an invitation" says nothing of going
    clauses = children(token, "acl", "advcl")
    meeting = next((ctx.meetings[o.i] for _, o in prep_objects(token, {"to"})
                    if o.i in ctx.meetings), None)
    for clause in clauses:
        meeting = meeting or meeting_object(clause, ctx, relation_words("attends",
                                                                        "meeting_preps"))
    meeting = meeting or focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                                       window=2)
    invitees = [m for c in clauses for s in children(c, "nsubj") for m in actors(s, ctx)]
    if meeting is None:
        return
    claims = emit(ctx, "attends", invitees or subjects(answer, ctx), meeting, answer,
                  [answer, token])
    yield from (replace(c, negated=c.negated != declined) for c in claims)


@starts_at("VERB", lemmas=lambda: relation_words("attends", "preventing_verbs")
           | relation_words("withdrew_from", "verbs"))
def _kept_from_meeting(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Morocco pulled out of the summit', 'withdrew from the talks' (the subject);
    'the junta chief was excluded from the summit', 'ASEAN barred Myanmar from the
    summit' (the one kept out) -> a negated attendance."""
    lemma = token.lemma_.lower()
    preventing = lemma in relation_words("attends", "preventing_verbs")
    if token.pos_ != "VERB" or not (preventing or lemma in relation_words("withdrew_from",
                                                                          "verbs")):
        return
    required = () if preventing else particles("withdrew_from").get(lemma, ())
    anchors = [token, *(c for c in token.children if c.dep_ in ("prt", "advmod", "prep")
                        and c.lower_ in required)]
    if required and len(anchors) == 1:
        return  # "pull" without "out"
    meeting = next((ctx.meetings[o.i] for anchor in anchors
                    for _, o in prep_objects(anchor, {"from", "of"}) if o.i in ctx.meetings),
                   None)
    kept_out = patients(token, ctx) if preventing else subjects(token, ctx)
    if meeting is None and required and kept_out and all(
            m.type == "person" for m in kept_out) and not any(
            list(prep_objects(anchor, {"from", "of"})) for anchor in anchors):
        # "Arce pulled out at the last minute": a leader pulls out of the meeting told.
        meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=1)
    if meeting is None:
        return
    claims = emit(ctx, "attends", kept_out, meeting, token, anchors)
    if lemma in relation_words("attends", "walkout_verbs"):
        # "Lavrov walked out of a G20 meeting": he was there, and left.
        yield from claims
        return
    yield from (replace(c, negated=not c.negated) for c in claims)


def preventing_verb(token: Token) -> Token | None:
    """The verb that keeps someone from attending: 'barred X from attending'."""
    prep = token.head
    if token.dep_ == "pcomp" and prep.lower_ == "from" and prep.head.lemma_.lower() in \
            relation_words("attends", "preventing_verbs"):
        return prep.head
    return None


def wished(token: Token) -> bool:
    """'wanted Cuba to be invited', 'demanded that Erdogan join': a wish, not a fact."""
    return token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in relation_words(
        "attends", "wish_verbs")


@starts_at("VERB", lemmas=lambda: relation_words("attends", "inviting_verbs"))
def _invited(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Cuba and Venezuela were not invited' -> a negated attendance of the meeting in
    focus. Being invited is not attending; invitations to a named meeting are read with the
    meeting's other parties."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in relation_words("attends",
                                                                          "inviting_verbs"):
        return
    if meeting_object(token, ctx, relation_words("attends", "meeting_preps")) is not None:
        return
    if wished(token) or not is_negated(token)[0]:
        return
    guests = patients(token, ctx)
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=2,
                            in_person=True)
    if guests and meeting is not None:
        yield from emit(ctx, "attends", guests, meeting, token, [token])


RULES = (_invited, _declined, _answered_invitation, _kept_from_meeting)
