"""Entity mentions: metonymy, surnames, titles, group anaphora."""

from __future__ import annotations

import pytest


def kinds(extraction, text):
    return {(m.text, m.type, m.key) for m in extraction.mentions if m.text == text}


@pytest.mark.parametrize(("text", "surface", "kind", "key"), [
    pytest.param("The United States is split. Washington has refused to comment.", "Washington",
                 "country", "country:USA", id="capital-as-subject"),
    pytest.param("Russia is isolated. Analysts see Moscow's position hardening.", "Moscow",
                 "country", "country:RUS", id="capital-possessive"),
    pytest.param("Victoria has refused to comment.", "Victoria", "location",
                 "location:Victoria", id="capital-of-an-unnamed-country"),
    pytest.param("The convoy drove to Kyiv overnight.", "Kyiv", "location", "location:Kyiv",
                 id="capital-as-place"),
    pytest.param("Britons and the French disagreed.", "Britons", "country", "country:GBR",
                 id="plural-demonym"),
    pytest.param("TALLINN - Estonian ministers met on Monday.", "TALLINN", "location",
                 "location:Tallinn", id="capitals-dateline"),
    pytest.param("Senator Jane Holloway spoke. Holloway said little.", "Holloway", "person",
                 "person:Jane Holloway", id="surname-in-article"),
    pytest.param("Botswana's president will miss a Sadc meeting on Thursday.", "Sadc",
                 "organization", "org:Southern African Development Community",
                 id="title-case-acronym"),
    pytest.param("Speaking to Al-Hayat, the minister said Chile would attend.", "Al-Hayat",
                 "organization", "org:Al-Hayat", id="newspaper-quoted-by-name"),
    pytest.param("Japan and South Korea held talks. Seoul, Washington and Tokyo have stepped "
                 "up their coordination.", "Washington", "country", "country:USA",
                 id="capital-listed-with-acting-capitals"),
    pytest.param("Japan and South Korea held talks. Seoul, Washington and Tokyo have stepped "
                 "up their coordination.", "Tokyo", "country", "country:JPN",
                 id="last-capital-of-a-list-acts"),
    pytest.param("In August, Putin visited Fort de Bregancon, the French president's holiday "
                 "residence.", "Fort de Bregancon", "location", "location:Fort de Bregancon",
                 id="a-fort-is-a-place"),
    pytest.param("The leaders met at the Cankaya Presidential Palace on Monday.",
                 "Cankaya Presidential Palace", "location",
                 "location:Cankaya Presidential Palace", id="a-palace-is-a-place"),
    pytest.param("He also visited the Mahatma Gandhi Memorial at Rajghat on Monday.",
                 "Mahatma Gandhi Memorial", "location", "location:Mahatma Gandhi Memorial",
                 id="a-memorial-is-a-place"),
    pytest.param("The President of Guinea Bissau left the summit.", "Guinea Bissau", "country",
                 "country:GNB", id="hyphen-dropped"),
    pytest.param("Lula wrote on Twitter that the talks went well.", "Twitter", "organization",
                 "org:Twitter", id="platform"),
    pytest.param("The talks were reported by Xinhua news agency on Monday.",
                 "Xinhua news agency", "organization", "org:Xinhua", id="agency-lower-case"),
    pytest.param("Chile's presidential office said the call lasted an hour.",
                 "Chile's presidential office", "organization",
                 "org:chile presidential office", id="possessed-office"),
    pytest.param("The Chilean Prime Minister's Office announced the visit.",
                 "Chilean Prime Minister's Office", "organization",
                 "org:chilean prime minister office", id="office-after-a-possessive-title"),
    pytest.param("Russia is isolated. The Kremlin said it would not attend.", "Kremlin",
                 "country", "country:RUS", id="seat-of-government-as-subject"),
    pytest.param("Russia is isolated. Talks were held at the Kremlin.", "Kremlin",
                 "location", "location:Kremlin", id="seat-of-government-as-place"),
    pytest.param("Mr Kennedy visits Manchester, Liverpool, Leicester, Somerset, Dorset and "
                 "Torbay.", "Torbay", "location", "location:Torbay", id="listed-among-places"),
    pytest.param("The talks brought together Britain, France, Germany and Zelensky.",
                 "Zelensky", "person", "person:Zelensky", id="known-person-among-countries"),
])
def test_mention_types(read, text, surface, kind, key):
    assert (surface, kind, key) in kinds(read(text), surface)


def test_group_anaphor_takes_the_named_group(read):
    text = "The Blue Ridge Alliance met on Monday. The alliance said it would meet again."
    anaphors = [m for m in read(text).mentions if m.text == "The alliance"]
    assert [m.key for m in anaphors] == ["org:blue ridge alliance"]


def test_unresolved_group_anaphor_is_left_for_the_corpus(read):
    anaphors = [m for m in read("The coalition met on Monday.").mentions
                if m.type == "organization"]
    assert [m.key for m in anaphors] == ["anaphor:coalition"]
