"""Signers of what a meeting issues take part in it: "the summit issued a declaration ...
It was signed by Akayev, Yeltsin and Jiang"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.meetings import focus_meeting
from graphbuild.extract.meetings.when_where import date_of
from graphbuild.extract.rules.claims import emit
from graphbuild.extract.rules.context import (
    Context,
    agents,
    is_passive,
    relation_words,
)
from graphbuild.extract.rules.offers import starts_at
from graphbuild.extract.syntax import PRONOUNS, children
from graphbuild.lexicon import words
from graphbuild.meeting_identity import dates_agree
from graphbuild.types import Claim

# The meeting signed at is told just before: this sentence or the two before it.
_WINDOW = 2


@starts_at("VERB", lemmas=lambda: words("meetings", "signing_verbs"))
def _signed_by(token: Token, ctx: Context) -> Iterator[Claim]:
    """'It was signed by A and B', 'the declaration, signed by A and B' -> they attend the
    meeting in focus; not a document dated otherwise ("the 1996 treaty was signed by")."""
    if token.lemma_.lower() not in words("meetings", "signing_verbs") or not is_passive(token):
        return
    documents = relation_words("attends", "signed_documents")
    signed = children(token, "nsubjpass") or ([token.head] if token.dep_ == "acl" else [])
    if not signed or not all(s.lower_ in PRONOUNS or s.lemma_.lower() in documents
                             for s in signed):
        return
    meeting = focus_meeting(ctx.meetings, token.i, ctx.sentence_of[token.i],
                            window=_WINDOW, in_person=True)
    when = date_of(token)
    if meeting is None or (when and not (meeting.date and dates_agree(
            when, meeting.date) == "same")):
        return
    yield from emit(ctx, "attends", agents(token, ctx), meeting, token, [token],
                    negatable=False)


RULES = (_signed_by,)
