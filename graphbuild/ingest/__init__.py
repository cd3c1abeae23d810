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
object or a list of them) and ``*.jsonl`` (one object per line).
"""

from __future__ import annotations

import codecs
import functools
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

from graphbuild import jsonlimits
from graphbuild.errors import CorpusError
from graphbuild.types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
LOOKED_FOR = "*.txt, *.md, *.html, *.json, *.jsonl"

#: File-name prefixes of corpus documentation, not articles (compared case-insensitively).
DOC_PREFIXES = ("readme", "license", "licence", "copying", "changelog", "contributing")
#: JSON fields tried, in order, for an article's text and title.
TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text")
TITLE_FIELDS = ("title", "headline")
MAX_TITLE_CHARS = 150
MAX_BOILERPLATE_CHARS = 300
MAX_FILE_BYTES = 50_000_000
# Longer articles are read in parts split at paragraphs: spaCy refuses texts over
# 1,000,000 characters and the parser's memory grows with the text (about 4 KB a
# character), so a part stays well below what a news article ever needs.
MAX_ARTICLE_CHARS = 50_000

#: Code pages whose misreading of UTF-8 :func:`repair_mojibake` undoes itself.
#: ftfy already covers cp1252, latin-1 and a few others; these are listed anyway so
#: that leftovers ftfy declined are handled by one mechanism. Order breaks ties.
MOJIBAKE_CODEPAGES = (
    "cp874", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
)

# ftfy only fixes encodings here: controls, line breaks and entities are
# clean_lines' job, and quotes and dashes stay exactly as the author wrote them.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    fix_character_width=False,
    explain=False,
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_LIST_ITEM = re.compile(r"[-*•–]\s|\d+[.)]\s")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n\s*")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class FileRecord:
    """What happened to one file found under the corpus paths.

    ``status`` is ``"read"`` or ``"skipped"``; ``reason`` says why a file was
    skipped (or notes records dropped from a file that was read); ``articles``
    holds the ids of the articles the file produced.
    """

    path: str
    status: str
    reason: str = ""
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusReport:
    """The articles of a corpus and an account of every file found."""

    articles: tuple[Article, ...]
    files: tuple[FileRecord, ...]

    @property
    def skipped(self) -> tuple[FileRecord, ...]:
        """The files that produced no article."""
        return tuple(f for f in self.files if f.status == "skipped")


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode untrusted bytes to text; never raises.

    Order: a byte-order mark (UTF-8/16/32), strict UTF-8, cp1252 when the result
    reads as Latin-script text, charset-normalizer's best guess, and finally
    cp1252 or latin-1, which accept any bytes.

    Parameters
    ----------
    data : bytes
        The raw file content.

    Returns
    -------
    tuple of (str, str)
        The text and the name of the encoding used.

    Examples
    --------
    >>> decode_bytes("Café".encode("utf-8"))
    ('Café', 'utf-8')
    >>> decode_bytes("\\ufeffHi".encode("utf-16-le"))
    ('Hi', 'utf-16')
    >>> decode_bytes(b"caf\\xe9 \\x93ok\\x94")
    ('café “ok”', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    unmarked = _utf16_without_bom(data)
    if unmarked:
        return data.decode(unmarked, errors="replace"), unmarked
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_latin(text):
        return text, "cp1252"
    try:
        best = charset_normalizer.from_bytes(data).best()
    except Exception:  # a detector bug must not stop the corpus
        log.debug("charset-normalizer failed", exc_info=True)
        best = None
    if best is not None:
        return str(best), best.encoding
    if text:
        return text, "cp1252"
    return data.decode("latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for mostly-ASCII UTF-16 written without a byte-order
    mark (every other byte zero), else None.

    >>> _utf16_without_bom("Talks in Rome".encode("utf-16-le"))
    'utf-16-le'
    >>> _utf16_without_bom(b"Talks in Rome") is None
    True
    """
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _reads_as_latin(text: str) -> bool:
    """True when the non-ASCII letters sit inside mostly-ASCII words.

    Western text read as cp1252 has words like ``Größe`` or ``café``; Cyrillic,
    Greek or Thai bytes read as cp1252 give words made wholly of accented letters
    (``Ïðèâåò``), and charset-normalizer is better placed to name those.
    """
    if sum(1 for ch in text if "\x80" <= ch <= "\x9f") > 0:
        return False
    fractions = [
        sum(not ch.isascii() for ch in word) / len(word)
        for word in _WORD.findall(text)
        if not word.isascii()
    ]
    return bool(fractions) and sum(fractions) / len(fractions) <= 0.5


