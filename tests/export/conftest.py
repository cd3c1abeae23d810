"""Fixtures for exporter tests: hostile and generic graphs, and pages in Chromium."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphbuild.export.html import write_html

from .graphs import hostile_graph
from .helpers import CHROMIUM, Page, require


@pytest.fixture
def hostile() -> nx.MultiDiGraph:
    return hostile_graph()


@pytest.fixture
def generic_graph() -> nx.MultiDiGraph:
    """Attributes beyond the contract: mixed types, lists, None, odd names and ids."""
    graph = nx.MultiDiGraph(model="m", articles=[], extra_flag=True, weights=[1, 2])
    graph.add_node("a", label="A", type="person", mentions=1, score=1, tags=["x", "y"],
                   note=None, big=2**40)
    graph.add_node("two words", label="B", type="country", mentions=3, score=2.5,
                   tags="plain", flag=True, big=1)
    graph.add_node("c", label="C", type="spaceship", mixed=True, **{"odd name": "v"})
    graph.add_edge("a", "two words", key="hosts", relation="hosts", negated=False, weight=3,
                   label="custom label", mixed=1, extra={"k": [1, None]})
    graph.add_edge("a", "two words", key="not-hosts", relation="hosts", negated=True,
                   mixed="one", key_like="k")
    graph.add_edge("two words", "c", key=0, relation="attends", when=None)
    return graph


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, started once for every page test."""
    require(Path(CHROMIUM).exists(), f"chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """``open_page(graph, fragment="#node=...", **write_html_options)`` -> :class:`Page`."""
    pages = []

    def opener(graph, *, fragment: str = "", **options):
        path = tmp_path / f"graph{len(pages)}.html"
        write_html(graph, path, **options)
        pages.append(Page(browser, path, fragment=fragment))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()
