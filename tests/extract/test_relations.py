"""Table-driven rule tests: one sentence per construction, written for these tests; each row
asserts the exact set of claims its text gives, so over-extraction fails too."""

from __future__ import annotations

import pytest

CONSTRUCTIONS = [
    pytest.param("Lula and his Chilean counterpart, President Gabriel Boric, have both had "
                 "meetings with Javier Milei.",
                 {("Lula", "met_with", "Javier Milei", False),
                  ("Gabriel Boric", "met_with", "Javier Milei", False)},
                 id="quantifier-is-not-the-subject"),
    pytest.param("Chancellor Weber hosted a meeting of Prime Minister Tomas Varga and Lena "
                 "Korhonen on Sunday.",
                 {("Weber", "hosts", "meeting@Sunday", False),
                  ("Tomas Varga", "attends", "meeting@Sunday", False),
                  ("Lena Korhonen", "attends", "meeting@Sunday", False)},
                 id="meeting-of-named-people"),
    pytest.param("The Weimar Triangle held its first meeting of the year in Berlin on Friday.",
                 {("Weimar Triangle", "attends", "meeting@Friday", False)},
                 id="standing-format-of-countries-is-a-body"),
    pytest.param("President Anwar Salem, co-president of the summit, told the leaders on "
                 "Sunday that they must work together.",
                 {("Anwar Salem", "hosts", "meeting", False)}, id="co-president-of-the-summit"),
    pytest.param("Qatar, the host of the summit, called for calm on Sunday.",
                 {("Qatar", "hosts", "meeting", False)},
                 id="host-of-the-meeting-in-apposition"),
    pytest.param("The President of the European Commission attended the summit on Monday.",
                 {("European Commission", "attends", "meeting@Monday", False)},
                 id="president-of-a-body-is-no-chair"),
    pytest.param("President Varga said Prime Minister Anwar Salem and rebel leaders were set "
                 "to meet with him in Geneva on Sunday, but he cancelled the talks.",
                 {("Varga", "attends", "meeting@Sunday", True),
                  ("Anwar Salem", "attends", "meeting@Sunday", True)},
                 id="a-meeting-called-off-has-no-attendee-in-its-sentence"),
    pytest.param("Chancellor Weber will meet Anwar Salem on Monday, after President Varga "
                 "cancelled his talks with Lena Korhonen.",
                 {("Weber", "attends", "meeting@Monday", False),
                  ("Anwar Salem", "attends", "meeting@Monday", False),
                  ("Varga", "attends", "meeting", True),
                  ("Lena Korhonen", "attends", "meeting", True)},
                 id="another-meeting-called-off-beside-it"),
    pytest.param("President Varga joins Chancellor Weber and Lena Korhonen for the Nordic "
                 "summit on Monday.",
                 {("Varga", "attends", "meeting@Monday", False),
                  ("Weber", "attends", "meeting@Monday", False),
                  ("Lena Korhonen", "attends", "meeting@Monday", False)},
                 id="whom-one-joins-for-a-meeting-attends"),
    pytest.param("President Varga will not join Chancellor Weber at the summit on Monday.",
                 {("Varga", "attends", "meeting@Monday", True)},
                 id="not-joining-says-nothing-of-whom"),
    pytest.param("The summit opened in Lima on Friday. Anwar Salem's continued presence in "
                 "Madrid worries his rivals.", set(), id="presence-in-a-place-is-no-attendance"),
    pytest.param("The summit opened in Lima on Friday. Anwar Salem's presence at the summit "
                 "surprised everyone.", {("Anwar Salem", "attends", "meeting@Friday", False)},
                 id="presence-at-the-meeting-is-attendance"),
    pytest.param("The spokesman refused to disclose who would represent Moldova at the summit "
                 "on Friday.", set(), id="an-indirect-question-states-no-attendance"),
    pytest.param("It is not clear who will represent Moldova at the summit on Friday.", set(),
                 id="an-open-question-states-no-attendance"),
    pytest.param("Turkey will at the Madrid summit on Tuesday support the invitation of "
                 "Finland and Sweden.", set(),
                 id="an-invitation-to-join-hosts-nothing"),
    pytest.param("At the summit in Berlin on Friday, Tusk praised the initiative of President "
                 "Macron.", {("Tusk", "attends", "meeting@Friday", False)},
                 id="praising-an-initiative-hosts-nothing"),
    pytest.param("The summit opened in Berlin on Friday at the initiative of President Macron.",
                 {("Macron", "hosts", "meeting@Friday", False)},
                 id="at-the-initiative-of"),
    pytest.param("King Omar on Friday played host to Arab leaders in Riyadh for a summit with "
                 "President Anwar Salem.",
                 {("Omar", "hosts", "meeting@Friday", False),
                  ("Anwar Salem", "attends", "meeting@Friday", False)}, id="played-host-to"),
    pytest.param("The summit of ECCAS was held in Luanda in 2023 under the chairmanship of "
                 "Angola.",
                 {("Angola", "hosts", "meeting@2023", False),
                  ("Economic Community of Central African States", "attends", "meeting@2023",
                   False)}, id="under-the-chairmanship-of"),
    pytest.param("Leaders met in Nairobi on Friday. Varga thanked Kenya for hosting the summit.",
                 {("Kenya", "hosts", "meeting@Friday", False)}, id="thanked-for-hosting"),
    pytest.param("The summit opened in Jeddah on Friday. President Varga thanked President "
                 "Anwar Salem for the hospitality.",
                 {("Anwar Salem", "hosts", "meeting@Friday", False)},
                 id="thanked-for-the-hospitality"),
    pytest.param("The summit opened in Jeddah on Friday. Varga thanked Anwar Salem for his "
                 "support.", set(), id="thanked-for-something-else"),
    pytest.param("Leaders met in Varna on Monday. Varga thanked Jordan for hosting more than a "
                 "million refugees.", set(), id="thanked-for-hosting-no-meeting"),
    pytest.param("Leaders met in Varna on Monday. Varga thanked Bulgaria for hosting the "
                 "leaders.", {("Bulgaria", "hosts", "meeting@Monday", False)},
                 id="thanked-for-hosting-the-guests"),
    pytest.param("Trump was to meet Taliban leaders at Camp David on Sunday. The U.S. and the "
                 "Taliban have held multiple rounds of talks this year in Doha.",
                 {("Trump", "attends", "meeting@Sunday", False),
                  ("Taliban", "attends", "meeting@Sunday", False)},
                 id="rounds-of-talks-are-not-the-meeting-told"),
    pytest.param("Japan will host a summit of Pacific leaders on Monday.",
                 {("Japan", "hosts", "meeting@Monday", False)}, id="active-host"),
    pytest.param("Delegates from 20 countries will attend a conference organised by Canada "
                 "and Mexico in Toronto on Tuesday.",
                 {("Canada", "hosts", "meeting@Tuesday", False),
                  ("Mexico", "hosts", "meeting@Tuesday", False)}, id="passive-participle"),
    pytest.param("Foreign ministers from ten countries, led by Spain and Portugal, will convene "
                 "in Lisbon on Wednesday.",
                 {("Spain", "hosts", "meeting@Wednesday", False),
                  ("Portugal", "hosts", "meeting@Wednesday", False)}, id="led-by"),
    pytest.param("Chancellor Olaf Scholz, who chaired a summit of EU leaders on Sunday, "
                 "spoke to reporters.",
                 {("Olaf Scholz", "hosts", "meeting@Sunday", False),
                  ("European Union", "attends", "meeting@Sunday", False)}, id="relative-clause"),
    pytest.param("Envoys gathered in Oslo on Friday. The meeting, hosted by Norway, lasted "
                 "four hours.",
                 {("Norway", "hosts", "meeting@Friday", False)}, id="appositive-participle"),
    pytest.param("The summit in Rome on Friday brought together Britain, France and Germany.",
                 {("United Kingdom", "attends", "meeting@Friday", False),
                  ("France", "attends", "meeting@Friday", False),
                  ("Germany", "attends", "meeting@Friday", False)},
                 id="meeting-subject-of-a-gathering-verb"),
    pytest.param("Peru's foreign minister attends the Canada-hosted Lima Group meeting on "
                 "Friday.",
                 {("Canada", "hosts", "meeting@Friday", False),
                  ("Lima Group", "attends", "meeting@Friday", False),
                  ("Peru", "attends", "meeting@Friday", False)},
                 id="hosted-participle-before-a-name"),
    pytest.param("Ministers attended a Saudi-hosted summit in Jeddah on Friday.",
                 {("Saudi Arabia", "hosts", "meeting@Friday", False)},
                 id="hosted-participle"),
    pytest.param("At the invitation of Chile, Peru will attend the Pacific Summit and the "
                 "Andean Summit in Lima on Friday.",
                 {("Chile", "hosts", "meeting@Friday", False),
                  ("Peru", "attends", "meeting@Friday", False),
                  ("Chile", "hosts", "meeting", False),
                  ("Peru", "attends", "meeting", False)},
                 id="listed-meetings"),
    pytest.param("President Gabriel Boric will skip the summit in Lima, sending his foreign "
                 "minister Alberto van Klaveren instead.",
                 {("Gabriel Boric", "attends", "meeting", True),
                  ("Alberto van Klaveren", "attends", "meeting", False)},
                 id="a-person-who-sends-someone-does-not-attend"),
    pytest.param("Chile and Peru sent their foreign ministers to the summit in Lima.",
                 {("Chile", "attends", "meeting", False), ("Peru", "attends", "meeting", False)},
                 id="states-that-send-ministers-attend"),
    pytest.param("Chilean President Gabriel Boric co-hosts the summit in Lima on Monday.",
                 {("Gabriel Boric", "hosts", "meeting@Monday", False),
                  ("Gabriel Boric", "affiliated_with", "Chile", False)}, id="co-hosts"),
    pytest.param("The summit, co-hosted by Chile and Peru, opened in Lima on Monday.",
                 {("Chile", "hosts", "meeting@Monday", False),
                  ("Peru", "hosts", "meeting@Monday", False)}, id="co-hosted-by"),
    pytest.param("The summit opened in Lima on Monday. Summit co-host Chilean President "
                 "Gabriel Boric hoped to focus the gathering on trade.",
                 {("Gabriel Boric", "hosts", "meeting@Monday", False),
                  ("Gabriel Boric", "affiliated_with", "Chile", False)},
                 id="host-noun-as-a-title"),
    pytest.param("Tomas Varga plans to visit Russia next month and will likely be in Florida "
                 "as President Trump hosts Chinese President Li Wei, but he will skip the NATO "
                 "meeting on Monday.",
                 {("Tomas Varga", "attends", "meeting@Monday", True),
                  ("NATO", "attends", "meeting@Monday", False),
                  ("Li Wei", "affiliated_with", "China", False)},
                 id="hosts-misread-as-a-plural-noun-is-no-title"),
    pytest.param("Closing the summit in Lima on Friday, Chilean President Gabriel Boric said "
                 "the bloc was united.",
                 {("Gabriel Boric", "attends", "meeting@Friday", False),
                  ("Gabriel Boric", "affiliated_with", "Chile", False)},
                 id="closing-the-summit"),
    pytest.param("Delegates from Chile and Peru adjourned talks in Lima on Friday.",
                 {("Chile", "attends", "meeting@Friday", False),
                  ("Peru", "attends", "meeting@Friday", False)}, id="adjourned-talks"),
    pytest.param("The summit opens in Lima on Sunday. Notable absentees will include Gabriel "
                 "Boric and Gustavo Petro.",
                 {("Gabriel Boric", "attends", "meeting@Sunday", True),
                  ("Gustavo Petro", "attends", "meeting@Sunday", True)},
                 id="notable-absentees-include"),
    pytest.param("The summit opens in Lima on Sunday. Only Chile and Peru were sending their "
                 "top leaders to the summit.",
                 {("Chile", "attends", "meeting@Sunday", False),
                  ("Peru", "attends", "meeting@Sunday", False)},
                 id="sending-their-top-leaders"),
    pytest.param("The EU called the summit to relaunch the partnership.",
                 {("European Union", "hosts", "meeting", False)}, id="called-the-summit"),
    pytest.param("Chile called off the summit with Peru.",
                 {("Chile", "attends", "meeting", True), ("Peru", "attends", "meeting", True)},
                 id="called-off-parsed-as-a-preposition"),
    pytest.param("Putin called the talks with Chile constructive.", set(),
                 id="called-the-talks-a-name"),
    pytest.param("Putin called Xi Jinping on Tuesday.",
                 {("Putin", "attends", "meeting@Tuesday", False),
                  ("Xi Jinping", "attends", "meeting@Tuesday", False)},
                 id="calling-someone-hosts-nothing"),
    pytest.param("The summit opens in Lima on Sunday. Chile has invited Gustavo Petro, who "
                 "has said he will join virtually.",
                 {("Gustavo Petro", "attends", "meeting@Sunday", False)},
                 id="he-in-a-relative-clause-is-its-person"),
    pytest.param("The summit opens in Lima on Sunday. Gustavo Petro cancelled his trip to Lima.",
                 {("Gustavo Petro", "attends", "meeting@Sunday", True)},
                 id="cancelled-trip-to-the-venue"),
    pytest.param("Gustavo Petro called off his visit to the summit in Lima.",
                 {("Gustavo Petro", "attends", "meeting", True)},
                 id="called-off-a-visit-to-the-summit"),
    pytest.param("The summit opens in Lima on Sunday. Gustavo Petro cancelled his trip to "
                 "Paris.", set(), id="cancelled-trip-elsewhere"),
    pytest.param("The summit opens in Lima on Sunday. Bolivia's president Luis Arce pulled "
                 "out at the last minute.",
                 {("Luis Arce", "attends", "meeting@Sunday", True),
                  ("Luis Arce", "affiliated_with", "Bolivia", False)},
                 id="a-leader-pulled-out"),
    pytest.param("The summit opens in Lima next month. Alberto van Klaveren will represent "
                 "Gabriel Boric at the summit.",
                 {("Alberto van Klaveren", "attends", "meeting@next month", False)},
                 id="the-person-represented-is-not-there"),
    pytest.param("The summit opens in Lima next month. Gabriel Boric will be represented by "
                 "Foreign Minister Alberto van Klaveren.",
                 {("Alberto van Klaveren", "attends", "meeting@next month", False)},
                 id="person-represented-by"),
    pytest.param("Last July, Sergei Lavrov walked out of a meeting of ministers in Bali.",
                 {("Sergei Lavrov", "attends", "meeting@Last July", False)},
                 id="walked-out-was-there"),
    pytest.param("The summit opens in Lima in March. Foreign minister Gabriel Boric said 10 "
                 "heads of state had confirmed their participation.", set(),
                 id="their-is-not-one-person"),
    pytest.param("The summit opens in Lima in April. Peru said it would boycott the summit if "
                 "Chile was not invited.", set(), id="what-would-follow-from-a-condition"),
    pytest.param("The summit opens in Lima in April. Peru will boycott the summit.",
                 {("Peru", "attends", "meeting@April", True)}, id="a-boycott-stated"),
    pytest.param("The summit opens in Lima on Sunday. Bolivia's president Luis Arce left for "
                 "Lima.", {("Luis Arce", "affiliated_with", "Bolivia", False)},
                 id="left-for-is-no-withdrawal"),
    pytest.param("Germany to host energy ministers' meeting on Thursday",
                 {("Germany", "hosts", "meeting@Thursday", False)}, id="headline"),
    pytest.param("Ministers will meet in Vienna on Monday. Canada will not be represented at "
                 "Monday's meeting.",
                 {("Canada", "attends", "meeting@Monday", True)}, id="possessive-date"),
    pytest.param("Leaders will gather in Rome on Saturday. Brazil will attend the meeting.",
                 {("Brazil", "attends", "meeting@Saturday", False)}, id="anaphora"),
    pytest.param("Finland and Estonia said they cannot send troops, citing threats from "
                 "Russia and Belarus, respectively.",
                 {("Finland", "declines_troops", "*", False),
                  ("Estonia", "declines_troops", "*", False),
                  ("Finland", "cites_threat", "Russia", False),
                  ("Estonia", "cites_threat", "Belarus", False)}, id="respectively"),
    pytest.param("Lithuania has said it cannot contribute soldiers due to the threat posed "
                 "by Russia.",
                 {("Lithuania", "declines_troops", "*", False),
                  ("Lithuania", "cites_threat", "Russia", False)}, id="due-to-pronoun"),
    pytest.param("Japan and South Korea vowed to counter threats from North Korea.",
                 {("Japan", "cites_threat", "North Korea", False),
                  ("South Korea", "cites_threat", "North Korea", False)},
                 id="countering-a-threat"),
    pytest.param("Yoon Suk Yeol and Shigeru Ishiba spoke by phone to discuss cooperation on "
                 "countering threats posed by North Korea.",
                 {("Yoon Suk Yeol", "attends", "meeting", False),
                  ("Shigeru Ishiba", "attends", "meeting", False),
                  ("Yoon Suk Yeol", "cites_threat", "North Korea", False),
                  ("Shigeru Ishiba", "cites_threat", "North Korea", False)},
                 id="countering-a-threat-in-a-purpose-clause"),
    pytest.param("NATO must respond to the threat from Russia.",
                 {("NATO", "cites_threat", "Russia", False)}, id="responding-to-a-threat"),
    pytest.param("Stoltenberg warned that China is a threat to NATO.",
                 {("Stoltenberg", "cites_threat", "China", False)}, id="said-to-be-a-threat"),
    pytest.param("Macron said Russia is not a threat.",
                 {("Macron", "cites_threat", "Russia", True)}, id="said-to-be-no-threat"),
    pytest.param("The ministers discussed the threat.", set(), id="guard-threat-of-no-one"),
    pytest.param("Guy Mansfield QC has warned there is a real risk that people would be driven "
                 "into the hands of extremists.", set(), id="guard-there-is-a-risk"),
    pytest.param("The UK government promised they would not be a threat to the US.", set(),
                 id="guard-promised-to-be-no-threat"),
    pytest.param("Austria refused to send troops to the mission.",
                 {("Austria", "declines_troops", "*", False)}, id="refuse-troops"),
    pytest.param("Talks open in Oslo on Monday. Peru will be represented by its trade "
                 "minister, Ana Flores.",
                 {("Peru", "attends", "meeting@Monday", False),
                  ("Ana Flores", "attends", "meeting@Monday", False),
                  ("Ana Flores", "affiliated_with", "Peru", False)}, id="represented-by"),
    pytest.param("Talks open in Oslo on Monday. Chile's envoy will join the talks alongside "
                 "Dr Tomas Rivera.",
                 {("Tomas Rivera", "attends", "meeting@Monday", False),
                  ("Chile", "attends", "meeting@Monday", False)}, id="alongside"),
    pytest.param("Talks open in Oslo on Monday. John Carter will lead the Peruvian delegation.",
                 {("John Carter", "attends", "meeting@Monday", False)}, id="lead-delegation"),
    pytest.param("Ministers meet in the Norwegian city of Bergen on Monday. Officials of the "
                 "Nordic Council, a regional body, will also take part.",
                 {("Nordic Council", "attends", "meeting@Monday", False)},
                 id="take-part-no-object"),
    pytest.param("Envoys meet in Niamey on Saturday at the invitation of Niger.",
                 {("Niger", "hosts", "meeting@Saturday", False)}, id="invitation"),
    pytest.param("Iceland will host defence ministers in Reykjavik on Friday.",
                 {("Iceland", "hosts", "meeting@Friday", False)}, id="host-people"),
    pytest.param("Chad and Sudan, whose governments withdrew from the African Union last year, "
                 "will form the Nile Basin Alliance.",
                 {("Chad", "withdrew_from", "African Union", False),
                  ("Sudan", "withdrew_from", "African Union", False),
                  ("Chad", "member_of", "nile basin alliance", False),
                  ("Sudan", "member_of", "nile basin alliance", False)}, id="whose-and-formed"),
    pytest.param("Lagos refused. Benin and Togo said they cannot spare troops.",
                 {("Benin", "declines_troops", "*", False),
                  ("Togo", "declines_troops", "*", False)}, id="coordinated-pronoun"),
    pytest.param("Norway, the only NATO member in the region, objected.",
                 {("Norway", "member_of", "NATO", False)}, id="member-apposition"),
    pytest.param("Canada is a founding member of the Arctic Council.",
                 {("Canada", "member_of", "Arctic Council", False)}, id="member-attribute"),
    pytest.param("Delegates regret that Mexico has stopped participating in the Pacific Forum.",
                 {("Mexico", "withdrew_from", "pacific forum", False)}, id="stopped-participating"),
    pytest.param("Mali has withdrawn from the African Union.",
                 {("Mali", "withdrew_from", "African Union", False)}, id="withdraw"),
    pytest.param("Argentina pulled out of the G20 last year.",
                 {("Argentina", "withdrew_from", "G20", False)}, id="pull-out-of"),
    pytest.param("Chancellor Olaf Scholz met with Chinese President Xi Jinping in Beijing.",
                 {("Olaf Scholz", "met_with", "Xi Jinping", False),
                  ("Olaf Scholz", "attends", "meeting", False),
                  ("Xi Jinping", "attends", "meeting", False),
                  ("Xi Jinping", "affiliated_with", "China", False)}, id="met-with"),
    pytest.param("Hungary has refused to join the coalition against Iran. "
                 "The Coalition of Northern States was founded in 2020.",
                 {("Hungary", "member_of", "coalition of northern states", True)},
                 id="refused-to-join"),
]

