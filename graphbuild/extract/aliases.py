"""Doc + mentions -> alias links: "X, commonly referred to as Y", "X (Y)"."""

from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.types import AliasLink, Mention

_NAMED = {"organization", "country", "person"}
_BRIDGE = {"commonly", "also", "widely", "often", "sometimes", "now", "which", "who", "is",
           "was", "are", "were", "being", "be"}


def alias_links(doc: Doc, by_token: dict[int, Mention]) -> list[AliasLink]:
    """Pairs of mentions the text itself says are one entity."""
    links: list[AliasLink] = []
    for cue_start, cue_end in doc._.graphbuild_alias_cues:
        verb = doc[cue_start]
        if verb.pos_ in ("VERB", "AUX") and (verb.tag_ != "VBN" or any(
                c.dep_ == "nsubj" for c in verb.children)):
            continue  # "Merz called on Trump", "Trump called Putin": no naming
        alias = next((by_token[i] for i in range(cue_end, min(cue_end + 3, len(doc)))
                      if i in by_token), None)
        if alias is None or alias.type not in _NAMED:
            continue
        antecedent = _antecedent(doc, cue_start, by_token, alias)
        if antecedent is not None:
            cue = doc[cue_start:cue_end].text
            links.append(AliasLink(antecedent, alias, f'"{cue}" in {alias.article_id}'))
    return links + _parenthesised(doc, by_token)


def _antecedent(doc: Doc, cue_start: int, by_token: dict[int, Mention],
                alias: Mention) -> Mention | None:
    """The name the cue attaches to, or (when the parse attaches it elsewhere) the
    name right before it: "the X Group, commonly referred to as ..."."""
    for ancestor in doc[cue_start].ancestors:
        found = by_token.get(ancestor.i)
        if found is not None and found.type == alias.type and found != alias:
            return found
    index = cue_start - 1
    while index >= 0 and (doc[index].is_punct or doc[index].lower_ in _BRIDGE):
        index -= 1
    found = by_token.get(index) if index >= 0 else None
    if found is not None and found.type == alias.type and found != alias:
        return found
    return None


def _parenthesised(doc: Doc, by_token: dict[int, Mention]) -> list[AliasLink]:
    links: list[AliasLink] = []
    for token in doc[1:-1]:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        before, inside = by_token.get(token.i - 1), by_token.get(token.i + 1)
        if before and inside and before != inside and before.type == inside.type:
            links.append(AliasLink(before, inside, f"parenthesis in {before.article_id}"))
    return links
