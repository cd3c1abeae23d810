"""meeting_identity: the one place that says when two meeting mentions are one meeting."""

from __future__ import annotations

import pytest

from graphbuild.meeting_identity import (
    Facts,
    central_meetings_agree,
    dates_agree,
    dates_nest,
    groups_compatible,
    may_be_one,
    named_apart,
    one_body_one_place,
    party_key,
    places_agree,
    same_meeting,
    venue_key,
    venues_conflict,
)


def people(*names: str) -> frozenset[str]:
    return frozenset(f"person:{name}" for name in names)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Thursday", "thursday", "same"),
    ("Monday", "Friday", "conflict"),
    ("May 15", "June 2", "conflict"),
    ("Thursday", "May 15", "unknown"),
    ("next week", "later this month", "unknown"),
    ("March 31", "31 March", "same"),
    ("April 14", "April 14-15", "same"),
    ("April 14 and 15", "April 15, 2012", "same"),
    ("Thursday, March 13", "March 13, 2025", "same"),
    ("April 14", "April 16", "conflict"),
    ("March 31", "April 1", "conflict"),
    ("December 2007", "14 December 1995", "conflict"),
    ("April", "April 14", "unknown"),
    ("2019", "November 2019", "unknown"),
])
def test_dates_agree(a, b, expected):
    assert dates_agree(a, b) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param(Facts("meeting", participants=people("trump", "zelensky")),
                 Facts("meeting", participants=people("putin", "zelensky")), False,
                 id="other-parties"),
    pytest.param(Facts("meeting", participants=people("trump", "zelensky")),
                 Facts("meeting", participants=people("trump")), True, id="fewer-parties"),
    pytest.param(Facts("summit", venue="Alaska"), Facts("summit", venue="Budapest"), False,
                 id="other-place"),
    pytest.param(Facts("summit", venue="NATO headquarters"), Facts("summit", venue="NATO"),
                 True, id="same-place-other-words"),
    pytest.param(Facts("summit", venue="Lisbon"), Facts("summit", venue="Portugal"), True,
                 id="city-in-the-country"),
    pytest.param(Facts("summit", venue="Cartagena"), Facts("summit", venue="Cartagena de Indias"),
                 True, id="one-name-starts-the-other"),
    pytest.param(Facts("summit", venue="Lisbon"), Facts("summit", venue="Porto"), False,
                 id="two-cities-of-one-country"),
    pytest.param(Facts("call"), Facts("meeting"), False, id="call-is-not-in-person"),
    pytest.param(Facts("meeting", date="Monday"), Facts("meeting", date="Friday"), False,
                 id="other-day"),
    pytest.param(Facts("meeting", group="org:NATO"), Facts("meeting", group="org:G7"), False,
                 id="other-body"),
    pytest.param(Facts("meeting", group="org:Commonwealth of Independent States"),
                 Facts("summit", group="org:cis heads of state council"), True,
                 id="an-organ-of-the-body-by-its-short-name"),
    pytest.param(Facts("summit", group="organization:southern-african-development-community"),
                 Facts("summit", group="organization:sadc-organ-on-politics-defence-and-security"),
                 True, id="an-organ-of-the-body-between-articles"),
])
def test_may_be_one(a, b, expected):
    assert may_be_one(a, b) is expected


def test_same_date_and_participant_merge_across_nouns_only_in_one_story():
    summit = Facts("summit", date="Thursday", participants=people("macron"))
    gathering = Facts("meeting", date="Thursday", participants=people("macron"))
    assert same_meeting(summit, gathering, lambda: True) is not None
    assert same_meeting(summit, gathering, lambda: False) is None


def test_same_people_at_the_same_place_merge_whatever_the_dates_say():
    a = Facts("summit", date="next week", venue="Budapest",
              participants=people("trump", "putin"))
    b = Facts("meeting", venue="Budapest", participants=people("trump", "putin"))
    assert same_meeting(a, b, lambda: True) is not None
    assert same_meeting(a, Facts("meeting", venue="Alaska",
                                 participants=people("trump", "putin")), lambda: True) is None


def test_two_of_a_summits_people_meeting_are_not_the_summit():
    summit = Facts("summit", participants=people("zelensky", "putin", "merkel", "macron"))
    assert same_meeting(summit, Facts("meeting", participants=people("zelensky", "merkel")),
                        lambda: True) is None
    assert same_meeting(summit, Facts("meeting", participants=people(
        "zelensky", "putin", "merkel")), lambda: True) is not None


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param(Facts("meeting", venue="Islamabad", group="org:SCO"),
                 Facts("summit", venue="Pakistan", group="org:SCO"), True, id="city-in-country"),
    pytest.param(Facts("meeting", venue="Islamabad", group="org:SCO"),
                 Facts("summit", venue="Astana", group="org:SCO"), False, id="two-places"),
    pytest.param(Facts("meeting", venue="Islamabad", group="org:SCO"),
                 Facts("summit", venue="Islamabad", group="org:ASEAN"), False, id="two-bodies"),
    pytest.param(Facts("meeting", group="org:SCO"), Facts("summit", venue="Pakistan",
                                                          group="org:SCO"), False, id="no-place"),
])
def test_one_body_one_place(a, b, expected):
    assert one_body_one_place(a, b) is expected


def test_the_story_is_asked_only_when_needed():
    asked = []
    a = Facts("meeting", date="Monday")
    b = Facts("meeting", date="Friday")
    assert same_meeting(a, b, lambda: asked.append(1) or True) is None
    assert asked == []


