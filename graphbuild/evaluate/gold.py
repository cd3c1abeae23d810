"""Gold files: the hand-made reference graph, read and validated into :class:`Gold`."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graphbuild import jsonlimits
from graphbuild.errors import GoldFormatError
from graphbuild.graph import CORE_RELATIONS
from graphbuild.names import normalise_name

ANY_OBJECT = "*"


@dataclass(frozen=True)
class GoldEntity:
    """An entity or meeting of the gold graph, with every accepted surface form."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> frozenset[str]:
        """Normalised name and aliases."""
        return frozenset(f for f in map(normalise_name, (self.name, *self.aliases)) if f)


@dataclass(frozen=True)
class GoldRelation:
    """A gold relation between gold ids; ``object`` ``"*"`` accepts any object."""

    subject: str
    relation: str
    object: str
    negated: bool = False
    optional: bool = False
    role: str | None = None


@dataclass(frozen=True)
class Gold:
    """A hand-made reference graph, as read by :func:`load_gold`."""

    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    core_relations: tuple[str, ...] = CORE_RELATIONS
    about: str = ""
    source: str = ""


def load_gold(path: str | os.PathLike[str]) -> Gold:
    """Read a gold JSON file such as ``seeds.gold.json``.

    Raises
    ------
    GoldFormatError
        The file is missing, unreadable, not JSON, or lacks required keys.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldFormatError(f"Gold file {path} does not exist; pass the path of a gold "
                              "JSON file such as tests/data/gold/seeds.gold.json") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"Cannot read gold file {path}: {exc}") from exc
    try:
        data = jsonlimits.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"Gold file {path} is not valid JSON: {exc.msg} "
                              f"(line {exc.lineno}, column {exc.colno})") from exc
    except ValueError as exc:
        raise GoldFormatError(f"Gold file {path} is {exc}: not a gold graph") from exc
    return gold_from_dict(data, source=str(path))


def gold_from_dict(data: object, *, source: str = "<gold>") -> Gold:
    """Validate the parsed JSON of a gold file and build a :class:`Gold`.

    >>> gold = gold_from_dict({"entities": [{"id": "A", "type": "country", "name": "A"}],
    ...                        "relations": [{"s": "A", "p": "declines_troops", "o": "*"}]})
    >>> gold.relations[0].object
    '*'
    """
    if not isinstance(data, dict):
        raise GoldFormatError(f'{source}: expected a JSON object with "entities" and "relations"')
    entities = tuple(_entity(item, f"entities[{i}]", source)
                     for i, item in enumerate(_list(data, "entities", source)))
    ids = [e.id for e in entities]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GoldFormatError(f"{source}: duplicate entity ids {', '.join(duplicates)}; "
                              "give every entity a unique id")
    relations = tuple(_relation(item, f"relations[{i}]", source, set(ids))
                      for i, item in enumerate(_list(data, "relations", source)))
    core = data.get("core_relations", list(CORE_RELATIONS))
    if not isinstance(core, list) or not all(isinstance(c, str) for c in core):
        raise GoldFormatError(f'{source}: "core_relations" must be a list of relation names')
    about = data.get("about", "")
    return Gold(entities, relations, tuple(core), about if isinstance(about, str) else "", source)


def _list(data: Mapping[str, object], key: str, source: str) -> list[object]:
    if key not in data:
        raise GoldFormatError(f'{source}: missing key "{key}" (a gold file needs "entities" '
                              'and "relations")')
    value = data[key]
    if not isinstance(value, list):
        raise GoldFormatError(f'{source}: "{key}" must be a list')
    return value


def _field(item: Mapping[str, object], key: str, where: str, source: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise GoldFormatError(f'{source}: {where} is missing key "{key}" (a non-empty string)')
    return value


def _entity(item: object, where: str, source: str) -> GoldEntity:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{source}: {where} must be an object")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldFormatError(f'{source}: {where} "aliases" must be a list of strings')
    return GoldEntity(_field(item, "id", where, source), _field(item, "type", where, source),
                      _field(item, "name", where, source), tuple(aliases))


def _relation(item: object, where: str, source: str, ids: set[str]) -> GoldRelation:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{source}: {where} must be an object")
    subject, relation, obj = (_field(item, k, where, source) for k in ("s", "p", "o"))
    for ref in (subject, obj if obj != ANY_OBJECT else subject):
        if ref not in ids:
            raise GoldFormatError(f'{source}: {where} refers to unknown entity "{ref}"; '
                                  'add it to "entities" or fix the id')
    negated = item.get("negated", False)
    optional = item.get("optional", False)
    role = item.get("role")
    if not isinstance(negated, bool) or not isinstance(optional, bool):
        raise GoldFormatError(f'{source}: {where} "negated" and "optional" must be true or false')
    if role is not None and not isinstance(role, str):
        raise GoldFormatError(f'{source}: {where} "role" must be a string')
    return GoldRelation(subject, relation, obj, negated, optional, role or None)
