"""Meeting detection and within-article resolution."""

from __future__ import annotations

import pytest

from graphbuild.extract.meetings.when_where import names_a_time


def meetings(extraction):
    return [m for m in extraction.mentions if m.type == "meeting"]


@pytest.mark.parametrize(("text", "clusters"), [
    pytest.param("Ministers meet in Madrid on Thursday. The group's next meeting on Friday will "
                 "be larger.", 2, id="own-date-new-meeting"),
    pytest.param("As at previous meetings, ministers will convene in Madrid on Thursday.", 1,
                 id="previous-meetings-start-nothing"),
    pytest.param("Aid will flow in the event of a ceasefire.", 0, id="idiom"),
    pytest.param("Envoys will convene in Rome on Monday. It will be the first foreign ministers' "
                 "meeting of the new bloc. On Friday, leaders will gather in Paris.", 2,
                 id="article-on-possessor"),
    pytest.param("Ministers convene in Rome on Monday, despite ongoing peace negotiations.", 1,
                 id="bare-weak-noun-is-no-mention"),
    pytest.param("Leaders will meet at NATO. Leaders from 30 countries will meet at NATO on "
                 "Tuesday.", 1, id="undated-headline-joins-dated-body"),
    pytest.param("Chile will not attend the OSCE meeting in Lodz. Poland will host the meeting.",
                 1, id="unnamed-mention-refers-to-the-named-one"),
    pytest.param("Chile will not attend the OSCE meeting in Lodz. Peru will miss the G20 "
                 "meeting.", 2, id="two-named-meetings"),
    pytest.param("Boric and Lula held talks in Lima on Friday, their first meeting since 2023.",
                 1, id="restated-after-a-comma"),
    pytest.param("Boric met Lula in Lima, their first bilateral meeting in five years.", 1,
                 id="restated-as-a-second-object"),
    pytest.param("Leaders gathered in Lima on Sunday for a first-ever summit of the regions. "
                 "The summit will end on Monday.", 1, id="gathered-for-a-summit"),
    pytest.param("The first-ever Andean summit opens in Lima on Sunday. Peru will attend the "
                 "summit.", 1, id="first-ever-is-this-one"),
    pytest.param("The Andean summit opened in Lima. Only Peru sent its president to the "
                 "two-day conference, beginning yesterday evening.", 1,
                 id="dated-reference-with-another-noun"),
    pytest.param("Lula held a phone call with Gabriel Boric. Preparations for the Mercosur "
                 "summit in Asuncion were also discussed.", 2, id="a-summit-is-not-the-call"),
    pytest.param("Lula held a phone call with Gabriel Boric. The talks lasted an hour.", 1,
                 id="talks-may-be-the-call"),
    pytest.param("Lula held a phone call with Gabriel Boric on Tuesday. It came in a series of "
                 "phone conversations with world leaders.", 2, id="plural-calls-are-others"),
    pytest.param("Lula and Boric opened their summit in Lima. The first round of talks ended "
                 "after an hour.", 1, id="talks-at-the-summit"),
    pytest.param("The summit between South Korea and North Korea opened in Seoul. Shinzo Abe "
                 "said talks between Japan and Russia would follow.", 2,
                 id="talks-of-other-parties"),
    pytest.param("Moon Jae-in held a summit with Kim Jong Un in Panmunjom. Moon said the "
                 "US-North Korea summit would follow.", 2, id="the-summit-of-other-parties"),
    pytest.param("Olaf Scholz held a phone call with Vladimir Putin on Friday. The negotiations "
                 "between Scholz and Putin lasted an hour.", 1,
                 id="negotiations-of-the-same-parties-are-the-call"),
    pytest.param("Zelensky and Macron are meeting in Paris. After meeting with Macron, Zelensky "
                 "will meet with Merkel.", 2, id="the-same-people-meeting-again-undated"),
    pytest.param("Zelensky and Macron met in Paris in May. Zelensky will meet Macron again.", 2,
                 id="meeting-again-is-another"),
    pytest.param("The Normandy summit began in Paris. This summit has become Zelensky's first "
                 "meeting with Putin.", 1, id="a-summit-said-to-become-a-first-meeting"),
    pytest.param("Zelensky and Macron are meeting in Paris. The meeting between them within the "
                 "framework of the Normandy summit has begun.", 2,
                 id="within-the-framework-of-another"),
    pytest.param("Zelensky met Macron. Zelensky will meet with Merkel, and then the Normandy "
                 "summit will be held.", 3, id="and-then-another"),
    pytest.param("Biden attended the G20 summit in Bali on Monday. On the sidelines of the "
                 "summit, Biden met Xi Jinping. The summit ended on Tuesday.", 2,
                 id="the-sidelines-of-the-summit-told"),
    pytest.param("Modi's swearing-in ceremony takes place on Monday. Tobgay arrived on Sunday "
                 "for the ceremony. Ramgoolam arrived in the city to attend the ceremony.", 1,
                 id="the-ceremony-again"),
    pytest.param("Putin and Xi met in Moscow. The opening ceremony was held on Friday.", 1,
                 id="another-ceremony-is-no-meeting"),
    pytest.param("The ceremony, hosted by newcomer Chris Rock, takes place on 27 February.", 0,
                 id="the-ceremony-with-nothing-told-is-no-meeting"),
    pytest.param("Botswana's president will miss a regional meeting of the Southern African "
                 "Development Community he was due to chair. Botswana, Zimbabwe and Mozambique "
                 "will be attending a summit of a division of the Southern African Development "
                 "Community.", 1, id="one-bodys-meeting-told-again-in-a-lead"),
    pytest.param("European Union finance ministers are meeting on Thursday in Brussels. Many EU "
                 "ministers support the plan tabled by France following the recent G7 meeting.",
                 2, id="another-bodys-meeting-told-in-passing"),
    pytest.param("Lukashenko was handed an invitation to attend an EU summit with former Soviet "
                 "republics in Prague next month. It was not certain whether Lukashenko would "
                 "attend the Eastern Partnership summit in Prague in person.", 1,
                 id="an-unknown-bodys-name-for-the-summit-told"),
    pytest.param("Erdogan will hold one-on-one meetings with President Sisi at the palace. Ties "
                 "resumed in 2021, with encounters at the World Cup and the G20 Summit.", 2,
                 id="a-known-bodys-summit-is-not-the-pairs-meeting"),
    pytest.param("Leaders met in Lisbon on Monday. The EU summit adopted a declaration.", 1,
                 id="guard-a-bodys-summit-after-leaders-meeting"),
    pytest.param("Duterte thanked leaders for the success of the online ASEAN Summit and "
                 "ASEAN+3 Summit on COVID-19 Response held on April 14.", 2,
                 id="a-body-and-a-wider-forum-named-after-it-are-two"),
    pytest.param("Trump met Taliban leaders at Camp David on Sunday. The second round of talks "
                 "went well.", 1, id="one-round-of-talks-is-the-meeting-told"),
])
def test_clusters(read, text, clusters):
    assert len({m.key for m in meetings(read(text))}) == clusters


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Lula spoke with Gabriel Boric on Tuesday.", "call", id="spoke-with-is-a-call"),
    pytest.param("Lula spoke with Gabriel Boric in Lima on Tuesday.", "meeting",
                 id="spoke-with-somewhere-is-a-meeting"),
    pytest.param("Lula and Gabriel Boric spoke for two hours on Tuesday.", "call",
                 id="spoke-together"),
    pytest.param("Lula had a telephone discussion with Gabriel Boric on Tuesday.", "call",
                 id="telephone-discussion"),
    pytest.param("Lula joined a virtual summit with Gabriel Boric on Tuesday.", "call",
                 id="virtual-summit"),
    pytest.param("Lula joined a summit with Gabriel Boric on Tuesday.", "summit",
                 id="summit-in-person"),
])
def test_kind_of_a_conversation(read, text, kind):
    (meeting,) = meetings(read(text))
    assert meeting.kind == kind


