"""When and where a meeting is, read from its phrase and the verbs above it."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Span, Token

from graphbuild import dates
from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import children, is_topic, prep_objects
from graphbuild.lexicon import lexicon, place_by_key, words
from graphbuild.types import Mention

WEEKDAYS = tuple(day.title() for day in dates.WEEKDAYS)  # as a date expression reads

def normalise_date(text: str) -> str:
    """A comparable form of a date expression.

    >>> normalise_date("this Thursday afternoon")
    'Thursday'
    >>> normalise_date("the end of last month")
    'end of last month'
    """
    for day in WEEKDAYS:
        if re.search(rf"\b{day}\b", text, flags=re.IGNORECASE):
            return day
    return re.sub(r"^(the|this|on)\s+", "", text.strip(), flags=re.IGNORECASE)

# "this week", "this year": true of any meeting in the story, so no date at all.
_VAGUE = re.compile(r"(this|the|these|a|an) (week|month|year|days?)|(week|month|year)s?"
                    r"|(the )?same (day|week|month|year)"
                    r"|(in )?(the )?(next|coming|past|last|following) (few |several )?"
                    r"(days|weeks|months)"
                    r"|daily|weekly|monthly|annual|annually|yearly|regular|every \w+"
                    r"|((this|next|last) )?(spring|summer|autumn|fall|winter)", re.I)

# "a two-day meeting", "48-hour talks", "a day after the summit": how long or how far
# from another event, not when; "the 85-year-old leader": how old.
_NUMBER_WORDS = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)"

_DURATION = re.compile(
    rf"\b(\w+-(year|month|week|day)s?-old|\w+-(day|week|hour)s?"
    rf"|{_NUMBER_WORDS} (days?|hours?|weeks?|nights?)(?! ago)"
    rf"|{_NUMBER_WORDS} (months?|years?|decades?)(?! ago| later| earlier)|decades?"
    r"|(day|week)-long|the (day|week) (before|after)|(the )?next day)\b",
    re.IGNORECASE)

# A date names a day, a month, a year or a time of the calendar; what the tagger calls a
# date without one ("the 8th", a misread name) is none.
_CALENDAR_NAMES = "|".join([*dates.MONTHS, *dates.WEEKDAYS, *dates.RELATIVE_DAYS])
_CALENDAR_WORDS = re.compile(
    rf"\d{{4}}|\b(\d{{1,2}}|{_CALENDAR_NAMES}|week|weekend|month|year|spring|summer|autumn"
    r"|fall|winter|morning|afternoon|evening|night|date)s?\b(?!-?(st|nd|rd|th)\b)", re.I)


def _bounded(date: Span) -> bool:
    """'since 2012', 'before the end of the year': a bound, not the meeting's date."""
    before = date.start - 1
    while before > 0 and date.doc[before].dep_ == "det" and date.doc[before].head in date:
        before -= 1
    return before >= 0 and date.doc[before].lower_ in words("meetings", "bounding_preps")


def _superseded(date: Span) -> bool:
    """'which was originally to take place in 2020 but was twice postponed': the date of a
    plan given up, not the meeting's."""
    adverbs = words("meetings", "superseded_adverbs")
    return any(c.dep_ == "advmod" and c.lower_ in adverbs
               for word in islice(date.root.ancestors, 4) for c in word.children)


def names_a_time(text: str) -> bool:
    """Whether a date expression names a day, month, year or time of the calendar."""
    return _CALENDAR_WORDS.search(text) is not None


_CLIMB = {"acl", "pobj", "pcomp", "prep", "xcomp", "nsubj", "nsubjpass", "dobj", "relcl", "advcl"}

@dataclass
class _SentenceDates:
    """The candidate dates of one sentence, indexed so that each meeting word looks only
    at the dates near it (a run-on sentence holds hundreds of dates)."""

    under: dict[int, list[Span]] = field(default_factory=dict)
    attached: dict[int, list[Span]] = field(default_factory=dict)


_DEPTH = 24


def _sentence_dates(token: Token) -> _SentenceDates:
    index = sentences(token.doc)
    number = index.number(token.i)
    cache: dict[int, _SentenceDates] = token.doc.user_data.setdefault("graphbuild_dates", {})
    if number in cache:
        return cache[number]
    found = _SentenceDates()
    for ent in index.dates(number):
        if _VAGUE.fullmatch(ent.text.strip()) or not names_a_time(ent.text) or \
                _bounded(ent) or _superseded(ent) or (
                _DURATION.search(ent.text) and normalise_date(ent.text) not in WEEKDAYS):
            continue
        node = ent.root
        for _ in range(_DEPTH):
            found.under.setdefault(node.i, []).append(ent)
            if node.head is node:
                break
            node = node.head
        anchor = ent.root.head if ent.root.head.dep_ == "prep" else ent.root
        for head in {anchor.head.i, ent.root.head.i}:
            found.attached.setdefault(head, []).append(ent)
    cache[number] = found
    return found


