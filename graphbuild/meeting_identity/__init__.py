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

from graphbuild.lexicon import gazetteer, place_by_key, words
from graphbuild.meeting_identity.places import (
    enclosing_places,
    known_place,
    one_name,
    places_agree,
    unplaced_site,
    venue_key,
)
from graphbuild.meeting_identity.times import (
    better_date,
    dates_agree,
    dates_may_restate,
    dates_nest,
)
from graphbuild.names import name_key, public_figure_surname

__all__ = [
    "Facts", "MeetingFacts", "better_date", "bodies_agree", "central_meetings_agree",
    "dates_agree", "dates_may_restate", "dates_nest", "enclosing_places", "groups_compatible",
    "may_be_one", "named_apart", "one_body_one_place", "overlap", "party_key",
    "places_agree", "same_meeting", "same_place", "venue_key", "venues_conflict",
]


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


def same_place(a: MeetingFacts, b: MeetingFacts) -> bool:
    """Both places are known and are one place."""
    first, second = venue_key(a.venue), venue_key(b.venue)
    return first is not None and second is not None and one_name(first, second)


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
    """Two places, as written, that are not one place or within each other. A building or
    an area the gazetteers do not place ("Euxinograd Residence", "Yamaguchi Prefecture")
    may be in, or hold, any town or country they know.

    >>> venues_conflict("Prague", "Moldova"), venues_conflict("Lisbon", "Portugal")
    (True, False)
    >>> venues_conflict("Villa La Grange", "Geneva"), venues_conflict("Villa Rosa", "Hotel Bristol")
    (False, True)
    """
    first, second = venue_key(a), venue_key(b)
    if not (first and second) or places_agree(first, second):
        return False
    return not (unplaced_site(a) and known_place(second)
                or unplaced_site(b) and known_place(first))


def party_key(mention_key: str) -> str:
    """How a meeting's party is compared within one article: a person by surname (the
    one ``data/people.json`` says the news uses alone, else the last name), so the
    headline's "Ramaphosa" is the body's "Cyril Ramaphosa" and "Xi" is "Xi Jinping";
    anything else as is.

    >>> party_key("person:Cyril Ramaphosa"), party_key("person:Xi Jinping")
    ('person:ramaphosa', 'person:xi')
    >>> party_key("country:ZAF")
    'country:ZAF'
    """
    kind, _, name = mention_key.partition(":")
    if kind != "person" or not name:
        return mention_key
    return f"person:{name_key(public_figure_surname(name) or name).split()[-1]}"


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
    >>> bodies_agree("org:ASEAN", "org:ASEAN Plus Three")
    False
    """
    if a == b:
        return True
    first, second = _body_words(a), _body_words(b)
    organs = words("organizations", "organ_heads")
    both_known = a in place_by_key() and b in place_by_key()
    # two bodies the gazetteer knows apart are one body's only when the other is its organ
    # ("the UN Security Council"), not "ASEAN" and "ASEAN Plus Three"
    return any(f" {form} " in f" {other} " and not (both_known and not organs & set(
        other.split()) - set(form.split()))
        for name, other in ((first, second), (second, first))
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
    places (as written) and dates must not contradict, so that a meeting with no place
    never chains a Budapest summit to an Alaska one."""
    if places and other_places and all(venues_conflict(p, q) for p in places
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
