"""The relation table in data/lexicon.toml wires the rule modules."""

from __future__ import annotations

import importlib

from graphbuild.extract.rules import rules
from graphbuild.graph import CORE_RELATIONS
from graphbuild.lexicon import core_relations, relation_names, relation_specs


def test_every_relation_names_modules_with_rules():
    for spec in relation_specs():
        for module in spec.rules:
            loaded = importlib.import_module(f"graphbuild.extract.rules.{module}")
            assert loaded.RULES, f"{module} has no RULES"
        assert spec.help


def test_the_registry_runs_each_module_once():
    modules = dict.fromkeys(m for spec in relation_specs() for m in spec.rules)
    expected = sum(len(importlib.import_module(f"graphbuild.extract.rules.{m}").RULES)
                   for m in modules)
    assert len(rules()) == expected


def test_core_relations_come_from_the_lexicon():
    assert CORE_RELATIONS == core_relations() == (
        "hosts", "attends", "declines_troops", "cites_threat")
    assert set(relation_names()) >= {"withdrew_from", "met_with", "member_of",
                                     "affiliated_with"}