NEGATIONS = [
    pytest.param("Talks open in Geneva on Monday. Chile will not take part in the talks.",
                 id="will-not-take-part"),
    pytest.param("Talks open in Geneva on Monday. Chile will not be represented at the talks.",
                 id="will-not-be-represented"),
    pytest.param("A summit opens in Geneva on Monday. Chile is not expected to attend the "
                 "summit.", id="not-expected"),
    pytest.param("A summit opens in Geneva on Monday. It is unlikely that Chile will attend "
                 "the summit.", id="unlikely-that"),
    pytest.param("A summit opens in Geneva on Monday, although Chile is not slated to "
                 "participate.", id="not-slated"),
    pytest.param("A summit opens in Geneva on Monday. Chile is not anticipated to be present "
                 "at the summit.", id="not-anticipated-present"),
    pytest.param("A summit opens in Geneva on Monday. Chile has refused to attend the summit.",
                 id="refused"),
    pytest.param("A summit opens in Geneva on Monday. Chile is skipping the summit.",
                 id="skipping"),
    pytest.param("A summit opened in Geneva on Monday. Chile stayed away.", id="stayed-away"),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_construction(triples, text, expected):
    found = triples(text)
    assert found == expected, f"missing {expected - found}; extra {found - expected}"


@pytest.mark.parametrize("text", NEGATIONS)
def test_negated_attendance_is_never_plain(triples, text):
    found = {t for t in triples(text) if t[0] == "Chile" and t[1] == "attends"}
    assert found == {("Chile", "attends", "meeting@Monday", True)}


@pytest.mark.parametrize(("text", "modality"), [
    pytest.param("Peru attended the summit in Lima on Monday.", "asserted", id="asserted"),
    pytest.param("Peru will attend the summit in Lima on Monday.", "planned", id="planned"),
    pytest.param("Peru is expected to attend the summit in Lima on Monday.", "expected",
                 id="expected"),
    pytest.param("Officials said Peru will attend the summit in Lima on Monday.", "reported",
                 id="reported"),
])
def test_modality(read, text, modality):
    claims = [c for c in read(text).claims if c.relation == "attends"]
    assert [c.modality for c in claims] == [modality]


def test_reported_speech_keeps_the_speaker_apart(read):
    text = "President Emmanuel Macron stated that Peru will attend the summit in Lima on Monday."
    (claim,) = [c for c in read(text).claims if c.relation == "attends"]
    assert claim.subject.text == "Peru"
    assert claim.attributed_to is not None and "Macron" in claim.attributed_to.text


def test_coordinated_speakers_each_speak_for_their_own_claim(read):
    text = "Poland and Greece have stated that they will not send troops to Ukraine."
    speakers = {(c.subject.text, c.attributed_to.text if c.attributed_to else None)
                for c in read(text).claims if c.relation == "declines_troops"}
    assert speakers == {("Poland", "Poland"), ("Greece", "Greece")}


def test_evidence_points_into_the_text(read):
    text = "Rain fell. Japan will host a summit of Pacific leaders on Monday."
    (claim,) = [c for c in read(text).claims if c.relation == "hosts"]
    evidence = claim.evidence
    assert text[evidence.start:evidence.end] == evidence.sentence
    assert text[evidence.cue_start:evidence.cue_end] == evidence.cue
    assert "host" in evidence.cue


def test_plain_mentions_make_no_claims(read):
    text = "The weather in Paris was mild, and Italy played Spain in a friendly match."
    assert [c.relation for c in read(text).claims] == []
