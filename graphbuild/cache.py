"""The extraction cache: what parsing and extraction read from each article, kept in SQLite.

A record is keyed by the article (its id and text), the spaCy pipeline (name and version)
and a fingerprint of the extraction rules (the code of the nlp and extract stages plus every
file in ``graphbuild/data``), so an unchanged corpus parses nothing, one new article parses
one article, and editing a lexicon word or changing the model misses exactly the records it
must. Records are plain JSON, never pickles: a cache file is as untrusted as the corpus. A
file that is not a graphbuild cache, or is corrupt, is set aside with a warning and a new
one started; the build never depends on it.

The same file keeps what reading each corpus file gave (its decoded, repaired and cleaned
articles), keyed by the file's bytes, name and id and a fingerprint of the ingest code, its
data and the decoding libraries (:func:`file_key`): an unchanged file is not decoded again,
and a changed byte, a renamed file or edited ingest rules miss. The records themselves are
written and read by :mod:`graphbuild.ingest`.

It also keeps the positions of each laid-out component of the graph
(:class:`graphbuild.export.layout.LayoutStore`), so a rebuild lays out only what changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from graphbuild.types import AliasLink, Article, ArticleExtraction, Claim, Evidence, Mention

logger = logging.getLogger(__name__)

CACHE_FILE = ".graphbuild-cache.sqlite"
# "GBld": SQLite's application_id marks the file as ours; bump the schema on format changes.
_APPLICATION_ID = 0x47426C64
_SCHEMA = 1
_PACKAGE = Path(__file__).parent
# What extraction depends on besides the article and the model. A test checks that every
# graphbuild module imported by the nlp and extract stages is listed here.
RULE_SOURCES = ("data", "extract", "nlp", "lexicon.py", "names.py", "types.py",
                "meeting_identity", "dates.py", "errors.py", "models.py")
# What reading a file depends on besides its bytes: the ingest code, the data it reads
# (boilerplate lines, the organisation names that open sentences as datelines do) and the
# libraries that decode and repair text. A test checks that every graphbuild module the
# ingest stage imports is listed here.
INGEST_SOURCES = ("ingest", "data", "lexicon.py", "dates.py", "jsonlimits.py", "types.py",
                  "errors.py")
INGEST_LIBRARIES = ("ftfy", "charset-normalizer")


def _fingerprint(sources: Sequence[str], *extra: str) -> str:
    digest = hashlib.sha256()
    for part in extra:
        digest.update(part.encode() + b"\0")
    for source in sources:
        path = _PACKAGE / source
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            # Code, lexicon and gazetteers; not the page template in data/html.
            if file.is_file() and file.suffix in (".py", ".json", ".toml", ".txt"):
                digest.update(str(file.relative_to(_PACKAGE)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def rules_fingerprint() -> str:
    """Hash of the extraction code and data, so any change to them misses the cache."""
    return _fingerprint(RULE_SOURCES)


@cache
def ingest_fingerprint() -> str:
    """Hash of the ingest code, its data and the decoding libraries' versions, so any
    change to them misses the records of read files."""
    from importlib.metadata import version

    return _fingerprint(INGEST_SOURCES, *(f"{name} {version(name)}"
                                          for name in INGEST_LIBRARIES))


def file_key(data: bytes, *, name: str, article_id: str) -> str:
    """Cache key of the articles read from one file's bytes under its name and id (the
    name gives the format and, failing a better one, the title) with today's ingest code."""
    digest = hashlib.sha256()
    for part in (ingest_fingerprint(), name, article_id):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def article_key(article: Article, pipeline: str) -> str:
    """Cache key of one article read by one pipeline with today's rules."""
    digest = hashlib.sha256()
    for part in (pipeline, rules_fingerprint(), article.id, article.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Records of :class:`ArticleExtraction` by :func:`article_key`, in one SQLite file.

    A cache file that does not exist yet is made (with its folder) by the first record
    stored, so a build that stores nothing, such as one that finds no article, leaves
    nothing behind.
    """

    def __init__(self, path: str | Path) -> None:
        """Open the cache; raises sqlite3.Error or OSError when it cannot."""
        self.path = Path(path)
        self._readings_failed = self._unwritable = False
        self._connection: sqlite3.Connection | None = None
        if self.path.exists():
            self._connection = self._open_or_set_aside()

    @property
    def made(self) -> bool:
        """Whether the file exists: an earlier build stored something in it."""
        return self._connection is not None

    def _open_or_set_aside(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.DatabaseError as error:
            if not self.path.is_file():
                raise
            aside = self.path.with_name(self.path.name + ".unreadable")
            logger.warning("the cache %s is not a graphbuild cache or is damaged (%s); moved "
                           "it to %s and started a new one", self.path, error, aside.name)
            self.path.replace(aside)
            return self._open()

    def _writable(self) -> sqlite3.Connection | None:
        """The connection to store records through, the file made on first use; None when
        it cannot be made."""
        if self._connection is None and not self._unwritable:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = self._open_or_set_aside()
            except (sqlite3.Error, OSError) as error:
                logger.warning("cannot write the cache %s (%s); the next build parses every "
                               "article again", self.path, error)
                self._unwritable = True
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60)
        try:
            application, = connection.execute("PRAGMA application_id").fetchone()
            version, = connection.execute("PRAGMA user_version").fetchone()
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables == 0:
                connection.executescript(
                    f"PRAGMA application_id = {_APPLICATION_ID};"
                    f"PRAGMA user_version = {_SCHEMA};"
                    "CREATE TABLE extraction (key TEXT PRIMARY KEY, record BLOB NOT NULL);")
            elif (application, version) != (_APPLICATION_ID, _SCHEMA):
                raise sqlite3.DatabaseError(
                    "written by another program" if application != _APPLICATION_ID
                    else f"format {version}, this version reads {_SCHEMA}")
            # Added beside the extraction records: a cache that lacks it gains it, and a
            # graphbuild that does not know it ignores it.
            with connection:
                for table in ("reading", "layout"):
                    connection.execute(f"CREATE TABLE IF NOT EXISTS {table} "
                                       "(key TEXT PRIMARY KEY, record BLOB NOT NULL)")
            connection.execute("SELECT count(*) FROM extraction").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def get_many(self, keys: Sequence[str]) -> dict[str, ArticleExtraction]:
        """The cached records among ``keys``; an unreadable record counts as a miss."""
        found: dict[str, ArticleExtraction] = {}
        for key, record in self._records("extraction", keys):
            try:
                found[key] = decode(zlib.decompress(record))
            except (zlib.error, ValueError, TypeError, KeyError, IndexError) as error:
                logger.warning("ignoring a damaged cache record (%s)", error)
        return found

    def _records(self, table: str, keys: Sequence[str]) -> Iterator[tuple[str, Any]]:
        """(key, record) of ``table`` for those of ``keys`` it holds, read 500 at a time."""
        if self._connection is None:
            return
        for start in range(0, len(keys), 500):
            batch = list(keys[start:start + 500])
            yield from self._connection.execute(
                f"SELECT key, record FROM {table} WHERE key IN ({','.join('?' * len(batch))})",
                batch)

    def put_many(self, records: Iterable[tuple[str, ArticleExtraction]]) -> None:
        """Store records (one transaction), so an interrupted build keeps what it parsed."""
        rows = [(key, zlib.compress(encode(extraction), 6)) for key, extraction in records
                if not extraction.over_budget]
        connection = self._writable() if rows else None
        if connection is not None:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO extraction (key, record) VALUES (?, ?)", rows)

    def get_reading(self, key: str) -> bytes | None:
        """The record of a read file (see :func:`file_key`), or None; a record that does
        not decompress counts as a miss."""
        if self._readings_failed or self._connection is None:
            return None
        try:
            row = self._connection.execute("SELECT record FROM reading WHERE key = ?",
                                           (key,)).fetchone()
        except sqlite3.Error as error:
            self._reading_failed(error)
            return None
        if row is None:
            return None
        try:
            return zlib.decompress(row[0])
        except (zlib.error, TypeError) as error:
            logger.warning("ignoring a damaged cache record (%s)", error)
            return None

    def put_readings(self, records: Iterable[tuple[str, bytes]]) -> None:
        """Store records of read files (one transaction); files are only read again next
        time when that fails."""
        rows = [(key, zlib.compress(record, 6)) for key, record in records]
        connection = self._writable() if rows and not self._readings_failed else None
        if connection is None:
            return
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO reading (key, record) VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            self._reading_failed(error)

    def get_layouts(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Positions of laid-out components among ``keys`` (n x 2 float arrays); a record
        that is not one, or a cache that cannot be read, counts as a miss."""
        found: dict[str, np.ndarray] = {}
        try:
            for key, record in self._records("layout", keys):
                array = _positions(record)
                if array is not None:
                    found[key] = array
        except sqlite3.Error as error:
            logger.warning("cannot read laid-out components from the cache %s (%s)",
                           self.path, error)
        return found

    def put_layouts(self, records: Sequence[tuple[str, np.ndarray]]) -> None:
        """Store laid-out components (one transaction); on failure they are laid out again
        next time."""
        rows = [(key, np.ascontiguousarray(array, dtype="<f8").tobytes())
                for key, array in records]
        connection = self._writable() if rows else None
        if connection is None:
            return
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO layout (key, record) VALUES (?, ?)", rows)
        except sqlite3.Error as error:
            logger.warning("cannot store laid-out components in the cache %s (%s)",
                           self.path, error)

    def _reading_failed(self, error: sqlite3.Error) -> None:
        logger.warning("cannot use the records of read files in the cache %s (%s); reading "
                       "every file", self.path, error)
        self._readings_failed = True

    def __len__(self) -> int:
        if self._connection is None:
            return 0
        return int(self._connection.execute("SELECT count(*) FROM extraction").fetchone()[0])

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


@contextmanager
def opened(cache: str | Path | ExtractionCache | None) -> Iterator[ExtractionCache | None]:
    """The cache to use within the block: ``cache`` itself when it is open already (left
    open), else the file at ``cache``, opened for the block (:func:`open_cache`), or None."""
    if cache is None or isinstance(cache, ExtractionCache):
        yield cache
        return
    store = open_cache(cache)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def open_cache(path: str | Path) -> ExtractionCache | None:
    """The cache at ``path``, or None (with a warning) when it cannot be used: the build
    then parses everything, as with ``--no-cache``."""
    try:
        return ExtractionCache(path)
    except (sqlite3.Error, OSError) as error:
        logger.warning("cannot use the cache %s (%s); parsing every article", path, error)
        return None


_FIELD_NAMES = {kind: tuple(f.name for f in fields(kind)) for kind in (Mention, Evidence)}
_MENTION_FIELDS = len(_FIELD_NAMES[Mention])
_EVIDENCE_FIELDS = len(_FIELD_NAMES[Evidence])


def _positions(record: object) -> np.ndarray | None:
    """A stored component's positions: little-endian float pairs, all finite."""
    if not isinstance(record, bytes) or not record or len(record) % 16:
        return None
    array = np.frombuffer(record, dtype="<f8").reshape(-1, 2).astype(float)
    return array if bool(np.isfinite(array).all()) else None


def _values(record: Mention | Evidence) -> list[Any]:
    """The fields of a flat record in order (``astuple`` deep-copies: 30 times slower)."""
    return [getattr(record, name) for name in _FIELD_NAMES[type(record)]]


def encode(extraction: ArticleExtraction) -> bytes:
    """JSON of one extraction; each mention is written once and referred to by index."""
    table: dict[Mention, int] = {}

    def ref(mention: Mention | None) -> int | None:
        if mention is None:
            return None
        return table.setdefault(mention, len(table))

    mentions = [ref(m) for m in extraction.mentions]
    claims = [[ref(c.subject), c.relation, ref(c.object), _values(c.evidence),
               c.negated, c.modality, c.cue, ref(c.attributed_to), c.role, c.confidence]
              for c in extraction.claims]
    links = [[ref(link.first), ref(link.second), link.reason]
             for link in extraction.alias_links]
    payload = {"article": extraction.article_id, "table": [_values(m) for m in table],
               "mentions": mentions, "claims": claims, "links": links}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass")


def decode(data: bytes) -> ArticleExtraction:
    """Inverse of :func:`encode`; ValueError, TypeError or IndexError on a damaged record."""
    payload: dict[str, Any] = json.loads(data.decode("utf-8", "surrogatepass"))
    table = []
    for values in payload["table"]:
        if len(values) != _MENTION_FIELDS:
            raise ValueError("mention record of the wrong length")
        table.append(Mention(*values))

    def mention(index: int | None) -> Mention | None:
        return None if index is None else table[index]

    claims = []
    for subject, relation, obj, evidence, negated, modality, cue, by, role, confidence \
            in payload["claims"]:
        if len(evidence) != _EVIDENCE_FIELDS:
            raise ValueError("evidence record of the wrong length")
        claims.append(Claim(table[subject], relation, mention(obj), Evidence(*evidence),
                            negated, modality, cue, mention(by), role, confidence))
    links = [AliasLink(table[first], table[second], reason)
             for first, second, reason in payload["links"]]
    return ArticleExtraction(payload["article"], tuple(table[i] for i in payload["mentions"]),
                             tuple(claims), tuple(links))
