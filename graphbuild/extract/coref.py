"""Referring expressions -> the entities they stand for, within one article.

No neural coreference model can be installed (they all need a model hub), so
the references a reader resolves without noticing are rules:

- personal pronouns ("he will host ...") -> the nearest compatible antecedent,
  the subject of the previous sentence first;
- role descriptions ("the prime minister", "the US president", "Ukraine's
  leader") -> the person the article gives that role;
- group references ("the two sides", "both leaders", "the three countries")
  -> the entities they enumerate: the latest sentence that names exactly that
  many of them.

The result maps the head token of each reference to its antecedents; the
relation rules read it wherever they read a name. References are not mentions
of their own, so "the prime minister" never becomes an alias.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import POS, TAG
from spacy.tokens import Doc, Span, Token

from graphbuild.extract.syntax import after_dash, tokens_where
from graphbuild.lexicon import lexicon, words
from graphbuild.types import Claim, Mention

_WINDOW = 3
_ACTORS = ("person", "country", "organization")


def _coref_words(name: str) -> frozenset[str]:
    return words("coreference", name)


def _number_of(token: Token) -> int | None:
    """2 for "the two sides", "both leaders", "the pair"; None when no number is said."""
    numbers: dict[str, int] = lexicon()["coreference"]["numbers"]
    if token.lemma_.lower() in _coref_words("pair_nouns"):
        return 2
    for child in token.children:
        if child.dep_ in ("nummod", "det", "predet", "quantmod") and child.lower_ in numbers:
            return numbers[child.lower_]
    return None


class _Article:
    """Mentions of one article by sentence, for looking backwards from a token."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], sentence_of: dict[int, int]):
        self.doc = doc
        self.sentence_of = sentence_of
        self.sentences = list(doc.sents)
        self.mentions = sorted((m for m in mentions if m.type in _ACTORS),
                               key=lambda m: m.start)

    def before(self, token: Token, types: Sequence[str]) -> list[Mention]:
        """Mentions of these types before ``token``, nearest first, within the window."""
        sentence = self.sentence_of[token.i]
        return [m for m in reversed(self.mentions) if m.type in types and m.start < token.idx
                and sentence - m.sentence <= _WINDOW]

    def at(self, token: Token, types: Sequence[str] = _ACTORS) -> list[Mention]:
        """Mentions of these types that a token is part of."""
        return [m for m in self.mentions if m.type in types and m.start <= token.idx < m.end]

    def subject_mentions(self, sentence: Span, types: Sequence[str]) -> list[Mention]:
        """Mentions heading the subject of a sentence's main verb ("Starmer and Macron")."""
        found: list[Mention] = []
        for subject in (c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")):
            for token in [subject, *subject.conjuncts]:
                found.extend(self.at(token, types))
        return found


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.key, mention)
    return list(seen.values())


def _pronoun(token: Token, article: _Article) -> list[Mention]:
    """The antecedents of a pronoun; an object pronoun's are never the subject of its own
    clause ("Trump ... looks forward to meeting him": the person named before, not Trump)."""
    found = _antecedents(token, article)
    own = _own_subjects(token, article)
    if own and any(m.key in own for m in found):
        types = ("person",) if token.lower_ in _coref_words("personal_pronouns") else _ACTORS
        found = [m for m in article.before(token, types) if m.key not in own][:1]
    return found


def _own_subjects(token: Token, article: _Article) -> set[str]:
    """Keys of the subject of the clause an object pronoun is the object in, through the
    clauses that share it ("he accepted ... and looks forward to meeting him")."""
    if token.lower_ not in _coref_words("object_pronouns") or token.dep_ not in (
            "dobj", "pobj", "dative"):
        return set()
    verb = token.head
    for _ in range(8):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            keys: set[str] = set()
            for subject in (t for s in subjects for t in [s, *s.conjuncts]):
                keys |= {m.key for m in article.at(subject)}
                if subject.lower_ in _coref_words("personal_pronouns") | _coref_words(
                        "plural_pronouns"):
                    keys |= {m.key for m in _antecedents(subject, article)}
            return keys
        if verb.dep_ in ("ccomp", "relcl", "ROOT") or verb.head is verb:
            return set()
        verb = verb.head
    return set()


