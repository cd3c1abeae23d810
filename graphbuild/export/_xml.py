"""Typed attribute columns and XML escaping shared by the GraphML and GEXF writers.

Both formats declare one type per attribute up front, accept only scalars and
only XML 1.0 characters. This module infers a column type over *all* values of
an attribute, encodes values that are not homogeneous scalars as JSON strings,
and escapes text so that any string an article contains becomes legal XML.
"""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from graphbuild.errors import GraphFormatError

# Characters XML 1.0 forbids even as character references.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What escape_text and escape_attribute change: most values hold none of it, and one search
# costs less than the clean-up and four replacements.
_TEXT_CHANGES = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE_CHANGES = re.compile(
    "[&<>\r\"\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9._:-]+")
_INT32 = (-(2**31), 2**31 - 1)

BOOLEAN, INT, LONG, DOUBLE, STRING = "boolean", "int", "long", "double", "string"
# The column type of each exact built-in type (subclasses, NumPy scalars and the rest are
# classified the long way).
_KINDS = {bool: BOOLEAN, int: INT, float: DOUBLE, str: STRING}

PathOrFile = str | Path | IO[bytes]


@dataclass(frozen=True)
class Column:
    """One declared attribute: its name, the XML type, and whether values are JSON."""

    domain: str
    name: str
    type: str
    json: bool = False


def plain(value: object) -> object:
    """NumPy scalars to Python scalars; everything else unchanged."""
    if type(value) in _KINDS:
        return value
    item = getattr(value, "item", None)
    if item is not None and type(value).__module__ == "numpy":
        return item()
    return value


def infer_column(domain: str, name: str, values: Iterable[object]) -> Column | None:
    """The narrowest type that holds every non-``None`` value, or ``None`` if there are none.

    >>> infer_column("edge", "negated", [True, False]).type
    'boolean'
    >>> infer_column("node", "mentions", [1, 2**40]).type
    'long'
    >>> infer_column("edge", "confidence", [1, 0.5]).type
    'double'
    >>> infer_column("edge", "provenance", [[{"a": 1}]]).json
    True
    >>> infer_column("node", "x", [True, 1]).json  # bool and int mixed: keep exact values
    True
    """
    kinds: set[str] = set()
    low = high = 0
    seen = False
    for raw in values:
        kind = _KINDS.get(type(raw))
        if kind is not None:  # a column's values are nearly all exact built-in types
            seen = True
            kinds.add(kind)
            if kind == INT:
                number = cast(int, raw)
                low, high = min(low, number), max(high, number)
            continue
        value = plain(raw)
        if value is None:
            continue
        seen = True
        if isinstance(value, bool):
            kinds.add(BOOLEAN)
        elif isinstance(value, int):
            kinds.add(INT)
            low, high = min(low, value), max(high, value)
        elif isinstance(value, float):
            kinds.add(DOUBLE)
        elif isinstance(value, str):
            kinds.add(STRING)
        else:
            kinds.add("json")
    if not seen:
        return None
    if kinds == {BOOLEAN}:
        return Column(domain, name, BOOLEAN)
    if kinds == {INT}:
        return Column(domain, name, INT if _INT32[0] <= low and high <= _INT32[1] else LONG)
    if kinds <= {INT, DOUBLE}:
        return Column(domain, name, DOUBLE)
    if kinds == {STRING}:
        return Column(domain, name, STRING)
    return Column(domain, name, STRING, json=True)


def to_json(value: object) -> str:
    """Compact, key-sorted JSON (deterministic for equal values)."""
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def encode(value: object, column: Column) -> str:
    """Lexical form of ``value`` in ``column``'s type (not yet XML-escaped).

    >>> encode(True, Column("edge", "negated", BOOLEAN))
    'true'
    >>> encode(float("inf"), Column("edge", "w", DOUBLE))
    'INF'
    """
    value = plain(value)
    if column.json:
        return to_json(value)
    if column.type == BOOLEAN:
        return "true" if value else "false"
    if column.type == DOUBLE:
        number = float(value)  # type: ignore[arg-type]
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "INF" if number > 0 else "-INF"
        return repr(number)
    return str(value)


def decode(text: str, column: Column) -> object:
    """Inverse of :func:`encode`.

    >>> decode("true", Column("edge", "negated", BOOLEAN))
    True
    >>> decode('[{"a":1}]', Column("edge", "p", STRING, json=True))
    [{'a': 1}]
    """
    if column.json:
        return json.loads(text)
    if column.type == BOOLEAN:
        return text.strip().lower() in ("true", "1")
    if column.type in (INT, LONG):
        return int(text.strip())
    if column.type in (DOUBLE, "float"):
        return float(text.strip())
    return text


def parse_xml(path: PathOrFile, kind: str) -> ET.Element:
    """The root element of an XML file we may not have written.

    Python's expat parser refuses external entities and entity expansion past its
    amplification limit ("billion laughs"), and builds deep nesting without recursion,
    so hostile files end here as one :class:`GraphFormatError` line.
    """
    try:
        if hasattr(path, "read"):
            return ET.parse(path).getroot()  # type: ignore[arg-type]
        return ET.fromstring(Path(path).read_bytes())  # type: ignore[arg-type]
    except (OSError, ET.ParseError) as error:
        raise GraphFormatError(f"Cannot read {kind} {path}: {error}") from error


def local_name(tag: str) -> str:
    """An element's tag without its namespace.

    >>> local_name("{http://gexf.net/1.3}node")
    'node'
    """
    return tag.rsplit("}", 1)[-1]


def clean(text: str) -> str:
    """Drop characters that XML 1.0 cannot carry.

    >>> clean("a\\x00b\\x1bc\\td")
    'abc\\td'
    """
    return _ILLEGAL_XML.sub("", text)


def escape_text(text: str) -> str:
    """Escape element content; ``\\r`` as a reference so parsers keep it."""
    if _TEXT_CHANGES.search(text) is None:
        return text
    return (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def escape_attribute(text: str) -> str:
    """Escape a double-quoted attribute value, keeping whitespace characters exact."""
    if _ATTRIBUTE_CHANGES.search(text) is None:
        return text
    return (escape_text(text).replace('"', "&quot;").replace("\n", "&#10;")
            .replace("\t", "&#9;"))


def is_name_token(text: object) -> bool:
    """Whether ``text`` is an ASCII ``xs:NMTOKEN`` (what GraphML ids and names must be).

    >>> is_name_token("country:united-kingdom"), is_name_token("two words")
    (True, False)
    """
    return isinstance(text, str) and _NAME_TOKEN.fullmatch(text) is not None


def name_token(text: str) -> str:
    """``text`` with every character outside an ASCII NMTOKEN replaced by ``_``.

    >>> name_token("supporting articles")
    'supporting_articles'
    """
    return re.sub(r"[^A-Za-z0-9._:-]", "_", text) or "_"
