"""Structure and spot checks for the gazetteers shipped in ``graphbuild/data``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parent.parent

# Codes outside ISO 3166-1 that the gazetteer uses on purpose.
NON_ISO_CODES = {"XKX"}  # Kosovo, user-assigned code used by the EU
# Former states, under their ISO 3166-3 codes.
FORMER_STATES = {"SUN", "YUG", "CSK"}

# Demonyms that really are shared: "Congolese" for both Congos, "Dominican" for
# Dominica and the Dominican Republic. The resolver must treat them as ambiguous.
SHARED_DEMONYMS = {
    "Congolese": {"COD", "COG"},
    "Dominican": {"DMA", "DOM"},
    "Dominicans": {"DMA", "DOM"},
}

# Region names that are also a country string: the US state and the country
# Georgia; the Australian state and the capital of Seychelles.
REGION_COUNTRY_COLLISIONS = {"Georgia", "Victoria"}

ORG_KINDS = {
    "alliance",
    "armed_group",
    "court",
    "economic_bloc",
    "eu_institution",
    "financial_institution",
    "forum",
    "intergovernmental",
    "law_enforcement",
    "news_media",
    "ngo",
    "social_media",
    "un_agency",
    "un_organ",
}
REGION_KINDS = {"nation", "province", "region", "state", "territory"}


@cache
def load(name: str) -> list[dict]:
    text = resources.files("graphbuild.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def load_object(name: str) -> dict:
    text = resources.files("graphbuild.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def countries() -> list[dict]:
    return load("countries.json")


def by_code() -> dict[str, dict]:
    return {row["code"]: row for row in countries()}


def country_strings(row: dict) -> list[str]:
    return [row["name"], *row["aliases"], *row["capitals"]]


def all_strings(row: dict) -> list[str]:
    fields = ("name", "aliases", "demonyms", "capitals")
    out: list[str] = []
    for field in fields:
        value = row.get(field, [])
        out.extend([value] if isinstance(value, str) else value)
    return out


# -- shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    "filename, keys",
    [
        pytest.param(
            "countries.json", {"code", "name", "aliases", "demonyms", "capitals"}, id="countries"
        ),
        pytest.param("organizations.json", {"name", "aliases", "kind"}, id="organizations"),
        pytest.param("cities.json", {"name", "country", "aliases"}, id="cities"),
        pytest.param(
            "regions.json", {"name", "country", "aliases", "demonyms", "kind"}, id="regions"
        ),
        pytest.param("seats.json", {"name", "country", "within", "aliases"}, id="seats"),
    ],
)
def test_rows_have_exactly_the_schema_keys(filename: str, keys: set[str]) -> None:
    rows = load(filename)
    assert rows
    for row in rows:
        assert set(row) == keys, row


@pytest.mark.parametrize(
    "filename",
    ["countries.json", "organizations.json", "cities.json", "regions.json", "seats.json"],
)
def test_strings_are_clean_and_sorted(filename: str) -> None:
    rows = load(filename)
    assert [row["name"] for row in rows] == sorted(row["name"] for row in rows)
    for row in rows:
        strings = all_strings(row)
        for s in strings:
            assert isinstance(s, str) and s, row
            assert s == s.strip() and "  " not in s, repr(s)
            # The loader strips a leading "the"; the data never carries it.
            assert not s.lower().startswith("the ") or s == "The Hague", repr(s)
        for field in ("aliases", "demonyms", "capitals"):
            values = row.get(field, [])
            assert len(values) == len(set(values)), (row["name"], field)
        assert row["name"] not in row["aliases"], row["name"]


def test_shipped_files_match_the_generator() -> None:
    script = ROOT / "scripts" / "make_gazetteers.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


# -- countries ---------------------------------------------------------------


def test_codes_are_unique_iso_alpha3() -> None:
    codes = [row["code"] for row in countries()]
    assert len(codes) == len(set(codes))
    for code in codes:
        if code in FORMER_STATES:
            assert pycountry.historic_countries.get(alpha_3=code) is not None, code
        elif code in NON_ISO_CODES:
            assert pycountry.countries.get(alpha_3=code) is None
        else:
            assert pycountry.countries.get(alpha_3=code) is not None, code


def test_all_sovereign_states_are_present() -> None:
    # 193 UN members, the two observer states (Holy See, Palestine), Taiwan, Kosovo, the
    # Cook Islands and Niue (in free association with New Zealand), and former states.
    assert len(countries()) == 197 + 2 + len(FORMER_STATES)
    assert {"VAT", "PSE", "TWN", "XKX", "COK", "NIU"} | FORMER_STATES <= set(by_code())


def test_every_country_has_a_demonym_and_a_capital() -> None:
    """Former states have neither: "Soviet" and "Moscow" now name Russia."""
    for row in countries():
        if row["code"] in FORMER_STATES:
            assert not row["demonyms"] and not row["capitals"], row["code"]
            continue
        assert row["demonyms"], row["code"]
        assert row["capitals"], row["code"]


def test_no_string_names_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries():
        for s in all_strings(row):
            owners[s].add(row["code"])
    shared = {s: codes for s, codes in owners.items() if len(codes) > 1}
    assert shared == SHARED_DEMONYMS


def test_no_country_alias_is_an_organization_alias() -> None:
    country = {s for row in countries() for s in all_strings(row)}
    org = {s for row in load("organizations.json") for s in all_strings(row)}
    assert country & org == set()


@pytest.mark.parametrize(
    "code, field, value",
    [
        pytest.param("USA", "aliases", "U.S.", id="us-dotted"),
        pytest.param("USA", "aliases", "US", id="us"),
        pytest.param("USA", "aliases", "United States of America", id="us-official"),
        pytest.param("USA", "capitals", "Washington", id="washington"),
        pytest.param("GBR", "demonyms", "British", id="british"),
        pytest.param("GBR", "aliases", "Britain", id="britain"),
        pytest.param("UKR", "capitals", "Kyiv", id="kyiv"),
        pytest.param("UKR", "capitals", "Kiev", id="kiev"),
        pytest.param("TUR", "aliases", "Türkiye", id="turkiye"),
        pytest.param("RUS", "aliases", "Russian Federation", id="russian-federation"),
        pytest.param("CZE", "aliases", "Czechia", id="czechia"),
        pytest.param("MMR", "aliases", "Burma", id="burma"),
        pytest.param("COD", "aliases", "DRC", id="drc"),
        pytest.param("CIV", "aliases", "Côte d'Ivoire", id="cote-divoire"),
        pytest.param("SWZ", "aliases", "Swaziland", id="swaziland"),
        pytest.param("NLD", "capitals", "The Hague", id="the-hague"),
        pytest.param("BLR", "demonyms", "Belarusian", id="belarusian"),
        pytest.param("ARE", "demonyms", "Emirati", id="emirati"),
        pytest.param("XKX", "capitals", "Pristina", id="pristina"),
    ],
)
def test_country_spot_checks(code: str, field: str, value: str) -> None:
    assert value in by_code()[code][field]


@pytest.mark.parametrize(
    "code, name",
    [
        ("USA", "United States"),
        ("RUS", "Russia"),
        ("TUR", "Turkey"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("VNM", "Vietnam"),
        ("CZE", "Czech Republic"),
        ("CIV", "Ivory Coast"),
        ("MDA", "Moldova"),
        ("TZA", "Tanzania"),
        ("VEN", "Venezuela"),
        ("BOL", "Bolivia"),
        ("LAO", "Laos"),
        ("TWN", "Taiwan"),
        ("VAT", "Vatican City"),
        ("COD", "Democratic Republic of the Congo"),
        ("COG", "Republic of the Congo"),
        ("GBR", "United Kingdom"),
    ],
)
def test_news_names(code: str, name: str) -> None:
    assert by_code()[code]["name"] == name


def test_ambiguous_bare_forms_are_not_aliases() -> None:
    strings = {s for row in countries() for s in all_strings(row)}
    assert not {"Congo", "Korea", "Holland"} & strings


# -- organisations -----------------------------------------------------------


def test_organizations() -> None:
    rows = load("organizations.json")
    assert 60 <= len(rows) <= 400
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        assert row["kind"] in ORG_KINDS, row
        for s in all_strings(row):
            owners[s].add(row["name"])
    assert {s: n for s, n in owners.items() if len(n) > 1} == {}
    names = {row["name"]: row for row in rows}
    assert "North Atlantic Treaty Organization" in names["NATO"]["aliases"]
    assert "Nato" in names["NATO"]["aliases"]
    assert "Sadc" in names["Southern African Development Community"]["aliases"]
    assert "Alba" not in names["Bolivarian Alliance for the Peoples of Our America"]["aliases"]
    assert "Sana" not in names["Syrian Arab News Agency"]["aliases"]  # a name, and Yemen's
    assert {"UN", "U.N."} <= set(names["United Nations"]["aliases"])
    assert {"EU", "E.U."} <= set(names["European Union"]["aliases"])


# -- cities and regions ------------------------------------------------------


@pytest.mark.parametrize("filename", ["cities.json", "regions.json"])
def test_places_point_at_known_countries(filename: str) -> None:
    codes = set(by_code())
    for row in load(filename):
        # None only for regions spread over or disputed between several states.
        if row["country"] is None:
            assert filename == "regions.json", row
        else:
            assert row["country"] in codes, row
        if filename == "regions.json":
            assert row["kind"] in REGION_KINDS, row


def test_place_strings_do_not_collide() -> None:
    country = {s for row in countries() for s in country_strings(row)}
    demonyms = {s for row in countries() for s in row["demonyms"]}
    org = {s for row in load("organizations.json") for s in all_strings(row)}
    owners: dict[str, set[str]] = defaultdict(set)
    for filename in ("cities.json", "regions.json"):
        for row in load(filename):
            for s in all_strings(row):
                owners[s].add(f"{filename}:{row['name']}")
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}
    place = set(owners)
    assert place & org == set()
    assert place & demonyms == set()
    assert place & country == REGION_COUNTRY_COLLISIONS


def test_seats_lie_in_known_places_of_their_country() -> None:
    countries_by_code = by_code()
    places: dict[str, set[str]] = defaultdict(set)  # name -> countries
    for code, row in countries_by_code.items():
        for name in [row["name"], *row["aliases"], *row["capitals"]]:
            places[name].add(code)
    for filename in ("cities.json", "regions.json"):
        for row in load(filename):
            for name in [row["name"], *row["aliases"]]:
                places[name].add(row["country"])
    seat_names = set()
    for row in load("seats.json"):
        assert row["country"] in countries_by_code, row
        assert row["country"] in places.get(row["within"], set()), row
        seat_names.update([row["name"], *row["aliases"]])
    assert not seat_names & set(places)


def test_world_towns_lie_in_known_countries_and_states() -> None:
    data = load_object("world_cities.json")
    assert set(data) == {"about", "countries", "us_states"}
    assert set(data["countries"]) <= {c.alpha_3 for c in pycountry.countries}
    regions = {row["name"] for row in load("regions.json") if row["country"] == "USA"}
    assert set(data["us_states"]) <= regions
    assert "santa marta" in data["countries"]["COL"]
    known = {s.lower() for row in load("cities.json") for s in all_strings(row)}
    assert not known & {town for towns in data["countries"].values() for town in towns}


def test_place_spot_checks() -> None:
    cities = {row["name"]: row for row in load("cities.json")}
    regions = {row["name"]: row for row in load("regions.json")}
    assert cities["Geneva"]["country"] == "CHE"
    assert "Odessa" in cities["Odesa"]["aliases"]
    assert "Saint Petersburg" in cities["St Petersburg"]["aliases"]
    assert cities["Edinburgh"]["country"] == "GBR"
    assert regions["Scotland"] == {
        "name": "Scotland",
        "country": "GBR",
        "aliases": [],
        "demonyms": ["Scottish", "Scots"],
        "kind": "nation",
    }
    assert {"England", "Wales", "Northern Ireland"} <= set(regions)
    assert regions["Crimea"]["country"] == "UKR"
    assert regions["Kashmir"]["country"] is None
    assert sum(row["country"] == "USA" and row["kind"] == "state" for row in regions.values()) == 50
