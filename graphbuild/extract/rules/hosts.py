"""hosts: organises, convenes, chairs, co-hosts, invites ("France and Britain will host",
"the talks, hosted by Switzerland", "Macron and Merz will join Starmer in hosting", "at the
invitation of Niger")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.meetings.words import invited_by, strong_meeting_nouns
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    ACTORS,
    Context,
    actors,
    agents,
    calls_off,
    is_passive,
    meeting_object,
    meeting_objects,
    meeting_of_subject_clause,
    misread_host_verb,
    relation_words,
    subjects,
    travels,
    unique,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import children, conjuncts, prep_objects
from graphbuild.lexicon import place_by_key, words
from graphbuild.types import Claim, Mention


def _hosts(token: Token, ctx: Context) -> Iterator[Claim]:
    if calls_off(token):
        return  # "called off the summit"
    if token.lemma_.lower() in relation_words("hosts", "convening_verbs") and (
            token.i in ctx.meetings or children(token, "oprd", "ccomp", "xcomp")
            or not any(o.i in ctx.meetings and o.lemma_.lower() in strong_meeting_nouns()
                       for o in children(token, "dobj"))):
        return  # "the EU called the summit", not "Trump called Sisi"
    if travels(token):
        return
    objects = children(token, "dobj")
    delegations = relation_words("attends", "delegation_nouns")
    if any(o.lemma_.lower() in delegations or o.lower_ in delegations for o in objects):
        return  # "led his country's delegation to the summit" attends
    headed = _headed_delegation(token) if is_passive(token) and token.dep_ != "acl" else None
    if headed is not None:
        yield from _delegation_headed_by(token, headed, ctx)
        return
    meeting = meeting_object(token, ctx, relation_words("hosts", "meeting_preps"))
    if meeting is not None and objects and not any(
            o.i in ctx.meetings or actors(o, ctx) for o in objects):
        return  # "ran the third fastest 400m at the meeting": what is run is the race
    if meeting is None and token.i in ctx.meetings and objects:
        meeting = ctx.meetings[token.i]
    if meeting is None and token.dep_ == "acl":
        meeting = meeting_of_subject_clause(token.head, ctx)
    if meeting is None and not objects and token.lemma_.lower() in \
            relation_words("hosts", "objectless"):
        meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is None and objects and token.lemma_.lower() in relation_words(
            "hosts", "guest_verbs") and all(o.lower_ in words("people", "role_nouns")
                                            and o.tag_ == "NNS" for o in objects):
        meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i], window=2)
    if meeting is None:
        return
    hosts = agents(token, ctx) if is_passive(token) else subjects(token, ctx)
    hosts += [m for m in _host_cities(token, ctx) if m not in hosts]
    hosts += [m for m in _joined_hosts(token, ctx) if m not in hosts]
    yield from emit(ctx, "hosts", hosts, meeting, token, [token])
    if token.i not in ctx.meetings and not is_passive(token):
        # "Obama hosted Harper and Calderon for the summit": the guests attend.
        guests = [m for o in objects for o2 in conjuncts(o) for m in actors(o2, ctx)
                  if m.type in ("person", "country")]
        # "Castro hosted his own summit in Havana for Caribbean Community leaders"
        guests += [m for _, obj in prep_objects(token, relation_words(
                       "attends", "role_frame_preps"))
                   if obj.lemma_.lower() in words("people", "role_nouns")
                   for o in conjuncts(obj) for m in actors(o, ctx) if m not in guests]
        yield from emit(ctx, "attends", guests, meeting, token, [token])


def _guest(word: Token, ctx: Context) -> bool:
    """Whom hosting a meeting receives: "leaders", "the delegations", "Biden"; not
    "refugees" or "the World Cup"."""
    return word.lemma_.lower() in words("people", "role_nouns") or any(
        m.type in ("person", "country") for m in actors(word, ctx))


def _host_cities(verb: Token, ctx: Context) -> list[Mention]:
    """'Kazan is hosting the BRICS summit': a city that hosts stands for its country (a
    gazetteer city; the venue is read by the meetings stage)."""
    named = [obj for _, obj in prep_objects(verb, {"by"})] if is_passive(verb) else \
        [s for s in children(verb, "nsubj")]
    found = []
    for token in (t for n in named for t in conjuncts(n)):
        mention = ctx.by_token.get(token.i)
        place = place_by_key().get(mention.key) if mention is not None else None
        if mention is not None and mention.type == "location" and place is not None \
                and place.country and not place.kind:
            found.append(replace(mention, type="country", key=f"country:{place.country}"))
    return found


def _headed_delegation(verb: Token) -> Token | None:
    """The delegation noun before a passive hosting verb with no other verb between them
    ("the Venezuelan delegation to the CELAC Summit would be headed by"), however the
    parser hung the long subject; "a delegation led by X" is read by the attends rules."""
    delegations = relation_words("attends", "delegation_nouns")
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ == "VERB":
            return None
        if token.lemma_.lower() in delegations:
            # not "led his country's delegation to the summit and was welcomed by"
            return token if token.dep_ not in ("dobj", "pobj") else None
    return None


def _delegation_headed_by(verb: Token, delegation: Token, ctx: Context) -> Iterator[Claim]:
    """'the Venezuelan delegation to the summit will be headed by X': X and the country
    whose delegation it is attend the meeting it goes to (or the one in focus)."""
    meeting = next((ctx.meetings[o.i] for _, o in prep_objects(delegation, {"to", "at", "for"})
                    if o.i in ctx.meetings), None) or meeting_object(
        verb, ctx, relation_words("hosts", "meeting_preps")) or focus_meeting(
        ctx.meetings, verb.i, ctx.sentence_of[verb.i])
    if meeting is None:
        return
    senders = [m for c in children(delegation, "amod", "poss", "compound")
               for m in actors(c, ctx)]
    yield from emit(ctx, "attends", [*agents(verb, ctx), *senders], meeting, verb, [verb])


def _joined_hosts(token: Token, ctx: Context) -> list[Mention]:
    """'Macron and Merz will join Starmer in hosting ...' -> Starmer hosts too."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_.lower() not in \
            relation_words("hosts", "joining_verbs"):
        return []
    return [m for obj in children(prep.head, "dobj") for o in conjuncts(obj)
            for m in actors(o, ctx)]


