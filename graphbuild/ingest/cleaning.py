"""Decoded text -> clean article text: line breaks, controls, boilerplate, datelines.

Consumes repaired text and produces paragraphs separated by one blank line
(:func:`clean_lines`), and one-line values for untrusted metadata
(:func:`clean_value`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

MAX_BOILERPLATE_CHARS = 300

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
# The modifier letter apostrophe some outlets type for "’" ("Finlandʼs"): the parser
# reads a possessive or a contraction only with the usual one.
_APOSTROPHES = str.maketrans({"\u02bc": "\u2019"})
#: Runs of horizontal white space, collapsed to one space.
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_LIST_ITEM = re.compile(r"[-*•–]\s|\d+[.)]\s")


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

    Line breaks become ``\\n``, control characters go, text is NFC-normalised,
    the modifier letter apostrophe (U+02BC) becomes "’" and each line is stripped.
    Lines matching a boilerplate pattern are dropped, hard-wrapped lines are joined
    back into their paragraph, a paragraph that repeats the one before it is dropped,
    and paragraphs are separated by one blank line.

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
    >>> clean_lines("Finland\u02bcs bid")
    ('Finland’s bid', 0)
    """
    if patterns is None:
        patterns = boilerplate_patterns()
    text = _CONTROLS.sub("", _NEWLINES.sub("\n", text).replace("\t", " "))
    text = _collapse_spaces(unicodedata.normalize("NFC", text).translate(_APOSTROPHES))
    dropped = 0
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
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


def _collapse_spaces(text: str) -> str:
    """Each run of horizontal white space as one space (line breaks are not in
    :data:`SPACES`, so no run spans two lines). ASCII text without tabs has only spaces
    to collapse, found without walking it through the pattern character by character
    (a sixth of reading a corpus).

    >>> _collapse_spaces("Talks  in\u00a0 Rome"), _collapse_spaces("Talks   in Rome")
    ('Talks in Rome', 'Talks in Rome')
    """
    if text.isascii() and "\t" not in text:
        return _ASCII_SPACES.sub(" ", text) if "  " in text else text
    return SPACES.sub(" ", text)


_ASCII_SPACES = re.compile(" {2,}")


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



def clean_value(text: str, *, max_chars: int) -> str:
    """One line of untrusted text (a title, an outlet): NFC, no control characters or lone
    surrogates, white space collapsed, at most ``max_chars`` characters (cut at a word
    when one ends near the limit, marked with "…").

    >>> clean_value(" BBC\\x00 News\\n\\tWorld \\ud800", max_chars=50)
    'BBC News World'
    >>> clean_value("Ministers meet in Brussels to discuss troops", max_chars=20)
    'Ministers meet in…'
    """
    text = _CONTROLS.sub(" ", _NEWLINES.sub("\n", text).replace("\n", " "))
    text = unicodedata.normalize("NFC", text)
    text = SPACES.sub(" ", text).strip()
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > max_chars // 2 else cut).rstrip() + "…"
