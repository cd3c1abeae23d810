"""The resolver's state: mention keys, their union and every merge decision with its reason."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graphbuild.names import normalise_name
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


def head_words(text: str) -> set[str]:
    tokens = [w for w in re.findall(r"[\w-]+", normalise_name(text)) if w not in STOPWORDS]
    return {tokens[0], tokens[-1]} if tokens else set()


@dataclass
class Resolver:
    extractions: Sequence[ArticleExtraction]
    rules: AliasRules
    decisions: list[MergeDecision] = field(default_factory=list)
    union: UnionFind = field(default_factory=UnionFind)
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


def unique_id(candidate: str, taken: dict[str, Entity]) -> str:
    node_id, suffix = candidate, 2
    while node_id in taken:
        node_id, suffix = f"{candidate}-{suffix}", suffix + 1
    return node_id
