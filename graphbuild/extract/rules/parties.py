"""Who meets at a meeting, read from the meeting word itself: the parties of a meeting
stated with a verb ("Biden will meet Netanyahu"), of a meeting noun's own frame ("talks
between Russia and Ukraine", "Putin's meeting with Trump"), and of the clause the noun sits
in ("the two sides held talks", "vowed ... during a meeting in Tokyo")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graphbuild.extract.meetings.words import on_the_margins, visited_people
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    ACTORS,
    Context,
    actors,
    agents,
    calls_off,
    companions,
    is_passive,
    listed_after,
    misread_host_verb,
    particles,
    patients,
    relation_words,
    requirement_met,
    subjects,
    travels,
    unique,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import (
    PRONOUNS,
    children,
    conjuncts,
    in_brackets,
    is_negated,
    is_topic,
    prep_objects,
)
from graphbuild.lexicon import place_by_key, words
from graphbuild.types import Claim, Mention


def _verb_meeting_parties(token: Token, ctx: Context) -> Iterator[Claim]:
    """A meeting stated by a verb: 'Biden will meet Netanyahu', 'Xi met with Putin',
    'the leaders spoke by phone', 'Trump will host Netanyahu' -> who attends.

    The subject meets the objects and partners; a host's guests attend (the host
    itself is read by the hosts rule).
    """
    meeting = ctx.meetings.get(token.i)
    if meeting is None or not meeting.implicit:
        return
    if token.lemma_.lower() in words("meetings", "hosting_verbs") and is_passive(token):
        # "the emir was received in Doha by Emir Sheikh Tamim": the guest attends, the
        # one by whom hosts.
        yield from emit(ctx, "attends", subjects(token, ctx), meeting, token, [token])
        yield from emit(ctx, "hosts", agents(token, ctx), meeting, token, [token])
        return
    others = _counterparts(token, ctx)
    if is_passive(token):
        others += agents(token, ctx)  # "Zelensky was visited by Macron and Scholz"
    hosting = token.lemma_.lower() in words("meetings", "hosting_verbs") and children(
        token, "dobj")
    attendees = others if hosting else [*subjects(token, ctx), *others]
    yield from emit(ctx, "attends", unique(attendees), meeting, token, [token])
    if hosting and token.lemma_.lower() not in relation_words("hosts", "verbs"):
        # "Erdogan received Zelensky in Istanbul": the hosts rule reads only hosting verbs.
        yield from emit(ctx, "hosts", subjects(token, ctx), meeting, token, [token])


def _counterparts(token: Token, ctx: Context) -> list[Mention]:
    """Whom the subject of a meeting verb meets: its objects, its "with" partners (also
    through the medium: "spoke on the phone with Lavrov") and companions."""
    others = [m for obj in children(token, "dobj") for o in conjuncts(obj)
              for m in actors(o, ctx)]
    partners = [obj for _, obj in prep_objects(token, {"with"})]
    partners += [obj for _, medium in prep_objects(token, words("meetings", "call_media_preps"))
                 for _, obj in prep_objects(medium, {"with"})]
    others += [m for obj in partners for o in conjuncts(obj) for m in actors(o, ctx)]
    return unique([*others, *companions(token, ctx)])


def _noun_meeting_parties(token: Token, ctx: Context) -> Iterator[Claim]:
    """The parties of a meeting noun; when the meeting is called off ("Obama cancelled a
    meeting with Putin", "the meeting has been cancelled"), none of them attends, and the
    one who calls it off is named as not attending."""
    canceller = _cancelling_verb(token)
    if canceller is None:
        # "was not expected to hold talks with Trump": no one the talks name is at them
        holder = token.head
        denied = token.dep_ == "dobj" and holder.lemma_.lower() in relation_words(
            "attends", "holding_verbs") and is_negated(holder)[0]
        yield from (replace(c, negated=True) if denied and c.relation == "attends" else c
                    for c in _frame_parties(token, ctx))
        return
    # (a noun's "subject" would be whoever said it: "IGAD informed them of the
    # cancellation of a meeting")
    cancelling = subjects(canceller, ctx) if canceller.pos_ == "VERB" else []
    claims = [*_frame_parties(token, ctx),
              *emit(ctx, "attends", cancelling, ctx.meetings[token.i],
                    canceller, [canceller, token], negatable=False)]
    yield from (replace(c, negated=True) for c in claims)


def called_off_throughout(claims: list[Claim], ctx: Context) -> list[Claim]:
    """'Ghani and the Taliban were to meet him at Camp David on Sunday, but he cancelled the
    talks': no one a sentence names attends the meeting that sentence calls off (put off
    is not called off)."""
    ended = set()
    for index, meeting in ctx.meetings.items():
        verb = _cancelling_verb(ctx.doc[index])
        if verb is not None and verb.lemma_.lower() not in relation_words("attends",
                                                                        "delaying_verbs"):
            # the sentence as claims' evidence bounds it (graphbuild.extract.sentences)
            sentence = sentences(ctx.doc).span(ctx.sentence_of[index])
            ended.add((sentence.start_char, sentence.end_char, meeting.key))
    return [replace(c, negated=True) if c.relation == "attends" and not c.negated
            and c.object is not None and any(start <= c.evidence.start < end
                                             and c.object.key == key
                                             for start, end, key in ended) else c
            for c in claims]


def _held_with(word: Token, ctx: Context) -> list[Mention]:
    """Whom a meeting is held with: the "with" phrase of the holding verb or of the
    meeting noun ("held a video call on Thursday with Zelensky", "talks with Iran")."""
    return [m for _, obj in prep_objects(word, {"with"}) for o in conjuncts(obj)
            for m in actors(o, ctx)]


def _cancelling_verb(token: Token) -> Token | None:
    """The verb (or noun) that calls off the meeting a noun names: 'cancelled the meeting',
    'called off his visit', 'the summit was postponed', 'the cancellation of the talks'."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in \
            relation_words("attends", "cancelling_nouns"):
        return verb.head  # "the cancellation of a bilateral meeting between ..."
    if token.dep_ == "pobj" and verb.dep_ in ("prt", "prep") and verb.lower_ in particles(
            "attends", "calling_off").get(verb.head.lemma_.lower(), ()):
        return verb.head  # "called off the summit", parsed with "off" as a preposition
    if token.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in relation_words(
                "attends", "wish_verbs")):
        return None  # not "wants to cancel the summit"
    return verb if calls_off(verb) else None


