"""Corpus paths -> every file found, read or skipped, with ids unique across the corpus.

Consumes files and folders (searched recursively, never following links out of
the corpus) and produces a :class:`CorpusReport`. A ``sources.csv`` in a corpus
folder gives the metadata of the files it names
(:func:`graphbuild.ingest.metadata.read_sources`) and is recorded with the
status ``"metadata"``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from graphbuild.cache import ExtractionCache, opened
from graphbuild.errors import CorpusError
from graphbuild.ingest.decoding import valid_unicode
from graphbuild.ingest.files import (
    LOOKED_FOR,
    FileRecord,
    ReadCache,
    _article,
    _Draft,
    _read_file,
    _rel_id,
)
from graphbuild.ingest.metadata import SOURCES_FILE, SourcesTable, read_sources
from graphbuild.types import Article

log = logging.getLogger(__name__)

SOURCES_PATH = PurePosixPath(SOURCES_FILE)


@dataclass(frozen=True)
class CorpusReport:
    """The articles of a corpus and an account of every file found."""

    articles: tuple[Article, ...]
    files: tuple[FileRecord, ...]

    @property
    def skipped(self) -> tuple[FileRecord, ...]:
        """The files that produced no article."""
        return tuple(f for f in self.files if f.status == "skipped")


def _discover(root: Path) -> Iterable[tuple[Path, PurePosixPath | None, str]]:
    """Yield (path, relative path, reason) for each file, or for a pruned folder.

    Walks with a stack, not recursion, so no depth of folders aborts the build; never
    follows a symlinked folder; reports folders it cannot list; and skips file links
    that point outside the corpus.
    """
    inside = root.resolve()
    pending = [root]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            rel = PurePosixPath(here.relative_to(root).as_posix())
            yield here, rel, f"unreadable folder: {exc.strerror or exc}"
            continue
        folders = []
        for entry in entries:
            sub = here / entry.name
            rel = PurePosixPath(sub.relative_to(root).as_posix())
            if entry.is_dir(follow_symlinks=False):
                if entry.name.startswith("."):
                    yield sub, rel, "hidden folder (not searched)"
                else:
                    folders.append(sub)
            elif entry.is_symlink():
                yield sub, rel, _link_reason(sub, inside)
            else:
                yield sub, rel, ""
        pending.extend(reversed(folders))


def _link_reason(link: Path, inside: Path) -> str:
    """'' for a file link that stays in the corpus, else why it is not followed."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken or looping symlink (not followed)"
    if target.is_dir():
        return "symlinked folder (not followed)"
    if not target.is_relative_to(inside):
        return "symlink to outside the corpus (not followed)"
    return ""


