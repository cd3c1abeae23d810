"""Every alias of every node explained: the decisions the rules took, the names the
gazetteer joins, and for the rest the reason their mention or key joined the node."""

from __future__ import annotations

from collections.abc import Sequence

from graphbuild.lexicon import Place, place_by_key
from graphbuild.names import normalise_name
from graphbuild.resolve.core import Resolver, alias_forms
from graphbuild.types import Entity, Mention, MergeDecision


def explain(resolver: Resolver, entity_of: dict[Mention, str], kept: Sequence[Entity],
            made: Sequence[MergeDecision]) -> tuple[MergeDecision, ...]:
    """The decisions to add to ``made`` so that aliases.json explains each alias of each
    kept node (but its label)."""
    labels = {e.id: e.label for e in kept}
    gazetteer = _gazetteer_decisions(entity_of, labels, made)
    kinds = {e.id: e.type for e in kept}
    explained = {(normalise_name(d.alias), d.entity_id) for d in (*made, *gazetteer)}
    explained |= {(normalise_name(label), node) for node, label in labels.items()}
    # Only the mentions with a name left to explain, in the order that picks which one
    # explains it (nearly all names are explained already: sorting them all cost more).
    unexplained = []
    for mention, node in entity_of.items():
        forms = alias_forms(kinds[node], mention) if node in kinds else []
        if any((normalise_name(form), node) not in explained for form in forms):
            unexplained.append((mention, node, forms))
    unexplained.sort(key=lambda item: (item[1], item[0].article_id, item[0].start,
                                       item[0].end))
    found: dict[tuple[str, str], MergeDecision] = {}
    for mention, node, forms in unexplained:
        for form in forms:
            key = (normalise_name(form), node)
            if key in explained or key in found:
                continue
            reason = _reason(resolver, mention, form)
            if reason:
                found[key] = MergeDecision(form, node, reason)
    return gazetteer + tuple(found[key] for key in sorted(found))


def _reason(resolver: Resolver, mention: Mention, form: str) -> str:
    """Why this name of the mention is on its node: how its article read it, how its key
    joined the node, which per-article meeting it names, or that it names the key itself."""
    if mention.type == "meeting":
        return f"a mention of meeting {mention.key}"
    if mention in resolver.reason_of_mention:
        return resolver.reason_of_mention[mention]
    place = place_by_key().get(mention.key)
    named = place.name if place else mention.key.split(":", 1)[-1]
    if form == mention.text and normalise_name(form) != normalise_name(named):
        return f'read as "{named}" in article {mention.article_id}'
    key = resolver.key_of.get(mention, mention.key)
    # Else the name is that of the key the node is built on, labelled after other mentions.
    return resolver.reason_of_key.get(key, f'the name of its key "{key}" in article '
                                           f"{mention.article_id}")


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
