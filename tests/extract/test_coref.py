"""Rule-based coreference: each row gives a text and the exact set of hosts/attends
claims that only resolve through a reference (pronoun, role description, group)."""

from __future__ import annotations

import pytest

REFERENCES = [
    pytest.param("Keir Starmer arrived in Rome. He met Giorgia Meloni on Friday.",
                 {("Keir Starmer", "attends", "meeting@Friday", False),
                  ("Giorgia Meloni", "attends", "meeting@Friday", False)},
                 id="pronoun-previous-subject"),
    pytest.param("Keir Starmer arrived in Rome on Monday. Giorgia Meloni will meet him on "
                 "Tuesday.",
                 {("Giorgia Meloni", "attends", "meeting@Tuesday", False),
                  ("Keir Starmer", "attends", "meeting@Tuesday", False)},
                 id="an-object-pronoun-is-not-its-own-subject"),
    pytest.param("President Varga tweeted that he had accepted the invitation of President "
                 "Anwar Salem, of Moldova, and looks forward to meeting him on Friday.",
                 {("Varga", "attends", "meeting@Friday", False),
                  ("Anwar Salem", "attends", "meeting@Friday", False)},
                 id="an-object-pronoun-skips-the-subject-it-shares"),
    pytest.param("Iran and France held talks in Almaty on Tuesday. Iran said in Almaty, "
                 "Kazakhstan, that the talks went well. The two sides will meet in Geneva on "
                 "Friday.",
                 {("Iran", "attends", "meeting@Tuesday", False),
                  ("France", "attends", "meeting@Tuesday", False),
                  ("Iran", "attends", "meeting@Friday", False),
                  ("France", "attends", "meeting@Friday", False)},
                 id="a-country-named-as-a-place-is-no-side"),
    pytest.param("Chancellor Friedrich Merz flew to Warsaw. The chancellor met Donald Tusk on "
                 "Tuesday.",
                 {("Friedrich Merz", "attends", "meeting@Tuesday", False),
                  ("Donald Tusk", "attends", "meeting@Tuesday", False)},
                 id="role-description"),
    pytest.param("President Emmanuel Macron spoke with Chancellor Olaf Scholz. The two leaders "
                 "will hold talks in Berlin on Monday.",
                 {("Emmanuel Macron", "attends", "meeting@Monday", False),
                  ("Olaf Scholz", "attends", "meeting@Monday", False),
                  ("Emmanuel Macron", "attends", "meeting", False),  # the call of the first
                  ("Olaf Scholz", "attends", "meeting", False)},
                 id="group-reference"),
    pytest.param("Commission President Ursula von der Leyen criticised the plan. The prime "
                 "minister will skip the summit in Lisbon on Friday.", set(),
                 id="prime-minister-is-not-any-president"),
    pytest.param("Kenyan President William Ruto called Tanzanian President Samia Suluhu "
                 "Hassan. Ruto's spokesman John Kamau spoke later. The two leaders will hold "
                 "talks in Arusha on Monday.",
                 {("William Ruto", "attends", "meeting", False),
                  ("Samia Suluhu Hassan", "attends", "meeting", False),
                  ("William Ruto", "attends", "meeting@Monday", False),
                  ("Samia Suluhu Hassan", "attends", "meeting@Monday", False)},
                 id="two-leaders-are-the-titled-people"),
    pytest.param("Kyrgyz President Sadyr Japarov held a call with Armenian Prime Minister "
                 "Nikol Pashinyan. The Armenian premier said he would not attend the summit "
                 "on Friday.",
                 {("Sadyr Japarov", "attends", "meeting", False),
                  ("Nikol Pashinyan", "attends", "meeting", False),
                  ("Nikol Pashinyan", "attends", "meeting@Friday", True)},
                 id="premier-is-the-prime-minister"),
    pytest.param("Armenian PM to skip this week’s CIS summit in Bishkek — Kyrgyz presidential "
                 "office\n\n"
                 "Armenian Prime Minister Nikol Pashinyan will not attend the summit.",
                 {("Nikol Pashinyan", "attends", "meeting", True),
                  ("Commonwealth of Independent States", "attends", "meeting", False)},
                 id="headline-title-and-its-source-after-a-dash"),
    pytest.param("Keir Starmer arrived in Rome. He met Giorgia Meloni on Friday. He also met "
                 "Pedro Sanchez.",
                 {("Keir Starmer", "attends", "meeting@Friday", False),
                  ("Giorgia Meloni", "attends", "meeting@Friday", False),
                  ("Keir Starmer", "attends", "meeting", False),
                  ("Pedro Sanchez", "attends", "meeting", False)},
                 id="pronoun-chained-through-the-previous-subject"),
    pytest.param("Envoy Lena Varga, a former Austrian president, hosted a round-table "
                 "discussion among the attendees, after meeting with them bilaterally earlier "
                 "Wednesday.",
                 {("Lena Varga", "attends", "meeting@Wednesday", False)},
                 id="them-after-people-unnamed-is-no-one-named"),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_reference(triples, text, expected):
    assert {t for t in triples(text) if t[1] in ("hosts", "attends")} == expected


def test_a_title_before_a_name_is_no_reference(read):
    text = "President Emmanuel Macron will host a summit in Paris on Friday."
    claims = [(c.subject.text, c.relation) for c in read(text).claims if c.relation == "hosts"]
    assert claims == [("Emmanuel Macron", "hosts")]
