"""Which words name a meeting: nouns ("the summit", "a phone call", "a state banquet"),
verbs ("Biden will meet Netanyahu", "spoke by phone"), and what each mention says of
itself (its parties, whether it refers back or sets a meeting apart)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from graphbuild.extract.meetings.distributive import is_distributive, partners
from graphbuild.extract.meetings.when_where import body_of_people
from graphbuild.extract.syntax import children, conjuncts, prep_objects
from graphbuild.lexicon import words
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
    # "the ceremony" after "Modi's swearing-in ceremony": only ever the meeting told.
    ceremony_again = framed is None and lemma in words("meetings", "ceremony_nouns") and [
        c.lower_ in words("meetings", "anaphoric") for c in token.children
        if c.dep_ in ("det", "amod", "compound", "poss")] == [True]  # not "the opening ceremony"
    if framed is None and lemma not in words("meetings", "nouns") and not ceremony_again \
            and token.lower_ not in words("meetings", "nouns") and not _name_tail(token):
        return None
    if token.i in by_token or _is_idiom(token) or token.dep_ == "compound":
        return None
    if token.dep_ == "pobj" and token.head.lower_ in words("meetings", "call_media_preps") \
            and lemma in words("meetings", "virtual_nouns"):
        return None  # "to meet by videoconference": the medium of the meeting the verb states
    name = _entity_ending_at(token)
    if name is not None and _is_body_name(name):
        return None  # "the Organization of the Islamic Conference"
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words("meetings", "public_modifiers")
           for c in token.children):
        return None  # "a press conference" speaks to the public
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words("meetings", "process_modifiers")
           for c in token.children):
        return None  # "membership negotiations" go on for years
    modifiers = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound")]
    if any(c.dep_ == "det" and c.lower_ in words("meetings", "generic_determiners")
           for c in modifiers):
        return None  # "any summit" is no summit in particular
    contrastive = any(_sets_apart(c) for c in modifiers)
    weak_nouns = words("meetings", "weak_nouns")
    plural = several_meetings(token)
    determiners = [c for c in modifiers if c.dep_ in ("det", "poss")]
    # "the inaugural defence ministers' meeting": the article hangs off the possessor.
    determiners += [g for c in modifiers if c.dep_ == "poss" for g in c.children
                    if g.dep_ == "det"]
    if plural and (contrastive or not determiners) and not _attended(token) and not framed \
            and not _held_by_a_body(token, by_token) \
            and not (lemma not in weak_nouns and _named_partners(token, by_token)) \
            and not (is_distributive(token) and len(partners(token, by_token)) >= 2):
        return None  # but "telephone conversations with Ushakov" are calls, "spent hours in
        # meetings with Wang Yi" meetings, and "bilateral meetings with A and B" a meeting
        # with each
    anaphoric = not contrastive and any(
        c.lower_ in words("meetings", "anaphoric") for c in determiners)
    # "the six-party talks", "four-way talks": a count of parties names one meeting.
    counted = any(c.lemma_.lower() in words("meetings", "counted_parties")
                  and any(g.dep_ == "nummod" for g in c.children)
                  for c in modifiers if c.dep_ in ("compound", "amod"))
    weak = (lemma in weak_nouns or token.lower_ in weak_nouns or ceremony_again) and not counted
    # "a videoconference", "a telephone discussion", "a virtual summit": not in person
    virtual = lemma in words("meetings", "virtual_nouns") or any(
        c.dep_ in ("compound", "amod") and c.lower_ in words("meetings", "call_media")
        for c in token.children)
    kind = "call" if virtual else (
        "summit" if lemma in words("meetings", "summit_nouns") else "meeting")
    return framed or kind, anaphoric, weak


def _name_tail(token: Token) -> bool:
    """'Retreat' in "the ASEAN Foreign Ministers' Meeting Retreat": a capitalised word
    after a meeting's name word ends the meeting's name."""
    return token.is_title and token.lemma_.lower() in words("meetings", "name_tails") and any(
        c.dep_ == "compound" and c.is_title and c.lemma_.lower() in words("meetings",
                                                                           "named_heads")
        for c in token.children)


def several_meetings(token: Token) -> bool:
    """'meetings', 'phone conversations': a plural that counts meetings, unlike
    'talks'; 'multiple rounds of talks' too (not 'the second round of talks')."""
    rounds = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if rounds is not None and rounds.tag_ == "NNS" and rounds.lemma_.lower() in words(
            "meetings", "counted_rounds"):
        return True
    return token.tag_ in ("NNS", "NNPS") and token.lower_ not in words("meetings",
                                                                       "plural_nouns")


def _named_partners(token: Token, by_token: dict[int, Mention]) -> bool:
    """'meetings with Wang Yi', 'meetings between Iran and Iraq': a meeting word with the
    people or countries it is held with, named; not 'regular meetings with Erdogan', nor
    the meetings several subjects had."""
    if any(c.lower_ in words("meetings", "habitual_modifiers") for c in token.children):
        return False
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if any(s.conjuncts or any(c.lower_ in ("both", "each", "all") for c in s.children)
           for s in children(verb, "nsubj")) or any(
            c.lower_ in ("both", "each", "all") for c in verb.children):
        return False  # "Lula and Boric have both had meetings with Milei": one each
    partners = [*(obj for _, obj in prep_objects(token, {"with", "between"})),
                *passive_partners(token)]
    return any(by_token.get(o.i) is not None and by_token[o.i].type in ("person", "country")
               for obj in partners for o in [obj, *obj.conjuncts])


def passive_partners(token: Token) -> list[Token]:
    """Whom a meeting word is held with in the passive: "meetings will be held in Hanoi
    with Trong"."""
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in words(
            "relations", "attends", "holding_verbs"):
        return [obj for _, obj in prep_objects(token.head, {"with"})]
    return []