def test_a_comma_restates_only_a_meeting_of_its_own_sentence(read):
    text = ("Petro, Maduro talk in phone call\n\nPetro had hoped to meet Maduro at the UN "
            "General Assembly this week. On Friday the two spoke by phone.")
    found = meetings(read(text))
    in_new_york = {m.text for m in found if m.venue == "UN General Assembly"}
    assert in_new_york == {"meet"}


def test_anaphora_skips_a_weaker_mention_in_between(read):
    text = ("Ministers will convene in Madrid on Thursday. The gathering follows talks in May. "
            "This meeting is the first of its kind.")
    keys = {m.text: m.key for m in meetings(read(text))}
    assert keys["convene"] == keys["The gathering"] == keys["This meeting"] != keys["talks"]


def test_meeting_date_venue_and_group(read):
    text = ("The Nordic Council will meet at the Oslo City Hall on Monday. "
            "The meeting of the Nordic Council will discuss energy.")
    found = meetings(read(text))
    assert {m.date for m in found} == {"Monday"}
    assert len({m.key for m in found}) == 1


@pytest.mark.parametrize(("text", "venue"), [
    pytest.param("At the invitation of Chile, Peru will attend the summit.", None,
                 id="inviter-is-no-place"),
    pytest.param("At the invitation of Chile, Peru will attend the summit in Lima.", "Lima",
                 id="inviter-and-place"),
    pytest.param("President Gabriel Boric met President Lula in Brasilia.", "Brasilia",
                 id="place-hung-on-the-person-met"),
    pytest.param("Boric will travel to Brasilia next week to meet President Lula.", "Brasilia",
                 id="place-of-the-trip-to-meet"),
    pytest.param("Boric headed to Brasilia on Tuesday for talks with Lula.", "Brasilia",
                 id="place-of-the-trip-for-talks"),
    pytest.param("Leaders gathered in Lima on Sunday for a summit.", "Lima",
                 id="place-of-the-gathering-for-a-summit"),
    pytest.param("Peru will attend the Riga summit.", "Riga", id="place-before-the-noun"),
    pytest.param("Peru will attend the Gaza aid conference in Jordan.", "Jordan",
                 id="topic-place-before-and-venue-after"),
    pytest.param("Peru will attend the summit in the Czech capital.", "Prague",
                 id="a-countrys-capital"),
    pytest.param("Peru will attend the summit in Chile's capital.", "Santiago",
                 id="a-countrys-capital-possessive"),
    pytest.param("Boric will meet Lula on Thursday at a hot spring in Nagato.", "Nagato",
                 id="the-town-of-the-place-met-at"),
])
def test_meeting_venue(read, text, venue):
    (meeting,) = meetings(read(text))
    assert meeting.venue == venue


