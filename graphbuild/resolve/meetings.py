"""Meetings: per-article meetings merged across articles (``meeting_identity`` decides),
then labelled and made entities."""

from __future__ import annotations

from bisect import bisect_right
from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from itertools import islice

from graphbuild.graph import slugify
from graphbuild.lexicon import words
from graphbuild.meeting_identity import (
    central_meetings_agree,
    enclosing_places,
    groups_compatible,
    one_body_one_place,
    overlap,
    same_meeting,
    same_place,
    venue_key,
)
from graphbuild.resolve.core import Resolver, UnionFind, alias_forms, unique_id
from graphbuild.types import Claim, Entity, Mention


@dataclass
class _Meeting:
    key: str
    kind: str
    date: str | None
    venue: str | None
    group: str | None
    participants: set[str]
    articles: set[str]
    nouns: Counter[str]
    contrasted: bool = False
    mentions: int = 0


def meeting_clusters(resolver: Resolver, claims: list[Claim],
                      entity_of_key: dict[str, str]) -> dict[str, _Meeting]:
    clusters: dict[str, _Meeting] = {}
    strong = words("meetings", "nouns") - words("meetings", "weak_nouns")
    for mention in resolver.mentions():
        if mention.type != "meeting":
            continue
        meeting = clusters.setdefault(mention.key, _Meeting(
            mention.key, mention.kind or "meeting", mention.date, mention.venue,
            entity_of_key.get(resolver.union.find(mention.group)) if mention.group else None,
            set(), set(), Counter(), mention.contrasted))
        meeting.articles.add(mention.article_id)
        meeting.mentions += 1
        noun = mention.text.split()[-1].lower() if mention.text else ""
        if noun in strong:
            meeting.nouns[noun] += 1
    affiliates: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.relation == "affiliated_with" and claim.object is not None:
            person, affiliate = resolver.key_of.get(claim.subject), resolver.key_of.get(
                claim.object)
            if person and affiliate:
                affiliates[resolver.union.find(person)].add(resolver.union.find(affiliate))
    for claim in claims:
        if claim.object is not None and claim.object.type == "meeting":
            subject = resolver.key_of.get(claim.subject)
            if subject and claim.object.key in clusters:
                # A minister stands for their country too: "hosted by Latvia" and "hosted by
                # Latvia's prime minister" share a host.
                for key in {resolver.union.find(subject)} | affiliates[resolver.union.find(
                        subject)]:
                    clusters[claim.object.key].participants.add(entity_of_key.get(key, key))
    return clusters


# Two articles are about the same story when they share this share of their entities.
_SAME_STORY_OVERLAP = 0.5
_SAME_STORY_MINIMUM = 3


def _story_similarity(resolver: Resolver) -> Callable[[str, str], bool]:
    """Whether two articles tell the same story: they share most of their entities.

    Computed on demand: only articles whose meetings could merge are compared.
    """
    entities: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        if mention.type in ("person", "country", "organization"):
            entities[mention.article_id].add(resolver.union.find(key))

    @cache
    def same(a: str, b: str) -> bool:
        shared = len(entities[a] & entities[b])
        smaller = min(len(entities[a]), len(entities[b])) or 1
        # A short brief shares few names with anything: ask for all of them, at least two.
        needed = max(2, min(_SAME_STORY_MINIMUM, smaller))
        return shared >= needed and shared / smaller >= _SAME_STORY_OVERLAP

    return same


