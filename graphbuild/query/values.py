"""Graph attribute values as Python values, whichever reader produced the graph."""

from __future__ import annotations


def as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def as_bool(value: object) -> bool:
    # GraphML readers may hand back "true"/"false" strings.
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)
