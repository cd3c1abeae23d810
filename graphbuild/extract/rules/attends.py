"""attends: takes part, joins, is represented by, leads the delegation, travels to the
venue, is listed among those attending; absence verbs negate it ("is skipping the
gathering")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.meetings.when_where import date_of
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    PREDICATES,
    Context,
    actors,
    agents,
    companions,
    is_passive,
    listed_after,
    meeting_object,
    meeting_objects,
    patients,
    relation_words,
    required_words,
    requirement_met,
    subjects,
    unique,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.rules.refusals import preventing_verb, wished
from graphbuild.extract.syntax import children, conjuncts, is_negated, prep_objects
from graphbuild.lexicon import words
from graphbuild.meeting_identity import dates_agree
from graphbuild.types import Claim, Mention


def _attends(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Peru will attend the summit', 'will not take part', 'is represented by ...'."""
    if not requirement_met(token) or wished(token):
        return
    preps = relation_words("attends", "meeting_preps")
    if token.i in ctx.meetings and ctx.meetings[token.i].implicit:
        return  # a meeting stated by this verb: see _verb_meeting_parties
    if token.dep_ in ("acl", "advcl") and token.head.lemma_.lower() in relation_words(
            "attends", "declined_objects"):
        return  # "declined an invitation to attend": see _answered_invitation
    if token.lemma_.lower() == "represent" and not is_passive(token):
        yield from _represents(token, ctx)
        return
    meetings = meeting_objects(token, ctx, preps)
    required = required_words(token)
    # "will not join his G20 counterparts": the people one meets there, not what one joins
    objects = [o for o in children(token, "dobj")
               if o.lower_ not in required and o.lemma_.lower() not in required
               and not (o.lemma_.lower() in words("people", "role_nouns")
                        and o.i not in ctx.by_token and o.i not in ctx.refs)]
    if not meetings and not objects and not list(prep_objects(token, preps)) \
            and token.lemma_.lower() in relation_words("attends", "objectless"):
        focus = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                              in_person=True)
        meetings = [] if focus is None else [focus]
    for meeting in meetings:
        yield from _attends_meeting(token, ctx, meeting)


def _attends_meeting(token: Token, ctx: Context, meeting: Mention) -> Iterator[Claim]:
    """Who the attendance verb ``token`` says attends ``meeting``."""
    passive_attendee = token.lemma_.lower() == "represent"
    cue = [token, *[c for c in token.children if c.dep_ == "prt"]]
    preventer = preventing_verb(token)
    if preventer is not None:
        # "Poland barred Russian delegates from attending", "Russia was banned from
        # attending": the one kept away does not attend; the one who bars is not there.
        claims = emit(ctx, "attends", patients(preventer, ctx), meeting, preventer,
                      [preventer, token])
        yield from (replace(c, negated=not c.negated) for c in claims)
        return
    attendees = subjects(token, ctx) or _travellers(token, ctx)
    if token.lemma_.lower() in relation_words("attends", "sending_verbs"):
        # "AMLO will skip the summit, sending his foreign minister Marcelo Ebrard": the
        # one sent attends, and the sender if it is a state or body.
        sent = [ctx.by_token[t.i] for obj in children(token, "dobj") for t in obj.subtree
                if t.i in ctx.by_token and ctx.by_token[t.i].type == "person"]
        attendees = unique([*(m for m in attendees if m.type != "person"), *sent])
    if is_passive(token) and not passive_attendee:
        # "the summit ... attended by the emirs of Kuwait and Qatar"; "attended by the Speaker
        # of the Council (Upper House), Salah Goudjil, the President of ...": the parser
        # breaks long lists of titled names
        by = next((c for c in token.children if c.dep_ == "agent"), None)
        listed = listed_after(by, ctx, people_only=True) if by is not None else []
        attendees = unique([*agents(token, ctx), *listed])
    if passive_attendee:
        # "Britain will be represented by its energy secretary, Alan Hargreaves"; a person
        # who is represented is not there ("Putin will be represented by Lavrov").
        attendees = [m for m in attendees if m.type != "person"]
        attendees += [m for m in agents(token, ctx) if m not in attendees]
    attendees += [m for m in companions(token, ctx) if m not in attendees]
    attendees += [m for m in _listed_attendees(token, ctx) if m not in attendees]
    attendees += [m for m in _represented(token, ctx) if m not in attendees]
    yield from emit(ctx, "attends", attendees, meeting, token, cue)
    if token.lemma_.lower() in relation_words("attends", "joining_verbs") \
            and not is_negated(token)[0]:
        # "Obama joins Trudeau and Pena Nieto for the summit": whom one joins there is
        # there too (the summit joined as an object joins no one)
        joined = [m for obj in children(token, "dobj") if obj.i not in ctx.meetings
                  for o in conjuncts(obj) for m in actors(o, ctx) if m not in attendees]
        yield from emit(ctx, "attends", joined, meeting, token, cue, negatable=False)


