"""attends, read from who is said to be present or absent: "A and B were among those
present", "Among them are A and B", "Absent from the summit were A and B", "the absence of
A", "Notable attendees include A and B", "The no-shows include A", "A cancelled his trip to
Lima" (where the meeting is)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    Context,
    actors,
    calls_off,
    is_passive,
    listed_after,
    meeting_objects,
    particles,
    relation_words,
    requirement_met,
    subjects,
    unique,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import children, conjuncts, prep_objects
from graphbuild.lexicon import words
from graphbuild.types import Claim


@starts_at("ADJ", "NOUN")
def _present(token: Token, ctx: Context) -> Iterator[Claim]:
    """'A and B were among those present', 'with the two emirs in attendance', 'A was in
    attendance' -> they attend the meeting in focus."""
    if token.lower_ not in relation_words("attends", "presence_words") or token.pos_ not in (
            "ADJ", "NOUN"):
        return
    holder = token.head
    if token.dep_ == "pobj" and holder.lower_ in ("in", "among"):
        anchor = holder.head  # "in attendance", "among those present" (a determiner)
    elif holder.dep_ == "pobj" and holder.head.lower_ == "among":
        anchor = holder.head.head  # "among those present" (a pronoun)
    else:
        return
    present = subjects(anchor, ctx) if anchor.pos_ in ("VERB", "AUX") else actors(anchor, ctx)
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], in_person=True)
    if meeting is not None:
        yield from emit(ctx, "attends", present, meeting, anchor, [token])


def _among_them(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Leaders of 20 countries gathered in Jeddah. Among them are A and B' -> A and B
    attend the meeting just told, when "them" are people (leaders, ministers) of it."""
    if token.lemma_.lower() not in relation_words("attends", "listing_verbs"):
        return
    them = [(prep, obj) for prep, obj in prep_objects(token, {"among"})
            if obj.lower_ in words("coreference", "plural_pronouns")]
    if not them:
        return
    holder, pronoun = them[0]
    sentence = ctx.sentence_of[token.i]
    meeting = focus_meeting(ctx.meetings, token.i, sentence, window=1, in_person=True)
    if meeting is None or meeting.sentence != sentence - 1:
        return
    people = words("people", "role_nouns") | relation_words("attends", "attendee_nouns")
    told = token.doc[token.sent.start - 1].sent if token.sent.start > 0 else None
    if told is None or not any(t.tag_ == "NNS" and t.lower_ in people for t in told):
        return
    yield from emit(ctx, "attends", listed_after(token, ctx), meeting, token,
                    [holder, pronoun, token])


@starts_at("ADJ", "NOUN", lemmas=lambda: relation_words("attends", "absence_words"))
def _absent_from(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Modi was absent from the summit', 'Absent from the summit were the leaders of
    Sudan and Eritrea', 'Notably absent was Putin', 'the absence of Mubarak' (the meeting
    in focus), "Jordan's absence from the forum" -> a negated attendance."""
    if token.pos_ not in ("ADJ", "NOUN") or token.lemma_.lower() not in relation_words(
            "attends", "absence_words"):
        return
    own = next((ctx.meetings[o.i] for _, o in prep_objects(token, {"from", "at"})
                if o.i in ctx.meetings), None)
    meeting = own or focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=2,
                                   in_person=True)
    if meeting is None:
        return
    of_objects = [o for _, o in prep_objects(token, {"of"})]
    # not "those who attended in their absence"
    possessors = children(token, "poss") if token.pos_ == "NOUN" and own else []
    if of_objects:  # "the absence of Mubarak"
        absent = [m for o in of_objects for c in conjuncts(o) for m in actors(c, ctx)]
    elif possessors:  # "Jordan's expected absence from the meeting"
        absent = [m for o in possessors for c in conjuncts(o) for m in actors(c, ctx)]
    elif (copula := _inverted_copula(token)) is not None:
        absent = listed_after(copula, ctx)  # the absent ones follow the verb
    else:
        absent = subjects(token.head, ctx) if token.dep_ == "acomp" else subjects(token, ctx)
    claims = emit(ctx, "attends", absent, meeting, token, [token], negatable=False)
    yield from (replace(c, negated=True) for c in claims)


