"""Untrusted bytes -> text: encoding detection and mojibake repair.

Consumes raw file bytes and produces text that never raises on decoding:
:func:`decode_bytes` picks the encoding, :func:`decode_html` honours a
``<meta charset>``, :func:`repair_mojibake` undoes UTF-8 read through the wrong
code page and :func:`valid_unicode` makes file names writable anywhere.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from functools import cache

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

log = logging.getLogger(__name__)

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

_WORD = re.compile(r"[^\W\d_]+")


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


# Every code page reads bytes 0x80-0xFF as characters outside ASCII, so mojibake is a run of
# at least two of them: text without such a run has nothing for any code page to repair.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


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
        for codepage in MOJIBAKE_CODEPAGES if _NON_ASCII_RUN.search(text) else ():
            text, count = _repair_codepage(text, codepage)
            if count and f"mojibake:{codepage}" not in repairs:
                repairs.append(f"mojibake:{codepage}")
        if text == before:
            break
    return text, tuple(repairs)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes) -> tuple[str, str]:
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


def valid_unicode(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) become U+FFFD, so ids and paths can be written anywhere.

    >>> valid_unicode("caf\\udce9.txt") == "caf\\ufffd.txt"
    True
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
