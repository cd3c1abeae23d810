"""Resolve stage: mentions from every article -> entities, one per real thing.

Consumes ``ArticleExtraction`` records, produces a ``Resolution``: the
entities, which entity each mention refers to, and every merge decision with
its reason (written to ``aliases.json`` so users can inspect and override it).

- Countries and international bodies resolve through gazetteer ids, so UK,
  Britain, British and (acting) London are one node.
- People: honorifics are already stripped; a lone surname joins the full name
  seen in the same article, else the only full name in the corpus with that
  surname; spelling variants of one surname with the same first name merge
  (Zelensky / Zelenskyy).
- Organisations merge on text evidence ("X, also known as Y", "X (Y)"), on
  the same words in another order ("Volunteers Coalition" / "Coalition of
  Volunteers"), and, for groups that share a head noun, never appear in the
  same article and attend the same meeting, as translations of one name.
- Meetings resolved within each article merge across articles when they are of
  the same kind and date and share a venue, group, host or participant.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import islice
from pathlib import Path

from rapidfuzz import fuzz, process

from graphbuild import jsonlimits
from graphbuild.errors import AliasFileError
from graphbuild.graph import entity_id, slugify
from graphbuild.lexicon import Place, place_by_key, words
from graphbuild.meeting_identity import (
    groups_compatible,
    overlap,
    same_meeting,
    same_place,
    venue_key,
)
from graphbuild.names import name_key, normalise_name, same_name
from graphbuild.types import ArticleExtraction, Claim, Entity, Mention, MergeDecision, Resolution

logger = logging.getLogger(__name__)

_SURNAME_SIMILARITY = 85
# Surnames of two full names with the same first name (Aasland / Osland).
_VARIANT_SIMILARITY = 75
_STOPWORDS = {"the", "of", "for", "and", "on", "in", "a", "an", "'s", "’s"}


@dataclass(frozen=True)
class AliasRules:
    """User overrides: names that must be one entity, and pairs that must not."""

    merge: tuple[tuple[str, ...], ...] = ()
    forbid: tuple[tuple[str, str], ...] = ()


def load_alias_rules(path: str | Path) -> AliasRules:
    """Read ``{"merge": [[name, ...], ...], "forbid": [[a, b], ...]}``."""
    try:
        data = jsonlimits.loads(Path(path).read_text(encoding="utf-8"))
        unknown = sorted(set(data) - {"merge", "forbid"}) if isinstance(data, dict) else []
        if unknown:
            raise ValueError(f'unknown key {", ".join(map(repr, unknown))} (the keys are '
                             '"merge" and "forbid")')
        merge = tuple(tuple(str(n) for n in group) for group in data.get("merge", []))
        forbid = tuple((str(a), str(b)) for a, b in data.get("forbid", []))
        groups = [{normalise_name(n) for n in group} for group in merge]
        for a, b in forbid:
            if any({normalise_name(a), normalise_name(b)} <= group for group in groups):
                raise ValueError(f'"{a}" and "{b}" are both merged and forbidden')
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise AliasFileError(
            f"Cannot read alias file {path}: {error}. Expected JSON like "
            '{"merge": [["Zelensky", "Zelenskyy"]], "forbid": [["Georgia", "Georgia (US state)"]]}'
        ) from error
    return AliasRules(merge, forbid)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for item in list(self.parent):
            result[self.find(item)].append(item)
        return result


@lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w-]+", normalise_name(text)) if w not in _STOPWORDS)


def _head_words(text: str) -> set[str]:
    tokens = [w for w in re.findall(r"[\w-]+", normalise_name(text)) if w not in _STOPWORDS]
    return {tokens[0], tokens[-1]} if tokens else set()


@dataclass
class _Resolver:
    extractions: Sequence[ArticleExtraction]
    rules: AliasRules
    decisions: list[MergeDecision] = field(default_factory=list)
    union: _UnionFind = field(default_factory=_UnionFind)
    key_of: dict[Mention, str] = field(default_factory=dict)

    def mentions(self) -> Iterable[Mention]:
        for extraction in self.extractions:
            yield from extraction.mentions

    def decide(self, alias: str, target: str, reason: str) -> None:
        self.decisions.append(MergeDecision(alias, target, reason))

    def forbidden(self, a: str, b: str) -> bool:
        """Whether merging the groups of keys ``a`` and ``b`` joins a forbidden pair."""
        if not self.rules.forbid:
            return False
        group_a = {normalise_name(x) for x in self._names(self.union.find(a))}
        group_b = {normalise_name(x) for x in self._names(self.union.find(b))}
        for x, y in self.rules.forbid:
            first, second = normalise_name(x), normalise_name(y)
            if (first in group_a and second in group_b) or (second in group_a and first in group_b):
                return True
        return False

    def forbidden_names(self, a: str, b: str) -> bool:
        """Whether the user's alias file forbids these two names to be one entity."""
        pair = {normalise_name(a), normalise_name(b)}
        return any({normalise_name(x), normalise_name(y)} == pair for x, y in self.rules.forbid)

    def _names(self, root: str) -> set[str]:
        names = {m.text for m, k in self.key_of.items() if self.union.find(k) == root}
        names.add(root.split(":", 1)[-1])
        return names

    def merge(self, a: str, b: str, alias: str, reason: str) -> None:
        if self.union.find(a) == self.union.find(b) or self.forbidden(a, b):
            return
        self.union.union(a, b)
        self.decide(alias, self.union.find(a), reason)


