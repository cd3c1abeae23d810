"""What a meeting is called: the words of its name, and the short names a text gives it.

A name is the noun with its modifiers ("the 26th China-ASEAN Summit") or, when the parser
hung it on an earlier word, the whole name the noun ends ("the Commonwealth Heads of
Government Meeting"); a bracketed acronym after it ("(CHOGM)") names it again later.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graphbuild.extract.meetings.words import explicit_kind
from graphbuild.extract.syntax import name_head
from graphbuild.lexicon import words
from graphbuild.types import Mention


def span_text(token: Token) -> tuple[int, int, str]:
    """Start, end and text of the meeting a noun names, with its article and modifiers."""
    left = [c for c in token.children if c.dep_ in ("det", "poss", "amod", "compound", "nummod")
            and c.i < token.i]
    start_token = min([token, *left], key=lambda t: t.i)
    head = meeting_name_head(token)
    if head is not None:
        start_token = min([head, *(c for c in head.children if c.dep_ == "det" and c.i < head.i),
                           start_token], key=lambda t: t.i)
    start = start_token.idx
    end = token.idx + len(token.text)
    return start, end, token.doc[start_token.i:token.i + 1].text


def meeting_name_head(token: Token) -> Token | None:
    """The word that stands for the meeting whose name ``token`` ends ("Heads" in "will
    attend the Commonwealth Heads of Government Meeting"), unless another meeting noun
    stands between ("the Session of the Council (Ministerial Session)")."""
    head = name_head(token)
    if head is None or any(word.lemma_.lower() in words("meetings", "nouns")
                           for word in token.doc[head.i:token.i]):
        return None
    return head


def name_words(token: Token, by_token: dict[int, Mention]) -> frozenset[str]:
    """The capitalised words that name a meeting, places left out ("the 26th China-ASEAN
    Summit" -> china-asean; "the Bali summit" -> none: a place is not a name)."""
    found = set()
    for child in token.children:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i > token.i:
            continue
        for part in child.subtree:
            mention = by_token.get(part.i)
            if part.pos_ == "PROPN" and not part.like_num and not (
                    mention is not None and mention.type in ("country", "location")):
                found.add(part.lower_)
    return frozenset(found)


def short_names(doc: Doc, by_token: dict[int, Mention]) -> dict[str, Token]:
    """Short names a text gives its named meetings in brackets -> the meeting noun:
    "the Commonwealth Heads of Government Meeting (CHOGM)"."""
    found: dict[str, Token] = {}
    for token in doc[1:-2]:
        if token.text != "(" or doc[token.i + 2].text != ")":
            continue
        noun, short = doc[token.i - 1], doc[token.i + 1]
        if noun.is_title and short.is_upper and len(short) > 1 and short.is_alpha \
                and explicit_kind(noun, by_token) is not None \
                and any(_initials_agree(short.text, name) for name in (
                    span_text(noun)[2], doc[noun.left_edge.i:noun.i + 1].text)):
            # "the ASEAN Foreign Ministers' Meeting Retreat (AMMR)": the whole phrase
            found[short.text] = noun
    return found


def _initials_agree(short: str, name: str) -> bool:
    """'CHOGM' for "Commonwealth Heads of Government Meeting": its letters are initials of
    the name's words, in order."""
    initials = iter(word[0].upper() for word in name.split() if word[0].isalpha())
    return all(letter in initials for letter in short)
