"""Fixtures for the rule tests: parse a text with the real pipeline and extract."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graphbuild.build import _pipeline
from graphbuild.extract import extract
from graphbuild.lexicon import place_by_key
from graphbuild.types import Article, ArticleExtraction, Mention

Triple = tuple[str, str, str, bool]


def readable(mention: Mention | None) -> str:
    """Country and body keys as their names, people by their cleaned names, meetings
    as ``meeting`` plus their date when known."""
    if mention is None:
        return "*"
    if mention.type == "meeting":
        return f"meeting@{mention.date}" if mention.date else "meeting"
    place = place_by_key().get(mention.key)
    if place is not None:
        return place.name
    return mention.key.split(":", 1)[-1]


@pytest.fixture(scope="session")
def read() -> Callable[[str], ArticleExtraction]:
    nlp = _pipeline(None)

    def run(text: str) -> ArticleExtraction:
        # As ingest does for a text file: a first line on its own is the headline.
        title = text.split("\n", 1)[0] if "\n" in text else ""
        return extract(nlp(text), Article("t", "t.txt", title, text))

    return run


@pytest.fixture(scope="session")
def triples(read: Callable[[str], ArticleExtraction]) -> Callable[[str], set[Triple]]:
    def run(text: str) -> set[Triple]:
        return {(readable(c.subject), c.relation, readable(c.object), c.negated)
                for c in read(text).claims}

    return run