def _frame_parties(token: Token, ctx: Context) -> Iterator[Claim]:
    """The parties a meeting noun names itself: 'talks between Russia and Ukraine', 'a
    meeting with Putin', 'the meeting of the coalition', 'the Trump-Putin summit',
    'Putin's meeting with Trump', 'the NATO summit'."""
    meeting = ctx.meetings.get(token.i)
    if meeting is None or meeting.implicit:
        return
    for_roles = relation_words("attends", "role_frame_preps")
    preps = relation_words("attends", "frame_preps") | for_roles
    if meeting.kind == "call":
        preps |= relation_words("attends", "call_preps")
    if is_topic(token):
        preps = preps - {"with"}  # "discuss the conference with Araqchi": he talks, not attends
    for prep, obj in prep_objects(token, preps):
        if meeting.start <= obj.idx < meeting.end:
            continue  # a word of the meeting's own name ("Heads of Government Meeting")
        role = obj.lemma_.lower() in words("people", "role_nouns")
        if prep.lower_ in for_roles and not role:
            continue
        # "a meeting of the coalition", "a summit of NATO leaders", "a meeting of Olmert
        # and Abbas"; "a meeting of minds" and "talks of a ceasefire" name no actor.
        parties = [m for o in conjuncts(obj) for m in actors(o, ctx)]
        yield from emit(ctx, "attends", parties, meeting, token, [token, prep],
                           negatable=False)
    if token.lemma_.lower() in words("meetings", "ceremony_nouns"):
        # "the signing ceremony of the Memorandum between the presidents of Rwanda Paul
        # Kagame and Uganda Yoweri Museveni": the parties to what is signed take part.
        signers = [m for _, signed in prep_objects(token, {"of"})
                   for _, obj in prep_objects(signed, {"between"}) for o in conjuncts(obj)
                   for m in actors(o, ctx)]
        yield from emit(ctx, "attends", signers, meeting, token, [token], negatable=False)
    # "a courtesy visit to President Kim": the one visited takes part.
    visited = [ctx.by_token[o.i] for o in visited_people(token, ctx.by_token)]
    yield from emit(ctx, "attends", visited, meeting, token, [token], negatable=False)
    if token.tag_ == "VBG" and token.dep_ == "advcl":
        # "Meeting with Obama during the summit, Rousseff expressed outrage"
        yield from emit(ctx, "attends", subjects(token, ctx), meeting, token, [token],
                        negatable=False)
    for clause in children(token, "acl"):
        # "the international talks ..., involving Britain, France and Germany"
        if clause.lemma_.lower() in relation_words("attends", "gathering_verbs"):
            parties = [m for obj in children(clause, "dobj") for o in conjuncts(obj)
                       for m in actors(o, ctx)]
            yield from emit(ctx, "attends", parties, meeting, clause, [token, clause],
                            negatable=False)
    # "US-brokered talks", "a Saudi-hosted summit": the one before the participle hosts
    # or mediates (a mediator is an optional host); it is not a party.
    sponsoring = relation_words("hosts", "verbs") | relation_words("hosts", "mediating_verbs")
    # The parser may hang the participle on a name before the noun: "the Canada-hosted
    # Lima Group meeting".
    modifiers = [t for left in token.lefts for t in left.subtree if t.dep_ == "amod"]
    sponsors = [m for modifier in modifiers
                if modifier.lemma_.lower() in sponsoring
                for s in children(modifier, "npadvmod", "compound")
                for m in actors(s, ctx)]
    # "UN hosts meeting of regional envoys" (a headline): the verb read as a noun
    sponsors = unique([*sponsors, *(host for left in token.lefts
                                    if (host := misread_host_verb(left, ctx)) is not None)])
    yield from emit(ctx, "hosts", sponsors, meeting, token, [token], negatable=False)
    named = [ctx.by_token[t.i] for t in token.lefts for t in t.subtree
             if t.i in ctx.by_token and t.dep_ != "prep" and not in_brackets(t)]
    named = unique([m for m in named if m.type in ACTORS and m not in sponsors])
    countries = [m for m in named if m.type == "country"]
    possessors = {ctx.by_token[c.i] for c in children(token, "poss") if c.i in ctx.by_token}
    # "their bilateral summit", "his meeting with Xi": the pronoun's antecedents.
    pronouns: list[Mention] = []
    for possessor in children(token, "poss"):
        if possessor.lower_ in PRONOUNS:
            antecedents = actors(possessor, ctx)
            # "their call" is a meeting of two or more; one antecedent is a wrong guess.
            plural = possessor.lower_ in words("coreference", "plural_pronouns")
            if len(antecedents) > 1 or not plural:
                pronouns += antecedents
    possessors.update(pronouns)
    named = unique([*named, *pronouns])
    # One country before a meeting noun is usually its topic or place ("the Ukraine
    # summit"); two are its parties ("US-China talks"). Of bodies, only known ones meet
    # ("the NATO summit"); "the White House talks" names the venue.
    # ... and a country joined to a known body ("the Caricom-Cuba Summit") is a party too.
    paired = len(countries) == 1 and any(m.type == "organization" and m.key in place_by_key()
                                         for m in named) and any(
        t.text == "-" for left in token.lefts for t in left.subtree)
    parties = [m for m in named if m in possessors or m.type == "person"
               or (m.type == "country" and (len(countries) > 1 or paired))]
    yield from emit(ctx, "attends", parties, meeting, token, [token], negatable=False)
    # ... but not when the meeting is only where another is held ("met on the sidelines
    # of the G20 summit"): its body is named for the place, not said to take part.
    bodies = [m for m in named if m not in parties and m.type == "organization"
              and m.key in place_by_key()] if not on_the_margins(token) else []
    yield from emit(ctx, "attends", bodies, meeting, token, [token], negatable=False,
                    named=True)


