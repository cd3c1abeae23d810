"""The extraction cache: records round-trip exactly, hits and misses, invalidation by
content, model and rules, damaged or foreign cache files, and laid-out components."""

from __future__ import annotations

import ast
import contextlib
import logging
import shutil
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild import cache as cache_module
from graphbuild.build import build_corpus, write_outputs
from graphbuild.cache import INGEST_SOURCES, RULE_SOURCES, ExtractionCache, decode, encode
from graphbuild.export import layout
from graphbuild.export.json import write_json
from graphbuild.ingest import read_corpus
from graphbuild.types import ArticleExtraction, Claim, Evidence, Mention

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted((REPO / "corpus").glob("*.txt"))


def _corpus(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in ARTICLES[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def _graph_bytes(result: object, path: Path) -> bytes:
    write_json(result.knowledge_graph.graph, path)  # type: ignore[attr-defined]
    return path.read_bytes()


# -- records ---------------------------------------------------------------------------

def test_every_sample_extraction_round_trips_exactly(sample_build: object, nlp: object,
                                                     tmp_path: Path) -> None:
    from graphbuild.engine import run_here

    articles = sample_build.corpus.articles  # type: ignore[attr-defined]
    extractions = list(run_here(nlp, articles))  # type: ignore[arg-type]

    assert sum(len(e.claims) for e in extractions) > 20
    for extraction in extractions:
        assert decode(encode(extraction)) == extraction


text = st.text(max_size=20)
mentions = st.builds(Mention, text, st.integers(), st.integers(), text, text, text,
                     st.integers(), st.none() | text, st.none() | text, st.none() | text,
                     st.none() | text, st.none() | text, st.booleans(), st.booleans())
claims = st.builds(Claim, mentions, text, st.none() | mentions,
                   st.builds(Evidence, text, text, st.integers(), st.integers()),
                   st.booleans(), text, text, st.none() | mentions, st.none() | text,
                   st.floats(allow_nan=False))


@settings(max_examples=200, deadline=None)
@given(text, st.lists(mentions, max_size=5), st.lists(claims, max_size=5))
def test_any_record_round_trips(article: str, found: list[Mention],
                                said: list[Claim]) -> None:
    extraction = ArticleExtraction(article, tuple(found), tuple(said))
    assert decode(encode(extraction)) == extraction


# -- hits, misses and invalidation ------------------------------------------------------

def test_a_rebuild_parses_nothing_and_gives_the_same_graph(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"

    cold = build_corpus(corpus, cache=cache)
    warm = build_corpus(corpus, cache=cache)

    assert (cold.stats.parsed, cold.stats.cached) == (3, 0)
    assert (warm.stats.parsed, warm.stats.cached) == (0, 3)
    assert _graph_bytes(cold, tmp_path / "a.json") == _graph_bytes(warm, tmp_path / "b.json")


def test_a_new_or_edited_article_is_the_only_one_parsed(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    build_corpus(corpus, cache=cache)

    shutil.copy(ARTICLES[3], corpus / ARTICLES[3].name)
    added = build_corpus(corpus, cache=cache)
    edited_path = corpus / ARTICLES[0].name
    edited_path.write_text(edited_path.read_text() + "\nFrance will attend the summit.\n")
    edited = build_corpus(corpus, cache=cache)
    fresh = build_corpus(corpus)

    assert (added.stats.parsed, added.stats.cached) == (1, 3)
    assert (edited.stats.parsed, edited.stats.cached) == (1, 3)
    # The graph never depends on the build history.
    assert _graph_bytes(edited, tmp_path / "a.json") == _graph_bytes(fresh, tmp_path / "b.json")


def test_another_model_version_misses_every_record(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from graphbuild import models

    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    build_corpus(corpus, cache=cache)
    real = models.pipeline_meta

    monkeypatch.setattr(models, "pipeline_meta",
                        lambda model=None: {**real(model), "version": "9.9.9"})
    other = build_corpus(corpus, cache=cache)

    assert (other.stats.parsed, other.stats.cached) == (3, 0)


def test_a_lexicon_word_changes_the_rules_fingerprint(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "graphbuild"
    shutil.copytree(REPO / "graphbuild", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    cache_module.rules_fingerprint.cache_clear()
    try:
        before = cache_module.rules_fingerprint()
        lexicon = package / "data" / "lexicon.toml"
        lexicon.write_text(lexicon.read_text().replace('"summit"', '"summit", "jamboree"', 1))
        cache_module.rules_fingerprint.cache_clear()
        after_lexicon = cache_module.rules_fingerprint()
        (package / "export" / "html.py").write_text("# not a rule\n")
        cache_module.rules_fingerprint.cache_clear()
        after_export = cache_module.rules_fingerprint()
    finally:
        cache_module.rules_fingerprint.cache_clear()

    assert before != after_lexicon
    assert after_export == after_lexicon  # only what extraction reads counts


def test_changed_rules_miss_every_record(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    build_corpus(corpus, cache=cache)

    monkeypatch.setattr(cache_module, "rules_fingerprint", lambda: "edited-lexicon")
    again = build_corpus(corpus, cache=cache)

    assert (again.stats.parsed, again.stats.cached) == (3, 0)


def _graphbuild_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n.startswith("graphbuild.")}


def _module_file(name: str) -> Path | None:
    base = REPO / Path(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_closure(*packages: str) -> set[Path]:
    """The files of graphbuild's ``packages`` and every graphbuild module they import, at
    any depth."""
    root = REPO / "graphbuild"
    todo = [path for package in packages for path in sorted((root / package).rglob("*.py"))]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(f for name in _graphbuild_imports(path) if (f := _module_file(name)))
    return seen


def _uncovered(files: set[Path], sources: Iterable[str]) -> list[str]:
    """The files no fingerprint source is, or contains."""
    root = REPO / "graphbuild"
    covered = {root / source for source in sources}
    return sorted(str(p.relative_to(root)) for p in files
                  if not any(p == c or c in p.parents for c in covered))


def test_rule_sources_cover_every_module_extraction_imports() -> None:
    """Every graphbuild module the nlp and extract stages import, at any depth, is part of
    the rules fingerprint (else editing it would not invalidate the cache)."""
    seen = _imported_closure("extract", "nlp")
    assert _uncovered(seen, RULE_SOURCES) == []
    assert len(seen) > 20


def test_ingest_sources_cover_every_module_ingest_imports() -> None:
    """Every graphbuild module the ingest stage imports, at any depth, is part of the
    ingest fingerprint (else editing it would not miss the records of read files)."""
    seen = _imported_closure("ingest")
    seen.discard(REPO / "graphbuild" / "cache.py")  # where records are kept, not how files are read
    assert _uncovered(seen, INGEST_SOURCES) == []
    assert len(seen) > 8


# -- files read once -----------------------------------------------------------------------

INGEST_FIXTURES = REPO / "tests" / "data" / "ingest" / "corpus"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files decoded and cleaned (not taken from the cache)."""
    from graphbuild.ingest import files

    names: list[str] = []
    real = files._drafts_of

    def counted(data: bytes, path: Path, article_id: str) -> object:
        names.append(path.name)
        return real(data, path, article_id)

    monkeypatch.setattr(files, "_drafts_of", counted)
    return names


def test_files_are_read_once_and_give_the_same_articles(tmp_path: Path,
                                                        reads: list[str]) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache.sqlite"
    shutil.copytree(INGEST_FIXTURES, corpus)
    (corpus / "mojibake.txt").write_text("Talks\n\nNATOâ€™s  ministers   met.\n")

    uncached = read_corpus(corpus)
    read_count = len(reads)
    cold = read_corpus(corpus, cache=cache)
    reads.clear()
    warm = read_corpus(corpus, cache=cache)

    assert read_count > 5 and reads == []
    assert cold == warm == uncached
    assert [a.repairs for a in warm.articles if a.id == "mojibake"] == [("ftfy",)]


def test_an_edited_or_renamed_file_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    read_corpus(corpus, cache=cache)
    first, second = sorted(corpus.iterdir())[:2]

    first.write_text(first.read_text() + "\nFrance will attend the summit.\n")
    second.rename(corpus / "renamed.txt")
    reads.clear()
    again = read_corpus(corpus, cache=cache)

    assert sorted(reads) == sorted([first.name, "renamed.txt"])
    assert again == read_corpus(corpus)


def test_changed_ingest_rules_read_every_file_again(tmp_path: Path, reads: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    read_corpus(corpus, cache=cache)

    monkeypatch.setattr(cache_module, "ingest_fingerprint", lambda: "edited-boilerplate")
    reads.clear()
    read_corpus(corpus, cache=cache)

    assert len(reads) == 3


@pytest.mark.parametrize("edit", ["data/boilerplate.txt", "ingest/cleaning.py", "dates.py"])
def test_ingest_code_and_data_change_the_ingest_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    package = tmp_path / "graphbuild"
    shutil.copytree(REPO / "graphbuild", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    cache_module.ingest_fingerprint.cache_clear()
    try:
        before = cache_module.ingest_fingerprint()
        (package / edit).write_text((package / edit).read_text() + "\n# edited\n")
        cache_module.ingest_fingerprint.cache_clear()
        after = cache_module.ingest_fingerprint()
        (package / "export" / "html.py").write_text("# not read by ingest\n")
        cache_module.ingest_fingerprint.cache_clear()
        after_export = cache_module.ingest_fingerprint()
    finally:
        cache_module.ingest_fingerprint.cache_clear()

    assert before != after == after_export


def test_another_decoding_library_version_changes_the_ingest_fingerprint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    before = cache_module.ingest_fingerprint()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "ftfy" else real(name))
    cache_module.ingest_fingerprint.cache_clear()
    try:
        assert cache_module.ingest_fingerprint() != before
    finally:
        cache_module.ingest_fingerprint.cache_clear()


def test_a_damaged_file_record_is_read_again(tmp_path: Path, reads: list[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    corpus, cache = _corpus(tmp_path, 2), tmp_path / "cache.sqlite"
    expected = read_corpus(corpus, cache=cache)
    with contextlib.closing(sqlite3.connect(cache)) as connection, connection:
        connection.execute("UPDATE reading SET record = x'00ff' WHERE rowid = 1")
        connection.execute("UPDATE reading SET record = ? WHERE rowid = 2",
                           (zlib.compress(b'{"drafts": [[1, 2]], "reason": ""}'),))
    reads.clear()

    with caplog.at_level(logging.WARNING):
        again = read_corpus(corpus, cache=cache)

    assert again == expected and len(reads) == 2
    damaged = [r for r in caplog.records if "ignoring a damaged cache record" in r.getMessage()]
    assert len(damaged) == 2


def test_a_cache_without_file_records_gains_them(tmp_path: Path, reads: list[str]) -> None:
    # A cache written before files were kept in it: its records stay, files are added.
    corpus, cache = _corpus(tmp_path, 2), tmp_path / "cache.sqlite"
    build_corpus(corpus, cache=cache)
    with contextlib.closing(sqlite3.connect(cache)) as connection, connection:
        connection.execute("DROP TABLE reading")
    reads.clear()

    again = build_corpus(corpus, cache=cache)
    reads_after_upgrade = len(reads)
    reads.clear()
    build_corpus(corpus, cache=cache)

    assert (again.stats.parsed, again.stats.cached) == (0, 2)
    assert reads_after_upgrade == 2 and reads == []


def test_a_build_reads_no_file_again_and_gives_the_same_graph(tmp_path: Path,
                                                              reads: list[str]) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    cold = build_corpus(corpus, cache=cache)
    reads.clear()
    warm = build_corpus(corpus, cache=cache)

    assert reads == [] and warm.corpus == cold.corpus
    assert _graph_bytes(cold, tmp_path / "a.json") == _graph_bytes(warm, tmp_path / "b.json")


# -- damaged and foreign files ------------------------------------------------------------

@pytest.mark.parametrize("content", [
    pytest.param(b"not a database at all" * 100, id="garbage"),
    pytest.param(None, id="another-programs-sqlite"),
])
def test_an_unusable_cache_is_set_aside_and_rebuilt(
        tmp_path: Path, content: bytes | None, caplog: pytest.LogCaptureFixture) -> None:
    corpus, cache = _corpus(tmp_path, 2), tmp_path / "cache.sqlite"
    if content is None:
        with contextlib.closing(sqlite3.connect(cache)) as other, other:
            other.execute("CREATE TABLE invoices (id INTEGER)")
    else:
        cache.write_bytes(content)
    original = cache.read_bytes()

    with caplog.at_level(logging.WARNING):
        result = build_corpus(corpus, cache=cache)

    assert (result.stats.parsed, result.stats.cached) == (2, 0)
    warning, = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"the cache {cache} is not a graphbuild cache or is damaged")
    assert warning.endswith("moved it to cache.sqlite.unreadable and started a new one")
    assert (tmp_path / "cache.sqlite.unreadable").read_bytes() == original
    assert len(ExtractionCache(cache)) == 2


def test_a_damaged_record_is_parsed_again(tmp_path: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    corpus, cache = _corpus(tmp_path, 2), tmp_path / "cache.sqlite"
    build_corpus(corpus, cache=cache)
    with contextlib.closing(sqlite3.connect(cache)) as connection, connection:
        connection.execute("UPDATE extraction SET record = x'00ff' WHERE rowid = 1")

    with caplog.at_level(logging.WARNING):
        result = build_corpus(corpus, cache=cache)

    assert (result.stats.parsed, result.stats.cached) == (1, 1)
    assert any("ignoring a damaged cache record" in r.getMessage() for r in caplog.records)


def test_a_cache_that_cannot_be_opened_is_skipped_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = _corpus(tmp_path, 1)
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()

    with caplog.at_level(logging.WARNING):
        result = build_corpus(corpus, cache=folder)

    assert result.stats.parsed == 1
    assert any(r.getMessage().startswith(f"cannot use the cache {folder}")
               for r in caplog.records)


def test_a_cache_file_is_made_by_its_first_record(tmp_path: Path) -> None:
    path = tmp_path / "new" / "cache.sqlite"
    store = ExtractionCache(path)
    assert store.get_many(["a"]) == {} and store.get_reading("a") is None and len(store) == 0
    store.put_many([])
    store.put_readings([])
    assert not (tmp_path / "new").exists()

    store.put_readings([("a", b"{}")])
    store.close()
    assert ExtractionCache(path).get_reading("a") == b"{}"


def test_a_cache_that_cannot_be_written_is_skipped_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = _corpus(tmp_path, 1)
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    with caplog.at_level(logging.WARNING):
        result = build_corpus(corpus, cache=blocker / "cache.sqlite")

    assert result.stats.parsed == 1
    warning, = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"cannot write the cache {blocker / 'cache.sqlite'} (")
    assert warning.endswith("); the next build parses every article again")


# -- laid-out components ------------------------------------------------------------------

def test_laid_out_components_round_trip_exactly_and_damaged_ones_are_misses(
        tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "cache.sqlite")
    array = np.array([[0.1, -2.5], [1e-300, 3.0], [7.0, 1 / 3]])
    store.put_layouts([("good", array), ("damaged", array), ("not-finite", array)])
    with contextlib.closing(sqlite3.connect(store.path)) as connection, connection:
        connection.execute("UPDATE layout SET record = x'00ff' WHERE key = 'damaged'")
        connection.execute("UPDATE layout SET record = ? WHERE key = 'not-finite'",
                           (np.array([[np.nan, 0.0]]).tobytes(),))

    found = store.get_layouts(["good", "damaged", "not-finite", "missing"])

    assert list(found) == ["good"] and np.array_equal(found["good"], array)


def test_a_rebuild_lays_out_nothing_again_and_writes_the_same_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    laid_out: list[int] = []
    original = layout._component_layout

    def counting(simple: object, component: list[str], **kwargs: int) -> np.ndarray:
        laid_out.append(len(component))
        return original(simple, component, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(layout, "_component_layout", counting)
    write_outputs(build_corpus(corpus, cache=cache), tmp_path / "first", cache=cache)
    first, laid_out[:] = list(laid_out), []
    written = write_outputs(build_corpus(corpus, cache=cache), tmp_path / "second", cache=cache)

    assert max(first) > 2 and all(size <= 2 for size in laid_out)  # pairs are not kept
    for path in written:
        assert path.read_bytes() == (tmp_path / "first" / path.name).read_bytes(), path.name
