"""Frozen records that cross stage boundaries.

Every stage consumes and produces these plain values, never spaCy objects, so
resolution, graph building, export and query run and test without a model.
Character offsets always refer to ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "country", "organization", "meeting", "location")
MODALITIES = ("asserted", "planned", "expected", "reported")


@dataclass(frozen=True)
class Article:
    """One input file after decoding and clean-up.

    ``outlet``, ``published`` (ISO ``YYYY-MM-DD``) and ``url`` are empty when the
    input does not say them.
    """

    id: str
    path: str
    title: str
    text: str
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()
    dropped_lines: int = 0
    outlet: str = ""
    published: str = ""
    url: str = ""


@dataclass(frozen=True)
class Mention:
    """A surface form of an entity or meeting in one article.

    ``key`` is the pre-resolution identity: a gazetteer id such as
    ``country:GBR`` when the name is known, otherwise the cleaned name.
    Meetings also carry their ``date`` expression, ``venue`` and ``group``
    (the key of the body that meets), each as written; ``implicit`` marks a
    meeting read from a verb ("ministers will convene") rather than a noun, and
    ``contrasted`` one the article sets apart from the story's meeting ("the previous
    summit", "Baghdad last hosted the summit in 2012").
    """

    article_id: str
    start: int
    end: int
    text: str
    type: str
    key: str
    sentence: int = 0
    role: str | None = None
    date: str | None = None
    venue: str | None = None
    group: str | None = None
    kind: str | None = None
    implicit: bool = False
    contrasted: bool = False


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: the sentence and the words that triggered it.

    ``start``/``end`` delimit the sentence and ``cue_start``/``cue_end`` the cue,
    both as offsets into the article text (``-1`` when there is no cue span).
    """

    article_id: str
    sentence: str
    start: int
    end: int
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1


@dataclass(frozen=True)
class Claim:
    """One relation read from one sentence, before entities are resolved."""

    subject: Mention
    relation: str
    object: Mention | None
    evidence: Evidence
    negated: bool = False
    modality: str = "asserted"
    cue: str = ""
    attributed_to: Mention | None = None
    role: str | None = None
    confidence: float = 0.6


@dataclass(frozen=True)
class Entity:
    """A resolved node: every mention that refers to one real-world thing."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    documents: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    date: str | None = None
    venue: str | None = None


@dataclass(frozen=True)
class MergeDecision:
    """Why two surface forms ended up on one node (written to aliases.json)."""

    alias: str
    entity_id: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    """Output of the resolve stage."""

    entities: tuple[Entity, ...]
    entity_of: dict[Mention, str] = field(default_factory=dict, hash=False)
    decisions: tuple[MergeDecision, ...] = ()


@dataclass(frozen=True)
class AliasLink:
    """Text evidence that two mentions name the same thing ("X, known as Y")."""

    first: Mention
    second: Mention
    reason: str


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything the extract stage read from one article; ``over_budget`` when reading it
    was stopped for taking too long (it then holds nothing)."""

    article_id: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    alias_links: tuple[AliasLink, ...] = ()
    over_budget: bool = False
