"""The HTML page: self-contained, offline, escaped; and in headless Chromium."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.export.html import (
    _page_json,
    generate_html,
    is_description,
    page_data,
    script_json,
    select_nodes,
    write_html,
)

from .graphs import ALERT, XSS_FLAG, outlets_graph, summit_graph, synthetic_graph
from .helpers import golden, isolated, overlapping, snapshot

SUMMIT = "meeting:nairobi-summit"


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


def test_page_data_is_encoded_as_script_json_would(tiny_graph, generic_graph, hostile):
    # The page's data skips the walk through _json_value: the same text all the same.
    for graph in (tiny_graph, generic_graph, hostile, outlets_graph()):
        data = page_data(graph)
        assert _page_json(data) == script_json(data)


@pytest.mark.parametrize("value", [
    pytest.param({"x": float("nan")}, id="nan"),
    pytest.param({"x": float("inf")}, id="infinity"),
    pytest.param({"x": Path("a")}, id="object"),
    pytest.param({"x": {"y": (1, 2)}}, id="tuple"),
])
def test_values_that_are_not_json_still_become_json(value):
    assert _page_json(value) == script_json(value)
    json.loads(_page_json(value))


def test_pure_and_deterministic(tiny_graph, generic_graph):
    for graph in (tiny_graph, generic_graph):
        before = snapshot(graph)
        assert generate_html(graph) == generate_html(graph)
        assert snapshot(graph) == before


def test_large_graphs_draw_the_best_connected_part_and_list_everything():
    graph = synthetic_graph(600)
    graph.add_edge("country:entity-1", "country:entity-1", key="declines_troops",
                   relation="declines_troops")
    data = page_data(graph, max_nodes=100)
    assert data["truncated"] is True
    assert data["shown"]["nodes"] == 100 and data["total"]["nodes"] == 600
    assert len(data["nodes"]) == 600 and len(data["edges"]) == graph.number_of_edges()
    drawn = {n["id"] for n in data["nodes"] if n["drawn"]}
    assert drawn == set(select_nodes(graph, 100))
    for node in drawn:  # never alone: a neighbour drawn too, or a claim of its own
        assert set(nx.all_neighbors(graph, node)) & drawn
    assert min(graph.degree(n) for n in drawn) >= 1
    assert page_data(graph, max_nodes=None)["truncated"] is False


def test_below_the_limit_every_node_is_drawn():
    graph = summit_graph()
    assert select_nodes(graph, 100) == sorted(graph.nodes)
    assert all(n["drawn"] for n in page_data(graph)["nodes"])


@pytest.mark.parametrize("alias, described", [
    pytest.param("this gathering", True, id="this"),
    pytest.param("The talks", True, id="the-plural"),
    pytest.param("these discussions", True, id="these"),
    pytest.param("This significant meeting", True, id="adjective"),
    pytest.param("a summit", True, id="indefinite"),
    pytest.param("the G7 summit", False, id="proper-modifier"),
    pytest.param("Thursday's meeting", False, id="possessive"),
    pytest.param("the Coalition of the Willing", False, id="name"),
    pytest.param("the UK", False, id="no-meeting-noun"),
    pytest.param("meeting", False, id="bare-noun"),
])
def test_described_meetings_are_not_names(alias, described):
    assert is_description(alias) is described


def test_page_lists_names_and_outlets():
    nodes = {n["id"]: n for n in page_data(summit_graph())["nodes"]}
    assert nodes[SUMMIT]["aliases"] == ["the Nairobi summit"]
    assert nodes[SUMMIT]["outlets"] == ["Daily Nation"]
    assert nodes["person:william-ruto"]["aliases"] == ["Ruto", "William Samoei Ruto"]
    graph = summit_graph()
    del graph.graph["articles"][0]["outlet"]
    assert all(n["outlets"] == [] for n in page_data(graph)["nodes"])


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
    page.click("#filters summary")
    page.click("#timeline summary")
    page.click("#timeline-dated button")
    assert "<svg onload" in page.inner_text("#timeline")  # the date as written, as text
    for outlet in page.locator("#outlet-filters input").all():
        outlet.uncheck()
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
    assert page.inner_text("#outlet-filters").startswith('<img src=x onerror="window.')
    assert page.title().startswith("graphbuild")
    view.assert_clean()


def test_search_by_alias_and_filters(open_page, tiny_graph):
    view = open_page(tiny_graph)
    page = view.page
    page.fill("#search", "brit")
    assert page.inner_text("#search-results li").startswith("United Kingdom")
    page.press("#search", "Enter")
    assert page.get_attribute("#panel", "data-id") == "country:united-kingdom"
    page.click("#filters summary")
    page.uncheck("#type-filters input[value=meeting]")
    # without the meeting no relation is left, and no entity is left floating
    assert view.drawn() == set()
    assert view.drawn_edges() == []
    page.check("#type-filters input[value=meeting]")
    page.uncheck("#show-negated")
    assert len(view.drawn_edges()) == 2
    page.check("#show-negated")
    page.uncheck("#relation-filters input[value=hosts]")
    assert len(view.drawn_edges()) == 2
    page.fill("#min-documents", "2")
    assert view.drawn_edges() == [] and view.drawn() == set()
    assert "0 of 3 entities" in page.inner_text("#counts")
    view.assert_clean()


def test_large_graph_notice(open_page):
    view = open_page(synthetic_graph(700), max_nodes=200)
    assert view.page.is_visible("#notice")
    assert "200 best-connected of 700 entities" in view.page.inner_text("#notice")
    assert view.page.evaluate("window.network.body.data.nodes.length") == 200
    assert view.page.is_disabled("#show-isolated")
    view.assert_clean()


def test_first_view_draws_related_entities_with_labels_clear_of_each_other(open_page):
    view = open_page(summit_graph())
    page = view.page
    related = {"country:kenya", "country:chile", "country:peru", "country:poland", SUMMIT}
    assert view.drawn() == related
    assert isolated(view) == set()
    assert page.evaluate("document.getElementById('filters').open") is False
    legend = page.locator("#legend").bounding_box()
    drawing = page.locator("#graph").bounding_box()
    assert legend["y"] + legend["height"] <= drawing["y"]  # above the drawing, never on it
    labels = [b for b in view.labels() if b["kind"] == "label"]
    assert {b["id"] for b in labels} == related
    assert overlapping(view.labels()) == 0
    assert "isolated entities (2)" in page.inner_text("#isolated-toggle")
    page.check("#show-isolated")
    assert view.drawn() == related | {"person:william-ruto", "organization:lonely-league"}
    page.uncheck("#show-isolated")
    page.click("#filters summary")
    page.uncheck("#relation-filters input[value=hosts]")
    assert "country:kenya" not in view.drawn()  # its one relation is filtered out
    view.assert_clean()


def test_filtering_refits_the_view_to_what_is_left(open_page):
    view = open_page(synthetic_graph(150, edges_per_node=1.2), max_nodes=None)
    page = view.page
    page.click("#filters summary")
    for box in page.locator("#relation-filters input").all()[1:]:
        box.uncheck()
    left = view.drawn()
    assert 2 <= len(left) < 100
    graph_box = page.locator("#graph").bounding_box()
    xs, ys = zip(*(view.position(node) for node in left), strict=True)
    assert graph_box["x"] <= min(xs) and max(xs) <= graph_box["x"] + graph_box["width"]
    assert graph_box["y"] <= min(ys) and max(ys) <= graph_box["y"] + graph_box["height"]
    spread = max((max(xs) - min(xs)) / graph_box["width"],
                 (max(ys) - min(ys)) / graph_box["height"])
    assert spread > 0.6
    view.assert_clean()


def test_declines_troops_is_a_badge_with_its_evidence(open_page):
    view = open_page(summit_graph())
    edges = view.page.evaluate("window.network.body.data.edges.get()")
    assert len(edges) == 3 and all(e["from"] != e["to"] for e in edges)
    badges = [b for b in view.labels() if b["kind"] == "badge"]
    assert [b["id"] for b in badges] == ["country:poland"]
    view.page.click("#filters summary")
    view.page.uncheck("#relation-filters input[value=declines_troops]")
    assert "country:poland" not in view.drawn()  # the badge was its only relation
    view.page.check("#relation-filters input[value=declines_troops]")
    view.click_node("country:poland")
    assert view.page.inner_text("#panel .answers dt") == "declines troops"
    assert "Poland will not send troops." in view.page.inner_text("#panel-body")
    assert view.page.inner_text("#panel mark") == "send troops"
    view.assert_clean()


def test_search_finds_an_entity_not_drawn_and_draws_it(open_page):
    view = open_page(summit_graph())
    page = view.page
    page.fill("#search", "samoei")
    assert page.inner_text("#search-results li") == (
        "William Rutoperson · William Samoei Ruto · not drawn")
    page.press("#search", "Enter")
    assert "person:william-ruto" in view.drawn()
    assert page.evaluate("window.network.getSelectedNodes()") == ["person:william-ruto"]
    assert page.get_attribute("#panel", "data-id") == "person:william-ruto"
    assert page.evaluate("location.hash") == "#node=person%3Awilliam-ruto"
    view.assert_clean()


def test_arrow_keys_move_through_search_results(open_page):
    view = open_page(summit_graph())
    page = view.page
    page.fill("#search", "e")
    chosen = "#search-results li[aria-selected=true]"
    first = page.get_attribute(chosen, "data-id")
    page.press("#search", "ArrowDown")
    page.press("#search", "ArrowDown")
    page.press("#search", "ArrowUp")
    second = page.get_attribute(chosen, "data-id")
    assert second == page.get_attribute("#search-results li:nth-child(2)", "data-id") != first
    page.press("#search", "Enter")
    assert page.get_attribute("#panel", "data-id") == second
    view.assert_clean()


def test_a_node_link_selects_and_centres_it(open_page):
    view = open_page(summit_graph(), fragment="#node=country%3Aperu")
    page = view.page
    assert page.evaluate("window.network.getSelectedNodes()") == ["country:peru"]
    assert page.get_attribute("#panel", "data-id") == "country:peru"
    box = page.locator("#graph").bounding_box()
    x, y = view.position("country:peru")
    assert abs(x - (box["x"] + box["width"] / 2)) < 2
    assert abs(y - (box["y"] + box["height"] / 2)) < 2
    view.click_node("country:kenya")
    assert page.evaluate("location.hash") == "#node=country%3Akenya"
    page.click("#panel-close")
    assert page.evaluate("location.hash") == ""
    page.evaluate("location.hash = '#node=organization%3Alonely-league'")
    page.wait_for_function("window.network.getSelectedNodes()[0] === 'organization:lonely-league'")
    assert "organization:lonely-league" in view.drawn()
    assert view.requests[0] == view.url and view.errors == []


def test_meeting_panel_answers_first(open_page):
    view = open_page(summit_graph())
    page = view.page
    view.click_node(SUMMIT)  # selected and hovered: still one label
    labelled = [b["id"] for b in view.labels() if b["kind"] == "label"]
    assert sorted(labelled) == sorted(set(labelled)) and SUMMIT in labelled
    answers = page.eval_on_selector_all(
        "#panel-body > dl.answers > *", "items => items.map(i => i.textContent)")
    assert answers == ["hosts", "Kenya", "attends", "Peru", "does not attend", "Chile",
                       "date", "Monday", "venue", "Nairobi", "outlets", "Daily Nation"]
    order = page.eval_on_selector_all("#panel-body > *", "items => items.map(i => i.className)")
    assert order.index("answers") < order.index("relation") < order.index("articles")
    assert page.evaluate("document.querySelector('#panel details.articles').open") is False
    panel = page.inner_text("#panel-body")
    assert "the Nairobi summit" in panel
    assert "this gathering" not in panel.split("aliases")[1].split("\n")[1]
    page.click("#panel .answers button:text('Chile')")
    assert page.get_attribute("#panel", "data-id") == "country:chile"
    assert page.eval_on_selector_all("#panel .answers > *", "d => d.map(x => x.textContent)") \
        == ["does not attend", "Nairobi summit (Monday)", "outlets", "Daily Nation"]
    view.assert_clean()


def test_entity_panel_starts_with_its_relations_grouped(open_page, tiny_graph):
    view = open_page(tiny_graph)
    page = view.page
    view.click_node("country:freedonia")
    first = page.eval_on_selector("#panel-body > :nth-child(3)", "e => e.className")
    assert first == "answers"
    terms = page.eval_on_selector_all("#panel .answers dt", "d => d.map(x => x.textContent)")
    assert terms == ["attends", "does not attend", "outlets"]
    view.click_node("country:united-kingdom")
    terms = page.eval_on_selector_all("#panel .answers dt", "d => d.map(x => x.textContent)")
    assert terms[0] == "hosts" and set(terms) <= {"hosts", "outlets"}
    view.assert_clean()


def test_outlet_filter_hides_what_only_that_outlet_supports(open_page):
    view = open_page(outlets_graph())
    page = view.page

    def labels(filters: str) -> list[str]:
        return page.eval_on_selector_all(f"#{filters} label", "ls => ls.map(l => l.textContent)")

    page.click("#filters summary")
    assert labels("outlet-filters") == ["AP (1)", "Reuters (1)", "unknown outlet (1)"]
    assert labels("type-filters") == ["country (5)", "meeting (4)"]
    assert page.inner_text("#counts") == "9 of 9 entities, 5 of 5 relations drawn"
    chile = ("country:chile", "meeting:nairobi-summit")
    assert chile in {(e["from"], e["to"]) for e in view.drawn_edges()}
    before = page.evaluate("[window.network.getScale(), window.network.getViewPosition()]")
    page.uncheck("#outlet-filters input[value=AP]")  # Chile's attending is AP's alone
    assert chile not in {(e["from"], e["to"]) for e in view.drawn_edges()}
    assert "country:chile" not in view.drawn()
    assert ("country:kenya", "meeting:nairobi-summit") in {  # Reuters reports it too
        (e["from"], e["to"]) for e in view.drawn_edges()}
    assert page.inner_text("#counts") == "8 of 9 entities, 4 of 5 relations drawn"
    assert labels("type-filters") == ["country (4)", "meeting (4)"]
    assert labels("relation-filters")[:2] == ["attends (1)", "hosts (3)"]
    assert page.evaluate("[window.network.getScale(), window.network.getViewPosition()]") \
        != before  # refitted to what is left
    view.click_node("meeting:nairobi-summit")
    assert page.eval_on_selector_all("#panel .answers > *", "d => d.map(x => x.textContent)") \
        == ["hosts", "Kenya", "date", "Monday (2025-04-07)", "outlets", "AP; Reuters"]
    panel = page.inner_text("#panel-body")
    assert "1 relation only from outlets switched off in the filters" in panel
    assert "Reuters story (a1) · Reuters · 2025-04-02" in panel
    assert "1 sentence from outlets switched off in the filters" in panel
    assert "Chile will attend" not in panel
    page.uncheck('#outlet-filters input[value=""]')  # the article naming no outlet
    assert view.drawn() == {"country:kenya", "country:croatia", "meeting:nairobi-summit",
                            "meeting:zagreb-meeting"}
    page.check("#outlet-filters input[value=AP]")
    page.check('#outlet-filters input[value=""]')
    assert page.inner_text("#counts") == "9 of 9 entities, 5 of 5 relations drawn"
    assert "Chile will attend the Nairobi summit." in page.inner_text("#panel-body")
    view.assert_clean()


def test_no_outlet_filter_for_a_single_outlet(open_page):
    view = open_page(summit_graph())  # one article, of the Daily Nation
    assert view.page.locator("#outlet-filters input").count() == 1
    view.page.click("#filters summary")
    assert view.page.is_hidden("#outlet-fieldset")
    view.assert_clean()


def test_timeline_lists_meetings_by_date_and_selects_them(open_page):
    view = open_page(outlets_graph())
    page = view.page
    assert page.evaluate("document.getElementById('timeline').open") is False
    assert page.inner_text("#timeline summary") == "Timeline (4 meetings)"
    page.click("#timeline summary")
    entries = "items => items.map(i => [i.dataset.id, i.textContent])"
    assert page.eval_on_selector_all("#timeline-dated button", entries) == [
        ["meeting:zagreb-meeting", "2025-04-03 Thursday Zagreb meeting (Thursday)"],
        ["meeting:nairobi-summit", "2025-04-07 Monday Nairobi summit (Monday)"]]
    assert page.inner_text("#timeline-undated-heading") == "undated"
    assert page.eval_on_selector_all("#timeline-undated button", entries) == [
        ["meeting:accra-talks", "Accra talks"],
        ["meeting:lima-talks", "end of last month Lima talks (end of last month)"]]
    timeline = page.locator("#timeline").bounding_box()
    assert timeline["y"] + timeline["height"] <= page.locator("#graph").bounding_box()["y"]
    page.click("#timeline button[data-id='meeting:lima-talks']")
    assert page.evaluate("window.network.getSelectedNodes()") == ["meeting:lima-talks"]
    assert page.get_attribute("#panel", "data-id") == "meeting:lima-talks"
    assert page.get_attribute("#timeline button[aria-current=true]", "data-id") \
        == "meeting:lima-talks"
    page.click("#filters summary")
    page.uncheck('#outlet-filters input[value=""]')  # the undated article
    assert page.inner_text("#timeline summary") == "Timeline (2 meetings)"
    assert page.is_hidden("#timeline-undated-heading")
    assert page.is_hidden("#timeline button[data-id='meeting:accra-talks']")
    view.assert_clean()


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
    (root / "c.json").write_text(json.dumps({"title": LINK, "source": IMG, "date": "2025-04-02",
                                             "text": f"Ghana hosts {ALERT} talks on Friday."}))
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
    view.page.click("#filters summary")
    view.page.click("#timeline summary")
    for entry in view.page.locator("#timeline button").all():
        entry.click()
    for outlet in view.page.locator("#outlet-filters input").all():
        outlet.uncheck()
    assert view.page.evaluate(f"window.{XSS_FLAG}") is None
    view.assert_clean()