# --------------------------------------------------------------------------- mojibake


@cache
def _codepage_table(codepage: str) -> tuple[dict[str, int], re.Pattern[str]]:
    """Map each character of ``codepage`` (bytes 0x80-0xFF) back to its byte.

    Bytes the code page leaves undefined fall back to their cp1252, then latin-1,
    character, as Windows-era converters did (``โ€™`` is cp874 plus cp1252's ``™``).
    """
    table: dict[str, int] = {}
    for fallbacks in ((codepage,), ("cp1252", "latin-1")):
        for byte in range(0x80, 0x100):
            if byte in table.values() and fallbacks != (codepage,):
                continue
            for encoding in fallbacks:
                try:
                    char = bytes([byte]).decode(encoding)
                except UnicodeDecodeError:
                    continue
                table.setdefault(char, byte)
                break
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(table)) + "]{2,}")
    return table, pattern


def _repair_codepage(text: str, codepage: str) -> tuple[str, int]:
    table, pattern = _codepage_table(codepage)
    matches = list(pattern.finditer(text))
    decoded = [_redecode(m.group(), table) for m in matches]
    # When every run decodes, the whole text was misread (a Cyrillic article read
    # as cp1256); genuine text essentially never decodes run after run.
    whole = len(matches) >= 3 and all(d is not None for d in decoded)
    parts: list[str] = []
    pos = count = 0
    for match, fixed in zip(matches, decoded, strict=True):
        if fixed is None or not _plausible(fixed):
            continue
        if not whole and not _fits_context(match.group(), fixed, text, *match.span()):
            continue
        parts += [text[pos:match.start()], fixed]
        pos = match.end()
        count += 1
    return "".join(parts) + text[pos:], count


def _redecode(run: str, table: dict[str, int]) -> str | None:
    try:
        return bytes(table[ch] for ch in run).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _script(char: str) -> str:
    """First word of the character's Unicode name: LATIN, THAI, CYRILLIC..."""
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _fits_context(run: str, fixed: str, text: str, start: int, end: int) -> bool:
    """Whether a run is mojibake rather than genuine text that happens to decode.

    UTF-8 punctuation read through a code page mixes a letter with symbols
    (``โ€™`` for ``’``); an accented letter read wrongly sits inside a Latin
    word (``Sรฉbastien``). A run of genuine Thai, Greek or Cyrillic that decodes
    by chance gives letters of some unrelated script or stray signs, so it is kept.
    """
    has_symbol = any(unicodedata.category(ch)[0] in "PSZC" for ch in run)
    letters = [ch for ch in fixed if ch.isalpha()]
    if not letters:  # punctuation, currency and letterlike symbols, or Latin-1 signs
        return has_symbol and all(
            ch.isspace() or "\u00a0" <= ch <= "\u00bf" or "\u2000" <= ch <= "\u214f"
            for ch in fixed
        )
    scripts = {_script(ch) for ch in letters}
    around = (text[start - 1] if start else "", text[end] if end < len(text) else "")
    if any(ch.isascii() and ch.isalpha() for ch in around):
        return scripts == {"LATIN"}
    return has_symbol and len(scripts) == 1 and len(letters) >= 3


