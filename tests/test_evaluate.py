"""Tests for graphbuild.evaluate: a perfect graph built from the gold file, then damage."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.errors import GoldFormatError
from graphbuild.evaluate import (
    Evaluation,
    Gold,
    Score,
    evaluate,
    format_evaluation,
    gold_from_dict,
    load_gold,
)
from graphbuild.graph import SENTENCES, edge_key, entity_id, sentence_key

GOLD_DIR = Path(__file__).parent / "data" / "gold"
SEEDS = GOLD_DIR / "seeds.gold.json"


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(SEEDS)


def node_of(gold: Gold, gold_id: str) -> str:
    entity = next(e for e in gold.entities if e.id == gold_id)
    return entity_id(entity.type, entity.name)


def perfect_graph(gold: Gold) -> nx.MultiDiGraph:
    """One node per gold entity, one edge per gold relation ("*" -> self-loop)."""
    graph = nx.MultiDiGraph()
    for e in gold.entities:
        graph.add_node(entity_id(e.type, e.name), label=e.name, type=e.type,
                       aliases=list(e.aliases), documents=1)
    for r in gold.relations:
        subject = node_of(gold, r.subject)
        target = subject if r.object == "*" else node_of(gold, r.object)
        attributes: dict[str, object] = {
            "relation": r.relation, "negated": r.negated, "documents": 1,
            "provenance": provenance(graph, f"{r.subject} {r.relation}")}
        if r.role:
            attributes["role"] = [r.role]
        graph.add_edge(subject, target, key=edge_key(r.relation, r.negated), **attributes)
    return graph


def provenance(graph: nx.MultiDiGraph, text: str) -> list[dict[str, object]]:
    """Provenance for one new sentence of article "a", added to the graph's sentence table."""
    sentences = graph.graph.setdefault(SENTENCES, {}).setdefault("a", {})
    start = sum(len(t) + 1 for t in sentences.values())
    sentences[sentence_key(start, start + len(text))] = text
    return [{"article": "a", "start": start, "end": start + len(text)}]


def all_scores(evaluation: Evaluation) -> dict[str, Score]:
    return {"entities": evaluation.entities, "meetings": evaluation.meetings,
            "entities_and_meetings": evaluation.entities_and_meetings,
            "core": evaluation.core, "extended": evaluation.extended}


# --- load_gold -----------------------------------------------------------------------------


def test_load_gold_reads_the_seed_file(gold: Gold) -> None:
    assert len(gold.entities) == 31
    assert len(gold.relations) == 56
    assert gold.core_relations == ("hosts", "attends", "declines_troops", "cites_threat")
    usa_m1 = [r for r in gold.relations if (r.subject, r.object) == ("USA", "M1")]
    assert [(r.relation, r.negated, r.optional) for r in usa_m1] == [("attends", True, False)]
    assert gold.source.endswith("seeds.gold.json")


def test_gold_forms_are_unambiguous_within_a_type(gold: Gold) -> None:
    seen: dict[tuple[str, str], str] = {}
    for e in gold.entities:
        for form in e.forms:
            assert seen.setdefault((e.type, form), e.id) == e.id, form


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="does not exist"):
        load_gold(tmp_path / "nope.json")


def test_load_gold_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"entities": [', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"not valid JSON.*line 1"):
        load_gold(path)


def test_load_gold_directory(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="Cannot read gold file"):
        load_gold(tmp_path)


ENTITY = {"id": "A", "type": "country", "name": "A"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param([], "expected a JSON object", id="not-object"),
        pytest.param({"relations": []}, 'missing key "entities"', id="no-entities"),
        pytest.param({"entities": []}, 'missing key "relations"', id="no-relations"),
        pytest.param({"entities": {}, "relations": []}, '"entities" must be a list',
                     id="entities-not-list"),
        pytest.param({"entities": [{"id": "A", "type": "country"}], "relations": []},
                     r'entities\[0\] is missing key "name"', id="entity-no-name"),
        pytest.param({"entities": [ENTITY, ENTITY], "relations": []}, "duplicate entity ids A",
                     id="duplicate-id"),
        pytest.param({"entities": [{**ENTITY, "aliases": "A"}], "relations": []},
                     "list of strings", id="aliases-not-list"),
        pytest.param({"entities": [ENTITY], "relations": [{"s": "A", "o": "A"}]},
                     r'relations\[0\] is missing key "p"', id="relation-no-p"),
        pytest.param({"entities": [ENTITY], "relations": [{"s": "A", "p": "hosts", "o": "B"}]},
                     'unknown entity "B"', id="unknown-object"),
        pytest.param({"entities": [ENTITY], "relations": [{"s": "*", "p": "hosts", "o": "A"}]},
                     'unknown entity "\\*"', id="star-subject"),
        pytest.param({"entities": [ENTITY],
                      "relations": [{"s": "A", "p": "hosts", "o": "A", "negated": "no"}]},
                     "true or false", id="negated-not-bool"),
        pytest.param({"entities": [], "relations": [], "core_relations": "hosts"},
                     "core_relations", id="core-not-list"),
    ],
)
def test_gold_format_errors(data: object, message: str) -> None:
    with pytest.raises(GoldFormatError, match=message):
        gold_from_dict(data, source="g.json")