def _antecedents(token: Token, article: _Article) -> list[Mention]:
    lower = token.lower_
    if lower in _coref_words("personal_pronouns"):
        types: tuple[str, ...] = ("person",)
    elif lower in _coref_words("plural_pronouns"):
        types = _ACTORS
    elif lower in _coref_words("neuter_pronouns"):
        types = ("country", "organization")
    else:
        return []
    sentence = article.sentence_of[token.i]
    if sentence > 0:
        previous = article.sentences[sentence - 1]
        subjects = _distinct(article.subject_mentions(previous, types))
        if subjects and (types != _ACTORS or len(subjects) > 1
                         or subjects[0].type != "person"):
            return subjects if types == _ACTORS else subjects[:1]
        # "He also met Saidov. He earlier met Zhang": the same "he" as the sentence before.
        chained = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.lower_ == lower), None)
        if chained is not None and not subjects:
            return _antecedents(chained, article)
    nearest = article.before(token, types)
    if not nearest:
        return []
    if types == _ACTORS and _people_noun_between(nearest[0], token,
                                                 article.sentences[sentence]):
        return []  # "a discussion among the attendees after meeting with them": those
    if types == _ACTORS:
        # "they" after a single person is rarely that person.
        groups = [m for m in nearest if m.type != "person"]
        return groups[:1]
    return nearest[:1]


def _people_noun_between(mention: Mention, pronoun: Token, sentence: Span) -> bool:
    """Whether a plural noun for people ("the attendees", "officials") comes between the
    nearest name and a plural pronoun in its sentence: the nearer antecedent, unnamed."""
    nouns = words("people", "role_nouns")
    return any(t.tag_ == "NNS" and t.lower_ in nouns and not t.ent_type_
               for t in sentence if mention.end <= t.idx and t.i < pronoun.i)


def _group(token: Token, article: _Article, leaders: set[str]) -> list[Mention]:
    """'the two sides' -> the latest sentence naming exactly two such entities; 'the two
    leaders' counts only people the article gives a leader's title, when it gives any."""
    lemma = token.lemma_.lower()
    if lemma in _coref_words("people_nouns"):
        types: tuple[str, ...] = ("person",)
    elif lemma in _coref_words("country_nouns"):
        types = ("country",)
    elif lemma in _coref_words("side_nouns") or lemma in _coref_words("pair_nouns"):
        types = ("country", "person", "organization")
    else:
        return []
    number = _number_of(token)
    if number is None or number < 2:
        return []
    sentence = article.sentence_of[token.i]
    candidates = [m for m in article.before(token, types) if not _where(m, article.doc)]
    for back in range(_WINDOW + 1):
        in_sentence = _distinct([m for m in reversed(candidates)
                                 if m.sentence == sentence - back])
        for kind in types:
            of_kind = [m for m in in_sentence if m.type == kind]
            if kind == "person" and leaders and lemma in _coref_words("leader_titles"):
                of_kind = [m for m in of_kind if m.key in leaders]
            if len(of_kind) == number:
                return of_kind
    return []


def _where(mention: Mention, doc: Doc) -> bool:
    """Whether a country is named as the place something happens ("talks in Almaty,
    Kazakhstan", "in Almaty, the former capital of Kazakhstan"): no side of anything."""
    if mention.type != "country":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(6):
        if token.dep_ == "pobj" and token.head.lower_ in _coref_words("place_preps"):
            return True
        if token.dep_ not in ("appos", "conj", "pobj", "compound") or token.head is token:
            return False
        token = token.head
    return False


def _title_fits(title: str, role: str) -> bool:
    """'the prime minister' (or 'the premier') fits only a prime minister, never the
    Commission's president; 'the leader' fits any head of state or government."""
    synonyms: dict[str, list[str]] = lexicon()["coreference"]["title_synonyms"]
    return any(t in role for t in [title, *synonyms.get(title, ())]) or (
        title in _coref_words("generic_leader_titles")
        and any(w in role for w in _coref_words("leader_titles")))


def _role_holders(doc: Doc, affiliations: Sequence[Claim], by_token: dict[int, Mention]
                  ) -> list[tuple[str, str | None, Mention]]:
    """(role, affiliate key, person) for every person whose role the article states:
    with a country or body ("French President Emmanuel Macron") or bare ("Prime
    Minister Keir Starmer")."""
    holders = [((claim.role or "").lower(), claim.object.key if claim.object else None,
                claim.subject) for claim in affiliations
               if claim.relation == "affiliated_with" and claim.role]
    for start, end in doc._.graphbuild_titles:
        person = by_token.get(end)
        if end < len(doc) and person is not None and person.type == "person":
            holders.append((doc[start:end].text.lower(), None, person))
    return holders


