"""One file -> its articles: format, clean-up, metadata, ids, and parts of long texts.

Consumes a path and produces drafts of :class:`~graphbuild.types.Article` and a
:class:`FileRecord` saying whether the file was read or why it was skipped
(:func:`read_file`). Untrusted bytes never raise: a file that yields no text is
skipped with a reason, and a metadata value that cannot be used is dropped with
a note in the record.
"""

from __future__ import annotations

import json
import logging
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from graphbuild.cache import file_key
from graphbuild.ingest.cleaning import clean_lines
from graphbuild.ingest.decoding import decode_bytes, decode_html, repair_mojibake, valid_unicode
from graphbuild.ingest.formats import Document, json_records, read_html, read_markdown
from graphbuild.ingest.metadata import META_TAGS, Metadata, clean_text, metadata_from
from graphbuild.types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
LOOKED_FOR = "*.txt, *.md, *.html, *.json, *.jsonl"

#: File-name prefixes of corpus documentation, not articles (compared case-insensitively).
DOC_PREFIXES = ("readme", "license", "licence", "copying", "changelog", "contributing")
#: JSON fields tried, in order, for an article's text (its metadata fields are in
#: :data:`graphbuild.ingest.metadata.RECORD_FIELDS`).
TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text")
#: A first line up to this long is taken for the title when the input names none.
MAX_TITLE_CHARS = 150
#: Notes about dropped metadata values listed in a file's record; more are counted.
MAX_NOTES = 3
MAX_FILE_BYTES = 50_000_000
# Longer articles are read in parts split at paragraphs: spaCy refuses texts over
# 1,000,000 characters and the parser's memory grows with the text (about 4 KB a
# character), so a part stays well below what a news article ever needs.
MAX_ARTICLE_CHARS = 50_000

@dataclass(frozen=True)
class FileRecord:
    """What happened to one file found under the corpus paths.

    ``status`` is ``"read"``, ``"skipped"`` or ``"metadata"`` (a ``sources.csv``
    that was used); ``reason`` says why a file was skipped (or notes records or
    metadata values dropped from a file that was read); ``articles`` holds the ids
    of the articles the file produced.
    """

    path: str
    status: str
    reason: str = ""
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Draft:
    """An article before its id is made unique across the corpus."""

    id: str
    meta: Metadata
    text: str
    encoding: str
    repairs: tuple[str, ...]
    dropped: int


def _finish(document: Document, meta: Metadata, *, name: str, encoding: str,
            article_id: str) -> _Draft | None:
    """Repair and clean one article's text and settle its title; None when no text is left.

    The title is the input's own (``meta``), else the format's headline (``<h1>``,
    ``<title>``), else a short first line, else the file ``name``.
    """
    text, fixes = repair_mojibake(document.text)
    controls = len(_STRAY_CONTROLS.findall(text))  # clean_lines removes them
    if controls:
        fixes = (*fixes, f"removed {controls} control character{'s' if controls > 1 else ''}")
    text, dropped = clean_lines(text)
    if not text:
        return None
    first = text.split("\n", 1)[0]
    candidates = (document.title, first if len(first) <= MAX_TITLE_CHARS else "", name)
    title = meta.title or next(filter(None, (clean_text(c) for c in candidates)), "")
    return _Draft(article_id, replace(meta, title=title), text, encoding, fixes, dropped)


# A JSON record's text that is markup (feeds that store the page): read as HTML.
_LOOKS_HTML = re.compile(r"<(p|div|br|html|body|span|a)\b[^>]*>", re.I)

# Stray C0 and C1 controls (not tab or line breaks): noise that clean_lines removes and
# the article's repairs record.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Undecodable characters and controls other than tab and line breaks.
_BINARY_SIGNS = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """Many undecodable or control characters: a short text with a few stray controls
    is text to repair, not binary.

    >>> _looks_binary("Talks \\x00resumed."), _looks_binary("\\x00\\x01\\ufffd" * 4)
    (False, True)
    """
    if not text:
        return False
    bad = len(_BINARY_SIGNS.findall(text))
    return bad >= 8 and bad / len(text) > 0.05