def _person_keys(resolver: _Resolver) -> None:
    """Surnames -> full names; spelling variants of one name -> one key."""
    full_by_article: dict[str, dict[str, str]] = defaultdict(dict)
    first_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    full_names: Counter[str] = Counter()
    for mention in resolver.mentions():
        name = mention.key.removeprefix("person:")
        if mention.type == "person" and " " in name:
            full_by_article[mention.article_id][name.split()[-1]] = name
            first_names[mention.article_id][name.split()[0]].add(name)
            full_names[name] += 1
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        by_surname[name.split()[-1]].add(name)
    for mention in resolver.mentions():
        if mention.type != "person":
            continue
        name = mention.key.removeprefix("person:")
        if " " not in name:
            local = full_by_article[mention.article_id].get(name)
            same_first = first_names[mention.article_id].get(name, set())
            if local is None and len(same_first) == 1:
                # "Dewi said" after "Dewi Kartika Sari" (names without a family name first).
                local = next(iter(same_first))
            corpus = by_surname.get(name, set())
            if local and resolver.forbidden_names(mention.text, local):
                local = None
            corpus = {n for n in corpus if not resolver.forbidden_names(mention.text, n)}
            if local:
                resolver.decide(mention.text, f"person:{local}", "surname of a full name in "
                                f"the same article {mention.article_id}")
                name = local
            elif len(corpus) == 1:
                (name,) = corpus
                resolver.decide(mention.text, f"person:{name}", "only full name with this "
                                "surname in the corpus")
        resolver.key_of[mention] = f"person:{name}"
    names = sorted(full_names)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[name_key(name).split()[0]].append(name)
    pairs = [(first, second) for group in by_first.values()
             for i, first in enumerate(group) for second in group[i + 1:]]
    for first, second in pairs:
        a, b = name_key(first).split(), name_key(second).split()
        if same_name(first, second):
            resolver.merge(f"person:{first}", f"person:{second}", second,
                           f"same name as {first}, written differently")
        elif len(a) == len(b) and fuzz.ratio(" ".join(a[1:]), " ".join(b[1:])) \
                >= _VARIANT_SIMILARITY:
            resolver.merge(f"person:{first}", f"person:{second}", second,
                           f"spelling variant of {first} (same first name)")
    last_names = [n.split()[-1].lower() for n in names]
    for surname_key in sorted({k for k in resolver.key_of.values() if " " not in k}):
        surname = surname_key.removeprefix("person:")
        hits = process.extract(surname.lower(), last_names, scorer=fuzz.ratio,
                               score_cutoff=_SURNAME_SIMILARITY, limit=None)
        close = {names[index] for _, _, index in hits}
        if len(close) == 1:
            resolver.merge(surname_key, f"person:{close.pop()}", surname,
                           "spelling variant of the surname of the only close full name")


