"""Which words name a meeting: nouns ("the summit", "a phone call", "a state banquet"),
verbs ("Biden will meet Netanyahu", "spoke by phone"), and what each mention says of
itself (its parties, whether it refers back or sets a meeting apart)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from graphbuild.extract.meetings.distributive import is_distributive, partners
from graphbuild.extract.meetings.when_where import date_of, venue_of
from graphbuild.extract.syntax import children, is_negated, prep_objects, subject_of
from graphbuild.lexicon import is_public_figure, job_titles, lexicon, words
from graphbuild.meeting_identity import party_key
from graphbuild.types import Mention


def _is_idiom(token: Token) -> bool:
    window = token.doc[max(0, token.i - 2): token.i + 2].text.lower()
    return any(idiom in window for idiom in words("meetings", "idioms"))

def explicit_kind(token: Token, by_token: dict[int, Mention]) -> tuple[str, bool, bool] | None:
    """(class, anaphoric, weak) for a meeting noun, or None if it names no meeting."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN") and not noun_like_gerund(token):
        return None
    framed = _framed_kind(token, by_token)
    if framed is None and lemma not in words("meetings", "nouns") \
            and token.lower_ not in words("meetings", "nouns"):
        return None
    if token.i in by_token or _is_idiom(token) or token.dep_ == "compound":
        return None
    name = entity_ending_at(token)
    if name is not None and is_body_name(name):
        return None  # "the Organization of the Islamic Conference"
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words("meetings", "public_modifiers")
           for c in token.children):
        return None  # "a press conference" speaks to the public
    modifiers = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound")]
    if any(c.dep_ == "det" and c.lower_ in words("meetings", "generic_determiners")
           for c in modifiers):
        return None  # "any summit" is no summit in particular
    contrastive = any(_sets_apart(c) for c in modifiers)
    weak_nouns = words("meetings", "weak_nouns")
    plural = token.tag_ in ("NNS", "NNPS") and token.lower_ not in words("meetings",
                                                                         "plural_nouns")
    determiners = [c for c in modifiers if c.dep_ in ("det", "poss")]
    # "the inaugural defence ministers' meeting": the article hangs off the possessor.
    determiners += [g for c in modifiers if c.dep_ == "poss" for g in c.children
                    if g.dep_ == "det"]
    if plural and (contrastive or not determiners) and not _attended(token) and not framed \
            and not (is_distributive(token) and len(partners(token, by_token)) >= 2):
        return None  # but "telephone conversations with Ushakov" are calls, and "bilateral
        # meetings with A and B" a meeting with each
    anaphoric = not contrastive and any(
        c.lower_ in words("meetings", "anaphoric") for c in determiners)
    # "the six-party talks", "four-way talks": a count of parties names one meeting.
    counted = any(c.lemma_.lower() in words("meetings", "counted_parties")
                  and any(g.dep_ == "nummod" for g in c.children)
                  for c in modifiers if c.dep_ in ("compound", "amod"))
    weak = (lemma in weak_nouns or token.lower_ in weak_nouns) and not counted
    kind = "summit" if lemma in words("meetings", "summit_nouns") else "meeting"
    return framed or kind, anaphoric, weak

def entity_ending_at(token: Token) -> Span | None:
    """The named entity whose last word is ``token``, if it starts before it."""
    doc = token.doc
    if token.ent_iob_ != "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:token.i + 1]


def is_body_name(name: Span) -> bool:
    """A name headed by a body's noun names the body, whatever word ends it."""
    return name.root.lemma_.lower() in words("organizations", "heads")


def noun_like_gerund(token: Token) -> bool:
    """'for a NATO foreign ministers meeting': a meeting noun the tagger read as a verb
    (it has an article and sits where a noun does)."""
    return token.tag_ == "VBG" and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") \
        and token.lower_ in words("meetings", "nouns") and any(
            c.dep_ == "det" for c in token.children)


def _attended(token: Token) -> bool:
    """'would also boycott preparatory meetings', 'attends meetings of G7 foreign
    ministers': described meetings someone goes to or stays away from are meetings, plural
    or not."""
    described = any(c.dep_ == "amod" or c.dep_ == "prep" and c.lower_ in ("of", "with", "between")
                    for c in token.children)
    return described and goes_to(token)


