"""The first view of real builds: the sample corpus and 400 BBC politics articles.

Set GRAPHBUILD_SCREENSHOTS=docs/screenshots to save the README's screenshots.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest

from .helpers import Page, isolated, overlapping

BBC = Path(os.environ.get("GRAPHBUILD_BBC_CORPUS")
           or Path(__file__).parents[3] / "shared" / "corpora" / "bbc_news_2225")
ARTICLES = 400
#: At most this share of the drawn labels may overlap another label.
MAX_OVERLAP = 0.05
SCREENSHOTS = os.environ.get("GRAPHBUILD_SCREENSHOTS")


def screenshot(view: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        view.page.screenshot(path=str(Path(SCREENSHOTS) / name))


@pytest.fixture(scope="session")
def bbc_page(tmp_path_factory) -> Path:
    """The page of the first 400 articles of the BBC corpus, politics first (built once)."""
    from graphbuild.build import build_corpus, write_outputs

    if not BBC.is_dir():
        pytest.skip(f"the BBC corpus is not at {BBC} (set GRAPHBUILD_BBC_CORPUS)")
    corpus = tmp_path_factory.mktemp("bbc") / "corpus"
    corpus.mkdir()
    folders = ["politics"] + sorted(p.name for p in BBC.iterdir()
                                    if p.is_dir() and p.name != "politics")
    files = [f for folder in folders for f in sorted((BBC / folder).glob("*.txt"))][:ARTICLES]
    for file in files:
        shutil.copy(file, corpus / f"{file.parent.name}-{file.name}")
    outputs = corpus.parent / "outputs"
    write_outputs(build_corpus(corpus, cache=outputs / "cache.sqlite"), outputs,
                  formats=["html"])
    return outputs / "graph.html"


def check_first_view(view: Page) -> list[dict]:
    """No drawn entity without a relation; few overlapping labels; the top one labelled."""
    assert isolated(view) == set()
    boxes = view.labels()
    labels = [b for b in boxes if b["kind"] == "label"]
    assert len(labels) >= min(10, len(view.drawn()))
    assert overlapping(boxes) <= MAX_OVERLAP * len(boxes)
    view.assert_clean()
    return labels


def page_entities(view: Page) -> list[dict]:
    return json.loads(view.page.inner_text("#graph-data"))["nodes"]


def test_the_400_article_build_opens_on_a_readable_view(browser, bbc_page):
    view = Page(browser, bbc_page)
    try:
        labels = check_first_view(view)
        assert len(labels) >= 40
        screenshot(view, "bbc-400-first-view.png")
        entities = page_entities(view)
        hidden = max((e for e in entities if not e["drawn"]), key=lambda e: e["mentions"])
        assert hidden["id"] not in view.drawn()
        view.page.fill("#search", hidden["label"])
        view.page.click(f"#search-results li[data-id='{hidden['id']}']")
        assert hidden["id"] in view.drawn()
        assert view.page.get_attribute("#panel", "data-id") == hidden["id"]
        view.assert_clean()
    finally:
        view.close()


def test_the_sample_opens_on_a_readable_view(browser, sample_build, tmp_path):
    from graphbuild.build import write_outputs

    with contextlib.chdir(tmp_path):
        write_outputs(sample_build, tmp_path / "outputs", formats=["html"])
    view = Page(browser, tmp_path / "outputs" / "graph.html")
    try:
        check_first_view(view)
        screenshot(view, "sample-first-view.png")
        graph = sample_build.knowledge_graph.graph
        meeting = max((n for n, t in graph.nodes(data="type") if t == "meeting"),
                      key=lambda n: (graph.degree(n), n))
        view.click_node(meeting)
        terms = view.page.eval_on_selector_all("#panel .answers dt",
                                               "d => d.map(x => x.textContent)")
        assert terms[:3] == ["hosts", "attends", "does not attend"]
        screenshot(view, "sample-meeting-panel.png")
        view.assert_clean()
    finally:
        view.close()
