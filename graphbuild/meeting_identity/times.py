"""When meetings are: whether two dates as written may be one day ("Thursday" and "May 15"
cannot be compared, "Monday" and "Friday" conflict)."""

from __future__ import annotations

import re

from graphbuild.dates import WEEKDAYS, calendar_parts


def _date_kind(date: str) -> str:
    lower = date.lower()
    if lower in WEEKDAYS:
        return "weekday"
    if calendar_parts(lower)[1] or re.search(r"\d", lower):
        return "calendar"
    return "relative"


def dates_agree(a: str, b: str) -> str:
    """'same', 'conflict' or 'unknown' ("Thursday" against "May 15" cannot be checked).
    Calendar dates are compared by year, month and day, however written: "April 14" is
    "14 April" and lies within "April 14-15"; "December 2007" is not "14 December 1995".

    >>> dates_agree("Thursday", "thursday"), dates_agree("Monday", "Friday")
    ('same', 'conflict')
    >>> dates_agree("Thursday", "May 15")
    'unknown'
    >>> dates_agree("April 14", "14-15 April"), dates_agree("April 14", "April 16")
    ('same', 'conflict')
    >>> dates_agree("April", "April 14, 2012"), dates_agree("December 2007", "14 December 1995")
    ('unknown', 'conflict')
    """
    if a.lower() == b.lower():
        return "same"
    kind = _date_kind(a)
    if kind != _date_kind(b) or kind == "relative":
        return "unknown"
    if kind == "weekday":
        return "conflict"
    first, second = calendar_parts(a), calendar_parts(b)
    verdicts = [_parts_agree(x, y) for x, y in zip(first, second, strict=True)]
    if "conflict" in verdicts:
        return "conflict"
    if first[1] and second[1] and first[2] and second[2]:
        return "same"  # months and days overlap, and no year says otherwise
    return "unknown"


def dates_nest(a: str, b: str) -> bool:
    """Two calendar dates of which one may be the other said more precisely ("July" and
    "July 3-4"), or the same date.

    >>> dates_nest("July", "July 3-4"), dates_nest("July", "August 3"), dates_nest("July", "Friday")
    (True, False, False)
    """
    verdict = dates_agree(a, b)
    return verdict == "same" or (verdict == "unknown" and _date_kind(a) == "calendar"
                                 and _date_kind(b) == "calendar")


def dates_may_restate(told: str, new: str) -> bool:
    """Whether ``new``, said of the meeting an article is telling, may date it when
    ``told`` could not be compared with it: a relative date ("next month") and a
    calendar or weekday one ("the Feb. 13-14 conference").

    >>> dates_may_restate("next month", "Feb. 13-14"), dates_may_restate("May 2", "May 9")
    (True, False)
    """
    kinds = {_date_kind(told), _date_kind(new)}
    return dates_agree(told, new) == "unknown" and "relative" in kinds and len(kinds) == 2


def better_date(told: str | None, new: str | None) -> str | None:
    """The date to keep for a meeting dated twice: the first, unless only the second
    can be placed on a calendar.

    >>> better_date("next month", "Feb. 13-14"), better_date("May 2", "Friday")
    ('Feb. 13-14', 'May 2')
    """
    if told and new and _date_kind(told) == "relative" and _date_kind(new) != "relative":
        return new
    return told or new


def _parts_agree(a: frozenset[int], b: frozenset[int]) -> str:
    if not a or not b:
        return "unknown"
    return "same" if a & b else "conflict"
