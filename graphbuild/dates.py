"""Dates as articles write them -> calendar dates.

Two questions, answered here and nowhere else:

- :func:`parse_date`: the calendar date an article's publication date names
  (ISO 8601, an RSS ``pubDate``, "2 April 2025", "April 2, 2025"); ``None``
  when the text names no full date.
- :func:`resolve_date`: the day a meeting's date expression ("Thursday", "last
  Thursday", "March 31", "April 14-15", "tomorrow") names in an article
  published on a given day; :func:`meeting_iso_date` settles it across the
  articles that mention one meeting.

The words that decide (month names, weekdays, "last"/"next", "yesterday") are
the tables at the top of the module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Words for a day counted from the publication date.
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
#: Words before a weekday that put it before the publication day, or strictly after it.
#: Without them a weekday is the next such day, or the publication day itself.
PAST_WORDS = ("last", "past", "previous", "earlier")
FUTURE_WORDS = ("next", "coming", "upcoming")
#: Years outside this range are typing errors or hostile input, not news.
YEARS = range(1800, 2201)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|—|to|until|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
# "31 March 2025", "14-15 April", "31st of March"; "March 31, 2025", "April 14-15".
_DAY_MONTH = re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?({_MONTH})\.?\b{_YEAR}", re.I)
_MONTH_WORD = re.compile(rf"\b({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+{_DAY}\b{_RANGE}{_YEAR}", re.I)
_WEEKDAY = re.compile(rf"\b(?:({'|'.join(PAST_WORDS + FUTURE_WORDS)})\s+)?"
                      rf"({'|'.join(WEEKDAYS)})\b", re.I)
_RELATIVE = re.compile(rf"\b({'|'.join(RELATIVE_DAYS)})\b", re.I)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", re.I)


def _day(year: int, month: int, day: int) -> date | None:
    if year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:  # "31 April"
        return None


def _calendar(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the first calendar date written in ``text``."""
    found = [(m.start(), int(m.group(1)), MONTHS[m.group(2).casefold()], m.group(3))
             for m in _DAY_MONTH.finditer(text)]
    found += [(m.start(), int(m.group(2)), MONTHS[m.group(1).casefold()], m.group(3))
              for m in _MONTH_DAY.finditer(text)]
    if not found:
        return None
    _, day, month, year = min(found)
    return day, month, int(year) if year else None


def calendar_parts(text: str) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Years, months and days a date expression names, however written, to compare two
    expressions when no publication date anchors them ("April 14-15" -> days 14 and 15).

    >>> calendar_parts("April 14-15, 2012")
    (frozenset({2012}), frozenset({4}), frozenset({14, 15}))
    """
    lower = text.lower()
    months = frozenset(MONTHS[m.group(1)] for m in _MONTH_WORD.finditer(lower))
    numbers = [int(n) for n in re.findall(r"\d+", lower)]
    years = frozenset(n for n in numbers if n >= 1000)
    days = {n for n in numbers if 1 <= n <= 31}
    for start, end in re.findall(r"\b(\d{1,2})\s*(?:-|–|to|until)\s*(\d{1,2})\b", lower):
        days.update(range(int(start), int(end) + 1))
    return years, months, frozenset(days)


def parse_date(text: str) -> date | None:
    """The full date (with its year) that ``text`` names, or None.

    A time and a time zone are ignored: the date is the day as the text writes it (an
    RSS ``pubDate`` is read by its day, month and year).

    Examples
    --------
    >>> parse_date("2025-04-02T23:30:00-05:00")
    datetime.date(2025, 4, 2)
    >>> parse_date("Wed, 02 Apr 2025 10:00:00 GMT")
    datetime.date(2025, 4, 2)
    >>> parse_date("Published April 2, 2025, 10:04 AM"), parse_date("2 April 2025")
    (datetime.date(2025, 4, 2), datetime.date(2025, 4, 2))
    >>> parse_date("April 2") is None, parse_date("last week") is None
    (True, True)
    """
    text = text.strip()
    if _ISO.fullmatch(text):
        try:
            return _in_years(datetime.fromisoformat(text).date())
        except ValueError:
            return None
    found = _calendar(text)
    if found is None:
        return None
    day, month, year = found
    return _day(year, month, day) if year is not None else None


def _in_years(day: date) -> date | None:
    return day if day.year in YEARS else None


def resolve_date(expression: str, published: date | None) -> date | None:
    """The day a date expression names in an article published on ``published``.

    A full date stands alone; a day and month take the year that puts them
    nearest the publication date; a range gives its first day; a weekday is
    the next such day (the publication day itself when it is that weekday),
    the previous one after "last", "past", "previous" or "earlier", and a
    strictly later one after "next", "coming" or "upcoming"; "yesterday",
    "today", "tonight" and "tomorrow" count from the publication day. Anything
    else ("end of last month") is None, as is everything but a full date when
    the publication date is unknown (or outside :data:`YEARS`).

    Examples
    --------
    >>> wednesday = date(2025, 4, 2)
    >>> resolve_date("Thursday", wednesday), resolve_date("last Thursday", wednesday)
    (datetime.date(2025, 4, 3), datetime.date(2025, 3, 27))
    >>> resolve_date("April 14-15", wednesday), resolve_date("31 December", wednesday)
    (datetime.date(2025, 4, 14), datetime.date(2024, 12, 31))
    >>> resolve_date("end of last month", wednesday) is None
    True
    """
    if published is not None and published.year not in YEARS:
        published = None  # and no day counted from it can overflow
    found = _calendar(expression)
    if found is not None:
        day, month, year = found
        if year is not None:
            return _day(year, month, day)
        if published is None:
            return None
        candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                      if (d := _day(y, month, day)) is not None]
        return min(candidates, key=lambda d: abs((d - published).days), default=None)
    if published is None:
        return None
    weekday = _WEEKDAY.search(expression)
    if weekday is not None:
        modifier = (weekday.group(1) or "").casefold()
        ahead = (WEEKDAYS.index(weekday.group(2).casefold()) - published.weekday()) % 7
        if modifier in PAST_WORDS:
            return published - timedelta(days=7 - ahead)
        if modifier in FUTURE_WORDS:
            return published + timedelta(days=ahead or 7)
        return published + timedelta(days=ahead)
    relative = _RELATIVE.search(expression)
    if relative is not None:
        return published + timedelta(days=RELATIVE_DAYS[relative.group(1).casefold()])
    return None


def meeting_iso_date(expression: str, published: Iterable[date | None]) -> str:
    """A meeting's ISO date from its date expression and the publication dates of the
    articles that mention it ("" when none resolves).

    When the articles disagree the most common day wins, and on a tie the earliest.

    Examples
    --------
    >>> meeting_iso_date("Thursday", [date(2025, 4, 2), date(2025, 4, 1), None])
    '2025-04-03'
    >>> meeting_iso_date("Friday", [date(2025, 4, 2), date(2025, 4, 7)])
    '2025-04-04'
    >>> meeting_iso_date("31 March 2025", []), meeting_iso_date("Thursday", [None])
    ('2025-03-31', '')
    """
    days = Counter(day for when in (list(published) or [None])
                   if (day := resolve_date(expression, when)) is not None)
    if not days:
        return ""
    return min(days, key=lambda day: (-days[day], day)).isoformat()
