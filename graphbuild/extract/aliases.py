"""Doc + mentions -> alias links: "X, commonly referred to as Y", "X (Y)"."""

from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.types import AliasLink, Mention

_NAMED = {"organization", "country", "person"}


def alias_links(doc: Doc, by_token: dict[int, Mention]) -> list[AliasLink]:
    """Pairs of mentions the text itself says are one entity."""
    links: list[AliasLink] = []
    for cue_start, cue_end in doc._.graphbuild_alias_cues:
        alias = next((by_token[i] for i in range(cue_end, min(cue_end + 3, len(doc)))
                      if i in by_token), None)
        if alias is None or alias.type not in _NAMED:
            continue
        for ancestor in doc[cue_start].ancestors:
            antecedent = by_token.get(ancestor.i)
            if antecedent is not None and antecedent.type == alias.type and antecedent != alias:
                cue = doc[cue_start:cue_end].text
                links.append(AliasLink(antecedent, alias, f'"{cue}" in {alias.article_id}'))
                break
    for token in doc[1:-1]:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        before, inside = by_token.get(token.i - 1), by_token.get(token.i + 1)
        if before and inside and before != inside and before.type == inside.type:
            links.append(AliasLink(before, inside, f"parenthesis in {before.article_id}"))
    return links
