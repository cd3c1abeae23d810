"""When two meeting mentions are one meeting: decided here, for the whole pipeline.

The extract stage chains the mentions of one article as it reads them and the resolve
stage merges the meetings of different articles; both ask this module. The facts
that decide are the same everywhere: the kind (a call is never a meeting in person),
the date as written ("Thursday" and "May 15" cannot be compared, "Monday" and
"Friday" conflict), the place, and the parties each mention names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from graphbuild.dates import WEEKDAYS, calendar_parts
from graphbuild.lexicon import gazetteer, words, world_cities
from graphbuild.names import name_key, normalise_name


class MeetingFacts(Protocol):
    """What is known of a meeting mention or of a group of them."""

    @property
    def kind(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def venue(self) -> str | None: ...
    @property
    def group(self) -> str | None: ...
    @property
    def participants(self) -> Set[str]: ...
    @property
    def contrasted(self) -> bool: ...


@dataclass(frozen=True)
class Facts:
    """The facts of one mention, as read."""

    kind: str
    date: str | None = None
    venue: str | None = None
    group: str | None = None
    participants: frozenset[str] = frozenset()
    contrasted: bool = False


@cache
def venue_key(venue: str | None) -> str | None:
    """'NATO headquarters' and 'NATO' are one place.

    >>> venue_key("NATO headquarters")
    'nato'
    """
    if not venue:
        return None
    venue_nouns = words("meetings", "venue_nouns")
    kept = [w for w in re.findall(r"[\w-]+", normalise_name(venue)) if w not in venue_nouns]
    return " ".join(kept) or None


@cache
def _places() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Venue key -> the place it names (its entry's first name), and place -> the places
    it may lie in: a seat in its city ("White House" in Washington), a city, capital or
    region in its country, a town of the world list in its country (or each country that
    has a town of that name) and, in the United States, its state."""
    named: dict[str, str] = {}
    within: dict[str, set[str]] = {}

    def name(names: tuple[str, ...]) -> str | None:
        keys = [k for k in map(venue_key, names) if k]
        for key in keys:
            named.setdefault(key, keys[0])
        return keys[0] if keys else None

    def lies_in(place: str | None, container: str | None) -> None:
        if place and container and place != container:
            within.setdefault(place, set()).add(container)

    countries: dict[str, str | None] = {}
    for place in gazetteer():
        if place.type == "country":
            country = name((place.name, *place.aliases))
            countries[place.key] = country
            for capital in place.capitals:
                lies_in(name((capital,)), country)
    for place in gazetteer():
        if place.type == "location" and place.country:
            lies_in(name((place.name, *place.aliases)), countries.get(f"country:{place.country}"))
    for place in gazetteer():
        if place.type == "seat" and place.within:
            container = venue_key(place.within)
            lies_in(name((place.name, *place.aliases)), named.get(container or "", container))
    towns = world_cities()
    for town, codes in towns.countries.items():
        named.setdefault(town, town)
        for code in codes:
            lies_in(town, countries.get(f"country:{code}"))
    for town, states in towns.us_states.items():
        for state in states:
            lies_in(town, named.get(venue_key(state) or ""))
    return named, {place: frozenset(found) for place, found in within.items()}


def _containing(place: str) -> set[str]:
    """A place and every place it may lie in."""
    within = _places()[1]
    found, todo = {place}, [place]
    while todo:
        for container in within.get(todo.pop(), ()):
            if container not in found:
                found.add(container)
                todo.append(container)
    return found


def enclosing_places(place: str) -> set[str]:
    """A venue key and the places it may lie in ("warsaw" -> warsaw, poland).

    >>> sorted(enclosing_places("lisbon")), enclosing_places("zorbville")
    (['lisbon', 'portugal'], {'zorbville'})
    """
    named = _places()[0].get(place)
    return {place} | _containing(named) if named else {place}


def places_agree(a: str, b: str) -> bool:
    """Two venue keys name one place, or one lies in the other ("Lisbon" in "Portugal",
    "White House" in "Washington", "Santa Marta" in "Colombia"), or one name starts the
    other ("Cartagena de Indias"); "Lisbon" and "Porto" do not agree, nor a name the
    gazetteers do not know with another.

    >>> places_agree("lisbon", "portugal"), places_agree("lisbon", "porto")
    (True, False)
    >>> places_agree("cartagena", "cartagena de indias"), places_agree("white house", "washington")
    (True, True)
    """
    if _one_name(a, b):
        return True
    named = _places()[0]
    first, second = named.get(a), named.get(b)
    if first is None or second is None:
        return False
    return second in _containing(first) or first in _containing(second)


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


