"""Shared fixtures: a small hand-built graph and hand-written extractions that need no
spaCy model, plus the real pipeline and the sample build, loaded once per session."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pytest

from graphbuild.graph import build_graph
from graphbuild.types import (
    AliasLink,
    Article,
    ArticleExtraction,
    Claim,
    Entity,
    Evidence,
    Mention,
    Resolution,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from graphbuild.build import BuildResult


def _mention(article: str, text: str, kind: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, kind, key)


@pytest.fixture
def tiny_graph() -> nx.MultiDiGraph:
    """Two articles, a meeting with a host, a negated attendee and a dispute."""
    a1 = "Britain will host the summit on Monday. Freedonia will not attend the summit."
    a2 = "Freedonia will attend the summit, officials said. <script>alert(1)</script>"
    articles = [Article("a1", "a1.txt", "First <b>story</b>", a1, outlet="Daily Herald",
                        published="2025-04-02", url="https://herald.example/a1"),
                Article("a2", "a2.txt", "Second story", a2)]
    uk = _mention("a1", "Britain", "country", "country:GBR")
    summit1 = _mention("a1", "the summit", "meeting", "m", 18)
    fr1 = _mention("a1", "Freedonia", "country", "country:FRE", 40)
    summit1b = _mention("a1", "the summit", "meeting", "m", 67)
    fr2 = _mention("a2", "Freedonia", "country", "country:FRE")
    summit2 = _mention("a2", "the summit", "meeting", "m", 22)
    entities = (
        Entity("country:united-kingdom", "United Kingdom", "country", ("Britain",), 1, ("a1",)),
        Entity("country:freedonia", "Freedonia", "country", ("Freedonia",), 2, ("a1", "a2")),
        Entity("meeting:summit-monday", "Summit (Monday)", "meeting", ("the summit",), 3,
               ("a1", "a2"), date="Monday", venue=""),
    )
    entity_of = {uk: "country:united-kingdom", fr1: "country:freedonia",
                 fr2: "country:freedonia", summit1: "meeting:summit-monday",
                 summit1b: "meeting:summit-monday", summit2: "meeting:summit-monday"}
    s1 = a1[:39]
    s2 = a1[40:]
    s3 = a2[:49]
    claims = [
        Claim(uk, "hosts", summit1, Evidence("a1", s1, 0, 39, "host", 13, 17), cue="host",
              modality="planned"),
        Claim(fr1, "attends", summit1b, Evidence("a1", s2, 40, len(a1), "will not attend", 50, 65),
              negated=True, cue="will not attend", modality="planned"),
        Claim(fr2, "attends", summit2, Evidence("a2", s3, 0, 49, "attend", 15, 21), cue="attend",
              modality="reported", attributed_to=_mention("a2", "officials", "organization", "o")),
    ]
    resolution = Resolution(entities, entity_of)
    return build_graph(articles, resolution, claims, model="test")


# -- hand-built extractions (no model) ----------------------------------------


class Story:
    """The mentions, claims and alias links of one hand-written article.

    Offsets are assigned in call order, so two mentions with the same text in
    one story are still distinct records.
    """

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self.mentions: list[Mention] = []
        self.claims: list[Claim] = []
        self.links: list[AliasLink] = []
        self._offset = 0
        self._meetings = 0
        self._text: list[str] = []

    def write(self, text: str) -> None:
        """Words of the article that are no mention ("Mr" before "Lindqvist")."""
        self._text.append(text)
        self._offset += len(text) + 1

    def mention(self, text: str, type_: str, key: str, **fields: object) -> Mention:
        start = self._offset
        self._text.append(text)
        self._offset += len(text) + 1
        mention = Mention(self.article_id, start, start + len(text), text, type_, key,
                          **fields)  # type: ignore[arg-type]
        self.mentions.append(mention)
        return mention

    def person(self, name: str) -> Mention:
        return self.mention(name, "person", f"person:{name}")

    def country(self, text: str, code: str) -> Mention:
        return self.mention(text, "country", f"country:{code}")

    def org(self, text: str, key: str | None = None) -> Mention:
        return self.mention(text, "organization", key or f"org:{text.lower()}")

    def meeting(self, date: str | None, *, text: str = "the meeting", kind: str = "meeting",
                venue: str | None = None, group: str | None = None) -> Mention:
        key = f"{self.article_id}#meeting-{self._meetings}"
        self._meetings += 1
        return self.mention(text, "meeting", key, date=date, venue=venue, group=group,
                            kind=kind)

    def claim(self, subject: Mention, relation: str, obj: Mention | None = None, *,
              cue: str = "", **fields: object) -> Claim:
        start = subject.start
        end = (obj or subject).end
        sentence = f"{subject.text} {relation} {obj.text if obj else ''}".strip()
        claim = Claim(subject, relation, obj,
                      Evidence(self.article_id, sentence, start, end, cue), cue=cue,
                      **fields)  # type: ignore[arg-type]
        self.claims.append(claim)
        return claim

    def link(self, first: Mention, second: Mention, reason: str) -> AliasLink:
        link = AliasLink(first, second, reason)
        self.links.append(link)
        return link

    def article(self) -> Article:
        """The article whose text holds the mentions at their offsets."""
        return Article(self.article_id, f"{self.article_id}.txt", self.article_id,
                       " ".join(self._text))

    def extraction(self) -> ArticleExtraction:
        return ArticleExtraction(self.article_id, tuple(self.mentions), tuple(self.claims),
                                 tuple(self.links))


@pytest.fixture
def story() -> type[Story]:
    """Factory for hand-written articles: ``a1 = story("a1"); a1.person("John Healey")``."""
    return Story


# -- the real model and the sample build, loaded once per session --------------

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The spaCy pipeline with graphbuild's components (the pinned model).

    This is ``load_pipeline()`` as cached by the build, so the model is loaded once
    for the whole session, however many tests parse or build.
    """
    from graphbuild.build import _pipeline

    return _pipeline(None)


@pytest.fixture(scope="session")
def sample_build() -> BuildResult:
    """``build_corpus(["corpus"])`` of the sample corpus, run from the repository root
    so article paths match the committed ``outputs/``."""
    from graphbuild.build import build_corpus

    with contextlib.chdir(REPO):
        return build_corpus(["corpus"])