def merge_meetings(resolver: Resolver, clusters: dict[str, _Meeting]) -> UnionFind:
    """Merge per-article meetings that are one meeting (``meeting_identity`` decides),
    then attach an undated meeting to the one dated meeting it shares most with.
    Meetings of one article were kept apart on purpose and stay apart.
    """
    union = UnionFind()
    ordered = sorted(clusters.values(), key=lambda m: m.key)
    articles_of: dict[str, set[str]] = {}
    places_of: dict[str, set[str]] = {}
    dates_of: dict[str, set[str]] = {}
    members_of: dict[str, set[str]] = {}
    for meeting in ordered:
        union.find(meeting.key)
        members_of[meeting.key] = {meeting.key}
        articles_of[meeting.key] = set(meeting.articles)
        places_of[meeting.key] = {meeting.venue} if meeting.venue and venue_key(meeting.venue) \
            else set()
        dates_of[meeting.key] = {meeting.date} if meeting.date else set()
    same_story = _story_similarity(resolver)

    def one_story(a: _Meeting, b: _Meeting) -> bool:
        return any(same_story(*sorted((x, y))) for x in a.articles for y in b.articles)

    def forbidden(root_a: str, root_b: str) -> bool:
        return any((x in members_of[root_a] and y in members_of[root_b])
                   or (y in members_of[root_a] and x in members_of[root_b])
                   for x, y in resolver.rules.forbidden_meetings())

    def join(a: _Meeting, b: _Meeting, reason: str) -> None:
        root_a, root_b = union.find(a.key), union.find(b.key)
        if root_a == root_b or not articles_of[root_a].isdisjoint(articles_of[root_b]) \
                or not groups_compatible(places_of[root_a], dates_of[root_a],
                                         places_of[root_b], dates_of[root_b]) \
                or forbidden(root_a, root_b):
            return
        union.union(root_a, root_b)
        root = union.find(root_a)
        other = root_b if root == root_a else root_a
        for table in (articles_of, places_of, dates_of, members_of):
            # The smaller set joins the larger one in place: merging stays linear.
            large, small = sorted((table[root], table[other]), key=len, reverse=True)
            large |= small
            table[root] = large
        resolver.decide(b.key, a.key, f"{reason}; joined to {a.key}")

    # Only meetings that share a participant, group, place or kind and date can be one
    # (every rule of meeting_identity needs one of these), so those are all compared.
    keys_of = [_blocking_keys(meeting) for meeting in ordered]
    sharing: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_of):
        for key in keys:
            sharing[key].append(index)
    for i, a in enumerate(ordered):
        candidates = _candidates(i, keys_of[i], sharing)
        for b in (ordered[j] for j in candidates):
            if a.articles & b.articles or union.find(a.key) == union.find(b.key):
                continue  # kept apart by their article, or already one meeting
            reason = same_meeting(a, b, partial(one_story, a, b))
            if reason is not None:
                join(a, b, reason)
    _join_central_meetings(ordered, keys_of, sharing, one_story, join)
    groups = union.groups()
    for i, meeting in enumerate(ordered):
        if meeting.date or len(groups.get(union.find(meeting.key), [])) > 1:
            continue
        scored = []
        near = {union.find(ordered[j].key) for j in _candidates(-1, keys_of[i], sharing)}
        for root, members in sorted((r, groups[r]) for r in near):
            dated = list(islice((clusters[m] for m in members if clusters[m].date),
                                _MAX_CANDIDATES))
            if not dated or dated[0].kind != meeting.kind or root == union.find(meeting.key) \
                    or any(d.contrasted != meeting.contrasted for d in dated):
                continue
            if not meeting.articles.isdisjoint(articles_of[root]):
                continue
            # Within one story the same venue also counts ("the Riga gathering").
            scored.append((max(overlap(meeting, d) + int(
                same_place(meeting, d) and one_story(meeting, d)) for d in dated), root))
        best = [s for s in scored if s[0] > 0 and s[0] == max(x[0] for x in scored)]
        if len(best) == 1:
            join(clusters[best[0][1]], meeting, "undated meeting sharing participants with "
                 "one dated meeting")
    return union


def _join_central_meetings(ordered: list[_Meeting], keys_of: list[set[str]],
                           sharing: dict[str, list[int]],
                           one_story: Callable[[_Meeting, _Meeting], bool],
                           join: Callable[[_Meeting, _Meeting, str], None]) -> None:
    """Outlets telling one story are each mostly about its meeting, whatever they call and
    date it: the central meetings of two articles on one story, sharing a party, body or
    place, are one meeting unless ``meeting_identity`` sees a conflict."""
    central = _central_meetings(ordered)
    # Outlets may name no party in common ("a summit on peace for Ukraine" with its
    # attendees, "the Ukrainian peace summit" with those who stayed away): central
    # meetings of one kind are compared too.
    of_kind: dict[str, list[int]] = {}  # a plain dict: a missing key falls through
    for index in sorted(central):
        of_kind.setdefault(f"central:{ordered[index].kind}", []).append(index)
    shared_keys = ChainMap(of_kind, sharing)
    for i, meeting in enumerate(ordered):
        if i not in central:
            continue
        for j in _candidates(i, keys_of[i] | {f"central:{meeting.kind}"}, shared_keys):
            other = ordered[j]
            if j in central and not meeting.articles & other.articles \
                    and central_meetings_agree(meeting, other) and (
                        one_body_one_place(meeting, other) or one_story(meeting, other)):
                join(meeting, other, "the meeting each of two articles on one story is "
                     "mostly about")


