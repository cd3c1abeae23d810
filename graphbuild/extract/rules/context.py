"""What every relation rule reads: the article's mentions, meetings and references,
and the grammar that turns a token into the entities it stands for.

Shared by the rule modules beside this one, so that "who is the subject" and
"what does this role noun stand for" are decided once for all relations (and
``claims`` decides how a claim is written).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import (
    PRONOUNS,
    RELATIVE_PRONOUNS,
    after_dash,
    children,
    conjuncts,
    prep_objects,
    subject_of,
)
from graphbuild.lexicon import lexicon, words
from graphbuild.types import Mention

ACTORS = {"person", "country", "organization"}
# Parts of speech that head a clause a relation can be read from ("attends", "is absent").
PREDICATES = ("VERB", "AUX", "ADJ")


@dataclass
class Context:
    """One parsed article and what the earlier steps found in it: mentions by token,
    meetings by token, sentence numbers and coreference antecedents."""

    doc: Doc
    article_id: str
    by_token: dict[int, Mention]
    meetings: dict[int, Mention]
    sentence_of: dict[int, int]
    refs: dict[int, list[Mention]]


def relation_words(relation: str, field: str) -> frozenset[str]:
    """A word list of one relation's lexicon section."""
    return words("relations", relation, field)


def particles(relation: str, field: str = "particles") -> dict[str, list[str]]:
    """Verb -> particles it needs for one relation ("pull" -> "out")."""
    table: dict[str, list[str]] = lexicon()["relations"][relation].get(field, {})
    return table


def calls_off(verb: Token) -> bool:
    """'cancelled', 'postponed', 'called off': the verb calls something off."""
    lemma = verb.lemma_.lower()
    needed = particles("attends", "calling_off").get(lemma, ())
    return lemma in relation_words("attends", "cancelling_verbs") or bool(needed) and any(
        c.dep_ == "prt" and c.lower_ in needed for c in verb.children)


def actors(token: Token, ctx: Context, *, depth: int = 0) -> list[Mention]:
    """The entities a token stands for.

    A name is itself; a role noun stands for the countries or bodies it comes
    from ("ministers from 34 countries, called the Coalition of Volunteers");
    a pronoun for the subject of the clause that governs it.
    """
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.type in ACTORS:
        return [mention]
    lower = token.lower_
    if token.i in ctx.refs and not (lower in PRONOUNS and token.pos_ == "PRON"):
        return ctx.refs[token.i]  # "the two presidents", resolved once by coref
    if depth > 2:
        return []
    if lower in PRONOUNS and token.pos_ == "PRON":
        if lower in words("coreference", "object_pronouns") and token.dep_ in (
                "dobj", "pobj", "dative"):
            # "Meloni will meet him": never Meloni; coref found whom (graphbuild.extract.coref)
            return ctx.refs.get(token.i, [])
        return antecedent(token, ctx) or ctx.refs.get(token.i, [])
    role_nouns = words("people", "role_nouns")
    is_role = token.lemma_.lower() in role_nouns or lower in role_nouns or lower in words(
        "coreference", "standing_pronouns")
    of_list = [obj for _, obj in prep_objects(token, {"from", "of"})] if is_role else []
    for child in children(token, "appos"):
        named = ctx.by_token.get(child.i)
        if after_dash(child):
            continue  # "Armenian PM to skip summit — Kyrgyz presidential office": the source
        if named is not None and named.type in ACTORS:
            appositive = unique([named, *(ctx.by_token[c.i] for c in child.conjuncts
                                          if c.i in ctx.by_token
                                          and ctx.by_token[c.i].type in ACTORS)])
            if not of_list or named.type == "person":
                return appositive
            # "ministers of Algeria, Kenya, Congo (Kinshasa), Congo (Brazzaville), Egypt":
            # a list the parser broke at the brackets, its rest hung on the role noun.
            return unique([m for obj in of_list for m in mentions_in(obj, ctx)] + appositive)
    if is_role:
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children):
            # "Mali and Niger, whose governments withdrew ..." -> Mali and Niger.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            if clause is not None:
                return unique([m for t in conjuncts(clause.head)
                                for m in actors(t, ctx, depth=depth + 1)])
        people = [ctx.by_token[c.i] for c in token.children
                  if c.i in ctx.by_token and ctx.by_token[c.i].type == "person"]
        if people:
            # "his Iranian counterpart Hossein Amirabdollahian" is the person.
            return people[:1]
        found: list[Mention] = []
        for _, obj in prep_objects(token, {"from", "of"}):
            found.extend(mentions_in(obj, ctx))
        # "11 Arab leaders, including President Bashar al-Assad"
        found.extend(m for _, obj in prep_objects(token, {"including"}) for o in conjuncts(obj)
                     for m in actors(o, ctx, depth=depth + 1))
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                # "the US and Israeli teams"
                found.extend(ctx.by_token[c.i] for c in conjuncts(child) if c.i in ctx.by_token
                             and ctx.by_token[c.i].type in ACTORS)
            if child.dep_ in ("acl", "appos", "relcl"):
                found.extend(named_groups(child, ctx))
            if child.dep_ == "acl" and child.lemma_.lower() in words(
                    "relations", "attends", "delegation_verbs") and is_passive(child):
                # "a Hamas delegation led by Khalil al-Hayya": the leader too ("ministers
                # led by Spain" are led by a host, read by the hosts rule).
                found.extend(m for m in agents(child, ctx) if m.type == "person")
        return unique(found)
    return []