def goes_to(token: Token) -> bool:
    """The meeting noun is what an attendance verb's subject goes to or stays away from:
    "participating at a summit", "will attend a summit"."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in words(
        "relations", "attends", "verbs")


def _framed_kind(token: Token, by_token: dict[int, Mention]) -> str | None:
    """'a phone call', 'a call with Macron' (a call); 'a state banquet', 'dinner with
    Tsai', 'their dinner' (a meeting over a meal); 'the signing ceremony'; not 'calls for a
    ceasefire' nor
    'dinner was served'. These nouns name a meeting only with a medium or occasion, a
    partner or a possessor."""
    lemma = token.lemma_.lower()
    if lemma in words("meetings", "call_nouns"):
        kind, modifiers = "call", words("meetings", "call_media")
    elif lemma in words("meetings", "meal_nouns"):
        kind, modifiers = "meeting", words("meetings", "meal_occasions")
    elif lemma in words("meetings", "ceremony_nouns"):
        kind, modifiers = "meeting", words("meetings", "ceremony_occasions")
    else:
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in modifiers for c in token.children):
        return kind
    partners = [o for _, obj in prep_objects(token, words("meetings", "call_partners"))
                for o in [obj, *obj.conjuncts]]
    if any(by_token.get(o.i) is not None or o.lemma_.lower() in words("people", "role_nouns")
           for o in partners):
        return kind
    callers = [o for _, obj in prep_objects(token, words("meetings", "call_person_preps"))
               for o in [obj, *obj.conjuncts]]
    if kind == "call" and any(by_token.get(o.i) is not None and by_token[o.i].type == "person"
                              for o in callers):
        return kind  # "a call from Imran"; not "a call from the UN for a ceasefire"
    if kind == "meeting" and any(c.dep_ == "poss" and c.lower_ in words(
            "coreference", "plural_pronouns") for c in token.children):
        return kind  # "their dinner"
    return None

def _has_medium(verb: Token) -> bool:
    """'spoke by phone', 'talked over a video link', 'spoke on the telephone'."""
    media = words("meetings", "call_media")
    for _, obj in prep_objects(verb, words("meetings", "call_media_preps")):
        if obj.lower_ in media or any(c.lower_ in media for c in obj.children):
            return True
    return False

def is_actor(token: Token, by_token: dict[int, Mention]) -> bool:
    mention = by_token.get(token.i)
    if mention is not None:
        return mention.type in ("person", "country", "organization")
    return token.lemma_.lower() in words("people", "role_nouns") or token.lower_ in words(
        "coreference", "personal_pronouns") | words("coreference", "plural_pronouns")

@cache
def _meeting_verbs() -> frozenset[str]:
    """Every verb that may state a meeting (see :func:`stated_kind`)."""
    return frozenset().union(*(words("meetings", name) for name in (
        "call_verbs", "calling_verbs", "hosting_verbs", "visiting_verbs", "signing_verbs",
        "encounter_verbs", "event_verbs")))


@cache
def strong_meeting_nouns() -> frozenset[str]:
    """Meeting nouns that name a meeting on their own ("summit", not "talks")."""
    return words("meetings", "nouns") - words("meetings", "weak_nouns")


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


def _has_particle(verb: Token, needed: list[str] | None) -> bool:
    """Whether a verb that needs one of ``needed`` (None: needs none) has it, as its
    particle or a little further ("brought leaders together in Paris": the parser may hang
    "together" on a phrase of the verb)."""
    return needed is None or any(t.lower_ in needed for c in verb.children
                                 for t in (c, *c.children))


def stated_kind(token: Token, by_token: dict[int, Mention]) -> tuple[str, bool] | None:
    """The kind of meeting a verb states and whether it may be the meeting in focus,
    or None.

    "Biden will meet Netanyahu", "Xi met with Putin" (an encounter); "the
    leaders spoke by phone" (a call); "ministers will convene at NATO" (a
    gathering, with a time or place); "Iceland will host defence ministers in
    Reykjavik", "Trump will host Netanyahu" (hosting people).
    """
    if token.pos_ != "VERB" or token.lemma_.lower() not in _meeting_verbs() \
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
    partners = [o for _, obj in prep_objects(token, {"with"}) for o in [obj, *obj.conjuncts]]
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
    if lemma in words("meetings", "hosting_verbs") and objects and _has_particle(
            token, lexicon()["meetings"]["hosting_particles"].get(lemma)):
        named = [o for o in objects if by_token.get(o.i) is not None
                 and by_token[o.i].type in ("person", "country", "organization")]
        guests = [o for o in objects if o.lemma_.lower() in words("people", "role_nouns")]
        if named or (guests and (date_of(token) is not None
                                 or venue_of(token, by_token) is not None)):
            return "meeting", True
        return None
    if lemma in words("meetings", "visiting_verbs") and not _ruled_out(token) and any(
            _identified_person(o, by_token) for o in objects):
        return "meeting", False  # "is expected to visit President Trump at Mar-a-Lago"
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
        # "to meet them" may meet a challenge; "met them in Rome on Friday" is a meeting.
        return "meeting", False
    if lemma not in words("meetings", "event_verbs") or objects:
        return None
    if any(s.lemma_.lower() in words("meetings", "nouns") for s in children(token, "nsubj")):
        return None  # "the summit convened in Baghdad" is the summit itself
    if any(explicit_kind(obj, by_token) for _, obj in prep_objects(token, {"at", "during"})):
        return None  # "the presidents met at the Micronesian Presidents Summit": that summit
    # Without a time, a place or two named parties, "they met up" is not a meeting
    # worth a node; "Phumtham and Hun Manet met" is.
    if not (date_of(token) is not None or _named_parties(token, by_token)
            or venue_of(token, by_token) is not None):
        return None
    return "meeting", not said_later(token)


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

def own_parties(token: Token, by_token: dict[int, Mention]) -> set[str]:
    """The people and countries a meeting mention names as its own parties: "a meeting
    between Putin and Zelensky", "Orban's talks with Trump", "Biden will meet Xi"."""
    related: list[Token] = []
    if token.pos_ == "VERB" and not noun_like_gerund(token):
        related += [c for c in token.children if c.dep_ in ("nsubj", "dobj")]
    else:
        related += [c for c in token.children if c.dep_ in ("poss", "compound")]
        if token.dep_ == "dobj" and token.head.lemma_.lower() in words(
                "relations", "attends", "holding_verbs"):
            # "Faisal received a phone call from ...": the holder is a party too, and so
            # is whom it is held with ("held a video call on Thursday with Zelensky").
            related += [c for c in token.head.children if c.dep_ == "nsubj"]
            related += [obj for _, obj in prep_objects(token.head, {"with"})]
    related += [obj for _, obj in prep_objects(token, words("meetings", "party_preps"))]
    # "the talks ..., involving Britain, France and Germany"
    related += [obj for clause in token.children if clause.dep_ == "acl"
                and clause.lemma_.lower() in words("relations", "attends", "gathering_verbs")
                for obj in clause.children if obj.dep_ == "dobj"]
    keys = set()
    for node in related:
        for member in [node, *node.conjuncts]:
            # "between the Russian and Ukrainian presidents", "Qatar's foreign minister":
            # the countries of a role noun.
            modifiers = [m for c in member.children if c.dep_ in ("amod", "compound", "poss")
                         for m in [c, *c.conjuncts]]
            for part in [member, *modifiers]:
                mention = by_token.get(part.i)
                if mention is not None and mention.type in ("person", "country"):
                    keys.add(party_key(mention.key))
    return keys

