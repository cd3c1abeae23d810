"""The user's alias file: names that must be one entity, and pairs that must not."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild import jsonlimits
from graphbuild.errors import AliasFileError
from graphbuild.names import normalise_name

if TYPE_CHECKING:
    from graphbuild.resolve.core import Resolver

logger = logging.getLogger(__name__)

_MEETING_ID = re.compile(r"#meeting-\d+$")


@dataclass(frozen=True)
class AliasRules:
    """User overrides: names that must be one entity, and pairs that must not."""

    merge: tuple[tuple[str, ...], ...] = ()
    forbid: tuple[tuple[str, str], ...] = ()

    def forbidden_meetings(self) -> tuple[tuple[str, str], ...]:
        """The forbidden pairs of per-article meetings, by their ids ("a1#meeting-0")."""
        return tuple(pair for pair in self.forbid if is_meeting_id(pair[0]))


def is_meeting_id(name: str) -> bool:
    """Whether ``name`` is the id of a meeting as one article reads it, as aliases.json
    shows it ("012#meeting-1": article 012's second meeting)."""
    return _MEETING_ID.search(name) is not None


def load_alias_rules(path: str | Path) -> AliasRules:
    """Read ``{"merge": [[name, ...], ...], "forbid": [[a, b], ...]}``."""
    try:
        data = jsonlimits.loads(Path(path).read_text(encoding="utf-8"))
        unknown = sorted(set(data) - {"merge", "forbid"}) if isinstance(data, dict) else []
        if unknown:
            raise ValueError(f'unknown key {", ".join(map(repr, unknown))} (the keys are '
                             '"merge" and "forbid")')
        merge = tuple(tuple(str(n) for n in group) for group in data.get("merge", []))
        forbid = tuple((str(a), str(b)) for a, b in data.get("forbid", []))
        _check_meeting_ids(merge, forbid)
        groups = [{normalise_name(n) for n in group} for group in merge]
        for a, b in forbid:
            if any({normalise_name(a), normalise_name(b)} <= group for group in groups):
                raise ValueError(f'"{a}" and "{b}" are both merged and forbidden')
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise AliasFileError(
            f"Cannot read alias file {path}: {error}. Expected JSON like "
            '{"merge": [["Zelensky", "Zelenskyy"]], "forbid": [["Georgia", "Georgia (US state)"]]}'
        ) from error
    return AliasRules(merge, forbid)


def _check_meeting_ids(merge: tuple[tuple[str, ...], ...],
                       forbid: tuple[tuple[str, str], ...]) -> None:
    for name in (n for group in merge for n in group if is_meeting_id(n)):
        raise ValueError(f'"{name}" is a meeting: meetings can be kept apart ("forbid"), '
                         "not merged")
    for a, b in forbid:
        if is_meeting_id(a) != is_meeting_id(b):
            meeting, other = (a, b) if is_meeting_id(a) else (b, a)
            raise ValueError(f'"{meeting}" is a meeting and "{other}" is not: forbid a meeting '
                             "with another meeting")


def apply_user_merges(resolver: Resolver) -> None:
    """Merge what the alias file merges; warn of names no mention has, and stop at a
    meeting id no article has (ids are exact, a name may belong to another corpus)."""
    meetings = {m.key for m in resolver.mentions() if m.type == "meeting"}
    unknown = sorted({n for pair in resolver.rules.forbidden_meetings() for n in pair}
                     - meetings)
    if unknown:
        raise AliasFileError(f'Alias file: no meeting "{unknown[0]}" in this corpus. A '
                             "meeting is named by its id as aliases.json shows it, "
                             f'such as "{min(meetings) if meetings else "a1#meeting-0"}"')
    named = {*(n for group in resolver.rules.merge for n in group),
             *(n for pair in resolver.rules.forbid for n in pair if not is_meeting_id(n))}
    if not named:
        return
    keys_by_name: dict[str, set[str]] = defaultdict(set)
    for mention, key in resolver.key_of.items():
        keys_by_name[normalise_name(mention.text)].add(key)
    for name in sorted(n for n in named if normalise_name(n) not in keys_by_name):
        logger.warning('alias file: no entity in the corpus is called "%s"', name)
    for group in resolver.rules.merge:
        keys = sorted({k for name in group for k in keys_by_name.get(normalise_name(name), set())})
        for other in keys[1:]:
            resolver.merge(keys[0], other, other, "user alias file", forced=True)
