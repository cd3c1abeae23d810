"""graphbuild's spaCy components: paragraph breaks and entity correction.

``graphbuild_entities`` runs after ``ner`` and overrides it with the gazetteers (Kyiv is a
place, not a person; "British" is the United Kingdom), drops entities that are part of a
job title ("Defence" in "Defence Secretary"), trims determiners and possessives ("Joe
Biden's"), and adds quoted group names ("the 'Coalition of Volunteers'"). People's names
are repaired by ``graphbuild.nlp.people``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graphbuild.lexicon import gazetteer, job_titles, public_figures, words
from graphbuild.nlp.people import (
    as_person,
    extend_person,
    join_adjacent_people,
    split_titles,
    unnamed_after_title,
)
from graphbuild.nlp.spans import split_at_headline_verbs, trim_entity

_CONTAINER_LABELS = {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
# Token spans (start, end) of job titles and of alias cues ("known as"), set by
# ``graphbuild_entities`` for the extraction rules.
for _extension in ("graphbuild_titles", "graphbuild_alias_cues"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=())

_QUOTED = re.compile(r"[\"“‘']([A-Za-z][^\"“”‘’'\n]{2,60}?)[\"”’']")


def _gazetteer_label(kind: str) -> str:
    return {"country": "GPE", "demonym": "NORP", "capital": "GPE", "organization": "ORG",
            "location": "GPE", "person": "PERSON"}[kind]


def _surface_forms() -> Iterator[tuple[str, str, str]]:
    """(surface form, kind, key) for every gazetteer name."""
    for place in gazetteer():
        if place.type == "seat":
            # "The Kremlin said" is Russia, "talks at the Kremlin" a place: as a capital.
            for name in (place.name, *place.aliases):
                yield name, "capital", f"country:{place.country}"
            continue
        kind = place.type
        for name in (place.name, *place.aliases):
            yield name, kind, place.key
        for demonym in place.demonyms:
            yield demonym, "demonym" if kind == "country" else kind, place.key
        for capital in place.capitals:
            yield capital, "capital", place.key
    # People are names, not ids: the resolve stage joins their forms like any other name.
    for name in public_figures():
        yield name, "person", ""


class EntityCorrector:
    """Correct NER output with gazetteers, titles and quoted group names."""

    def __init__(self, nlp: Language) -> None:
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Datelines and headlines in capitals: "VILNIUS", "NATO CHIEF WARNS RUSSIA".
        self.shouted_places = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kinds: dict[int, tuple[str, str]] = {}
        # Each name tokenized once and added with the other names of its entry (the
        # pipeline is loaded by every worker and every rebuild that parses).
        # A name is kept once per entry, under its first kind ("Singapore" is the country,
        # not also its capital).
        surfaces: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        for surface, kind, key in _surface_forms():
            if (surface, key) in seen or not surface.strip():
                continue
            seen.add((surface, key))
            label = f"{kind}|{key}"
            self.kinds[nlp.vocab.strings.add(label)] = (kind, key)
            surfaces.setdefault(label, []).append(surface)
        for label, names in surfaces.items():
            patterns = [nlp.make_doc(name) for name in names]
            self.places.add(label, patterns)
            self.shouted_places.add(label, patterns)
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles.add("TITLE", [nlp.make_doc(t) for t in job_titles()])
        self.org_heads = words("organizations", "heads")
        self.institution_heads = words("organizations", "institution_heads")
        self.honorifics = words("people", "honorifics")
        self.patronymics = words("people", "patronymics")
        # Single words of job titles ("prince", "adviser"): never the name after a title.
        self.title_words = frozenset(w for head in job_titles() for w in head.split())
        # Regions of a country ("location:Georgia" -> USA), to read a name that is also a
        # country's.
        self.region_country = {place.key: place.country for place in gazetteer()
                               if place.type == "location" and place.kind and place.country}
        self.alias_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.alias_cues.add("ALIAS", [nlp.make_doc(c) for c in words("aliases", "cues")
                                      if c != "or"])

    def __call__(self, doc: Doc) -> Doc:
        matches = self._gazetteer_matches(doc)
        entities = [part for ent in doc.ents if (trimmed := trim_entity(ent)) is not None
                    for part in split_at_headline_verbs(trimmed)]
        # "Hossein Amir-Abdollahian", "Hossein Amir Abdollahian": a title word hyphened to a
        # name, or one word inside a name the model read whole, is part of the name.
        # (not "Qatari Emir Tamim", where a country's word comes before the title)
        known = {i for match in matches for i in range(match.start, match.end)}
        inside_people = {i for ent in entities if ent.label_ == "PERSON"
                         for i in range(ent.start + 1, ent.end - 1) if i - 1 not in known}
        title_spans = filter_spans(
            [Span(doc, s, e, label="TITLE") for _, s, e in self.titles(doc)
             if not (e < len(doc) and not doc[e - 1].whitespace_ and doc[e].text == "-")
             and not (e - s == 1 and s in inside_people)]
        )
        entities, title_spans = split_titles(doc, entities, title_spans, matches)
        doc._.graphbuild_titles = tuple((span.start, span.end) for span in title_spans)
        title_at = {i: span for span in title_spans for i in range(span.start, span.end)}
        # "the Qatari Emir", "Abu Dhabi Crown Prince": a title with only a place's name
        # before it is no name.
        entities = [ent for ent in entities if not (
            ent.start in title_at and ent.end <= title_at[ent.start].end) and not (
            ent.label_ in ("PERSON", "ORG") and ent.end - 1 in title_at
            and all(i in known or i in title_at for i in range(ent.start, ent.end)))]
        # "Minister of [Water Yasser Abbas]": the name starts where the title ends.
        entities = [Span(doc, title_at[ent.start].end, ent.end, label=ent.label_)
                    if ent.start in title_at and not ent.kb_id_ else ent for ent in entities]
        # A name right after a job title or honorific is a person ("Chancellor Olaf
        # Scholz", "Dr Fatih Birol"), whatever the statistical model said.
        title_ends = {span.end for span in title_spans}
        entities = [as_person(ent, title_ends, self.honorifics, self.title_words)
                    for ent in entities]
        entities = join_adjacent_people(entities + unnamed_after_title(
            doc, title_spans, entities, self.honorifics | self.title_words))
        # (a title is never taken in: not "Mauritius Prime Minister" as one name)
        taken = {i for ent in entities for i in range(ent.start, ent.end)} | set(title_at)
        entities = [extend_person(ent, taken, words("people", "headline_verbs"))
                    for ent in entities]
        # "Nile Basin Alliance" tagged as a place: a group noun at the end makes a body.
        entities = [Span(doc, ent.start, ent.end, label="ORG")
                    if ent.label_ in ("LOC", "GPE", "FAC", "NORP") and not ent.kb_id_
                    and doc[ent.end - 1].lower_ in self.org_heads else ent
                    for ent in entities]
        if doc.has_annotation("DEP"):
            for span in [*self._named_after_cue(doc), *self._quoted_groups(doc)]:
                entities = [ent for ent in entities if not _overlaps(ent, span)] + [span]
        entities = _split_possessed(entities, matches, self.org_heads)
        entities = _apply_gazetteer(entities, matches)
        doc.ents = _state_institutions(filter_spans(entities), self.institution_heads)
        return doc

    def _gazetteer_matches(self, doc: Doc) -> list[Span]:
        """Gazetteer names, except inside a longer word ("Euro-Arctic Council"), where the
        whole capitalised name becomes an organisation instead."""
        found: list[Span] = []
        shouted = [(m, s, e) for m, s, e in self.shouted_places(doc)
                   if all(t.is_upper and len(t) > 1 for t in doc[s:e] if t.is_alpha)
                   and any(len(t) > 3 for t in doc[s:e])]
        for match_id, start, end in [*self.places(doc), *shouted]:
            kind, key = self.kinds[match_id]
            if kind == "person" and start > 0 and doc[start - 1].lower_ in self.patronymics:
                continue  # "Mohamed bin Zayed bin Sultan Al Nahyan": not his father
            # "Trump-Putin", "US-China": two names joined by a hyphen are two names, and
            # "pro-Iran": a prefix does not make the name part of a longer word.
            paired = kind in ("person", "country") and start > 1 \
                and doc[start - 1].text in "-–" and (doc[start - 2].text[:1].isupper()
                                                    or doc[start - 2].is_lower)
            if start > 0 and not doc[start - 1].whitespace_ and not paired and (
                    doc[start - 1].is_alpha or doc[start - 1].text in "-–"):
                first = start
                while first > 0 and (not doc[first - 1].whitespace_ or doc[first - 1].is_title):
                    if not (doc[first - 1].is_alpha or doc[first - 1].text in "-–"):
                        break
                    first -= 1
                if kind == "organization" and doc[first].is_title:
                    found.append(Span(doc, first, end, label="ORG"))
                continue
            if start > 0 and doc[start - 1].is_title and kind != "person" \
                    and doc[start - 1].lower_.rstrip(".") in self.honorifics:
                # "Mr German", "Ms English": a surname that is also a gazetteer name.
                found.append(Span(doc, start, end, label="PERSON"))
                continue
            label = _gazetteer_label(kind)
            kb = "capital:" + key if kind == "capital" else key
            found.append(Span(doc, start, end, label=label, kb_id=kb))
        return filter_spans(self._one_reading(found))

    def _one_reading(self, found: list[Span]) -> list[Span]:
        """"Georgia" is a country and a US state: the state only where the article names
        another region of that country ("Georgia and Alabama"), else the country."""
        regions = {span.kb_id_ for span in found if span.kb_id_ in self.region_country}
        countries = {(span.start, span.end) for span in found
                     if span.kb_id_.startswith("country:")}
        dropped: set[tuple[int, int, str]] = set()
        for span in found:
            home = self.region_country.get(span.kb_id_)
            if home is None or (span.start, span.end) not in countries:
                continue
            if any(self.region_country[other] == home for other in regions - {span.kb_id_}):
                dropped |= {(span.start, span.end, other.kb_id_) for other in found
                            if (other.start, other.end) == (span.start, span.end)
                            and other.kb_id_.startswith("country:")}
            else:
                dropped.add((span.start, span.end, span.kb_id_))
        return [span for span in found if (span.start, span.end, span.kb_id_) not in dropped]

    def _quoted_groups(self, doc: Doc) -> Iterator[Span]:
        """Quoted phrases headed by a group noun: 'Volunteers Coalition'."""
        for found in _QUOTED.finditer(doc.text):
            text = found.group(1).strip(" ,.")
            tokens = text.lower().split()
            if not tokens or not ({tokens[0], tokens[-1]} & self.org_heads):
                continue
            start = found.start(1) + found.group(1).index(text)
            span = doc.char_span(start, start + len(text), label="ORG",
                                 alignment_mode="expand")
            if span is not None:
                yield span


    def _named_after_cue(self, doc: Doc) -> Iterator[Span]:
        """Group names introduced by a cue: "known as the Ramstein group"."""
        cues = sorted((span.start, span.end) for span in filter_spans(
            [Span(doc, start, end) for _, start, end in self.alias_cues(doc)]))
        doc._.graphbuild_alias_cues = tuple(cues)
        chunks = {chunk.start: chunk for chunk in doc.noun_chunks} if cues else {}
        for _, cue_end in cues:
            for start in range(cue_end, min(cue_end + 3, len(doc))):
                chunk = chunks.get(start)
                if chunk is None:
                    continue
                root = chunk.root
                named = any(t.pos_ == "PROPN" for t in chunk)
                if root.lemma_.lower() in self.org_heads and named:
                    trimmed = trim_entity(Span(doc, chunk.start, chunk.end, label="ORG"))
                    if trimmed is not None:
                        yield trimmed
                break


def _state_institutions(entities: list[Span], heads: frozenset[str]) -> list[Span]:
    """'the Azerbaijani Foreign Ministry', 'the Chinese Ministry of National Defense',
    "Azerbaijan's foreign ministry", "the Hungarian Prime Minister's Office": a demonym or a
    country's name in the possessive and the institution after it are one body, not the
    country."""
    if not entities:
        return entities
    doc = entities[0].doc
    result: list[Span] = []
    skip_until = -1
    for index, ent in enumerate(entities):
        if ent.start < skip_until:
            continue
        possessive = ent.label_ == "GPE" and ent.end < len(doc) and doc[ent.end].lower_ in (
            "'s", "’s")  # "Azerbaijan's foreign ministry", "Seoul's trade ministry"
        if ent.label_ != "NORP" and not possessive:
            result.append(ent)
            continue
        following = entities[index + 1] if index + 1 < len(entities) else None
        if following is not None and following.label_ == "ORG" \
                and following.start == ent.end and following[0].lower_ in heads:
            result.append(Span(doc, ent.start, following.end, label="ORG"))
            skip_until = following.end
            continue
        first = end = ent.end + int(possessive)
        while end < min(len(doc), first + 3) and (doc[end].is_alpha or doc[end].tag_ == "POS") \
                and doc[end].lower_ not in heads and not doc[end].ent_type_:
            end += 1
        if end < len(doc) and doc[end].lower_ in heads and doc[end].tag_ in ("NN", "NNP") and (
                not possessive or doc[end].lower_ in words("organizations",
                                                           "possessed_institution_heads")):
            result.append(Span(doc, ent.start, end + 1, label="ORG"))
            skip_until = end + 1
            continue
        result.append(ent)
    return result


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


_JOINERS = {"and", ",", "&", "the", "or", "-", "–"}


def _split_possessed(entities: list[Span], matches: list[Span], org_heads: frozenset[str]
                     ) -> list[Span]:
    """"Armenia's Pashinyan", "Chile's Sebastian Pinera" read as one name: the known
    place, then the name it possesses (a person unless it ends in a body's head word)."""
    ending_at = {m.end: m for m in matches}
    result: list[Span] = []
    for ent in entities:
        split = next((i for i in range(ent.start + 1, ent.end - 1)
                      if ent.doc[i].tag_ == "POS" and i in ending_at
                      and ending_at[i].start == ent.start), None)
        if split is None:
            result.append(ent)
            continue
        rest = Span(ent.doc, split + 1, ent.end)
        label = "ORG" if ent.doc[ent.end - 1].lower_ in org_heads else "PERSON"
        result.append(Span(ent.doc, rest.start, rest.end, label=label))
    return result


def _apply_gazetteer(entities: list[Span], matches: list[Span]) -> list[Span]:
    """Gazetteer names replace the model's names they overlap, unless the model's name is
    a bigger name around them; each match looks only at its own tokens."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    people = {i for m in matches if m.label_ == "PERSON" for i in range(m.start, m.end)}
    owner: dict[int, Span] = {i: ent for ent in entities for i in range(ent.start, ent.end)}
    kept = dict.fromkeys(entities)
    for match in matches:
        overlapping = {owner[i] for i in range(match.start, match.end) if i in owner}
        if any(_is_bigger_name(ent, match, covered, people) for ent in overlapping):
            continue
        for ent in overlapping:
            kept.pop(ent, None)
            for i in range(ent.start, ent.end):
                owner.pop(i, None)
        kept[match] = None
        owner.update({i: match for i in range(match.start, match.end)})
    return list(kept)


def _is_bigger_name(ent: Span, match: Span, covered: set[int], people: set[int]) -> bool:
    """An NER name that contains the gazetteer match ("Bank of England"), unless it is
    only gazetteer names joined by "and" ("Niger and Burkina Faso"), a known person "of" a
    place ("Macky Sall of Senegal") or a meeting's name ("the G8 Summit")."""
    contains = ent.start <= match.start and match.end <= ent.end and len(ent) > len(match)
    if not contains or not (ent.label_ in _CONTAINER_LABELS or ent.label_ == "PERSON"):
        return False
    if ent.doc[ent.end - 1].lower_ in words("meetings", "named_heads"):
        return False  # "the G8 Summit", "the African Union Summit": the body's meeting
    if ent.label_ != "PERSON" and match.label_ == "PERSON" and match.end == ent.end \
            and len(match) > 1:
        return False  # "(Chairman of the) National Assembly Tran Thanh Man": the person
    return not all(i in covered or ent.doc[i].lower_ in _JOINERS
                   or ent.doc[i].lower_ == "of" and i - 1 in people  # "Macky Sall of Senegal"
                   for i in range(ent.start, ent.end))


@Language.component("graphbuild_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and datelines carry no full stop. The
    parser must not end one after a paragraph's first word either ("South | African
    President Cyril Ramaphosa", "Gordon | Brown today reaffirmed"), nor after a closing
    bracket ("the Community of Latin American and Caribbean States (CELAC) | Summit would")."""
    for token in doc:
        if token.i == 0 or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text):
            token.is_sent_start = True
            if token.i + 1 < len(doc) and not token.is_space and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False
        elif doc[token.i - 1].text == ")" and not token.is_space:
            token.is_sent_start = False
    return doc


@Language.factory(
    "graphbuild_entities",
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={},
)
def make_entity_corrector(nlp: Language, name: str) -> EntityCorrector:
    """spaCy factory for :class:`EntityCorrector`."""
    return EntityCorrector(nlp)
