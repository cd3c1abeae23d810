"""``graphbuild.resolve``: hand-written extractions in, entities out (no spaCy model).

Every article here is made up with the ``story`` factory from ``conftest.py``;
the names are invented so that the tests pin the rules, not the sample corpus.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graphbuild.errors import AliasFileError
from graphbuild.names import normalise_name
from graphbuild.resolve import AliasRules, load_alias_rules, resolve
from graphbuild.types import Entity, Mention, Resolution

if TYPE_CHECKING:
    from conftest import Story

    StoryFactory = type[Story]


def run(*stories: Story, rules: AliasRules | None = None) -> Resolution:
    return resolve([s.extraction() for s in stories], rules=rules,
                   articles=[s.article() for s in stories])


def entity(resolution: Resolution, mention: Mention) -> Entity:
    """The entity a mention resolved to."""
    by_id = {e.id: e for e in resolution.entities}
    return by_id[resolution.entity_of[mention]]


def ids(resolution: Resolution, kind: str) -> list[str]:
    return [e.id for e in resolution.entities if e.type == kind]


def assert_every_alias_explained(resolution: Resolution) -> None:
    """Each name of each node but its label has a decision on that node."""
    explained = {(normalise_name(d.alias), d.entity_id) for d in resolution.decisions}
    for e in resolution.entities:
        unexplained = {a for a in e.aliases if normalise_name(a) != normalise_name(e.label)
                       and (normalise_name(a), e.id) not in explained}
        assert not unexplained, (e.id, unexplained)


def _one_story(*articles: Story) -> None:
    """Give the articles the same three countries, so that they tell one story."""
    for article in articles:
        for name, code in (("Sweden", "SWE"), ("Denmark", "DNK"), ("Finland", "FIN")):
            article.country(name, code)


def reasons(resolution: Resolution) -> dict[str, str]:
    return {d.alias: d.reason for d in resolution.decisions}


# -- people ------------------------------------------------------------------


def test_surname_joins_the_full_name_in_the_same_article(story: StoryFactory) -> None:
    a1 = story("a1")
    full, surname = a1.person("Marta Lindqvist"), a1.person("Lindqvist")
    resolution = run(a1)

    assert entity(resolution, surname) == entity(resolution, full)
    assert entity(resolution, full).id == "person:marta-lindqvist"
    assert entity(resolution, full).label == "Marta Lindqvist"
    assert entity(resolution, full).aliases == ("Lindqvist", "Marta Lindqvist")
    assert "same article a1" in reasons(resolution)["Lindqvist"]


def test_surname_joins_the_only_full_name_in_the_corpus(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    full, surname = a1.person("Marta Lindqvist"), a2.person("Lindqvist")
    resolution = run(a1, a2)

    assert resolution.entity_of[surname] == resolution.entity_of[full] == "person:marta-lindqvist"
    assert entity(resolution, full).documents == ("a1", "a2")
    assert reasons(resolution)["Lindqvist"] == "only full name with this surname in the corpus"


def test_surname_of_two_full_names_stays_apart(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    marta, erik, surname = a1.person("Marta Lindqvist"), a2.person("Erik Lindqvist"), \
        a3.person("Lindqvist")
    resolution = run(a1, a2, a3)

    assert len({resolution.entity_of[m] for m in (marta, erik, surname)}) == 3
    assert entity(resolution, surname).label == "Lindqvist"


def test_surname_in_an_article_prefers_that_article_full_name(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    marta = a1.person("Marta Lindqvist")
    erik, surname = a2.person("Erik Lindqvist"), a2.person("Lindqvist")
    resolution = run(a1, a2)

    assert resolution.entity_of[surname] == resolution.entity_of[erik] != \
        resolution.entity_of[marta]


@pytest.mark.parametrize(("first", "second", "merged"), [
    pytest.param("Olena Kovalenko", "Olena Kowalenko", True, id="same-first-name"),
    pytest.param("Olena Kovalenko", "Petro Kowalenko", False, id="other-first-name"),
    pytest.param("Olena Kovalenko", "Olena Karpenko", False, id="other-surname"),
])
def test_spelling_variants_merge_only_with_the_same_first_name(
        story: StoryFactory, first: str, second: str, merged: bool) -> None:
    a1, a2 = story("a1"), story("a2")
    one, two = a1.person(first), a2.person(second)
    resolution = run(a1, a2)

    assert (resolution.entity_of[one] == resolution.entity_of[two]) is merged
    if merged:
        assert entity(resolution, one).aliases == ("Olena Kovalenko", "Olena Kowalenko")
        assert "spelling variant" in reasons(resolution)[second]


@pytest.mark.parametrize(("names", "merged"), [
    pytest.param(("Yusuf Raza Gilani", "Yousuf Raza Gilani"), True, id="first-name-variant"),
    pytest.param(("Hasan Petrenko", "Hassan Petrenko"), True,
                 id="one-word-surname-of-these-two-only"),
    pytest.param(("Hasan Petrenko", "Hassan Petrenko", "Hussein Petrenko"), False,
                 id="one-word-surname-of-three"),
    pytest.param(("Olena Raza Gilani", "Yousuf Raza Gilani"), False, id="other-first-name"),
])
def test_first_name_variants_before_the_same_surname_merge(
        story: StoryFactory, names: tuple[str, ...], merged: bool) -> None:
    articles = [story(f"a{i}") for i in range(len(names))]
    people = [article.person(name) for article, name in zip(articles, names, strict=True)]
    resolution = run(*articles)

    assert (resolution.entity_of[people[0]] == resolution.entity_of[people[1]]) is merged


def test_a_surname_without_its_accents_joins_the_full_name(story: StoryFactory) -> None:
    a1 = story("a1")
    full, bare = a1.person("Hugo Chávez"), a1.person("Chavez")
    resolution = run(a1)

    assert resolution.entity_of[bare] == resolution.entity_of[full]


def test_surname_variant_joins_the_only_close_full_name(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    full, variant = a1.person("Olena Kovalenko"), a2.person("Kowalenko")
    resolution = run(a1, a2)

    assert resolution.entity_of[variant] == resolution.entity_of[full]


def test_middle_names_left_out_and_titles_are_one_person(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    full = a1.person("Walter K. Brandt")
    shorter = a2.person("Walter Brandt")
    bare = a3.person("Brandt")
    titled = a3.mention("President Brandt", "person", "person:Brandt")
    resolution = run(a1, a2, a3)

    assert {resolution.entity_of[m] for m in (full, shorter, bare, titled)} == {
        "person:walter-k-brandt"}
    assert reasons(resolution)["Walter Brandt"] == "Walter K. Brandt without a middle name"


def test_two_people_of_one_surname_leave_the_bare_surname_apart(story: StoryFactory) -> None:
    a1, a2, a3, a4 = story("a1"), story("a2"), story("a3"), story("a4")
    elder, younger = a1.person("Walter A. K. Brandt"), a2.person("Walter K. Brandt")
    shorter = a3.person("Walter Brandt")
    bare = a3.person("Brandt")
    both = [a4.person("Walter A. K. Brandt"), a4.person("Walter K. Brandt")]
    bare_beside_both = a4.person("Brandt")
    resolution = run(a1, a2, a3, a4)

    assert resolution.entity_of[elder] != resolution.entity_of[younger]
    assert resolution.entity_of[both[0]] == resolution.entity_of[elder]
    nodes = {resolution.entity_of[elder], resolution.entity_of[younger]}
    for ambiguous in (shorter, bare, bare_beside_both):
        assert resolution.entity_of[ambiguous] not in nodes


def test_the_full_name_of_its_own_article_takes_the_bare_surname(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    elder = a1.person("Walter A. K. Brandt")
    bare = a1.person("Brandt")
    a2.person("Walter K. Brandt")
    resolution = run(a1, a2)

    assert resolution.entity_of[bare] == resolution.entity_of[elder]


def test_a_surname_the_news_uses_alone_names_that_public_figure(story: StoryFactory) -> None:
    # people.json: "Trump" and "Trudeau" alone are Donald Trump and Justin Trudeau.
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    donald, ivanka = a1.person("Donald Trump"), a2.person("Ivanka Trump")
    bare_trump = a3.person("Trump")
    justin, pierre = a1.person("Justin Trudeau"), a1.person("Pierre Trudeau")
    bare_trudeau = a1.person("Trudeau")
    resolution = run(a1, a2, a3)

    assert resolution.entity_of[bare_trump] == resolution.entity_of[donald]
    assert resolution.entity_of[bare_trump] != resolution.entity_of[ivanka]
    assert resolution.entity_of[bare_trudeau] == resolution.entity_of[justin]
    assert resolution.entity_of[bare_trudeau] != resolution.entity_of[pierre]


def test_a_family_name_of_two_words_joins_the_only_longer_name_it_ends(
        story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    full, family = a1.person("Enrique Peña Nieto"), a2.person("Peña Nieto")
    family_again = a2.person("Peña Nieto")
    prince, bin_name = a1.person("Mohammed bin Salman"), a2.person("bin Salman")
    resolution = run(a1, a2)

    assert resolution.entity_of[family] == resolution.entity_of[full]
    assert resolution.entity_of[bin_name] == resolution.entity_of[prince]
    assert resolution.entity_of[family_again] == resolution.entity_of[full]
    assert reasons(resolution)["Peña Nieto"] == \
        "family name of Enrique Peña Nieto (the only longer name it ends)"
    assert_every_alias_explained(resolution)


def test_a_family_name_two_longer_names_end_stays_apart(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    enrique, carlos = a1.person("Enrique Peña Nieto"), a1.person("Carlos Peña Nieto")
    family = a2.person("Peña Nieto")
    resolution = run(a1, a2)

    assert resolution.entity_of[family] not in {resolution.entity_of[enrique],
                                                resolution.entity_of[carlos]}


def test_an_honorific_of_the_other_sex_does_not_join_a_person(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    full = a1.person("Anders Lindqvist")
    for _ in range(3):  # what most honorifics say of him wins
        a1.write("Mr")
        mister = a1.person("Lindqvist")
    missus = a1.mention("Mrs Lindqvist", "person", "person:Lindqvist")
    a2.write("Mrs.")
    later = a2.person("Lindqvist")
    resolution = run(a1, a2)

    assert resolution.entity_of[mister] == resolution.entity_of[full]
    assert resolution.entity_of[missus] == resolution.entity_of[later] == "person:mrs-lindqvist"
    assert entity(resolution, missus).label == "Mrs Lindqvist"
    assert resolution.entity_of[missus] != resolution.entity_of[full]
    assert reasons(resolution)["Mrs Lindqvist"] == (
        '"Mrs" says another sex than the honorifics of Anders Lindqvist')
    assert_every_alias_explained(resolution)


def test_an_honorific_joins_a_person_of_whom_no_other_sex_is_said(
        story: StoryFactory) -> None:
    a1 = story("a1")
    full, missus = a1.person("Marta Lindqvist"), a1.person("Lindqvist")
    a1.mention("Mrs Lindqvist", "person", "person:Lindqvist")
    resolution = run(a1)

    assert resolution.entity_of[missus] == resolution.entity_of[full]


# -- countries and organisations -----------------------------------------------


def test_gazetteer_countries_resolve_by_key(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    mentions = [a1.country("UK", "GBR"), a2.country("Britain", "GBR"),
                a3.country("British", "GBR")]
    resolution = run(a1, a2, a3)

    assert resolution.entities == (Entity(
        "country:united-kingdom", "United Kingdom", "country", ("Britain", "British", "UK"),
        3, ("a1", "a2", "a3")),)
    assert {resolution.entity_of[m] for m in mentions} == {"country:united-kingdom"}


def test_different_countries_stay_apart(story: StoryFactory) -> None:
    a1 = story("a1")
    a1.country("Poland", "POL")
    a1.country("Greece", "GRC")

    assert ids(run(a1), "country") == ["country:greece", "country:poland"]


def test_alias_link_merges_organisations(story: StoryFactory) -> None:
    a1 = story("a1")
    group = a1.org("Baltic Supply Forum")
    nickname = a1.org("Riga group")
    a1.link(group, nickname, 'alias cue "known as"')
    resolution = run(a1)

    assert resolution.entity_of[nickname] == resolution.entity_of[group]
    assert entity(resolution, group).aliases == ("Baltic Supply Forum", "Riga group")
    assert reasons(resolution)["Riga group"] == 'alias cue "known as"'


def test_alias_link_merges_across_articles_through_the_keys(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    group, nickname = a1.org("Baltic Supply Forum"), a1.org("Riga group")
    a1.link(group, nickname, "apposition")
    later = a2.org("Riga group")
    resolution = run(a1, a2)

    assert resolution.entity_of[later] == resolution.entity_of[group]


@pytest.mark.parametrize(("first", "second", "merged"), [
    pytest.param("Volunteers Alliance", "Alliance of Volunteers", True, id="reordered"),
    pytest.param("the Alliance of Volunteers", "Volunteers' Alliance", True, id="possessive"),
    pytest.param("Volunteers Alliance", "Alliance of Mayors", False, id="other-words"),
    pytest.param("Alliance", "the Alliance of Volunteers", False, id="one-word"),
])
def test_same_words_in_another_order_merge(story: StoryFactory, first: str, second: str,
                                           merged: bool) -> None:
    a1, a2 = story("a1"), story("a2")
    one, two = a1.org(first), a2.org(second)
    resolution = run(a1, a2)

    assert (resolution.entity_of[one] == resolution.entity_of[two]) is merged


def test_a_party_never_merges_into_another_party(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    harbour = a1.org("the Harbour Party")
    meadow = a2.org("Meadow Party")
    # The same words read as each party in its own article ("the only party") ...
    a1.org("the only party", "org:the harbour party")
    a2.org("the only party", "org:meadow party")
    # ... a bare "Party" short for each ...
    short_one, short_two = a1.org("Party"), a2.org("Party")
    # ... and even text evidence does not make two parties one.
    a3.link(a3.org("Meadow Party"), a3.org("Harbour Party"), "apposition")
    resolution = run(a1, a2, a3)

    assert resolution.entity_of[harbour] != resolution.entity_of[meadow]
    assert resolution.entity_of[short_one] == resolution.entity_of[harbour]
    assert resolution.entity_of[short_two] == resolution.entity_of[meadow]
    assert_every_alias_explained(resolution)


def test_one_party_written_two_ways_is_one_node(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    party, lower = a1.org("the Harbour Party"), a2.org("Harbour party")
    short = a2.org("Harbour")
    resolution = run(a1, a2, rules=AliasRules(merge=(("Harbour Party", "Meadow Party"),)))

    assert resolution.entity_of[party] == resolution.entity_of[lower]
    assert resolution.entity_of[short] == resolution.entity_of[party]


def test_the_alias_file_may_merge_two_parties(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    harbour, meadow = a1.org("Harbour Party"), a2.org("Meadow Party")
    resolution = run(a1, a2, rules=AliasRules(merge=(("Harbour Party", "Meadow Party"),)))

    assert resolution.entity_of[harbour] == resolution.entity_of[meadow]


def test_gazetteer_bodies_do_not_merge_by_their_words(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    union = a1.org("European Union", "org:European Union")
    other = a2.org("Union of European Federalists")
    resolution = run(a1, a2)

    assert resolution.entity_of[union] != resolution.entity_of[other]
    assert entity(resolution, union).id == "organization:european-union"


def test_a_gazetteer_body_is_no_short_form_of_another(story: StoryFactory) -> None:
    a1 = story("a1")
    council = a1.org("UN Security Council", "org:UN Security Council")
    nations = a1.org("UN", "org:United Nations")
    resolution = run(a1)

    assert resolution.entity_of[council] != resolution.entity_of[nations]


def test_a_short_form_joins_the_longer_name_of_its_article(story: StoryFactory) -> None:
    a1 = story("a1")
    longer = a1.org("Nordic Harbour Council")
    short = a1.org("the Council")
    resolution = run(a1)

    assert resolution.entity_of[short] == resolution.entity_of[longer]


def test_anaphor_resolves_to_the_only_coalition(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    named = a1.org("Coalition of the Resolute")
    anaphor = a2.org("the coalition", "anaphor:coalition")
    resolution = run(a1, a2)

    assert resolution.entity_of[anaphor] == resolution.entity_of[named]
    # the anaphor is a mention of the group, not one of its names
    assert entity(resolution, named).aliases == ("Coalition of the Resolute",)
    assert entity(resolution, named).mentions == 2
    assert reasons(resolution)["the coalition"] == 'only group called "coalition" in the corpus'


def test_anaphor_with_two_coalitions_stays_unresolved(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    a1.org("Coalition of the Resolute")
    a2.org("Northern Coalition")
    anaphor = a3.org("the coalition", "anaphor:coalition")
    resolution = run(a1, a2, a3)

    assert anaphor not in resolution.entity_of
    assert ids(resolution, "organization") == ["organization:coalition-of-the-resolute",
                                               "organization:northern-coalition"]


# -- meetings ------------------------------------------------------------------


def test_meetings_with_the_same_kind_date_and_a_participant_merge(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    a1.claim(a1.country("Norway", "NOR"), "hosts", first := a1.meeting("Thursday"))
    a2.claim(a2.country("Norwegian", "NOR"), "attends", second := a2.meeting("Thursday"))
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]
    meeting = entity(resolution, first)
    assert (meeting.type, meeting.date, meeting.documents) == ("meeting", "Thursday",
                                                               ("a1", "a2"))
    assert meeting.label == "Meeting hosted by Norway (Thursday)"
    assert reasons(resolution)["a2#meeting-0"] == (
        "same date (Thursday) with a shared group or participant; joined to a1#meeting-0")


@pytest.mark.parametrize("venue", [
    pytest.param(None, id="no-venue"),
    pytest.param("London", id="same-venue"),
])
def test_tuesday_meetings_without_a_shared_participant_stay_apart(
        story: StoryFactory, venue: str | None) -> None:
    a1, a2 = story("a1"), story("a2")
    a1.claim(a1.country("Norway", "NOR"), "attends", first := a1.meeting("Tuesday", venue=venue))
    a2.claim(a2.country("Chile", "CHL"), "attends", second := a2.meeting("Tuesday", venue=venue))
    resolution = run(a1, a2)

    assert resolution.entity_of[first] != resolution.entity_of[second]
    assert len(ids(resolution, "meeting")) == 2


@pytest.mark.parametrize(("first_fields", "second_fields"), [
    pytest.param({"date": "Tuesday"}, {"date": "Wednesday"}, id="other-date"),
    pytest.param({"date": "Tuesday"}, {"date": "Thursday", "kind": "summit"}, id="other-kind"),
])
def test_meetings_on_other_days_stay_apart(
        story: StoryFactory, first_fields: dict[str, str], second_fields: dict[str, str]) -> None:
    a1, a2 = story("a1"), story("a2")
    norway = a1.country("Norway", "NOR")
    a1.claim(norway, "attends", first := a1.meeting(**first_fields))  # type: ignore[arg-type]
    norway2 = a2.country("Norway", "NOR")
    a2.claim(norway2, "attends", second := a2.meeting(**second_fields))  # type: ignore[arg-type]
    resolution = run(a1, a2)

    assert resolution.entity_of[first] != resolution.entity_of[second]


def test_one_outlets_gathering_is_anothers_summit_when_the_people_match(
        story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    for article in (a1, a2):  # two outlets on one story: they name the same countries
        for name, code in (("Sweden", "SWE"), ("Denmark", "DNK"), ("Finland", "FIN")):
            article.country(name, code)
    a1.claim(a1.country("Norway", "NOR"), "hosts", first := a1.meeting("Tuesday"))
    a2.claim(a2.country("Norway", "NOR"), "hosts",
             second := a2.meeting("Tuesday", kind="summit"))
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]


@pytest.mark.parametrize(("second_venue", "one_story", "merged"), [
    pytest.param(None, True, True, id="one-story"),
    pytest.param("Lisbon", True, False, id="other-place"),
    pytest.param(None, False, False, id="other-stories"),
])
def test_the_meeting_two_articles_on_one_story_are_about_is_one_meeting(
        story: StoryFactory, second_venue: str | None, one_story: bool, merged: bool) -> None:
    a1, a2 = story("a1"), story("a2")
    if one_story:
        _one_story(a1, a2)
    first = a1.meeting("Thursday", text="the summit", kind="summit", venue="Oslo")
    a1.mention("the summit", "meeting", first.key, date="Thursday", venue="Oslo",
               kind="summit")
    a1.claim(a1.country("Norway", "NOR"), "hosts", first)
    second = a2.meeting("March 31", venue=second_venue)
    a2.mention("the meeting", "meeting", second.key, date="March 31", venue=second_venue)
    a2.claim(a2.country("Norway", "NOR"), "attends", second)
    resolution = run(a1, a2)

    assert (resolution.entity_of[first] == resolution.entity_of[second]) is merged


def test_central_meetings_in_a_city_and_in_its_country_are_compared(
        story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    _one_story(a1, a2)
    first = a1.meeting("next month", text="a conference", venue="Oslo")
    a1.mention("the conference", "meeting", first.key, date="next month", venue="Oslo")
    a1.claim(a1.country("Iceland", "ISL"), "attends", first)
    second = a2.meeting("next week", venue="Norway")
    a2.mention("the meeting", "meeting", second.key, date="next week", venue="Norway")
    a2.claim(a2.country("Estonia", "EST"), "attends", second)
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]


def test_central_meetings_of_one_body_at_one_place_merge_without_a_shared_story(
        story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    sco1, sco2 = a1.org("SCO", "org:SCO"), a2.org("SCO", "org:SCO")
    first = a1.meeting(None, text="the SCO meeting", venue="Islamabad", group=sco1.key)
    a1.mention("the meeting", "meeting", first.key, venue="Islamabad", group=sco1.key)
    a1.claim(a1.country("India", "IND"), "attends", first)
    second = a2.meeting(None, text="the SCO summit", kind="summit", venue="Pakistan",
                        group=sco2.key)
    a2.mention("the summit", "meeting", second.key, kind="summit", venue="Pakistan",
               group=sco2.key)
    a2.claim(a2.country("Iran", "IRN"), "attends", second)
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]


def test_central_summits_of_one_story_with_no_party_in_common_are_compared(
        story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    _one_story(a1, a2)
    first = a1.meeting(None, text="a summit", kind="summit")
    a1.mention("the summit", "meeting", first.key, kind="summit")
    a1.claim(a1.country("Iceland", "ISL"), "attends", first)
    second = a2.meeting(None, text="the peace summit", kind="summit")
    a2.mention("the summit", "meeting", second.key, kind="summit")
    a2.claim(a2.country("Estonia", "EST"), "attends", second, negated=True)
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]


def test_meetings_of_one_article_do_not_merge(story: StoryFactory) -> None:
    a1 = story("a1")
    norway = a1.country("Norway", "NOR")
    a1.claim(norway, "attends", first := a1.meeting("Tuesday"))
    a1.claim(norway, "hosts", second := a1.meeting("Tuesday", kind="meeting"))
    resolution = run(a1)

    assert resolution.entity_of[first] != resolution.entity_of[second]


def test_meeting_of_a_group_is_named_after_the_group(story: StoryFactory) -> None:
    a1 = story("a1")
    forum = a1.org("Baltic Supply Forum")
    a1.claim(forum, "attends", meeting := a1.meeting(
        "Friday", venue="Tallinn", group="org:baltic supply forum"))
    resolution = run(a1)

    assert entity(resolution, meeting).label == "Baltic Supply Forum meeting (Tallinn, Friday)"
    assert entity(resolution, meeting).venue == "Tallinn"


def test_meetings_without_claims_are_pruned(story: StoryFactory) -> None:
    a1 = story("a1")
    norway = a1.country("Norway", "NOR")
    a1.claim(norway, "attends", kept := a1.meeting("Monday"))
    idle = a1.meeting("Friday", text="a later meeting")
    resolution = run(a1)

    assert idle not in resolution.entity_of
    assert ids(resolution, "meeting") == [resolution.entity_of[kept]]
    # entities of other types are kept with or without claims
    assert "country:norway" in ids(resolution, "country")


# -- user alias rules ------------------------------------------------------------


def test_alias_rules_merge_names(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    forum, nickname = a1.org("Baltic Supply Forum"), a2.org("Riga group")
    rules = AliasRules(merge=(("Riga group", "the Baltic Supply Forum"),))

    without = run(a1, a2)
    assert without.entity_of[forum] != without.entity_of[nickname]
    resolution = run(a1, a2, rules=rules)
    assert resolution.entity_of[forum] == resolution.entity_of[nickname]
    assert "user alias file" in {d.reason for d in resolution.decisions}


@pytest.mark.parametrize("forbid", [
    pytest.param(("Olena Kovalenko", "Olena Kowalenko"), id="in-order"),
    pytest.param(("olena kowalenko", "Olena Kovalenko"), id="reversed-and-lowercase"),
])
def test_alias_rules_forbid_a_merge(story: StoryFactory, forbid: tuple[str, str]) -> None:
    a1, a2 = story("a1"), story("a2")
    one, two = a1.person("Olena Kovalenko"), a2.person("Olena Kowalenko")
    resolution = run(a1, a2, rules=AliasRules(forbid=(forbid,)))

    assert resolution.entity_of[one] != resolution.entity_of[two]
    assert not resolution.decisions


def test_alias_names_that_match_nothing_are_reported(story: StoryFactory,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    a1 = story("a1")
    a1.org("Baltic Supply Forum")
    rules = AliasRules(merge=(("Baltic Supply Forum", "Baltic Supply Frum"),),
                       forbid=(("Atlantis", "Baltic Supply Forum"),))
    run(a1, rules=rules)

    assert sorted(r.getMessage() for r in caplog.records if r.levelname == "WARNING") == [
        'alias file: no entity in the corpus is called "Atlantis"',
        'alias file: no entity in the corpus is called "Baltic Supply Frum"']


def test_alias_rules_forbid_an_alias_link(story: StoryFactory) -> None:
    a1 = story("a1")
    forum, nickname = a1.org("Baltic Supply Forum"), a1.org("Riga group")
    a1.link(forum, nickname, "apposition")
    resolution = run(a1, rules=AliasRules(forbid=(("Riga group", "Baltic Supply Forum"),)))

    assert resolution.entity_of[forum] != resolution.entity_of[nickname]


def test_alias_rules_forbid_a_capital_standing_for_its_country(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    capital, country = a1.country("Kyiv", "UKR"), a1.country("Ukraine", "UKR")
    city = a2.mention("Kyiv", "location", "location:Kyiv")
    demonym = a2.country("Ukrainian", "UKR")
    resolution = run(a1, a2, rules=AliasRules(forbid=(("Kyiv", "Ukraine"),)))

    assert resolution.entity_of[capital] == resolution.entity_of[city] == "location:kyiv"
    assert entity(resolution, capital).type == "location"
    assert resolution.entity_of[demonym] == resolution.entity_of[country] == "country:ukraine"
    assert not [d for d in resolution.decisions if d.alias == "Kyiv"]
    assert run(a1, a2).entity_of[capital] == "country:ukraine"


def test_alias_rules_forbid_a_gazetteer_name(story: StoryFactory) -> None:
    a1 = story("a1")
    britain, kingdom = a1.country("Britain", "GBR"), a1.country("United Kingdom", "GBR")
    resolution = run(a1, rules=AliasRules(forbid=(("United Kingdom", "Britain"),)))

    assert resolution.entity_of[britain] == "country:britain"
    assert resolution.entity_of[kingdom] == "country:united-kingdom"


def test_alias_rules_forbid_two_meetings_to_merge(story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    first = a1.meeting("Thursday")
    a1.claim(a1.country("Norway", "NOR"), "hosts", first)
    second = a2.meeting("Thursday")
    a2.claim(a2.country("Norway", "NOR"), "attends", second)
    third = a3.meeting("Thursday")
    a3.claim(a3.country("Norway", "NOR"), "attends", third)
    merged = run(a1, a2, a3)
    assert merged.entity_of[first] == merged.entity_of[second] == merged.entity_of[third]

    resolution = run(a1, a2, a3, rules=AliasRules(forbid=(("a3#meeting-0", "a1#meeting-0"),)))
    assert resolution.entity_of[first] == resolution.entity_of[second]
    assert resolution.entity_of[third] != resolution.entity_of[first]
    assert_every_alias_explained(resolution)


def test_alias_rules_naming_a_meeting_no_article_has_stop(story: StoryFactory) -> None:
    a1 = story("a1")
    a1.claim(a1.country("Norway", "NOR"), "hosts", a1.meeting("Thursday"))

    with pytest.raises(AliasFileError) as caught:
        run(a1, rules=AliasRules(forbid=(("a1#meeting-0", "a9#meeting-3"),)))
    assert str(caught.value) == (
        'Alias file: no meeting "a9#meeting-3" in this corpus. A meeting is named by its id '
        'as aliases.json shows it, such as "a1#meeting-0"')


def test_load_alias_rules(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"merge": [["Riga group", "Baltic Supply Forum", "BSF"]],
                                "forbid": [["Georgia", "Georgia (US state)"]]}))

    assert load_alias_rules(path) == AliasRules(
        merge=(("Riga group", "Baltic Supply Forum", "BSF"),),
        forbid=(("Georgia", "Georgia (US state)"),))
    path.write_text("{}")
    assert load_alias_rules(str(path)) == AliasRules()


@pytest.mark.parametrize("content", [
    pytest.param("{not json", id="not-json"),
    pytest.param('["Riga group", "BSF"]', id="list-not-object"),
    pytest.param('{"merge": 3}', id="merge-not-a-list"),
    pytest.param('{"forbid": [["Georgia"]]}', id="forbid-not-pairs"),
    pytest.param('{"merges": [["Riga group", "BSF"]]}', id="misspelt-key"),
    pytest.param("[" * 1_000_000 + "]" * 1_000_000, id="nested-too-deep"),
    pytest.param('{"merge": [["Georgia", "Sakartvelo"]], "forbid": [["sakartvelo", "Georgia"]]}',
                 id="merged-and-forbidden"),
    pytest.param(None, id="missing-file"),
    pytest.param('{"forbid": [["a1#meeting-0", "Kyiv"]]}', id="meeting-with-a-name"),
    pytest.param('{"merge": [["a1#meeting-0", "a2#meeting-0"]]}', id="merged-meetings"),
])
def test_load_alias_rules_rejects_a_bad_file(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "aliases.json"
    if content is not None:
        path.write_text(content)

    with pytest.raises(AliasFileError) as caught:
        load_alias_rules(path)
    message = str(caught.value)
    assert message.startswith(f"Cannot read alias file {path}: ")
    assert 'Expected JSON like {"merge": [["Zelensky", "Zelenskyy"]]' in message
    assert "\n" not in message


# -- decisions -------------------------------------------------------------------


def test_every_merge_records_a_reason(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    a1.person("Marta Lindqvist")
    a1.person("Lindqvist")
    a2.person("Olena Kovalenko")
    a1.person("Olena Kowalenko")
    forum, nickname = a1.org("Baltic Supply Forum"), a1.org("Riga group")
    a1.link(forum, nickname, "apposition")
    a1.org("Volunteers Alliance")
    a2.org("Alliance of Volunteers")
    a1.claim(a1.country("Norway", "NOR"), "hosts", a1.meeting("Thursday"))
    a2.claim(a2.country("Norway", "NOR"), "attends", a2.meeting("Thursday"))
    resolution = run(a1, a2)

    assert {(d.alias, d.entity_id) for d in resolution.decisions} == {
        ("Lindqvist", "person:marta-lindqvist"),
        ("Olena Kowalenko", "person:olena-kowalenko"),
        ("Olena Kovalenko", "person:olena-kowalenko"),
        ("Riga group", "organization:baltic-supply-forum"),
        ("Alliance of Volunteers", "organization:alliance-of-volunteers"),
        ("Volunteers Alliance", "organization:alliance-of-volunteers"),
        ("a2#meeting-0", "meeting:meeting-hosted-by-norway-thursday"),
        ("the meeting", "meeting:meeting-hosted-by-norway-thursday"),
    }
    assert all(d.reason.strip() for d in resolution.decisions)
    assert_every_alias_explained(resolution)


def test_resolution_is_deterministic(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    a1.person("Marta Lindqvist")
    a2.person("Lindqvist")
    a1.claim(a1.country("Norway", "NOR"), "hosts", a1.meeting("Thursday"))
    a2.claim(a2.country("Norway", "NOR"), "attends", a2.meeting("Thursday"))
    forward = run(a1, a2)
    backward = run(a2, a1)

    assert forward.entities == backward.entities
    assert forward.entity_of == backward.entity_of


def test_undated_meeting_joins_the_one_dated_meeting_it_shares_a_participant_with(
        story: StoryFactory) -> None:
    a1, a2, a3 = story("a1"), story("a2"), story("a3")
    a1.claim(a1.country("Norway", "NOR"), "hosts", dated := a1.meeting("Thursday"))
    a2.claim(a2.country("Chile", "CHL"), "hosts", a2.meeting("Friday"))
    a3.claim(a3.country("Norway", "NOR"), "attends", undated := a3.meeting(None))
    resolution = run(a1, a2, a3)

    assert resolution.entity_of[undated] == resolution.entity_of[dated]
    assert len(ids(resolution, "meeting")) == 2
    assert reasons(resolution)["a3#meeting-0"] == (
        "undated meeting sharing participants with one dated meeting; joined to a1#meeting-0")


# -- bugs found while writing these tests ---------------------------------------


def test_alias_rules_forbid_a_surname_joining_a_full_name(story: StoryFactory) -> None:
    a1 = story("a1")
    full, surname = a1.person("Marta Lindqvist"), a1.person("Lindqvist")
    resolution = run(a1, rules=AliasRules(forbid=(("Lindqvist", "Marta Lindqvist"),)))

    assert resolution.entity_of[full] != resolution.entity_of[surname]


def test_decisions_name_the_node_they_merged_into(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    a1.person("Marta Lindqvist")
    a1.person("Lindqvist")
    a1.claim(a1.country("Norway", "NOR"), "hosts", a1.meeting("Thursday"))
    a2.claim(a2.country("Norway", "NOR"), "attends", a2.meeting("Thursday"))
    resolution = run(a1, a2)

    node_ids = {e.id for e in resolution.entities}
    assert resolution.decisions
    assert {d.entity_id for d in resolution.decisions} <= node_ids


def test_meeting_whose_claims_all_drop_is_pruned(story: StoryFactory) -> None:
    a1 = story("a1")
    anaphor = a1.org("the coalition", "anaphor:coalition")
    a1.claim(anaphor, "attends", meeting := a1.meeting("Monday"))
    resolution = run(a1)

    assert anaphor not in resolution.entity_of
    assert meeting not in resolution.entity_of


def test_first_name_alone_joins_the_only_full_name_with_it(story: StoryFactory) -> None:
    a1 = story("a1")
    full, alone = a1.person("Dewi Kartika Sari"), a1.person("Dewi")
    resolution = run(a1)

    assert resolution.entity_of[full] == resolution.entity_of[alone]


def test_split_surname_is_one_name(story: StoryFactory) -> None:
    a1, a2 = story("a1"), story("a2")
    first, second = a1.person("Dewi Kartika Sari"), a2.person("Dewi Kartikasari")
    resolution = run(a1, a2)

    assert resolution.entity_of[first] == resolution.entity_of[second]


def test_gazetteer_merges_are_recorded_with_how_the_name_stands(story: StoryFactory) -> None:
    a1 = story("a1")
    for text in ("United Kingdom", "Britain", "British", "UK"):
        a1.country(text, "GBR")
    a1.country("Kyiv", "UKR")
    a1.country("Ukraine", "UKR")
    a1.country("the country", "UKR")  # an anaphor: not the gazetteer's doing
    resolution = run(a1)

    gazetteer = {(d.alias, d.entity_id, d.reason) for d in resolution.decisions
                 if d.reason.startswith("gazetteer")}
    assert gazetteer == {
        ("Britain", "country:united-kingdom", "gazetteer: a name of United Kingdom"),
        ("UK", "country:united-kingdom", "gazetteer: a name of United Kingdom"),
        ("British", "country:united-kingdom", "gazetteer: the demonym of United Kingdom"),
        ("Kyiv", "country:ukraine", "gazetteer: the capital, standing for Ukraine"),
    }


def test_close_full_names_are_those_a_surname_scores_with_one_by_one() -> None:
    # The block-wise comparison finds what comparing each surname with every full name's
    # surname found, across more surnames than one block holds.
    import random

    from rapidfuzz import fuzz, process

    from graphbuild.resolve import people

    rng = random.Random(7)
    letters = "aeilnorst"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(2, 11))).title()

    names = sorted({f"{word()} {word()}" for _ in range(400)} | {"Ann Osland", "Bo Aasland"})
    surnames = [word().lower() for _ in range(people._SURNAME_BLOCK + 50)] + ["osland", "x"]
    last = [name.split()[-1].lower() for name in names]
    expected = [{names[i] for _, _, i in process.extract(
        surname, last, scorer=fuzz.ratio, score_cutoff=people._SURNAME_SIMILARITY, limit=None)}
        for surname in surnames]
    assert people._close_full_names(surnames, names) == expected
    assert people._close_full_names(["osland"], []) == [set()]