def _plausible(text: str) -> bool:
    """A re-decoded run must be ordinary text, not controls or more mojibake."""
    if any(unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") for ch in text):
        return False
    if unicodedata.category(text[0]).startswith("M"):  # a run cannot open with an accent
        return False
    return not is_bad(text)


def repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Undo UTF-8 that was decoded with the wrong code page.

    Runs ftfy (quotes, dashes and entities left alone), then, for each code page
    in :data:`MOJIBAKE_CODEPAGES`, re-encodes every run of that page's
    characters and keeps the UTF-8 reading when it decodes and looks like
    ordinary text. Repeats until nothing changes, so the result is stable.

    Parameters
    ----------
    text : str
        Decoded text.

    Returns
    -------
    tuple of (str, tuple of str)
        The repaired text and the repairs made, e.g. ``("ftfy", "mojibake:cp874")``.

    Examples
    --------
    >>> repair_mojibake("NATOโ€™s headquarters")
    ('NATO’s headquarters', ('mojibake:cp874',))
    >>> repair_mojibake("donâ€™t")
    ('don’t', ('ftfy',))
    >>> repair_mojibake("ภาษาไทย")
    ('ภาษาไทย', ())
    """
    if text.isascii():
        return text, ()
    repairs: list[str] = []
    for _ in range(5):
        before = text
        fixed = ftfy.fix_text(text, _FTFY_CONFIG)
        if fixed != unicodedata.normalize("NFC", text) and "ftfy" not in repairs:
            repairs.append("ftfy")
        text = fixed
        for codepage in MOJIBAKE_CODEPAGES:
            text, count = _repair_codepage(text, codepage)
            if count and f"mojibake:{codepage}" not in repairs:
                repairs.append(f"mojibake:{codepage}")
        if text == before:
            break
    return text, tuple(repairs)


# --------------------------------------------------------------------------- clean-up


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The line patterns from ``graphbuild/data/boilerplate.txt``, compiled once."""
    source = resources.files("graphbuild").joinpath("data", "boilerplate.txt")
    return compile_patterns(source.read_text(encoding="utf-8").splitlines())


def compile_patterns(lines: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Compile boilerplate patterns, one regex per line; ``#`` starts a comment line."""
    return tuple(
        re.compile(line.strip(), re.IGNORECASE)
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    )


def clean_lines(
    text: str, *, patterns: Sequence[re.Pattern[str]] | None = None
) -> tuple[str, int]:
    """Normalise whitespace, drop boilerplate lines and repeated paragraphs.

    Line breaks become ``\\n``, control characters go, text is NFC-normalised
    and each line is stripped. Lines matching a boilerplate pattern are dropped,
    hard-wrapped lines are joined back into their paragraph, a paragraph that
    repeats the one before it is dropped, and paragraphs are separated by one
    blank line.

    Parameters
    ----------
    text : str
        Decoded, repaired text.
    patterns : sequence of compiled regex, optional
        Boilerplate patterns (full-line, case-insensitive); defaults to
        :func:`boilerplate_patterns`.

    Returns
    -------
    tuple of (str, int)
        The cleaned text and the number of non-blank lines dropped.

    Examples
    --------
    >>> clean_lines("Title\\n\\nimage\\n\\nTitle\\n\\n   Body text.\\n    0\\n")
    ('Title\\n\\nBody text.', 3)
    """
    if patterns is None:
        patterns = boilerplate_patterns()
    text = _CONTROLS.sub("", _NEWLINES.sub("\n", text).replace("\t", " "))
    text = unicodedata.normalize("NFC", text)
    dropped = 0
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line and len(line) <= MAX_BOILERPLATE_CHARS and any(
            p.fullmatch(line) for p in patterns
        ):
            dropped += 1
            line = ""
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[tuple[str, int]] = []
    for block in blocks:
        paragraphs.extend(_paragraphs(block))
    kept: list[str] = []
    for paragraph, lines in paragraphs:
        paragraph = strip_dateline(paragraph)
        if kept and _same(kept[-1], paragraph):
            dropped += lines
        elif paragraph:
            kept.append(paragraph)
    return "\n\n".join(kept), dropped


# "TURIN, Italy, April 28 (Meridian Wire) - ", "MOSCOW, May 13. /Sever News/. ",
# "BRUSSELS — ": the place, date and agency credit that open a wire story.
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ'’./ -]{1,40}(?:,[^\n()/–—-]{1,40}?)?\.?\s*"
    r"(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/\.?)?\s*(?:[-–—]{1,2}|(?<=/\.)|(?<=/))\s+(?=\S)")


# "Paris, 26 October 2022 (dpa/MIA) - ", "Kyiv (Reuters) - ": a place in title case needs
# the agency credit in brackets and the dash to count as a dateline.
_CREDITED_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,3}(?:,[^\n()]{1,40}?)?\s*"
    r"\((?:[A-ZÀ-Þ]|dpa)[^()\n]{0,39}\)\s*[-–—]{1,2}\s+(?=\S)"
    r"|^[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,3}(?:,[^\n()]{1,40}?)?\s*"
    r"\([^()\n]*/[^()\n]*\)\s*[-–—]{1,2}\s+(?=\S)")


