"""Extract stage: parsed Doc -> mentions, claims and alias links of one article.

spaCy objects stop here: everything returned holds character offsets and text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.extract.affiliations import affiliation_claims
from graphbuild.extract.aliases import alias_links
from graphbuild.extract.coref import references
from graphbuild.extract.meetings import meeting_mentions
from graphbuild.extract.meetings.distributive import distribute
from graphbuild.extract.mentions import entity_mentions, index_tokens, sentence_index
from graphbuild.extract.rules import OverBudget, relation_claims
from graphbuild.types import Article, ArticleExtraction


def extract(doc: Doc, article: Article, *, deadline: float | None = None
            ) -> ArticleExtraction:
    """Read the entities, meetings and relations of one parsed article; past ``deadline``
    (a ``time.monotonic()`` value) the article is given up and marked ``over_budget``."""
    sentence_of = sentence_index(doc)
    mentions = entity_mentions(doc, article.id, sentence_of)
    by_token = index_tokens(doc, mentions)
    headline_end = len(article.title) if article.title and article.text.startswith(
        article.title) else 0
    meetings = meeting_mentions(doc, article.id, by_token, sentence_of,
                                headline_end=headline_end)
    # A meeting's short name the model took for a body ("CHOGM") is the meeting only.
    renamed = {by_token[i] for i, meeting in meetings.items() if i in by_token
               and (by_token[i].start, by_token[i].end) == (meeting.start, meeting.end)}
    if renamed:
        mentions = [m for m in mentions if m not in renamed]
        by_token = {i: m for i, m in by_token.items() if m not in renamed}
    affiliations = affiliation_claims(doc, article.id, mentions, by_token)
    refs = references(doc, mentions, by_token, affiliations, sentence_of)
    try:
        claims = relation_claims(doc, article.id, by_token, meetings, sentence_of, refs,
                                 deadline=deadline)
    except OverBudget:
        return ArticleExtraction(article.id, (), (), (), over_budget=True)
    meeting_list, claims = distribute(doc, meetings, claims, by_token)
    claims += affiliations
    all_mentions = sorted({*mentions, *meeting_list}, key=lambda m: (m.start, m.end, m.key))
    return ArticleExtraction(article.id, tuple(all_mentions), tuple(claims),
                             tuple(alias_links(doc, by_token)))
