"""``graphbuild.models``: the pipeline's identity read from its ``meta.json``, no spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.errors import ModelNotFoundError
from graphbuild.models import default_model, pipeline_meta, pipeline_name


def test_an_installed_package_is_named_and_versioned() -> None:
    meta = pipeline_meta(default_model())

    assert pipeline_name(meta) == default_model()
    assert meta["version"].count(".") == 2
    assert {"tok2vec", "parser", "ner"} <= set(meta["pipeline"])


def test_a_pipeline_folder_is_read_from_its_meta_json(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "news_trf",
                                                    "version": "1.2.3"}))
    assert pipeline_name(pipeline_meta(str(tmp_path))) == "en_news_trf"


@pytest.mark.parametrize("name", ["no_such_model", "/no/such/folder", "a.b-c"])
def test_a_missing_pipeline_is_one_message(name: str) -> None:
    with pytest.raises(ModelNotFoundError, match=f'spaCy model "{name}" is not installed'):
        pipeline_meta(name)


def test_a_folder_whose_meta_is_not_a_pipelines(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text("[1, 2]")
    with pytest.raises(ModelNotFoundError):
        pipeline_meta(str(tmp_path))


def test_reading_the_identity_does_not_import_spacy() -> None:
    program = ("import sys; from graphbuild.models import pipeline_meta, default_model; "
               "pipeline_meta(default_model()); print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
