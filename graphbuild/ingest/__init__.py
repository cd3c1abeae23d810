"""Ingest stage: corpus files -> :class:`~graphbuild.types.Article` records.

Consumes paths (files or directories, searched recursively) and produces a
:class:`CorpusReport`: the cleaned articles, sorted by id, and one
:class:`FileRecord` for every file found, saying whether it was read or why it
was skipped. Untrusted bytes never raise: each file is decoded
(:func:`decode_bytes`), repaired (:func:`repair_mojibake`) and cleaned
(:func:`clean_lines`); a file that yields no text is skipped with a reason.
Only a missing path or a corpus without any article raises
:class:`~graphbuild.errors.CorpusError`.

Supported: ``*.txt``, ``*.md``, ``*.html``/``*.htm``, ``*.json`` (one article
object or a list of them) and ``*.jsonl`` (one object per line). Each article's
title, outlet, publication date and URL come from what the file declares and
from a ``sources.csv`` in the corpus folder (:mod:`graphbuild.ingest.metadata`).

Modules, in the order a file goes through them: :mod:`~graphbuild.ingest.walking`
(finding files, unique ids), :mod:`~graphbuild.ingest.files` (one file),
:mod:`~graphbuild.ingest.decoding`, :mod:`~graphbuild.ingest.formats`,
:mod:`~graphbuild.ingest.cleaning` and :mod:`~graphbuild.ingest.metadata`.
"""

from __future__ import annotations

from graphbuild.ingest.cleaning import (
    MAX_BOILERPLATE_CHARS,
    boilerplate_patterns,
    clean_lines,
    compile_patterns,
    strip_dateline,
)
from graphbuild.ingest.decoding import (
    MOJIBAKE_CODEPAGES,
    decode_bytes,
    repair_mojibake,
    valid_unicode,
)
from graphbuild.ingest.files import (
    DOC_PREFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    LOOKED_FOR,
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    MAX_TITLE_CHARS,
    SUPPORTED_SUFFIXES,
    TEXT_FIELDS,
    TEXT_SUFFIXES,
    FileRecord,
    read_article,
    read_file,
)
from graphbuild.ingest.formats import html_to_text, markdown_to_text
from graphbuild.ingest.metadata import SOURCES_FILE, Metadata
from graphbuild.ingest.walking import CorpusReport, read_corpus

__all__ = [
    "DOC_PREFIXES", "HTML_SUFFIXES", "JSON_SUFFIXES", "LOOKED_FOR", "MAX_ARTICLE_CHARS",
    "MAX_BOILERPLATE_CHARS", "MAX_FILE_BYTES", "MAX_TITLE_CHARS", "MOJIBAKE_CODEPAGES",
    "SOURCES_FILE", "SUPPORTED_SUFFIXES", "TEXT_FIELDS", "TEXT_SUFFIXES", "CorpusReport",
    "FileRecord", "Metadata", "boilerplate_patterns", "clean_lines", "compile_patterns",
    "decode_bytes", "html_to_text", "markdown_to_text", "read_article", "read_corpus",
    "read_file", "repair_mojibake", "strip_dateline", "valid_unicode",
]