def date_of(token: Token) -> str | None:
    """The date expression attached to a meeting word or to the verbs above it.

    Looks in the word's own phrase first ("the group's meeting on Friday",
    "Thursday's meeting", "the meeting, which will take place on Friday"),
    then at the direct modifiers of the governing verbs ("are expected, on
    Friday, to convene"), never inside sibling clauses ("visited Kyiv last week").
    """
    dates = _sentence_dates(token)
    own = [ent for ent in dates.under.get(token.i, [])
           if not _inside_other_event(token, ent.root)]
    if own:
        return normalise_date(own[0].text)
    current = token
    for _ in range(5):
        if current.dep_ not in _CLIMB or current.head is current:
            break
        # A clause with its own subject states its own time: in "a day after ministers
        # meet in Brussels", the main clause's "on Thursday" is not the ministers' date.
        if current.pos_ in ("VERB", "AUX") and children(current, "nsubj", "nsubjpass"):
            break
        # A meeting that is the subject takes the date of "take place", "open" ...,
        # not of "follows talks in May".
        if current.dep_ in ("nsubj", "nsubjpass") and current.head.lemma_.lower() not in (
                words("meetings", "location_verbs")
                | words("relations", "attends", "gathering_verbs")):
            break  # but "the summit on Friday brought together ..." is on Friday
        if current.dep_ in ("nsubj", "nsubjpass") and current.head.lemma_.lower() in words(
                "meetings", "ending_verbs"):
            break  # "the summit will end on Monday": its last day
        below, current = current, current.head
        if current.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if current.lemma_.lower() in words("attribution", "verbs"):
            break  # "Lebanon announced on Tuesday to shun the summit": when it was said
        if below.lower_ == "for" and current.lemma_.lower() in words(
                "relations", "attends", "venue_arrival_verbs") and any(
                c.dep_ == "det" and c.lower_ in words("meetings", "anaphoric")
                for c in token.children):
            break  # "arrived on Sunday for the ceremony" told before: when one came
        asking = lexicon()["meetings"]["request_verbs"].get(current.lemma_.lower())
        if asking is not None and (not asking or below.lower_ in asking):
            break  # "On Wednesday, the chair called for a summit": when it was asked
        # The verb itself and the infinitives it governs: "is due to be held next week".
        verbs = [current, *(c for c in current.children if c.dep_ in ("xcomp", "acomp")),
                 *(g for c in current.children if c.dep_ in ("xcomp", "acomp")
                   for g in c.children if g.dep_ == "xcomp")]
        near = [ent for verb in verbs for ent in dates.attached.get(verb.i, [])]
        if near:
            return normalise_date(min(near, key=lambda ent: ent.start).text)
    return None

def _inside_other_event(token: Token, date_root: Token) -> bool:
    """A date inside a nested or joined clause that has its own verb and subject ("the
    residence where Bolivar died Dec 17, 1830", "met Modi in New York and the two are to
    meet again next Saturday"), or inside another meeting's phrase ("After a
    Friday summit with Putin, Trump met Zelensky on Monday")."""
    node = date_root
    while node != token and node.head is not node:
        if node.dep_ in ("advcl", "ccomp", "relcl", "conj") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("which", "that", "who")
                for c in node.children):
            return True  # not "the meeting, which will take place on Friday"
        if node.pos_ == "NOUN" and node.lemma_.lower() in words("meetings", "nouns"):
            return True
        node = node.head
    return False

