"""Doc -> entity mentions (people, countries, organisations, places).

Types come from the corrected NER labels and gazetteer ids set by
``graphbuild_entities``. Rules here fix what needs sentence context:
capitals stand for their government only when they act ("Washington has
refused", "Moscow's position"), a lone surname that spaCy typed as a place or
body is the person of that name in the same article, and definite group nouns
("the coalition", "the group's meeting") refer back to a named group.
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH, POS
from spacy.tokens import Doc, Span, Token

from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import tokens_where
from graphbuild.lexicon import is_public_figure, words
from graphbuild.names import clean_person_name, known_person_name, normalise_name
from graphbuild.types import Mention

_ORDINAL = re.compile(r"\d+(st|nd|rd|th)?", re.IGNORECASE)
_ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "conj"}
_ACTING_PREPS = {"on", "from", "by", "with", "against", "between"}


def _acts_as_government(ent: Span) -> bool:
    root = ent.root
    if root.dep_ in _ACTING_DEPS:
        return root.dep_ != "conj" or _acts_as_government_token(root.head)
    return root.dep_ == "pobj" and root.head.lower_ in _ACTING_PREPS


def _acts_as_government_token(token: Token) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "Seoul, Washington and Tokyo": the list's first name acts
    return token.dep_ in _ACTING_DEPS - {"conj"} or (
        token.dep_ == "pobj" and token.head.lower_ in _ACTING_PREPS)


def _place_name(text: str) -> str:
    """'BRUSSELS' (a dateline) -> 'Brussels'."""
    return text.title() if text.isupper() and len(text) > 3 else text


def _classify(ent: Span) -> tuple[str, str] | None:
    """(type, key) of a corrected entity, or None when it is not one we keep."""
    label, kb = ent.label_, ent.kb_id_
    if not any(c.isalpha() for c in ent.text) or _ORDINAL.fullmatch(ent.text):
        return None  # "34th", "2025": numbers the model took for names
    if not kb and (ent[-1].lower_ in words("meetings", "named_heads") or any(
            t.is_title and t.lower_ in words("meetings", "named_heads") for t in ent)):
        # "the East Asia Summit", "the Summit of the Americas" are meetings, read by the
        # meetings stage, not bodies.
        return None
    if kb.startswith("capital:"):
        country = kb.removeprefix("capital:")
        if _acts_as_government(ent):
            return "country", country
        return "location", f"location:{_place_name(ent.text)}"
    if kb.startswith("country:"):
        return "country", kb
    if kb.startswith("org:"):
        return "organization", kb
    if kb.startswith("location:"):
        return "location", kb
    if label in ("PERSON", "ORG") and {ent[0].lower_, ent[-1].lower_} & words(
            "meetings", "building_words"):
        return "location", f"location:{_place_name(ent.text)}"
    if label == "PERSON":
        name = known_person_name(clean_person_name(ent.text))
        return ("person", f"person:{name}") if name else None
    if label == "ORG":
        return "organization", f"org:{normalise_name(ent.text)}"
    if label in ("GPE", "LOC", "FAC"):
        return "location", f"location:{_place_name(ent.text)}"
    return None


def sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> number of the sentence it is in."""
    return sentences(doc).index()


def entity_mentions(doc: Doc, article_id: str,
                    sentence_of: dict[int, int]) -> list[Mention]:
    """Every kept entity in ``doc`` as a Mention, in text order."""
    mentions: list[Mention] = []
    surnames: dict[str, str] = {}
    family_first: dict[str, set[str]] = {}
    for ent in doc.ents:
        # Not from a name that is no person's ("' Meeting Retreat" names a meeting).
        if ent.label_ == "PERSON" and not ent.kb_id_ and _classify(ent) is not None:
            name = clean_person_name(ent.text)
            if " " in name:
                surnames[name.split()[-1]] = name
                # "Wang" for Wang Yi: family names come first in many languages.
                family_first.setdefault(name.split()[0], set()).add(name)
    for first, names in family_first.items():
        if len(names) == 1 and first not in surnames:
            surnames[first] = next(iter(names))
    for ent in doc.ents:
        classified = _classify(ent)
        if classified is None:
            continue
        kind, key = classified
        surname = clean_person_name(ent.text)
        if kind in ("organization", "location") and not ent.kb_id_ and surname in surnames:
            kind, key = "person", f"person:{surnames[surname]}"
        elif kind in ("person", "organization") and not ent.kb_id_ and surname not in surnames \
                and not is_public_figure(surname) and _listed_among_places(ent):
            kind, key = "location", f"location:{_place_name(ent.text)}"
        mentions.append(Mention(article_id, ent.start_char, ent.end_char, ent.text, kind, key,
                                sentence_of[ent.start]))
    mentions = _confirm_metonyms(doc, mentions)
    mentions.extend(_untagged_surnames(doc, article_id, mentions, surnames, sentence_of))
    mentions.extend(_group_anaphors(doc, article_id, mentions, sentence_of))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _listed_among_places(ent: Span) -> bool:
    """A name the model took for a person or body in a list of places is a place too:
    "visits Manchester, Liverpool, Dorset and Torbay" (two thirds of the others, at least
    two, are places)."""
    others = [t for t in ent.root.conjuncts if not ent.start <= t.i < ent.end]
    places = sum(t.ent_type_ in _PLACE_LABELS or t.ent_kb_id_.startswith(_PLACE_KEYS)
                 for t in others)
    return places >= 2 and 3 * places >= 2 * len(others)


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_KEYS = ("country:", "capital:", "location:")