def test_two_shared_countries_identify_a_meeting():
    summit = Facts("summit", venue="Budapest",
                   participants=frozenset({"country:USA", "country:RUS", "person:trump"}))
    named = Facts("summit", participants=frozenset({"country:USA", "country:RUS"}))
    assert same_meeting(summit, named, lambda: True) is not None


def test_a_meeting_set_apart_joins_only_on_its_date():
    past = Facts("summit", date="2012", contrasted=True, participants=people("a", "b"))
    now = Facts("summit", participants=people("a", "b"))
    assert same_meeting(past, now, lambda: True) is None
    assert same_meeting(past, Facts("summit", date="2012"), lambda: True) is not None


@pytest.mark.parametrize(("places", "dates", "other_places", "other_dates", "expected"), [
    ({"budapest"}, set(), {"alaska"}, set(), False),
    ({"budapest"}, set(), set(), {"Friday"}, True),
    ({"budapest"}, set(), {"hungary"}, set(), True),
    (set(), {"Monday"}, set(), {"Friday"}, False),
    (set(), {"Monday"}, set(), {"May 15"}, True),
    ({"Euxinograd Residence"}, set(), {"Varna"}, set(), True),
    ({"Euxinograd Residence"}, set(), {"Hotel Metropol"}, set(), False),
])
def test_groups_compatible(places, dates, other_places, other_dates, expected):
    assert groups_compatible(places, dates, other_places, other_dates) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param("White House", "Washington", True, id="seat-in-its-capital"),
    pytest.param("Kremlin", "Russia", True, id="seat-in-its-country"),
    pytest.param("Oval Office", "White House", True, id="a-seats-room-is-the-seat"),
    pytest.param("Oval Office", "Washington", True, id="a-seats-room-in-its-capital"),
    pytest.param("Camp David", "Maryland", True, id="seat-in-its-region"),
    pytest.param("Elysee Palace", "Élysée", True, id="seat-spellings"),
    pytest.param("St. Petersburg", "Saint Petersburg", True, id="city-aliases"),
    pytest.param("Hyderabad House", "South Block", False, id="two-seats-of-one-city"),
    pytest.param("Kremlin", "Washington", False, id="seat-and-another-capital"),
    pytest.param("Lisbon", "Porto", False, id="two-cities"),
    pytest.param("Santa Marta", "Colombia", True, id="world-town-in-its-country"),
    pytest.param("Santa Marta", "Caracas", False, id="world-town-and-another-capital"),
    pytest.param("Thornton Manor", "London", False, id="unknown-place"),
])
def test_places_agree(a, b, expected):
    assert places_agree(venue_key(a), venue_key(b)) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param("Euxinograd Residence", "Varna", False, id="unplaced-building-in-a-town"),
    pytest.param("Villa La Grange", "Switzerland", False, id="unplaced-building-in-a-country"),
    pytest.param("Hotel Metropol", "Villa La Grange", True, id="two-unplaced-buildings"),
    pytest.param("Yamaguchi Prefecture", "Japan", False, id="unplaced-area-in-a-country"),
    pytest.param("Yamaguchi Prefecture", "Nagato", False, id="unplaced-area-holds-a-town"),
    pytest.param("Hyderabad House", "Kremlin", True, id="two-known-seats"),
    pytest.param("Thornton Manor", "London", True, id="unknown-place-no-building"),
    pytest.param("Lisbon", "Porto", True, id="two-towns"),
])
def test_venues_conflict(a, b, expected):
    assert venues_conflict(a, b) is expected


def test_one_bodys_summit_in_one_story_is_one_meeting():
    a = Facts("summit", group="org:arab-league")
    b = Facts("summit", venue="Saudi Arabia", group="org:arab-league")
    assert same_meeting(a, b, lambda: True) is not None
    assert same_meeting(a, b, lambda: False) is None
    assert same_meeting(a, Facts("meeting", group="org:arab-league"), lambda: True) is None
    assert same_meeting(Facts("summit", date="May 19", group="org:arab-league"),
                        Facts("summit", date="May 16", group="org:arab-league"),
                        lambda: True) is None


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param(Facts("summit", date="Thursday"), Facts("meeting", date="March 31"), True,
                 id="other-nouns-and-date-forms"),
    pytest.param(Facts("call"), Facts("meeting"), False, id="call-and-meeting"),
    pytest.param(Facts("summit", venue="Oslo"), Facts("summit", venue="Lisbon"), False,
                 id="two-places"),
    pytest.param(Facts("summit", group="org:NATO"), Facts("summit", group="org:G7"), False,
                 id="two-bodies"),
    pytest.param(Facts("summit", contrasted=True), Facts("summit"), False,
                 id="one-set-apart"),
])
def test_central_meetings_agree(a, b, expected):
    assert central_meetings_agree(a, b) is expected


def test_names_and_nested_dates():
    assert named_apart({"g20"}, {"east", "asia"}) and not named_apart({"g20"}, {"g20", "leaders"})
    assert not named_apart(set(), {"g20"})
    assert dates_nest("July", "July 3-4") and not dates_nest("July", "August 3")
    assert not dates_nest("Thursday", "July 3")


@pytest.mark.parametrize(("a", "b"), [
    ("person:Cyril Ramaphosa", "person:Ramaphosa"),
    ("person:Xi Jinping", "person:Xi"),  # family name first: the surname people.json gives
    ("person:Yoon Suk Yeol", "person:Yoon"),
])
def test_a_surname_is_the_full_names_party(a, b):
    assert party_key(a) == party_key(b)