def _first_str(record: dict[str, Any], fields: Sequence[str]) -> str:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _read_json(text: str, suffix: str, encoding: str, stem: str, name: str
               ) -> tuple[list[_Draft], str]:
    try:
        records, bad = json_records(text, suffix)
    except ValueError as exc:
        return [], f"invalid JSON: {exc}"
    drafts: list[_Draft] = []
    no_text = 0
    for n, record in enumerate(records, start=1):
        body = _first_str(record, TEXT_FIELDS) if isinstance(record, dict) else ""
        if not body:
            no_text += 1
            continue
        assert isinstance(record, dict)
        rid = record.get("id")
        if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip():
            article_id = str(rid).strip()
        else:
            article_id = stem if suffix == ".json" and len(records) == 1 else f"{stem}-{n}"
        document = read_html(body) if _LOOKS_HTML.search(body) else Document(body, "")
        draft = _finish(document, metadata_from(record), name=name, encoding=encoding,
                        article_id=article_id)
        if draft is None:
            no_text += 1
        else:
            drafts.append(draft)
    notes = []
    if no_text:
        notes.append(f"{no_text} of {len(records)} records without text")
    if bad:
        notes.append(f"{bad} line{'s' if bad > 1 else ''} not valid JSON")
    if not drafts and records and no_text == len(records) and not bad:
        return [], f"metadata only: no {'/'.join(TEXT_FIELDS[:3])} field in any record"
    if not drafts:
        return [], "; ".join(notes) or "no records"
    return drafts, "; ".join(notes)