def test_date_in_a_sibling_clause_is_not_the_meetings(read):
    text = "The meeting of the Arctic Council comes after officials visited Oslo last week."
    (meeting,) = meetings(read(text))
    assert meeting.date is None


def test_group_of_a_meeting_attends(triples):
    text = "The meeting of the Arctic Council opens in Oslo on Monday."
    assert ("Arctic Council", "attends", "meeting@Monday", False) in triples(text)


def test_their_first_talks_in_a_lead_are_the_talks_reported(read):
    found = meetings(read("Ishiba and Lee agreed Monday to develop stable relations. During "
                          "their first phone talks, Ishiba and Lee affirmed the importance of "
                          "cooperation. Following Monday's phone meeting, Seoul spoke."))
    assert {m.text: m.key for m in found}["their first phone talks"] == found[-1].key


def test_a_body_named_before_the_noun_is_the_meetings_group(read):
    found = read("On October 13, a meeting of the CIS Heads of State Council was held in "
                 "Bishkek. Mirzoyan declined to attend the CIS Council of Foreign Ministers "
                 "meeting in Bishkek.")
    groups = [m.group for m in meetings(found)]
    assert len(set(groups)) == 2 and groups[-1] == "org:cis council of foreign ministers"


def test_a_body_with_its_acronym_before_the_noun_is_the_meetings_group(read):
    found = read("African leaders will focus on the plan during their 36th Organization of "
                 "African Unity (OAU) summit in Lome.")
    assert [m.group for m in meetings(found)] == ["org:Organization of African Unity"]


def test_the_place_where_a_meeting_was_held_is_its_venue(read):
    found = read("The plan was put to fellow leaders at an extraordinary summit held last "
                 "September in Syrte, Libya.")
    assert [(m.date, m.venue) for m in meetings(found)] == [("last September", "Syrte")]