def read_corpus(paths: Sequence[str | Path] | str | Path, *,
                cache: str | Path | ExtractionCache | None = None,
                new_file: Callable[[], None] | None = None) -> CorpusReport:
    """Read every article under ``paths`` (files or folders, searched recursively).

    Parameters
    ----------
    paths : sequence of str or Path
        Corpus files and folders; a single path is accepted too.
    cache : str, Path or ExtractionCache, optional
        The extraction cache (:mod:`graphbuild.cache`), which also keeps what each file
        gave, so an unchanged file is not decoded and cleaned again.
    new_file : callable, optional
        Called (once) on the first file the cache has not read before.

    Returns
    -------
    CorpusReport
        Articles sorted by id (ids unique across the corpus) and one
        :class:`FileRecord` per file found, sorted by path.

    Raises
    ------
    CorpusError
        When a path does not exist or no article is found.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise CorpusError("No corpus paths given: pass at least one file or folder")
    for given in paths:
        if not Path(given).exists():
            raise CorpusError(f'Corpus path "{given}" does not exist')
    with opened(cache) as store:
        reader = ReadCache(store, new_file=new_file) if store is not None else None
        try:
            results = _read_paths(paths, reader)
        finally:
            if reader is not None:
                reader.flush()
    articles, files = _assign_ids(results)
    read = sum(f.status == "read" for f in files)
    log.info("Read %d articles from %d files (%d skipped)", len(articles), read,
             len(files) - read)
    if not articles:
        shown = ", ".join(_shown(p) for p in paths)
        skipped = [f"{Path(f.path).name} ({f.reason})" for f in files if f.status == "skipped"]
        listed = ""
        if skipped:
            more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
            listed = f"; skipped {len(skipped)}: {', '.join(skipped[:5])}{more}"
        raise CorpusError(f"No articles found in {shown} (looked for {LOOKED_FOR}){listed}")
    return CorpusReport(tuple(sorted(articles, key=lambda a: a.id)),
                        tuple(sorted(files, key=lambda f: f.path)))


def _read_paths(paths: Sequence[str | Path], cache: ReadCache | None
                ) -> list[tuple[str, list[_Draft], str, str]]:
    """(shown path, drafts, reason, status) of every file and pruned folder found."""
    seen: set[Path] = set()
    results: list[tuple[str, list[_Draft], str, str]] = []
    for given in paths:
        base = Path(given)
        entries: list[tuple[Path, PurePosixPath | None, str]]
        # Paths are recorded from the corpus folder's own name, so "corpus", "corpus/"
        # and its absolute path give the same outputs and no home folder leaks into them.
        label = PurePosixPath(base.resolve().name)
        if base.is_dir():
            entries = list(_discover(base))
        else:
            label = PurePosixPath()
            entries = [(base, PurePosixPath(base.name), "")]
        table = _sources_table(entries)
        matched: set[str] = set()
        table_shown = ""
        for path, rel, pruned in entries:
            try:
                key = path.resolve()
            except (OSError, RuntimeError):
                key = path.absolute()
            if key in seen:
                continue
            seen.add(key)
            assert rel is not None
            shown = (label / rel).as_posix()
            if pruned:
                results.append((shown + "/", [], pruned, "skipped"))
                continue
            if table is not None and rel == SOURCES_PATH:
                table_shown = shown
                continue
            row = None
            if table is not None:
                for name in (rel.as_posix(), (label / rel).as_posix()):
                    if name in table.rows:
                        row = table.rows[name]
                        matched.add(name)
            drafts, reason = _read_file(path, _rel_id(rel), row, cache)
            results.append((shown, drafts, reason, "read" if drafts else "skipped"))
        if table is not None and table_shown:  # recorded last: every match is known
            status, reason = _sources_record(table, matched)
            results.append((table_shown, [], reason, status))
    return results


def _sources_table(entries: Sequence[tuple[Path, PurePosixPath | None, str]]
                   ) -> SourcesTable | None:
    """The corpus folder's ``sources.csv``, when the walk found one it may read."""
    for path, rel, pruned in entries:
        if rel == SOURCES_PATH and not pruned:
            table = read_sources(path)
            if table.problem:
                log.warning("%s not used: %s", path, table.problem)
            return table
    return None


def _sources_record(table: SourcesTable, matched: set[str]) -> tuple[str, str]:
    """Status and reason of the ``sources.csv`` record: which rows matched a file."""
    if table.problem:
        return "skipped", f"article metadata not used: {table.problem}"
    unmatched = sorted(set(table.rows) - matched)
    reason = f"article metadata for {len(matched)} file{'s' if len(matched) != 1 else ''}"
    if unmatched:
        more = f" and {len(unmatched) - 3} more" if len(unmatched) > 3 else ""
        rows = "1 row names" if len(unmatched) == 1 else f"{len(unmatched)} rows name"
        reason += f"; {rows} no file: {', '.join(unmatched[:3])}{more}"
    return "metadata", reason


def _shown(path: str | Path) -> str:
    text = Path(path).as_posix()
    return text + "/" if Path(path).is_dir() and not text.endswith("/") else text


def _assign_ids(results: list[tuple[str, list[_Draft], str, str]]
                ) -> tuple[list[Article], list[FileRecord]]:
    """Make ids unique: later duplicates (in path order) get ``-2``, ``-3``..."""
    results = sorted(results, key=lambda r: r[0])
    taken = {d.id for _, drafts, *_ in results for d in drafts}
    used: set[str] = set()
    articles: list[Article] = []
    files: list[FileRecord] = []
    for raw_shown, drafts, reason, status in results:
        shown = valid_unicode(raw_shown)
        ids = []
        for draft in drafts:
            article_id = draft.id
            if article_id in used:
                n = 2
                while f"{draft.id}-{n}" in taken or f"{draft.id}-{n}" in used:
                    n += 1
                article_id = f"{draft.id}-{n}"
                log.warning("Duplicate article id %r in %s renamed %r", draft.id, shown,
                            article_id)
            used.add(article_id)
            ids.append(article_id)
            articles.append(_article(draft, article_id, shown))
        if not drafts:
            log.debug("Skipped %s: %s", shown, reason)
        files.append(FileRecord(shown, status, reason, tuple(ids)))
    return articles, files