def _clause_parties(token: Token, ctx: Context) -> Iterator[Claim]:
    """Who takes part, read from the clause a meeting noun sits in.

    "the two sides held talks" (subject of a holding verb; "Biden held a summit"
    hosts); "vowed ... during a meeting in Tokyo", "failed to reach a deal at a
    summit", "spoke on the sidelines of the summit" (subject of what happens there);
    "flew to Washington for talks"; "the summit brought together leaders of ...";
    "Trump invited Putin to a summit".
    """
    meeting = ctx.meetings.get(token.i)
    if meeting is None or meeting.implicit:
        return
    head = token.head
    gathering = relation_words("attends", "gathering_verbs")
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() not in gathering:
        # "The summit is expected to include Putin and Xi"
        head = next((x for x in children(head, "xcomp") if x.lemma_.lower() in gathering), head)
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in gathering:
        # "Besides A and B, the talks also include host China and Russia"
        listed = [o for obj in children(head, "dobj") for o in conjuncts(obj)]
        listed += [o for _, obj in prep_objects(head, relation_words("attends", "also_preps"))
                   for o in conjuncts(obj)]
        if any(o.lemma_.lower() in words("people", "role_nouns") for o in listed):
            # "brought together officials from Japan and Korea", "from" hung on the verb
            listed += [o for _, obj in prep_objects(head, {"from", "of"}) for o in conjuncts(obj)]
        parties = [m for o in listed for m in actors(o, ctx)]
        # "brought together Presidents Arnoldo Aleman of Nicaragua, Alvaro Arzu of
        # Guatemala, ...": the parser breaks long lists of titled names
        parties += listed_after(head, ctx, people_only=True)
        yield from emit(ctx, "attends", unique(parties), meeting, head, [head, token],
                        negatable=False)
        host_nouns = relation_words("hosts", "nouns")
        hosts = [m for o in listed if any(c.lemma_.lower() in host_nouns and c.dep_ == "compound"
                                          for c in o.children) for m in actors(o, ctx)]
        yield from emit(ctx, "hosts", hosts, meeting, head, [head, token], negatable=False)
        return
    position = token
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
            "meetings", "round_nouns"):
        # "a fresh round of Syria talks", "on the sidelines of the summit"
        position = head.head
    margin = position.lemma_.lower() in relation_words("attends", "margin_nouns")
    holder = position.head
    holding = relation_words("attends", "holding_verbs")
    held_in = position.dep_ == "pobj" and holder.lower_ == "in" \
        and holder.head.lemma_.lower() in holding and not children(holder.head, "dobj")
    if held_in:
        holder = holder.head  # "resumed in Kinshasa negotiations on the dam", misparsed
    if position.dep_ == "nsubjpass" and holder.lemma_.lower() in holding:
        # "Meetings will be held in Hanoi with Trong and President To Lam"
        yield from emit(ctx, "attends", _held_with(holder, ctx), meeting, holder,
                        [holder, token])
        return
    speech = relation_words("attends", "speech_nouns")
    if position.dep_ == "dobj" and holder.dep_ == "acl" and holder.head.lemma_.lower() in \
            speech and holder.head.dep_ == "pobj":
        # "In a speech opening the summit, Cerezo urged ...": who gave the speech
        said = holder.head.head.head
        if said.pos_ in ("VERB", "AUX"):
            yield from emit(ctx, "attends", subjects(said, ctx), meeting, said,
                            [holder.head, holder], negatable=False)
        return
    if (position.dep_ == "dobj" or held_in) and holder.lemma_.lower() in holding:
        partners = [*_held_with(holder, ctx), *_held_with(token, ctx)]
        holders = subjects(holder, ctx)
        # "Biden held a summit" hosts it; "Musharraf will hold a summit with Vajpayee" and
        # "Modi and Morrison held a summit" are meetings of the two.
        hosting = token.lemma_.lower() in relation_words("hosts", "holding_nouns") \
            and holder.lemma_.lower() == "hold" and not partners and len(holders) == 1
        yield from emit(ctx, "hosts" if hosting else "attends", holders, meeting, holder,
                        [holder, token])
        yield from emit(ctx, "attends", partners, meeting, holder, [holder, token])
        return
    if position.dep_ != "pobj" or position.head.dep_ not in ("prep", "agent"):
        return
    prep, verb = position.head, position.head.head
    if prep.lower_ in relation_words("attends", "speech_preps") and (
            verb.lemma_.lower() in speech or any(o.lemma_.lower() in speech
                                                 for o in children(verb, "dobj"))):
        # "In his speech at the summit, Bashir said", "gave an opening address to the summit"
        speakers = [m for c in children(verb, "poss") for m in actors(c, ctx)]
        if verb.pos_ == "VERB":
            speakers += subjects(verb, ctx)
        elif verb.dep_ == "dobj":
            speakers += subjects(verb.head, ctx)
        yield from emit(ctx, "attends", unique(speakers), meeting, verb, [verb, prep],
                        negatable=False)
        return
    if verb.pos_ == "NOUN" and prep.lower_ in relation_words("attends", "inside_preps"):
        # "will deliver opening statements at the summit", "agreed to a statement of
        # commitment to a treaty at a meeting": the parser hangs the meeting on a noun
        # the verb governs.
        verb = _governing_verb(verb)
    if verb.pos_ == "NOUN" and prep.lower_ == "for" and verb.lemma_.lower() in relation_words(
            "attends", "trip_nouns"):
        # "arrived in Cairo on an official visit for summit talks with Sisi": the journey
        # is for the talks
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    lemma = verb.lemma_.lower()
    # "said in a phone call", "told Obama in a call": a call is where words are spoken.
    inside = prep.lower_ in relation_words("attends", "inside_preps") or margin or (
        meeting.kind == "call" and prep.lower_ in relation_words("attends", "call_inside_preps"))
    verb_meeting = ctx.meetings.get(verb.i)
    if inside and verb_meeting is not None:
        # "Biden met Xi on the sidelines of the APEC summit": both sides are there.
        yield from emit(ctx, "attends", unique([*subjects(verb, ctx), *_counterparts(verb, ctx)]),
                        meeting, verb, [verb, prep], negatable=False)
        return
    if lemma in relation_words("hosts", "verbs") and not travels(verb) or (
            lemma in relation_words("attends", "verbs") and requirement_met(verb)):
        return  # read by the hosts and attends rules
    if lemma in relation_words("attends", "inviting_verbs") and prep.lower_ == "to":
        yield from emit(ctx, "attends", patients(verb, ctx), meeting, verb, [verb])
        if not is_passive(verb):
            yield from emit(ctx, "hosts", subjects(verb, ctx), meeting, verb, [verb])
        return
    travelling = prep.lower_ == "for" and lemma in relation_words("attends", "travel_verbs")
    travelling |= prep.lower_ == "with" and lemma in relation_words("attends",
                                                                     "continuing_verbs")
    held_with = any(True for _ in prep_objects(token, {"with"}))
    # "were also in the Al Ula summit", "spent hours in meetings with Wang Yi"
    engaged = prep.lower_ == "in" and (token.lemma_.lower() in words("meetings", "weak_nouns")
                                       or lemma == "be" or held_with)
    present = subjects(verb, ctx)
    # "Saudi Arabia and Iran agreed to restore ties after talks in Beijing": what two or
    # more do after talks, they did together.
    # ... and what one does "after talks with Saudi and Emirati leaders", it did with them.
    engaged |= prep.lower_ in relation_words("attends", "after_preps") and (
        len(present) > 1 or held_with)
    if any(o.lemma_.lower() in relation_words("attends", "nouns") for o in children(verb, "dobj")):
        return  # "cancelled his participation at the meeting": read with the noun
    if inside or travelling or engaged:
        # What happens at a meeting does not negate being there ("failed to reach a deal
        # at the summit"); not going there does ("will not fly to Granada for the talks").
        if inside:
            present += _addressees(verb, ctx)
        if inside and verb.dep_ == "xcomp" and meeting.kind == "call":
            # "Obama invited Cameron to visit the US during a phone call": the parser hangs
            # the call on what was said in it; those who said it and heard it are on it.
            present += [m for m in [*subjects(verb.head, ctx), *patients(verb.head, ctx)]
                        if m.type in ("person", "country")]
        # ... but "will not be at the summit" negates being there.
        yield from emit(ctx, "attends", unique(present), meeting, verb,
                        [verb, prep], negatable=(travelling and not inside) or lemma == "be")