def _travellers(token: Token, ctx: Context) -> list[Mention]:
    """'makes his first visit to India to attend the meeting', parsed with the visit as
    the subject of attending: whose trip it is."""
    return unique([m for s in children(token, "nsubj")
                   if s.lemma_.lower() in relation_words("attends", "trip_nouns")
                   for p in children(s, "poss") for m in actors(p, ctx)])


def _represented(token: Token, ctx: Context) -> list[Mention]:
    """'Muizzu joined the summit on behalf of Maldives': the country or body someone takes
    part for takes part too (the guide's "is represented by")."""
    found: list[Mention] = []
    for word in token.subtree:
        if word.lower_ != "behalf" or word.head.lower_ != "on" or next(
                (a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None) != token:
            continue
        found += [m for _, obj in prep_objects(word, {"of"}) for o in conjuncts(obj)
                  for m in actors(o, ctx) if m.type != "person"]
    return found


def _represents(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Steve Witkoff represented Washington at the talks': both take part; 'Lavrov will
    represent Putin at the summit': Putin is not there."""
    represented = [m for o in children(token, "dobj") for o2 in conjuncts(o)
                   for m in actors(o2, ctx) if m.type != "person"]
    meeting = meeting_object(token, ctx, relation_words("attends", "meeting_preps")) \
        or focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], in_person=True)
    if children(token, "dobj") and meeting is not None:
        yield from emit(ctx, "attends", unique([*subjects(token, ctx), *represented]), meeting,
                        token, [token])


def _listed_attendees(token: Token, ctx: Context) -> list[Mention]:
    """'leaders attending the summit' -> the leaders; 'Among the leaders attending ... will
    be A, B and C', 'A was among those attending' and 'The leaders who attended the summit
    include A, B and C' -> A, B and C."""
    if token.dep_ not in ("acl", "relcl"):
        return []
    noun = token.head
    found = list(actors(noun, ctx))
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        clause = noun.head.head
        for named in children(clause, "nsubj", "nsubjpass", "attr"):
            found.extend(m for o in conjuncts(named) for m in actors(o, ctx))
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in relation_words(
            "attends", "including_verbs"):
        found.extend(m for named in children(noun.head, "dobj") for o in conjuncts(named)
                     for m in actors(o, ctx))
    return unique(found)


