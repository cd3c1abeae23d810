"""Tests for graphbuild.ingest: each helper alone, the sample corpus, formats, properties."""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild import ingest, jsonlimits
from graphbuild.errors import CorpusError
from graphbuild.ingest import (
    LOOKED_FOR,
    CorpusReport,
    FileRecord,
    clean_lines,
    compile_patterns,
    decode_bytes,
    html_to_text,
    markdown_to_text,
    read_article,
    read_corpus,
    read_file,
    repair_mojibake,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus"
FIXTURES = Path(__file__).parent / "data" / "ingest" / "corpus"
BBC = Path("/work/shared/corpora/bbc_news_2225")
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _pipeline(data: bytes) -> str:
    text, _ = decode_bytes(data)
    text, _ = repair_mojibake(text)
    return clean_lines(text)[0]


# --------------------------------------------------------------------------- decode_bytes


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param("Café – ok".encode(), "Café – ok", "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfHello", "Hello", "utf-8-sig", id="utf-8-bom"),
        pytest.param("Kyiv – “talks”".encode("utf-16"), "Kyiv – “talks”", "utf-16",
                     id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + "Größe".encode("utf-16-be"), "Größe", "utf-16",
                     id="utf-16-be-bom"),
        pytest.param("Zürich".encode("utf-32"), "Zürich", "utf-32", id="utf-32-bom"),
        pytest.param("The minister’s “plan” – café".encode("cp1252"),
                     "The minister’s “plan” – café", "cp1252", id="cp1252"),
        pytest.param("Sébastien Lecornu à Noël, Größe über".encode("latin-1"),
                     "Sébastien Lecornu à Noël, Größe über", "cp1252", id="latin-1"),
        pytest.param("Министр обороны заявил, что встреча состоится в четверг.".encode("cp1251"),
                     "Министр обороны заявил, что встреча состоится в четверг.", "cp1251",
                     id="cp1251-russian"),
        pytest.param(b"", "", "utf-8", id="empty"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_decode_bytes_undefined_cp1252_bytes_do_not_raise() -> None:
    text, encoding = decode_bytes(b"\x81\x8d\x8f\x90\x9d\xff\xfe garbage")
    assert isinstance(text, str) and encoding


# --------------------------------------------------------------------------- repair_mojibake

GENUINE = [
    pytest.param("ภาษาไทยเป็นภาษาราชการของประเทศไทย นายกรัฐมนตรีกล่าวว่า “เราจะประชุม”",
                 id="thai"),
    pytest.param("Министр обороны заявил — «встреча состоится в четверг».", id="russian"),
    pytest.param("Καλημέρα κόσμε, η σύνοδος κορυφής θα γίνει την Πέμπτη.", id="greek"),
    pytest.param("Zażółć gęślą jaźń – powiedział minister.", id="polish"),
    pytest.param("שלום עולם, הפגישה תתקיים ביום חמישי", id="hebrew"),
    pytest.param("مرحبا بالعالم، سيعقد الاجتماع يوم الخميس", id="arabic"),
    pytest.param("Hà Nội và Thành phố Hồ Chí Minh", id="vietnamese"),
    pytest.param("日本語のテキスト、ＮＡＴＯ本部", id="japanese-fullwidth"),
    pytest.param("“Curly” ‘quotes’ — em – en … €5 ™ stay", id="punctuation"),
    pytest.param("Größe über Straße, naïve café 😀 👍🏽", id="latin-emoji"),
]


@pytest.mark.parametrize("text", GENUINE)
def test_repair_mojibake_leaves_genuine_text_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, ())


@pytest.mark.parametrize(
    ("broken", "fixed", "repairs"),
    [
        pytest.param("BRUSSELS โ€“ NATOโ€™s talks", "BRUSSELS – NATO’s talks",
                     ("mojibake:cp874",), id="utf8-as-cp874"),
        pytest.param("donâ€™t “stop”", "don’t “stop”", ("ftfy",), id="utf8-as-cp1252"),
        pytest.param("SГ©bastien Lecornu", "Sébastien Lecornu", ("mojibake:cp1251",),
                     id="utf8-as-cp1251"),
        pytest.param("Sֳ©bastien", "Sébastien", ("mojibake:cp1255",), id="utf8-as-cp1255"),
        pytest.param("ذںر€ذ¸ذ²ذµر‚ ذ¼ذ¸ر€", "Привет мир", ("mojibake:cp1256",),
                     id="cyrillic-as-cp1256"),
        pytest.param("Sรฉbastien Lecornu", "Sébastien Lecornu", ("mojibake:cp874",),
                     id="accent-inside-latin-word"),
        pytest.param("ذœذ¸ذ½ذ¸رپر‚ر€ ذ¾ذ±ذ¾ر€ذ¾ذ½ر‹ ذ·ذ°رڈذ²ذ¸ذ» â€” آ«ذ´ذ°آ»",
                     "Министр обороны заявил — «да»", ("ftfy", "mojibake:cp1256"),
                     id="whole-text-misread"),
        pytest.param("plain ASCII", "plain ASCII", (), id="ascii"),
    ],
)
def test_repair_mojibake(broken: str, fixed: str, repairs: tuple[str, ...]) -> None:
    assert repair_mojibake(broken) == (fixed, repairs)


# --------------------------------------------------------------------------- clean_lines


@pytest.mark.parametrize(
    ("text", "cleaned", "dropped"),
    [
        pytest.param("Title\n\nimage\n\nTitle\n\nBody.", "Title\n\nBody.", 2,
                     id="caption-and-repeated-headline"),
        pytest.param("Head\n\n    0\n    0\n\n    Body text.", "Head\n\nBody text.", 2,
                     id="share-counters-and-indent"),
        pytest.param("A.\nAdvertisement\nShare this article\nRead more\nB.", "A.\n\nB.", 3,
                     id="ads-share-read-more"),
        pytest.param("A.\nSign up for our newsletter\nFollow us on Twitter\nB.", "A.\n\nB.", 2,
                     id="newsletter-follow"),
        pytest.param("A.\nWe use cookies to improve your experience. Accept all cookies\nB.",
                     "A.\n\nB.", 1, id="cookie-notice"),
        pytest.param("Read more books, the minister said.\nAttendance was 78,000.\n78,000",
                     "Read more books, the minister said.\n\nAttendance was 78,000.\n\n78,000",
                     0, id="real-content-kept"),
        pytest.param("a\r\nb.\rc\u2028d", "a b.\n\nc d", 0, id="line-breaks"),
        pytest.param("x\x00y\x07 \tz\ufeff", "xy z", 0, id="controls-and-tabs"),
        pytest.param("Cafe\u0301  au   lait", "Café au lait", 0, id="nfc-and-spaces"),
        pytest.param("Finland\u02bcs bid, Russia\u02bcs war",
                     "Finland\u2019s bid, Russia\u2019s war", 0, id="modifier-letter-apostrophe"),
        pytest.param("Defence ministers from thirty countries met at NATO in\n"
                     "Brussels on Thursday and agreed to talk again within a\n"
                     "month. A second sentence runs on across the line break\n"
                     "and ends here.\n"
                     "Next paragraph.",
                     "Defence ministers from thirty countries met at NATO in Brussels on "
                     "Thursday and agreed to talk again within a month. A second sentence runs "
                     "on across the line break and ends here.\n\nNext paragraph.", 0,
                     id="hard-wrapped-joined"),
        pytest.param("A short headline\nThe body starts here.", "A short headline\n\n"
                     "The body starts here.", 0, id="headline-stays-separate"),
        pytest.param("Points:\n- one\n- two", "Points:\n\n- one\n\n- two", 0, id="list-items"),
        pytest.param("Same.\n\nsame.\n\nSame.", "Same.", 2, id="repeats-collapse"),
        pytest.param("", "", 0, id="empty"),
    ],
)
def test_clean_lines(text: str, cleaned: str, dropped: int) -> None:
    assert clean_lines(text) == (cleaned, dropped)


def test_clean_lines_custom_patterns() -> None:
    patterns = compile_patterns(["# comment", "", "drop me"])
    assert clean_lines("keep\nDROP ME\nimage", patterns=patterns) == ("keep\n\nimage", 1)


def test_boilerplate_is_data() -> None:
    source = REPO / "graphbuild" / "data" / "boilerplate.txt"
    patterns = compile_patterns(source.read_text(encoding="utf-8").splitlines())
    assert any(p.fullmatch("Advertisement") for p in patterns)


# --------------------------------------------------------------------------- markup


def test_html_to_text_drops_scripts_and_furniture() -> None:
    markup = ("<html><head><title>Head | Site</title><style>p{}</style></head><body>"
              "<nav>Home</nav><header>Site</header><h1>Head</h1><p>One &amp; two</p>"
              "<script>alert('x')</script><aside>Related</aside><p>Three<br>four</p>"
              "<footer>(c)</footer></body></html>")
    assert html_to_text(markup) == ("Head\n\nOne & two\n\nThree\nfour", "Head")


def test_html_title_falls_back_to_title_tag() -> None:
    assert html_to_text("<title>Only title</title><p>Text</p>")[1] == "Only title"


def test_markdown_to_text() -> None:
    text, title = markdown_to_text("---\ntitle: Notes\n---\n# Head\n**Bold** [link](u) ![i](p)")
    assert (text, title) == ("Head\nBold link ", "Notes")


# --------------------------------------------------------------------------- sample corpus


@pytest.fixture(scope="module")
def samples() -> CorpusReport:
    return read_corpus([SAMPLES])


@pytest.mark.parametrize(
    "article_id",
    [
        pytest.param("000_dd5084d8ba261f5c", id="000"),
        pytest.param("001_e47b44724eefc1f5", id="001"),
        pytest.param("002_fb8c301cd4b9742c", id="002"),
        pytest.param("003_9780abf448872f11", id="003"),
        pytest.param("004_0adc4d0cd4fcf6e9", id="004"),
    ],
)
def test_samples_read_cleanly(samples: CorpusReport, article_id: str) -> None:
    article = {a.id: a for a in samples.articles}[article_id]
    assert article.path == f"corpus/{article_id}.txt"
    assert "โ€" not in article.text and "â€" not in article.text
    assert not CONTROL.search(article.text)
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    assert all(line == line.strip() for line in article.text.split("\n"))


def test_sample_003_mojibake_repaired(samples: CorpusReport) -> None:
    article = {a.id: a for a in samples.articles}["003_9780abf448872f11"]
    raw = (Path(__file__).parents[1] / "corpus" / "003_9780abf448872f11.txt").read_text("utf-8")
    assert "BRUSSELS – The defense" in ingest.repair_mojibake(raw)[0]
    assert article.text.split("\n\n")[1].startswith("The defense ministers")  # dateline gone
    assert "NATO’s headquarters" in article.text
    assert article.repairs == ("mojibake:cp874",)
    assert article.title == "NATO to host defense leaders for Ukraine force discussions"
    assert "\n0\n" not in article.text and article.dropped_lines == 2


def test_sample_001_caption_and_repeated_headline_dropped(samples: CorpusReport) -> None:
    article = {a.id: a for a in samples.articles}["001_e47b44724eefc1f5"]
    headline = "The 'Volunteers Coalition' for Ukraine will meet with defense ministers at NATO."
    assert article.title == headline
    assert article.text.count(headline) == 1 and article.text.startswith(headline + "\n\n")
    assert "image" not in article.text.split("\n")
    assert article.dropped_lines == 2


def test_samples_sorted_and_accounted(samples: CorpusReport) -> None:
    ids = [a.id for a in samples.articles]
    assert ids == sorted(ids) and len(ids) == 5
    assert [f.status for f in samples.files] == ["read"] * 5


# --------------------------------------------------------------------------- fixture corpus


@pytest.fixture(scope="module")
def fixtures() -> CorpusReport:
    return read_corpus([FIXTURES])


@pytest.mark.parametrize(
    ("name", "status", "reason", "ids"),
    [
        pytest.param(".draft.txt", "skipped", "hidden file", (), id="hidden"),
        pytest.param("README.md", "skipped", "readme", (), id="readme"),
        pytest.param("blank.txt", "skipped", "empty file", (), id="blank"),
        pytest.param("index.jsonl", "skipped",
                     "metadata only: no text/body/content field in any record", (), id="index"),
        pytest.param("notes.csv", "skipped", "unsupported extension .csv", (), id="csv"),
        pytest.param("only_boilerplate.txt", "skipped", "empty after clean-up", (),
                     id="boilerplate-only"),
        pytest.param("summit.txt", "read", "", ("summit",), id="txt"),
        pytest.param("world/batch.json", "read", "1 of 3 records without text",
                     ("wire-1", "world/batch-2"), id="json-list"),
        pytest.param("world/cp1252.txt", "read", "", ("world/cp1252",), id="cp1252"),
        pytest.param("world/feed.jsonl", "read", "1 line not valid JSON",
                     ("world/feed-1", "wire-1-2"), id="jsonl-duplicate-id"),
        pytest.param("world/notes.md", "read", "", ("world/notes",), id="markdown"),
        pytest.param("world/page.html", "read", "", ("world/page",), id="html"),
        pytest.param("world/utf16.txt", "read", "", ("world/utf16",), id="utf-16"),
    ],
)
def test_fixture_files_accounted(fixtures: CorpusReport, name: str, status: str, reason: str,
                                 ids: tuple[str, ...]) -> None:
    record = {f.path: f for f in fixtures.files}[f"corpus/{name}"]
    assert record == FileRecord(f"corpus/{name}", status, reason, ids)


def test_every_fixture_file_has_a_record(fixtures: CorpusReport) -> None:
    on_disk = sorted(f"corpus/{p.relative_to(FIXTURES).as_posix()}"
                     for p in FIXTURES.rglob("*") if p.is_file())
    assert [f.path for f in fixtures.files] == on_disk


@pytest.mark.parametrize(
    ("article_id", "title", "text", "encoding"),
    [
        pytest.param("summit", "Leaders meet in Brussels",
                     "Leaders meet in Brussels\n\nDefence ministers from 30 countries met at NATO"
                     " headquarters on Thursday.\n\nThe meeting was chaired by Britain and "
                     "France.", "utf-8", id="txt"),
        pytest.param("world/page", "Ministers gather in Brussels",
                     "Ministers gather in Brussels\n\nDefence ministers met on Thursday & "
                     "discussed a force for Ukraine.\n\nFrance’s minister said the talks were "
                     "“useful”.\n\nMore talks follow.", "utf-8", id="html"),
        pytest.param("wire-1", "Talks in Paris", "Foreign ministers met in Paris on Monday.",
                     "utf-8", id="json-id-and-headline"),
        pytest.param("world/batch-2", "Second story",
                     "The summit will be held in Rome next week.", "utf-8", id="json-no-id"),
        pytest.param("world/feed-1", "Ceasefire talks", "Negotiators met in Geneva on Tuesday.",
                     "utf-8", id="jsonl"),
        pytest.param("world/notes", "Briefing notes",
                     "Briefing notes\n\nThe foreign secretary met the envoy in London.", "utf-8",
                     id="markdown"),
        pytest.param("world/cp1252", "Paris talks",
                     "Paris talks\n\nThe minister’s “plan” – café diplomacy.", "cp1252",
                     id="cp1252"),
        pytest.param("world/utf16", "Kyiv talks",
                     "Kyiv talks\n\nZelenskyy met Sébastien Lecornu in Kyiv – “useful” talks.",
                     "utf-16", id="utf-16"),
    ],
)
def test_fixture_articles(fixtures: CorpusReport, article_id: str, title: str, text: str,
                          encoding: str) -> None:
    article = {a.id: a for a in fixtures.articles}[article_id]
    assert (article.title, article.text, article.encoding) == (title, text, encoding)


def test_html_script_text_never_reaches_article(fixtures: CorpusReport) -> None:
    article = {a.id: a for a in fixtures.articles}["world/page"]
    for leaked in ("tracking", "nor me", "Home", "header", "Copyright", "Related", "color"):
        assert leaked not in article.text


def test_json_record_with_html_body(tmp_path: Path) -> None:
    record = {"id": 7, "title": "T", "content": "<p>One &amp; two.</p><script>x()</script>"}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (article,) = read_corpus([tmp_path]).articles
    assert (article.id, article.title, article.text) == ("7", "T", "One & two.")


def test_ids_unique(fixtures: CorpusReport) -> None:
    ids = [a.id for a in fixtures.articles]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)


