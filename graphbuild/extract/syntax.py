"""Dependency-tree helpers shared by the extraction rules.

Dependency-label sets are named here, once, so each rule reads as a sentence
about grammar rather than a list of labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from graphbuild.extract.sentences import sentences
from graphbuild.lexicon import words

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "obj", "attr", "oprd"}
COMPLEMENT_CLAUSES = {"xcomp", "ccomp", "advcl", "pcomp", "acomp", "conj", "relcl", "acl"}
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "acomp", "ccomp"}
PRONOUNS = {"it", "they", "he", "him", "she", "we", "them", "its", "their", "his", "her", "i",
            "me", "my"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


# A lemma's string id -> the id of its lower-cased form; ids are hashes of the strings, so
# the table holds across documents and memory zones. Bounded: cleared when full.
_LOWERED: dict[int, int] = {}
_LOWERED_MAX = 1 << 18


def lowered_lemmas(doc: Doc) -> numpy.ndarray:
    """Each token's lower-cased lemma, as string ids (``token.lemma_.lower()``)."""
    lemmas = doc.to_array(LEMMA)
    distinct, inverse = numpy.unique(lemmas, return_inverse=True)
    if len(_LOWERED) > _LOWERED_MAX:
        _LOWERED.clear()
    strings = doc.vocab.strings
    lowered = numpy.fromiter(
        (_LOWERED.get(h) or _LOWERED.setdefault(h, get_string_id(strings[h].lower()))
         for h in distinct.tolist()), dtype=numpy.uint64, count=len(distinct))
    return lowered[inverse]


def string_ids(values: Iterable[str]) -> numpy.ndarray:
    """The string ids (hashes, or symbols such as "NOUN") that token arrays hold."""
    return numpy.fromiter((get_string_id(v) for v in values), dtype=numpy.uint64)


def _tokens(doc: Doc, found: numpy.ndarray) -> list[Token]:
    return [doc[i] for i in numpy.nonzero(found)[0].tolist()]


def tokens_with(doc: Doc, *, lemmas: Iterable[str] = (), lowers: Iterable[str] = (),
                texts: Iterable[str] = ()) -> list[Token]:
    """The tokens whose lower-cased lemma, lower-cased text or text is one of the words
    given, found in one array pass."""
    found = numpy.zeros(len(doc), dtype=bool)
    for values, column in ((lemmas, None), (lowers, LOWER), (texts, ORTH)):
        wanted = string_ids(values)
        if len(wanted):
            found |= numpy.isin(lowered_lemmas(doc) if column is None
                                else doc.to_array(column), wanted)
    return _tokens(doc, found)


def tokens_where(doc: Doc, attribute: int, values: Iterable[str]) -> list[Token]:
    """The tokens whose ``attribute`` (``spacy.attrs.ORTH``, ``POS``, ...) is one of
    ``values``, found in one array pass: a rule that reads a few words does not make a
    Python object of every token."""
    return _tokens(doc, numpy.isin(doc.to_array(attribute), string_ids(values)))


_DASHES = frozenset(("—", "–", "-", "--"))