def mentions_in(token: Token, ctx: Context) -> list[Mention]:
    """Actor mentions in a phrase, skipping nested clauses and appositions, but not a
    list member parsed as an apposition ("of Indonesia, Malaysia, the Philippines and
    Laos")."""
    found: list[Mention] = []
    stack = [token]
    while stack:
        node = stack.pop()
        mention = ctx.by_token.get(node.i)
        if mention is not None and mention.type in ACTORS:
            found.append(mention)
        listed = conjuncts(node) if any(c.dep_ == "appos" for c in node.children) else ()
        stack.extend(c for c in node.children
                     if c.dep_ not in ("relcl", "acl", "appos", "advcl") or c in listed)
    return unique(sorted(found, key=lambda m: m.start))


def listed_after(copula: Token, ctx: Context, *, people_only: bool = False) -> list[Mention]:
    """The people named after the verb of an inverted list ("Absent were A, B, the
    president of C, and D"), read word by word up to the next verb, because the parser
    breaks long lists of titled names; with no people, the countries named (unless
    ``people_only``)."""
    found: list[Mention] = []
    end = sentences(copula.doc).span(ctx.sentence_of[copula.i]).end
    for token in copula.doc[copula.i + 1: end]:
        if token.pos_ == "VERB" or token.lower_ in RELATIVE_PRONOUNS:
            break
        mention = ctx.by_token.get(token.i)
        if mention is not None and mention.type in ("person", "country"):
            found.append(mention)
    people = [m for m in found if m.type == "person"]
    return unique(people or ([] if people_only else found))


def named_groups(token: Token, ctx: Context) -> list[Mention]:
    """'called the Coalition of Volunteers' -> that group."""
    return [m for m in mentions_in(token, ctx) if m.type == "organization"]


_RELATIVE = frozenset({"who", "which", "that"})


def antecedent(pronoun: Token, ctx: Context) -> list[Mention]:
    """The subject of a clause governing the pronoun; for "they"/"their", with the
    partners the clause names ("Lee took a selfie with Xi during their banquet")."""
    plural = pronoun.lower_ in words("coreference", "plural_pronouns")
    personal = pronoun.lower_ in words("coreference", "personal_pronouns")
    # "Koehler hosted a discussion among the attendees after meeting with them": an object
    # "them" is not the subject of its own clause ("a meeting between them" may be).
    own_clause = plural and (pronoun.dep_ in ("dobj", "dative") or (
        pronoun.dep_ == "pobj" and pronoun.head.lower_ != "between"))
    for ancestor in pronoun.ancestors:
        if own_clause and children(ancestor, "nsubj", "nsubjpass"):
            return []
        for subject in children(ancestor, "nsubj", "nsubjpass"):
            if subject.i != pronoun.i and subject.lower_ in _RELATIVE and ancestor.dep_ == "relcl":
                subject = ancestor.head  # "Zelensky, who has said he would not take part"
            if subject.i != pronoun.i and subject.lower_ not in PRONOUNS:
                found = [m for s in conjuncts(subject) for m in actors(s, ctx, depth=3)]
                if personal:
                    found = [m for m in found if m.type == "person"]  # "he" is no country
                if not found and not plural:
                    # "Mahathir's office said he received a call": the possessor.
                    found = [ctx.by_token[c.i] for c in children(subject, "poss")
                             if c.i in ctx.by_token and ctx.by_token[c.i].type == "person"]
                if plural and len(found) == 1:
                    found += _partners_before(ancestor, pronoun, ctx)
                if plural and len(unique(found)) == 1 and subject.i > pronoun.i:
                    # "A and B discussed ... In their call, A said": the pair told before
                    found = _pair_before(pronoun, ctx) or found
                if plural and len(unique(found)) == 1 and found[0].type == "person":
                    # "Morales said ten heads of state had confirmed their participation":
                    # one person is not "they".
                    continue
                if found:
                    return unique(found)
    return []


