"""The HTML page: self-contained, offline, escaped; and in headless Chromium."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graphbuild.export.html import generate_html, page_data, select_nodes, write_html

from .graphs import ALERT, XSS_FLAG, synthetic_graph
from .helpers import CHROMIUM, golden, require, snapshot

ROOT = Path(__file__).parents[2]
SCREENSHOT = ROOT / "docs" / "graph.png"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.data_json = ""
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag):
        self._in_data = False

    def handle_data(self, data):
        if self._in_data:
            self.data_json += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_single_file_without_external_references(tiny_graph, tmp_path):
    path = tmp_path / "graph.html"
    write_html(tiny_graph, path)
    assert os.listdir(tmp_path) == ["graph.html"]
    tags = parse(path.read_text(encoding="utf-8")).tags
    assert [t for t, a in tags if t == "script"] == ["script"] * 3
    for tag, attributes in tags:
        assert "src" not in attributes and tag not in ("link", "iframe", "object", "embed")
        assert not re.match(r"\s*(https?:|//)", attributes.get("href", ""))
    csp = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]


def test_data_is_inert_json_and_complete(hostile):
    page = generate_html(hostile)
    for payload in ("<script>window", "<img src=x", '<a href="javascript', "<svg onload",
                    "]]>", "<!-- ]]>"):
        assert payload not in page
    tags = parse(page)
    assert len([t for t, _ in tags.tags if t == "script"]) == 3  # nothing injected
    data = json.loads(tags.data_json)
    assert data == json.loads(json.dumps(page_data(hostile)))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["person:evil"].startswith("Evil <img src=x onerror")  # text kept verbatim


def test_pure_and_deterministic(tiny_graph, generic_graph):
    for graph in (tiny_graph, generic_graph):
        before = snapshot(graph)
        assert generate_html(graph) == generate_html(graph)
        assert snapshot(graph) == before


def test_large_graphs_show_the_most_connected_part():
    graph = synthetic_graph(600)
    data = page_data(graph, max_nodes=100)
    assert data["truncated"] is True
    assert data["shown"]["nodes"] == 100 and data["total"]["nodes"] == 600
    kept = set(select_nodes(graph, 100))
    assert min(graph.degree(n) for n in kept) >= max(graph.degree(n) for n in set(graph) - kept)
    assert page_data(graph, max_nodes=None)["truncated"] is False


def test_structure_golden(tiny_graph):
    data = page_data(tiny_graph)
    golden("tiny.html-data.json", {
        "keys": sorted(data),
        "node": sorted(data["nodes"][0]),
        "edge": sorted(data["edges"][0]),
        "evidence": sorted(data["edges"][0]["evidence"][0]),
        "labels": sorted(e["label"] for e in data["edges"]),
        "cues": sorted(p["cue"] for e in data["edges"] for p in e["evidence"]),
        "shapes": {n["id"]: n["shape"] for n in data["nodes"]},
    })


def test_page_data_carries_outlets_dates_and_urls(tiny_graph):
    data = page_data(tiny_graph)
    assert data["article_details"] == {
        "a1": {"title": "First <b>story</b>", "outlet": "Daily Herald",
               "published": "2025-04-02", "url": "https://herald.example/a1"},
        "a2": {"title": "Second story", "outlet": "", "published": "", "url": ""}}
    assert data["articles"] == {"a1": "First <b>story</b>", "a2": "Second story"}
    assert {n["id"]: n["iso_date"] for n in data["nodes"] if n["type"] == "meeting"} == {
        "meeting:summit-monday": "2025-04-07"}
    assert [e["outlets"] for e in data["edges"]] == [1, 1, 1]
    # named fields, not repeated among the extra rows the panel lists
    assert not any(name in ("outlets", "iso_date") for item in data["nodes"] + data["edges"]
                   for name, _ in item["extra"])


# ---- in the browser ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    require(Path(CHROMIUM).exists(), f"chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
        yield browser
        browser.close()


class Page:
    """A page opened from file:// with every request, console error and dialog recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.path = path
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.graphReady === true", timeout=15000)

    def click_node(self, node: str) -> None:
        x, y = self.page.evaluate("""(id) => {
            const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
            const r = document.getElementById('graph').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", node)
        self.page.mouse.click(x, y)

    def assert_clean(self) -> None:
        assert self.requests == [self.url]
        assert self.errors == []
        assert self.dialogs == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser, tmp_path):
    pages = []

    def opener(graph, **options):
        path = tmp_path / f"graph{len(pages)}.html"
        write_html(graph, path, **options)
        pages.append(Page(browser, path))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()


def test_offline_page_draws_every_node_and_shows_evidence(open_page, tiny_graph):
    view = open_page(tiny_graph)
    page = view.page
    assert page.evaluate("window.network.body.data.nodes.length") == 3
    assert page.evaluate("Object.keys(window.network.body.nodes).length") == 3
    assert page.evaluate("window.network.body.data.edges.length") == 3
    assert page.evaluate("window.network.physics.options.enabled") is False
    view.click_node("country:freedonia")
    assert page.is_visible("#panel")
    panel = page.inner_text("#panel-body")
    assert "Freedonia will attend the summit, officials said." in panel
    assert "Freedonia will not attend the summit." in panel
    assert "First <b>story</b> (a1)" in panel  # article title, as text
    assert sorted(page.eval_on_selector_all("#panel mark", "ms => ms.map(m => m.textContent)")) \
        == ["attend", "will not attend"]
    labels = page.evaluate("window.network.body.data.edges.get().map(e => e.label)")
    assert sorted(labels) == ["attends (disputed)", "hosts", "not attends (disputed)"]
    dashed = page.evaluate("window.network.body.data.edges.get().filter(e => e.dashes).length")
    assert dashed == 1
    page.screenshot(path=str(view.path.with_suffix(".png")))
    assert view.path.with_suffix(".png").stat().st_size > 1000
    view.assert_clean()


def test_clicking_an_edge_lists_its_sentences(open_page, tiny_graph):
    view = open_page(tiny_graph)
    x, y = view.page.evaluate("""() => {
        const ps = window.network.getPositions(['country:united-kingdom', 'meeting:summit-monday']);
        const a = ps['country:united-kingdom'], b = ps['meeting:summit-monday'];
        const p = window.network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
        const r = document.getElementById('graph').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""")
    view.page.mouse.click(x, y)
    assert view.page.get_attribute("#panel", "data-kind") == "edge"
    assert "Britain will host the summit on Monday." in view.page.inner_text("#panel-body")
    view.assert_clean()


def test_hostile_article_runs_nothing(open_page, hostile):
    view = open_page(hostile)
    page = view.page
    view.click_node("person:evil")
    page.fill("#search", "alias")
    page.hover("#graph")
    for node in ("person:evil", "meeting:summit"):
        x, y = page.evaluate("""(id) => {
            const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
            const r = document.getElementById('graph').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", node)
        page.mouse.move(x, y)
        page.wait_for_timeout(200)
    assert page.evaluate(f"window.{XSS_FLAG}") is None
    assert page.evaluate("document.querySelectorAll('main img, main script, main svg, "
                         "main a, #search-results img, #toolbar img').length") == 0
    assert "<script>window." in page.inner_text("#panel-body")  # shown as text
    assert page.title().startswith("graphbuild")
    view.assert_clean()


def test_search_by_alias_and_filters(open_page, tiny_graph):
    view = open_page(tiny_graph)
    page = view.page
    page.fill("#search", "brit")
    assert page.inner_text("#search-results li").startswith("United Kingdom")
    page.press("#search", "Enter")
    assert page.get_attribute("#panel", "data-id") == "country:united-kingdom"
    visible = "window.network.body.data.%s.get({filter: x => !x.hidden}).length"
    page.uncheck("#type-filters input[value=meeting]")
    assert page.evaluate(visible % "nodes") == 2 and page.evaluate(visible % "edges") == 0
    page.check("#type-filters input[value=meeting]")
    page.uncheck("#show-negated")
    assert page.evaluate(visible % "edges") == 2
    page.check("#show-negated")
    page.uncheck("#relation-filters input[value=hosts]")
    assert page.evaluate(visible % "edges") == 2
    page.fill("#min-documents", "2")
    assert page.evaluate(visible % "edges") == 0 and page.evaluate(visible % "nodes") == 2
    assert "2 of 3 entities" in page.inner_text("#counts")
    view.assert_clean()


def test_large_graph_notice_and_screenshot(open_page, tmp_path):
    view = open_page(synthetic_graph(700), max_nodes=200)
    assert view.page.is_visible("#notice")
    assert "200 most connected of 700 entities" in view.page.inner_text("#notice")
    assert view.page.evaluate("window.network.body.data.nodes.length") == 200
    view.assert_clean()
    if os.environ.get("GRAPHBUILD_UPDATE_SCREENSHOT") == "1":
        screenshot(open_page)


def screenshot(open_page) -> None:
    """docs/graph.png from outputs/graph.json when it exists, else a synthetic graph."""
    from graphbuild.export.json import read_json

    source = ROOT / "outputs" / "graph.json"
    graph = read_json(source) if source.exists() else synthetic_graph(120, edges_per_node=1.2)
    view = open_page(graph)
    hub = max(graph.nodes, key=lambda n: (graph.degree(n), str(n)))
    view.click_node(hub)
    view.page.wait_for_timeout(300)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    view.page.screenshot(path=str(SCREENSHOT))


def _hostile_corpus(root: Path) -> None:
    """Every hostile input the build must survive, with markup in every field that can
    reach the page (titles, names, text, JSON fields, file names)."""
    from .graphs import HOSTILE, IMG, LINK, SCRIPT

    root.mkdir()
    (root / "a.txt").write_text(f"{HOSTILE}\n\nKenya will host a summit {SCRIPT} in Nairobi "
                                f"on Monday. President {IMG} William Ruto said Chile will not "
                                "attend.\n")
    (root / f"{IMG}.html").write_text(f"<html><head><title>{SCRIPT}</title></head><body>"
                                       f"<p>Peru will attend the {IMG} talks in Lima.</p>"
                                       f"<script>window.{XSS_FLAG}=9</script></body></html>")
    (root / "c.json").write_text(json.dumps({"title": LINK, "text": f"Ghana hosts {ALERT}."}))
    (root / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (root / "d.jsonl").write_text(json.dumps({"text": "Norway met Japan.\u2028Fine."}) + "\n")
    (root / "utf16.txt").write_bytes("Egypt hosts talks on Friday.".encode("utf-16-le"))
    (root / "controls.txt").write_text("Canada\x07 will\x1b[31m attend\x00 the summit.")
    (root / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (root / "long.txt").write_text("Chile met Peru in Lima on Monday. " * 4000)
    os.mkfifo(root / "pipe.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "outside.txt").symlink_to("/etc/hostname")
    (root / "loop").symlink_to(root, target_is_directory=True)
    deep = root
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("Chile will host talks on Tuesday.")
    os.close(os.open(bytes(root) + b"/bad\xff name.txt", os.O_CREAT | os.O_WRONLY))


def test_a_hostile_corpus_builds_and_its_page_runs_nothing(open_page, tmp_path):
    import time
    import xml.etree.ElementTree as ElementTree

    from graphbuild.build import build_corpus, write_outputs

    corpus, outputs = tmp_path / "corpus", tmp_path / "outputs"
    _hostile_corpus(corpus)
    started = time.monotonic()
    result = build_corpus(corpus)
    write_outputs(result, outputs)
    assert time.monotonic() - started < 60

    files = json.loads((outputs / "files.json").read_text())
    by_name = {Path(f["path"]).name: f for f in files}
    expected = {"a.txt", "c.json", "deep.json", "d.jsonl", "utf16.txt", "controls.txt",
                "blob.txt", "long.txt", "pipe.txt", "zero.txt", "outside.txt", "bottom.txt"}
    assert expected <= set(by_name)
    assert all(f["status"] in ("read", "skipped") and (f["status"] == "read" or f["reason"])
               for f in files)
    assert {by_name[n]["status"] for n in ("pipe.txt", "zero.txt", "outside.txt")} == {"skipped"}
    ElementTree.parse(outputs / "graph.graphml")  # well-formed XML, strictly

    view = open_page(result.knowledge_graph.graph)
    for node in list(result.knowledge_graph.graph.nodes)[:5]:
        view.click_node(node)
    assert view.page.evaluate(f"window.{XSS_FLAG}") is None
    view.assert_clean()