def _entity_ending_at(token: Token) -> Span | None:
    """The named entity whose last word is ``token``, if it starts before it."""
    doc = token.doc
    if token.ent_iob_ != "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:token.i + 1]


def _is_body_name(name: Span) -> bool:
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


def _held_by_a_body(token: Token, by_token: dict[int, Mention]) -> bool:
    """'G20 foreign ministers hold meetings in India', 'Foreign ministers from the Group of
    20 nations are gathering in India for meetings': the body's ministers meet."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or any(
            c.lower_ in words("meetings", "distributive_modifiers") for c in token.children):
        return False  # "NATO leaders held bilateral meetings": many, one per pair
    return any(body_of_people(subject, by_token, modifiers=True, preps={"of", "from"})
               is not None
               for subject in children(verb, "nsubj"))


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
    if lemma in words("meetings", "visit_nouns"):
        return "meeting" if visited_people(token, by_token) else None
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

def visited_people(token: Token, by_token: dict[int, Mention]) -> list[Token]:
    """The people a visit noun goes to ("a courtesy visit to President Kim Dae-Jung"), or
    at whose invitation it is paid ("will pay a state visit to the DPRK at the invitation
    of Kim Jong Un")."""
    if token.lemma_.lower() not in words("meetings", "visit_nouns"):
        return []
    visited = [o for _, obj in prep_objects(token, words("meetings", "visit_preps"))
               for o in [obj, *obj.conjuncts] if by_token.get(o.i) is not None
               and by_token[o.i].type == "person"]
    return visited + [o for holder in (token, token.head) for o in inviters(holder, by_token)]


def inviters(holder: Token, by_token: dict[int, Mention]) -> list[Token]:
    """The people at whose invitation a visit is paid: "(will visit Russia) at the
    invitation of Putin"."""
    invitations = words("relations", "hosts", "invitation_nouns")
    return [t for _, noun in prep_objects(holder, {"at", "on", "upon"})
            if noun.lemma_.lower() in invitations for t in invited_by(noun, by_token)]


def invited_by(invitation: Token, by_token: dict[int, Mention]) -> list[Token]:
    """The people an invitation noun names as inviting: "the invitation of the General
    Secretary, Nguyen Phu Trong", "an invitation from President El Sisi"."""
    return [t for _, obj in prep_objects(invitation, {"of", "from"}) for t in obj.subtree
            if by_token.get(t.i) is not None and by_token[t.i].type == "person"]


def is_actor(token: Token, by_token: dict[int, Mention]) -> bool:
    mention = by_token.get(token.i)
    if mention is not None:
        return mention.type in ("person", "country", "organization")
    return token.lemma_.lower() in words("people", "role_nouns") or token.lower_ in words(
        "coreference", "personal_pronouns") | words("coreference", "plural_pronouns")

@cache
def strong_meeting_nouns() -> frozenset[str]:
    """Meeting nouns that name a meeting on their own ("summit", not "talks")."""
    return words("meetings", "nouns") - words("meetings", "weak_nouns")


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
    related += passive_partners(token)
    # "the talks ..., involving Britain, France and Germany"
    related += [obj for clause in token.children if clause.dep_ == "acl"
                and clause.lemma_.lower() in words("relations", "attends", "gathering_verbs")
                for obj in clause.children if obj.dep_ == "dobj"]
    keys = set()
    for node in related:
        for member in conjuncts(node):
            # "his Indian counterpart Narendra Modi": the person the role noun names ...
            people = [c for c in member.children if c.dep_ in ("appos", "compound")
                      and c.i in by_token and by_token[c.i].type == "person"]
            # ... else, "between the Russian and Ukrainian presidents", "Qatar's foreign
            # minister": the countries of a role noun.
            modifiers = [] if people else [
                m for c in member.children if c.dep_ in ("amod", "compound", "poss")
                for m in [c, *c.conjuncts]]
            for part in [member, *people, *modifiers]:
                mention = by_token.get(part.i)
                if mention is not None and mention.type in ("person", "country"):
                    keys.add(party_key(mention.key))
    return keys

def framed(token: Token, by_token: dict[int, Mention], venue: str | None) -> bool:
    """A bare 'talks' that still names a meeting: with its parties ("talks with Iran"),
    its place ("talks in Riyadh"), as a round ("a fresh round of talks"), as what is held
    ("the two sides held talks") or gone to ("flew in for talks"); "despite ongoing peace
    negotiations" is none."""
    if venue is not None:
        return True
    if any(is_actor(o, by_token) for _, obj in prep_objects(token, {"with", "between"})
           for o in [obj, *obj.conjuncts]):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
            "meetings", "round_nouns"):
        return True
    if token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in words(
            "relations", "attends", "travel_verbs"):
        return True  # "flew to Washington for talks", "joining the leaders for talks"
    return token.dep_ == "dobj" and head.lemma_.lower() in words("relations", "attends",
                                                                 "holding_verbs")