def test_load_gold_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"entities": []}), encoding="utf-8")
    with pytest.raises(GoldFormatError, match=rf'{path.name}: missing key "relations"'):
        load_gold(path)


# --- the perfect graph and damaged variants ------------------------------------------------


def test_perfect_graph_scores_one_everywhere(gold: Gold) -> None:
    evaluation = evaluate(perfect_graph(gold), gold)
    for name, score in all_scores(evaluation).items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name
    assert evaluation.misses == ()
    assert evaluation.false_hits == ()
    assert evaluation.entities == Score(tp=26, fp=0, fn=0)
    assert evaluation.meetings == Score(tp=3, fp=0, fn=0)
    assert {a.gold_id: a.candidates for a in evaluation.alignments} == {
        "M1": 1, "M2": 1, "M3": 1, "M4": 0, "M5": 0}
    assert all(a.predicted == node_of(gold, a.gold_id) for a in evaluation.alignments)
    assert evaluation.roles and all(r.agrees for r in evaluation.roles)


def test_dropped_edge_lowers_recall(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.remove_edge(node_of(gold, "POL"), node_of(gold, "BLR"), key="cites_threat")
    evaluation = evaluate(graph, gold)
    assert evaluation.core.recall < 1.0
    assert evaluation.core.precision == 1.0
    assert [f.text for f in evaluation.misses] == ["Poland -cites_threat-> Belarus"]


def test_wrong_edge_lowers_precision(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_edge(node_of(gold, "ITA"), node_of(gold, "M1"), key="hosts", relation="hosts",
                   negated=False, provenance=provenance(graph, "Italy will host the meeting."))
    evaluation = evaluate(graph, gold)
    assert evaluation.core.precision < 1.0
    assert evaluation.core.recall == 1.0
    (hit,) = evaluation.false_hits
    assert hit.category == "core"
    assert hit.evidence == "Italy will host the meeting."
    assert hit.text.startswith("Italy -hosts-> Coalition of the Willing")


def test_flipped_negation_lowers_precision_and_recall(gold: Gold) -> None:
    graph = perfect_graph(gold)
    usa, m1 = node_of(gold, "USA"), node_of(gold, "M1")
    graph.remove_edge(usa, m1, key="not-attends")
    graph.add_edge(usa, m1, key="attends", relation="attends", negated=False,
                   provenance=provenance(graph, "e"))
    evaluation = evaluate(graph, gold)
    assert evaluation.core.precision < 1.0
    assert evaluation.core.recall < 1.0
    assert [f.text for f in evaluation.misses] == [
        "United States -attends(negated)-> M1 Coalition of the Willing defence ministers' "
        "meeting at NATO headquarters (Thursday)"]
    assert evaluation.meetings == Score(tp=3, fp=0, fn=0)


def test_duplicate_entity_node_lowers_entity_precision(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_node("country:britain", label="Britain", type="country", aliases=["British"])
    graph.add_edge("country:britain", node_of(gold, "M1"), key="hosts", relation="hosts",
                   negated=False, provenance=provenance(graph, "Britain hosts."))
    evaluation = evaluate(graph, gold)
    assert evaluation.entities.precision < 1.0
    assert evaluation.entities.recall == 1.0
    hits = {(f.category, f.reason, f.text) for f in evaluation.false_hits}
    assert ("entity", "duplicate of United Kingdom", "Britain [country:britain]") in hits
    # The duplicate's edge repeats an already matched gold relation: a FP, not a second TP.
    assert evaluation.core.fp == 1 and evaluation.core.tp == 14
    assert any(f.reason.startswith("duplicate of United Kingdom -hosts-> M1")
               for f in evaluation.false_hits)


def test_primary_node_wins_over_a_better_documented_duplicate(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_node("country:uk", label="UK", type="country", aliases=[], documents=9)
    graph.add_edge("country:uk", node_of(gold, "M1"), key="hosts", relation="hosts",
                   negated=False, documents=9)
    evaluation = evaluate(graph, gold)
    duplicate = [f for f in evaluation.false_hits if f.category == "entity"]
    assert [f.text for f in duplicate] == ["UK [country:uk]"]
    assert ("country:uk", "GBR") in evaluation.matches


def test_split_meeting_lowers_meeting_precision_and_relation_recall(gold: Gold) -> None:
    graph = perfect_graph(gold)
    m1 = node_of(gold, "M1")
    graph.add_node("meeting:m1-bis", label="Defence ministers meeting", type="meeting")
    for subject in ("USA", "cotw"):
        u = node_of(gold, subject)
        for key, data in list(graph.get_edge_data(u, m1).items()):
            graph.remove_edge(u, m1, key=key)
            graph.add_edge(u, "meeting:m1-bis", key=key, **data)
    evaluation = evaluate(graph, gold)
    assert evaluation.meetings.precision < 1.0
    assert evaluation.core.recall < 1.0
    m1_alignment = next(a for a in evaluation.alignments if a.gold_id == "M1")
    assert m1_alignment.predicted == m1
    assert m1_alignment.candidates == 2
    assert ("meeting", "unaligned") in {(f.category, f.reason) for f in evaluation.false_hits}


def test_meetings_align_by_relations_not_labels(gold: Gold) -> None:
    graph = perfect_graph(gold)
    m1, m3 = node_of(gold, "M1"), node_of(gold, "M3")
    nx.relabel_nodes(graph, {m1: "meeting:x", m3: "meeting:y"}, copy=False)
    graph.nodes["meeting:x"]["label"] = "Ramstein meeting (Friday)"
    graph.nodes["meeting:y"]["label"] = "Coalition meeting (Thursday)"
    evaluation = evaluate(graph, gold)
    aligned = {a.gold_id: a.predicted for a in evaluation.alignments}
    assert aligned["M1"] == "meeting:x" and aligned["M3"] == "meeting:y"
    assert evaluation.core.f1 == 1.0


def test_optional_only_meetings_may_be_omitted(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.remove_nodes_from([node_of(gold, "M4"), node_of(gold, "M5")])
    evaluation = evaluate(graph, gold)
    for name, score in all_scores(evaluation).items():
        assert score.f1 == 1.0, name


def test_relabelled_alias_still_matches(gold: Gold) -> None:
    graph = perfect_graph(gold)
    uk = node_of(gold, "GBR")
    graph.nodes[uk]["label"] = "U.K."
    graph.nodes[uk]["aliases"] = []
    evaluation = evaluate(graph, gold)
    assert evaluation.entities == Score(tp=26, fp=0, fn=0)
    assert evaluation.core.f1 == 1.0


def test_type_must_agree(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.nodes[node_of(gold, "nato")]["type"] = "country"
    evaluation = evaluate(graph, gold)
    assert evaluation.entities == Score(tp=25, fp=1, fn=1)
    assert "NATO (organization, nato)" in [f.text for f in evaluation.misses]


def test_location_nodes_are_not_scored_but_their_edges_are(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_node("location:kyiv", label="Kyiv", type="location", aliases=[])
    graph.add_edge("location:kyiv", node_of(gold, "M1"), key="hosts", relation="hosts",
                   negated=False)
    evaluation = evaluate(graph, gold)
    assert evaluation.entities.f1 == 1.0
    (hit,) = evaluation.false_hits
    assert (hit.category, hit.reason) == ("core", "subject not in gold")


def test_any_object_accepts_a_real_object(gold: Gold) -> None:
    graph = perfect_graph(gold)
    pol = node_of(gold, "POL")
    graph.remove_edge(pol, pol, key="declines_troops")
    graph.add_node("location:ukraine", label="Ukraine", type="location")
    graph.add_edge(pol, "location:ukraine", key="declines_troops", relation="declines_troops",
                   negated=False)
    assert evaluate(graph, gold).core.f1 == 1.0


def test_optional_relations_are_neither_rewarded_nor_penalised(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.remove_edge(node_of(gold, "macron"), node_of(gold, "trump"), key="met_with")
    baseline = evaluate(perfect_graph(gold), gold)
    assert evaluate(graph, gold).extended == baseline.extended


def test_role_disagreement_is_reported_not_scored(gold: Gold) -> None:
    graph = perfect_graph(gold)
    healey, uk = node_of(gold, "healey"), node_of(gold, "GBR")
    graph.edges[healey, uk, "affiliated_with"]["role"] = ["Foreign Secretary"]
    graph.edges[node_of(gold, "macron"), node_of(gold, "FRA"), "affiliated_with"]["role"] = [
        "French President", "head of state"]
    evaluation = evaluate(graph, gold)
    assert evaluation.extended.f1 == 1.0
    disagreeing = [(r.subject, r.predicted_role) for r in evaluation.roles if not r.agrees]
    assert disagreeing == [("healey", "Foreign Secretary")]
    assert "roles: 7/8 matched affiliated_with edges agree" in format_evaluation(evaluation)


def test_empty_graph_scores_zero_without_crashing(gold: Gold) -> None:
    evaluation = evaluate(nx.MultiDiGraph(), gold)
    for name, score in all_scores(evaluation).items():
        assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0), name
    assert evaluation.entities.fn == 26
    assert evaluation.meetings.fn == 3
    assert "0.000" in format_evaluation(evaluation)


def test_score_of_nothing_is_zero() -> None:
    assert (Score().precision, Score().recall, Score().f1) == (0.0, 0.0, 0.0)
    assert Score(1, 1, 0) + Score(0, 0, 2) == Score(1, 1, 2)


def test_evaluate_is_deterministic_and_json_serialisable(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_node("country:britain", label="Britain", type="country")
    first, second = evaluate(graph, gold), evaluate(graph.copy(), gold)
    assert first == second
    data = json.loads(json.dumps(first.to_dict()))
    assert data["scores"]["entities"]["fp"] == 1
    assert set(data["scores"]) == {"entities", "meetings", "entities_and_meetings",
                                   "core_relations", "extended_relations"}


def test_builder_output_against_a_tiny_gold(tiny_graph: nx.MultiDiGraph) -> None:
    evaluation = evaluate(tiny_graph, load_gold(GOLD_DIR / "tiny.gold.json"))
    assert evaluation.entities == Score(tp=2, fp=0, fn=0)
    assert evaluation.meetings == Score(tp=1, fp=0, fn=0)
    assert evaluation.core == Score(tp=2, fp=1, fn=0)
    (hit,) = evaluation.false_hits
    assert hit.text == "Freedonia -attends-> Summit (Monday)"
    assert hit.evidence == "Freedonia will attend the summit, officials said."


# --- format_evaluation ---------------------------------------------------------------------


def test_format_ends_with_the_summary_table(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.remove_edge(node_of(gold, "POL"), node_of(gold, "BLR"), key="cites_threat")
    graph.add_node("person:nobody", label="Nobody", type="person")
    text = format_evaluation(evaluate(graph, gold))
    last = text.splitlines()[-8:]
    assert last[0] == "meeting candidates (target 1 each): M1=1 M2=1 M3=1"
    assert last[1].startswith("roles: 8/8")
    assert last[2].split() == ["P", "R", "F1", "tp", "fp", "fn"]
    assert [line[:20].strip() for line in last[3:]] == [
        "person/country/org", "meetings", "entities+meetings", "core relations",
        "extended relations"]
    assert last[3].split()[-6:] == ["0.963", "1.000", "0.981", "26", "1", "0"]
    assert last[6].split()[-3:] == ["13", "0", "1"]
    # Misses and false hits come before the summary.
    assert text.index("Nobody [person:nobody]") < text.index("meeting candidates")
    assert text.index("Poland -cites_threat-> Belarus") < text.index("meeting candidates")


def test_format_truncates_long_evidence(gold: Gold) -> None:
    graph = perfect_graph(gold)
    graph.add_edge(node_of(gold, "ITA"), node_of(gold, "M1"), key="hosts", relation="hosts",
                   negated=False, provenance=provenance(graph, "word " * 100))
    line = next(x for x in format_evaluation(evaluate(graph, gold)).splitlines()
                if x.startswith("  [core]"))
    assert len(line) < 300 and line.endswith('…"')


def test_load_gold_nested_too_deep(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text("[" * 1_000_000 + "]" * 1_000_000)
    with pytest.raises(GoldFormatError, match="nested deeper than 100 levels: not a gold"):
        load_gold(path)


REALNEWS = Path(__file__).parent / "data" / "realnews"
REALNEWS_CORPORA = sorted(p for split in ("dev", "blind") for p in (REALNEWS / split).iterdir()
                          if p.is_dir())


@pytest.mark.parametrize("corpus", REALNEWS_CORPORA, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_news_corpus_is_complete(corpus: Path) -> None:
    """A corpus the scoring script would crash on or could not cite is caught here, not there."""
    load_gold(corpus / "gold.json")
    assert any((corpus / "articles").glob("*.txt"))
    sources = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    assert "kept here for evaluation only" in sources
