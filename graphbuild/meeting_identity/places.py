"""Where meetings are: venue keys and whether two places may be one ("Lisbon" lies in
"Portugal", "White House" in "Washington"), from the gazetteers."""

from __future__ import annotations

import re
from functools import cache

from graphbuild.lexicon import gazetteer, words, world_cities
from graphbuild.names import normalise_name


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
    if one_name(a, b):
        return True
    named = _places()[0]
    first, second = named.get(a), named.get(b)
    if first is None or second is None:
        return False
    return second in _containing(first) or first in _containing(second)


def known_place(key: str) -> bool:
    """A venue key the gazetteers name: a country, town, region or seat."""
    return key in _places()[0]


def unplaced_site(venue: str | None) -> bool:
    """A venue named as a building or an area ("Euxinograd Residence", "Hotel Metropol",
    "Yamaguchi Prefecture") that the gazetteers do not place.

    >>> unplaced_site("Villa La Grange"), unplaced_site("Yamaguchi Prefecture")
    (True, True)
    >>> unplaced_site("Geneva")
    False
    """
    key = venue_key(venue)
    return key is not None and not known_place(key) and any(
        word in _site_words() for word in normalise_name(venue or "").split())


@cache
def _site_words() -> frozenset[str]:
    return words("meetings", "building_words") | words("meetings", "venue_nouns") | words(
        "meetings", "area_words")


def one_name(a: str, b: str) -> bool:
    """'cartagena' and 'cartagena de indias': one name is the start of the other."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return longer[:len(shorter)] == shorter
