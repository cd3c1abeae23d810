"""JSON from files we did not write: nesting is bounded before the parser sees it.

Python's parser recurses once per level, so a file of a million ``[`` ends in
``RecursionError`` (or worse); no news record, alias file, gold file or graph nests
anywhere near ``MAX_JSON_DEPTH``. One decision, used by every reader of untrusted JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_JSON_DEPTH = 100
_JSON_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|[\[\]{}]')


def check_depth(text: str) -> None:
    """Raise ValueError when brackets outside strings nest deeper than MAX_JSON_DEPTH; one
    pass with no recursion, whatever the input.

    >>> check_depth("[" * 101)
    Traceback (most recent call last):
    ...
    ValueError: nested deeper than 100 levels
    """
    depth = 0
    for found in _JSON_TOKEN.finditer(text):
        token = found.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels")
        elif token in "]}":
            depth -= 1


def loads(text: str) -> Any:
    """``json.loads`` for untrusted text: ValueError (never RecursionError) on bad input."""
    check_depth(text)
    return json.loads(text)
