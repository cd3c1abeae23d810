"""The pipeline's attribute ruler, compiled: the same POS, morphology and lemma exceptions,
about twenty times cheaper.

spaCy's ``attribute_ruler`` runs a ``Matcher`` whose set predicates (``IN``, ``NOT_IN``,
``REGEX``) are Python calls for every token and pattern; on ``en_core_web_sm`` that costs
more than all of graphbuild's rules. Every one of its patterns looks only at a token's
``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` (and, for a few two-token patterns, at the
next token's), so which patterns match a token is a function of those four values: it is
worked out once per distinct combination and remembered. The ruler's own attribute table
and spaCy's ``set_token_attrs`` apply the results in the ruler's order (later patterns
win), so the output is the ruler's, token for token; a pipeline whose ruler uses anything
else keeps the original component.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_SLOTS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Distinct (tag, word, dependency, space) combinations remembered; past it the memory is
# cleared (a long run over an archive meets ever more rare words).
MAX_REMEMBERED = 300_000

Test = tuple[int, str, Any]
Key = tuple[int, int, int, bool]


class UnsupportedPattern(ValueError):
    """A ruler pattern uses an attribute or operator this compiler does not handle."""


def _compile(spec: dict[str, Any], add: Callable[[str], int]) -> list[Test]:
    tests: list[Test] = []
    for name, value in spec.items():
        if name.upper() not in _SLOTS:
            raise UnsupportedPattern(name)
        slot = _SLOTS.index(name.upper())
        if slot == 3:
            if not isinstance(value, bool):
                raise UnsupportedPattern(f"IS_SPACE {value!r}")
            tests.append((slot, "==", value))
        elif isinstance(value, str):
            tests.append((slot, "==", add(value) if value else 0))
        elif isinstance(value, dict):
            for operator, argument in value.items():
                if operator in ("IN", "NOT_IN"):
                    tests.append((slot, operator,
                                  frozenset(add(v) if v else 0 for v in argument)))
                elif operator == "REGEX":
                    tests.append((slot, operator, re.compile(argument)))
                else:
                    raise UnsupportedPattern(operator)
        else:
            raise UnsupportedPattern(repr(value))
    return tests


def _passes(tests: list[Test], key: Key, token: Token) -> bool:
    for slot, operator, argument in tests:
        value = key[slot]
        if operator == "==":
            if value != argument:
                return False
        elif operator == "IN":
            if value not in argument:
                return False
        elif operator == "NOT_IN":
            if value in argument:
                return False
        elif not argument.search((token.tag_, token.lower_, token.dep_)[slot]):
            return False
    return True


class CompiledAttributeRuler:
    """Drop-in for a loaded ``AttributeRuler`` (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        add = ruler.vocab.strings.add
        self.attrs = ruler.attrs
        self.specs: list[list[Test]] = []
        # (attribute id, spec) of one-token patterns; (attribute id, specs, index) of longer.
        self.single: list[tuple[int, int]] = []
        self.longer: list[tuple[int, tuple[int, ...], int]] = []
        for attr_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                ids = []
                for spec in pattern:
                    self.specs.append(_compile(spec, add))
                    ids.append(len(self.specs) - 1)
                if len(ids) == 1:
                    self.single.append((attr_id, ids[0]))
                else:
                    self.longer.append((attr_id, tuple(ids), ruler.indices[attr_id]))
        # Per slot, (spec, its tests on that slot) for every spec that tests it, and the
        # specs that do not test it (they pass whatever the value).
        self._tests_on: list[list[tuple[int, list[Test]]]] = [
            [(i, on_slot) for i, tests in enumerate(self.specs)
             if (on_slot := [test for test in tests if test[0] == slot])]
            for slot in range(len(_SLOTS))]
        self._untested = [frozenset(range(len(self.specs))) - {i for i, _ in tested}
                          for tested in self._tests_on]
        self._passing: dict[tuple[int, Any], frozenset[int]] = {}
        self._known: dict[Key, tuple[tuple[int, ...], frozenset[int], dict[int, int],
                                     tuple[tuple[int, tuple[int, ...], int], ...]]] = {}

    def _learn(self, key: Key, token: Token) -> tuple[Any, ...]:
        """Which specs a token of this kind passes, and the merged attributes of its
        one-token patterns (applied in order, later ones overriding)."""
        if len(self._known) >= MAX_REMEMBERED:
            self._known.clear()
            self._passing.clear()
        passed = frozenset.intersection(*(self._untested[slot] | self._passed(slot, key, token)
                                          for slot in range(len(_SLOTS))))
        singles = tuple(attr_id for attr_id, spec in self.single if spec in passed)
        merged: dict[int, int] = {}
        for attr_id in singles:
            merged.update(self.attrs[attr_id])
        starting = tuple(p for p in self.longer if p[1][0] in passed)
        entry = self._known[key] = (singles, passed, merged, starting)
        return entry

    def _passed(self, slot: int, key: Key, token: Token) -> frozenset[int]:
        """The specs with a test on ``slot`` that this value passes: worked out once per
        value, so a new word costs only the word tests, not every pattern again (kept as
        the passing few, not the failing many: one set per word of the corpus)."""
        remembered = self._passing.get((slot, key[slot]))
        if remembered is None:
            remembered = self._passing[(slot, key[slot])] = frozenset(
                i for i, tests in self._tests_on[slot] if _passes(tests, key, token))
        return remembered

    def __call__(self, doc: Doc) -> Doc:
        known = self._known
        entries = []
        for token in doc:
            key = (token.tag, token.lower, token.dep, token.is_space)
            entry = known.get(key)
            entries.append(entry if entry is not None else self._learn(key, token))
        # Matches are all found before any attribute is set, as in the Matcher.
        longer: dict[int, list[int]] = {}
        for i, entry in enumerate(entries):
            for attr_id, ids, index in entry[3]:
                end = i + len(ids)
                if end <= len(entries) and all(
                        ids[k] in entries[i + k][1] for k in range(1, len(ids))):
                    target = i + index if index >= 0 else end + index
                    longer.setdefault(target, []).append(attr_id)
        for i, entry in enumerate(entries):
            extra = longer.get(i)
            if extra is None:
                if entry[2]:
                    set_token_attrs(doc[i], entry[2])
            else:
                for attr_id in sorted([*entry[0], *extra]):
                    set_token_attrs(doc[i], self.attrs[attr_id])
        return doc
