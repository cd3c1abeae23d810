"""Doc + mentions -> ``affiliated_with`` claims with the person's role.

Reads the title in front of a name ("UK Defence Secretary John Healey",
"French President Emmanuel Macron") and appositions on either side ("the chief
of the UK defence staff, Adm. Sir Tony Radakin"; "David Frost, director
general of the British Chambers of Commerce"). The country or body is the
gazetteer mention in the title phrase; the role is the title without it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graphbuild.extract.sentences import sentences
from graphbuild.lexicon import job_titles, words
from graphbuild.types import Claim, Evidence, Mention

_AFFILIATES = {"country", "organization"}
_SKIP = {"the", "a", "an", "'s", "’s", ",", "his", "her", "its", "their"}
# "head of the Irish navy" minus the navy is "head", not "head of".
_TRAILING_PREPOSITIONS = {"of", "for", "at", "in"}


def _title_spans(doc: Doc) -> list[Span]:
    """Job titles found by the ``graphbuild_entities`` component."""
    return [Span(doc, start, end) for start, end in doc._.graphbuild_titles]


def _evidence(article_id: str, person: Span, cue: Span) -> Evidence:
    index = sentences(person.doc)
    start, end, text = index.evidence(index.number(person.start), cue.start_char, cue.end_char)
    return Evidence(article_id, text, start, end, cue.text, cue.start_char, cue.end_char)


def _role_text(tokens: list[Token], skip: set[int]) -> str:
    """The title phrase without the affiliate's name and leading determiners."""
    kept = [t for t in tokens if t.i not in skip and not t.is_punct]
    while kept and kept[0].lower_ in _SKIP:
        kept.pop(0)
    while kept and kept[-1].lower_ in _SKIP | _TRAILING_PREPOSITIONS:
        kept.pop()
    return " ".join(t.text for t in kept).strip()


def affiliation_claims(doc: Doc, article_id: str, mentions: list[Mention],
                       by_token: dict[int, Mention]) -> list[Claim]:
    """Person -> country/body claims read from titles and appositions."""
    titles = _title_spans(doc)
    title_ending_at = {span.end: span for span in titles}
    honorifics = words("people", "honorifics")
    modifiers = words("titles", "modifiers")
    claims: list[Claim] = []
    for mention in mentions:
        if mention.type != "person":
            continue
        person = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if person is None:
            continue
        start = person.start
        title = title_ending_at.get(start)
        while title is None and start > 0 and doc[start - 1].lower_.rstrip(".") in honorifics:
            start -= 1
            title = title_ending_at.get(start)
        found = list(_from_title(doc, article_id, mention, person, title, by_token, modifiers)
                     ) if title is not None else []
        found = found or list(_from_apposition(doc, article_id, mention, person, by_token))
        found = found or list(_from_of_phrase(doc, article_id, mention, person, title, by_token))
        found = found or list(_from_possessive(doc, article_id, mention, person, by_token))
        claims.extend(found)
    return claims


def _from_title(doc: Doc, article_id: str, mention: Mention, person: Span, title: Span,
                by_token: dict[int, Mention], modifiers: frozenset[str]) -> Iterator[Claim]:
    index = title.start - 1
    role_start = title.start
    while index >= 0 and doc[index].lower_ in modifiers:
        role_start = index
        index -= 1
    if index >= 0 and doc[index].lower_ in ("'s", "’s"):
        index -= 1
    affiliate = by_token.get(index) if index >= 0 else None
    role = doc[role_start:title.end].text
    if affiliate is None or affiliate.type not in _AFFILIATES:
        head = person.root.head
        titles = job_titles()
        if person.root.dep_ == "appos" and head.i < person.start and not any(
                t.lemma_.lower() in titles for t in head.subtree if t.i < person.start):
            # "his British equivalent, Prime Minister Keir Starmer"
            affiliate = _affiliate_in(head, by_token)
    if affiliate is None or affiliate.type not in _AFFILIATES:
        return
    cue = doc[min(index, title.start) if index >= 0 else title.start: person.end]
    yield Claim(mention, "affiliated_with", affiliate, _evidence(article_id, person, cue),
                cue=title.text, role=role, confidence=0.8)


