"""Doc + mentions -> claims: hosts, attends, declines_troops, cites_threat,
withdrew_from, met_with, member_of.

Each rule starts at a trigger word from ``data/lexicon.toml`` and reads its
arguments off the dependency tree: active and passive subjects, participles
("a conference organized by France"), relative clauses ("Macron, who chaired
a summit"), coordination with "respectively", role nouns that stand for their
country ("officials from Britain and Germany"), and pronouns that refer to the
subject of the governing clause ("Poland has stated it cannot ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.syntax import (
    PRONOUNS,
    attribution,
    children,
    conjuncts,
    is_negated,
    modality,
    prep_objects,
    subject_of,
)
from graphbuild.lexicon import lexicon, place_by_key, words
from graphbuild.types import Claim, Evidence, Mention

ACTORS = {"person", "country", "organization"}
_BASE_CONFIDENCE = 0.7


@dataclass
class _Context:
    doc: Doc
    article_id: str
    by_token: dict[int, Mention]
    meetings: dict[int, Mention]
    sentence_of: dict[int, int]
    refs: dict[int, list[Mention]]


def _relation_words(relation: str, field: str) -> frozenset[str]:
    return words("relations", relation, field)


def _particles(relation: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = lexicon()["relations"][relation].get("particles", {})
    return table


def actors(token: Token, ctx: _Context, *, depth: int = 0) -> list[Mention]:
    """The entities a token stands for.

    A name is itself; a role noun stands for the countries or bodies it comes
    from ("ministers from 34 countries, called the Coalition of Volunteers");
    a pronoun for the subject of the clause that governs it.
    """
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.type in ACTORS:
        return [mention]
    if depth > 2:
        return []
    lower = token.lower_
    if lower in PRONOUNS and token.pos_ == "PRON":
        return _antecedent(token, ctx) or ctx.refs.get(token.i, [])
    if token.i in ctx.refs:
        return ctx.refs[token.i]
    for child in children(token, "appos"):
        named = ctx.by_token.get(child.i)
        if named is not None and named.type in ACTORS:
            return _unique([named, *(ctx.by_token[c.i] for c in child.conjuncts
                                     if c.i in ctx.by_token
                                     and ctx.by_token[c.i].type in ACTORS)])
    role_nouns = words("people", "role_nouns")
    if token.lemma_.lower() in role_nouns or lower in role_nouns:
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children):
            # "Mali and Niger, whose governments withdrew ..." -> Mali and Niger.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            if clause is not None:
                return _unique([m for t in conjuncts(clause.head)
                                for m in actors(t, ctx, depth=depth + 1)])
        people = [ctx.by_token[c.i] for c in token.children
                  if c.i in ctx.by_token and ctx.by_token[c.i].type == "person"]
        if people:
            # "his Iranian counterpart Hossein Amirabdollahian" is the person.
            return people[:1]
        found: list[Mention] = []
        for _, obj in prep_objects(token, {"from", "of"}):
            found.extend(_mentions_in(obj, ctx))
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                # "the US and Israeli teams"
                found.extend(ctx.by_token[c.i] for c in conjuncts(child) if c.i in ctx.by_token
                             and ctx.by_token[c.i].type in ACTORS)
            if child.dep_ in ("acl", "appos", "relcl"):
                found.extend(_named(child, ctx))
        return _unique(found)
    return []


def _mentions_in(token: Token, ctx: _Context) -> list[Mention]:
    """Actor mentions in a phrase, skipping nested clauses."""
    found: list[Mention] = []
    stack = [token]
    while stack:
        node = stack.pop()
        mention = ctx.by_token.get(node.i)
        if mention is not None and mention.type in ACTORS:
            found.append(mention)
        stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "appos", "advcl"))
    return _unique(sorted(found, key=lambda m: m.start))


def _named(token: Token, ctx: _Context) -> list[Mention]:
    """'called the Coalition of Volunteers' -> that group."""
    return [m for m in _mentions_in(token, ctx) if m.type == "organization"]


def _antecedent(pronoun: Token, ctx: _Context) -> list[Mention]:
    for ancestor in pronoun.ancestors:
        for subject in children(ancestor, "nsubj", "nsubjpass"):
            if subject.i != pronoun.i and subject.lower_ not in PRONOUNS:
                found = [m for s in conjuncts(subject) for m in actors(s, ctx, depth=3)]
                if found:
                    return _unique(found)
    return []


def _unique(mentions: list[Mention]) -> list[Mention]:
    return list(dict.fromkeys(mentions))


def _subjects(verb: Token, ctx: _Context) -> list[Mention]:
    return _unique([m for s in subject_of(verb) for m in actors(s, ctx)])


def _agents(verb: Token, ctx: _Context) -> list[Mention]:
    return _unique([m for _, obj in prep_objects(verb, {"by"}) for o in conjuncts(obj)
                    for m in actors(o, ctx)])


def _is_passive(verb: Token) -> bool:
    return bool(children(verb, "auxpass", "nsubjpass")) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN")


def _evidence(ctx: _Context, cue_tokens: list[Token]) -> Evidence:
    sent = cue_tokens[0].sent
    start = min(t.idx for t in cue_tokens)
    end = max(t.idx + len(t.text) for t in cue_tokens)
    return Evidence(ctx.article_id, sent.text, sent.start_char, sent.end_char,
                    ctx.doc.text[start:end], start, end)


def _claims(ctx: _Context, relation: str, subjects: list[Mention], target: Mention | None,
            trigger: Token, cue_tokens: list[Token], *, role: str | None = None,
            negatable: bool = True) -> Iterator[Claim]:
    negated, negation_cue = is_negated(trigger) if negatable else (False, "")
    if relation == "attends" and trigger.lemma_.lower() in _relation_words("attends",
                                                                          "absent_verbs"):
        # "is skipping the gathering": absence is a negated attendance.
        negated, negation_cue = not negated, f"{negation_cue} {trigger.text}".strip()
    mood, mood_cue = modality(trigger)
    speaker_token = attribution(trigger)
    speaker = None
    if speaker_token is not None:
        speakers = actors(speaker_token, ctx)
        speaker = speakers[0] if speakers else None
        mood = "reported"
    cue = " ".join(dict.fromkeys(" ".join((mood_cue, negation_cue, *(t.text for t in cue_tokens)))
                                 .split()))
    confidence = _BASE_CONFIDENCE - (0.1 if mood in ("expected", "reported") else 0.0)
    for subject in subjects:
        if target is not None and subject.key == target.key:
            continue
        yield Claim(subject, relation, target, _evidence(ctx, cue_tokens), negated=negated,
                    modality=mood, cue=cue, attributed_to=speaker, role=role,
                    confidence=round(confidence, 2))


def _meeting_object(verb: Token, ctx: _Context, preps: set[str]) -> Mention | None:
    for obj in children(verb, "dobj", "attr"):
        if obj.i in ctx.meetings:
            return ctx.meetings[obj.i]
    for _, obj in prep_objects(verb, preps):
        if obj.i in ctx.meetings:
            return ctx.meetings[obj.i]
    if verb.dep_ in ("acl", "relcl") and verb.head.i in ctx.meetings:
        return ctx.meetings[verb.head.i]
    if _is_passive(verb):
        for subject in children(verb, "nsubjpass"):
            if subject.i in ctx.meetings:
                return ctx.meetings[subject.i]
    return None


def _meeting_of_subject_clause(noun: Token, ctx: _Context) -> Mention | None:
    """'ministers, led by Britain, are set to convene' -> the convening."""
    verb = noun.head
    for candidate in [verb, *verb.children]:
        if candidate.i in ctx.meetings and candidate.pos_ == "VERB":
            return ctx.meetings[candidate.i]
        for grandchild in candidate.children:
            if grandchild.dep_ == "xcomp" and grandchild.i in ctx.meetings:
                return ctx.meetings[grandchild.i]
    return None


def _organisation_object(verb: Token, ctx: _Context, preps: set[str]) -> Mention | None:
    candidates = [*children(verb, "dobj"), *(obj for _, obj in prep_objects(verb, preps))]
    for obj in candidates:
        mention = ctx.by_token.get(obj.i)
        if mention is not None and mention.type == "organization":
            return mention
    return None


def _hosts(token: Token, ctx: _Context) -> Iterator[Claim]:
    meeting = _meeting_object(token, ctx, {"over", "at", "to"})
    if meeting is None and token.i in ctx.meetings and children(token, "dobj"):
        meeting = ctx.meetings[token.i]
    if meeting is None and token.dep_ == "acl":
        meeting = _meeting_of_subject_clause(token.head, ctx)
    if meeting is None and not children(token, "dobj") and token.lemma_.lower() in \
            _relation_words("hosts", "objectless"):
        meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is None:
        return
    hosts = _agents(token, ctx) if _is_passive(token) else _subjects(token, ctx)
    hosts += [m for m in _joined_hosts(token, ctx) if m not in hosts]
    yield from _claims(ctx, "hosts", hosts, meeting, token, [token])


def _joined_hosts(token: Token, ctx: _Context) -> list[Mention]:
    """'Macron and Merz will join Starmer in hosting ...' -> Starmer hosts too."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_.lower() not in \
            _relation_words("hosts", "joining_verbs"):
        return []
    return [m for obj in children(prep.head, "dobj") for o in conjuncts(obj)
            for m in actors(o, ctx)]