@pytest.mark.parametrize(("text", "date"), [
    pytest.param("Generals open a two-day meeting in Accra on Thursday.", "Thursday",
                 id="duration-is-not-the-date"),
    pytest.param("Ministers met this week in Lima.", None, id="vague-week"),
    pytest.param("It was a lackluster summit in a year of crises.", None, id="indefinite-year"),
    pytest.param("The summit, delayed for nearly a decade, opened in Doha.", None,
                 id="decade-is-a-length"),
    pytest.param("Delegates met for two years in Doha.", None, id="years-are-a-length"),
    pytest.param("Lena Varga travelled to Vienna for talks with the 85-year-old Austrian leader.",
                 None, id="an-age-is-no-date"),
    pytest.param("Leaders met two months ago in Doha.", "two months ago", id="months-ago"),
    pytest.param("Leaders met a few weeks ago in Doha.", "a few weeks ago", id="weeks-ago"),
    pytest.param("During the video call, Macron agreed to visit Russia, probably before the "
                 "end of the year.", None, id="bound-after-a-determiner"),
    pytest.param("Latvia will host a summit on Thursday, a day after ministers meet in Oslo.",
                 "Thursday", id="own-clause-date"),
    pytest.param("Hasina met Modi in New York and the two leaders are scheduled to meet again "
                 "next Saturday.", None, id="a-joined-clauses-date"),
    pytest.param("On Wednesday, the chair of the bloc called for an emergency summit.", None,
                 id="date-of-the-request"),
    pytest.param("On Tuesday, Kenya proposed a summit of regional leaders.", None,
                 id="date-of-the-proposal"),
    pytest.param("Kenya called a summit for May 3.", "May 3", id="called-a-summit-for"),
    pytest.param("The summit ended in Lima on Monday.", None, id="date-of-the-end"),
    pytest.param("Ahead of today\u2019s summit, the two leaders met in Ottawa.", "today",
                 id="a-day-before-a-curly-possessive"),
])
def test_meeting_dates(read, text, date):
    first = meetings(read(text))[0]
    assert first.date == date


def test_nested_clause_keeps_its_own_date(read):
    text = "Latvia will host a summit on Thursday, a day after ministers meet in Oslo."
    dated = {m.text: m.date for m in meetings(read(text))}
    assert dated["meet"] is None


def test_named_meeting_is_a_meeting_not_a_body(read):
    extraction = read("Indonesia will host leaders at the East Asia Summit on Thursday.")
    assert not [m for m in extraction.mentions if m.type == "organization"]
    assert [m.date for m in meetings(extraction) if "Summit" in m.text] == ["Thursday"]


def test_that_meeting_elsewhere_is_the_meeting_told_there(read):
    text = ("Leaders meet in Moldova on Thursday for the summit. It follows an inaugural "
            "meeting in Prague last October. Peru attended that summit in the Czech capital.")
    attended = {(c.subject.text, c.object.date) for c in read(text).claims
                if c.relation == "attends"}
    assert attended == {("Peru", "last October")}


def test_place_before_the_noun_is_the_venue(read):
    text = "Leaders meet in Riga on Thursday. Estonia's premier attended the Riga gathering."
    venues = {m.text: m.venue for m in meetings(read(text))}
    assert venues["the Riga gathering"] == "Riga"


@pytest.mark.parametrize("text", [
    "Ecuador will skip the Americas summit.",
    "Syria will attend the Middle East peace conference.",
    "Ghana will attend the Africa summit next week.",
    "Iran was not invited to the Mideast conference.",
    "Serbia will attend the Western Balkans summit.",
])
def test_a_part_of_the_world_before_the_noun_is_not_the_venue(read, text):
    assert [m.venue for m in meetings(read(text))] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    ("May 21-22", True), ("21st May", True), ("2012", True), ("next month", True),
    ("a later date", True), ("tomorrow", True), ("8th", False), ("the 8th", False),
    ("Jaish-e-Mohammed", False),
])
def test_names_a_time(text, expected):
    assert names_a_time(text) is expected


def test_a_meeting_named_again_is_the_one_named_not_the_last_told(read):
    text = ("The Blue Pacific Ministers meeting opened in Suva on Monday. Forum leaders will meet "
            "in Tonga in May. The Blue Pacific Ministers meeting adopted a declaration.")
    keys = [m.key for m in meetings(read(text))]
    assert len(set(keys)) == 2 and keys[0] == keys[2]


def test_talks_told_at_a_summit_are_the_summit_not_a_meeting_told_later(read):
    text = ("A summit of Lula and Gabriel Boric opened in Lima on Monday. The first round of "
            "talks ended. In a second round, Lula and Boric wanted to meet with their "
            "delegations.")
    keys = {m.text: m.key for m in meetings(read(text))}
    assert keys["talks"] == keys["A summit"]


def test_discussions_someone_held_before_are_not_the_meeting_in_focus(read):
    text = ("Defence ministers will meet at NATO headquarters on Thursday. Following the visit "
            "of British delegates to Kyiv, who held discussions with Ukrainian President "
            "Volodymyr Zelenskyy, this meeting has been scheduled.")
    attendees = {c.subject.text for c in read(text).claims if c.relation == "attends"}
    assert "Volodymyr Zelenskyy" not in attendees
