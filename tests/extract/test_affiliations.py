"""affiliated_with claims and roles from titles and appositions."""

from __future__ import annotations

import pytest

from tests.extract.conftest import readable


@pytest.mark.parametrize(("text", "person", "affiliate", "role"), [
    pytest.param("Spanish Foreign Minister José Albares arrived.", "José Albares", "Spain",
                 "Foreign Minister", id="demonym-title"),
    pytest.param("NATO Secretary General Mark Rutte arrived.", "Mark Rutte", "NATO",
                 "Secretary General", id="organisation-title"),
    pytest.param("Canadian former Prime Minister Jean Dupont arrived.", "Jean Dupont", "Canada",
                 "former Prime Minister", id="modifier"),
    pytest.param("Talks included the head of the Irish navy, Adm. Sir Colm Byrne.",
                 "Colm Byrne", "irish navy", "head", id="apposition-before-misparsed"),
    pytest.param("They met the chief of the Irish defence forces, General Sean Clancy.",
                 "Sean Clancy", "Ireland", "chief of the defence forces",
                 id="apposition-before"),
    pytest.param("Anna Berg, the Swedish trade minister, arrived.", "Anna Berg", "Sweden",
                 "trade minister", id="apposition-after"),
    pytest.param("President Bola Tinubu of Nigeria spoke first.", "Bola Tinubu", "Nigeria",
                 "President", id="name-of-country"),
    pytest.param("Norway will be represented by its trade secretary, John Carter.",
                 "John Carter", "Norway", "trade secretary", id="its-possessive"),
    pytest.param("The summit opened without Egypt's Hosni Mubarak.", "Hosni Mubarak", "Egypt",
                 None, id="country-possessive-before-name"),
])
def test_affiliation(read, text, person, affiliate, role):
    claims = [c for c in read(text).claims if c.relation == "affiliated_with"]
    assert [(readable(c.subject), readable(c.object), c.role) for c in claims] == [
        (person, affiliate, role)]


def test_alias_cue_links_two_names(read):
    text = ("The Danube Transport Commission, commonly referred to as the Vienna group, "
            "met in May.")
    links = read(text).alias_links
    assert [(link.first.text, link.second.text) for link in links] == [
        ("Danube Transport Commission", "Vienna group")]