def strip_dateline(paragraph: str) -> str:
    """Remove a wire dateline so its agency and date are not read as facts.

    >>> strip_dateline("Paris, 26 October 2022 (dpa/MIA) - Scholz and Macron meet.")
    'Scholz and Macron meet.'
    >>> strip_dateline("Kyiv (Reuters) - Talks resumed.")
    'Talks resumed.'
    >>> strip_dateline("Macron (left) - and Scholz - met.")
    'Macron (left) - and Scholz - met.'

    >>> strip_dateline("TURIN, Italy, April 28 (Meridian Wire) - Ministers meet.")
    'Ministers meet.'
    >>> strip_dateline("MOSCOW, May 13. /Sever News/. Russia will not attend.")
    'Russia will not attend.'
    >>> strip_dateline("NATO to host defence leaders")
    'NATO to host defence leaders'
    >>> strip_dateline("NATO - the alliance - said so.")
    'NATO - the alliance - said so.'
    """
    credited = _CREDITED_DATELINE.match(paragraph)
    if credited is not None:
        return paragraph[credited.end():]
    found = _DATELINE.match(paragraph)
    if found is None:
        return paragraph
    place = re.split(r"[,(/]", found.group(0))[0].strip(" -–—.")
    if not place.replace(" ", "").replace("/", "").isupper() or place in _organisation_names():
        return paragraph
    return paragraph[found.end():]


@functools.cache
def _organisation_names() -> frozenset[str]:  # noqa: N802 - a cached constant
    """Acronyms such as NATO that open sentences the way datelines do."""
    from graphbuild.lexicon import gazetteer

    return frozenset(name for place in gazetteer() if place.type == "organization"
                     for name in (place.name, *place.aliases))


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _paragraphs(block: list[str]) -> list[tuple[str, int]]:
    """Split a block of consecutive lines into (paragraph, line count) pairs.

    A line continues the previous one when the text looks hard-wrapped (short
    lines, most not ending a sentence) or when the previous line stops mid-sentence
    and the next starts in lower case; this keeps sentences in one paragraph.
    """
    if not block:
        return []
    width = max(len(line) for line in block)
    inner = block[:-1]
    wrapped = (
        len(block) >= 3
        and 30 <= width <= 100
        and sum(not _TERMINAL.search(line) for line in inner) * 2 >= len(inner)
    )
    result: list[tuple[str, int]] = []
    current = [block[0]]
    for prev, line in zip(block, block[1:], strict=False):
        ends = bool(_TERMINAL.search(prev))
        if _LIST_ITEM.match(line):
            joins = False
        elif wrapped:
            joins = not (ends and len(prev) < 0.8 * width)
        else:
            joins = not ends and line[0].islower()
        if joins:
            current.append(line)
        else:
            result.append((_join(current), len(current)))
            current = [line]
    result.append((_join(current), len(current)))
    return result


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # "well-" + "known": keep the hyphen, drop the break.
        out += line if out.endswith("-") and out[-2:-1].isalpha() else " " + line
    return out