def _skip_reason(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("."):
        return "hidden file"
    if name.startswith("readme"):
        return "readme"
    if name.startswith(DOC_PREFIXES):
        return "documentation"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported extension {path.suffix.lower() or '(none)'}"
    return ""


class ReadingStore(Protocol):
    """Where the records of read files are kept (:class:`graphbuild.cache.ExtractionCache`)."""

    def get_reading(self, key: str) -> bytes | None: ...

    def put_readings(self, records: Iterable[tuple[str, bytes]]) -> None: ...


class ReadCache:
    """What reading each file gave, kept in a :class:`ReadingStore` by the file's bytes,
    name and id (:func:`graphbuild.cache.file_key`): an unchanged file is not decoded,
    repaired and cleaned again. A damaged record is read as a miss."""

    BATCH = 256

    def __init__(self, store: ReadingStore, *, new_file: Callable[[], None] | None = None
                 ) -> None:
        self.store = store
        self.new_file = new_file  # called on the first miss
        self.pending: list[tuple[str, bytes]] = []
        # Nothing is stored before some file gave an article: a corpus without any makes
        # no cache file.
        self.useful = False

    def get(self, key: str) -> tuple[list[_Draft], str] | None:
        record = self.store.get_reading(key)
        if record is None:
            announce, self.new_file = self.new_file, None
            if announce is not None:
                announce()
            return None
        try:
            return _decode_drafts(record)
        except (ValueError, TypeError, KeyError) as error:
            log.warning("ignoring a damaged cache record (%s)", error)
            return None

    def put(self, key: str, drafts: list[_Draft], reason: str) -> None:
        self.pending.append((key, _encode_drafts(drafts, reason)))
        self.useful = self.useful or bool(drafts)
        if len(self.pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending and self.useful:
            self.store.put_readings(self.pending)
            self.pending.clear()


def _encode_drafts(drafts: list[_Draft], reason: str) -> bytes:
    rows = [[d.id, [d.meta.title, d.meta.outlet, d.meta.published, d.meta.url,
                    list(d.meta.notes)], d.text, d.encoding, list(d.repairs), d.dropped]
            for d in drafts]
    return json.dumps({"drafts": rows, "reason": reason}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8", "surrogatepass")


def _decode_drafts(record: bytes) -> tuple[list[_Draft], str]:
    """Inverse of :func:`_encode_drafts`; ValueError, TypeError or KeyError when damaged."""
    payload = json.loads(record.decode("utf-8", "surrogatepass"))
    drafts = []
    for article_id, meta, text, encoding, repairs, dropped in payload["drafts"]:
        title, outlet, published, url, notes = meta
        values = (article_id, title, outlet, published, url, text, encoding, *notes, *repairs)
        if not all(isinstance(v, str) for v in values) or type(dropped) is not int:
            raise ValueError("a read file's record holds a value of the wrong type")
        drafts.append(_Draft(article_id, Metadata(title, outlet, published, url, tuple(notes)),
                             text, encoding, tuple(repairs), dropped))
    reason = payload["reason"]
    if not isinstance(reason, str):
        raise ValueError("a read file's record holds a value of the wrong type")
    return drafts, reason


def _read_file(path: Path, article_id: str, sources: Metadata | None = None,
               cache: ReadCache | None = None) -> tuple[list[_Draft], str]:
    """Drafts from one file, and the skip reason (or notes) for its record.

    ``sources`` (the file's row of ``sources.csv``) overrides what the file says, value
    by value. The notes say which metadata values were dropped and whether an
    over-long article was split into parts. ``cache`` keeps what the file's bytes gave.
    """
    drafts, reason = _read_drafts(path, article_id, cache)
    if sources is not None:
        drafts = [replace(draft, meta=sources.over(draft.meta)) for draft in drafts]
    parts = [part for draft in drafts for part in _parts(draft)]
    notes = list(dict.fromkeys(note for draft in drafts for note in draft.meta.notes))
    if len(notes) > MAX_NOTES:
        notes[MAX_NOTES:] = [f"{len(notes) - MAX_NOTES} more values dropped"]
    if len(parts) > len(drafts):
        notes.append(f"split into {len(parts)} parts of at most {MAX_ARTICLE_CHARS:,} characters")
    return parts, "; ".join(filter(None, (reason, *notes)))


def _parts(draft: _Draft) -> list[_Draft]:
    """The draft, or its parts of at most MAX_ARTICLE_CHARS split at paragraph breaks
    (at a line or a space when a paragraph alone is longer)."""
    if len(draft.text) <= MAX_ARTICLE_CHARS:
        return [draft]
    text = draft.text
    chunks: list[str] = []
    start = 0
    while len(text) - start > MAX_ARTICLE_CHARS:
        end = start + MAX_ARTICLE_CHARS
        cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end),
                  text.rfind(" ", start, end))
        cut = cut if cut > start else end
        chunks.append(text[start:cut].strip())
        start = cut
    chunks.append(text[start:].strip())
    kept = [c for c in chunks if c]
    width = len(str(len(kept)))  # "-part02" sorts before "-part10"
    return [replace(draft, id=draft.id if n == 1 else f"{draft.id}-part{n:0{width}d}",
                    text=chunk) for n, chunk in enumerate(kept, start=1)]


def _read_drafts(path: Path, article_id: str, cache: ReadCache | None = None
                 ) -> tuple[list[_Draft], str]:
    """Drafts from one file, and the skip reason (or a note) for its record."""
    reason = _skip_reason(path)
    if reason:
        return [], reason
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return [], "not a regular file (a pipe, socket or device)"
        if path.stat().st_size > MAX_FILE_BYTES:
            return [], f"too large (over {MAX_FILE_BYTES:,} bytes)"
        data = path.read_bytes()
    except OSError as exc:
        return [], f"unreadable: {exc.strerror or exc}"
    if cache is None:
        return _drafts_of(data, path, article_id)
    key = file_key(data, name=path.name, article_id=article_id)
    found = cache.get(key)
    if found is None:
        found = _drafts_of(data, path, article_id)
        cache.put(key, *found)
    return found


def _drafts_of(data: bytes, path: Path, article_id: str) -> tuple[list[_Draft], str]:
    """Drafts from one file's bytes (its name gives the format and a title to fall back
    on), and the skip reason (or a note) for its record."""
    if not data.strip():
        return [], "empty file"
    suffix = path.suffix.lower()
    text, encoding = decode_html(data) if suffix in HTML_SUFFIXES else decode_bytes(data)
    if _looks_binary(text):
        return [], "undecodable: looks like binary data"
    name = valid_unicode(path.name)
    if suffix in JSON_SUFFIXES:
        return _read_json(text, suffix, encoding, article_id, name)
    if suffix in HTML_SUFFIXES:
        document = read_html(text)
        meta = metadata_from(document.fields, META_TAGS)
    elif suffix == ".md":
        document = read_markdown(text)
        meta = metadata_from(document.fields)
    else:
        document, meta = Document(text, ""), Metadata()
    draft = _finish(document, meta, name=name, encoding=encoding, article_id=article_id)
    return ([draft], "") if draft else ([], "empty after clean-up")


def _article(draft: _Draft, article_id: str, path: str) -> Article:
    meta = draft.meta
    return Article(article_id, path, meta.title, draft.text, draft.encoding, draft.repairs,
                   draft.dropped, outlet=meta.outlet, published=meta.published, url=meta.url)



def _rel_id(rel: PurePosixPath) -> str:
    return valid_unicode(rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix())



def read_file(path: str | Path, *, root: str | Path | None = None
              ) -> tuple[tuple[Article, ...], FileRecord]:
    """Read one file into its articles and a :class:`FileRecord`; never raises on content.

    Ids are the path relative to ``root`` (default: the file's folder) without
    its suffix; JSON records use their ``"id"``, else ``<id>-<n>``. Ids are not
    made unique here: :func:`read_corpus` does that across files.
    """
    path = Path(path)
    base = Path(root) if root is not None else path.parent
    try:
        rel = PurePosixPath(path.relative_to(base).as_posix())
    except ValueError:
        rel = PurePosixPath(path.name)
    drafts, reason = _read_file(path, _rel_id(rel))
    shown = path.as_posix()
    articles = tuple(_article(d, d.id, shown) for d in drafts)
    status = "read" if articles else "skipped"
    return articles, FileRecord(shown, status, reason, tuple(a.id for a in articles))


def read_article(path: str | Path, *, root: str | Path | None = None) -> Article | None:
    """The article in one file, or None when the file is skipped.

    For a JSON or JSON Lines file holding several records this returns the
    first; use :func:`read_file` to get them all.
    """
    articles, _ = read_file(path, root=root)
    return articles[0] if articles else None