def test_read_article_one_file() -> None:
    article = read_article(FIXTURES / "world" / "page.html", root=FIXTURES)
    assert article is not None and article.id == "world/page"
    assert read_article(FIXTURES / "notes.csv") is None


def test_read_file_default_root_is_parent() -> None:
    articles, record = read_file(FIXTURES / "summit.txt")
    assert [a.id for a in articles] == ["summit"] and record.status == "read"


def test_single_file_and_overlapping_paths() -> None:
    report = read_corpus([FIXTURES / "summit.txt", FIXTURES, str(FIXTURES)])
    assert len(report.files) == len({f.path for f in report.files})
    assert len([f for f in report.files if f.path.endswith("summit.txt")]) == 1


def test_single_path_string_accepted() -> None:
    assert len(read_corpus(str(SAMPLES)).articles) == 5


def test_hidden_folder_recorded_not_searched(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: main")
    (tmp_path / "a.txt").write_text("Body text.")
    report = read_corpus([tmp_path])
    assert report.files[0] == FileRecord(f"{tmp_path.name}/.git/", "skipped",
                                         "hidden folder (not searched)")


def test_duplicate_ids_across_roots(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "001.txt").write_text(f"Story from {name}.")
    report = read_corpus([tmp_path / "one", tmp_path / "two"])
    assert [(a.id, a.text) for a in report.articles] == [
        ("001", "Story from one."), ("001-2", "Story from two.")]


# --------------------------------------------------------------------------- errors


def test_missing_path_message(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(CorpusError) as info:
        read_corpus([missing])
    assert str(info.value) == f'Corpus path "{missing}" does not exist'


def test_empty_folder_message(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as info:
        read_corpus([tmp_path])
    expected = f"No articles found in {tmp_path.as_posix()}/ (looked for {LOOKED_FOR})"
    assert str(info.value) == expected
    assert LOOKED_FOR == "*.txt, *.md, *.html, *.json, *.jsonl"


def test_relative_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "README.md").write_text("# Docs")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CorpusError) as info:
        read_corpus(["corpus"])
    assert str(info.value) == (
        "No articles found in corpus/ (looked for *.txt, *.md, *.html, *.json, *.jsonl); "
        "skipped 1: README.md (readme)")


def test_no_paths() -> None:
    with pytest.raises(CorpusError):
        read_corpus([])


# --------------------------------------------------------------------------- properties


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_decode_never_raises_and_cleans_controls(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert isinstance(text, str) and encoding
    assert not CONTROL.search(_pipeline(data))


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_repair_mojibake_idempotent(text: str) -> None:
    once, _ = repair_mojibake(text)
    assert repair_mojibake(once)[0] == once


# Mojibake-shaped input: UTF-8 text read back through a legacy code page.
@given(st.text(max_size=80), st.sampled_from(["cp874", "cp1251", "cp1252", "cp1253", "cp1250"]))
@settings(max_examples=200, deadline=None)
def test_repair_mojibake_idempotent_on_mojibake(text: str, codepage: str) -> None:
    broken = text.encode("utf-8").decode(codepage, errors="ignore")
    once, _ = repair_mojibake(broken)
    assert repair_mojibake(once)[0] == once


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
@settings(max_examples=300, deadline=None)
def test_repair_mojibake_keeps_ascii(text: str) -> None:
    assert repair_mojibake(text) == (text, ())


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_clean_lines_output_is_clean(text: str) -> None:
    cleaned, dropped = clean_lines(text)
    assert dropped >= 0 and not CONTROL.search(cleaned)
    assert cleaned == unicodedata.normalize("NFC", cleaned) and cleaned == cleaned.strip()


@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2003\u3000é")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_spaces_collapse_as_line_by_line(text: str) -> None:
    # clean_lines collapses spaces over the whole text (ASCII the quick way): as it did per line.
    from graphbuild.ingest.cleaning import SPACES, _collapse_spaces

    assert _collapse_spaces(text) == "\n".join(SPACES.sub(" ", line) for line in text.split("\n"))


@given(st.text(alphabet=st.sampled_from(list("ab\n\r\t\x00\x07\x1f\ufffd")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_binary_signs_are_undecodable_characters_and_controls(text: str) -> None:
    from graphbuild.ingest.files import _looks_binary

    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\n\r\t"))
    assert _looks_binary(text) == bool(text and bad >= 8 and bad / len(text) > 0.05)


@given(st.binary(max_size=3000),
       st.sampled_from([".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".bin", ""]))
@settings(max_examples=200, deadline=None)
def test_arbitrary_file_read_or_skipped(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        articles, record = read_file(path)
        assert record.status in ("read", "skipped")
        assert (record.status == "read") == bool(articles)
        assert record.status == "read" or record.reason
        for article in articles:
            assert article.text and not CONTROL.search(article.text)


@given(st.lists(st.binary(min_size=1, max_size=40).filter(
    lambda name: b"/" not in name and b"\0" not in name and name not in (b".", b"..")),
    min_size=1, max_size=8, unique=True))
@settings(max_examples=60, deadline=None)
def test_any_file_names_are_all_accounted_for(names: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            with open(os.path.join(os.fsencode(folder), name + b".txt"), "wb") as file:
                file.write(b"Kenya will host a summit on Monday.")
        try:
            report = ingest.read_corpus(folder)
        except CorpusError:
            return  # every name hidden (".x.txt"): "No articles found", said in one line
        assert len(report.files) == len(names)
        for record in report.files:
            record.path.encode("utf-8")  # valid Unicode, whatever the bytes were
            assert record.status in ("read", "skipped")
            assert record.status == "read" or record.reason


# --------------------------------------------------------------------------- real corpus


@pytest.mark.skipif(not BBC.is_dir(), reason="BBC corpus not available")
def test_bbc_corpus_every_file_accounted() -> None:
    report = read_corpus([BBC])
    on_disk = sorted(f"{BBC.name}/{p.relative_to(BBC).as_posix()}"
                     for p in BBC.rglob("*") if p.is_file())
    assert [f.path for f in report.files] == on_disk
    assert len(report.articles) == 2225
    skipped = {Path(f.path).name: f.reason for f in report.skipped}
    assert skipped == {
        "README.md": "readme", "README.TXT": "readme",
        "index.jsonl": "metadata only: no text/body/content field in any record",
    }
    assert all(not CONTROL.search(a.text) and a.title for a in report.articles)


# -- walking untrusted folders ------------------------------------------------------------

ARTICLE = "Ministers met in Rome on Monday to discuss energy prices and gas supplies.\n"


def reasons(report: ingest.CorpusReport) -> dict[str, str]:
    return {Path(f.path).name: f.reason for f in report.files}


def test_a_pipe_named_like_an_article_is_skipped_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")

    report = ingest.read_corpus(tmp_path)

    assert reasons(report)["pipe.txt"] == "not a regular file (a pipe, socket or device)"


def test_links_out_of_the_corpus_and_looping_links_are_not_followed(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "corpus", tmp_path / "outside.txt"
    corpus.mkdir()
    outside.write_text(ARTICLE)
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    (corpus / "out.txt").symlink_to(outside)
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")

    found = reasons(ingest.read_corpus(corpus))

    assert found["out.txt"] == "symlink to outside the corpus (not followed)"
    assert found["loop.txt"] == "broken or looping symlink (not followed)"
    assert "inside.txt" not in found or found["inside.txt"] == ""


def test_deeply_nested_folders_do_not_abort_the_build(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1100):  # deeper than Python's default recursion limit
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "a.txt").write_text(ARTICLE)
    try:
        assert len(ingest.read_corpus(tmp_path).articles) == 1
    finally:  # pytest's clean-up recurses and cannot remove a tree this deep
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_an_unreadable_folder_is_reported(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)

    assert reasons(ingest.read_corpus(tmp_path))["locked"] == (
        "unreadable folder: Permission denied")


def test_a_file_name_that_is_not_utf8_becomes_valid_unicode(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE)

    report = ingest.read_corpus(tmp_path)

    (article,) = report.articles
    assert article.id == "caf\ufffd" and article.path.endswith("caf\ufffd.txt")
    article.path.encode("utf-8")  # writable anywhere


def test_an_over_long_article_is_read_in_parts_and_files_json_says_so(tmp_path: Path) -> None:
    words = ["energy", "gas", "grain", "ports", "debt", "trade", "power", "water", "roads"]
    paragraphs = [" ".join(f"Ministers {n} and {m} met on {words[(n * m) % 9]}."
                           for m in range(60)) for n in range(400)]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs))

    report = ingest.read_corpus(tmp_path)

    parts = len(report.articles)
    assert parts > 800_000 // ingest.MAX_ARTICLE_CHARS
    width = len(str(parts))
    assert [a.id for a in report.articles] == ["long", *(f"long-part{n:0{width}d}"
                                                         for n in range(2, parts + 1))]
    assert all(len(a.text) <= ingest.MAX_ARTICLE_CHARS for a in report.articles)
    (record,) = report.files
    assert record.status == "read"
    assert record.reason == (f"split into {parts} parts of at most "
                             f"{ingest.MAX_ARTICLE_CHARS:,} characters")
    assert sum(len(a.text) for a in report.articles) > 800_000  # nothing dropped


def test_jsonl_records_with_unicode_line_separators_are_kept(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "Ministers met\u2028in Rome on Monday to discuss energy."},
               {"id": "b", "text": "Leaders met\u0085in Paris on Tuesday to discuss trade."}]
    (tmp_path / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")

    assert [a.id for a in ingest.read_corpus(tmp_path).articles] == ["a", "b"]


def test_a_short_text_with_stray_controls_is_repaired_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ministers\x07 met in\x01 Rome on Monday.\x1b\n")

    (article,) = ingest.read_corpus(tmp_path).articles

    assert article.text == "Ministers met in Rome on Monday."
    assert "removed 3 control characters" in article.repairs


def test_paths_are_recorded_as_from_the_corpus_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)

    typed = {str(p): read_corpus([p]).files for p in ("news", "news/", corpus)}

    assert {tuple(f.path for f in files) for files in typed.values()} == {("news/a.txt",)}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode(encoding))

    (article,) = ingest.read_corpus(tmp_path).articles

    assert article.text == ARTICLE.strip() and article.encoding == encoding


def test_json_nested_too_deeply_is_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)

    report = ingest.read_corpus(tmp_path)

    assert reasons(report)["deep.json"] == (
        f"invalid JSON: nested deeper than {jsonlimits.MAX_JSON_DEPTH} levels")


def test_a_json_line_nested_too_deeply_is_counted_not_fatal(tmp_path: Path) -> None:
    good = json.dumps({"title": "Talks", "text": ARTICLE})
    (tmp_path / "feed.jsonl").write_text(good + "\n" + "[" * 5000 + "]" * 5000 + "\n")

    report = ingest.read_corpus(tmp_path)

    assert len(report.articles) == 1
    assert "1 line" in reasons(report)["feed.jsonl"]