def _required_words(token: Token) -> list[str]:
    """Words an attendance verb needs to count ("take" needs "part")."""
    requires: dict[str, list[str]] = lexicon()["relations"]["attends"].get("requires", {})
    return requires.get(token.lemma_.lower(), [])


def _requirement_met(token: Token) -> bool:
    required = _required_words(token)
    if not required:
        return True
    related = [c for c in token.children if c.dep_ not in ("aux", "auxpass", "mark")]
    related.append(token.head)
    return any(t.lower_ in required or t.lemma_.lower() in required for t in related)


def _attends(token: Token, ctx: _Context) -> Iterator[Claim]:
    if not _requirement_met(token):
        return
    preps = {"in", "at", "to", "for"}
    if token.i in ctx.meetings and token.pos_ == "VERB":
        return  # a meeting stated by this verb: see _verb_meeting_parties
    organisation = _organisation_object(token, ctx, {"in"})
    meeting = _meeting_object(token, ctx, preps)
    if meeting is None and organisation is not None and token.lemma_.lower() in _relation_words(
            "member_of", "verbs"):
        ended = token.dep_ in ("xcomp", "pcomp") and token.head.lemma_.lower() in \
            _relation_words("member_of", "ending_verbs")
        relation = "withdrew_from" if ended else "member_of"
        cue = [token.head, token] if ended else [token]
        yield from _claims(ctx, relation, _subjects(token, ctx), organisation, token, cue)
        return
    required = _required_words(token)
    objects = [o for o in children(token, "dobj") if o.lower_ not in required]
    if meeting is None and not objects and not list(prep_objects(token, preps)) \
            and token.lemma_.lower() in _relation_words("attends", "objectless"):
        meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is None:
        return
    passive_attendee = token.lemma_.lower() == "represent" and _is_passive(token)
    if token.lemma_.lower() == "represent" and not passive_attendee:
        return
    cue = [token, *[c for c in token.children if c.dep_ == "prt"]]
    attendees = _subjects(token, ctx)
    if passive_attendee:
        # "Britain will be represented by its energy secretary, Alan Hargreaves"
        attendees += [m for m in _agents(token, ctx) if m not in attendees]
    attendees += [m for m in _companions(token, ctx) if m not in attendees]
    attendees += [m for m in _listed_attendees(token, ctx) if m not in attendees]
    yield from _claims(ctx, "attends", attendees, meeting, token, cue)


