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

from collections import Counter, defaultdict
from collections.abc import Sequence

from graphbuild.graph import entity_id
from graphbuild.lexicon import place_by_key
from graphbuild.names import normalise_name
from graphbuild.resolve.core import STOPWORDS, Resolver, alias_forms, unique_id
from graphbuild.resolve.explain import explain
from graphbuild.resolve.meetings import meeting_entities
from graphbuild.resolve.organisations import anaphor_keys, merge_by_meeting_role, organisation_keys
from graphbuild.resolve.people import person_keys
from graphbuild.resolve.rules import AliasRules, apply_user_merges, load_alias_rules
from graphbuild.types import (
    Article,
    ArticleExtraction,
    Claim,
    Entity,
    Mention,
    MergeDecision,
    Resolution,
)

__all__ = ["AliasRules", "load_alias_rules", "resolve"]


def resolve(extractions: Sequence[ArticleExtraction], *, rules: AliasRules | None = None,
            articles: Sequence[Article] = ()) -> Resolution:
    """Resolve every mention of every article to an entity.

    ``articles`` give the words before each mention: the "Mr" of "Mr Howard said" tells
    whose sex a person is, which keeps "Mrs Howard" apart from him.
    """
    resolver = Resolver(extractions, rules or AliasRules(),
                        texts={article.id: article.text for article in articles})
    claims = [c for e in extractions for c in e.claims]
    person_keys(resolver)
    organisation_keys(resolver)
    _simple_keys(resolver)
    _unjoin_forbidden_gazetteer_names(resolver)
    anaphor_keys(resolver)
    apply_user_merges(resolver)
    merge_by_meeting_role(resolver, claims)

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
        # A capital kept apart from its country (alias file) is the city, a location.
        kind = "location" if root.startswith("location:") else members[0].type
        label = _label(members, canonical, kind)
        node_id = unique_id(entity_id(kind, label), entities)
        id_of_root[root] = node_id
        entities[node_id] = _entity(node_id, label, kind, members, roles_of)

    meetings, meeting_of = meeting_entities(resolver, claims, id_of_root, entities)
    entity_of = {m: id_of_root[resolver.union.find(k)] for m, k in resolver.key_of.items()}
    entity_of.update(meeting_of)
    used = _used_entities(claims, entity_of)
    kept = [e for e in [*entities.values(), *meetings]
            if e.type != "meeting" or e.id in used]
    kept_ids = {e.id for e in kept}
    node_of_key = {key: id_of_root[resolver.union.find(key)] for key in resolver.key_of.values()}
    node_of_key.update({m.key: node for m, node in meeting_of.items()})
    node_of_key.update(id_of_root)
    decisions = tuple(MergeDecision(d.alias, node_of_key.get(d.entity_id, d.entity_id), d.reason)
                      for d in resolver.decisions
                      if node_of_key.get(d.entity_id, d.entity_id) in kept_ids)
    decisions += explain(resolver, entity_of, kept, decisions)
    return Resolution(tuple(sorted(kept, key=lambda e: e.id)),
                      {m: i for m, i in entity_of.items() if i in kept_ids}, decisions)


def _unjoin_forbidden_gazetteer_names(resolver: Resolver) -> None:
    """A name the alias file forbids with another name of its gazetteer entry ("Kyiv" and
    "Ukraine") gets a node of its own, unless it is the entry's own name: a capital the
    city's, any other name one of the entry's type."""
    if not resolver.rules.forbid:
        return
    places = place_by_key()
    for mention, key in list(resolver.key_of.items()):
        place = places.get(key)
        if place is None or normalise_name(mention.text) == normalise_name(place.name):
            continue
        names = (place.name, *place.aliases, *place.demonyms, *place.capitals)
        if any(resolver.forbidden_names(mention.text, name) for name in names):
            capital = normalise_name(mention.text) in map(normalise_name, place.capitals)
            kind = "location" if capital else key.split(":", 1)[0]
            resolver.key_of[mention] = f"{kind}:{mention.text}"


def _simple_keys(resolver: Resolver) -> None:
    for mention in resolver.mentions():
        if mention.type in ("country", "location") and mention not in resolver.key_of:
            key = mention.key
            if mention.type == "location" and not key.removeprefix("location:")[:1].isupper():
                continue
            resolver.key_of[mention] = key


def _label(members: list[Mention], key: str, kind: str) -> str:
    place = place_by_key().get(key)
    if place is not None:
        return place.name
    texts = Counter(m.text if kind != "person" else m.key.removeprefix("person:")
                    for m in members if not m.key.startswith("anaphor:"))
    if kind == "person":
        full = [t for t in texts if " " in t]
        if not full and " " in key:
            return key.removeprefix("person:")  # titled apart: "Mrs Howard"
        return max(full or list(texts), key=lambda t: (texts[t], len(t), t))
    if kind == "organization":
        titled = [t for t in texts if all(w[:1].isupper() for w in t.split()
                                          if w.lower() not in STOPWORDS)]
        pool = titled or list(texts) or [key.split(":", 1)[-1]]
        return max(pool, key=lambda t: (texts[t], len(t), [-ord(c) for c in t]))
    label = max(texts, key=lambda t: (texts[t], t)) if texts else key.split(":", 1)[-1]
    return label.title() if label.isupper() and len(label) > 4 else label


def _entity(node_id: str, label: str, kind: str, members: list[Mention],
            roles_of: dict[Mention, list[str]]) -> Entity:
    aliases = [form for m in members for form in alias_forms(kind, m)]
    roles = [role for m in members for role in roles_of.get(m, ())]
    return Entity(node_id, label, kind, tuple(sorted(set(aliases))), len(members),
                  tuple(sorted({m.article_id for m in members})), tuple(dict.fromkeys(roles)))


def _used_entities(claims: list[Claim], entity_of: dict[Mention, str]) -> set[str]:
    used: set[str] = set()
    for claim in claims:
        ends = [m for m in (claim.subject, claim.object) if m is not None]
        if all(m in entity_of for m in ends):
            used.update(entity_of[m] for m in ends)
    return used
