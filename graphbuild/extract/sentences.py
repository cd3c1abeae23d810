"""Sentence facts of one parsed article, computed once per Doc.

spaCy's ``Token.sent`` scans the sentence on every call and ``Doc.text`` joins the whole
text, so reading them per claim makes a run-on sentence of 20,000 words quadratic in time
and, through evidence strings, in memory. The rules ask this index instead.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from graphbuild.dates import MONTHS, RELATIVE_DAYS
from graphbuild.lexicon import words

# Evidence longer than this is cut to a window around the cue, so that provenance grows
# linearly with the article even when a "sentence" runs for pages.
MAX_EVIDENCE = 600
_WINDOW = 250
_KEY = "graphbuild_sentences"


class Sentences:
    """Token -> sentence number, sentence bounds, texts and DATE entities of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = []
        self.ends: list[int] = []
        for sent in doc.sents:
            if self.starts and not any(t.is_alpha or t.is_digit for t in sent):
                self.ends[-1] = sent.end  # a closing quote the parser left on its own
                continue
            self.starts.append(sent.start)
            self.ends.append(sent.end)
        self._texts: dict[int, str] = {}
        self._dates: dict[int, list[Span]] | None = None
        self._words: dict[int, frozenset[str]] = {}

    def number(self, token_index: int) -> int:
        """The number of the sentence a token is in."""
        return max(0, bisect_right(self.starts, token_index) - 1)

    def span(self, number: int) -> Span:
        return self.doc[self.starts[number]:self.ends[number]]

    def index(self) -> dict[int, int]:
        """Token index -> sentence number, for every token."""
        bounds = zip(self.starts, self.ends, strict=True)
        return {i: number for number, (start, end) in enumerate(bounds)
                for i in range(start, end)}

    def dates(self, number: int) -> list[Span]:
        """The DATE entities of a sentence."""
        if self._dates is None:
            self._dates = {}
            surnames = frozenset(ent[-1].text for ent in self.doc.ents
                                 if ent.label_ == "PERSON" and len(ent) > 1)
            for ent in self.doc.ents:
                if ent.label_ == "DATE" and not _a_named_person(ent, surnames):
                    self._dates.setdefault(self.number(ent.start), []).append(ent)
            # "today’s summit": the model misses the day before a curly possessive
            for token in self.doc:
                if token.lower_ in RELATIVE_DAYS and not token.ent_type_:
                    self._dates.setdefault(self.number(token.i), []).append(
                        Span(self.doc, token.i, token.i + 1, label="DATE"))
            for found in self._dates.values():
                found.sort(key=lambda span: span.start)
        return self._dates.get(number, [])

    def words(self, number: int) -> frozenset[str]:
        """The lower-cased words of a sentence."""
        if number not in self._words:
            self._words[number] = frozenset(t.lower_ for t in self.span(number))
        return self._words[number]

    def evidence(self, number: int, cue_start: int, cue_end: int) -> tuple[int, int, str]:
        """(start, end, text) of the evidence for a cue: its sentence, or a window of the
        sentence around the cue when the sentence is over-long."""
        span = self.span(number)
        if number not in self._texts:
            self._texts[number] = span.text
        text = self._texts[number]
        start, end = span.start_char, span.end_char
        if end - start <= MAX_EVIDENCE:
            return start, end, text
        low, high = max(start, cue_start - _WINDOW), min(end, cue_end + _WINDOW)
        return low, high, text[low - start:high - start]


def sentences(doc: Doc) -> Sentences:
    """The sentence index of a Doc, built on first use."""
    found = doc.user_data.get(_KEY)
    if not isinstance(found, Sentences):
        found = Sentences(doc)
        doc.user_data[_KEY] = found
    return found


def _a_named_person(ent: Span, surnames: frozenset[str]) -> bool:
    """'Trump welcomed May', 'talks with May': in an article that names Theresa May, a
    month's name alone is her, unless a time preposition or a day number makes it a date
    ('in May', 'on May 5')."""
    word = ent.root
    if len(ent) != 1 or word.lower_ not in MONTHS or word.text not in surnames:
        return False
    timed = word.dep_ == "pobj" and word.head.lower_ in words("meetings", "time_preps")
    return not timed and not any(c.like_num for c in word.children)