def _organisation_keys(resolver: _Resolver) -> None:
    """Organisation keys: text evidence, reordered names, short forms, mistyped people."""
    gazetteer_names = {p.name for p in place_by_key().values() if p.type == "organization"}
    people = {name_key(k.removeprefix("person:")): k for m, k in resolver.key_of.items()
              if m.type == "person" and " " in k}
    by_words: dict[frozenset[str], str] = {}
    for place in sorted(gazetteer_names):
        for name in (place, *place_by_key()[f"org:{place}"].aliases):
            signature = _content_words(name)
            if len(signature) > 1:
                by_words.setdefault(signature, f"org:{place}")
    for mention in resolver.mentions():
        if mention.type != "organization" or mention.key.startswith("anaphor:"):
            continue
        person = people.get(name_key(mention.text))
        if person is not None and mention.key.removeprefix("org:") not in gazetteer_names:
            resolver.key_of[mention] = person
            resolver.decide(mention.text, person, "the same name is a person elsewhere")
            continue
        resolver.key_of[mention] = mention.key
        if mention.key.removeprefix("org:") in gazetteer_names:
            continue
        signature = _content_words(mention.text)
        if len(signature) > 1:
            earlier = by_words.setdefault(signature, mention.key)
            if earlier != mention.key:
                resolver.merge(earlier, mention.key, mention.text, "same words in another order")
    for extraction in resolver.extractions:
        for link in extraction.alias_links:
            first = resolver.key_of.get(link.first, link.first.key)
            second = resolver.key_of.get(link.second, link.second.key)
            resolver.merge(first, second, link.second.text, link.reason)
    _short_forms(resolver)


def _short_forms(resolver: _Resolver) -> None:
    """'the Council' after 'the Arctic Council' in one article: one group."""
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for mention, key in resolver.key_of.items():
        if mention.type == "organization":
            by_article[mention.article_id].append((mention, key))
    for article_id, pairs in sorted(by_article.items()):
        for mention, key in pairs:
            words_of = _content_words(mention.text)
            if len(words_of) != 1:
                continue
            (word,) = words_of
            longer = {resolver.union.find(k) for m, k in pairs
                      if len(_content_words(m.text)) > 1 and word in _head_words(m.text)}
            if len(longer) == 1:
                resolver.merge(longer.pop(), key, mention.text,
                               f"short form of a longer name in {article_id}")


def _anaphor_keys(resolver: _Resolver) -> None:
    """'the coalition' with no antecedent in its article -> the corpus's only coalition."""
    roots_by_head: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        if mention.type == "organization":
            for head in _head_words(mention.text):
                roots_by_head[head].add(resolver.union.find(key))
    for members in resolver.union.groups().values():
        for member in members:
            if member.startswith("org:"):
                for head in _head_words(member.removeprefix("org:")):
                    roots_by_head[head].add(resolver.union.find(member))
    for mention in resolver.mentions():
        if not mention.key.startswith("anaphor:"):
            continue
        noun = mention.key.removeprefix("anaphor:")
        roots = roots_by_head.get(noun, set())
        if len(roots) == 1:
            (root,) = roots
            resolver.key_of[mention] = root
            resolver.decide(mention.text, root, f'only group called "{noun}" in the corpus')