# --------------------------------------------------------------------------- formats


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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
        self.parts.append(data if self.pre_depth else _SPACES.sub(" ", data.replace("\n", " ")))


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text and title of an HTML document.

    The title is the first ``<h1>`` (the headline, without the site name that
    ``<title>`` usually carries), else ``<title>``.

    Examples
    --------
    >>> html_to_text("<title>T | Site</title><script>x()</script><h1>Head</h1><p>A &amp; B</p>")
    ('Head\\n\\nA & B', 'Head')
    """
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; keep whatever was collected
        log.debug("HTML parser gave up", exc_info=True)
    title = parser.captured.get("h1", "").strip() or parser.captured.get("title", "").strip()
    text = _BLANK_RUNS.sub("\n\n", "".join(parser.parts)).strip()
    return text, _SPACES.sub(" ", title)


_MD_RULES = (
    (re.compile(r"\A---\n.*?\n---\n", re.DOTALL), ""),  # YAML front matter
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"^ {0,3}> ?", re.MULTILINE), ""),  # quotes
)
_FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*[\"']?(.*?)[\"']?\s*\n(?:.*\n)*?---\n")


def markdown_to_text(text: str) -> tuple[str, str]:
    """Strip the Markdown markup that would pollute sentences; title from front matter."""
    match = _FRONT_TITLE.match(text.replace("\r\n", "\n"))
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text.replace("\r\n", "\n"))
    return text, match.group(1) if match else ""


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_LOOKS_HTML = re.compile(r"<(p|div|br|html|body|span|a)\b[^>]*>", re.I)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Honour ``<meta charset>`` when the bytes are neither BOM-marked nor UTF-8."""
    text, encoding = decode_bytes(data)
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        return text, encoding
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii", "replace")
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    return text, encoding


# --------------------------------------------------------------------------- files


@dataclass(frozen=True)
class _Draft:
    """An article before its id is made unique across the corpus."""

    id: str
    title: str
    text: str
    encoding: str
    repairs: tuple[str, ...]
    dropped: int


def _finish(raw: str, *, title: str, encoding: str, repairs: Iterable[str] = (),
            article_id: str, is_html: bool = False) -> _Draft | None:
    """Repair and clean one article's text; None when nothing is left."""
    if is_html:
        raw, html_title = html_to_text(raw)
        title = title or html_title
    text, fixes = repair_mojibake(raw)
    controls = len(_STRAY_CONTROLS.findall(text))  # clean_lines removes them
    if controls:
        fixes = (*fixes, f"removed {controls} control character{'s' if controls > 1 else ''}")
    text, dropped = clean_lines(text)
    if not text:
        return None
    title = _SPACES.sub(" ", repair_mojibake(title)[0]).strip()
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= MAX_TITLE_CHARS else ""
    all_repairs = tuple(dict.fromkeys((*repairs, *fixes)))
    return _Draft(article_id, title, text, encoding, all_repairs, dropped)