def _invitation(token: Token, ctx: Context) -> Iterator[Claim]:
    """'meeting this Saturday in Niamey, at the invitation of Niger', 'talks held under
    the auspices of the AU', 'under United Nations auspices' -> they host."""
    nouns = relation_words("hosts", "invitation_nouns")
    if token.lemma_.lower() not in nouns and token.lower_ not in nouns:
        return
    # "of Chairman of State Affairs of the DPRK Kim Jong-un": the people named in the
    # phrase, else what it stands for
    named = unique([ctx.by_token[t.i] for t in invited_by(token, ctx.by_token)])
    inviters = named or [m for _, obj in prep_objects(token, {"of", "from"})
                         for o in conjuncts(obj) for m in actors(o, ctx)]
    inviters += [m for c in children(token, "compound", "poss") for m in actors(c, ctx)]
    clause = next((a for a in token.ancestors if a.i in ctx.meetings), None)
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    invited_to = children(token, "acl")
    framed = token.dep_ == "pobj" and token.head.lower_ in relation_words("hosts",
                                                                         "invitation_preps")
    # "accepted Bashir's invitation to the summit"
    to_meetings = [ctx.meetings[o.i] for _, o in prep_objects(token, {"to"})
                   if o.i in ctx.meetings]
    if not (framed or invited_to or to_meetings):
        return
    if to_meetings:
        meetings = to_meetings
    elif invited_to:
        # "accepted an invitation from Putin to visit Russia": the visit it invites to,
        # not the call in which it was accepted
        meetings = [ctx.meetings[c.i] for c in invited_to if c.i in ctx.meetings]
    elif clause is not None:
        meetings = [ctx.meetings[clause.i]]
    else:
        # "At the invitation of India, Li will attend the summit"
        meetings = meeting_objects(verb, ctx, relation_words("attends", "meeting_preps")) \
            if verb is not None else []
        # "The visit came at Bashir's invitation": the visit told just before
        trip = verb is not None and any(
            s.lemma_.lower() in relation_words("attends", "trip_nouns")
            for s in children(verb, "nsubj"))
        focus = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                              window=1 if trip else 0)
        meetings = meetings or ([] if focus is None else [focus])
    for meeting in meetings if inviters else []:
        yield from emit(ctx, "hosts", inviters, meeting, token, [token])