def framed(token: Token, by_token: dict[int, Mention], venue: str | None) -> bool:
    """A bare 'talks' that still names a meeting: with its parties ("talks with Iran"),
    its place ("talks in Riyadh"), as a round ("a fresh round of talks") or as what is
    held ("the two sides held talks"); "despite ongoing peace negotiations" is none."""
    if venue is not None:
        return True
    if any(is_actor(o, by_token) for _, obj in prep_objects(token, {"with", "between"})
           for o in [obj, *obj.conjuncts]):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
            "meetings", "round_nouns"):
        return True
    return token.dep_ == "dobj" and head.lemma_.lower() in words("relations", "attends",
                                                                 "holding_verbs")

def on_the_margins(token: Token) -> bool:
    """'on the sidelines of the summit', 'on the margins of the G20'."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
        "relations", "attends", "margin_nouns")

def describes_focus(token: Token) -> bool:
    """'It will be the first ministers' meeting of the bloc', 'Putin and Xi held talks on
    Friday, their first meeting since 2023': says what the meeting in focus is, so it is
    that meeting, whatever "first" suggests."""
    verb = token.head
    if token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == "," and (
            token.dep_ in ("appos", "npadvmod") or (token.dep_ == "dobj" and any(
                c.dep_ == "dobj" and c.i < token.i for c in verb.children))):
        return True  # the parser may take the restatement for a second object
    return token.dep_ == "attr" and verb.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in verb.children)

def _sets_apart(modifier: Token) -> bool:
    """'the previous summit', 'the first meeting' are another meeting than the one told;
    'the first-ever summit' is the one told."""
    return modifier.lower_ in words("meetings", "contrastive") and not any(
        c.lower_ == "ever" for c in modifier.children)


def has_contrastive(token: Token) -> bool:
    """'the previous meeting', and 'Baghdad last hosted the summit in 2012'."""
    contrastive = words("meetings", "contrastive")
    if any(_sets_apart(c) for c in token.children if c.dep_ in ("amod", "det")):
        return True
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and any(c.lower_ in contrastive for c in verb.children
                                    if c.dep_ == "advmod")


def sequenced_with(token: Token) -> list[int]:
    """Meeting-word candidates the clause orders this one against: in "attended the
    banquet after their summit" and "a meeting of the two before a trilateral meeting"
    there are two meetings."""
    preps = words("meetings", "sequence_preps")
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        prep = token.head
        return [t.i for t in prep.head.subtree if t.i < prep.i]  # what comes before it
    return [obj.i for prep in token.head.children if prep.dep_ == "prep"
            and prep.lower_ in preps for obj in children(prep, "pobj")
            if token.dep_ in ("dobj", "nsubj", "nsubjpass")]
