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
from graphbuild.names import honorific_sexes, name_key, normalise_name, surname_owner
from graphbuild.resolve.core import Resolver
from graphbuild.types import Mention

_SURNAME_SIMILARITY = 85
# Surnames of two full names with the same first name (Aasland / Osland).
_VARIANT_SIMILARITY = 75
# First names of two full names with the same rest (Yusuf / Yousuf Raza Gilani).
_FIRST_NAME_SIMILARITY = 80
# Surnames compared at once: a block's scores take 4 bytes per full name's surname each.
_SURNAME_BLOCK = 256
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
            full.by_surname[normalise_name(mention.key.split()[-1])].add(mention.key)
    names = sorted({k.removeprefix("person:") for k in resolver.key_of.values()})
    _join_full_names(resolver, names)
    _join_first_name_variants(resolver, names)
    _join_family_names(resolver, names)
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
    surname_keys = sorted({k for k in resolver.key_of.values() if " " not in k})
    surnames = [key.removeprefix("person:") for key in surname_keys]
    closest = _close_full_names([surname.lower() for surname in surnames], names)
    for surname_key, surname, close in zip(surname_keys, surnames, closest, strict=True):
        if len(close) == 1:
            resolver.merge(surname_key, f"person:{close.pop()}", surname,
                           "spelling variant of the surname of the only close full name")


def _close_full_names(surnames: list[str], names: list[str]) -> list[set[str]]:
    """For each surname (lower case), the full names whose surname scores at least
    ``_SURNAME_SIMILARITY`` with it.

    Compared in blocks of surnames against the distinct surnames of the full names with
    ``process.cdist``, which compares many short strings at once: one ``process.extract``
    per surname spent a tenth of a second on 1,300 surnames and 5,000 full names.
    """
    full_names: dict[str, set[str]] = defaultdict(set)
    for name in names:
        full_names[name.split()[-1].lower()].add(name)
    choices = sorted(full_names)
    if not choices:
        return [set() for _ in surnames]
    found: list[set[str]] = []
    for start in range(0, len(surnames), _SURNAME_BLOCK):
        # Scores under the cut-off are 0, so what is not 0 is close.
        scores = process.cdist(surnames[start:start + _SURNAME_BLOCK], choices,
                               scorer=fuzz.ratio, score_cutoff=_SURNAME_SIMILARITY, workers=1)
        for row in scores:
            found.append({name for index in row.nonzero()[0]
                          for name in full_names[choices[index]]})
    return found


def _join_full_names(resolver: Resolver, names: list[str]) -> None:
    """Spelling variants, split surnames and left-out middle names of one full name.

    Names are compared within the group of their first name, each name's words read once
    (a group of 116 Johns makes 6,670 pairs); in a group, two names are the same name
    (:func:`graphbuild.names.same_name`) when they are the same letters without spaces.
    """
    by_first: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for name in names:
        tokens = name_key(name).split()
        by_first[tokens[0]].append((name, tokens))
    for group in by_first.values():
        letters = ["".join(tokens) for _, tokens in group]
        rests = [" ".join(tokens[1:]) for _, tokens in group]
        for i, (first, a) in enumerate(group):
            for j in range(i + 1, len(group)):
                second, b = group[j]
                if letters[i] == letters[j]:
                    resolver.merge(f"person:{first}", f"person:{second}", second,
                                   f"same name as {first}, written differently")
                elif len(a) == len(b) and fuzz.ratio(rests[i], rests[j]) >= _VARIANT_SIMILARITY:
                    resolver.merge(f"person:{first}", f"person:{second}", second,
                                   f"spelling variant of {first} (same first name)")
        for name, first_last in group:
            # "George Bush" is "George W. Bush" when no other George ... Bush is named.
            if len(first_last) != 2:
                continue
            longer = {f"person:{other}" for other, tokens in group
                      if len(tokens) > 2 and [tokens[0], tokens[-1]] == first_last}
            if len({resolver.union.find(k) for k in longer}) == 1:
                resolver.merge(min(longer), f"person:{name}", name,
                               f"{min(longer).removeprefix('person:')} without a middle name")


def _join_first_name_variants(resolver: Resolver, names: list[str]) -> None:
    """'Yusuf Raza Gilani' and 'Yousuf Raza Gilani', 'Mohammed bin Zayed' and 'Mohamed bin
    Zayed': first names spelt two ways before the same rest of the name. A rest of one
    word must be shared by these two names only ("Mohammed Khan" and "Muhammad Khan"
    beside "Imran Khan" may be two men)."""
    by_rest: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in names:
        tokens = name_key(name).split()
        if len(tokens) >= 2:
            by_rest[" ".join(tokens[1:])].append((name, tokens[0]))
    for rest, group in by_rest.items():
        if len(group) < 2 or (" " not in rest and len(group) > 2):
            continue
        for i, (first, a) in enumerate(group):
            for second, b in group[i + 1:]:
                if a != b and min(len(a), len(b)) >= 4 \
                        and fuzz.ratio(a, b) >= _FIRST_NAME_SIMILARITY:
                    resolver.merge(f"person:{first}", f"person:{second}", second,
                                   f"spelling variant of {first} (same surname)")


def _join_family_names(resolver: Resolver, names: list[str]) -> None:
    """'Peña Nieto' and 'Enrique Peña Nieto', 'bin Salman' and 'Mohammed bin Salman': two
    words that end one longer name only are that person's family name, written alone."""
    words_of = {name: name_key(name).split() for name in names}
    endings: dict[str, set[str]] = defaultdict(set)
    for name, tokens in words_of.items():
        if len(tokens) > 2:
            endings[" ".join(tokens[-2:])].add(name)
    for name, tokens in words_of.items():
        longer = sorted(endings.get(" ".join(tokens), ())) if len(tokens) == 2 else []
        if longer and len({resolver.union.find(f"person:{other}") for other in longer}) == 1:
            resolver.merge(f"person:{longer[0]}", f"person:{name}", name,
                           f"family name of {longer[0]} (the only longer name it ends)")


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
    # "Chavez" is the surname of "Hugo Chávez": names compare without accents or case
    compared = normalise_name(name)

    def allowed(keys: Iterable[str]) -> list[str]:
        return [k for k in keys
                if not resolver.forbidden_names(mention.text, k.removeprefix("person:"))]

    article = allowed(full.by_article[mention.article_id])
    local = {resolver.union.find(k) for k in article
             if normalise_name(k.split()[-1]) == compared}
    if not local:
        # "Dewi said" after "Dewi Kartika Sari" (names without a family name first).
        local = {resolver.union.find(k) for k in article
                 if normalise_name(k.removeprefix("person:").split()[0]) == compared}
    if len(local) == 1:
        return local.pop(), f"surname of a full name in the same article {mention.article_id}"
    corpus = {resolver.union.find(k) for k in allowed(full.by_surname.get(compared, ()))}
    if not local and len(corpus) == 1:
        return corpus.pop(), "only full name with this surname in the corpus"
    # "Trump" in an article naming Donald and Ivanka Trump: the one the news calls so alone
    owner = surname_owner(name)
    if owner is None:
        return None
    known = [root for root in local or corpus
             if normalise_name(root.removeprefix("person:")) == normalise_name(owner)]
    if len(known) == 1:
        return known[0], "the public figure called by this surname alone (people.json)"
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