def _governing_verb(noun: Token) -> Token:
    """The verb whose object or oblique ``noun`` is, through nouns hung on one another by
    prepositions ("agreed to a statement of commitment to a treaty"); ``noun`` itself
    when there is none."""
    word = noun
    for _ in range(4):
        if word.dep_ == "dobj" and word.head.pos_ == "VERB":
            return word.head
        if word.dep_ != "pobj" or word.head.dep_ != "prep":
            break
        holder = word.head.head
        if holder.pos_ == "VERB" and word is not noun:
            return holder
        if holder.pos_ != "NOUN":
            break
        word = holder
    return noun


def _addressees(verb: Token, ctx: Context) -> list[Mention]:
    """Who is spoken to at a meeting: "told Obama in a phone call that she would ...",
    "assured Zelensky during the call", "spoke with Rousseff during a call"."""
    found = [m for _, obj in prep_objects(verb, {"with"}) for o in conjuncts(obj)
             for m in actors(o, ctx)]
    addressing = relation_words("attends", "addressing_verbs")
    for clause in [verb, *([verb.head] if verb.dep_ == "ccomp" else [])]:
        if clause.lemma_.lower() in addressing:
            found += [m for obj in children(clause, "dobj", "dative") for o in conjuncts(obj)
                      for m in actors(o, ctx) if m.type in ("person", "country")]
    return unique(found)


@starts_at(meetings=True)
def meeting_word(token: Token, ctx: Context) -> Iterator[Claim]:
    """Every party the meeting word at ``token`` names."""
    if token.i in ctx.meetings:
        yield from _verb_meeting_parties(token, ctx)
        yield from _noun_meeting_parties(token, ctx)
        yield from _clause_parties(token, ctx)


RULES = (meeting_word,)
