"""Which tokens each rule is offered (graphbuild.extract.rules.offers)."""

from __future__ import annotations

import pytest

from graphbuild.build import _pipeline
from graphbuild.extract import relation_claims
from graphbuild.extract.coref import references
from graphbuild.extract.meetings import meeting_mentions
from graphbuild.extract.mentions import entity_mentions, index_tokens, sentence_index
from graphbuild.extract.rules import rules
from graphbuild.extract.rules.context import Context
from graphbuild.extract.rules.offers import offered, starts_at

TEXTS = [
    "Kenya will host the summit in Nairobi on Friday. Uganda will not attend, and Ethiopia "
    "pulled out of the talks. The Eritrean delegation, led by Osman Saleh, arrived on Monday.",
    "Lula cancelled his trip to Lima. Among those present were Gabriel Boric and Gustavo Petro. "
    "Brazil declined an invitation to the summit and refused to send troops.",
    "Three foreign ministers will participate in the Oslo meeting: Espen Barth Eide, Nora Lind "
    "and Pedro Sanchez. Norway withdrew from the pact. Sweden joined the alliance in 2024. "
    "Attending the talks, Finland cited the threat from Russia. MERKEL MET MACRON ON MONDAY.",
]


def _read(text: str):
    nlp = _pipeline(None)
    doc = nlp(text)
    sentence_of = sentence_index(doc)
    mentions = entity_mentions(doc, "t", sentence_of)
    by_token = index_tokens(doc, mentions)
    meetings = meeting_mentions(doc, "t", by_token, sentence_of)
    refs = references(doc, mentions, by_token, [], sentence_of)
    return doc, by_token, meetings, sentence_of, refs


@pytest.mark.parametrize("text", TEXTS)
def test_offering_finds_what_offering_every_rule_every_token_finds(text):
    doc, by_token, meetings, sentence_of, refs = _read(text)
    ctx = Context(doc, "t", by_token, meetings, sentence_of, refs)
    everything = list(dict.fromkeys(claim for token in doc for rule in rules()
                                    for claim in rule(token, ctx)))
    found = relation_claims(doc, "t", by_token, meetings, sentence_of, refs)
    assert found == everything
    assert found  # the texts state relations of every family


def test_a_rule_is_offered_its_trigger_lemmas_of_its_parts_of_speech_only():
    @starts_at("VERB", lemmas=lambda: {"host"})
    def hosting(token, ctx):
        yield from ()

    doc, *_ = _read("Kenya hosts the host of the summit. Uganda Hosted it before.")
    chosen = [doc[i].text for i, offered_rules in offered(doc, set(), [hosting])
              if offered_rules]
    assert chosen == ["hosts", "Hosted"]


def test_a_meeting_word_is_offered_every_rule():
    @starts_at("VERB", lemmas=lambda: {"host"})
    def hosting(token, ctx):
        yield from ()

    @starts_at(meetings=True)
    def meeting_word(token, ctx):
        yield from ()

    doc, *_ = _read("Kenya will hold the summit.")
    summit = next(t.i for t in doc if t.text == "summit")
    assert list(offered(doc, {summit}, [hosting, meeting_word])) == [
        (summit, [hosting, meeting_word])]