def _central_meetings(ordered: list[_Meeting]) -> set[int]:
    """Indexes of the meeting each article mentions most, at least twice and more than
    any other of its meetings."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, meeting in enumerate(ordered):
        for article in meeting.articles:
            by_article[article].append(index)
    central: set[int] = set()
    for indexes in by_article.values():
        ranked = sorted(indexes, key=lambda i: ordered[i].mentions, reverse=True)
        most = ordered[ranked[0]].mentions
        if most >= 2 and (len(ranked) == 1 or most > ordered[ranked[1]].mentions):
            central.add(ranked[0])
    return central


# Meetings compared with each meeting at most: in real news a blocking key is shared by a
# handful of meetings; a pathological corpus (thousands of meetings on one weekday with
# the same people) would otherwise make merging quadratic.
_MAX_CANDIDATES = 64


def _candidates(index: int, keys: set[str], sharing: Mapping[str, list[int]]) -> list[int]:
    """Meetings after ``index`` that share a key, rarest keys first, at most
    ``_MAX_CANDIDATES`` of them."""
    found: dict[int, None] = {}
    for key in sorted(keys, key=lambda k: (len(sharing[k]), k)):
        members = sharing[key]
        start = bisect_right(members, index)
        for j in members[start:start + _MAX_CANDIDATES - len(found)]:
            found[j] = None
        if len(found) >= _MAX_CANDIDATES:
            break
    return sorted(found)


def _blocking_keys(meeting: _Meeting) -> set[str]:
    """What two meetings must share to be compared at all."""
    keys = {f"party:{p}" for p in meeting.participants}
    if meeting.group:
        keys.add(f"group:{meeting.group}")
    place = venue_key(meeting.venue)
    if place:
        # "Warsaw" and "Poland" may be one place: compared too.
        keys.update(f"place:{p}" for p in enclosing_places(place))
    if meeting.date:
        keys.add(f"date:{meeting.kind}:{meeting.date.lower()}")
    return keys


def _meeting_label(members: list[_Meeting], labels: dict[str, str], hosts: list[str],
                   attendees: list[str]) -> tuple[str, str | None, str | None]:
    date = next((m.date for m in members if m.date), None)
    venue = Counter(m.venue for m in members if m.venue).most_common(1)
    venue_text = venue[0][0] if venue else None
    group = Counter(m.group for m in members if m.group).most_common(1)
    nouns: Counter[str] = Counter()
    for member in members:
        nouns.update(member.nouns)
    noun = nouns.most_common(1)[0][0] if nouns else members[0].kind
    if group and group[0][0] in labels:
        name = f"{labels[group[0][0]]} {noun}"
    elif hosts:
        name = f"{noun.capitalize()} hosted by {' and '.join(hosts[:2])}"
    elif 1 < len(attendees) <= 3:
        name = f"{noun.capitalize()} of {', '.join(attendees[:-1])} and {attendees[-1]}"
    else:
        name = noun.capitalize()
    details = ", ".join(part for part in (venue_text, date) if part)
    return (f"{name} ({details})" if details else name), date, venue_text


def meeting_entities(resolver: Resolver, claims: list[Claim], id_of_root: dict[str, str],
              entities: dict[str, Entity]) -> tuple[list[Entity], dict[Mention, str]]:
    entity_of_key = {root: node for root, node in id_of_root.items()}
    clusters = meeting_clusters(resolver, claims, entity_of_key)
    union = merge_meetings(resolver, clusters)
    labels = {e.id: e.label for e in entities.values()}
    mentions_of: dict[str, list[Mention]] = defaultdict(list)
    for mention in resolver.mentions():
        if mention.type == "meeting":
            mentions_of[mention.key].append(mention)
    # Who hosts and attends each meeting mention's key, read once for all meetings.
    parties_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.relation in ("hosts", "attends") and not c.negated and c.object is not None:
            node = entity_of_key.get(resolver.union.find(resolver.key_of.get(c.subject, "")), "")
            if node in labels:
                parties_of[(c.relation, c.object.key)].add(labels[node])
    result: list[Entity] = []
    meeting_of: dict[Mention, str] = {}
    taken: dict[str, Entity] = dict(entities)
    for _, keys in sorted(union.groups().items()):
        members = [clusters[k] for k in sorted(keys)]

        def labelled(relation: str, keys: list[str] = keys) -> list[str]:
            return sorted({name for key in keys for name in parties_of[(relation, key)]})

        label, date, venue = _meeting_label(members, labels, labelled("hosts"),
                                            labelled("attends"))
        node_id = unique_id(f"meeting:{slugify(label)}", taken)
        mentions = [m for key in sorted(keys) for m in mentions_of[key]]
        aliases = tuple(sorted({f for m in mentions for f in alias_forms("meeting", m)}))
        entity = Entity(node_id, label, "meeting", aliases,
                        len(mentions), tuple(sorted({m.article_id for m in mentions})),
                        date=date, venue=venue)
        taken[node_id] = entity
        result.append(entity)
        for mention in mentions:
            meeting_of[mention] = node_id
    return result, meeting_of
