"""People: full names written differently, then surnames and first names, to one person.

A bare surname joins the one person of its article with that surname, else the one person
of the corpus with it; when its article names two (George H. W. Bush and George W. Bush),
or the corpus does and its article none, it stays apart. An honorific of the other sex
("Mrs Howard" beside a man the corpus calls "Mr Howard") never joins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from graphbuild.lexicon import words
from graphbuild.names import honorific_sexes, name_key, same_name
from graphbuild.resolve.core import Resolver
from graphbuild.types import Mention

_SURNAME_SIMILARITY = 85
# Surnames of two full names with the same first name (Aasland / Osland).
_VARIANT_SIMILARITY = 75
# Characters read before a person's mention for its honorifics ("Rt Hon Sir").
_TITLES_BEFORE = 30


def person_keys(resolver: Resolver) -> None:
    """Full names written differently -> one key; then surnames and first names -> the
    one person they can be, unless an honorific says the other sex."""
    full = _FullNames()
    for mention in resolver.mentions():
        if mention.type == "person" and " " in mention.key:
            resolver.key_of[mention] = mention.key
            full.by_article[mention.article_id].add(mention.key)
            full.by_surname[mention.key.split()[-1]].add(mention.key)
    names = sorted({k.removeprefix("person:") for k in resolver.key_of.values()})
    _join_full_names(resolver, names)
    short = [m for m in resolver.mentions() if m.type == "person" and m not in resolver.key_of]
    person_of = {mention: _person_named(resolver, mention, full) for mention in short}
    sexes = _sexes(resolver, person_of)
    for mention in short:
        name = mention.key.removeprefix("person:")
        found = person_of[mention]
        written = _as_written(resolver, mention)
        said = honorific_sexes(written)
        if found is None:
            resolver.key_of[mention] = mention.key
        elif said and sexes.get(found[0]) and said != {sexes[found[0]]}:
            # "Mrs Howard" beside Michael Howard: someone of her own, titled as written.
            titles = " ".join(t.rstrip(".") for t in written.split()[:-1])
            resolver.assign(mention, f"person:{titles} {name}", f'"{titles}" says another '
                            f"sex than the honorifics of {found[0].removeprefix('person:')}")
        else:
            root, reason = found
            resolver.assign(mention, root, reason)
    last_names = [n.split()[-1].lower() for n in names]
    for surname_key in sorted({k for k in resolver.key_of.values() if " " not in k}):
        surname = surname_key.removeprefix("person:")
        hits = process.extract(surname.lower(), last_names, scorer=fuzz.ratio,
                               score_cutoff=_SURNAME_SIMILARITY, limit=None)
        close = {names[index] for _, _, index in hits}
        if len(close) == 1:
            resolver.merge(surname_key, f"person:{close.pop()}", surname,
                           "spelling variant of the surname of the only close full name")


def _join_full_names(resolver: Resolver, names: list[str]) -> None:
    """Spelling variants, split surnames and left-out middle names of one full name."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[name_key(name).split()[0]].append(name)
    for group in by_first.values():
        for i, first in enumerate(group):
            a = name_key(first).split()
            for second in group[i + 1:]:
                b = name_key(second).split()
                if same_name(first, second):
                    resolver.merge(f"person:{first}", f"person:{second}", second,
                                   f"same name as {first}, written differently")
                elif len(a) == len(b) and fuzz.ratio(" ".join(a[1:]), " ".join(b[1:])) \
                        >= _VARIANT_SIMILARITY:
                    resolver.merge(f"person:{first}", f"person:{second}", second,
                                   f"spelling variant of {first} (same first name)")
        for name in group:
            # "George Bush" is "George W. Bush" when no other George ... Bush is named.
            first_last = name_key(name).split()
            longer = {f"person:{other}" for other in group
                      if len(first_last) == 2 and _with_middle_names(first_last, other)}
            if len({resolver.union.find(k) for k in longer}) == 1:
                resolver.merge(min(longer), f"person:{name}", name,
                               f"{min(longer).removeprefix('person:')} without a middle name")


def _with_middle_names(first_last: list[str], name: str) -> bool:
    tokens = name_key(name).split()
    return len(tokens) > 2 and [tokens[0], tokens[-1]] == first_last


@dataclass
class _FullNames:
    """Full-name keys by article and by surname, to look short names up in."""

    by_article: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _person_named(resolver: Resolver, mention: Mention, full: _FullNames
                  ) -> tuple[str, str] | None:
    """The root key of the one person a surname or first name names, and why: the one
    person of its article with that name, else the one in the corpus; None when there is
    none or more than one."""
    name = mention.key.removeprefix("person:")

    def allowed(keys: Iterable[str]) -> list[str]:
        return [k for k in keys
                if not resolver.forbidden_names(mention.text, k.removeprefix("person:"))]

    article = allowed(full.by_article[mention.article_id])
    local = {resolver.union.find(k) for k in article if k.split()[-1] == name}
    if not local:
        # "Dewi said" after "Dewi Kartika Sari" (names without a family name first).
        local = {resolver.union.find(k) for k in article
                 if k.removeprefix("person:").split()[0] == name}
    if len(local) == 1:
        return local.pop(), f"surname of a full name in the same article {mention.article_id}"
    corpus = {resolver.union.find(k) for k in allowed(full.by_surname.get(name, ()))}
    if not local and len(corpus) == 1:
        return corpus.pop(), "only full name with this surname in the corpus"
    return None


def _sexes(resolver: Resolver, person_of: dict[Mention, tuple[str, str] | None]
           ) -> dict[str, str]:
    """The sex most honorifics say of each person (by root key), over their full names
    ("Mr Michael Howard") and the short names that would join them ("Mr Howard")."""
    said: dict[str, Counter[str]] = defaultdict(Counter)
    named = [(m, resolver.union.find(k)) for m, k in resolver.key_of.items()
             if m.type == "person"]
    named += [(m, found[0]) for m, found in person_of.items() if found is not None]
    for mention, root in named:
        said[root].update(honorific_sexes(_as_written(resolver, mention)))
    sexes = {}
    for root, counts in said.items():
        ranked = counts.most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            sexes[root] = ranked[0][0]
    return sexes


def _as_written(resolver: Resolver, mention: Mention) -> str:
    """The mention with the honorifics just before it in its article: "Mr" + "Howard"
    (the entity recogniser leaves them out of the name)."""
    text = resolver.texts.get(mention.article_id, "")
    before = text[max(0, mention.start - _TITLES_BEFORE):mention.start]
    titles: list[str] = []
    if before[-1:].isspace():
        for word in reversed(before.split()):
            if word.lower().rstrip(".") not in words("people", "honorifics"):
                break
            titles.insert(0, word)
    return " ".join([*titles, mention.text])
