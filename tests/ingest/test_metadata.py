"""Tests for graphbuild.ingest.metadata: title, outlet, date and URL from every input kind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.ingest import read_corpus
from graphbuild.ingest.metadata import (
    MAX_TEXT_CHARS,
    MAX_URL_CHARS,
    META_TAGS,
    RECORD_FIELDS,
    Metadata,
    metadata_from,
    read_sources,
)
from graphbuild.types import Article

BODY = "Ministers met in Brussels on Thursday to discuss the force."
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

HTML = f"""<html><head><title>Talks | Le Monde</title>
<meta property="og:title" content="Talks in Brussels">
<meta property="og:site_name" content="Le Monde">
<meta property="article:published_time" content="2025-04-02T08:00:00+02:00">
<link rel="canonical" href="https://www.lemonde.fr/talks">
</head><body><h1>Talks</h1><p>{BODY}</p></body></html>"""
HTML_NAMED = f"""<html><head><meta name="date" content="April 2, 2025">
<meta name="application-name" content="The Kyiv Independent">
<meta property="og:url" content="https://kyivindependent.com/talks"></head>
<body><h1>Headline from h1</h1><p>{BODY}</p></body></html>"""
MARKDOWN = f"""---
title: "Talks in Brussels"
source: Reuters
date: 2025-04-02
url: https://www.reuters.com/talks
tags: [nato, ukraine]
---
# Talks

{BODY}
"""
JSON_RECORD = {"headline": "Talks in Brussels", "source": {"id": "ap", "name": "AP"},
               "publishedAt": "2025-04-02T09:00:00Z", "link": "https://apnews.com/talks",
               "body": BODY}
JSONL_RECORDS = [
    {"title": "One", "outlet": "BBC", "published": "Wed, 02 Apr 2025 10:00:00 GMT",
     "url": "https://bbc.co.uk/1", "text": BODY},
    {"title": "Two", "publisher": "ITV", "pubDate": "3 April 2025", "text": BODY},
]


def article(tmp_path: Path, name: str, content: str) -> Article:
    (tmp_path / name).write_text(content, encoding="utf-8")
    (found,) = read_corpus(tmp_path).articles
    return found


def meta(found: Article) -> tuple[str, str, str, str]:
    return found.title, found.outlet, found.published, found.url


@pytest.mark.parametrize(("name", "content", "expected"), [
    pytest.param("a.html", HTML, ("Talks in Brussels", "Le Monde", "2025-04-02",
                                  "https://www.lemonde.fr/talks"), id="html-open-graph"),
    pytest.param("a.html", HTML_NAMED, ("Headline from h1", "The Kyiv Independent", "2025-04-02",
                                        "https://kyivindependent.com/talks"), id="html-meta-name"),
    pytest.param("a.md", MARKDOWN, ("Talks in Brussels", "Reuters", "2025-04-02",
                                    "https://www.reuters.com/talks"), id="markdown-front-matter"),
    pytest.param("a.json", json.dumps(JSON_RECORD), ("Talks in Brussels", "AP", "2025-04-02",
                                                     "https://apnews.com/talks"), id="json"),
    pytest.param("a.txt", f"Talks in Brussels\n\n{BODY}", ("Talks in Brussels", "", "", ""),
                 id="text-first-line"),
    pytest.param("talks-2025.txt", f"{BODY} " * 5, ("talks-2025.txt", "", "", ""),
                 id="text-file-name-fallback"),
])
def test_metadata_from_each_input_kind(tmp_path: Path, name: str, content: str,
                                       expected: tuple[str, str, str, str]) -> None:
    assert meta(article(tmp_path, name, content)) == expected


def test_metadata_from_json_lines(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in JSONL_RECORDS))
    assert [meta(a) for a in read_corpus(tmp_path).articles] == [
        ("One", "BBC", "2025-04-02", "https://bbc.co.uk/1"),
        ("Two", "ITV", "2025-04-03", "")]


def test_unusable_values_are_dropped_and_the_file_says_so(tmp_path: Path) -> None:
    record = {"title": "Talks", "date": "next week", "url": "javascript:alert(1)", "text": BODY}
    (tmp_path / "a.json").write_text(json.dumps(record))
    report = read_corpus(tmp_path)
    assert meta(report.articles[0]) == ("Talks", "", "", "")
    assert report.files[0].status == "read"
    assert report.files[0].reason == ('unreadable date "next week" dropped; '
                                      'URL "javascript:alert(1)" dropped (not http or https)')


def test_a_later_field_is_used_when_the_first_is_not_a_date() -> None:
    found = metadata_from({"date": "Wednesday", "publishedAt": "2025-04-02"})
    assert (found.published, found.notes) == ("2025-04-02", ())


def test_values_are_cleaned_and_bounded() -> None:
    found = metadata_from({
        "title": "Talks\x00 in\n\tBrussels\u202e" + " word" * 200,
        "outlet": "Le Mondeâ€™s\x1b[31m desk",
        "url": "https://example.org/" + "a" * MAX_URL_CHARS,
    })
    assert found.title.startswith("Talks in Brussels")
    assert len(found.title) <= MAX_TEXT_CHARS and found.title.endswith("…")
    assert found.outlet == "Le Monde’s [31m desk"
    assert found.url == ""


@given(st.dictionaries(st.sampled_from([n for names in RECORD_FIELDS.values() for n in names]),
                       st.text() | st.integers() | st.none() | st.dictionaries(
                           st.just("name"), st.text())))
def test_any_record_gives_clean_metadata(record: dict[str, object]) -> None:
    found = metadata_from(record)
    for value in (found.title, found.outlet, found.published, found.url):
        assert not UNSAFE.search(value) and value == value.strip()
    assert len(found.title) <= MAX_TEXT_CHARS and len(found.url) <= MAX_URL_CHARS
    assert found.published == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.published)
    assert found.url == "" or found.url.startswith(("http://", "https://"))


@given(st.dictionaries(st.sampled_from([n for names in META_TAGS.values() for n in names]),
                       st.text()))
def test_any_meta_tags_give_clean_metadata(tags: dict[str, str]) -> None:
    found = metadata_from(tags, META_TAGS)
    assert not any(UNSAFE.search(v) for v in (found.title, found.outlet, found.url))


# -- sources.csv ---------------------------------------------------------------------


SOURCES = """file,title,outlet,published,url,notes
a.txt,,The Times,2 April 2025,https://thetimes.co.uk/a,ignored column
news/b.html,Better title,,,,
corpus-name/c.md,,,not a date,,
gone.txt,x,,,,
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus-name"
    (folder / "news").mkdir(parents=True)
    (folder / "a.txt").write_text(f"Talks\n\n{BODY}")
    (folder / "news" / "b.html").write_text(HTML)
    (folder / "c.md").write_text(MARKDOWN)
    (folder / "sources.csv").write_text(SOURCES)
    return folder