def _confirm_metonyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A capital stands for its government only in an article that names that country
    ("Washington has refused" next to "the United States") or in a list with capitals that
    do; elsewhere "Victoria said" is more likely a person or a place than the Seychelles."""
    capital_keys = {ent.start_char for ent in doc.ents if ent.kb_id_.startswith("capital:")}
    named = {m.key for m in mentions if m.type == "country" and m.start not in capital_keys}
    # "Seoul, Washington and Tokyo have stepped up coordination": a capital listed with
    # capitals that stand for named countries stands for its country too.
    acting = {m.start for m in mentions if m.type == "country" and m.key in named}
    listed: set[int] = set()
    for ent in doc.ents:
        if ent.start_char in capital_keys:
            others = {doc[t.i].idx for t in ent.root.conjuncts}
            if others & acting:
                listed.add(ent.start_char)
    confirmed: list[Mention] = []
    for mention in mentions:
        if mention.type == "country" and mention.start in capital_keys \
                and mention.key not in named and mention.start not in listed:
            mention = Mention(mention.article_id, mention.start, mention.end, mention.text,
                              "location", f"location:{_place_name(mention.text)}",
                              mention.sentence)
        confirmed.append(mention)
    return confirmed


def _untagged_surnames(doc: Doc, article_id: str, named: list[Mention],
                       surnames: dict[str, str], sentence_of: dict[int, int]) -> list[Mention]:
    """'Trump' left untagged by the model in an article that names Donald Trump."""
    if not surnames:
        return []
    covered = {i for m in named for i in range(m.start, m.end)}
    found: list[Mention] = []
    for token in tokens_where(doc, ORTH, surnames):
        name = surnames.get(token.text)
        if name is None or token.pos_ != "PROPN" or token.idx in covered:
            continue
        found.append(Mention(article_id, token.idx, token.idx + len(token.text), token.text,
                             "person", f"person:{name}", sentence_of[token.i]))
    return found


def _head_words(mention: Mention) -> set[str]:
    tokens = normalise_name(mention.text).split()
    return {tokens[0], tokens[-1]} if tokens else set()


def _group_anaphors(doc: Doc, article_id: str, named: list[Mention],
                    sentence_of: dict[int, int]) -> list[Mention]:
    """'the coalition', 'the group's' -> the named group they refer back to.

    Unresolved ones keep an ``anaphor:<noun>`` key for the corpus-level step.
    """
    heads = words("organizations", "heads")
    determiners = words("meetings", "anaphoric")
    covered = {i for m in named for i in range(m.start, m.end)}
    groups = [m for m in named if m.type == "organization"]
    found: list[Mention] = []
    for token in tokens_where(doc, POS, ("NOUN",)):
        if token.lemma_.lower() not in heads or token.idx in covered:
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ in determiners for c in token.children):
            continue
        if any(c.pos_ == "PROPN" or c.idx in covered for c in token.children
               if c.dep_ in ("compound", "amod", "nmod")):
            continue
        noun = token.lemma_.lower()
        before = [g for g in groups if noun in _head_words(g) and g.start < token.idx]
        anywhere = [g for g in groups if noun in _head_words(g)]
        candidates = before or anywhere
        key = candidates[-1].key if candidates else f"anaphor:{noun}"
        first = min(c.i for c in token.children if c.dep_ in ("det", "poss"))
        span = doc[first:token.i + 1]
        found.append(Mention(article_id, span.start_char, span.end_char, span.text,
                             "organization", key, sentence_of[token.i]))
    return found


def index_tokens(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering it."""
    by_token: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            by_token.setdefault(token.i, mention)
    return by_token
