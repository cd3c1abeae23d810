"""Repairs of the model's entity spans before they are read: what a name's span should not
hold (articles, quotes, counts, a headline's verb, a body's members) is cut off."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Span

from graphbuild.lexicon import words
from graphbuild.nlp.people import NAME_PARTICLES

_TRIM_START = {"the", "The", "THE", "'", '"', "“", "‘", "’", "so", "-"}
_TRIM_END = {"'s", "’s", "'", "’", '"', "”", "“", "‘", ",", ".", "-", "—", "–"}
_PLURAL_ROLES = frozenset(w for w in words("people", "role_nouns") if w.endswith("s"))


def trim_entity(ent: Span) -> Span | None:
    """The model's span without what is no part of the name, or None if nothing is left."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].text in _TRIM_START or ent.doc[start].is_space):
        start += 1
    # "their 36th Organization of African Unity summit": the count is the meeting's.
    while ent.label_ == "ORG" and start < end - 1 and re.fullmatch(
            r"\d+(st|nd|rd|th)", ent.doc[start].lower_) \
            and ent.doc[start + 1].lower_ not in words("meetings", "nouns"):
        start += 1
    # "His Majesty King Abdullah II": a form of address is no part of the name.
    while ent.label_ == "PERSON" and start < end - 1 \
            and ent.doc[start].lower_ in words("people", "styles"):
        start += 1
    # "he rang Lucy", "stepson Sholto": a name starts with a capital or a name particle.
    while ent.label_ == "PERSON" and start < end - 1 and ent.doc[start].is_lower \
            and ent.doc[start].lower_ not in NAME_PARTICLES:
        start += 1
    # "Tories\n\n": a paragraph break is never part of a name.
    while end > start and (ent.doc[end - 1].text in _TRIM_END or ent.doc[end - 1].is_space):
        end -= 1
    # "headed by Du later stormed out": a name never ends in a lower-case adverb.
    while ent.label_ in ("PERSON", "ORG") and end > start + 1 and ent.doc[end - 1].is_lower \
            and ent.doc[end - 1].pos_ == "ADV":
        end -= 1
    # "secret meeting with Pence at Olympics": a name of proper nouns does not go on past a
    # lower-case "at" (the span is dropped; a surname left alone is found again as the
    # person's); "University of California at Berkeley" is one name.
    if ent.label_ in ("PERSON", "ORG"):
        at = next((t.i for t in ent.doc[start + 1:end - 1] if t.text == "at"), None)
        if at is not None and all(t.pos_ == "PROPN" for t in ent.doc[start:at]):
            return None
    # "Shanghai Cooperation Organisation (SCO": the name ends where its abbreviation starts.
    end = next((i for i in range(start + 1, end) if ent.doc[i].text == "("), end)
    # "the Summit of GCC Leaders": the body is the GCC, its leaders are people (but keep
    # "Council of Ministers" and "the CIS Council of Foreign Ministers").
    if ent.label_ == "ORG" and end - start >= 2 and ent.doc[end - 1].lower_ in _PLURAL_ROLES \
            and ent.doc[end - 2].lower_ not in ("of", "and", "for", "&") and not (
                end - start >= 4 and ent.doc[end - 3].lower_ == "of"
                and not ent.doc[end - 2].is_upper):
        end -= 1
    if start >= end:
        return None
    return Span(ent.doc, start, end, label=ent.label_, kb_id=ent.kb_id_)


def split_at_headline_verbs(ent: Span) -> list[Span]:
    """A title-case headline's verb read as part of a name: "President Xi Arrives in Saudi
    Arabia" -> "Xi"; "Justin Trudeau Meets Narendra Modi" -> the two names."""
    verbs = words("people", "headline_verbs")
    if ent.label_ != "PERSON":
        # "... to Meet With Trump" read as one body: the verb and its preposition are no name
        start = ent.start
        while start < ent.end and (ent.doc[start].is_title and ent.doc[start].lower_ in verbs
                                   and ent.doc[start].pos_ == "VERB"
                                   or start > ent.start and ent.doc[start].pos_ == "ADP"):
            start += 1
        if start == ent.start:
            return [ent]
        return [Span(ent.doc, start, ent.end, label=ent.label_)] if start < ent.end else []
    cuts = [i for i in range(ent.start + 1, ent.end)
            if ent.doc[i].is_title and ent.doc[i].lower_ in verbs]
    if not cuts:
        return [ent]
    # What follows a verb is a name only when it has two words or more (not "Summit"), and
    # a part is a name only with a proper noun in it (not "Qatari Ruler").
    bounds = [ent.start - 1, *cuts, ent.end]
    return [Span(ent.doc, a + 1, b, label=ent.label_)
            for a, b in pairwise(bounds)
            if b - a - 1 >= (1 if a < ent.start else 2)
            and any(t.pos_ == "PROPN" for t in ent.doc[a + 1:b])]