def venue_of(token: Token, by_token: dict[int, Mention]) -> str | None:
    """'at NATO headquarters' -> 'NATO headquarters'; looks at the noun then its verb.
    A part of the world before the noun is what the meeting is about ("the Africa
    summit"), not where it is."""
    venue_nouns = words("meetings", "venue_nouns")
    regions = words("meetings", "world_regions")
    candidates = [token]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and token.head.pos_ in ("VERB", "AUX"):
        candidates.append(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.pos_ == "VERB":
        candidates.append(token.head.head)  # "gathered in Paris for a summit"
    # "an extraordinary summit held last September in Syrte"
    candidates.extend(c for c in children(token, "acl")
                      if c.lemma_.lower() in words("meetings", "location_verbs"))
    trip = _trip(token)
    if trip is not None:
        for _, place in prep_objects(trip, {"to"}):
            mention = by_token.get(place.i)
            if mention is not None and mention.type in ("location", "country"):
                return mention.text
    # "meet with ministers at NATO", "met President Xi in Beijing": the place may hang off
    # the partner.
    candidates.extend(obj for _, obj in prep_objects(token, {"with"}))
    candidates.extend(obj for obj in children(token, "dobj")
                      if token.pos_ == "VERB" and obj.i in by_token
                      and by_token[obj.i].type == "person")
    # "the Riga gathering", "Tuesday's Vilnius talks"; but "the Gaza aid conference in
    # Jordan" is in Jordan
    named_in = [by_token[place.i] for _, place in prep_objects(token, {"at", "in", "inside"})
                if place.i in by_token]
    for child in children(token, "compound", "nmod"):
        mention = by_token.get(child.i)
        if mention is not None and mention.type == "location" \
                and mention.text.lower() not in regions \
                and not any(m.type in ("location", "country") for m in named_in):
            return mention.text
    for node in candidates:
        for _, place in prep_objects(node, {"at", "in", "inside"}):
            mention = by_token.get(place.i)
            if mention is not None and mention.type in ("organization", "location", "country"):
                return mention.text
            if place.lemma_.lower() in words("relations", "hosts", "invitation_nouns"):
                continue  # "at the invitation of Chile" names the host, not the place
            # "in the Norwegian city of Tromsø"
            town = _town_of(place, "of", by_token)
            if town is not None:
                return town
            capital = _capital_named(place, by_token)
            if capital is not None:
                return capital
            if place.lemma_.lower() in venue_nouns:
                owners = [by_token[c.i] for c in place.children
                          if c.dep_ in ("poss", "compound") and c.i in by_token]
                if owners:
                    return f"{owners[0].text} {place.text}"
            # "at a hot spring in Nagato": the town the place is in
            town = _town_of(place, "in", by_token)
            if town is not None:
                return town
    return None


def _town_of(place: Token, prep: str, by_token: dict[int, Mention]) -> str | None:
    """The town or country a place's preposition names ("city of Tromsø", "in Nagato")."""
    for _, named in prep_objects(place, {prep}):
        inner = by_token.get(named.i)
        if inner is not None and inner.type in ("location", "country"):
            return inner.text
    return None

def _capital_named(place: Token, by_token: dict[int, Mention]) -> str | None:
    """'in the Czech capital', "in Moldova's capital": the country's capital city."""
    if place.lemma_.lower() not in words("meetings", "capital_nouns"):
        return None
    for child in place.children:
        mention = by_token.get(child.i)
        if child.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None \
                and mention.type == "country":
            country = place_by_key().get(mention.key)
            if country is not None and country.capitals:
                return country.capitals[0]
    return None


def _trip(token: Token) -> Token | None:
    """The travel verb a meeting is the purpose of: "will travel to Jakarta to meet
    Prabowo", "headed to Washington for talks", "will fly to Beijing to hold talks"."""
    if token.pos_ == "VERB" and token.dep_ in ("advcl", "xcomp"):
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "for":
        verb = token.head.head
    elif token.dep_ == "dobj" and token.head.dep_ in ("advcl", "xcomp") and not is_topic(token):
        verb = token.head.head
    else:
        return None
    return verb if verb.lemma_.lower() in words("relations", "attends",
                                                "venue_travel_verbs") else None


def group_of(token: Token, by_token: dict[int, Mention]) -> str | None:
    for _, obj in prep_objects(token, {"of", "within", "among"}):
        if obj.i in by_token and by_token[obj.i].type == "organization":
            return by_token[obj.i].key
        if obj.lemma_.lower() in words("meetings", "body_parts"):
            # "a summit of a division of the Southern African Development Community"
            whole = [o for _, o in prep_objects(obj, {"of"}) if o.i in by_token
                     and by_token[o.i].type == "organization"]
            if whole:
                return by_token[whole[0].i].key
        # "the meeting of leaders of the Commonwealth of Independent States"
        body = body_of_people(obj, by_token, modifiers=False, preps={"of", "from"})
        if body is not None:
            return body
    for child in children(token, "poss", "compound"):
        if child.i in by_token and by_token[child.i].type == "organization":
            return by_token[child.i].key
    # "the CIS Council of Foreign Ministers meeting", "the Organization of African Unity
    # (OAU) summit", however parsed
    previous = token.i - 1
    if previous > 0 and token.doc[previous].text == ")":
        opening = next((i for i in range(previous - 1, max(previous - 6, -1), -1)
                        if token.doc[i].text == "("), None)
        previous = opening - 1 if opening is not None else previous
    before = by_token.get(previous)
    if before is not None and before.type == "organization" and token.pos_ == "NOUN":
        return before.key
    if token.pos_ == "VERB":
        # "G20 foreign ministers meet in New Delhi": the body whose people meet
        return next((body for subject in children(token, "nsubj")
                     if (body := body_of_people(subject, by_token, modifiers=True))
                     is not None), None)
    return None


def body_of_people(noun: Token, by_token: dict[int, Mention], *, modifiers: bool,
                   preps: Set[str] = frozenset()) -> str | None:
    """The body a role noun's people belong to, named before it (with ``modifiers``: "G20
    foreign ministers") or after one of ``preps`` ("leaders of the CIS", "ministers from
    the G20")."""
    if noun.lemma_.lower() not in words("people", "role_nouns"):
        return None
    named = [*(children(noun, "compound", "poss", "nmod") if modifiers else []),
             *(obj for _, obj in prep_objects(noun, preps))]
    return next((by_token[t.i].key for t in named
                 if t.i in by_token and by_token[t.i].type == "organization"), None)
