"""Meeting detection and within-article resolution."""

from __future__ import annotations

import pytest


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
])
def test_clusters(read, text, clusters):
    assert len({m.key for m in meetings(read(text))}) == clusters


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


def test_date_in_a_sibling_clause_is_not_the_meetings(read):
    text = "The meeting of the Arctic Council comes after officials visited Oslo last week."
    (meeting,) = meetings(read(text))
    assert meeting.date is None


def test_group_of_a_meeting_attends(triples):
    text = "The meeting of the Arctic Council opens in Oslo on Monday."
    assert ("Arctic Council", "attends", "meeting@Monday", False) in triples(text)
