"""Load the package's lexicons and gazetteers once.

``data/lexicon.toml`` holds trigger words and cues, ``data/names.toml`` the words that
tell names apart (honorifics by sex, party names); ``data/*.json`` hold
real-world facts (countries with their names, demonyms and capitals,
international bodies, cities, regions). All are data so that adding a word
or a country needs no code change.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("graphbuild.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, Any]:
    """The parsed ``lexicon.toml``."""
    return tomllib.loads(_read("lexicon.toml"))


@cache
def name_rules() -> dict[str, Any]:
    """The parsed ``names.toml``: honorifics by sex and the words of party names."""
    return tomllib.loads(_read("names.toml"))


@cache
def words(*path: str) -> frozenset[str]:
    """A word list from the lexicon as a set, e.g. ``words("meetings", "nouns")``.

    >>> "summit" in words("meetings", "nouns")
    True
    """
    node: Any = lexicon()
    for part in path:
        node = node[part]
    return frozenset(node)


@cache
def job_titles() -> frozenset[str]:
    """Every job title: the lexicon's title heads and each office head with each
    portfolio ("minister of water", "secretary of commerce").

    >>> "minister of water resources" in job_titles()
    True
    """
    return words("titles", "heads") | {f"{office} of {portfolio}"
                                       for office in words("titles", "offices")
                                       for portfolio in words("titles", "portfolios")}


@dataclass(frozen=True)
class RelationSpec:
    """One ``[relations.NAME]`` section: the relation, whether it is core, its help text
    and the rule modules that read it."""

    name: str
    core: bool
    help: str
    rules: tuple[str, ...]


@cache
def relation_specs() -> tuple[RelationSpec, ...]:
    """Every relation the lexicon defines, in its order.

    >>> [spec.name for spec in relation_specs() if spec.core]
    ['hosts', 'attends', 'declines_troops', 'cites_threat']
    """
    return tuple(RelationSpec(name, bool(section["core"]), str(section["help"]),
                              tuple(section["rules"]))
                 for name, section in lexicon()["relations"].items())


def relation_names() -> tuple[str, ...]:
    """All relation names, core first as the lexicon orders them."""
    return tuple(spec.name for spec in relation_specs())


def core_relations() -> tuple[str, ...]:
    """The relations scored as core."""
    return tuple(spec.name for spec in relation_specs() if spec.core)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a country, body, city, region or seat of government and its names
    (a seat, "the Kremlin", lies ``within`` a city or region of ``country``)."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    country: str | None = None
    within: str | None = None
    # of a region: "state", "province", "territory" ...; of a body: "forum", "news_media" ...
    kind: str | None = None


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


@cache
def gazetteer() -> tuple[Place, ...]:
    """Every gazetteer entry, countries first."""
    places: list[Place] = []
    for row in json.loads(_read("countries.json")):
        places.append(Place(
            key=f"country:{row['code']}", name=row["name"], type="country",
            aliases=tuple(_strip_article(a) for a in row.get("aliases", ())),
            demonyms=tuple(row.get("demonyms", ())), capitals=tuple(row.get("capitals", ())),
        ))
    for row in json.loads(_read("organizations.json")):
        places.append(Place(
            key=f"org:{row['name']}", name=row["name"], type="organization",
            aliases=tuple(_strip_article(a) for a in row.get("aliases", ())),
            kind=row.get("kind"),
        ))
    for row in json.loads(_read("seats.json")):
        places.append(Place(
            key=f"seat:{row['name']}", name=row["name"], type="seat",
            aliases=tuple(row.get("aliases", ())), country=row["country"],
            within=row["within"],
        ))
    for file_name in ("cities.json", "regions.json"):
        try:
            rows = json.loads(_read(file_name))
        except FileNotFoundError:
            continue
        for row in rows:
            places.append(Place(
                key=f"location:{row['name']}", name=row["name"], type="location",
                aliases=tuple(row.get("aliases", ())), demonyms=tuple(row.get("demonyms", ())),
                country=row.get("country"), kind=row.get("kind"),
            ))
    return tuple(places)


@cache
def public_figure_forms() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each person of ``data/people.json``: the name, the other ways the news writes it,
    and the surnames it uses alone (the first one as the person's own)."""
    return tuple((row["name"], tuple(row.get("aliases", ())), tuple(row.get("short", ())))
                 for row in json.loads(_read("people.json"))["people"])


@cache
def public_figures() -> tuple[str, ...]:
    """Names of people the news reports most (``data/people.json``): full names,
    other spellings and the surnames used alone."""
    return tuple(dict.fromkeys(form for name, aliases, short in public_figure_forms()
                               for form in (name, *aliases, *short)))


def is_public_figure(name: str) -> bool:
    """Whether ``name`` is one of :func:`public_figures`."""
    return name in _public_figure_set()


@cache
def _public_figure_set() -> frozenset[str]:
    return frozenset(public_figures())


@dataclass(frozen=True)
class WorldCities:
    """Towns the other gazetteers do not name (``data/world_cities.json``), as venue keys:
    the countries (alpha-3 codes) and the US states each may lie in."""

    countries: dict[str, tuple[str, ...]]
    us_states: dict[str, tuple[str, ...]]


@cache
def world_cities() -> WorldCities:
    """Where GeoNames' towns of 15,000 people or more lie; only for comparing places."""
    data = json.loads(_read("world_cities.json"))
    countries: dict[str, list[str]] = {}
    for code, keys in data["countries"].items():
        for key in keys:
            countries.setdefault(key, []).append(code)
    states: dict[str, list[str]] = {}
    for state, keys in data["us_states"].items():
        for key in keys:
            states.setdefault(key, []).append(state)
    return WorldCities({k: tuple(v) for k, v in countries.items()},
                       {k: tuple(v) for k, v in states.items()})


@cache
def place_by_key() -> dict[str, Place]:
    """Gazetteer entries by key (``country:GBR``, ``org:NATO`` ...)."""
    return {place.key: place for place in gazetteer()}