def _leads_delegation(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Finch is expected to lead the American delegation' (the meeting in focus), 'Li
    will lead China's delegation at the summit' -> the leader and the delegation's
    country attend."""
    if token.lemma_.lower() not in relation_words("attends", "delegation_verbs"):
        return
    nouns = relation_words("attends", "delegation_nouns")
    delegations = [obj for obj in children(token, "dobj") if obj.lower_ in nouns]
    if not delegations:
        return
    meeting = meeting_object(token, ctx, _delegation_preps()) \
        or _delegations_meeting(token, delegations, ctx)
    if meeting is not None:
        yield from emit(ctx, "attends", [*subjects(token, ctx), *_senders(delegations, ctx)],
                        meeting, token, [token])


def _delegation_preps() -> frozenset[str]:
    """Prepositions that name where a delegation goes: "the delegation to the summit"."""
    return relation_words("attends", "host_verb_preps") | {"to"}


def _delegations_meeting(token: Token, delegations: list[Token], ctx: Context
                         ) -> Mention | None:
    """The meeting a delegation goes to ("the delegation to the summit"), else the one in
    focus."""
    named = [ctx.meetings[o.i] for d in delegations
             for _, o in prep_objects(d, _delegation_preps()) if o.i in ctx.meetings]
    return next(iter(named), None) or focus_meeting(ctx.meetings, token.i,
                                                    ctx.sentence_of[token.i])


def _senders(delegations: list[Token], ctx: Context) -> list[Mention]:
    """Whose delegations they are: "China's delegation"."""
    return [m for d in delegations for c in children(d, "poss") for m in actors(c, ctx)]


@starts_at("VERB", lemmas=lambda: relation_words("attends", "including_verbs"))
def _delegation_members(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Trump's delegation will include Marco Rubio, Scott Bessent and Pete Hegseth' ->
    they and the one whose delegation it is attend the meeting it goes to, else the one in
    focus."""
    if token.lemma_.lower() not in relation_words("attends", "including_verbs"):
        return
    nouns = relation_words("attends", "delegation_nouns")
    delegations = [s for s in children(token, "nsubj") if s.lemma_.lower() in nouns
                   or s.lower_ in nouns]
    if not delegations:
        return
    meeting = _delegations_meeting(token, delegations, ctx)
    if meeting is None:
        return
    # People named as members; not "the invited delegations include members of the G7"
    members = [m for obj in children(token, "dobj") for o in conjuncts(obj)
               for m in actors(o, ctx) if m.type == "person"]
    yield from emit(ctx, "attends", unique([*members, *_senders(delegations, ctx)]), meeting,
                    token, [token])


@starts_at("NOUN", lemmas=lambda: relation_words("attends", "delegation_heads"))
def _delegation_head(token: Token, ctx: Context) -> Iterator[Claim]:
    """'The leader of the government's delegation, Jorge Rodriguez, said ...' -> he
    attends the meeting in focus."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in relation_words(
            "attends", "delegation_heads"):
        return
    nouns = relation_words("attends", "delegation_nouns")
    if not any(obj.lemma_.lower() in nouns or obj.lower_ in nouns
               for _, obj in prep_objects(token, {"of"})):
        return
    people = [ctx.by_token[c.i] for c in children(token, "appos") if c.i in ctx.by_token]
    if token.dep_ == "appos" and token.head.i in ctx.by_token:
        people.append(ctx.by_token[token.head.i])
    people = [p for p in people if p.type == "person"]
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if people and meeting is not None:
        yield from emit(ctx, "attends", people, meeting, token, [token], negatable=False)


def _travels_to_venue(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Kessler will travel to Tromsø', 'ministers have arrived in Addis Ababa' when a
    meeting of the article is there."""
    lemma = token.lemma_.lower()
    if lemma not in relation_words("attends", "venue_travel_verbs"):
        return
    if any(t.i in ctx.meetings for t in token.subtree if t.i != token.i):
        return  # "will head to New Delhi to attend a meeting of the Quad": that meeting
    preps = {"to"}
    arrival = lemma in relation_words("attends", "venue_arrival_verbs")
    if arrival:
        preps |= relation_words("attends", "venue_arrival_preps")
    # "arrived in Cairo on Saturday" is not for the talks there on Thursday
    when = date_of(token)
    for _, place in prep_objects(token, preps):
        mention = ctx.by_token.get(place.i)
        if mention is None or mention.type not in ("location", "country", "organization"):
            continue
        # An arrival is for a meeting already told ("ministers have arrived in Addis Ababa"
        # after the session there), not for talks the article comes to later.
        venues = [m for m in ctx.meetings.values() if m.venue and m.venue == mention.text
                  and not (when and m.date and dates_agree(when, m.date) == "conflict")
                  and not (arrival and m.start > token.idx)]
        focus = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
        target = focus if focus in venues else (venues[0] if venues else None)
        if target is not None:
            yield from emit(ctx, "attends", subjects(token, ctx), target, token, [token])


@starts_at("NOUN", lemmas=lambda: relation_words("attends", "nouns"))
def _attendance_noun(token: Token, ctx: Context) -> Iterator[Claim]:
    """'with the participation of Macron', 'Turkey's participation in the meeting' -> they
    attend; 'France objected to Turkey's participation' -> a negated attendance."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in relation_words("attends", "nouns"):
        return
    governor = token.head.head if token.dep_ == "pobj" else token.head
    parties = [m for c in children(token, "poss") for m in actors(c, ctx)]
    # "participation from two observer nations, Belarus and Iran"
    parties += [m for _, obj in prep_objects(token, {"of", "by", "from"})
                for o in [*conjuncts(obj), *(a for named in children(obj, "appos")
                                            for a in conjuncts(named))]
                for m in actors(o, ctx)]
    if not parties and token.dep_ == "dobj" and governor.lemma_.lower() in relation_words(
            "attends", "own_participation_verbs"):
        parties = subjects(governor, ctx)  # "the Taliban rejected participation in ..."
    if not parties:
        return
    own = [ctx.meetings[o.i] for _, o in prep_objects(token, {"in", "at", "of"})
           if o.i in ctx.meetings]
    if not own and token.lemma_.lower() in relation_words("attends", "whereabouts_nouns") \
            and any(o.i not in ctx.meetings
                    for word in [token, *(o for _, o in prep_objects(token, {"of"}))]
                    for _, o in prep_objects(word, {"in", "at", "from"})):
        # "Hasina's continued presence ... from New Delhi", "the presence of the two men in
        # the same place": in a place, not a meeting
        return
    meeting = own[0] if own else focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                                               in_person=True)
    if meeting is None:
        return
    refused = governor.lemma_.lower() in relation_words("attends", "refusal_words") | \
        relation_words("attends", "cancelling_verbs") | relation_words(
            "attends", "declining_verbs")  # "cancelled his participation"
    if not refused and is_negated(governor)[0]:
        return  # "does not guarantee Hamas's participation": neither way
    claims = emit(ctx, "attends", unique(parties), meeting, governor, [token],
                  negatable=False)
    yield from (replace(c, negated=refused) for c in claims)


@starts_at("VERB", lemmas=lambda: relation_words("attends", "outcome_verbs"))
def _agreed_together(token: Token, ctx: Context) -> Iterator[Claim]:
    """'The two sides agreed ...', 'Trade chiefs of A and B discussed ...' after a meeting
    is told: what its parties do there makes them attend it."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in relation_words("attends",
                                                                          "outcome_verbs"):
        return
    parties = subjects(token, ctx)
    grouped = any(s.i in ctx.refs or s.lemma_.lower() in words("people", "role_nouns")
                  for s in children(token, "nsubj"))
    if len(parties) < 2 or not grouped:
        return
    if any(t.lemma_.lower() in relation_words("attends", "cancelling_verbs")
           for t in token.subtree):
        return  # "the two leaders agreed to cancel the meeting"
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=2)
    if meeting is not None:
        yield from emit(ctx, "attends", parties, meeting, token, [token], negatable=False)


@starts_at(*PREDICATES, lemmas=lambda: relation_words("attends", "verbs"))
def attendance_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """An attendance verb ("attend", "take part", "join") and the meeting it names."""
    lemma = token.lemma_.lower()
    if token.pos_ not in PREDICATES or lemma not in relation_words("attends", "verbs"):
        return
    if token.i in ctx.meetings or lemma not in relation_words("hosts", "verbs") \
            or meeting_object(token, ctx, relation_words("attends", "host_verb_preps")):
        yield from _attends(token, ctx)


@starts_at(*PREDICATES, lemmas=lambda: relation_words("attends", "delegation_verbs")
           | relation_words("attends", "venue_travel_verbs"))
def delegation(token: Token, ctx: Context) -> Iterator[Claim]:
    """Leading a delegation, travelling to the meeting's venue."""
    if token.pos_ in PREDICATES:
        yield from _leads_delegation(token, ctx)
        yield from _travels_to_venue(token, ctx)


RULES = (attendance_verb, delegation, _delegation_head, _delegation_members, _attendance_noun,
         _agreed_together)
