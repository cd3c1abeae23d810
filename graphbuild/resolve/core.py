"""The resolver's state: mention keys, their union and every merge decision with its reason."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graphbuild.names import normalise_name, party_words
from graphbuild.resolve.rules import AliasRules
from graphbuild.types import ArticleExtraction, Entity, Mention, MergeDecision

STOPWORDS = {"the", "of", "for", "and", "on", "in", "a", "an", "'s", "’s"}


class UnionFind:
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
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w-]+", normalise_name(text)) if w not in STOPWORDS)


@lru_cache(maxsize=1 << 16)
def head_words(text: str) -> frozenset[str]:
    tokens = [w for w in re.findall(r"[\w-]+", normalise_name(text)) if w not in STOPWORDS]
    return frozenset((tokens[0], tokens[-1])) if tokens else frozenset()


@dataclass
class Resolver:
    extractions: Sequence[ArticleExtraction]
    rules: AliasRules
    # Article id -> text, to read the words before a mention.
    texts: dict[str, str] = field(default_factory=dict)
    decisions: list[MergeDecision] = field(default_factory=list)
    union: UnionFind = field(default_factory=UnionFind)
    key_of: dict[Mention, str] = field(default_factory=dict)
    # Why each mention given to another key, and each key merged, joined its group: every
    # alias of a node is explained in aliases.json.
    reason_of_mention: dict[Mention, str] = field(default_factory=dict)
    reason_of_key: dict[str, str] = field(default_factory=dict)
    # The distinctive words of the party names in each group, by its root key.
    parties: dict[str, frozenset[frozenset[str]]] = field(default_factory=dict)

    def mentions(self) -> Iterable[Mention]:
        for extraction in self.extractions:
            yield from extraction.mentions

    def decide(self, alias: str, target: str, reason: str) -> None:
        self.decisions.append(MergeDecision(alias, target, reason))

    def assign(self, mention: Mention, key: str, reason: str) -> None:
        """Give one mention (not its whole key) to the group of ``key``, and say why."""
        self.key_of[mention] = key
        self.reason_of_mention[mention] = reason
        self.decide(mention.text, key, reason)

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
        if not self.rules.forbid:
            return False
        pair = {normalise_name(a), normalise_name(b)}
        return any({normalise_name(x), normalise_name(y)} == pair for x, y in self.rules.forbid)

    def _names(self, root: str) -> set[str]:
        names = {m.text for m, k in self.key_of.items() if self.union.find(k) == root}
        names.add(root.split(":", 1)[-1])
        return names

    def _parties(self, root: str) -> frozenset[frozenset[str]]:
        if root not in self.parties:
            own = party_words(root.removeprefix("org:")) if root.startswith("org:") else None
            self.parties[root] = frozenset({own} if own else ())
        return self.parties[root]

    def rival_parties(self, a: str, b: str) -> bool:
        """Whether the groups of keys ``a`` and ``b`` are two parties: each has a party
        name and they share none, so Labour never absorbs the Conservative Party."""
        parties_a = self._parties(self.union.find(a))
        parties_b = self._parties(self.union.find(b))
        return bool(parties_a and parties_b and parties_a.isdisjoint(parties_b))

    def merge(self, a: str, b: str, alias: str, reason: str, *, forced: bool = False) -> None:
        """Join the groups of keys ``a`` and ``b`` unless the alias file forbids it or,
        when not ``forced`` by the alias file, they are two parties."""
        root_a, root_b = self.union.find(a), self.union.find(b)
        if root_a == root_b or self.forbidden(a, b) or (not forced
                                                         and self.rival_parties(a, b)):
            return
        parties = self._parties(root_a) | self._parties(root_b)
        self.union.union(a, b)
        self.parties[self.union.find(a)] = parties
        self.reason_of_key.setdefault(a, reason)
        self.reason_of_key.setdefault(b, reason)
        self.decide(alias, self.union.find(a), reason)


def alias_forms(kind: str, mention: Mention) -> list[str]:
    """The names a mention gives its entity of type ``kind``: its text (not an anaphor's,
    nor an implicit meeting's), and for a person also the name it was keyed by."""
    if kind == "meeting":
        forms = [] if mention.implicit else [mention.text]
    elif kind == "person":
        forms = [mention.text]
        if not mention.key.startswith("anaphor:"):
            forms.append(mention.key.removeprefix("person:"))
    else:
        forms = [] if mention.key.startswith("anaphor:") else [mention.text]
    return [form for form in forms if form]


def unique_id(candidate: str, taken: dict[str, Entity]) -> str:
    node_id, suffix = candidate, 2
    while node_id in taken:
        node_id, suffix = f"{candidate}-{suffix}", suffix + 1
    return node_id