def _from_of_phrase(doc: Doc, article_id: str, mention: Mention, person: Span,
                    title: Span | None, by_token: dict[int, Mention]) -> Iterator[Claim]:
    """'President Bola Tinubu of Nigeria', 'Dr Fatih Birol of the International Energy
    Agency': a name followed by "of" and a country or body."""
    if person.end + 1 >= len(doc) or doc[person.end].lower_ != "of":
        return
    index = person.end + 1
    while index < len(doc) and doc[index].lower_ == "the":
        index += 1
    affiliate = by_token.get(index)
    if affiliate is None or affiliate.type not in _AFFILIATES:
        return
    cue = doc[title.start if title is not None else person.start: index + 1]
    yield Claim(mention, "affiliated_with", affiliate, _evidence(article_id, person, cue),
                cue=cue.text, role=title.text if title is not None else None, confidence=0.7)


def _from_possessive(doc: Doc, article_id: str, mention: Mention, person: Span,
                     by_token: dict[int, Mention]) -> Iterator[Claim]:
    """'Argentina's Mauricio Macri', 'Egypt's Hosni Mubarak': a country's name in the
    possessive right before the person's."""
    index = person.start - 1
    if index < 1 or doc[index].lower_ not in ("'s", "’s"):
        return
    affiliate = by_token.get(index - 1)
    if affiliate is None or affiliate.type != "country":
        return
    cue = doc[index - 1: person.end]
    yield Claim(mention, "affiliated_with", affiliate, _evidence(article_id, person, cue),
                cue=cue.text, confidence=0.7)


def _possessor(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'its energy secretary' -> the country or body that is the clause's subject."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return None
    for ancestor in token.ancestors:
        for subject in (c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")):
            found = by_token.get(subject.i)
            if found is not None and found.type in _AFFILIATES:
                return found
    return None


def _affiliate_in(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    for node in token.subtree:
        found = by_token.get(node.i)
        if found is not None and found.type in _AFFILIATES:
            return found
    return None


def _phrase_before_comma(doc: Doc, person: Span, titles: frozenset[str],
                         honorifics: frozenset[str]) -> list[Token]:
    """The titled noun phrase in "the head of the navy, Adm. Colm Byrne" when the parse
    does not attach the name as an apposition."""
    index = person.start - 1
    while index >= 0 and doc[index].lower_.rstrip(".") in honorifics:
        index -= 1
    if index < 1 or doc[index].text != ",":
        return []
    last = doc[index - 1]
    candidates = [last, *(a for a in last.ancestors if a.i < index)]
    titled = [t for t in candidates if t.lemma_.lower() in titles or t.lower_ in titles]
    return titled[-1:]


def _from_apposition(doc: Doc, article_id: str, mention: Mention, person: Span,
                     by_token: dict[int, Mention]) -> Iterator[Claim]:
    """'the chief of the UK defence staff, Tony Radakin' and 'Frost, director of X'."""
    root = person.root
    titles = job_titles()
    honorifics = words("people", "honorifics")
    phrases: list[Token] = []
    if root.dep_ == "appos" and root.head.i < person.start and root.head.i not in by_token:
        own = {t.i for t in root.subtree}
        titled = [t for t in root.head.subtree if t.i < person.start and t.i not in own
                  and (t.lemma_.lower() in titles or t.lower_ in titles)]
        phrases.extend(titled[-1:])
    elif not phrases:
        phrases.extend(_phrase_before_comma(doc, person, titles, honorifics))
    phrases.extend(c for c in root.children if c.dep_ == "appos" and c.i not in by_token)
    for phrase in phrases:
        before = phrase.i < person.start
        tokens = [t for t in phrase.subtree if not (person.start <= t.i < person.end)
                  and not (before and t.i >= person.start)
                  and not (t.i > phrase.i and t.lower_.rstrip(".") in honorifics
                           and t.i >= person.start - 3)]
        if not any(t.lemma_.lower() in titles or t.lower_ in titles for t in tokens):
            continue
        affiliate = next((by_token[t.i] for t in tokens if t.i in by_token
                          and by_token[t.i].type in _AFFILIATES), None) or _possessor(
                              phrase, by_token)
        if affiliate is None:
            continue
        skip = {t.i for t in tokens if t.i in by_token}
        role = _role_text(tokens, skip)
        cue = doc[min(t.i for t in tokens): max(t.i for t in tokens) + 1]
        yield Claim(mention, "affiliated_with", affiliate, _evidence(article_id, person, cue),
                    cue=cue.text, role=role or None, confidence=0.75)