def after_dash(token: Token) -> bool:
    """The phrase of ``token`` follows a dash: in "Armenian PM to skip summit — Kyrgyz
    presidential office" the parser's apposition is the headline's source."""
    start = token.left_edge.i  # the parser may hang the dash on the phrase itself
    return token.doc[start].text in _DASHES or (start > 0
                                                and token.doc[start - 1].text in _DASHES)


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Poland and Greece").

    Lists of titled names often parse as appositions ("President Mahmoud Abbas, UN
    Secretary-General António Guterres, and ...") or as modifiers: a proper-noun
    apposition inside a coordination, or a proper-noun modifier with its own "and", is
    one more member.
    """
    members = [token, *token.conjuncts]
    grown = True
    while grown:  # an apposition read before the list was known to be one is read again
        grown = False
        for member in list(members):
            for child in member.children:
                if child in members:
                    continue
                if child.dep_ == "appos" and child.pos_ == "PROPN" and (
                        len(members) > 1 or bool(child.conjuncts)):
                    members += [child, *(c for c in child.conjuncts if c not in members)]
                    grown = True
                elif child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and any(
                        c.dep_ == "cc" and c.lower_ == "and" for c in child.children):
                    # "between US President Donald Trump and Russian President Vladimir
                    # Putin" is often parsed with Trump (and its "and") as a modifier of Putin.
                    members.append(child)
                    grown = True
    return members


def in_brackets(token: Token) -> bool:
    """Inside a bracketed aside of its sentence ("the BRICS (Brazil-Russia-India-China-
    South Africa) summit")."""
    for before in reversed(token.doc[token.sent.start:token.i]):
        if before.text == ")":
            return False
        if before.text == "(":
            return True
    return False


def _is_purpose_clause(token: Token) -> bool:
    """An adverbial infinitive: "travelled to Italy to attend", "sent Amos to represent"."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in token.children)


def children(token: Token, *deps: str) -> list[Token]:
    """Direct children with one of the dependency labels."""
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: Set[str] | None = None) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs under ``token``, e.g. ("at", "NATO")."""
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent", "dative"):
            continue
        if preps is not None and prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                yield prep, obj


def clause_chain(token: Token, limit: int = 6, *, through: set[str] | None = None) -> list[Token]:
    """The token and the verbs above it whose clause it completes.

    "is not expected to attend" -> [attend, expected]; stops at a noun so a
    relative clause does not borrow its antecedent's verb.
    """
    chain = [token]
    current = token
    for _ in range(limit):
        allowed = through if through is not None else COMPLEMENT_CLAUSES - {"relcl", "acl", "conj"}
        if current.dep_ not in allowed or current.head is current:
            break
        current = current.head
        chain.append(current)
    return chain


def _antecedent(noun: Token) -> list[Token]:
    """What a relative clause is about: its noun, or the names said to be among it ("A
    and B are among a slew of dignitaries who arrived" -> A and B)."""
    counted = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    if counted.dep_ == "pobj" and counted.head.lower_ == "among":
        named = [t for t in children(counted.head.head, "nsubj", "nsubjpass", "attr")
                 if t is not counted.head]
        if named:
            return conjuncts(named[0])
    return conjuncts(noun)


def subject_of(verb: Token) -> list[Token]:
    """Subjects of a verb, inherited from governing clauses when it has none.

    Relative clauses take their antecedent: "Macron, who chaired ..." -> Macron.
    """
    current = verb
    for _ in range(8):
        subjects = children(current, *SUBJECTS)
        if subjects:
            # Two subjects come only from a misparse; the one next to the verb is right.
            # ("both" in "Macron and Starmer have both had" is not a rival name).
            subject = min(subjects, key=lambda s: (
                s.pos_ not in ("PROPN", "NOUN") and s.lower_ not in PRONOUNS,
                abs(current.i - s.i)))
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return _antecedent(current.head)
            return [*_cut_off_list_head(subjects, subject), *conjuncts(subject)]
        if current.dep_ == "relcl":
            return _antecedent(current.head)
        if current.dep_ == "acl" and current.head.lemma_.lower() in words(
                "people", "intention_nouns"):
            # "Hungary's offer to host the summit": the one whose offer it is
            return [t for p in children(current.head, "poss") for t in conjuncts(p)]
        if _is_purpose_clause(current):
            # "sent Baroness Amos to represent Britain": the one sent does it
            # (not "will visit Pyongyang to meet Kim": a place visited does nothing)
            sent = [o for o in children(current.head, "dobj") if o.pos_ == "PROPN"
                    and o.ent_type_ not in ("GPE", "LOC", "FAC")]
            if sent:
                return conjuncts(sent[0])
        if current.dep_ in ("advcl", "xcomp", "acl") and current.head.dep_ == "ROOT" \
                and (current.head.pos_ in ("PROPN", "NOUN") or current.head.ent_type_ in (
                    "PERSON", "GPE", "ORG", "NORP")) and current.head.i < current.i \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # A headline's "Modi to attend SCO summit": the name before "to" does it.
            return conjuncts(current.head)
        if current.dep_ == "xcomp":
            # Object control: "called on supporters to meet", "urged Britain to attend".
            controllers = [*children(current.head, "dobj"),
                           *(obj for _, obj in prep_objects(current.head, {"on", "upon"})
                             if obj.ent_type_ not in ("DATE", "TIME"))]  # not "on Tuesday"
            if controllers:
                return conjuncts(controllers[0])
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "with those from Bahrain and Kuwait declining to attend": the noun does it
            return conjuncts(current.head)
        if current.dep_ == "advcl" and current.tag_ == "VBG":
            # ... however parsed: the "with" phrase just before the participle
            absolute = [obj for _, obj in prep_objects(current.head, {"with"})
                        if 0 <= current.left_edge.i - obj.right_edge.i <= 2]
            if absolute:
                return conjuncts(absolute[0])
        if current.dep_ not in INHERITS_SUBJECT and current.dep_ not in ("prep", "pobj"):
            return []
        if current.head is current:
            return []
        current = current.head
    return []


def _cut_off_list_head(subjects: list[Token], chosen: Token) -> list[Token]:
    """'Leaders of Russia, China and India met' parsed as two subjects, "Leaders" (of
    Russia) and "China and India": the list's first item, cut off by the comma; or a first
    subject left with its "and" but no partner."""
    for other in subjects:
        for _, obj in prep_objects(other, {"of"}):
            between = obj.doc[obj.i + 1:chosen.i]
            if other.i < chosen.i and between and all(t.is_punct for t in between):
                return [obj]
        # "Leader Kim Jong-il, and Prime Minister Koizumi had a summit": the first of two
        # subjects joined by "and" hung on the first
        if other.i < chosen.i and any(c.dep_ == "cc" and c.lower_ == "and"
                                      for c in other.children) and not other.conjuncts:
            return [other]
        # "Prime Minister Naftali Bennett, Egyptian President Abdel Fattah al-Sisi and
        # Crown Prince of Abu Dhabi Mohammed bin Zayed held": a list of titled names hung
        # on one another, its first name a second subject; the names between are in it.
        between = chosen.doc[other.i + 1:chosen.i]
        if other.ent_type_ == chosen.ent_type_ == "PERSON" and other.i < chosen.i \
                and any(t.lower_ == "and" for t in between) \
                and not any(t.pos_ in ("VERB", "AUX") for t in between):
            return [other, *(ent.root for ent in chosen.doc.ents if ent.label_ == "PERSON"
                             and other.i < ent.start and ent.end <= chosen.i)]
    return []


def is_negated(token: Token) -> tuple[bool, str]:
    """Whether the clause chain of ``token`` is negated, and the cue words.

    Counts "not"/"n't"/"never" on the chain, negating verbs ("refused to
    join") and negating predicates ("It is unlikely that ...").
    """
    particles = words("negation", "particles")
    verbs = words("negation", "verbs")
    adjectives = words("negation", "adjectives")
    preps = words("negation", "preps")
    cues: list[str] = []
    # An adverbial clause is not negated by its head: "cannot send troops, citing threats";
    # but the purpose of a trip not made is not done: "did not travel to Italy to attend".
    through = {"xcomp", "ccomp", "acomp", "pcomp"}
    chain = clause_chain(token, through=through)
    last = chain[-1]
    if _is_purpose_clause(last) and last.head.lemma_.lower() in words("relations", "attends",
                                                                      "travel_verbs"):
        chain += clause_chain(last.head, through=through)
    for index, node in enumerate(chain):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det")
                                       and child.lower_ in particles):
                cues.append(child.text)
            if child.dep_ in ("acomp", "amod") and child.lemma_.lower() in adjectives \
                    and child not in chain:  # counted once: "is unlikely to attend"
                cues.append(child.text)
        if index > 0 and (node.lemma_.lower() in verbs | adjectives
                          or node.dep_ == "prep" and node.lower_ in preps):
            cues.append(node.text)  # "refused to join", "decided against attending"
    return len(cues) % 2 == 1, " ".join(cues)