# Stray C0 and C1 controls (not tab or line breaks): noise that clean_lines removes and
# the article's repairs record.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """Many undecodable or control characters: a short text with a few stray controls
    is text to repair, not binary."""
    if not text:
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\n\r\t"))
    return bad >= 8 and bad / len(text) > 0.05


def _json_records(text: str, suffix: str) -> tuple[list[Any], int]:
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


def _first_str(record: dict[str, Any], fields: Sequence[str]) -> str:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _read_json(text: str, suffix: str, encoding: str, stem: str) -> tuple[list[_Draft], str]:
    try:
        records, bad = _json_records(text, suffix)
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
        draft = _finish(body, title=_first_str(record, TITLE_FIELDS), encoding=encoding,
                        article_id=article_id, is_html=bool(_LOOKS_HTML.search(body)))
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


def _read_file(path: Path, article_id: str) -> tuple[list[_Draft], str]:
    """Drafts from one file, and the skip reason (or a note) for its record; an
    over-long article is split into parts and the note says so."""
    drafts, reason = _read_drafts(path, article_id)
    parts = [part for draft in drafts for part in _parts(draft)]
    if len(parts) > len(drafts):
        note = f"split into {len(parts)} parts of at most {MAX_ARTICLE_CHARS:,} characters"
        reason = f"{reason}; {note}" if reason else note
    return parts, reason


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


def _read_drafts(path: Path, article_id: str) -> tuple[list[_Draft], str]:
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
    if not data.strip():
        return [], "empty file"
    suffix = path.suffix.lower()
    text, encoding = _decode_html(data) if suffix in HTML_SUFFIXES else decode_bytes(data)
    if _looks_binary(text):
        return [], "undecodable: looks like binary data"
    if suffix in JSON_SUFFIXES:
        return _read_json(text, suffix, encoding, article_id)
    title = ""
    if suffix == ".md":
        text, title = markdown_to_text(text)
    draft = _finish(text, title=title, encoding=encoding, article_id=article_id,
                    is_html=suffix in HTML_SUFFIXES)
    return ([draft], "") if draft else ([], "empty after clean-up")


def _article(draft: _Draft, article_id: str, path: str) -> Article:
    return Article(article_id, path, draft.title, draft.text, draft.encoding,
                   draft.repairs, draft.dropped)


def _rel_id(rel: PurePosixPath) -> str:
    return valid_unicode(rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix())


def valid_unicode(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) become U+FFFD, so ids and paths can be written anywhere.

    >>> valid_unicode("caf\\udce9.txt") == "caf\\ufffd.txt"
    True
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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


def read_corpus(paths: Sequence[str | Path] | str | Path) -> CorpusReport:
    """Read every article under ``paths`` (files or folders, searched recursively).

    Parameters
    ----------
    paths : sequence of str or Path
        Corpus files and folders; a single path is accepted too.

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
    seen: set[Path] = set()
    results: list[tuple[str, list[_Draft], str]] = []
    for given in paths:
        base = Path(given)
        entries: Iterable[tuple[Path, PurePosixPath | None, str]]
        # Paths are recorded from the corpus folder's own name, so "corpus", "corpus/"
        # and its absolute path give the same outputs and no home folder leaks into them.
        label = PurePosixPath(base.resolve().name)
        if base.is_dir():
            entries = _discover(base)
        else:
            label = PurePosixPath()
            entries = [(base, PurePosixPath(base.name), "")]
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
                results.append((shown + "/", [], pruned))
                continue
            drafts, reason = _read_file(path, _rel_id(rel))
            results.append((shown, drafts, reason))
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


def _shown(path: str | Path) -> str:
    text = Path(path).as_posix()
    return text + "/" if Path(path).is_dir() and not text.endswith("/") else text


def _assign_ids(results: list[tuple[str, list[_Draft], str]]
                ) -> tuple[list[Article], list[FileRecord]]:
    """Make ids unique: later duplicates (in path order) get ``-2``, ``-3``..."""
    results = sorted(results, key=lambda r: r[0])
    taken = {d.id for _, drafts, _ in results for d in drafts}
    used: set[str] = set()
    articles: list[Article] = []
    files: list[FileRecord] = []
    for raw_shown, drafts, reason in results:
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
        status = "read" if drafts else "skipped"
        if not drafts:
            log.debug("Skipped %s: %s", shown, reason)
        files.append(FileRecord(shown, status, reason, tuple(ids)))
    return articles, files
