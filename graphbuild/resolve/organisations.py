"""Organisations: text evidence, reordered names, short forms, anaphors, translations."""

from __future__ import annotations

from collections import defaultdict

from graphbuild.lexicon import place_by_key, words
from graphbuild.names import name_key
from graphbuild.resolve.core import Resolver, content_words, head_words
from graphbuild.resolve.meetings import meeting_clusters, merge_meetings
from graphbuild.types import Claim, Mention


def organisation_keys(resolver: Resolver) -> None:
    """Organisation keys: text evidence, reordered names, short forms, mistyped people."""
    gazetteer_names = {p.name for p in place_by_key().values() if p.type == "organization"}
    people = {name_key(k.removeprefix("person:")): k for m, k in resolver.key_of.items()
              if m.type == "person" and " " in k}
    by_words: dict[frozenset[str], str] = {}
    for place in sorted(gazetteer_names):
        for name in (place, *place_by_key()[f"org:{place}"].aliases):
            signature = content_words(name)
            if len(signature) > 1:
                by_words.setdefault(signature, f"org:{place}")
    for mention in resolver.mentions():
        if mention.type != "organization" or mention.key.startswith("anaphor:"):
            continue
        person = people.get(name_key(mention.text))
        if person is not None and mention.key.removeprefix("org:") not in gazetteer_names:
            resolver.assign(mention, person, "the same name is a person elsewhere")
            continue
        resolver.key_of[mention] = mention.key
        if mention.key.removeprefix("org:") in gazetteer_names:
            continue
        signature = content_words(mention.text)
        # Only a mention that is the name compares by its words: "the only party" read as
        # Labour in one article and as the Conservatives in another names neither.
        if len(signature) > 1 and signature == content_words(mention.key.removeprefix("org:")):
            earlier = by_words.setdefault(signature, mention.key)
            if earlier != mention.key:
                resolver.merge(earlier, mention.key, mention.text, "same words in another order")
    for extraction in resolver.extractions:
        for link in extraction.alias_links:
            first = resolver.key_of.get(link.first, link.first.key)
            second = resolver.key_of.get(link.second, link.second.key)
            resolver.merge(first, second, link.second.text, link.reason)
    _short_forms(resolver)


def _short_forms(resolver: Resolver) -> None:
    """'the Council' after 'the Arctic Council' in one article: one group.

    A short form that is a bare head noun ("Party", "the Council") names that group in
    that article only, so the mention joins it, not every "Party" of the corpus.
    """
    heads = words("organizations", "heads")
    known = place_by_key()
    by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for mention, key in resolver.key_of.items():
        if mention.type == "organization":
            by_article[mention.article_id].append((mention, key))
    for article_id, pairs in sorted(by_article.items()):
        # The keys of the article's longer names, by their head words.
        longer_keys: dict[str, list[str]] = defaultdict(list)
        for m, k in pairs:
            if len(content_words(m.text)) > 1:
                for head in head_words(m.text):
                    longer_keys[head].append(k)
        for mention, key in pairs:
            words_of = content_words(mention.text)
            if len(words_of) != 1:
                continue
            (word,) = words_of
            if key in known and any(k in known for k in longer_keys.get(word, ())):
                continue  # "UN" and "UN Security Council": two bodies the gazetteer knows
            longer = {resolver.union.find(k) for k in longer_keys.get(word, ())}
            if len(longer) != 1:
                continue
            (root,) = longer
            reason = f"short form of a longer name in {article_id}"
            if word in heads:
                resolver.assign(mention, root, reason)
            else:
                resolver.merge(root, key, mention.text, reason)


def anaphor_keys(resolver: Resolver) -> None:
    """'the coalition' with no antecedent in its article -> the corpus's only coalition."""
    roots_by_head: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        if mention.type == "organization":
            for head in head_words(mention.text):
                roots_by_head[head].add(resolver.union.find(key))
    for members in resolver.union.groups().values():
        for member in members:
            if member.startswith("org:"):
                for head in head_words(member.removeprefix("org:")):
                    roots_by_head[head].add(resolver.union.find(member))
    for mention in resolver.mentions():
        if not mention.key.startswith("anaphor:"):
            continue
        noun = mention.key.removeprefix("anaphor:")
        roots = roots_by_head.get(noun, set())
        if len(roots) == 1:
            (root,) = roots
            resolver.assign(mention, root, f'only group called "{noun}" in the corpus')


def merge_by_meeting_role(resolver: Resolver, claims: list[Claim]) -> None:
    """Groups with one head noun, never in one article, attending one meeting."""
    identity = {k: k for k in set(resolver.key_of.values())}
    clusters = meeting_clusters(resolver, claims, identity)
    meetings = merge_meetings(Resolver(resolver.extractions, resolver.rules), clusters)
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
                heads_a = {h for n in names_of[a] for h in head_words(n)}
                heads_b = {h for n in names_of[b] for h in head_words(n)}
                shared = heads_a & heads_b & words("organizations", "heads")
                if shared and not (articles_of[a] & articles_of[b]):
                    resolver.merge(a, b, sorted(names_of[b])[0] if names_of[b] else b,
                                   f'same head noun "{sorted(shared)[0]}", both attend the same '
                                   "meeting, never named in the same article")