def _pair_before(pronoun: Token, ctx: Context) -> list[Mention]:
    """Two or more people or countries that are the subject of the sentence before."""
    start = pronoun.sent.start
    if start == 0:
        return []
    root = pronoun.doc[start - 1].sent.root
    found = unique([m for s in subject_of(root) for m in actors(s, ctx, depth=3)])
    return found if len(found) > 1 else []


def _partners_before(clause: Token, pronoun: Token, ctx: Context) -> list[Mention]:
    """Actors named with "with"/"alongside" in a clause, before the pronoun."""
    preps = words("relations", "attends", "companions")
    return [m for t in clause.subtree if t.i < pronoun.i and t.dep_ == "prep"
            and t.lower_ in preps for obj in children(t, "pobj") for o in conjuncts(obj)
            for m in actors(o, ctx, depth=3)]


def travels(verb: Token) -> bool:
    """'heading to Trinidad for the summit': a verb of hosting ("head") used of a journey,
    with no object, is travelling there; "to head the summit" hosts it."""
    return verb.lemma_.lower() in relation_words("attends", "travel_verbs") and not children(
        verb, "dobj") and not is_passive(verb)


def misread_host_verb(token: Token, ctx: Context) -> Mention | None:
    """'UN hosts meeting of envoys', 'as President Trump hosts Chinese President Xi': the
    verb "hosts" read as a plural noun right after a name; the name, who hosts."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in relation_words("hosts", "nouns"):
        return None
    before = ctx.by_token.get(token.i - 1)
    return before if before is not None and before.type in ACTORS else None


def unique(mentions: list[Mention]) -> list[Mention]:
    """Mentions in first-seen order, each once."""
    return list(dict.fromkeys(mentions))


def subjects(verb: Token, ctx: Context) -> list[Mention]:
    """The entities the verb's subjects stand for."""
    return unique([m for s in subject_of(verb) for m in _subject_actors(s, ctx)])


def _subject_actors(subject: Token, ctx: Context) -> list[Mention]:
    """A subject's entities; when the parser hung "Thai Prime Minister X and Cambodian
    Prime Minister Y" on a demonym, the people it holds (names hung on one another are
    repaired by ``conjuncts``)."""
    found = actors(subject, ctx)
    if len(found) != 1 or subject.dep_ == "conj" or found[0].type != "country":
        return found
    people = unique([ctx.by_token[t.i] for t in subject.subtree if t.i in ctx.by_token
                     and ctx.by_token[t.i].type == "person"])
    return people or found


def patients(verb: Token, ctx: Context) -> list[Mention]:
    """The entities a verb acts on: its objects, or its subject when it is passive
    ("barred Russia from ...", "Russia was banned from ...", "invited Putin to ...")."""
    acted_on = children(verb, "dobj", "nsubjpass")
    if _headline_passive(verb):
        acted_on += children(verb, "nsubj")
    return unique([m for o in acted_on for o2 in conjuncts(o) for m in actors(o2, ctx)])


def agents(verb: Token, ctx: Context) -> list[Mention]:
    """The entities of a passive verb's "by" phrase."""
    return unique([m for _, obj in prep_objects(verb, {"by"}) for o in conjuncts(obj)
                    for m in actors(o, ctx)])


def is_passive(verb: Token) -> bool:
    """'is hosted', participles ('a conference organised by France') and headlines that
    drop the auxiliary ('Israel not invited to Gaza aid summit')."""
    if children(verb, "auxpass", "nsubjpass"):
        return True
    if verb.tag_ != "VBN" or children(verb, "aux"):
        return False  # "the U.S. has hosted" is active
    return _headline_passive(verb) or (
        verb.dep_ in ("acl", "relcl", "advcl") and not children(verb, "nsubj"))