def same_place(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Both places are known and are one place."""
    first, second = venue_key(a.venue), venue_key(b.venue)
    return first is not None and second is not None and _one_name(first, second)


def _one_name(a: str, b: str) -> bool:
    """'cartagena' and 'cartagena de indias': one name is the start of the other."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return longer[:len(shorter)] == shorter


def overlap(a: MeetingFacts, b: MeetingFacts) -> int:
    """Shared hosts, participants or group; a shared venue only strengthens that
    (two Tuesday meetings in London are not one meeting)."""
    shared = len(a.participants & b.participants)
    shared += int(bool(a.group and a.group == b.group))
    if shared:
        shared += int(same_place(a, b))
    return shared


def _contradict(a: MeetingFacts, b: MeetingFacts) -> bool:
    """A call against a meeting in person, two known places, or two dates that conflict."""
    if (a.kind == "call") != (b.kind == "call") or venues_conflict(a.venue, b.venue):
        return True
    return bool(a.date and b.date and dates_agree(a.date, b.date) == "conflict")


def venues_conflict(a: str | None, b: str | None) -> bool:
    """Two known places that are not one place or within each other.

    >>> venues_conflict("Prague", "Moldova"), venues_conflict("Lisbon", "Portugal")
    (True, False)
    """
    first, second = venue_key(a), venue_key(b)
    return bool(first and second and not places_agree(first, second))


def party_key(mention_key: str) -> str:
    """How a meeting's party is compared within one article: a person by surname, so
    the headline's "Ramaphosa" is the body's "Cyril Ramaphosa"; anything else as is.

    >>> party_key("person:Cyril Ramaphosa"), party_key("country:ZAF")
    ('person:ramaphosa', 'country:ZAF')
    """
    kind, _, name = mention_key.partition(":")
    if kind != "person" or not name:
        return mention_key
    return f"person:{name_key(name).split()[-1]}"


def named_apart(names: Set[str], other_names: Set[str]) -> bool:
    """Two meetings named with different words ("the G20 Summit", "the East Asia
    Summit") are two meetings; a name against no name says nothing.

    >>> named_apart({"g20"}, {"east", "asia"}), named_apart({"g20"}, set())
    (True, False)
    """
    return bool(names) and bool(other_names) and names.isdisjoint(other_names)


def may_be_one(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Nothing said of the two contradicts their being one meeting.

    Not when they are the meetings of different bodies, name other parties ("a meeting
    between Putin and Zelensky" after the Trump-Zelensky meeting), other places, other
    dates of one kind, or a call against a meeting in person.
    """
    if _contradict(a, b):
        return False
    if a.group and b.group and not bodies_agree(a.group, b.group):
        return False  # the meeting of one body is not the meeting of another
    return not (a.participants and b.participants and not (
        a.participants <= b.participants or b.participants <= a.participants))


def _same_people_and_place(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Outlets name and date one meeting differently ("the Budapest summit", "a meeting
    in Budapest", "a Russia-US summit", "Thursday"/"next week"/none): at least two
    shared people or two shared countries, or one person and the same place, with no
    contradicting kind, place or date."""
    if _contradict(a, b):
        return False
    shared = a.participants & b.participants
    people = {p for p in shared if p.startswith("person:")}
    countries = {p for p in shared if p.startswith("country:")}
    if a.kind != b.kind and not (a.group and a.group == b.group) \
            and max(_people(a), _people(b)) > len(people) + 1:
        return False  # "a meeting of Merkel and Zelensky" is not the four leaders' summit
    return len(people) >= 2 or len(countries) >= 2 or (len(people) == 1 and same_place(a, b))


def _people(meeting: MeetingFacts) -> int:
    return sum(p.startswith("person:") for p in meeting.participants)


def central_meetings_agree(a: MeetingFacts, b: MeetingFacts) -> bool:
    """The meeting each of two articles on one story is mostly about is one meeting unless
    something said of them conflicts: a call against a meeting in person, two places, two
    dates, two bodies ("the EU-Africa summit" and "Leaders ... gathering in Lisbon")."""
    if a.contrasted or b.contrasted or _contradict(a, b):
        return False
    return not (a.group and b.group and not bodies_agree(a.group, b.group))


def one_body_one_place(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Meetings of one body at one place ("the SCO meeting in Islamabad", "the SCO summit
    in Pakistan"): as good as two articles on one story for the meetings they are about."""
    first, second = venue_key(a.venue), venue_key(b.venue)
    return bool(a.group and b.group and bodies_agree(a.group, b.group) and first and second
                and places_agree(first, second))


def bodies_agree(a: str, b: str) -> bool:
    """Two bodies whose meetings may be one: the same body, or one an organ of the other,
    named in its name ("the CIS" and "the CIS Heads of State Council", "SADC" and "the
    SADC Organ on Politics, Defence and Security").

    >>> bodies_agree("org:Commonwealth of Independent States", "org:cis heads of state council")
    True
    >>> bodies_agree("org:NATO", "org:African Union")
    False
    """
    if a == b:
        return True
    first, second = _body_words(a), _body_words(b)
    return any(f" {form} " in f" {other} " for name, other in ((first, second), (second, first))
               for form in _body_names().get(name, {name}) if form)


def _body_words(key: str) -> str:
    """'organization:commonwealth-of-independent-states' -> 'commonwealth of independent
    states': the words of a body's key, whichever stage wrote it."""
    return " ".join(re.findall(r"[a-z0-9]+", key.partition(":")[2].lower()))


@cache
def _body_names() -> dict[str, frozenset[str]]:
    """Each known body's name and short names, by each of them ("cis" -> the CIS's)."""
    names: dict[str, frozenset[str]] = {}
    for place in gazetteer():
        if place.type == "organization":
            forms = frozenset(" ".join(re.findall(r"[a-z0-9]+", n.lower()))
                              for n in (place.name, *place.aliases))
            for form in forms:
                names[form] = names.get(form, frozenset()) | forms
    return names


def groups_compatible(places: Set[str], dates: Set[str], other_places: Set[str],
                      other_dates: Set[str]) -> bool:
    """Whether two groups of meetings, already merged on their own, may be one: their
    places (venue keys) and dates must not contradict, so that a meeting with no place
    never chains a Budapest summit to an Alaska one."""
    if places and other_places and not any(places_agree(p, q) for p in places
                                           for q in other_places):
        return False
    return not any(dates_agree(a, b) == "conflict" for a in dates for b in other_dates)


def same_meeting(a: MeetingFacts, b: MeetingFacts, one_story: Callable[[], bool]) -> str | None:
    """Why meetings from two articles are one meeting, or None.

    Same date with a shared host, participant or group (any noun within one story);
    the same kind and date within one story; a date that cannot be compared with a
    shared participant or place within one story; or, within one story, the same
    people at the same place. ``one_story`` is asked only when needed. A meeting an
    article sets apart ("last hosted the summit in 2012") joins another only on the
    same date.
    """
    if a.contrasted != b.contrasted and not (
            a.date and b.date and dates_agree(a.date, b.date) == "same"):
        return None
    if a.date and b.date:
        agreement = dates_agree(a.date, b.date)
        shared = overlap(a, b)
        if agreement == "same" and shared > 0 and (a.kind == b.kind or one_story()):
            # One outlet's "gathering" is another's "summit" when the people match.
            return f"same date ({a.date}) with a shared group or participant"
        if a.kind == b.kind and agreement == "same" and one_story():
            return f"same {a.kind} on {a.date} in articles on one story"
        if a.kind == b.kind and agreement == "unknown" and (shared > 0 or same_place(a, b)) \
                and one_story():
            return f"{a.kind} on {a.date} / {b.date} sharing participants or venue in one story"
    if _same_people_and_place(a, b) and one_story():
        return "same people meeting, at the same place or with the same company, in one story"
    if a.group and a.group == b.group and a.kind == b.kind and not _contradict(a, b) \
            and one_story():
        # "the Arab League summit" in three outlets' reports of one story, dated or not
        return f"the {a.kind} of one body in articles on one story"
    return None