def _role_description(span: Span, article: _Article,
                      holders: list[tuple[str, str | None, Mention]],
                      by_token: dict[int, Mention]) -> list[Mention]:
    """'the prime minister' -> the person the article calls prime minister."""
    head = span[-1]
    if head.i + 1 < len(article.doc) and article.doc[head.i + 1].i in by_token \
            and by_token[article.doc[head.i + 1].i].type == "person":
        return []  # a title in front of a name, not a reference
    if any(c.dep_ == "appos" and not after_dash(c) for c in head.children) \
            or head.dep_ == "appos":
        return []
    modifiers = [t for t in (*span, *head.children) if t.i in by_token]
    countries = {by_token[t.i].key for t in modifiers if by_token[t.i].type in ("country",
                                                                               "organization")}
    determiners = [t for t in span.doc[max(0, span.start - 3):span.start + 1]
                   if t.lower_ in ("the", "'s", "’s")]
    if not determiners and not countries:
        return []
    title = span.text.lower()
    for country in countries:
        title = title.replace(_text_of(by_token, country, span), "")
    title = " ".join(w for w in title.split() if w not in ("the", "'s", "’s"))
    if not title:
        return []
    matches = []
    for role, affiliate, person in holders:
        if _title_fits(title, role) and (
                not countries or affiliate in countries or affiliate is None and any(
                    a in countries for r, a, p in holders if p.key == person.key)):
            matches.append(person)
    if not matches:
        return []
    before = [m for m in matches if m.start < span.start_char]
    chosen = max(before, key=lambda m: m.start) if before else min(matches, key=lambda m: m.start)
    if len({m.key for m in matches}) > 1 and not before:
        return []
    return [chosen]


def _holders_of_countries(noun: Token, holders: list[tuple[str, str | None, Mention]],
                          by_token: dict[int, Mention]) -> list[Mention]:
    """'the Russian and Ukrainian presidents' -> the president the article names for
    each country; nothing unless every country has one."""
    title = noun.lemma_.lower()
    if title not in _coref_words("leader_titles") and title not in _coref_words(
            "people_nouns"):
        return []
    countries = [by_token[c.i].key for m in noun.children if m.dep_ in ("amod", "compound")
                 for c in [m, *m.conjuncts]
                 if c.i in by_token and by_token[c.i].type == "country"]
    if len(countries) < 2:
        return []
    people: list[Mention] = []
    for country in countries:
        fitting = {person.key: person for role, affiliate, person in holders
                   if affiliate == country and _title_fits(title, role)}
        if len(fitting) != 1:
            return []
        people.extend(fitting.values())
    return people


def _text_of(by_token: dict[int, Mention], key: str, span: Span) -> str:
    """The text of the mention with ``key`` inside ``span``, lower-cased."""
    for token in span:
        mention = by_token.get(token.i)
        if mention is not None and mention.key == key:
            return mention.text.lower()
    return "\0"


def references(doc: Doc, mentions: Sequence[Mention], by_token: dict[int, Mention],
               affiliations: Sequence[Claim], sentence_of: dict[int, int]
               ) -> dict[int, list[Mention]]:
    """Head token index of each resolvable reference -> the mentions it stands for."""
    article = _Article(doc, mentions, sentence_of)
    holders = _role_holders(doc, affiliations, by_token)
    leader_words = _coref_words("leader_titles")
    leaders = {person.key for role, _, person in holders
               if any(word in role for word in leader_words)}
    found: dict[int, list[Mention]] = {}
    pronouns = (_coref_words("personal_pronouns") | _coref_words("plural_pronouns")
                | _coref_words("neuter_pronouns"))
    for token in tokens_where(doc, POS, ("PRON", "NOUN")):
        if token.i in by_token:
            continue
        if token.pos_ == "PRON" and token.lower_ in pronouns:
            antecedents = _pronoun(token, article)
        elif token.pos_ == "NOUN" and token.tag_ in ("NNS", "NNPS", "NN"):
            antecedents = _group(token, article, leaders)
        else:
            antecedents = []
        if antecedents:
            found[token.i] = antecedents
    if holders:
        for token in tokens_where(doc, TAG, ("NNS",)):
            if token.i not in found and token.i not in by_token:
                people = _holders_of_countries(token, holders, by_token)
                if people:
                    found[token.i] = people
        for start, end in doc._.graphbuild_titles:
            span = doc[start:end]
            head = span[-1]
            if head.i in found or head.i in by_token:
                continue
            # "Ukraine's leader": take the possessor into the span.
            possessor = [c for c in head.children if c.dep_ == "poss"]
            if possessor and possessor[0].i < span.start:
                span = doc[possessor[0].left_edge.i:end]
            antecedents = _role_description(span, article, holders, by_token)
            if antecedents:
                found[head.i] = antecedents
    return found