def on_the_margins(token: Token) -> bool:
    """'on the sidelines of the summit', 'on the margins of the G20'."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
        "relations", "attends", "margin_nouns")

def describes_focus(token: Token) -> bool:
    """'It will be the first ministers' meeting of the bloc', 'This summit has become
    Zelensky's first meeting with Putin', 'Putin and Xi held talks on Friday, their first
    meeting since 2023': says what the meeting in focus is, so it is that meeting,
    whatever "first" suggests."""
    verb = token.head
    if token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == "," and (
            token.dep_ in ("appos", "npadvmod") or (token.dep_ == "dobj" and any(
                c.dep_ == "dobj" and c.i < token.i for c in verb.children))):
        return True  # the parser may take the restatement for a second object
    return token.dep_ in ("attr", "dobj") and verb.lemma_.lower() in words(
        "meetings", "restating_verbs") and any(
        c.dep_ == "nsubj" and (c.lower_ in ("it", "this", "that")
                               or c.lemma_.lower() in words("meetings", "nouns"))
        for c in verb.children)

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
    # "the pre-CHOGM Foreign Ministers' meeting", "a pre-summit meeting": another, before it
    prefixes = words("meetings", "contrastive_prefixes")
    if any(t.lower_.partition("-")[0] in prefixes and (
            "-" in t.text or t.nbor().text == "-") for t in token.doc[token.left_edge.i:token.i]):
        return True
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and any(c.lower_ in contrastive for c in verb.children
                                    if c.dep_ == "advmod")


def sequenced_with(token: Token) -> list[int]:
    """Meeting-word candidates the clause orders this one against: in "attended the
    banquet after their summit", "a meeting of the two before a trilateral meeting" and
    "will meet Merkel, and then the summit will be held" there are two meetings."""
    preps = words("meetings", "sequence_preps")
    verb = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.dep_ == "conj" and any(
            c.dep_ == "advmod" and c.lower_ in words("meetings", "sequence_adverbs")
            for c in verb.children):
        # "will meet Merkel, and then the Normandy summit will be held"
        return [t.i for t in verb.head.subtree if t.i < verb.left_edge.i]
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        prep = token.head
        return [t.i for t in prep.head.subtree if t.i < prep.i]  # what comes before it
    return [obj.i for prep in token.head.children if prep.dep_ == "prep"
            and prep.lower_ in preps for obj in children(prep, "pobj")
            if token.dep_ in ("dobj", "nsubj", "nsubjpass")]
