"""Doc -> meeting mentions, resolved within the article.

A meeting is named by a noun ("the summit", "Thursday's meeting") or implied
by a verb whose subject meets ("ministers will convene at NATO on Thursday").
Each mention records its date expression, venue and the group that meets.
Within one article mentions are chained: a dated mention joins the meeting of
the same class and date; an anaphoric or undated one ("this gathering", "the
meeting") joins the meeting in focus; "previous meetings" starts nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from graphbuild.extract.syntax import children, prep_objects
from graphbuild.lexicon import words
from graphbuild.meeting_identity import Facts, dates_agree, may_be_one
from graphbuild.types import Mention

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class _Cluster:
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    date: str | None = None
    venue: str | None = None
    group: str | None = None
    participants: set[str] = field(default_factory=set)
    contrasted: bool = False


def normalise_date(text: str) -> str:
    """A comparable form of a date expression.

    >>> normalise_date("this Thursday afternoon")
    'Thursday'
    >>> normalise_date("the end of last month")
    'end of last month'
    """
    for day in WEEKDAYS:
        if re.search(rf"\b{day}\b", text, flags=re.IGNORECASE):
            return day
    return re.sub(r"^(the|this|on)\s+", "", text.strip(), flags=re.IGNORECASE)


# "this week", "this year": true of any meeting in the story, so no date at all.
_VAGUE = re.compile(r"(this|the|these) (week|month|year|days?)|(week|month|year)"
                    r"|daily|weekly|monthly|annual|annually|yearly|regular|every \w+"
                    r"|((this|next|last) )?(spring|summer|autumn|fall|winter)", re.I)


# "a two-day meeting", "48-hour talks", "a day after the summit": how long or how far
# from another event, not when.
_NUMBER_WORDS = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)"
_DURATION = re.compile(
    rf"\b(\w+-(day|week|hour)s?|{_NUMBER_WORDS} (days?|hours?|weeks?|nights?)"
    r"|(day|week)-long|the (day|week) (before|after)|(the )?next day)\b",
    re.IGNORECASE)
_CLIMB = {"acl", "pobj", "pcomp", "prep", "xcomp", "nsubj", "nsubjpass", "dobj", "relcl", "advcl"}


def _date_of(token: Token) -> str | None:
    """The date expression attached to a meeting word or to the verbs above it.

    Looks in the word's own phrase first ("the group's meeting on Friday",
    "Thursday's meeting", "the meeting, which will take place on Friday"),
    then at the direct modifiers of the governing verbs ("are expected, on
    Friday, to convene"), never inside sibling clauses ("visited Kyiv last week").
    """
    dates = [ent for ent in token.sent.ents if ent.label_ == "DATE"
             and not _VAGUE.fullmatch(ent.text.strip())
             and not (ent.start > 0 and token.doc[ent.start - 1].lower_ in words(
                 "meetings", "bounding_preps"))
             and (not _DURATION.search(ent.text) or normalise_date(ent.text) in WEEKDAYS)]
    if not dates:
        return None
    own = [ent for ent in dates if ent.root.is_ancestor(token) is False
           and (ent.root == token or token.is_ancestor(ent.root))
           and not _inside_other_event(token, ent.root)]
    if own:
        return normalise_date(own[0].text)
    current = token
    for _ in range(5):
        if current.dep_ not in _CLIMB or current.head is current:
            break
        # A clause with its own subject states its own time: in "a day after ministers
        # meet in Brussels", the main clause's "on Thursday" is not the ministers' date.
        if current.pos_ in ("VERB", "AUX") and children(current, "nsubj", "nsubjpass"):
            break
        # A meeting that is the subject takes the date of "take place", "open" ...,
        # not of "follows talks in May".
        if current.dep_ in ("nsubj", "nsubjpass") and current.head.lemma_.lower() not in words(
                "meetings", "location_verbs"):
            break
        current = current.head
        if current.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        # The verb itself and the infinitives it governs: "is due to be held next week".
        verbs = [current, *(c for c in current.children if c.dep_ in ("xcomp", "acomp")),
                 *(g for c in current.children if c.dep_ in ("xcomp", "acomp")
                   for g in c.children if g.dep_ == "xcomp")]
        for ent in dates:
            anchor = ent.root.head if ent.root.head.dep_ == "prep" else ent.root
            if anchor.head in verbs or ent.root.head in verbs:
                return normalise_date(ent.text)
    return None


def _inside_other_event(token: Token, date_root: Token) -> bool:
    """A date inside a nested clause that has its own verb and subject, or inside another
    meeting's phrase ("After a Friday summit with Putin, Trump met Zelensky on Monday")."""
    node = date_root
    while node != token and node.head is not node:
        if node.dep_ in ("advcl", "ccomp") and any(c.dep_ == "nsubj" for c in node.children):
            return True
        if node.pos_ == "NOUN" and node.lemma_.lower() in words("meetings", "nouns"):
            return True
        node = node.head
    return False


def _venue_of(token: Token, by_token: dict[int, Mention]) -> str | None:
    """'at NATO headquarters' -> 'NATO headquarters'; looks at the noun then its verb."""
    venue_nouns = words("meetings", "venue_nouns")
    candidates = [token]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and token.head.pos_ in ("VERB", "AUX"):
        candidates.append(token.head)
    # "meet with ministers at NATO": the place may hang off the partner.
    candidates.extend(obj for _, obj in prep_objects(token, {"with"}))
    # "the Riga gathering", "Tuesday's Vilnius talks"
    for child in children(token, "compound", "nmod"):
        mention = by_token.get(child.i)
        if mention is not None and mention.type == "location":
            return mention.text
    for node in candidates:
        for _, place in prep_objects(node, {"at", "in", "inside"}):
            mention = by_token.get(place.i)
            if mention is not None and mention.type in ("organization", "location", "country"):
                return mention.text
            # "in the Norwegian city of Tromsø"
            for _, named in prep_objects(place, {"of"}):
                inner = by_token.get(named.i)
                if inner is not None and inner.type in ("location", "country"):
                    return inner.text
            if place.lemma_.lower() in venue_nouns:
                owners = [by_token[c.i] for c in place.children
                          if c.dep_ in ("poss", "compound") and c.i in by_token]
                if owners:
                    return f"{owners[0].text} {place.text}"
    return None


def _group_of(token: Token, by_token: dict[int, Mention]) -> str | None:
    for _, obj in prep_objects(token, {"of", "within", "among"}):
        if obj.i in by_token and by_token[obj.i].type == "organization":
            return by_token[obj.i].key
    for child in children(token, "poss", "compound"):
        if child.i in by_token and by_token[child.i].type == "organization":
            return by_token[child.i].key
    return None


def _is_idiom(token: Token) -> bool:
    window = token.doc[max(0, token.i - 2): token.i + 2].text.lower()
    return any(idiom in window for idiom in words("meetings", "idioms"))


def _explicit(token: Token, by_token: dict[int, Mention]) -> tuple[str, bool, bool] | None:
    """(class, anaphoric, weak) for a meeting noun, or None if it names no meeting."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    framed = _framed_kind(token, by_token)
    if framed is None and lemma not in words("meetings", "nouns") \
            and token.lower_ not in words("meetings", "nouns"):
        return None
    if token.i in by_token or _is_idiom(token) or token.dep_ == "compound":
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words("meetings", "public_modifiers")
           for c in token.children):
        return None  # "a press conference" speaks to the public
    modifiers = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound")]
    contrastive = any(c.lower_ in words("meetings", "contrastive") for c in modifiers)
    weak_nouns = words("meetings", "weak_nouns")
    plural = token.tag_ in ("NNS", "NNPS") and token.lower_ not in words("meetings",
                                                                         "plural_nouns")
    determiners = [c for c in modifiers if c.dep_ in ("det", "poss")]
    # "the inaugural defence ministers' meeting": the article hangs off the possessor.
    determiners += [g for c in modifiers if c.dep_ == "poss" for g in c.children
                    if g.dep_ == "det"]
    if plural and (contrastive or not determiners):
        return None
    anaphoric = not contrastive and any(
        c.lower_ in words("meetings", "anaphoric") for c in determiners)
    weak = lemma in weak_nouns or token.lower_ in weak_nouns
    kind = "summit" if lemma in words("meetings", "summit_nouns") else "meeting"
    return framed or kind, anaphoric, weak


def _framed_kind(token: Token, by_token: dict[int, Mention]) -> str | None:
    """'a phone call', 'a call with Macron' (a call); 'a state banquet', 'dinner with
    Tsai', 'their dinner' (a meeting over a meal); not 'calls for a ceasefire' nor
    'dinner was served'. These nouns name a meeting only with a medium or occasion, a
    partner or a possessor."""
    lemma = token.lemma_.lower()
    if lemma in words("meetings", "call_nouns"):
        kind, modifiers = "call", words("meetings", "call_media")
    elif lemma in words("meetings", "meal_nouns"):
        kind, modifiers = "meeting", words("meetings", "meal_occasions")
    else:
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in modifiers for c in token.children):
        return kind
    partners = [o for _, obj in prep_objects(token, words("meetings", "call_partners"))
                for o in [obj, *obj.conjuncts]]
    if any(by_token.get(o.i) is not None or o.lemma_.lower() in words("people", "role_nouns")
           for o in partners):
        return kind
    if kind == "meeting" and any(c.dep_ == "poss" and c.lower_ in words(
            "coreference", "plural_pronouns") for c in token.children):
        return kind  # "their dinner"
    return None


def _has_medium(verb: Token) -> bool:
    """'spoke by phone', 'talked over a video link', 'spoke on the telephone'."""
    media = words("meetings", "call_media")
    for _, obj in prep_objects(verb, words("meetings", "call_media_preps")):
        if obj.lower_ in media or any(c.lower_ in media for c in obj.children):
            return True
    return False


def _is_actor(token: Token, by_token: dict[int, Mention]) -> bool:
    mention = by_token.get(token.i)
    if mention is not None:
        return mention.type in ("person", "country", "organization")
    return token.lemma_.lower() in words("people", "role_nouns") or token.lower_ in words(
        "coreference", "personal_pronouns") | words("coreference", "plural_pronouns")


def _implicit(token: Token, by_token: dict[int, Mention]) -> tuple[str, bool] | None:
    """The kind of meeting a verb states and whether it may be the meeting in focus,
    or None.

    "Biden will meet Netanyahu", "Xi met with Putin" (an encounter); "the
    leaders spoke by phone" (a call); "ministers will convene at NATO" (a
    gathering, with a time or place); "Iceland will host defence ministers in
    Reykjavik", "Trump will host Netanyahu" (hosting people).
    """
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    partners = [o for _, obj in prep_objects(token, {"with"}) for o in [obj, *obj.conjuncts]]
    objects = [o for obj in children(token, "dobj") for o in [obj, *obj.conjuncts]]
    if lemma in words("meetings", "call_verbs") and _has_medium(token):
        return "call", False
    if lemma in words("meetings", "calling_verbs") and any(
            by_token.get(o.i) is not None and by_token[o.i].type == "person" for o in objects) \
            and not children(token, "oprd", "ccomp") \
            and not any(p.lower_ in ("on", "upon", "for") and p.i == token.i + 1
                        for p in children(token, "prep")):
        return "call", False  # "Trump called Putin": a phone call, not "called on" or "for"
    if lemma in words("meetings", "hosting_verbs") and objects:
        named = [o for o in objects if by_token.get(o.i) is not None
                 and by_token[o.i].type in ("person", "country", "organization")]
        guests = [o for o in objects if o.lemma_.lower() in words("people", "role_nouns")]
        if named or (guests and (_date_of(token) is not None
                                 or _venue_of(token, by_token) is not None)):
            return "meeting", True
        return None
    # "Macron has met with Trump": a meeting of its own, not the one in focus.
    named = [o for o in [*objects, *partners] if _is_actor(o, by_token)]
    if lemma in words("meetings", "encounter_verbs") and named and (
            any(o.pos_ != "PRON" for o in named) or _date_of(token) is not None
            or _venue_of(token, by_token) is not None):
        # "to meet them" may meet a challenge; "met them in Rome on Friday" is a meeting.
        return "meeting", False
    if lemma not in words("meetings", "event_verbs") or objects:
        return None
    if any(s.lemma_.lower() in words("meetings", "nouns") for s in children(token, "nsubj")):
        return None  # "the summit convened in Baghdad" is the summit itself
    # Without a time or place, "they met up" is not a meeting worth a node.
    return ("meeting", True) if (_date_of(token) is not None
                                 or _venue_of(token, by_token) is not None) else None


def _span_text(token: Token) -> tuple[int, int, str]:
    left = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound", "nummod")
            and c.i < token.i]
    start_token = min([token, *left], key=lambda t: t.i)
    start = start_token.idx
    end = token.idx + len(token.text)
    return start, end, token.doc.text[start:end]


def meeting_mentions(doc: Doc, article_id: str, by_token: dict[int, Mention],
                     sentence_of: dict[int, int]) -> dict[int, Mention]:
    """Token index of each meeting word -> its article-resolved meeting Mention."""
    clusters: list[_Cluster] = []
    pending: list[tuple[int, Mention, str]] = []
    assigned: dict[int, tuple[int, Mention]] = {}
    focus: dict[str, int] = {}
    strong_focus: dict[str, int] = {}
    last_touched: int | None = None
    for token in doc:
        explicit = _explicit(token, by_token)
        stated = None if explicit else _implicit(token, by_token)
        implicit = stated is not None
        if explicit is None and stated is None:
            continue
        kind, anaphoric, weak = explicit if explicit else (stated[0] if stated else "meeting",
                                                          False, False)
        # "met on the sidelines of a gathering of ministers": the gathering is another
        # meeting, named in passing like "the previous summit".
        contrastive = explicit is not None and (_has_contrastive(token)
                                                or _on_the_margins(token))
        if explicit and _describes_focus(token):
            anaphoric, contrastive = True, False
        if contrastive:
            anaphoric = False
        refers_back = anaphoric or weak or (stated is not None and stated[1])
        date = _date_of(token)
        venue = _venue_of(token, by_token)
        group = _group_of(token, by_token) if explicit else None
        if explicit:
            start, end, text = _span_text(token)
        else:
            start, end, text = token.idx, token.idx + len(token.text), token.text
        if weak and not anaphoric and not date and not _framed(token, by_token, venue):
            continue
        mention = Mention(article_id, start, end, text, "meeting", "", sentence_of[token.i],
                          date=date, venue=venue, group=group, kind=kind, implicit=implicit)
        target = _choose_cluster(clusters, focus if weak else strong_focus, kind, date,
                                 contrastive=contrastive)
        if stated is not None and not refers_back and not date:
            target = None
        if target is not None and explicit and not (anaphoric or weak or date) and (
                sentence_of[token.i] - clusters[target].mentions[-1].sentence > 1
                or (group and clusters[target].group and group != clusters[target].group)):
            target = None
        parties = _own_parties(token, by_token)
        if target is not None and not anaphoric and not may_be_one(
                clusters[target], Facts(kind, date, venue, group, frozenset(parties))):
            target = None
        if target is None and explicit and anaphoric and not date and last_touched is not None \
                and kind not in focus:
            # "the Riga gathering" or "the talks" after "the JEF summit": the meeting in
            # focus, whatever noun this outlet uses for it.
            target = last_touched
        if target is None and not date and (weak or (explicit and anaphoric)):
            pending.append((token.i, mention, kind))
            continue
        bare = explicit is not None and not (anaphoric or date or venue or group or parties)
        if target is None and bare and kind in strong_focus:
            # "There cannot be a summit if ..." far from the story's summit: a meeting in
            # general, which does not take the focus from the one being told.
            contrastive = True
        if target is None:
            clusters.append(_Cluster(kind, contrasted=contrastive))
            target = len(clusters) - 1
        _add(clusters[target], mention)
        clusters[target].participants |= parties
        assigned[token.i] = (target, mention)
        if contrastive:
            continue  # another meeting mentioned in passing does not take the focus
        focus[kind] = target
        last_touched = target
        if not weak:
            strong_focus[kind] = target
        for index, waiting, waiting_kind in list(pending):
            if waiting_kind == kind:
                _add(clusters[target], waiting)
                assigned[index] = (target, waiting)
                pending.remove((index, waiting, waiting_kind))
    # "The meeting of X ..." with nothing before or after to refer to: a meeting of its own.
    for kind in sorted({k for _, m, k in pending if m.text.split()[-1].lower()
                        not in words("meetings", "weak_nouns")}):
        clusters.append(_Cluster(kind))
        for index, waiting, waiting_kind in pending:
            if waiting_kind == kind and waiting.text.split()[-1].lower() not in words(
                    "meetings", "weak_nouns"):
                _add(clusters[-1], waiting)
                assigned[index] = (len(clusters) - 1, waiting)
    # "the event hosted by Biden" after "the Summit": the nearest meeting before it.
    for index, waiting, _ in pending:
        if index in assigned:
            continue
        before = [i for i in assigned if i < index]
        if before:
            target = assigned[max(before)][0]
            _add(clusters[target], waiting)
            assigned[index] = (target, waiting)
    return _finalise(article_id, clusters, assigned)


def _own_parties(token: Token, by_token: dict[int, Mention]) -> set[str]:
    """The people and countries a meeting mention names as its own parties: "a meeting
    between Putin and Zelensky", "Orban's talks with Trump", "Biden will meet Xi"."""
    related: list[Token] = []
    if token.pos_ == "VERB":
        related += [c for c in token.children if c.dep_ in ("nsubj", "dobj")]
    else:
        related += [c for c in token.children if c.dep_ in ("poss", "compound")]
    related += [obj for _, obj in prep_objects(token, {"with", "between"})]
    keys = set()
    for node in related:
        for member in [node, *node.conjuncts]:
            # "between the Russian and Ukrainian presidents": the countries of a role noun.
            modifiers = [m for c in member.children if c.dep_ in ("amod", "compound")
                         for m in [c, *c.conjuncts]]
            for part in [member, *modifiers]:
                mention = by_token.get(part.i)
                if mention is not None and mention.type in ("person", "country"):
                    keys.add(mention.key)
    return keys