def _listed_attendees(token: Token, ctx: _Context) -> list[Mention]:
    """'leaders attending the summit' -> the leaders; 'Among the leaders attending ... will
    be A, B and C' and 'A was among those attending' -> A, B and C."""
    if token.dep_ != "acl":
        return []
    noun = token.head
    found = list(actors(noun, ctx))
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        clause = noun.head.head
        for named in children(clause, "nsubj", "nsubjpass", "attr"):
            found.extend(m for o in conjuncts(named) for m in actors(o, ctx))
    return _unique(found)


def _companions(token: Token, ctx: _Context) -> list[Mention]:
    """'will join the meeting as a guest, alongside Dr Fatih Birol' -> Birol too."""
    found: list[Mention] = []
    companions = words("relations", "attends", "companions") - {"with"}
    anchors = [token, *(o for o in children(token, "dobj") if o.i in ctx.meetings)]
    for anchor in anchors:
        for _, obj in prep_objects(anchor, companions):
            found.extend(m for o in conjuncts(obj) for m in actors(o, ctx))
    return _unique(found)


def _invitation(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'meeting this Saturday in Niamey, at the invitation of Niger' -> Niger hosts."""
    if token.lemma_.lower() not in _relation_words("hosts", "invitation_nouns"):
        return
    inviters = [m for _, obj in prep_objects(token, {"of"}) for o in conjuncts(obj)
                for m in actors(o, ctx)]
    clause = next((a for a in token.ancestors if a.i in ctx.meetings), None)
    meeting = ctx.meetings[clause.i] if clause is not None else focus_meeting(
        ctx.meetings, token.i, ctx.sentence_of[token.i], window=0)
    if inviters and meeting is not None:
        yield from _claims(ctx, "hosts", inviters, meeting, token, [token])


def _membership_noun(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'Iceland, the only JEF member, ...', 'Sweden is a founding member of the JEF'."""
    if token.pos_ != "NOUN" or token.lower_ not in _relation_words("member_of", "nouns"):
        return
    bodies = [ctx.by_token[c.i] for c in token.children
              if c.dep_ in ("compound", "poss") and c.i in ctx.by_token]
    bodies += [m for _, obj in prep_objects(token, {"of"}) for m in actors(obj, ctx)]
    bodies = [b for b in bodies if b.type == "organization"]
    if not bodies:
        return
    if token.dep_ == "appos":
        members = actors(token.head, ctx)
    elif token.dep_ == "attr":
        members = _subjects(token.head, ctx)
    else:
        return
    members = [m for m in members if m.type in ("country", "organization", "person")]
    yield from _claims(ctx, "member_of", members, bodies[0], token, [token])


def _founds(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'formed the Alliance of Sahel States' -> member_of."""
    if token.lemma_.lower() not in _relation_words("member_of", "verbs") - {"join",
                                                                             "participate"}:
        return
    organisation = _organisation_object(token, ctx, set())
    if organisation is not None:
        yield from _claims(ctx, "member_of", _subjects(token, ctx), organisation, token, [token])


def _leads_delegation(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'Finch is expected to lead the American delegation' -> Finch attends."""
    if token.lemma_.lower() not in _relation_words("attends", "delegation_verbs"):
        return
    nouns = _relation_words("attends", "delegation_nouns")
    if not any(obj.lower_ in nouns for obj in children(token, "dobj")):
        return
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is not None:
        yield from _claims(ctx, "attends", _subjects(token, ctx), meeting, token, [token])


def _travels_to_venue(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'Kessler will travel to Tromsø' when a meeting of the article is in Tromsø."""
    if token.lemma_.lower() not in ("travel", "fly", "go", "come", "head"):
        return
    for _, place in prep_objects(token, {"to"}):
        mention = ctx.by_token.get(place.i)
        if mention is None or mention.type not in ("location", "country", "organization"):
            continue
        venues = [m for m in ctx.meetings.values() if m.venue and m.venue == mention.text]
        focus = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
        target = focus if focus in venues else (venues[0] if venues else None)
        if target is not None:
            yield from _claims(ctx, "attends", _subjects(token, ctx), target, token, [token])


def _verb_meeting_parties(token: Token, ctx: _Context) -> Iterator[Claim]:
    """A meeting stated by a verb: 'Biden will meet Netanyahu', 'Xi met with Putin',
    'the leaders spoke by phone', 'Trump will host Netanyahu' -> who attends.

    The subject meets the objects and partners; a host's guests attend (the host
    itself is read by the hosts rule).
    """
    meeting = ctx.meetings.get(token.i)
    if meeting is None or token.pos_ != "VERB":
        return
    others = [m for obj in children(token, "dobj") for o in conjuncts(obj)
              for m in actors(o, ctx)]
    others += [m for _, obj in prep_objects(token, {"with"}) for o in conjuncts(obj)
               for m in actors(o, ctx)]
    others += _companions(token, ctx)
    hosting = token.lemma_.lower() in words("meetings", "hosting_verbs") and children(
        token, "dobj")
    attendees = others if hosting else [*_subjects(token, ctx), *others]
    yield from _claims(ctx, "attends", _unique(attendees), meeting, token, [token])


def _attendee_list(token: Token, ctx: _Context) -> Iterator[Claim]:
    """'Notable attendees include A, B and C', 'Participants at the talks were A and B'."""
    if token.lower_ not in _relation_words("attends", "attendee_nouns") or token.dep_ not in (
            "nsubj", "nsubjpass") or token.head.lemma_.lower() not in _relation_words(
            "attends", "listing_verbs"):
        return
    verb = token.head
    own = [ctx.meetings[o.i] for _, o in prep_objects(token, {"at", "of", "in"})
           if o.i in ctx.meetings]
    meeting = own[0] if own else focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i])
    if meeting is None:
        return
    listed = [m for obj in children(verb, "dobj", "attr") for o in conjuncts(obj)
              for m in actors(o, ctx)]
    yield from _claims(ctx, "attends", _unique(listed), meeting, verb, [token, verb])


def _noun_meeting_parties(token: Token, ctx: _Context) -> Iterator[Claim]:
    """The parties a meeting noun names itself: 'talks between Russia and Ukraine', 'a
    meeting with Putin', 'the meeting of the coalition', 'the Trump-Putin summit',
    'Putin's meeting with Trump', 'the NATO summit'."""
    meeting = ctx.meetings.get(token.i)
    if meeting is None or token.pos_ == "VERB":
        return
    preps = _relation_words("attends", "frame_preps")
    if meeting.kind == "call":
        preps |= _relation_words("attends", "call_preps")
    for prep, obj in prep_objects(token, preps):
        parties = [m for o in conjuncts(obj) for m in actors(o, ctx)]
        if prep.lower_ == "of":
            # "a meeting of the coalition", "a summit of NATO leaders"; not "a meeting of
            # minds" nor the topic in "talks of a ceasefire".
            parties = [m for m in parties if m.type == "organization"
                       or obj.lemma_.lower() in words("people", "role_nouns")]
        yield from _claims(ctx, "attends", parties, meeting, token, [token, prep],
                           negatable=False)
    named = [ctx.by_token[t.i] for t in token.lefts
             for t in t.subtree if t.i in ctx.by_token and t.dep_ != "prep"]
    named = _unique([m for m in named if m.type in ACTORS])
    countries = [m for m in named if m.type == "country"]
    possessors = {ctx.by_token[c.i] for c in children(token, "poss") if c.i in ctx.by_token}
    # "their bilateral summit", "his meeting with Xi": the pronoun's antecedents.
    pronouns = [m for c in children(token, "poss") if c.lower_ in PRONOUNS
                for m in actors(c, ctx)]
    possessors.update(pronouns)
    named = _unique([*named, *pronouns])
    # One country before a meeting noun is usually its topic or place ("the Ukraine
    # summit"); two are its parties ("US-China talks"). Of bodies, only known ones meet
    # ("the NATO summit"); "the White House talks" names the venue.
    parties = [m for m in named if m in possessors or m.type == "person"
               or (m.type == "country" and len(countries) > 1)
               or (m.type == "organization" and m.key in place_by_key())]
    yield from _claims(ctx, "attends", parties, meeting, token, [token], negatable=False)


def _clause_parties(token: Token, ctx: _Context) -> Iterator[Claim]:
    """Who takes part, read from the clause a meeting noun sits in.

    "the two sides held talks" (subject of a holding verb; "Biden held a summit"
    hosts); "vowed ... during a meeting in Tokyo", "failed to reach a deal at a
    summit", "spoke on the sidelines of the summit" (subject of what happens there);
    "flew to Washington for talks"; "the summit brought together leaders of ...";
    "Trump invited Putin to a summit".
    """
    meeting = ctx.meetings.get(token.i)
    if meeting is None or token.pos_ == "VERB":
        return
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _relation_words(
            "attends", "gathering_verbs"):
        parties = [m for obj in children(head, "dobj") for o in conjuncts(obj)
                   for m in actors(o, ctx)]
        yield from _claims(ctx, "attends", parties, meeting, head, [head, token],
                           negatable=False)
        return
    position = token
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
            "meetings", "round_nouns"):
        # "a fresh round of Syria talks", "on the sidelines of the summit"
        position = head.head
    margin = position.lemma_.lower() in _relation_words("attends", "margin_nouns")
    holder = position.head
    if position.dep_ == "dobj" and holder.lemma_.lower() in _relation_words("attends",
                                                                           "holding_verbs"):
        hosting = token.lemma_.lower() in _relation_words("hosts", "holding_nouns") \
            and holder.lemma_.lower() == "hold"
        yield from _claims(ctx, "hosts" if hosting else "attends", _subjects(holder, ctx),
                           meeting, holder, [holder, token])
        partners = [m for _, obj in prep_objects(holder, {"with"}) for o in conjuncts(obj)
                    for m in actors(o, ctx)]
        yield from _claims(ctx, "attends", partners, meeting, holder, [holder, token])
        return
    if position.dep_ != "pobj" or position.head.dep_ not in ("prep", "agent"):
        return
    prep, verb = position.head, position.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    lemma = verb.lemma_.lower()
    if lemma in _relation_words("hosts", "verbs") or (
            lemma in _relation_words("attends", "verbs") and _requirement_met(verb)):
        return  # read by the hosts and attends rules
    if lemma in _relation_words("attends", "inviting_verbs") and prep.lower_ == "to":
        guests = [m for o in children(verb, "dobj", "nsubjpass") for o2 in conjuncts(o)
                  for m in actors(o2, ctx)]
        yield from _claims(ctx, "attends", guests, meeting, verb, [verb])
        if not _is_passive(verb):
            yield from _claims(ctx, "hosts", _subjects(verb, ctx), meeting, verb, [verb])
        return
    inside = prep.lower_ in _relation_words("attends", "inside_preps") or margin
    travelling = prep.lower_ == "for" and lemma in _relation_words("attends", "travel_verbs")
    travelling |= prep.lower_ == "with" and lemma in _relation_words("attends",
                                                                     "continuing_verbs")
    engaged = prep.lower_ == "in" and token.lemma_.lower() in words("meetings", "weak_nouns")
    if inside or travelling or engaged:
        # What happens at a meeting does not negate being there: "failed to reach a deal
        # at the summit".
        yield from _claims(ctx, "attends", _subjects(verb, ctx), meeting, verb,
                           [verb, prep], negatable=False)


def _declines_troops(token: Token, ctx: _Context) -> Iterator[Claim]:
    objects = _relation_words("declines_troops", "objects")
    troops = [obj for obj in children(token, "dobj") for obj in conjuncts(obj)
              if obj.lower_ in objects or obj.lemma_.lower() in objects]
    if not troops or not is_negated(token)[0]:
        return
    for claim in _claims(ctx, "declines_troops", _subjects(token, ctx), None, token,
                         [token, troops[0]]):
        yield Claim(claim.subject, claim.relation, None, claim.evidence, negated=False,
                    modality=claim.modality, cue=claim.cue, attributed_to=claim.attributed_to,
                    confidence=claim.confidence)


def _threat_sources(noun: Token, ctx: _Context) -> list[Mention]:
    found: list[Mention] = []
    for _, obj in prep_objects(noun, {"from", "by", "of", "posed"}):
        found.extend(m for o in conjuncts(obj) for m in actors(o, ctx))
    for child in noun.children:
        if child.dep_ == "acl":
            found.extend(_agents(child, ctx))
        if child.dep_ in ("amod", "compound") and child.i in ctx.by_token:
            mention = ctx.by_token[child.i]
            if mention.type in ACTORS:
                found.append(mention)
    return _unique(found)


def _pair(subjects: list[Mention], sources: list[Mention],
          respectively: bool) -> Iterator[tuple[Mention, Mention]]:
    if respectively and len(subjects) == len(sources):
        yield from zip(subjects, sources, strict=True)
        return
    for subject in subjects:
        for source in sources:
            yield subject, source


def _cites_threat(token: Token, ctx: _Context) -> Iterator[Claim]:
    threat_nouns = _relation_words("cites_threat", "nouns")
    verb: Token | None = None
    nouns: list[Token] = []
    causal_phrase = False
    if token.lemma_.lower() in _relation_words("cites_threat", "verbs") and token.pos_ == "VERB":
        nouns = [n for obj in children(token, "dobj") for n in conjuncts(obj)
                 if n.lemma_.lower() in threat_nouns or n.lower_ in threat_nouns]
        verb = token
    elif token.lemma_.lower() in threat_nouns and token.pos_ == "NOUN":
        causal = token.doc[max(0, token.i - 4): token.i].text.lower()
        if any(phrase in causal for phrase in _relation_words("cites_threat", "causal")
               if " " in phrase):
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            nouns = [token]
            causal_phrase = True
    if verb is None or not nouns:
        return
    subjects = _subjects(verb, ctx)
    respectively = any(t.lower_ == "respectively" for t in token.sent)
    sources = _unique([m for noun in nouns for m in _threat_sources(noun, ctx)])
    for subject, source in _pair(subjects, sources, respectively):
        cue = [nouns[0]] if causal_phrase else [verb, nouns[0]]
        yield from _claims(ctx, "cites_threat", [subject], source, verb, cue,
                           negatable=not causal_phrase)


def _withdrew_from(token: Token, ctx: _Context) -> Iterator[Claim]:
    lemma = token.lemma_.lower()
    required = _particles("withdrew_from").get(lemma)
    particles = [c for c in token.children if c.dep_ in ("prt", "advmod", "prep")
                 and (not required or c.lower_ in required)]
    if required and not any(p.lower_ in required for p in particles):
        return
    target: Mention | None = None
    for anchor in [token, *particles]:
        for _, obj in prep_objects(anchor, {"from", "of"}):
            target = target or next(iter(actors(obj, ctx)), None)
    if target is None and lemma in ("leave", "quit", "exit", "abandon"):
        target = _organisation_object(token, ctx, set())
    if target is None or target.type != "organization":
        return
    yield from _claims(ctx, "withdrew_from", _subjects(token, ctx), target, token,
                       [token, *particles[:1]])


def _met_with(token: Token, ctx: _Context) -> Iterator[Claim]:
    nouns = _relation_words("met_with", "nouns")
    anchors = [token]
    if token.lemma_.lower() == "have":
        anchors = [obj for obj in children(token, "dobj") if obj.lower_ in nouns]
    elif token.lemma_.lower() not in _relation_words("met_with", "verbs"):
        return
    for anchor in anchors:
        partners = [m for _, obj in prep_objects(anchor, {"with"}) for o in conjuncts(obj)
                    for m in actors(o, ctx) if m.type in ("person", "country")]
        subjects = [s for s in _subjects(token, ctx) if s.type in ("person", "country")]
        for partner in partners:
            yield from _claims(ctx, "met_with", subjects, partner, token, [anchor])


def relation_claims(doc: Doc, article_id: str, by_token: dict[int, Mention],
                    meetings: dict[int, Mention], sentence_of: dict[int, int],
                    refs: dict[int, list[Mention]]) -> list[Claim]:
    """Every relation claim the rules find in one parsed article."""
    ctx = _Context(doc, article_id, by_token, meetings, sentence_of, refs)
    host_verbs = _relation_words("hosts", "verbs")
    attend_verbs = _relation_words("attends", "verbs")
    troop_verbs = _relation_words("declines_troops", "verbs")
    withdraw_verbs = _relation_words("withdrew_from", "verbs")
    claims: list[Claim] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            if lemma in host_verbs and token.pos_ == "VERB":
                claims.extend(_hosts(token, ctx))
            if lemma in attend_verbs and (token.i in meetings or lemma not in host_verbs
                                          or _meeting_object(token, ctx, {"in", "at"})):
                claims.extend(_attends(token, ctx))
            if lemma in troop_verbs:
                claims.extend(_declines_troops(token, ctx))
            if lemma in withdraw_verbs:
                claims.extend(_withdrew_from(token, ctx))
            claims.extend(_met_with(token, ctx))
            claims.extend(_founds(token, ctx))
            claims.extend(_leads_delegation(token, ctx))
            claims.extend(_travels_to_venue(token, ctx))
        claims.extend(_cites_threat(token, ctx))
        claims.extend(_invitation(token, ctx))
        claims.extend(_membership_noun(token, ctx))
        claims.extend(_attendee_list(token, ctx))
        if token.i in meetings:
            claims.extend(_verb_meeting_parties(token, ctx))
            claims.extend(_noun_meeting_parties(token, ctx))
            claims.extend(_clause_parties(token, ctx))
    return list(dict.fromkeys(claims))
