"""Doc -> meeting mentions, resolved within the article.

A meeting is named by a noun ("the summit", "Thursday's meeting") or implied
by a verb whose subject meets ("ministers will convene at NATO on Thursday").
Each mention records its date expression, venue and the group that meets.
Within one article mentions are chained: a dated mention joins the meeting of
the same class and date; an anaphoric or undated one ("this gathering", "the
meeting") joins the meeting in focus; "previous meetings" starts nothing.
``words`` says which nouns name a meeting, ``verbs`` which verbs state one, ``names``
what a meeting is called, ``when_where`` reads dates and places, ``clusters`` keeps what
the article has told so far, and ``graphbuild.meeting_identity`` says when two mentions
may be one meeting.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from graphbuild.extract.meetings.clusters import (
    Cluster,
    add_mention,
    body_beside_pair,
    choose_cluster,
    finalise,
    in_person_focus,
    same_people_before,
    told_in_headline,
)
from graphbuild.extract.meetings.names import (
    meeting_name_head,
    name_words,
    short_names,
    span_text,
)
from graphbuild.extract.meetings.verbs import meeting_verbs, said_later, stated_kind
from graphbuild.extract.meetings.when_where import date_of, group_of, venue_of
from graphbuild.extract.meetings.words import (
    describes_focus,
    explicit_kind,
    framed,
    goes_to,
    has_contrastive,
    on_the_margins,
    own_parties,
    sequenced_with,
    several_meetings,
)
from graphbuild.extract.syntax import is_topic, prep_objects, tokens_with
from graphbuild.lexicon import place_by_key, words
from graphbuild.meeting_identity import (
    Facts,
    bodies_agree,
    dates_agree,
    dates_may_restate,
    dates_nest,
    may_be_one,
    named_apart,
    same_place,
    venues_conflict,
)
from graphbuild.types import Mention


def meeting_mentions(doc: Doc, article_id: str, by_token: dict[int, Mention],
                     sentence_of: dict[int, int], *, headline_end: int = 0
                     ) -> dict[int, Mention]:
    """Token index of each meeting word -> its article-resolved meeting Mention.

    Text before ``headline_end`` is the headline: a meeting it names is the first meeting
    of the body that may be it, whatever noun or verb the body uses ("Erdogan meets US
    counterpart at NATO summit" over "Erdogan and Biden held talks ...").
    """
    clusters: list[Cluster] = []
    pending: list[tuple[int, Mention, str]] = []
    weak_pending: set[int] = set()
    pending_names: dict[int, frozenset[str]] = {}
    pending_facts: dict[int, Facts] = {}
    assigned: dict[int, tuple[int, Mention]] = {}
    focus: dict[str, int] = {}
    strong_focus: dict[str, int] = {}
    last_touched: int | None = None
    # Word the parser made the head of a meeting's name -> the meeting noun.
    stand_ins: dict[int, int] = {}
    acronyms = short_names(doc, by_token)
    for token in tokens_with(doc, lemmas=_trigger_lemmas(), lowers=words("meetings", "nouns"),
                             texts=acronyms):
        named = acronyms.get(token.text)
        explicit: tuple[str, bool, bool] | None
        if named is not None:
            # "... Meeting (CHOGM)" ... "attending CHOGM": the named meeting again.
            explicit = (explicit_kind(named, by_token) or ("meeting", False, False))[0], \
                True, False
        else:
            explicit = explicit_kind(token, by_token)
        stated = None if explicit else stated_kind(token, by_token)
        implicit = stated is not None
        if explicit is None and stated is None:
            continue
        kind, anaphoric, weak = explicit if explicit else (stated[0] if stated else "meeting",
                                                          False, False)
        # "met on the sidelines of the summit", "within the framework of the Normandy
        # summit": the summit told, or another named in passing, never the meeting it
        # frames; "the previous summit" is another meeting named in passing.
        frames = explicit is not None and on_the_margins(token)
        contrastive = explicit is not None and (has_contrastive(token) or is_topic(token)
                                                or frames)
        if contrastive and not clusters and sentence_of[token.i] <= _LEAD_SENTENCES and all(
                c.lower_ in words("meetings", "lead_ordinals") for c in token.children
                if c.dep_ in ("amod", "det") and c.lower_ in words("meetings", "contrastive")):
            contrastive = False  # "the first Euro-Mediterranean summit" a lead tells of
            # "During their first phone talks, ...": the talks reported
            anaphoric = anaphoric or any(c.dep_ in ("det", "poss") and c.lower_ in words(
                "meetings", "anaphoric") for c in token.children)
        # "held talks on Friday, their first meeting since 2023": restates a meeting told
        # earlier in the same sentence.
        restates = explicit is not None and describes_focus(token) and (
            token.dep_ == "attr" or (last_touched is not None and clusters[last_touched]
                                     .mentions[-1].sentence == sentence_of[token.i]))
        if restates:
            anaphoric, contrastive = True, False
        if contrastive:
            anaphoric = False
        refers_back = anaphoric or weak or (stated is not None and stated[1])
        later = stated is not None and said_later(token)
        date = None if later else date_of(token)
        venue = venue_of(token, by_token)
        group = group_of(token, by_token)
        if named is not None:
            start, end, text = token.idx, token.idx + len(token.text), token.text
        elif explicit:
            start, end, text = span_text(token)
            head = meeting_name_head(token)
            if head is not None:
                stand_ins[head.i] = token.i
                date = date or (None if later else date_of(head))
                venue = venue or venue_of(head, by_token)
                # "the Commonwealth Heads of Government Meeting", parsed with "Heads" as head
                group = group or group_of(head, by_token)
        else:
            start, end, text = token.idx, token.idx + len(token.text), token.text
        if weak and not anaphoric and not date and not framed(token, by_token, venue):
            continue
        mention = Mention(article_id, start, end, text, "meeting", "", sentence_of[token.i],
                          date=date, venue=venue, group=group, kind=kind, implicit=implicit)
        parties = own_parties(token, by_token)
        facts = Facts(kind, date, venue, group, frozenset(parties))
        target = choose_cluster(clusters, focus if weak else strong_focus, kind, date,
                                 contrastive=contrastive and not frames, weak=weak)
        if restates and target is None:
            target = last_touched
        if target is None and date and not contrastive and kind in strong_focus:
            # "the SCO summit in July" ... "the summit hosted by Tokayev on July 3-4"
            # "a conference in Warsaw next month" ... "the Feb. 13-14 conference"
            told = clusters[strong_focus[kind]]
            # "An extraordinary summit of SADC set for April 29" ... "The summit of the SADC
            # Organ that was scheduled for Thursday": one body's, dated two ways
            same_body = bool(told.kind == kind and told.group and group
                             and bodies_agree(told.group, group))
            if told.date and (dates_nest(told.date, date) or anaphoric and (dates_may_restate(
                    told.date, date) or same_body and dates_agree(told.date, date) == "unknown"
            )) and may_be_one(told, facts):
                target = strong_focus[kind]
        if target is None and date and date.lower() in words("meetings", "present_days") \
                and not contrastive and kind != "call":
            # "today's meeting" while an undated summit is told: the one being reported
            target = next((i for i in in_person_focus(clusters, strong_focus, facts)
                           if clusters[i].date in (None, date)), None)
        if target is None and explicit and venue and not contrastive and kind != "call":
            # "today's meeting ... at the Geneva talks" while the Geneva summit is told: a
            # meeting in the place of the one in focus, whatever its noun, is that one.
            target = next((i for i in in_person_focus(clusters, strong_focus, facts)
                           if same_place(clusters[i], facts)), None)
        if explicit and anaphoric and group and not date:
            # "the NATO ministers' meeting" after a visit: the body's meeting told before.
            target = next((i for i in reversed(range(len(clusters)))
                           if clusters[i].group == group and not clusters[i].contrasted), target)
        if stated is not None and not refers_back and not date or later:
            # "Zelensky and Macron are meeting in Paris" ... "After meeting with Macron":
            # the same people meeting again, undated, are the meeting told.
            target = None if later else same_people_before(clusters, facts)
        if target is not None and explicit and not (anaphoric or weak or date) and \
                sentence_of[token.i] - clusters[target].mentions[-1].sentence > 1:
            target = None  # "a meeting" two sentences on is introduced, not referred to
        if target is not None and explicit and not (anaphoric or date) \
                and several_meetings(token):
            target = None  # "a series of phone conversations with world leaders": others
        names = name_words(named or token, by_token) if explicit else frozenset()
        if target is not None and named_apart(names, clusters[target].names):
            target = None  # "the G20 Summit" ... "the East Asia Summit": two summits
        if target is not None and anaphoric and venues_conflict(venue, clusters[target].venue):
            # "that summit in the Czech capital" after the Moldova summit and "an inaugural
            # meeting in Prague": the meeting told there
            target = next((i for i in reversed(range(len(clusters)))
                           if clusters[i].venue and not venues_conflict(venue, clusters[i].venue)
                           and (clusters[i].kind == "call") == (kind == "call")), None)
        if explicit and anaphoric and names and not date and (
                target is None or not clusters[target].names & names):
            # "The Forum Foreign Ministers meeting" after "... meet in Tonga": the meeting
            # named so before, not the one last told.
            target = next((i for i in reversed(range(len(clusters)))
                           if clusters[i].names & names and not clusters[i].contrasted
                           and may_be_one(clusters[i], facts)), target)
        if target is not None and (not anaphoric or len(parties) > 1) and not may_be_one(
                clusters[target], replace(facts, kind=clusters[target].kind) if weak else facts):
            # "the DPRK-US summit" after "the inter-Korean summit" names other parties;
            # "the negotiations between Scholz and Putin" may be their call
            target = None
        told_body = clusters[target].group if target is not None else None
        if group in place_by_key() and told_body in place_by_key() \
                and not bodies_agree(group, told_body or ""):
            # "the recent G7 meeting" while EU ministers meet: another known body's meeting
            # (not "the Eastern Partnership summit" after "an EU summit")
            target = None
        if target is None and explicit and (anaphoric or weak and not (date or venue or parties)) \
                and last_touched is not None \
                and not body_beside_pair(group, clusters[last_touched]) \
                and kind not in focus and may_be_one(clusters[last_touched], replace(
                    facts, kind=clusters[last_touched].kind) if weak else facts):
            # "the Riga gathering" or "the talks" after "the JEF summit": the meeting in
            # focus, whatever noun this outlet uses for it, and dated or not ("the two-day
            # conference, beginning yesterday"); "talks" may be a call, "the summit" may
            # not, and "talks between Japan and the DPRK" are not the inter-Korean summit.
            target = last_touched
        if target is not None and any(assigned.get(i, (None,))[0] == target
                                      for i in sequenced_with(token)):
            target = None  # "the banquet after their summit": two meetings
        if target is None and weak and token.lemma_.lower() in words("meetings",
                                                                     "ceremony_nouns"):
            continue  # "The ceremony, on 27 February" at the Oscars: only ever one told
        if target is None and not date and (weak or (explicit and anaphoric)):
            pending.append((token.i, mention, kind))
            pending_names[token.i] = names
            pending_facts[token.i] = facts
            if weak and not parties and not venue:
                weak_pending.add(token.i)  # "the talks" with no parties or place of its own
            continue
        # ("a meeting with the president" is someone's, named or not)
        bare = explicit is not None and not (anaphoric or date or venue or group or parties
                                             or goes_to(token)
                                             or any(prep_objects(token, {"with", "between"})))
        if target is None and bare and kind in strong_focus:
            # "There cannot be a summit if ..." far from the story's summit: a meeting in
            # general, which does not take the focus from the one being told.
            contrastive = True
        if target is None and token.idx >= headline_end and not contrastive \
                and sentence_of[token.i] <= _LEAD_SENTENCES:
            target = told_in_headline(clusters, facts, headline_end)
        if target is None and explicit and group and not contrastive \
                and sentence_of[token.i] <= _LEAD_SENTENCES:
            # "a regional meeting he was due to chair" ... "a summit of a division of the
            # SADC": in a lead, one body's meeting told again with another noun
            target = next((i for i, c in enumerate(clusters) if c.group and not c.contrasted
                           and bodies_agree(c.group, group)
                           and may_be_one(c, replace(facts, kind=c.kind))), None)
        if target is None:
            clusters.append(Cluster(kind, contrasted=contrastive))
            target = len(clusters) - 1
        add_mention(clusters[target], mention)
        clusters[target].participants |= parties
        clusters[target].names |= names
        assigned[token.i] = (target, mention)
        if contrastive:
            continue  # another meeting mentioned in passing does not take the focus
        focus[kind] = target
        last_touched = target
        if not weak:
            strong_focus[kind] = target
        for index, waiting, waiting_kind in list(pending):
            # "this week's CIS summit" ... "the upcoming meeting of CIS leaders": one body's
            body = pending_facts[index].group
            same_body = body is not None and body == clusters[target].group \
                and "call" not in (waiting_kind, kind)
            if (waiting_kind == kind or same_body) and not named_apart(
                    pending_names[index], clusters[target].names):
                add_mention(clusters[target], waiting)
                clusters[target].names |= pending_names[index]
                assigned[index] = (target, waiting)
                pending.remove((index, waiting, waiting_kind))
    # "The meeting of X ..." with nothing before or after to refer to: a meeting of its own,
    # one per name ("the 26th China-ASEAN Summit, the 18th East Asia Summit").
    made: dict[tuple[str, frozenset[str]], int] = {}
    last_made: dict[bool, int] = {}  # by whether it is a call
    for index, waiting, kind in pending:
        if index in weak_pending:
            continue
        key = (kind, pending_names[index])
        if not pending_names[index] and (kind == "call") in last_made and may_be_one(
                clusters[last_made[kind == "call"]], pending_facts[index]):
            # "the OSCE meeting in Lodz" ... "Poland will host the meeting", "the Andean
            # summit" ... "the two-day conference": the same one; not "talks between Japan
            # and Russia" after the inter-Korean summit.
            key = next(k for k, v in made.items() if v == last_made[kind == "call"])
        if key not in made:
            clusters.append(Cluster(kind, names=set(pending_names[index])))
            made[key] = len(clusters) - 1
        add_mention(clusters[made[key]], waiting)
        clusters[made[key]].participants |= pending_facts[index].participants
        assigned[index] = (made[key], waiting)
        last_made[kind == "call"] = made[key]
    # "the event hosted by Biden" after "the Summit": the nearest meeting before it.
    for index, waiting, _ in pending:
        if index in assigned:
            continue
        before = [i for i in assigned if i < index]
        if before:
            target = assigned[max(before)][0]
            add_mention(clusters[target], waiting)
            assigned[index] = (target, waiting)
    found = finalise(article_id, clusters, assigned)
    for stand_in, noun in stand_ins.items():
        if noun in found and stand_in not in found:
            found[stand_in] = found[noun]
    return found

@cache
def _trigger_lemmas() -> frozenset[str]:
    """Every word that may name a meeting: meeting nouns, the nouns that need a frame
    ("a phone call", "a state dinner", "a visit to Kim") and the meeting verbs."""
    return frozenset().union(words("meetings", "nouns"), words("meetings", "name_tails"),
                             meeting_verbs(), *(
        words("meetings", name) for name in ("visit_nouns", "call_nouns", "meal_nouns",
                                             "ceremony_nouns", "virtual_nouns")))


# A headline sums up the lead: its meetings are looked for in the first sentences only.
_LEAD_SENTENCES = 4


def focus_meeting(meetings: dict[int, Mention], token_index: int, sentence: int,
                  *, window: int = 8, in_person: bool = False) -> Mention | None:
    """The latest meeting mentioned before a token, within a few sentences; with
    ``in_person``, not a call (no one is "present" at a phone call)."""
    before = [(i, m) for i, m in meetings.items() if i < token_index
              and sentence - m.sentence <= window and not (in_person and m.kind == "call")]
    return max(before, key=lambda pair: pair[0])[1] if before else None