def _framed(token: Token, by_token: dict[int, Mention], venue: str | None) -> bool:
    """A bare 'talks' that still names a meeting: with its parties ("talks with Iran"),
    its place ("talks in Riyadh"), as a round ("a fresh round of talks") or as what is
    held ("the two sides held talks"); "despite ongoing peace negotiations" is none."""
    if venue is not None:
        return True
    if any(_is_actor(o, by_token) for _, obj in prep_objects(token, {"with", "between"})
           for o in [obj, *obj.conjuncts]):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
            "meetings", "round_nouns"):
        return True
    return token.dep_ == "dobj" and head.lemma_.lower() in words("relations", "attends",
                                                                 "holding_verbs")


def _on_the_margins(token: Token) -> bool:
    """'on the sidelines of the summit', 'on the margins of the G20'."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words(
        "relations", "attends", "margin_nouns")


def _describes_focus(token: Token) -> bool:
    """'It will be the first ministers' meeting of the bloc': says what the meeting in
    focus is, so it is that meeting, whatever "first" suggests."""
    verb = token.head
    return token.dep_ == "attr" and verb.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in verb.children)


def _has_contrastive(token: Token) -> bool:
    """'the previous meeting', and 'Baghdad last hosted the summit in 2012'."""
    contrastive = words("meetings", "contrastive")
    if any(c.lower_ in contrastive for c in token.children if c.dep_ in ("amod", "det")):
        return True
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and any(c.lower_ in contrastive for c in verb.children
                                    if c.dep_ == "advmod")


def _choose_cluster(clusters: list[_Cluster], focus: dict[str, int], kind: str,
                    date: str | None, *, contrastive: bool) -> int | None:
    if date:
        for index, cluster in enumerate(clusters):
            if cluster.kind == kind and cluster.date and dates_agree(cluster.date,
                                                                     date) == "same":
                return index
        if kind in focus and clusters[focus[kind]].date is None and not contrastive:
            return focus[kind]
        return None
    if contrastive:
        return None
    if kind in focus:
        return focus[kind]
    return None


def _add(cluster: _Cluster, mention: Mention) -> None:
    cluster.mentions.append(mention)
    cluster.date = cluster.date or mention.date
    cluster.venue = cluster.venue or mention.venue
    cluster.group = cluster.group or mention.group


def _finalise(article_id: str, clusters: list[_Cluster],
              assigned: dict[int, tuple[int, Mention]]) -> dict[int, Mention]:
    """Give every mention its cluster's key, date, venue and group."""
    result: dict[int, Mention] = {}
    for token_index, (cluster_index, mention) in sorted(assigned.items()):
        cluster = clusters[cluster_index]
        result[token_index] = replace(
            mention, key=f"{article_id}#meeting-{cluster_index}", date=cluster.date,
            venue=cluster.venue, group=cluster.group, kind=cluster.kind,
            contrasted=cluster.contrasted)
    return result


def focus_meeting(meetings: dict[int, Mention], token_index: int, sentence: int,
                  *, window: int = 8) -> Mention | None:
    """The latest meeting mentioned before a token, within a few sentences."""
    before = [(i, m) for i, m in meetings.items() if i < token_index
              and sentence - m.sentence <= window]
    return max(before, key=lambda pair: pair[0])[1] if before else None
