"""write_outputs and the FORMATS registry (graphbuild/export/__init__.py)."""

from __future__ import annotations

import logging
import os

import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.export import DEFAULT_FORMATS, FORMATS, write_outputs
from graphbuild.export.graphml import read_graphml
from graphbuild.export.json import read_json

from .helpers import snapshot

ALL_FILES = ["edges.csv", "graph.gexf", "graph.graphml", "graph.html", "graph.json", "nodes.csv"]


def test_writes_every_format_into_the_directory_only(tiny_graph, tmp_path, capsys, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(tiny_graph)
    written = write_outputs(tiny_graph, tmp_path / "out")
    assert [p.name for p in written] == ["graph.html", "graph.graphml", "graph.gexf",
                                         "graph.json", "nodes.csv", "edges.csv"]
    assert sorted(os.listdir(tmp_path / "out")) == ALL_FILES
    assert os.listdir(work) == []  # nothing like pyvis's lib/ in the working directory
    assert snapshot(tiny_graph) == before
    assert capsys.readouterr() == ("", "")
    assert set(DEFAULT_FORMATS) == set(FORMATS)


def test_json_and_graphml_round_trip_through_their_readers(tiny_graph, tmp_path):
    write_outputs(tiny_graph, tmp_path, formats=("json", "graphml"))
    assert snapshot(read_json(tmp_path / "graph.json")) == snapshot(tiny_graph)
    assert snapshot(read_graphml(tmp_path / "graph.graphml")) == snapshot(tiny_graph)


def test_subset_and_case_insensitive_names(tiny_graph, tmp_path):
    written = write_outputs(tiny_graph, tmp_path, formats=["CSV", "csv"])
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]


def test_unknown_format_lists_valid_ones_and_writes_nothing(tiny_graph, tmp_path):
    with pytest.raises(GraphbuildError) as raised:
        write_outputs(tiny_graph, tmp_path / "out", formats=("html", "svg"))
    assert str(raised.value) == ('Unknown output format "svg". '
                                 "Choose from: html, graphml, gexf, json, csv")
    assert not (tmp_path / "out").exists()


def test_logs_instead_of_printing(tiny_graph, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="graphbuild.export"):
        write_outputs(tiny_graph, tmp_path, formats=("json",))
    assert "graph.json" in caplog.text