def _simple_keys(resolver: _Resolver) -> None:
    for mention in resolver.mentions():
        if mention.type in ("country", "location") and mention not in resolver.key_of:
            key = mention.key
            if mention.type == "location" and not key.removeprefix("location:")[:1].isupper():
                continue
            resolver.key_of[mention] = key


def _apply_user_merges(resolver: _Resolver) -> None:
    keys_by_name: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        keys_by_name[normalise_name(mention.text)].add(key)
    named = {*(n for group in resolver.rules.merge for n in group),
             *(n for pair in resolver.rules.forbid for n in pair)}
    for name in sorted(n for n in named if normalise_name(n) not in keys_by_name):
        logger.warning('alias file: no entity in the corpus is called "%s"', name)
    for group in resolver.rules.merge:
        keys = sorted({k for name in group for k in keys_by_name.get(normalise_name(name), set())})
        for other in keys[1:]:
            resolver.merge(keys[0], other, other, "user alias file")


def _label(members: list[Mention], key: str) -> str:
    place = place_by_key().get(key)
    if place is not None:
        return place.name
    kind = members[0].type
    texts = Counter(m.text if kind != "person" else m.key.removeprefix("person:")
                    for m in members if not m.key.startswith("anaphor:"))
    if kind == "person":
        full = [t for t in texts if " " in t] or list(texts)
        return max(full, key=lambda t: (texts[t], len(t), t))
    if kind == "organization":
        titled = [t for t in texts if all(w[:1].isupper() for w in t.split()
                                          if w.lower() not in _STOPWORDS)]
        pool = titled or list(texts) or [key.split(":", 1)[-1]]
        return max(pool, key=lambda t: (texts[t], len(t), [-ord(c) for c in t]))
    label = max(texts, key=lambda t: (texts[t], t)) if texts else key.split(":", 1)[-1]
    return label.title() if label.isupper() and len(label) > 4 else label


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