def modality(token: Token) -> tuple[str, str]:
    """asserted / planned / expected / reported, with the cue word."""
    table = {name: words("modality", name) for name in ("planned", "expected", "reported")}
    found: dict[str, str] = {}
    for node in clause_chain(token):
        for candidate in [node, *node.children]:
            lemma = candidate.lemma_.lower()
            lower = candidate.lower_
            for name, cue_words in table.items():
                if (lemma in cue_words or lower in cue_words) and name not in found:
                    found[name] = candidate.text
    for name in ("reported", "expected", "planned"):
        if name in found:
            return name, found[name]
    return "asserted", ""


def is_conditional(token: Token) -> bool:
    """Said only on a condition: "if Russia chooses to send its delegation" states no
    attendance, nor "the AU would boycott the meeting if he was not allowed" (what would
    follow from the condition)."""
    marks = words("modality", "conditional_marks")
    chain = clause_chain(token)
    if any(c.dep_ == "mark" and c.lower_ in marks for node in chain for c in node.children):
        return True
    asked = words("modality", "question_subjects")
    if any(node.dep_ in ("ccomp", "csubj") and c.dep_ in ("nsubj", "nsubjpass") and c.lower_
           in asked for node in chain for c in node.children):
        return True  # "who would represent Belarus" (not "the leaders who attended": relcl)
    hypothetical = words("modality", "hypothetical_modals")
    return any(c.dep_ == "aux" and c.lower_ in hypothetical for c in token.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in token.children)


