"""Helpers shared by the exporter tests: tool discovery and the node loader."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

JS_DIR = Path(__file__).parents[1] / "js"
XSD = Path(__file__).parents[1] / "data" / "xsd" / "graphml.xsd"
GOLDEN = Path(__file__).parent / "golden"
CHROMIUM = os.environ.get("GRAPHBUILD_CHROMIUM", "/usr/bin/chromium")
UPDATE_GOLDEN = os.environ.get("GRAPHBUILD_UPDATE_GOLDEN") == "1"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    """Skip when a tool is missing locally; fail in CI (CI=true), where it must be installed."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is required in CI (CI=true) but is missing")
    pytest.skip(f"{what} is not available")


def require_node_modules() -> Path:
    """The graphology loader script; needs ``npm ci --prefix tests/js``."""
    require(shutil.which("node") is not None, "node")
    require((JS_DIR / "node_modules" / "graphology-graphml").is_dir()
            and (JS_DIR / "node_modules" / "graphology-gexf").is_dir(),
            "tests/js/node_modules (run: npm ci --prefix tests/js)")
    return JS_DIR / "load.js"


def run_node(file: Path) -> dict:
    """Parse ``file`` with graphology-graphml or graphology-gexf; return counts and samples."""
    script = require_node_modules()
    result = subprocess.run(["node", str(script), str(file)], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def xmllint(*args: str) -> subprocess.CompletedProcess[str]:
    require(shutil.which("xmllint") is not None, "xmllint (apt-get install libxml2-utils)")
    return subprocess.run(["xmllint", *args], capture_output=True, text=True, check=False,
                          timeout=120)


def golden(name: str, structure: object) -> None:
    """Compare ``structure`` with ``golden/<name>``; GRAPHBUILD_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    text = json.dumps(structure, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE_GOLDEN or not path.exists():
        if in_ci() and not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path} is missing; generate it with "
                        "GRAPHBUILD_UPDATE_GOLDEN=1 and commit it")
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), (
        f"{name} changed; if intended, rerun with GRAPHBUILD_UPDATE_GOLDEN=1 and commit the diff")


def through_bytes(graph, write, read):
    """``graph`` written by ``write`` to an in-memory file and read back by ``read``."""
    import io

    buffer = io.BytesIO()
    write(graph, buffer)
    buffer.seek(0)
    return read(buffer)


def snapshot(graph) -> tuple:
    """A deep, comparable picture of a graph: graph attributes, nodes, edges with keys."""
    import copy

    return (copy.deepcopy(dict(graph.graph)),
            {node: copy.deepcopy(dict(data)) for node, data in graph.nodes(data=True)},
            {(u, v, k): copy.deepcopy(dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)})


def without_none(picture: tuple) -> tuple:
    """``snapshot`` with ``None`` attribute values removed (exporters drop them)."""
    graph, nodes, edges = picture
    strip = lambda d: {k: v for k, v in d.items() if v is not None}  # noqa: E731
    return (strip(graph), {n: strip(d) for n, d in nodes.items()},
            {e: strip(d) for e, d in edges.items()})


class Page:
    """A page opened from file:// with every request, console error and dialog recorded."""

    def __init__(self, browser, path: Path, *, fragment: str = "") -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10000)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.path = path
        self.url = path.resolve().as_uri()
        self.page.goto(self.url + fragment)
        self.page.wait_for_function("window.graphReady === true", timeout=15000)

    def position(self, node: str) -> tuple[float, float]:
        """Where ``node`` is on the screen (page coordinates)."""
        x, y = self.page.evaluate("""(id) => {
            const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
            const r = document.getElementById('graph').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", node)
        return x, y

    def click_node(self, node: str) -> None:
        self.page.mouse.click(*self.position(node))

    def drawn(self) -> set[str]:
        """The ids of the nodes drawn now."""
        return set(self.page.evaluate(
            "window.network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def drawn_edges(self) -> list[dict]:
        return self.page.evaluate("window.network.body.data.edges.get({filter: e => !e.hidden})")

    def labels(self) -> list[dict]:
        """The labels and badges drawn in the last frame: id, kind and screen box."""
        self.page.evaluate("window.network.redraw()")
        self.page.wait_for_timeout(50)
        return self.page.evaluate("window.graphbuild.labels()")

    def assert_clean(self) -> None:
        assert self.requests == [self.url]
        assert self.errors == []
        assert self.dialogs == []

    def close(self) -> None:
        self.context.close()


def overlapping(boxes: list[dict]) -> int:
    """How many of ``boxes`` overlap another one."""
    def overlap(a: dict, b: dict) -> bool:
        return (a["left"] < b["right"] and b["left"] < a["right"]
                and a["top"] < b["bottom"] and b["top"] < a["bottom"])

    return sum(1 for i, a in enumerate(boxes)
               if any(overlap(a, b) for j, b in enumerate(boxes) if i != j))


def isolated(view: Page) -> set[str]:
    """Drawn nodes without a drawn edge or a badge."""
    linked = {end for e in view.drawn_edges() for end in (e["from"], e["to"])}
    badged = {box["id"] for box in view.labels() if box["kind"] == "badge"}
    return view.drawn() - linked - badged


def as_flat_files_carry(graph, *, keep_empty: bool) -> tuple:
    """``snapshot`` of what GEXF (``keep_empty``) or CSV (not) carry of a canonical graph:
    of the graph attributes only the sentence table, text without the characters XML 1.0
    forbids, and for CSV no empty value ("" or []), since an empty cell reads as missing."""
    from graphbuild.export._xml import clean

    def carried(data: dict) -> dict:
        cleaned = {k: clean(v) if isinstance(v, str) else
                   [clean(item) for item in v] if k != "provenance" and isinstance(v, list)
                   else v for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if keep_empty or v not in ("", [])}

    attributes, nodes, edges = snapshot(graph)
    return ({"sentences": attributes["sentences"]}, {n: carried(d) for n, d in nodes.items()},
            {e: carried(d) for e, d in edges.items()})
