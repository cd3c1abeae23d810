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
from graphbuild.lexicon import Place, place_by_key
from graphbuild.names import normalise_name
from graphbuild.resolve.core import STOPWORDS, Resolver, unique_id
from graphbuild.resolve.meetings import meeting_entities
from graphbuild.resolve.organisations import anaphor_keys, merge_by_meeting_role, organisation_keys
from graphbuild.resolve.people import person_keys
from graphbuild.resolve.rules import AliasRules, apply_user_merges, load_alias_rules
from graphbuild.types import ArticleExtraction, Claim, Entity, Mention, MergeDecision, Resolution

__all__ = ["AliasRules", "load_alias_rules", "resolve"]


def resolve(extractions: Sequence[ArticleExtraction], *,
            rules: AliasRules | None = None) -> Resolution:
    """Resolve every mention of every article to an entity."""
    resolver = Resolver(extractions, rules or AliasRules())
    claims = [c for e in extractions for c in e.claims]
    person_keys(resolver)
    organisation_keys(resolver)
    _simple_keys(resolver)
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
        label = _label(members, canonical)
        node_id = unique_id(entity_id(members[0].type, label), entities)
        id_of_root[root] = node_id
        entities[node_id] = _entity(node_id, label, members, roles_of)

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


def _simple_keys(resolver: Resolver) -> None:
    for mention in resolver.mentions():
        if mention.type in ("country", "location") and mention not in resolver.key_of:
            key = mention.key
            if mention.type == "location" and not key.removeprefix("location:")[:1].isupper():
                continue
            resolver.key_of[mention] = key


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
                                          if w.lower() not in STOPWORDS)]
        pool = titled or list(texts) or [key.split(":", 1)[-1]]
        return max(pool, key=lambda t: (texts[t], len(t), [-ord(c) for c in t]))
    label = max(texts, key=lambda t: (texts[t], t)) if texts else key.split(":", 1)[-1]
    return label.title() if label.isupper() and len(label) > 4 else label


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


def _used_entities(claims: list[Claim], entity_of: dict[Mention, str]) -> set[str]:
    used: set[str] = set()
    for claim in claims:
        ends = [m for m in (claim.subject, claim.object) if m is not None]
        if all(m in entity_of for m in ends):
            used.update(entity_of[m] for m in ends)
    return used
