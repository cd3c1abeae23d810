"""The extraction cache: what parsing and extraction read from each article, kept in SQLite.

A record is keyed by the article (its id and text), the spaCy pipeline (name and version)
and a fingerprint of the extraction rules (the code of the nlp and extract stages plus every
file in ``graphbuild/data``), so an unchanged corpus parses nothing, one new article parses
one article, and editing a lexicon word or changing the model misses exactly the records it
must. Records are plain JSON, never pickles: a cache file is as untrusted as the corpus. A
file that is not a graphbuild cache, or is corrupt, is set aside with a warning and a new
one started; the build never depends on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

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
                "meeting_identity.py", "dates.py", "errors.py", "models.py")


@cache
def rules_fingerprint() -> str:
    """Hash of the extraction code and data, so any change to them misses the cache."""
    digest = hashlib.sha256()
    for source in RULE_SOURCES:
        path = _PACKAGE / source
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            # Code, lexicon and gazetteers; not the page template in data/html.
            if file.is_file() and file.suffix in (".py", ".json", ".toml", ".txt"):
                digest.update(str(file.relative_to(_PACKAGE)).encode() + b"\0")
                digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def article_key(article: Article, pipeline: str) -> str:
    """Cache key of one article read by one pipeline with today's rules."""
    digest = hashlib.sha256()
    for part in (pipeline, rules_fingerprint(), article.id, article.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Records of :class:`ArticleExtraction` by :func:`article_key`, in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        """Open or create the cache; raises sqlite3.Error or OSError when it cannot."""
        self.path = Path(path)
        try:
            self._connection = self._open()
        except sqlite3.DatabaseError as error:
            if not self.path.is_file():
                raise
            aside = self.path.with_name(self.path.name + ".unreadable")
            logger.warning("the cache %s is not a graphbuild cache or is damaged (%s); moved "
                           "it to %s and started a new one", self.path, error, aside.name)
            self.path.replace(aside)
            self._connection = self._open()

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
            connection.execute("SELECT count(*) FROM extraction").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def get_many(self, keys: Sequence[str]) -> dict[str, ArticleExtraction]:
        """The cached records among ``keys``; an unreadable record counts as a miss."""
        found: dict[str, ArticleExtraction] = {}
        for start in range(0, len(keys), 500):
            batch = list(keys[start:start + 500])
            marks = ",".join("?" * len(batch))
            rows = self._connection.execute(
                f"SELECT key, record FROM extraction WHERE key IN ({marks})", batch)
            for key, record in rows:
                try:
                    found[key] = decode(zlib.decompress(record))
                except (zlib.error, ValueError, TypeError, KeyError, IndexError) as error:
                    logger.warning("ignoring a damaged cache record (%s)", error)
        return found

    def put_many(self, records: Iterable[tuple[str, ArticleExtraction]]) -> None:
        """Store records (one transaction), so an interrupted build keeps what it parsed."""
        rows = [(key, zlib.compress(encode(extraction), 6)) for key, extraction in records
                if not extraction.over_budget]
        with self._connection:
            self._connection.executemany(
                "INSERT OR REPLACE INTO extraction (key, record) VALUES (?, ?)", rows)

    def __len__(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM extraction").fetchone()[0])

    def close(self) -> None:
        self._connection.close()


def open_cache(path: str | Path) -> ExtractionCache | None:
    """The cache at ``path``, or None (with a warning) when it cannot be used: the build
    then parses everything, as with ``--no-cache``."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return ExtractionCache(path)
    except (sqlite3.Error, OSError) as error:
        logger.warning("cannot use the cache %s (%s); parsing every article", path, error)
        return None


_FIELD_NAMES = {kind: tuple(f.name for f in fields(kind)) for kind in (Mention, Evidence)}
_MENTION_FIELDS = len(_FIELD_NAMES[Mention])
_EVIDENCE_FIELDS = len(_FIELD_NAMES[Evidence])


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
