"""Tests for graphbuild.dates: publication dates and meeting dates, table-driven."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuild.dates import meeting_iso_date, parse_date, resolve_date

WEDNESDAY = date(2025, 4, 2)  # Wednesday 2 April 2025


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("2025-04-02", date(2025, 4, 2), id="iso"),
    pytest.param("2025-04-02T23:30:00-05:00", date(2025, 4, 2), id="iso-time-zone-as-written"),
    pytest.param("2025-04-02T08:00:00.000Z", date(2025, 4, 2), id="iso-z"),
    pytest.param("Wed, 02 Apr 2025 10:00:00 GMT", date(2025, 4, 2), id="rss-pubdate"),
    pytest.param("2 April 2025", date(2025, 4, 2), id="day-month-year"),
    pytest.param("April 2, 2025", date(2025, 4, 2), id="month-day-year"),
    pytest.param("Published: Sept. 30, 2024, 10:04 AM", date(2024, 9, 30), id="with-words"),
    pytest.param("2nd of April 2025", date(2025, 4, 2), id="ordinal"),
    pytest.param("April 2", None, id="no-year"),
    pytest.param("last week", None, id="words"),
    pytest.param("2025-02-30", None, id="no-such-day-iso"),
    pytest.param("31 April 2025", None, id="no-such-day"),
    pytest.param("1 January 0999", None, id="year-out-of-range"),
    pytest.param("", None, id="empty"),
])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("expression", "published", "expected"), [
    pytest.param("Thursday", WEDNESDAY, "2025-04-03", id="weekday-next"),
    pytest.param("on Thursday afternoon", WEDNESDAY, "2025-04-03", id="weekday-in-words"),
    pytest.param("this Thursday", WEDNESDAY, "2025-04-03", id="this-weekday"),
    pytest.param("Wednesday", WEDNESDAY, "2025-04-02", id="weekday-is-today"),
    pytest.param("Tuesday", WEDNESDAY, "2025-04-08", id="weekday-next-week"),
    pytest.param("last Thursday", WEDNESDAY, "2025-03-27", id="last-weekday"),
    pytest.param("last Wednesday", WEDNESDAY, "2025-03-26", id="last-same-weekday"),
    pytest.param("past Tuesday", WEDNESDAY, "2025-04-01", id="past-weekday"),
    pytest.param("next Wednesday", WEDNESDAY, "2025-04-09", id="next-same-weekday"),
    pytest.param("next Thursday", WEDNESDAY, "2025-04-03", id="next-weekday"),
    pytest.param("today", WEDNESDAY, "2025-04-02", id="today"),
    pytest.param("Yesterday", WEDNESDAY, "2025-04-01", id="yesterday"),
    pytest.param("tomorrow", WEDNESDAY, "2025-04-03", id="tomorrow"),
    pytest.param("March 31", WEDNESDAY, "2025-03-31", id="month-day"),
    pytest.param("31 March", WEDNESDAY, "2025-03-31", id="day-month"),
    pytest.param("31 December", WEDNESDAY, "2024-12-31", id="nearest-year-before"),
    pytest.param("January 5", date(2025, 12, 20), "2026-01-05", id="nearest-year-after"),
    pytest.param("31 March 2025", None, "2025-03-31", id="full-date-needs-no-article"),
    pytest.param("March 31, 2024", WEDNESDAY, "2024-03-31", id="full-date-keeps-its-year"),
    pytest.param("April 14-15", WEDNESDAY, "2025-04-14", id="range-first-day"),
    pytest.param("14-15 April", WEDNESDAY, "2025-04-14", id="day-range-first-day"),
    pytest.param("Thursday, April 10", WEDNESDAY, "2025-04-10", id="calendar-beats-weekday"),
    pytest.param("29 February", date(2025, 4, 2), "2024-02-29", id="leap-day-nearest-leap-year"),
    pytest.param("Thursday", None, None, id="weekday-without-article-date"),
    pytest.param("March 31", None, None, id="month-day-without-article-date"),
    pytest.param("end of last month", WEDNESDAY, None, id="vague"),
    pytest.param("tomorrow", date(9999, 12, 31), None, id="article-date-out-of-range"),
    pytest.param("last Monday", date(1, 1, 1), None, id="article-date-out-of-range-before"),
    pytest.param("", WEDNESDAY, None, id="empty"),
])
def test_resolve_date(expression: str, published: date | None, expected: str | None) -> None:
    resolved = resolve_date(expression, published)
    assert (resolved.isoformat() if resolved else None) == expected


@pytest.mark.parametrize(("expression", "published", "expected"), [
    pytest.param("Thursday", [WEDNESDAY], "2025-04-03", id="one-article"),
    pytest.param("Thursday", [WEDNESDAY, date(2025, 4, 1), date(2025, 4, 8)], "2025-04-03",
                 id="most-common"),
    pytest.param("Friday", [WEDNESDAY, date(2025, 4, 7)], "2025-04-04", id="tie-earliest"),
    pytest.param("Thursday", [None, WEDNESDAY], "2025-04-03", id="undated-article-ignored"),
    pytest.param("Thursday", [None], "", id="no-article-date"),
    pytest.param("April 14, 2025", [], "2025-04-14", id="full-date-alone"),
    pytest.param("", [WEDNESDAY], "", id="no-expression"),
])
def test_meeting_iso_date(expression: str, published: list[date | None], expected: str) -> None:
    assert meeting_iso_date(expression, published) == expected


@given(st.text(max_size=80) | st.sampled_from(["Thursday", "last Monday", "next Sunday",
                                              "tomorrow", "yesterday", "March 31"]),
       st.dates())
def test_any_text_resolves_or_not_without_raising(text: str, published: date) -> None:
    resolved = resolve_date(text, published)
    assert resolved is None or isinstance(resolved, date)
    assert parse_date(text) is None or isinstance(parse_date(text), date)
