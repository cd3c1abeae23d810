"""Meetings stated with a verb: "Biden will meet Netanyahu", "the leaders spoke by phone",
"Iceland will host defence ministers", "Japarov and Rahmon signed a treaty".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from graphbuild.extract.meetings.names import meeting_name_head
from graphbuild.extract.meetings.when_where import date_of, venue_of
from graphbuild.extract.meetings.words import (
    explicit_kind,
    inviters,
    is_actor,
    noun_like_gerund,
    strong_meeting_nouns,
)
from graphbuild.extract.syntax import children, is_negated, prep_objects, subject_of
from graphbuild.lexicon import is_public_figure, job_titles, lexicon, words
from graphbuild.types import Mention


def _has_medium(verb: Token) -> bool:
    """'spoke by phone', 'talked over a video link', 'spoke on the telephone'; not
    'speaking in a press conference'."""
    media = words("meetings", "call_media")
    public = words("meetings", "public_modifiers")
    for _, obj in prep_objects(verb, words("meetings", "call_media_preps")):
        if any(c.lower_ in public for c in obj.children):
            continue
        if obj.lower_ in media or any(c.lower_ in media for c in obj.children):
            return True
    return False

@cache
def meeting_verbs() -> frozenset[str]:
    """Every verb that may state a meeting (see :func:`stated_kind`)."""
    return frozenset().union(*(words("meetings", name) for name in (
        "call_verbs", "calling_verbs", "hosting_verbs", "visiting_verbs", "signing_verbs",
        "encounter_verbs", "event_verbs")))


@cache
def _person_titles() -> frozenset[str]:
    return job_titles() | words("people", "honorifics")


def _talk_between_named(token: Token, by_token: dict[int, Mention]) -> bool:
    """'Trump spoke with Macron', 'Trump and Putin spoke': a person or state speaks with a
    named person, or two of them speak (not "Sri Lanka, Tigers talks to protect truce", a
    noun misread as a verb)."""
    if _ruled_out(token) or token.lower_ in words("meetings", "nouns"):
        return False
    speakers = [s for subject in children(token, "nsubj") for s in [subject, *subject.conjuncts]
                if by_token.get(s.i) is not None and by_token[s.i].type in ("person", "country")]
    if not speakers:
        return False
    partnered = any(by_token.get(o.i) is not None and by_token[o.i].type == "person"
                    for _, obj in prep_objects(token, {"with", "to"})
                    for o in [obj, *obj.conjuncts, *children(obj, "appos")])
    return partnered or (len(speakers) >= 2 and not children(token, "dobj", "ccomp"))


def _identified_person(token: Token, by_token: dict[int, Mention]) -> bool:
    """A person named in full, titled or known to the news ("visit President Kiir", "visit
    Putin"); a lone unknown name after "visit" is more often a place the model took for a
    person ("will visit Auschwitz")."""
    mention = by_token.get(token.i)
    if mention is None or mention.type != "person":
        return False
    name = mention.key.partition(":")[2]
    return " " in name or is_public_figure(name) or any(
        c.lower_ in _person_titles() for c in token.children if c.dep_ == "compound")


def _visited_by(verb: Token, by_token: dict[int, Mention]) -> bool:
    """'Zelensky was visited by Macron, Scholz and Draghi': the passive names the one
    visited as its subject and the visitors after "by"."""
    return any(_identified_person(s, by_token) for s in children(verb, "nsubjpass")) and any(
        _identified_person(o, by_token) for _, visitor in prep_objects(verb, {"by"})
        for o in [visitor, *visitor.conjuncts])


def _has_particle(verb: Token, needed: list[str] | None) -> bool:
    """Whether a verb that needs one of ``needed`` (None: needs none) has it, as its
    particle or a little further ("brought leaders together in Paris": the parser may hang
    "together" on a phrase of the verb)."""
    return needed is None or any(t.lower_ in needed and not any(
        m.dep_ == "advmod" and m.tag_ == "RBR" for m in t.children)  # "closer together"
        for c in verb.children for t in (c, *c.children))


def _an_award(word: Token) -> bool:
    """'received the Karlspreis (Charlemagne Prize)': a name the model took for a person
    that its own words call a prize."""
    return any(t.lemma_.lower() in words("meetings", "award_nouns") for t in word.subtree)


def stated_kind(token: Token, by_token: dict[int, Mention]) -> tuple[str, bool] | None:
    """The kind of meeting a verb states and whether it may be the meeting in focus,
    or None.

    "Biden will meet Netanyahu", "Xi met with Putin" (an encounter); "the
    leaders spoke by phone" (a call); "ministers will convene at NATO" (a
    gathering, with a time or place); "Iceland will host defence ministers in
    Reykjavik", "Trump will host Netanyahu" (hosting people).
    """
    if token.pos_ != "VERB" or token.lemma_.lower() not in meeting_verbs() \
            or noun_like_gerund(token):
        return None
    if token.dep_ == "acl" and token.head.lemma_.lower() in words("meetings", "nouns"):
        return None  # "the summit, bringing together Kenya and Uganda" is the summit
    if any(subject.lemma_.lower() in words("meetings", "nouns")
           for subject in children(token, "nsubj")):
        return None  # "the summit brought together Kenya and Uganda" is the summit
    if any(obj.lemma_.lower() in strong_meeting_nouns() for _, obj in prep_objects(token, {"for"})):
        return None  # "leaders gathered in Paris for a summit": the summit is the meeting
    lemma = token.lemma_.lower()
    # "to meet with Kim's top aide, Jo Myong-Rok, ... and Paek Nam-Sun": named in apposition
    partners = [o for _, obj in prep_objects(token, {"with"})
                for o in [obj, *obj.conjuncts, *(a for named in children(obj, "appos")
                                                 for a in [named, *named.conjuncts])]]
    objects = [o for obj in children(token, "dobj") for o in [obj, *obj.conjuncts]]
    if lemma in words("meetings", "call_verbs") and _has_medium(token):
        return "call", False
    if lemma in words("meetings", "call_verbs") and _talk_between_named(token, by_token):
        # Leaders who speak with each other talk, by phone unless the sentence places them
        # ("spoke with Xi at the summit").
        placed = venue_of(token, by_token) is not None or any(
            p.lower_ in words("relations", "attends", "inside_preps")
            for p in children(token, "prep"))
        return ("meeting" if placed else "call"), False
    if lemma in words("meetings", "calling_verbs") and any(
            by_token.get(o.i) is not None and by_token[o.i].type == "person" for o in objects) \
            and not children(token, "oprd", "ccomp") \
            and not any(p.lower_ in ("on", "upon", "for") and p.i == token.i + 1
                        for p in children(token, "prep")):
        return "call", False  # "Trump called Putin": a phone call, not "called on" or "for"
    if lemma in words("meetings", "hosting_verbs") and not objects and children(
            token, "auxpass") and any(is_actor(guest, by_token) and not explicit_kind(
                guest, by_token) for guest in subject_of(token)) and any(
            o.pos_ == "PROPN" and by_token.get(o.i) is not None and by_token[o.i].type == "person"
            for _, host in prep_objects(token, {"by"}) for o in [host, *host.conjuncts]):
        # "the emir was received in Doha by Emir Sheikh Tamim"; "led his delegation to the
        # summit and was welcomed by Crown Prince Mohammed" is about the summit.
        # A reception has a place or a time ("would be warmly welcomed by Labour MPs" has
        # neither).
        said = [token, *([token.head] if token.dep_ == "conj" else [])]
        placed = any(venue_of(v, by_token) is not None or date_of(v) is not None for v in said)
        if placed and not any(explicit_kind(word, by_token) for word in token.sent):
            return "meeting", True
        return None
    if lemma in words("meetings", "hosting_verbs") and objects and _has_particle(
            token, lexicon()["meetings"]["hosting_particles"].get(lemma)):
        # One receives people and states; a body received may be a prize or a product
        # ("received an OBE", "the companies which received AutoLinks").
        guest_types = ("person", "country") if lemma in words(
            "meetings", "receiving_verbs") else ("person", "country", "organization")
        named = [o for o in objects if by_token.get(o.i) is not None
                 and by_token[o.i].type in guest_types and not heads_a_meeting_name(o)
                 and not _an_award(o)]
        guests = [o for o in objects if o.lemma_.lower() in words("people", "role_nouns")]
        if named or (guests and (date_of(token) is not None
                                 or venue_of(token, by_token) is not None)):
            return "meeting", True
        return None
    if lemma in words("meetings", "visiting_verbs") and not _ruled_out(token) and (any(
            _identified_person(o, by_token) for o in objects) or inviters(token, by_token)
            or _visited_by(token, by_token)):
        # "is expected to visit President Trump at Mar-a-Lago", "will visit Russia at the
        # invitation of Putin"
        return "meeting", False
    if lemma in words("meetings", "signing_verbs") and not children(token, "nsubjpass"):
        signers = [s for subject in children(token, "nsubj") for s in [subject,
                                                                       *subject.conjuncts]]
        people = [p for p in [*signers, *partners] if by_token.get(p.i) is not None
                  and by_token[p.i].type == "person"]
        countries = [p for p in [*signers, *partners] if by_token.get(p.i) is not None
                     and by_token[p.i].type == "country"]
        placed = any(venue_of(t, by_token) for t in [token, *objects])
        if len(people) >= 2 or (len(countries) >= 2 and placed):
            # "Japarov and Rahmon have signed a border treaty"; "Peru and Ecuador signed a
            # peace treaty in Brasilia" (signing somewhere is meeting there)
            return "meeting", False
    # "Macron has met with Trump": a meeting of its own, not the one in focus; "refused to
    # meet with Mugabe" is none.
    named = [o for o in [*objects, *partners] if is_actor(o, by_token)]
    if lemma in words("meetings", "encounter_verbs") and named and not _ruled_out(token) and (
            any(o.pos_ != "PRON" for o in named) or date_of(token) is not None
            or venue_of(token, by_token) is not None):
        # "to meet them" may meet a challenge; "met them in Rome on Friday" is a meeting,
        # "met Scholz by video link" a call.
        return ("call" if _has_medium(token) else "meeting"), False
    clause = token
    while clause.dep_ == "ccomp":
        clause = clause.head
    if clause.dep_ == "relcl" and not is_actor(clause.head, by_token) and any(
            s.lower_ not in ("who", "which", "that") for s in children(token, "nsubj")) \
            and not any(c.tag_ == "WRB" for c in [*token.children, *clause.children]) \
            and venue_of(token, by_token) is None and not partners:
        return None  # "a target he says he has now met": the noun is what is met
    if lemma not in words("meetings", "event_verbs") or objects:
        return None
    if any(s.lemma_.lower() in words("meetings", "nouns") for s in children(token, "nsubj")):
        return None  # "the summit convened in Baghdad" is the summit itself
    if any(explicit_kind(obj, by_token) for _, obj in prep_objects(token, {"at", "during"})):
        return None  # "the presidents met at the Micronesian Presidents Summit": that summit
    # Without a time, a place or two named parties, "they met up" is not a meeting
    # worth a node; "Phumtham and Hun Manet met" is.
    medium = _has_medium(token)  # "G7 leaders will meet by videoconference": a call
    if not (date_of(token) is not None or _named_parties(token, by_token)
            or venue_of(token, by_token) is not None or medium):
        return None
    return ("call" if medium else "meeting"), not said_later(token)


def heads_a_meeting_name(token: Token) -> bool:
    """'hosted the Intergovernmental Authority on Development summit': the object is the
    first word of a meeting's name, not a guest."""
    return any(word.lemma_.lower() in words("meetings", "nouns")
               and meeting_name_head(word) == token for word in token.subtree if word.i > token.i)


def _ruled_out(verb: Token) -> bool:
    """'refused to meet with Mugabe', 'made it impossible for him to meet Mugabe'."""
    adjectives = words("negation", "adjectives")
    return is_negated(verb)[0] or (verb.dep_ == "advcl" and any(
        t.lemma_.lower() in adjectives for t in [verb.head, *children(verb.head, "acomp")]))


def said_later(verb: Token) -> bool:
    """'agreed to meet two weeks later', 'will meet again': another meeting than the one
    being told, with no date of its own."""
    return any(c.dep_ == "advmod" and c.lower_ in words("meetings", "later_adverbs")
               for c in verb.children)

def _named_parties(verb: Token, by_token: dict[int, Mention]) -> bool:
    """Two or more people (or, naming no one, two countries or bodies) in the subject."""
    named = {by_token[t.i] for subject in subject_of(verb)[:1] for t in subject.subtree
             if t.i in by_token and by_token[t.i].type in ("person", "country", "organization")}
    people = {m.key for m in named if m.type == "person"}
    return len(people) >= 2 or (not people and len({m.key for m in named}) >= 2)