def test_sources_csv_gives_and_overrides_metadata(corpus: Path) -> None:
    report = read_corpus(corpus)
    found = {a.id: meta(a) for a in report.articles}
    assert found == {
        "a": ("Talks", "The Times", "2025-04-02", "https://thetimes.co.uk/a"),
        # sources.csv wins value by value; what it leaves empty the file gives
        "news/b": ("Better title", "Le Monde", "2025-04-02", "https://www.lemonde.fr/talks"),
        # rows may name files as files.json shows them, from the corpus folder's name
        "c": ("Talks in Brussels", "Reuters", "2025-04-02", "https://www.reuters.com/talks"),
    }
    records = {f.path: f for f in report.files}
    assert (records["corpus-name/sources.csv"].status,
            records["corpus-name/sources.csv"].reason) == (
        "metadata", "article metadata for 3 files; 1 row names no file: gone.txt")
    assert records["corpus-name/c.md"].reason == 'unreadable date "not a date" dropped'
    assert report.skipped == ()


@pytest.mark.parametrize(("content", "reason"), [
    pytest.param("name,outlet\na.txt,BBC\n",
                 "article metadata not used: no file or path column in its header "
                 "(columns: file, title, outlet, published, url)", id="no-file-column"),
    pytest.param("", "article metadata not used: no file or path column in its header "
                     "(columns: file, title, outlet, published, url)", id="empty"),
    pytest.param("file,outlet\na.txt," + "x" * 200_000 + "\n",
                 "article metadata not used: invalid CSV: field larger than field limit "
                 "(131072)", id="invalid"),
])
def test_an_unusable_sources_csv_is_reported_not_fatal(tmp_path: Path, content: str,
                                                       reason: str) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sources.csv").write_text(content)
    report = read_corpus(tmp_path)
    assert [a.outlet for a in report.articles] == [""]
    record = next(f for f in report.files if f.path.endswith("sources.csv"))
    assert (record.status, record.reason) == ("skipped", reason)


def test_sources_csv_in_a_subfolder_is_not_a_metadata_table(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY)
    (tmp_path / "sub" / "sources.csv").write_text("file,outlet\na.txt,BBC\n")
    report = read_corpus(tmp_path)
    assert report.articles[0].outlet == ""
    assert report.skipped[0].reason == "unsupported extension .csv"


def test_read_sources_accepts_a_path_column_and_windows_separators(tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    path.write_bytes("\ufeffPath,Outlet\r\n.\\news\\a.txt,Süddeutsche\r\n".encode("cp1252",
                                                                                 "ignore"))
    assert read_sources(path).rows == {"news/a.txt": Metadata(outlet="Süddeutsche")}
