"""Property-based: extraction takes any text without an exception, and every claim points
into the text it was read from (untrusted input, issue 9)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.types import ArticleExtraction

WORDS = st.sampled_from(["Kenya", "will", "host", "a", "summit", "in", "Nairobi", "on",
                         "Monday", ",", ".", "and", "Chile", "not", "attend", "the", "talks",
                         "William Ruto", "met", "with", "he", "they", "\n\n", "\"", "'s",
                         "troops", "threat", "from"])


@given(st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=60).map(" ".join)))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_is_extracted_without_an_exception(
        read: Callable[[str], ArticleExtraction], text: str) -> None:
    extraction = read(text)
    for claim in extraction.claims:
        evidence = claim.evidence
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert evidence.sentence == text[evidence.start:evidence.end]
