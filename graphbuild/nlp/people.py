"""People's names in the entity corrector: titles split off names ("Chancellor Olaf
Scholz"), names the model missed after a title ("met Sultan Qaboos"), names it cut in two
or took for a place, and the honorifics before them."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Lower-case words inside names: "Charles de Gaulle", "Mohammed bin Salman".
NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "di", "le", "la"})


def looks_like_name(span: Span) -> bool:
    return bool(span) and all(t.is_title or t.is_upper or t.text in "-'’"
                              or t.lower_ in NAME_PARTICLES
                              for t in span) and any(t.is_alpha for t in span)


def split_titles(doc: Doc, entities: list[Span], titles: list[Span],
                  matches: list[Span]) -> tuple[list[Span], list[Span]]:
    """Take job titles out of names the model ran together.

    "Energy Minister Olena Kovalchuk" as one ORG -> title + PERSON; "Transport"
    tagged ORG before "Secretary" is part of the title ("Transport Secretary"),
    not an organisation.
    """
    gazetteer_tokens = {i for m in matches for i in range(m.start, m.end)}
    # Titles by first token, so each name looks only at its own tokens (linear in text).
    starting = {t.start: t for t in titles}
    replaced: dict[int, Span] = {}
    kept: list[Span] = []
    for ent in entities:
        if ent.kb_id_ or ent.label_ not in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"):
            kept.append(ent)
            continue
        inner = next((starting[i] for i in range(ent.start, ent.end)
                      if i in starting and starting[i].end < ent.end), None)
        if inner is not None:
            person = Span(doc, inner.end, ent.end, label="PERSON")
            if looks_like_name(person):
                kept.append(person)
            before = Span(doc, ent.start, inner.start)
            if len(before) and all(i not in gazetteer_tokens for i in range(before.start,
                                                                            before.end)):
                replaced[inner.start] = Span(doc, ent.start, inner.end, label="TITLE")
            continue
        following = starting.get(ent.end)
        if following is not None and ent.label_ == "ORG":
            portfolio_start = ent.start
            while portfolio_start < ent.end and portfolio_start in gazetteer_tokens:
                portfolio_start += 1
            if portfolio_start < ent.end:
                replaced[following.start] = Span(doc, portfolio_start, following.end,
                                                 label="TITLE")
            continue
        kept.append(ent)
    return kept, filter_spans([replaced.get(t.start, t) for t in titles])


# Labels the model gives a surname it did not know ("Randhir" PERSON + "Jaiswal" PRODUCT).
_STRAY_NAME_LABELS = ("PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE")


def join_adjacent_people(entities: list[Span]) -> list[Span]:
    """'Kofi Mensah' + 'Arthur' read as two people side by side are one name, and so is
    a person followed by one capitalised word the model took for a product."""
    ordered = sorted(entities, key=lambda e: e.start)
    joined: list[Span] = []
    for ent in ordered:
        name_part = ent.label_ == "PERSON" or (
            ent.label_ in _STRAY_NAME_LABELS and len(ent) == 1 and ent[0].is_title)
        if joined and name_part and joined[-1].label_ == "PERSON" \
                and joined[-1].end == ent.start and not ent.kb_id_:
            joined[-1] = Span(ent.doc, joined[-1].start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


def extend_person(ent: Span, taken: set[int], verbs: frozenset[str]) -> Span:
    """'Marco' + "Dell'Orto": take in capitalised name parts the model left out (not
    ``taken`` by another name, nor a headline's verb in ``verbs``: not "Obama Skips" in
    "Rumors Abound As Obama Skips Summit")."""
    if ent.label_ != "PERSON":
        return ent
    end = ent.end
    while end < len(ent.doc) and end not in taken and ent.doc[end].pos_ == "PROPN" \
            and ent.doc[end].is_title and ent.doc[end - 1].whitespace_ \
            and ent.doc[end].lower_ not in verbs:
        end += 1
    return Span(ent.doc, ent.start, end, label="PERSON") if end != ent.end else ent


def unnamed_after_title(doc: Doc, titles: list[Span], entities: list[Span],
                         title_words: frozenset[str]) -> list[Span]:
    """A capitalised name the model missed right after a title is a person ("met Sultan
    Qaboos"): at most four proper nouns that are no title words ("Crown Prince"), none
    inside a name already found, and not in a headline written in title case."""
    if not doc.has_annotation("DEP"):
        return []  # proper nouns and sentences come from the parse
    taken = {i for ent in entities for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for title in titles:
        words_of_sentence = [t for t in title.sent if t.is_alpha]
        if sum(t.is_title for t in words_of_sentence) > 0.6 * len(words_of_sentence):
            continue  # "Saudi Arabia Seeks Resumption of Talks"
        end = title.end
        while end < len(doc) and end - title.end < 4 and end not in taken \
                and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].lower_.rstrip(".") not in title_words:
            end += 1
        if end > title.end:
            found.append(Span(doc, title.end, end, label="PERSON"))
    return found


def as_person(ent: Span, title_ends: set[int], honorifics: frozenset[str],
              title_words: frozenset[str]) -> Span:
    """A name after a title or honorific, or before a comma and a job ("cited Bertalan
    Havasi, spokesman for the prime minister"), is a person whatever the model said."""
    if ent.kb_id_ or ent.label_ not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return ent
    after_title = ent.start in title_ends or (
        ent.start > 1 and ent.doc[ent.start - 1].text == "," and ent.start - 1 in title_ends)
    doc = ent.doc
    before_job = len(ent) > 1 and ent.end + 1 < len(doc) and doc[ent.end].text == "," \
        and doc[ent.end + 1].lower_ in title_words
    if (after_title or before_job) and looks_like_name(ent):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    first = ent.doc[ent.start].lower_.rstrip(".")
    if first in honorifics and len(ent) > 1 and looks_like_name(ent):
        return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    if before and all(piece in honorifics for piece in before.split("-")) \
            and looks_like_name(ent) and ent.doc[ent.start - 1].is_title:
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent
