"""Distributive meetings: each row asserts the exact meetings of its text, each as the set
of (party, relation, negated) claims it gets; own sentences shaped like real reporting."""

from __future__ import annotations

from collections import defaultdict

import pytest

from extract.conftest import readable

MEETING_RELATIONS = {"hosts", "attends"}

ROWS = [
    pytest.param("Narendra Modi had bilateral meetings with Vladimir Putin and Masoud "
                 "Pezeshkian on Tuesday.",
                 [{("Narendra Modi", "attends", False), ("Vladimir Putin", "attends", False)},
                  {("Narendra Modi", "attends", False),
                   ("Masoud Pezeshkian", "attends", False)}],
                 id="bilateral-meetings-with-two"),
    pytest.param("Mike Pence will hold bilateral meetings this weekend at a regional summit in "
                 "Lima with Mauricio Macri, Juan Manuel Santos and Martin Vizcarra.",
                 [{("Mike Pence", "attends", False), ("Mauricio Macri", "attends", False)},
                  {("Mike Pence", "attends", False), ("Juan Manuel Santos", "attends", False)},
                  {("Mike Pence", "attends", False), ("Martin Vizcarra", "attends", False)},
                  {("Mike Pence", "attends", False), ("Mauricio Macri", "attends", False),
                   ("Juan Manuel Santos", "attends", False),
                   ("Martin Vizcarra", "attends", False)}],
                 id="bilateral-meetings-at-a-summit-with-three"),
    pytest.param("Antony Blinken met separately with Sergei Lavrov and Wang Yi in Jakarta.",
                 [{("Antony Blinken", "attends", False), ("Sergei Lavrov", "attends", False)},
                  {("Antony Blinken", "attends", False), ("Wang Yi", "attends", False)}],
                 id="met-separately"),
    pytest.param("Lena Varga met respectively with Peter Novak and Maria Lopez in Vienna on "
                 "Monday.",
                 [{("Lena Varga", "attends", False), ("Peter Novak", "attends", False)},
                  {("Lena Varga", "attends", False), ("Maria Lopez", "attends", False)}],
                 id="met-respectively"),
    pytest.param("Olaf Scholz held separate talks with Emmanuel Macron and Giorgia Meloni on "
                 "Friday.",
                 [{("Olaf Scholz", "attends", False), ("Emmanuel Macron", "attends", False)},
                  {("Olaf Scholz", "attends", False), ("Giorgia Meloni", "attends", False)}],
                 id="separate-talks"),
    pytest.param("Narendra Modi and Xi Jinping held bilateral talks in Kazan.",
                 [{("Narendra Modi", "attends", False), ("Xi Jinping", "attends", False)}],
                 id="bilateral-talks-of-two-are-one-meeting"),
    pytest.param("Narendra Modi held a bilateral meeting with Vladimir Putin.",
                 [{("Narendra Modi", "attends", False), ("Vladimir Putin", "attends", False)}],
                 id="one-partner-one-meeting"),
    pytest.param("The NATO leaders have been holding bilateral meetings on the sidelines of the "
                 "summit.",
                 [],
                 id="bilateral-meetings-with-nobody-named-are-no-meeting"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_distributive_meetings(read, text, expected):
    by_meeting: dict[str, set[tuple[str, str, bool]]] = defaultdict(set)
    for claim in read(text).claims:
        if claim.relation in MEETING_RELATIONS and claim.object is not None:
            by_meeting[claim.object.key].add((readable(claim.subject), claim.relation,
                                               claim.negated))
    assert sorted(map(sorted, by_meeting.values())) == sorted(map(sorted, expected))
