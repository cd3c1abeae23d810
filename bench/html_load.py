"""How fast does graph.html become interactive? Prints figures; not a test.

Builds a synthetic contract-shaped graph of N nodes, writes the page with
``write_html`` (no node limit unless --max-nodes is given), opens it from
file:// in headless Chromium and reports the time until the first vis-network
draw (``window.graphReady``, set on ``afterDrawing``), the time until the page
answers a click with its evidence panel, and the file size.

    .venv/bin/python bench/html_load.py            # 2,000 nodes
    .venv/bin/python bench/html_load.py --nodes 5000 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "export"))

from graphs import synthetic_graph  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from graphbuild.export.html import write_html  # noqa: E402
from graphbuild.export.layout import compute_layout  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-nodes", type=int, default=0, help="0 = show every node")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    graph = synthetic_graph(args.nodes)
    started = time.perf_counter()
    positions = compute_layout(graph)
    layout_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        started = time.perf_counter()
        write_html(graph, path, max_nodes=args.max_nodes or None, positions=positions)
        write_s = time.perf_counter() - started
        size = path.stat().st_size
        ready, clicked, drawn = [], [], 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=args.chromium,
                args=["--no-sandbox", "--disable-background-networking"])
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                requests: list[str] = []
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(path.as_uri(), wait_until="commit")
                page.wait_for_function("() => window.graphReady === true", timeout=60000)
                ready.append(page.evaluate(
                    "performance.getEntriesByName('graphbuild-ready')[0].startTime") / 1000)
                drawn = page.evaluate("Object.keys(window.network.body.nodes).length")
                hub = max(graph.nodes, key=lambda n: (graph.degree(n), str(n)))
                x, y = page.evaluate("""(id) => {
                    const p = network.canvasToDOM(network.getPositions([id])[id]);
                    const r = document.getElementById('graph').getBoundingClientRect();
                    return [p.x + r.left, p.y + r.top]; }""", hub)
                started = time.perf_counter()
                page.mouse.click(x, y)
                page.wait_for_selector("#panel:not([hidden])", timeout=10000)
                clicked.append(time.perf_counter() - started)
                if len(requests) != 1:
                    print(f"WARNING: {len(requests)} requests: {requests[:5]}")
                page.close()
            browser.close()
    print(f"nodes               {graph.number_of_nodes():,} ({drawn:,} drawn)")
    print(f"edges               {graph.number_of_edges():,}")
    print(f"layout (Python)     {layout_s:.2f} s")
    print(f"write_html          {write_s:.2f} s")
    print(f"file size           {size / 1e6:.2f} MB")
    print(f"time to interactive {statistics.median(ready):.2f} s median of {args.runs} "
          f"(min {min(ready):.2f}, max {max(ready):.2f}; navigation start -> first draw)")
    print(f"click -> panel      {statistics.median(clicked) * 1000:.0f} ms median")


if __name__ == "__main__":
    main()