def _inverted_copula(word: Token) -> Token | None:
    """The 'be' after an absence word that opens its sentence ("Absent from the summit
    were ...", "Notably absent was ...", "Confirmed as absences are ...")."""
    sentence = word.sent
    if word.i - sentence.start > 3:
        return None
    for token in word.doc[word.i + 1: sentence.end]:
        if token.lemma_ == "be":
            return token
        if token.pos_ == "VERB":
            return None
    return None


def _attendee_list(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Notable attendees include A, B and C', 'Participants at the talks were A and B';
    'The no-shows include A and B' -> a negated attendance."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.lemma_.lower() not in \
            relation_words("attends", "listing_verbs"):
        return
    noun = token.doc[token.left_edge.i: token.i + 1].text.lower().removeprefix("the ")
    absentees = relation_words("attends", "absentee_nouns")
    absent = noun in absentees or token.lower_ in absentees  # "notable absentees include"
    if not absent and token.lower_ not in relation_words("attends", "attendee_nouns"):
        return
    verb = token.head
    own = [ctx.meetings[o.i] for _, o in prep_objects(token, {"at", "of", "in"})
           if o.i in ctx.meetings]
    meeting = own[0] if own else focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is None:
        return
    claims = emit(ctx, "attends", listed_after(verb, ctx), meeting, verb, [token, verb],
                  negatable=not absent)
    yield from (replace(c, negated=True) if absent else c for c in claims)


@starts_at("VERB", lemmas=lambda: relation_words("attends", "verbs"))
def _colon_list(verb: Token, ctx: Context) -> Iterator[Claim]:
    """'Six foreign ministers will participate in this meeting: A, B, C and D', 'The
    summit was attended by all five presidents: A, B ...' -> the people listed after the
    colon attend, when the subject (or the passive's agent) only counts them."""
    if verb.lemma_.lower() not in relation_words("attends", "verbs") \
            or not requirement_met(verb):
        return
    colon = next((c for c in children(verb, "punct") if c.text == ":" and c.i > verb.i), None)
    if colon is None or colon.i + 1 >= len(verb.doc):
        return
    if is_passive(verb):
        counters = [obj for _, obj in prep_objects(verb, {"by"})]
        meetings = [ctx.meetings[s.i] for s in children(verb, "nsubjpass") if s.i in ctx.meetings]
    else:
        counters = children(verb, "nsubj")
        meetings = meeting_objects(verb, ctx, relation_words("attends", "meeting_preps"))
    counted = [s for s in counters if s.tag_ == "NNS" and not actors(s, ctx)]
    if not counted or not meetings:
        return
    listed = []
    for word in verb.doc[colon.i + 1: verb.doc[colon.i + 1].sent.end]:
        if word.pos_ == "VERB":
            break
        mention = ctx.by_token.get(word.i)
        if mention is not None and mention.type == "person":
            listed.append(mention)
    yield from emit(ctx, "attends", unique(listed), meetings[0], verb, [verb, colon])


@starts_at("VERB", lemmas=lambda: relation_words("attends", "cancelling_verbs")
           | particles("attends", "calling_off").keys())
def _cancelled_trip(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Lula cancelled his trip to Lima', 'called off a visit to the summit' -> the one
    who cancels will not attend the meeting there."""
    if not calls_off(token):
        return
    trips = [o for o in children(token, "dobj")
             if o.lemma_.lower() in relation_words("attends", "trip_nouns")]
    for trip in trips:
        for _, place in prep_objects(trip, {"to"}):
            meeting = ctx.meetings.get(place.i)
            if meeting is None:
                mention = ctx.by_token.get(place.i)
                venues = [m for m in ctx.meetings.values()
                          if mention is not None and m.venue == mention.text]
                meeting = venues[0] if venues else None
            if meeting is not None:
                claims = emit(ctx, "attends", subjects(token, ctx), meeting, token, [token, trip])
                yield from (replace(c, negated=True) for c in claims)


RULES = (_present, _among_them, _absent_from, _attendee_list, _colon_list, _cancelled_trip)
