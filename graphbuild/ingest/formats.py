"""One file's text in its format -> article text plus the metadata fields it declares.

HTML (:func:`read_html`: visible text, ``<meta>`` tags), Markdown
(:func:`read_markdown`: text without markup, front matter) and JSON or JSON
Lines records (:func:`json_records`). Which fields mean title, outlet, date or
URL is decided in :mod:`graphbuild.ingest.metadata`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from graphbuild import jsonlimits
from graphbuild.ingest.cleaning import SPACES

log = logging.getLogger(__name__)

#: Bounds on what a hostile file can make us keep: metadata fields per file, characters
#: per field before cleaning.
MAX_FIELDS = 200
MAX_FIELD_CHARS = 4_000

_BLANK_RUNS = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Document:
    """The text a format gives, its own title guess, and its metadata fields by name."""

    text: str
    title: str
    fields: dict[str, str] = field(default_factory=dict, hash=False)


class _HTMLText(HTMLParser):
    """Collect visible text from HTML with the standard library parser."""

    SKIP = frozenset({
        "script", "style", "nav", "header", "footer", "aside", "noscript", "template",
        "svg", "canvas", "form", "button", "select", "iframe", "object",
    })
    BLOCK = frozenset({
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3",
        "h4", "h5", "h6", "figure", "figcaption", "address", "hr", "body", "title",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.capture: str | None = None
        self.captured: dict[str, str] = {}
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._keep_field(tag, dict(attrs))
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
            if tag == "pre":
                self.pre_depth += 1
        if tag in ("title", "h1") and tag not in self.captured and not self.skip_depth:
            self.capture = tag
            self.captured[tag] = ""

    def _keep_field(self, tag: str, attrs: dict[str, str | None]) -> None:
        """``<meta name|property|itemprop=K content=V>`` as K: V, ``<link rel=canonical>`` as
        canonical: its href; the first of each name wins."""
        if tag == "meta":
            name, value = attrs.get("property") or attrs.get("name") or attrs.get("itemprop"), \
                attrs.get("content")
        else:
            name, value = attrs.get("rel"), attrs.get("href")
            name = "canonical" if name and name.casefold() == "canonical" else None
        if name and value and len(self.fields) < MAX_FIELDS:
            self.fields.setdefault(name.strip().casefold(), value[:MAX_FIELD_CHARS])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
            if tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
        if tag == self.capture:
            self.capture = None

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.capture:
            self.captured[self.capture] += data
        if self.capture == "title":
            return  # the <title> is metadata, not body text
        self.parts.append(data if self.pre_depth else SPACES.sub(" ", data.replace("\n", " ")))


def read_html(markup: str) -> Document:
    """Visible text, title and metadata fields of an HTML document.

    The title is the first ``<h1>`` (the headline, without the site name that
    ``<title>`` usually carries), else ``<title>``. The fields are the
    ``<meta>`` tags by ``property``, ``name`` or ``itemprop`` (lower case), and
    ``canonical`` for ``<link rel="canonical">``.

    Examples
    --------
    >>> page = read_html('<meta property="og:site_name" content="Le Monde"><h1>Head</h1>')
    >>> page.title, page.fields
    ('Head', {'og:site_name': 'Le Monde'})
    """
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; keep whatever was collected
        log.debug("HTML parser gave up", exc_info=True)
    title = parser.captured.get("h1", "").strip() or parser.captured.get("title", "").strip()
    text = _BLANK_RUNS.sub("\n\n", "".join(parser.parts)).strip()
    return Document(text, SPACES.sub(" ", title), parser.fields)


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text and title of an HTML document (see :func:`read_html`).

    Examples
    --------
    >>> html_to_text("<title>T | Site</title><script>x()</script><h1>Head</h1><p>A &amp; B</p>")
    ('Head\\n\\nA & B', 'Head')
    """
    page = read_html(markup)
    return page.text, page.title


_MD_RULES = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"^ {0,3}> ?", re.MULTILINE), ""),  # quotes
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"([A-Za-z_][\w.:-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
_QUOTED = re.compile(r"""(["'])(.*)\1""")


def read_markdown(text: str) -> Document:
    """Text stripped of the Markdown markup that would pollute sentences, and the
    ``key: value`` lines of its YAML front matter as fields (keys in lower case, quotes
    removed; nested YAML is not read). The title is the front matter's ``title``.

    Examples
    --------
    >>> doc = read_markdown("---\\ntitle: 'Talks'\\ndate: 2025-04-02\\n---\\n"
    ...                     "# Talks\\n**Kyiv** hosts.")
    >>> doc.text, doc.title, doc.fields
    ('Talks\\nKyiv hosts.', 'Talks', {'title': 'Talks', 'date': '2025-04-02'})
    """
    text = text.replace("\r\n", "\n")
    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front is not None:
        for line in (front.group(1) or "").split("\n"):
            found = _FRONT_FIELD.fullmatch(line)
            if found and found.group(2) and len(fields) < MAX_FIELDS:
                value = found.group(2)
                quoted = _QUOTED.fullmatch(value)
                fields.setdefault(found.group(1).casefold(),
                                  (quoted.group(2) if quoted else value)[:MAX_FIELD_CHARS])
        text = text[front.end():]
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return Document(text, fields.get("title", ""), fields)


def markdown_to_text(text: str) -> tuple[str, str]:
    """Text and front-matter title of a Markdown document (see :func:`read_markdown`)."""
    doc = read_markdown(text)
    return doc.text, doc.title


def json_records(text: str, suffix: str) -> tuple[list[Any], int]:
    """Parsed records and the number of JSON Lines that failed to parse."""
    if suffix == ".json":
        value = jsonlimits.loads(text)
        return (value if isinstance(value, list) else [value]), 0
    records, bad = [], 0
    # Only newlines end a record: U+2028 or U+0085 inside a string are text.
    for line in text.split("\n"):
        if line.strip():
            try:
                records.append(jsonlimits.loads(line))
            except ValueError:
                bad += 1
    return records, bad
