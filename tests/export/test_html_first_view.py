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

BBC = next((path for path in (Path(os.environ.get("GRAPHBUILD_BBC_CORPUS", "")),
                              Path(__file__).parents[3] / "shared" / "corpora" / "bbc_news_2225",
                              Path("/work/shared/corpora/bbc_news_2225")) if path.is_dir()
            and path != Path()), Path("bbc_news_2225"))
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
    # True but partial metadata: half of the articles are marked as the BBC's, the others
    # carry none, so the page offers two outlet choices ("BBC" and "unknown outlet").
    (corpus / "sources.csv").write_text("file,outlet\n" + "".join(
        f"{f.parent.name}-{f.name},BBC\n" for f in files[:ARTICLES // 2]), encoding="utf-8")
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
        meetings = sum(1 for e in entities if e["type"] == "meeting")
        assert view.page.locator("#timeline button").count() == meetings
        before = view.page.inner_text("#counts")
        view.page.evaluate("document.querySelectorAll('#filters, #filters details')"
                           ".forEach(d => { d.open = true; })")
        view.page.uncheck("#outlet-filters input[value='BBC']")
        assert view.page.inner_text("#counts") != before
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


#: Illustrative metadata for the sample corpus (its files carry none): made-up outlets and a
#: publication date in the week of the meetings, so that the timeline has days to show.
SAMPLE_SOURCES = """file,outlet,published
000_dd5084d8ba261f5c.txt,Outlet A,2025-04-09
001_e47b44724eefc1f5.txt,Outlet A,2025-04-09
002_fb8c301cd4b9742c.txt,Outlet B,2025-04-09
003_9780abf448872f11.txt,Outlet B,2025-04-09
004_0adc4d0cd4fcf6e9.txt,Outlet C,2025-04-09
"""


def test_the_sample_with_outlets_and_dates_has_a_timeline_and_an_outlet_filter(browser, tmp_path):
    from graphbuild.build import build_corpus, write_outputs

    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).parents[2] / "corpus", corpus)
    (corpus / "sources.csv").write_text(SAMPLE_SOURCES, encoding="utf-8")
    write_outputs(build_corpus(corpus), tmp_path / "outputs", formats=["html"])
    view = Page(browser, tmp_path / "outputs" / "graph.html")
    try:
        check_first_view(view)
        page = view.page
        page.click("#timeline summary")
        dated = page.eval_on_selector_all("#timeline-dated time",
                                          "ts => ts.map(t => t.textContent)")
        assert dated == sorted(dated) and "2025-04-10" in dated  # Thursday, after Wednesday 9th
        page.click("#timeline-dated button")
        assert page.get_attribute("#panel", "data-id") == page.get_attribute(
            "#timeline-dated button", "data-id")
        screenshot(view, "sample-timeline.png")
        before = page.inner_text("#counts")
        page.click("#filters summary")
        page.uncheck("#outlet-filters input[value='Outlet A']")
        assert page.inner_text("#counts") != before
        view.assert_clean()
    finally:
        view.close()
