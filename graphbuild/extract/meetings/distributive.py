"""Distributive meetings: "held bilateral meetings with Putin and Pezeshkian", "met
separately with A and B" are one meeting per partner, not one meeting of everyone.

The meeting word is read as usual (its date, venue and claims); this step then gives each
partner a meeting of its own. Claims about the meeting move to the partner's meeting when
their subject is that partner, and are repeated on every partner's meeting otherwise (the
side that meets them all: "Modi had bilateral meetings ..."), where each partner attends
as that side does.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from graphbuild.extract.syntax import conjuncts, prep_objects
from graphbuild.lexicon import words
from graphbuild.types import Claim, Mention

_PARTNER_TYPES = ("person", "country", "organization")


def is_distributive(token: Token) -> bool:
    """'bilateral meetings', 'separate talks', 'met separately', 'individual talks'."""
    if any(c.dep_ == "advmod" and c.lower_ in words("meetings", "distributive_adverbs")
           for c in token.children):
        return True
    modified = any(c.dep_ in ("amod", "compound") and c.lower_ in words(
        "meetings", "distributive_modifiers") for c in token.children)
    return modified and token.tag_ in ("NNS", "NNPS")


def partners(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """The people, countries or bodies met one by one: the objects of "with" after the
    meeting word, after its verb, or after the place it is held ("bilateral meetings at a
    summit in Lima with A, B and C")."""
    heads = [token]
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)
    for head in list(heads):
        heads += [obj for prep, obj in prep_objects(head, {"at", "on", "in", "during"})]
    found: dict[str, Mention] = {}
    for head in heads:
        for _, obj in prep_objects(head, {"with"}):
            for member in conjuncts(obj):
                mention = by_token.get(member.i)
                if mention is not None and mention.type in _PARTNER_TYPES:
                    found.setdefault(mention.key, mention)
    return list(found.values())


def distribute(doc: Doc, meetings: dict[int, Mention], claims: list[Claim],
               by_token: dict[int, Mention]) -> tuple[list[Mention], list[Claim]]:
    """The meeting mentions and claims of an article, each meeting told distributively
    among two or more partners split into one meeting per partner."""
    split: dict[str, list[Mention]] = {}
    for index, mention in sorted(meetings.items()):
        if mention.key not in split and is_distributive(doc[index]):
            met = partners(doc[index], by_token)
            if len(met) >= 2:
                split[mention.key] = met
    copies = {(mention, partner.key): replace(mention, key=f"{mention.key}/{partner.key}")
              for mention in meetings.values() for partner in split.get(mention.key, ())}
    new_claims: list[Claim] = []
    for claim in claims:
        shared = split.get(claim.object.key) if claim.object is not None else None
        if claim.object is None or shared is None:
            new_claims.append(claim)
            continue
        chosen = [p for p in shared if p.key == claim.subject.key]
        if chosen:
            new_claims.append(replace(claim, object=copies[claim.object, chosen[0].key]))
            continue
        for partner in shared:
            copy = copies[claim.object, partner.key]
            new_claims.append(replace(claim, object=copy))
            if claim.relation == "attends":
                # The side that meets them all attends; so does each one it meets.
                new_claims.append(replace(claim, subject=partner, object=copy))
    kept = [m for m in meetings.values() if m.key not in split]
    return kept + list(copies.values()), list(dict.fromkeys(new_claims))
