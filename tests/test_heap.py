"""heap: what a build sets aside from the cycle collector comes back when it returns."""

from __future__ import annotations

import gc
import importlib

import pytest

from graphbuild import heap
from graphbuild.build import BuildStats, build_corpus, write_outputs
from graphbuild.types import ArticleExtraction


@pytest.fixture
def thawed():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_settled_objects_return_when_the_block_ends(thawed):
    with heap.held():
        heap.settle()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_settled_objects_return_when_the_block_fails(thawed):
    with pytest.raises(KeyError), heap.held():
        heap.settle()
        raise KeyError("stage failed")
    assert gc.get_freeze_count() == 0


def test_a_caller_that_froze_first_decides(thawed):
    gc.freeze()
    frozen = gc.get_freeze_count()
    with heap.held():
        heap.settle()
    assert gc.get_freeze_count() >= frozen > 0


def test_a_build_and_its_export_hand_everything_back(thawed, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Norway hosted the summit in Oslo.\n", encoding="utf-8")

    def extract(corpus, **options):  # no model: only the heap is under test
        return [ArticleExtraction(a.id, (), ()) for a in corpus.articles], "m", BuildStats()

    monkeypatch.setattr(importlib.import_module("graphbuild.build"), "extract_corpus", extract)
    result = build_corpus(corpus)
    assert gc.get_freeze_count() == 0
    write_outputs(result, tmp_path / "out")
    assert gc.get_freeze_count() == 0
