"""cites_threat: gives a threat from someone as a reason ("citing the threat from
Belarus", "due to the threat posed by Russia"), with "respectively" pairing."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    ACTORS,
    Context,
    actors,
    agents,
    relation_words,
    subjects,
    unique,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import children, conjuncts, prep_objects
from graphbuild.lexicon import words
from graphbuild.types import Claim, Mention


def _threat_sources(noun: Token, ctx: Context) -> list[Mention]:
    found: list[Mention] = []
    for _, obj in prep_objects(noun, {"from", "by", "of", "posed"}):
        found.extend(m for o in conjuncts(obj) for m in actors(o, ctx))
    for child in noun.children:
        if child.dep_ == "acl":
            found.extend(agents(child, ctx))
        if child.dep_ in ("amod", "compound") and child.i in ctx.by_token:
            mention = ctx.by_token[child.i]
            if mention.type in ACTORS:
                found.append(mention)
    return unique(found)


def _said_to_be(noun: Token) -> bool:
    """'(said that) Russia poses a threat', '(warned that) China is a threat': a threat
    that its clause's subject is, in what someone says (not "promised they would not be a
    threat")."""
    verb = noun.head
    return noun.dep_ in ("attr", "dobj") and verb.lemma_.lower() in relation_words(
        "cites_threat", "being_verbs") and verb.dep_ == "ccomp" \
        and verb.head.lemma_.lower() in words("attribution", "verbs") \
        and not children(verb, "expl")  # not "warned there is a real risk that ..."


def _threat_said_to_be(noun: Token, ctx: Context) -> Iterator[Claim]:
    """The speaker cites the threat the subject of what they say is."""
    clause = noun.head
    speakers = subjects(clause.head, ctx)
    for speaker, source in _pair(speakers, subjects(clause, ctx), False):
        if speaker != source:
            yield from emit(ctx, "cites_threat", [speaker], source, clause,
                            [clause.head, noun])


def _countering_verb(noun: Token) -> Token | None:
    """The verb that counters a threat noun ("to deter threats from North Korea", "respond
    to the threat"), if any."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in relation_words("cites_threat", "countering_verbs"):
        return verb
    return None


def _pair(actors_: list[Mention], sources: list[Mention],
          respectively: bool) -> Iterator[tuple[Mention, Mention]]:
    if respectively and len(actors_) == len(sources):
        yield from zip(actors_, sources, strict=True)
        return
    for subject in actors_:
        for source in sources:
            yield subject, source


@starts_at("VERB", "NOUN")
def _cites_threat(token: Token, ctx: Context) -> Iterator[Claim]:
    threat_nouns = relation_words("cites_threat", "nouns")
    verb: Token | None = None
    nouns: list[Token] = []
    causal_phrase = False
    if token.lemma_.lower() in relation_words("cites_threat", "verbs") and token.pos_ == "VERB":
        nouns = [n for obj in children(token, "dobj") for n in conjuncts(obj)
                 if n.lemma_.lower() in threat_nouns or n.lower_ in threat_nouns]
        verb = token
    elif token.lemma_.lower() in threat_nouns and token.pos_ == "NOUN":
        causal = token.doc[max(0, token.i - 4): token.i].text.lower()
        if any(phrase in causal for phrase in relation_words("cites_threat", "causal")
               if " " in phrase):
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            nouns = [token]
            causal_phrase = True
        elif _said_to_be(token):
            yield from _threat_said_to_be(token, ctx)
            return
        else:
            verb = _countering_verb(token)
            nouns = [token]
    if verb is None or not nouns:
        return
    citing = subjects(verb, ctx) or next(
        (found for a in verb.ancestors if a.pos_ == "VERB"
         for found in [subjects(a, ctx)] if found), [])
    respectively = "respectively" in sentences(ctx.doc).words(ctx.sentence_of[token.i])
    sources = unique([m for noun in nouns for m in _threat_sources(noun, ctx)])
    for subject, source in _pair(citing, sources, respectively):
        cue = [nouns[0]] if causal_phrase else [verb, nouns[0]]
        yield from emit(ctx, "cites_threat", [subject], source, verb, cue,
                           negatable=not causal_phrase)


RULES = (_cites_threat,)
