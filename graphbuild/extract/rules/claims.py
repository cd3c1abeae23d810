"""How a rule writes what it read: one claim per subject, with the trigger's negation,
modality, speaker and evidence, decided once for every relation."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.rules.context import Context, actors, relation_words
from graphbuild.extract.sentences import sentences
from graphbuild.extract.syntax import (
    attribution,
    conjuncts,
    is_conditional,
    is_negated,
    is_unrealised,
    modality,
)
from graphbuild.lexicon import place_by_key
from graphbuild.types import Claim, Evidence, Mention

BASE_CONFIDENCE = 0.7


def evidence(ctx: Context, cue_tokens: list[Token]) -> Evidence:
    """The sentence of the cue and the cue's span, as offsets into the article."""
    first, last = min(cue_tokens, key=lambda t: t.i), max(cue_tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    sentence_start, sentence_end, text = sentences(ctx.doc).evidence(
        ctx.sentence_of[cue_tokens[0].i], start, end)
    cue = ctx.doc[first.i:last.i + 1].text if last.i - first.i < 64 else first.text
    return Evidence(ctx.article_id, text, sentence_start, sentence_end, cue, start, end)


def emit(ctx: Context, relation: str, sources: list[Mention], target: Mention | None,
         trigger: Token, cue_tokens: list[Token], *, role: str | None = None,
         negatable: bool = True, named: bool = False) -> Iterator[Claim]:
    """One claim per subject, with the trigger's negation, modality and speaker; none
    when the trigger's clause is only a condition or an attempt or mandate, unless the
    claim is ``named`` by the meeting's own name ("the ASEAN summit" is ASEAN's, whoever
    had planned to attend it)."""
    if not named and (is_conditional(trigger) or is_unrealised(trigger)):
        return
    negated, negation_cue = is_negated(trigger) if negatable else (False, "")
    if relation == "attends" and trigger.lemma_.lower() in relation_words("attends",
                                                                          "absent_verbs"):
        # "is skipping the gathering": absence is a negated attendance.
        negated, negation_cue = not negated, f"{negation_cue} {trigger.text}".strip()
    mood, mood_cue = modality(trigger)
    speaker_token = attribution(trigger)
    speakers: list[Mention] = []
    if speaker_token is not None:
        speakers = [m for s in conjuncts(speaker_token) for m in actors(s, ctx)]
        mood = "reported"
    cue = " ".join(dict.fromkeys(" ".join((mood_cue, negation_cue, *(t.text for t in cue_tokens)))
                                 .split()))
    confidence = BASE_CONFIDENCE - (0.1 if mood in ("expected", "reported") else 0.0)
    for subject in sources:
        if target is not None and subject.key == target.key:
            continue
        if relation in ("attends", "hosts") and _reports_only(subject):
            continue
        # "Poland and Greece have stated ...": each speaks for its own claim.
        speaker = subject if subject in speakers else next(iter(speakers), None)
        yield Claim(subject, relation, target, evidence(ctx, cue_tokens), negated=negated,
                    modality=mood, cue=cue, attributed_to=speaker, role=role,
                    confidence=round(confidence, 2))


def _reports_only(subject: Mention) -> bool:
    """A news agency or network: it reports meetings, it is no party to them."""
    place = place_by_key().get(subject.key)
    return place is not None and place.kind in relation_words("hosts", "non_party_kinds")