def _headline_passive(verb: Token) -> bool:
    """'Israel not invited to Gaza aid summit': a participle with a subject and no
    auxiliary heads a headline's passive."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VBN" and bool(children(verb, "nsubj")) \
        and not children(verb, "aux", "auxpass")


def meeting_object(verb: Token, ctx: Context, preps: Set[str]) -> Mention | None:
    """The meeting a verb is about: its object, prepositional object or antecedent."""
    token = _meeting_object_token(verb, ctx, preps)
    return None if token is None else ctx.meetings[token.i]


def meeting_objects(verb: Token, ctx: Context, preps: Set[str]) -> list[Mention]:
    """The meetings a verb is about: :func:`meeting_object` and the meetings listed with
    it ("will attend the China-ASEAN Summit, the APT Summit and the East Asia Summit")."""
    token = _meeting_object_token(verb, ctx, preps)
    if token is None:
        return []
    found = {ctx.meetings[t.i].key: ctx.meetings[t.i] for t in [token, *token.conjuncts]
             if t.i in ctx.meetings}
    return list(found.values())


def _meeting_object_token(verb: Token, ctx: Context, preps: Set[str]) -> Token | None:
    for obj in children(verb, "dobj", "attr"):
        if obj.i in ctx.meetings:
            return obj
    for _, obj in prep_objects(verb, preps):
        if obj.i in ctx.meetings:
            return obj
    if verb.dep_ in ("acl", "relcl") and verb.head.i in ctx.meetings:
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        # "The summit kicked off in Kuwait City, attended by the emirs of ..."
        for subject in children(verb.head, "nsubj", "nsubjpass"):
            if subject.i in ctx.meetings:
                return subject
    if is_passive(verb):
        for subject in children(verb, "nsubjpass"):
            if subject.i in ctx.meetings:
                return subject
    return None


def meeting_of_subject_clause(noun: Token, ctx: Context) -> Mention | None:
    """'ministers, led by Britain, are set to convene' -> the convening."""
    verb = noun.head
    for candidate in [verb, *verb.children]:
        if candidate.i in ctx.meetings and ctx.meetings[candidate.i].implicit:
            return ctx.meetings[candidate.i]
        for grandchild in candidate.children:
            if grandchild.dep_ == "xcomp" and grandchild.i in ctx.meetings:
                return ctx.meetings[grandchild.i]
    return None


def organisation_object(verb: Token, ctx: Context, preps: Set[str]) -> Mention | None:
    """A body that is the verb's object ("joined NATO", "participates in the forum")."""
    candidates = [*children(verb, "dobj"), *(obj for _, obj in prep_objects(verb, preps))]
    for obj in candidates:
        mention = ctx.by_token.get(obj.i)
        if mention is not None and mention.type == "organization":
            return mention
    return None


def required_words(token: Token) -> list[str]:
    """Words an attendance verb needs to count ("take" needs "part")."""
    requires: dict[str, list[str]] = lexicon()["relations"]["attends"].get("requires", {})
    return requires.get(token.lemma_.lower(), [])


def requirement_met(token: Token) -> bool:
    """Whether the words an attendance verb needs are there ("take" + "part")."""
    required = required_words(token)
    if not required:
        return True
    related = [c for c in token.children if c.dep_ not in ("aux", "auxpass", "mark")]
    related.append(token.head)
    if token.lemma_.lower() in relation_words("attends", "sending_verbs") and any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.children):
        return True  # "dispatched Prime Minister Judith Suminwa to the meeting"
    return any(t.lower_ in required or t.lemma_.lower() in required for t in related)


def companions(token: Token, ctx: Context) -> list[Mention]:
    """'will join the meeting as a guest, alongside Dr Fatih Birol' -> Birol too;
    'The two presidents, accompanied by their wives, attended' -> the wives too."""
    found: list[Mention] = []
    preps = words("relations", "attends", "companions") - {"with"}
    anchors = [token, *(o for o in children(token, "dobj") if o.i in ctx.meetings)]
    for anchor in anchors:
        for _, obj in prep_objects(anchor, preps):
            found.extend(m for o in conjuncts(obj) for m in actors(o, ctx))
    accompanying = words("relations", "attends", "accompanying_verbs")
    for clause in [*children(token, "advcl"), *(c for s in children(token, "nsubj")
                                                for c in children(s, "acl"))]:
        if clause.lemma_.lower() in accompanying and is_passive(clause):
            found.extend(agents(clause, ctx))
    return unique(found)