def _meeting_clusters(resolver: _Resolver, claims: list[Claim],
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


def _story_similarity(resolver: _Resolver) -> Callable[[str, str], bool]:
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


def _merge_meetings(resolver: _Resolver, clusters: dict[str, _Meeting]) -> _UnionFind:
    """Merge per-article meetings that are one meeting (``meeting_identity`` decides),
    then attach an undated meeting to the one dated meeting it shares most with.
    Meetings of one article were kept apart on purpose and stay apart.
    """
    union = _UnionFind()
    ordered = sorted(clusters.values(), key=lambda m: m.key)
    articles_of: dict[str, set[str]] = {}
    places_of: dict[str, set[str]] = {}
    dates_of: dict[str, set[str]] = {}
    for meeting in ordered:
        union.find(meeting.key)
        articles_of[meeting.key] = set(meeting.articles)
        place = venue_key(meeting.venue)
        places_of[meeting.key] = {place} if place else set()
        dates_of[meeting.key] = {meeting.date} if meeting.date else set()
    same_story = _story_similarity(resolver)

    def one_story(a: _Meeting, b: _Meeting) -> bool:
        return any(same_story(*sorted((x, y))) for x in a.articles for y in b.articles)

    def join(a: _Meeting, b: _Meeting, reason: str) -> None:
        root_a, root_b = union.find(a.key), union.find(b.key)
        if root_a == root_b or not articles_of[root_a].isdisjoint(articles_of[root_b]) \
                or not groups_compatible(places_of[root_a], dates_of[root_a],
                                         places_of[root_b], dates_of[root_b]):
            return
        union.union(root_a, root_b)
        root = union.find(root_a)
        other = root_b if root == root_a else root_a
        for table in (articles_of, places_of, dates_of):
            # The smaller set joins the larger one in place: merging stays linear.
            large, small = sorted((table[root], table[other]), key=len, reverse=True)
            large |= small
            table[root] = large
        resolver.decide(b.key, a.key, reason)

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


# Meetings compared with each meeting at most: in real news a blocking key is shared by a
# handful of meetings; a pathological corpus (thousands of meetings on one weekday with
# the same people) would otherwise make merging quadratic.
_MAX_CANDIDATES = 64


def _candidates(index: int, keys: set[str], sharing: dict[str, list[int]]) -> list[int]:
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
        keys.add(f"place:{place}")
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


def resolve(extractions: Sequence[ArticleExtraction], *,
            rules: AliasRules | None = None) -> Resolution:
    """Resolve every mention of every article to an entity."""
    resolver = _Resolver(extractions, rules or AliasRules())
    claims = [c for e in extractions for c in e.claims]
    _person_keys(resolver)
    _organisation_keys(resolver)
    _simple_keys(resolver)
    _anaphor_keys(resolver)
    _apply_user_merges(resolver)
    _merge_by_meeting_role(resolver, claims)

    members_by_root: dict[str, list[Mention]] = defaultdict(list)
    for mention, key in resolver.key_of.items():
        members_by_root[resolver.union.find(key)].append(mention)
    roles_of: dict[Mention, list[str]] = defaultdict(list)
    for claim in claims:
        if claim.relation == "affiliated_with" and claim.role:
            roles_of[claim.subject].append(claim.role)
    entities: dict[str, Entity] = {}
    id_of_root: dict[str, str] = {}
    for root, members in sorted(members_by_root.items()):
        canonical = next((k for k in sorted({resolver.key_of[m] for m in members})
                          if k in place_by_key()), root)
        label = _label(members, canonical)
        node_id = _unique_id(entity_id(members[0].type, label), entities)
        id_of_root[root] = node_id
        entities[node_id] = _entity(node_id, label, members, roles_of)

    meeting_entities, meeting_of = _meetings(resolver, claims, id_of_root, entities)
    entity_of = {m: id_of_root[resolver.union.find(k)] for m, k in resolver.key_of.items()}
    entity_of.update(meeting_of)
    used = _used_entities(claims, entity_of)
    kept = [e for e in [*entities.values(), *meeting_entities]
            if e.type != "meeting" or e.id in used]
    kept_ids = {e.id for e in kept}
    node_of_key = {key: id_of_root[resolver.union.find(key)] for key in resolver.key_of.values()}
    node_of_key.update({m.key: node for m, node in meeting_of.items()})
    node_of_key.update(id_of_root)
    decisions = tuple(MergeDecision(d.alias, node_of_key.get(d.entity_id, d.entity_id), d.reason)
                      for d in resolver.decisions
                      if node_of_key.get(d.entity_id, d.entity_id) in kept_ids)
    decisions += _gazetteer_decisions(entity_of, {e.id: e.label for e in kept}, decisions)
    return Resolution(tuple(sorted(kept, key=lambda e: e.id)),
                      {m: i for m, i in entity_of.items() if i in kept_ids}, decisions)


def _gazetteer_decisions(entity_of: dict[Mention, str], labels: dict[str, str],
                         made: Sequence[MergeDecision]) -> tuple[MergeDecision, ...]:
    """"Britain" -> United Kingdom: names the gazetteer joins, so that aliases.json lists
    every merge and not only those the rules decided."""
    places = place_by_key()
    recorded = {(normalise_name(d.alias), d.entity_id) for d in made}
    found: dict[tuple[str, str], MergeDecision] = {}
    for mention, node in entity_of.items():
        place = places.get(mention.key)
        if place is None or node not in labels:
            continue
        alias = normalise_name(mention.text)
        if alias == normalise_name(labels[node]) or (alias, node) in recorded:
            continue
        how = _gazetteer_reason(alias, place)
        if how:
            found.setdefault((alias, node), MergeDecision(mention.text, node,
                                                          f"gazetteer: {how} {place.name}"))
    return tuple(found[key] for key in sorted(found))


def _gazetteer_reason(alias: str, place: Place) -> str:
    """How a name stands for a gazetteer entry; empty when it is not one of its names (an
    anaphor such as "the group" is resolved by other rules)."""
    for how, names in (("a name of", (place.name, *place.aliases)),
                       ("the demonym of", place.demonyms),
                       ("the capital, standing for", place.capitals)):
        if alias in {normalise_name(n) for n in names}:
            return how
    return ""


def _merge_by_meeting_role(resolver: _Resolver, claims: list[Claim]) -> None:
    """Groups with one head noun, never in one article, attending one meeting."""
    identity = {k: k for k in set(resolver.key_of.values())}
    clusters = _meeting_clusters(resolver, claims, identity)
    meetings = _merge_meetings(_Resolver(resolver.extractions, resolver.rules), clusters)
    attendees: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.relation == "attends" and claim.object is not None \
                and claim.object.key in clusters and not claim.negated:
            subject = resolver.key_of.get(claim.subject)
            if subject and subject.startswith("org:") and subject.removeprefix("org:") not in {
                    p.name for p in place_by_key().values()}:
                attendees[meetings.find(claim.object.key)].add(resolver.union.find(subject))
    articles_of: dict[str, set[str]] = defaultdict(set)
    names_of: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        root = resolver.union.find(key)
        articles_of[root].add(mention.article_id)
        if not mention.key.startswith("anaphor:"):
            names_of[root].add(mention.text)
    for _, groups in sorted(attendees.items()):
        ordered = sorted(groups)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                heads_a = {h for n in names_of[a] for h in _head_words(n)}
                heads_b = {h for n in names_of[b] for h in _head_words(n)}
                shared = heads_a & heads_b & words("organizations", "heads")
                if shared and not (articles_of[a] & articles_of[b]):
                    resolver.merge(a, b, sorted(names_of[b])[0] if names_of[b] else b,
                                   f'same head noun "{sorted(shared)[0]}", both attend the same '
                                   "meeting, never named in the same article")


def _unique_id(candidate: str, taken: dict[str, Entity]) -> str:
    node_id, suffix = candidate, 2
    while node_id in taken:
        node_id, suffix = f"{candidate}-{suffix}", suffix + 1
    return node_id


def _entity(node_id: str, label: str, members: list[Mention],
            roles_of: dict[Mention, list[str]]) -> Entity:
    kind = members[0].type
    aliases = [m.key.removeprefix("person:") if kind == "person" else m.text for m in members
               if not m.key.startswith("anaphor:")]
    if kind == "person":
        aliases += [m.text for m in members]
    roles = [role for m in members for role in roles_of.get(m, ())]
    return Entity(node_id, label, kind, tuple(sorted(set(aliases) - {""})), len(members),
                  tuple(sorted({m.article_id for m in members})), tuple(dict.fromkeys(roles)))


def _meetings(resolver: _Resolver, claims: list[Claim], id_of_root: dict[str, str],
              entities: dict[str, Entity]) -> tuple[list[Entity], dict[Mention, str]]:
    entity_of_key = {root: node for root, node in id_of_root.items()}
    clusters = _meeting_clusters(resolver, claims, entity_of_key)
    union = _merge_meetings(resolver, clusters)
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
        node_id = _unique_id(f"meeting:{slugify(label)}", taken)
        mentions = [m for key in sorted(keys) for m in mentions_of[key]]
        aliases = tuple(sorted({m.text for m in mentions if not m.implicit}))
        entity = Entity(node_id, label, "meeting", aliases,
                        len(mentions), tuple(sorted({m.article_id for m in mentions})),
                        date=date, venue=venue)
        taken[node_id] = entity
        result.append(entity)
        for mention in mentions:
            meeting_of[mention] = node_id
    return result, meeting_of


def _used_entities(claims: list[Claim], entity_of: dict[Mention, str]) -> set[str]:
    used: set[str] = set()
    for claim in claims:
        ends = [m for m in (claim.subject, claim.object) if m is not None]
        if all(m in entity_of for m in ends):
            used.update(entity_of[m] for m in ends)
    return used
