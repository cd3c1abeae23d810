"""What an input says about an article -> its title, outlet, publication date and URL.

Consumes the fields a format declares (JSON keys, ``<meta>`` tags, Markdown front
matter, see :mod:`graphbuild.ingest.formats`) and the rows of a ``sources.csv``
in the corpus folder; produces :class:`Metadata` with clean, bounded values.
Every value is untrusted: it is made one line of valid Unicode without control
characters (:func:`~graphbuild.ingest.cleaning.clean_value`), dates become ISO
``YYYY-MM-DD`` (:func:`graphbuild.dates.parse_date`) and URLs must be
``http(s)``. A value that fails is dropped with a note, never the article.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.dates import parse_date
from graphbuild.ingest.cleaning import clean_value
from graphbuild.ingest.decoding import decode_bytes, repair_mojibake

#: Keys of a JSON record or Markdown front matter that carry each value, best first
#: (compared case-insensitively). An outlet may also be an object with a ``name``
#: (``"source": {"name": "Reuters"}``, as news APIs write it).
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site_name", "source_name"),
    "published": ("published", "date", "publishedat", "published_at", "pubdate",
                  "datepublished"),
    "url": ("url", "link", "canonical_url"),
}
#: ``<meta>`` names and properties (and ``canonical`` for ``<link rel="canonical">``)
#: that carry each value in HTML, best first.
META_TAGS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title"),
    "outlet": ("og:site_name", "application-name"),
    "published": ("article:published_time", "datepublished", "date", "pubdate", "publish-date",
                  "dc.date", "dcterms.date"),
    "url": ("og:url", "canonical"),
}
SOURCES_FILE = "sources.csv"
#: Columns of ``sources.csv``: one naming the file, the others its metadata.
SOURCES_FILE_COLUMNS = ("file", "path")
SOURCES_VALUE_COLUMNS = ("title", "outlet", "published", "url")
MAX_TEXT_CHARS = 300
MAX_URL_CHARS = 2_000
MAX_SOURCES_BYTES = 10_000_000
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.I)


@dataclass(frozen=True)
class Metadata:
    """An article's title, outlet, publication date (ISO ``YYYY-MM-DD``) and URL;
    empty when unknown. ``notes`` say which values were dropped and why."""

    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    notes: tuple[str, ...] = field(default=(), compare=False)

    def over(self, other: Metadata) -> Metadata:
        """These values where set, else ``other``'s; the notes of both.

        >>> Metadata(outlet="BBC").over(Metadata(title="Talks", outlet="ITV")).outlet
        'BBC'
        """
        return Metadata(title=self.title or other.title, outlet=self.outlet or other.outlet,
                        published=self.published or other.published, url=self.url or other.url,
                        notes=tuple(dict.fromkeys((*other.notes, *self.notes))))


def _text(value: object) -> str:
    """A string value, or the ``name`` of an object value."""
    if isinstance(value, Mapping):
        value = value.get("name")
    return value if isinstance(value, str) else ""


def clean_text(value: str) -> str:
    """A title or outlet as stored: mojibake repaired, one clean line, bounded.

    >>> clean_text("Le Mondeâ€™s\\nheadline")
    'Le Monde’s headline'
    """
    return clean_value(repair_mojibake(value)[0], max_chars=MAX_TEXT_CHARS)


def _quoted(value: str) -> str:
    return f'"{clean_value(value, max_chars=40)}"'


def _choose(name: str, values: Sequence[str]) -> tuple[str, str]:
    """The first usable of the candidate values for one field, and a note when every
    candidate was present but unusable."""
    for value in values:
        if name == "published":
            day = parse_date(value)
            if day is not None:
                return day.isoformat(), ""
        elif name == "url":
            url = clean_value(value, max_chars=MAX_URL_CHARS + 1)
            if _URL.fullmatch(url) and len(url) <= MAX_URL_CHARS:
                return url, ""
        elif cleaned := clean_text(value):
            return cleaned, ""
    if not values or name == "title":
        return "", ""
    if name == "published":
        return "", f"unreadable date {_quoted(values[0])} dropped"
    return "", f"URL {_quoted(values[0])} dropped (not http or https)"


def metadata_from(values: Mapping[str, object],
                  names: Mapping[str, Sequence[str]] = RECORD_FIELDS) -> Metadata:
    """Metadata from named values: a JSON record, front matter or ``<meta>`` tags.

    Parameters
    ----------
    values : mapping
        Field name -> value; names are compared case-insensitively.
    names : mapping
        For each of title, outlet, published and url, the field names that carry it,
        best first (:data:`RECORD_FIELDS` or :data:`META_TAGS`).

    Examples
    --------
    >>> metadata_from({"headline": "Talks", "source": {"name": "Reuters"},
    ...                "publishedAt": "2025-04-02T09:00:00Z", "url": "javascript:alert(1)"})
    ... # doctest: +NORMALIZE_WHITESPACE
    Metadata(title='Talks', outlet='Reuters', published='2025-04-02', url='',
             notes=('URL "javascript:alert(1)" dropped (not http or https)',))
    """
    folded = {str(key).casefold(): value for key, value in values.items()}
    chosen: dict[str, str] = {}
    notes = []
    for name in SOURCES_VALUE_COLUMNS:
        candidates = [text for key in names[name] if (text := _text(folded.get(key)).strip())]
        chosen[name], note = _choose(name, candidates)
        if note:
            notes.append(note)
    return Metadata(**chosen, notes=tuple(notes))


@dataclass(frozen=True)
class SourcesTable:
    """The rows of a ``sources.csv``, by the file each names; ``problem`` says why the
    table could not be used (it is then empty)."""

    rows: dict[str, Metadata] = field(default_factory=dict, hash=False)
    problem: str = ""


def _file_key(name: str) -> str:
    """How a row names a file: ``/`` separators, no leading ``./``.

    >>> _file_key(" .\\\\news\\\\a.html ")
    'news/a.html'
    """
    return re.sub(r"^(\./)+", "", name.strip().replace("\\", "/"))


def read_sources(path: Path) -> SourcesTable:
    """Read a ``sources.csv``; never raises on its content.

    The header names a ``file`` or ``path`` column (the file's path inside the corpus
    folder) and any of ``title``, ``outlet``, ``published``, ``url`` (case-insensitive;
    other columns are ignored). Each row's values are checked as in :func:`metadata_from`.
    """
    try:
        if path.stat().st_size > MAX_SOURCES_BYTES:
            return SourcesTable(problem=f"too large (over {MAX_SOURCES_BYTES:,} bytes)")
        text, _ = decode_bytes(path.read_bytes())
    except OSError as exc:
        return SourcesTable(problem=f"unreadable: {exc.strerror or exc}")
    try:
        table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as exc:
        return SourcesTable(problem=f"invalid CSV: {exc}")
    header = [clean_value(name, max_chars=40).casefold() for name in (table[0] if table else [])]
    file_column = next((header.index(name) for name in SOURCES_FILE_COLUMNS if name in header),
                       None)
    if file_column is None:
        return SourcesTable(problem=f"no {' or '.join(SOURCES_FILE_COLUMNS)} column in its "
                                    "header (columns: file, title, outlet, published, url)")
    names = {name: (name,) for name in SOURCES_VALUE_COLUMNS}
    rows = {}
    for row in table[1:]:
        if len(row) > file_column and (key := _file_key(row[file_column])):
            rows[key] = metadata_from(dict(zip(header, row, strict=False)), names)
    return SourcesTable(rows)


__all__ = ["META_TAGS", "RECORD_FIELDS", "SOURCES_FILE", "Metadata", "SourcesTable",
           "metadata_from", "read_sources"]
