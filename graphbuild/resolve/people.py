"""People: surnames and first names to full names, spelling variants of one name."""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz, process

from graphbuild.names import name_key, same_name
from graphbuild.resolve.core import Resolver

_SURNAME_SIMILARITY = 85
# Surnames of two full names with the same first name (Aasland / Osland).
_VARIANT_SIMILARITY = 75


def person_keys(resolver: Resolver) -> None:
    """Surnames -> full names; spelling variants of one name -> one key."""
    full_by_article: dict[str, dict[str, str]] = defaultdict(dict)
    first_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    full_names: Counter[str] = Counter()
    for mention in resolver.mentions():
        name = mention.key.removeprefix("person:")
        if mention.type == "person" and " " in name:
            full_by_article[mention.article_id][name.split()[-1]] = name
            first_names[mention.article_id][name.split()[0]].add(name)
            full_names[name] += 1
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        by_surname[name.split()[-1]].add(name)
    for mention in resolver.mentions():
        if mention.type != "person":
            continue
        name = mention.key.removeprefix("person:")
        if " " not in name:
            local = full_by_article[mention.article_id].get(name)
            same_first = first_names[mention.article_id].get(name, set())
            if local is None and len(same_first) == 1:
                # "Dewi said" after "Dewi Kartika Sari" (names without a family name first).
                local = next(iter(same_first))
            corpus = by_surname.get(name, set())
            if local and resolver.forbidden_names(mention.text, local):
                local = None
            corpus = {n for n in corpus if not resolver.forbidden_names(mention.text, n)}
            if local:
                resolver.decide(mention.text, f"person:{local}", "surname of a full name in "
                                f"the same article {mention.article_id}")
                name = local
            elif len(corpus) == 1:
                (name,) = corpus
                resolver.decide(mention.text, f"person:{name}", "only full name with this "
                                "surname in the corpus")
        resolver.key_of[mention] = f"person:{name}"
    names = sorted(full_names)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[name_key(name).split()[0]].append(name)
    pairs = [(first, second) for group in by_first.values()
             for i, first in enumerate(group) for second in group[i + 1:]]
    for first, second in pairs:
        a, b = name_key(first).split(), name_key(second).split()
        if same_name(first, second):
            resolver.merge(f"person:{first}", f"person:{second}", second,
                           f"same name as {first}, written differently")
        elif len(a) == len(b) and fuzz.ratio(" ".join(a[1:]), " ".join(b[1:])) \
                >= _VARIANT_SIMILARITY:
            resolver.merge(f"person:{first}", f"person:{second}", second,
                           f"spelling variant of {first} (same first name)")
    last_names = [n.split()[-1].lower() for n in names]
    for surname_key in sorted({k for k in resolver.key_of.values() if " " not in k}):
        surname = surname_key.removeprefix("person:")
        hits = process.extract(surname.lower(), last_names, scorer=fuzz.ratio,
                               score_cutoff=_SURNAME_SIMILARITY, limit=None)
        close = {names[index] for _, _, index in hits}
        if len(close) == 1:
            resolver.merge(surname_key, f"person:{close.pop()}", surname,
                           "spelling variant of the surname of the only close full name")