def _host_nouns() -> frozenset[str]:
    return relation_words("hosts", "nouns") | relation_words("hosts", "chair_nouns")


@starts_at("NOUN", lemmas=_host_nouns)
def _host_noun(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Qatar will be the host of the Arab summit', 'with the host Syria calling for ...',
    'The host, Iraqi Prime Minister al-Sudani, opened the summit', 'host nation Nauru',
    'The meeting's chairman, Nauru President Baron Waqa'."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _host_nouns():
        return
    if misread_host_verb(token, ctx):
        return  # a verb misread, read with the meeting noun (rules.parties)
    own = [ctx.meetings[o.i] for _, o in prep_objects(token, {"of", "for"})
           if o.i in ctx.meetings]
    own += [ctx.meetings[c.i] for c in children(token, "poss") if c.i in ctx.meetings]
    if not own and token.lemma_.lower() in relation_words("hosts", "chair_nouns"):
        return
    if not own and token.dep_ in ("nsubj", "nsubjpass"):
        # "the host ... opened the summit": the meeting its verb names
        own = [m for m in [meeting_object(token.head, ctx, relation_words("hosts",
                                                                          "meeting_preps"))]
               if m is not None]
    sentence = ctx.sentence_of[token.i]
    # "host nation Nauru ... derailed the summit": the nearest meeting of the sentence,
    # else the one in focus
    nearest = min(((abs(i - token.i), m) for i, m in ctx.meetings.items()
                   if m.sentence == sentence), key=lambda pair: pair[0], default=None)
    # "thanked his host Kim" stands for the visit in focus however far back it was told
    window = 8 if children(token, "poss") else 2
    meeting = own[0] if own else nearest[1] if nearest is not None else focus_meeting(
        ctx.meetings, token.i, sentence, window=window)
    if meeting is None:
        return
    # "The host country, Japan,": the name is the apposition of the noun "host" qualifies
    head = token.head if token.dep_ == "compound" and token.head.lower_ in relation_words(
        "hosts", "host_heads") else token
    named = [m for c in children(head, "appos") for o in conjuncts(c) for m in actors(o, ctx)]
    # "Theresa May, the summit host,": a host noun naming its meeting's kind
    kind_named = any(c.dep_ == "compound" and c.lemma_.lower() in words("meetings", "nouns")
                     for c in token.children)
    if not named and (own or kind_named) and token.dep_ == "appos":
        # "Hosni Mubarak, co-president of the summit,": the name the noun is set beside
        named = actors(token.head, ctx)
    if named:
        yield from emit(ctx, "hosts", named, meeting, token, [token], negatable=False)
        return
    if token.dep_ == "attr" or token.dep_ == "dobj" and token.head.lemma_.lower() in \
            relation_words("hosts", "playing_verbs"):
        # "Qatar will be the host", "Mohammed bin Salman played host to Arab leaders"
        yield from emit(ctx, "hosts", subjects(token.head, ctx), meeting, token.head,
                        [token.head, token])
        return
    # (the parser hangs the noun on the country: "host" -> "Uganda" -> "Museveni")
    title_of = token.head.head if token.head.dep_ == "poss" else token.head
    titled_person = [m for m in actors(title_of, ctx) if m.type == "person"] \
        if token.dep_ in ("compound", "nmod") else []
    if titled_person:
        # "the host Uganda's Yoweri Museveni": the person whose title the noun is, not the
        # country named in the title
        yield from emit(ctx, "hosts", titled_person, meeting, token, [token], negatable=False)
        return
    # "the host Syria", "summit co-host British Prime Minister Tony Blair": the name the
    # noun stands as a title for; a person before the country of their title.
    titled: list[Mention] = []
    start = token.i + 1
    while start < len(ctx.doc) and ctx.doc[start].lower_ in relation_words("hosts",
                                                                            "host_heads"):
        start += 1
    for following in ctx.doc[start:start + 6]:
        if not (following.is_title or following.is_upper) or following.pos_ not in (
                "PROPN", "ADJ", "NOUN"):
            break
        mention = ctx.by_token.get(following.i)
        if mention is not None and mention.type in ACTORS and mention not in titled:
            titled.append(mention)
    people = [m for m in titled if m.type == "person"]
    chosen = people[:1] or [m for m in titled[:1] if m.type in ("country", "organization")]
    yield from emit(ctx, "hosts", chosen, meeting, token, [token], negatable=False)


@starts_at("VERB", lemmas=lambda: relation_words("attends", "inviting_verbs"))
def _invited_to_attend(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Saudi Arabia invited Assad to attend the summit' -> Saudi Arabia hosts (the guest's
    attendance is read by the attends rules)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in relation_words(
            "attends", "inviting_verbs") or is_passive(token):
        return
    for clause in children(token, "xcomp"):
        if clause.lemma_.lower() in relation_words("attends", "verbs"):
            meeting = meeting_object(clause, ctx, relation_words("attends", "meeting_preps"))
            if meeting is not None:
                yield from emit(ctx, "hosts", subjects(token, ctx), meeting, token, [token])


@starts_at("VERB", lemmas=lambda: relation_words("hosts", "verbs"))
def hosting_verb(token: Token, ctx: Context) -> Iterator[Claim]:
    """A hosting verb and the meeting it hosts (not "thanked Kenya for hosting": see
    :func:`_thanked_for_hosting`, whose object hosts)."""
    thanked_for = token.dep_ == "pcomp" and token.head.lower_ == "for" and \
        token.head.head.lemma_.lower() in relation_words("hosts", "thanking_verbs")
    if token.pos_ == "VERB" and token.lemma_.lower() in relation_words("hosts", "verbs") \
            and not thanked_for:
        yield from _hosts(token, ctx)


@starts_at("VERB", lemmas=lambda: relation_words("hosts", "thanking_verbs"))
def _thanked_for_hosting(token: Token, ctx: Context) -> Iterator[Claim]:
    """'Tamim thanked Kenya for hosting the summit', 'thanked Mohammed bin Salman for the
    hospitality' -> the one thanked hosts (the meeting named, else the one in focus)."""
    if token.lemma_.lower() not in relation_words("hosts", "thanking_verbs"):
        return
    thanked = [m for obj in children(token, "dobj") for o in conjuncts(obj)
               for m in actors(o, ctx)]
    for _, reason in prep_objects(token, {"for"}):
        if reason.lemma_.lower() in relation_words("hosts", "verbs"):
            meeting = meeting_object(reason, ctx, relation_words("hosts", "meeting_preps"))
            if meeting is None and not all(_guest(o, ctx) for o in children(reason, "dobj")):
                continue  # "for hosting more than 3 million refugees"
        elif reason.lemma_.lower() in relation_words("hosts", "hospitality_nouns"):
            meeting = None
        else:
            continue
        meeting = meeting or focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                                           window=2, in_person=True)
        if meeting is not None:
            yield from emit(ctx, "hosts", thanked, meeting, token, [token, reason],
                            negatable=False)


RULES = (hosting_verb, _invitation, _host_noun, _invited_to_attend, _thanked_for_hosting)