def is_unrealised(token: Token) -> bool:
    """Said as what someone may or tried to do, or had planned to: "a mandate to hold
    talks", "attempts to meet the junta leader", "had been due to attend" state no
    meeting."""
    nouns = words("modality", "unrealised_nouns")
    clause = token.head if token.dep_ == "dobj" else token
    chain = clause_chain(clause)
    if any(node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in nouns
           for node in chain):
        return True
    # "had been due to attend", "had been scheduled to meet": a plan that was dropped
    plans = words("modality", "unrealised_plans")
    return any(node.lemma_.lower() in plans for node in chain) and any(
        c.dep_ == "aux" and c.lower_ == "had" for node in chain for c in node.children)


def attribution(token: Token) -> Token | None:
    """The subject of a reporting verb that governs ``token`` ("Macron stated that")."""
    verbs = words("attribution", "verbs")
    current = token
    for _ in range(6):
        if current.head is current:
            break
        if current.dep_ in ("ccomp", "xcomp", "conj") and current.head.lemma_.lower() in verbs:
            subjects = children(current.head, "nsubj")
            if subjects:
                return subjects[0]
        current = current.head
    index = sentences(token.doc)
    number = index.number(token.i)
    if "according" not in index.words(number):
        return None
    for other in index.span(number):
        if other.lower_ == "according" and other.i + 1 < len(token.doc):
            for _, obj in prep_objects(token.doc[other.i + 1]):
                return obj
            for obj in token.doc[other.i + 1].children:
                if obj.dep_ == "pobj":
                    return obj
    return None


# Words that may stand inside a name besides capitalised ones ("Association of Southeast
# Asian Nations (ASEAN) Summit").
_NAME_LINKS = frozenset({"of", "for", "on", "and", "&", "the", "(", ")", "-", "'s"})


def name_head(token: Token) -> Token | None:
    """The word the parser made the head of a capitalised name that ``token`` ends: in
    "attended the Association of Southeast Asian Nations (ASEAN) Summit" or "will attend
    the Commonwealth Heads of Government Meeting" the object is the name's first word."""
    doc = token.doc
    head = None
    node = token
    while node.head.i != node.i and node.head.i < token.i:
        node = node.head
        between = doc[node.i:token.i]
        if not all(word.is_title or word.is_upper or word.lower_ in _NAME_LINKS
                   for word in between) or sum(w.text == "(" for w in between) != sum(
                       w.text == ")" for w in between):
            break  # not a name, or a name in brackets after another ("(Ministerial Session)")
        if node.lower_ not in _NAME_LINKS:
            head = node
    return head


def is_topic(token: Token) -> bool:
    """'to discuss the summit (with Araqchi)': what a verb of talking takes as object is
    talked about, not gone to or held with anyone."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in words("meetings",
                                                                        "topic_verbs")
