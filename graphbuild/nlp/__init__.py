"""The spaCy pipeline: model loading, graphbuild's components, parsing.

Consumes ``Article`` records, produces parsed ``Doc`` objects. The statistical NER is
corrected by ``graphbuild_entities`` (``nlp.entities``); the attribute ruler and the
lemmatizer are replaced by equivalents that give the same annotations faster
(``nlp.tagging``, ``nlp.lemmas``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from graphbuild.errors import ModelNotFoundError
from graphbuild.models import default_model, not_installed
from graphbuild.nlp import entities as _components  # noqa: F401  (registers the components)
from graphbuild.nlp.lemmas import ArrayLemmatizer
from graphbuild.nlp.tagging import CompiledAttributeRuler, UnsupportedPattern
from graphbuild.nlp.words import keep_whole_words, split_abbreviated_pairs
from graphbuild.types import Article

logger = logging.getLogger(__name__)


def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy English pipeline by name and add graphbuild's components.

    Raises
    ------
    ModelNotFoundError
        When no package or path of that name is installed.
    """
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise not_installed(name) from error
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(
            f'spaCy model "{name}" has no parser or entity recogniser; '
            f"graphbuild needs a full English pipeline such as en_core_web_sm"
        )
    keep_whole_words(nlp)
    split_abbreviated_pairs(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("graphbuild_whole_word_lemmas", after="lemmatizer")
    nlp.add_pipe("graphbuild_paragraphs", before="parser")
    nlp.add_pipe("graphbuild_entities", after="ner")
    _swap_for_equivalent(nlp, "attribute_ruler", "graphbuild_attribute_ruler", _compiled_ruler)
    _swap_for_equivalent(nlp, "lemmatizer", "graphbuild_lemmatizer", _array_lemmatizer)
    logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version", ""))
    return nlp


def parse(nlp: Language, articles: Iterable[Article], *, batch_size: int = 4,
          n_process: int = 1) -> Iterator[tuple[Doc, Article]]:
    """Parse articles, keeping each Doc paired with its Article. Small batches bound the
    parser's memory (a batch of long articles is what it holds at once) and cost no
    speed on this pipeline."""
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)


def _swap_for_equivalent(nlp: Language, name: str, factory: str,
                         build: Callable[[Any], Callable[[Doc], Doc]]) -> None:
    """Replace the component ``name`` by the equivalent ``build`` makes of it, run by the
    ``factory`` slot; when it cannot be built, keep the original (same output, slower)."""
    if name not in nlp.pipe_names:
        return
    try:
        equivalent = build(nlp.get_pipe(name))
    except ValueError as error:
        logger.info("keeping spaCy's %s (%s)", name, error)
        return
    slot = nlp.replace_pipe(name, factory)
    assert isinstance(slot, _Slot)
    slot.use(equivalent)


def _compiled_ruler(ruler: Any) -> CompiledAttributeRuler:
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPattern(type(ruler).__name__)
    return CompiledAttributeRuler(ruler)


def _array_lemmatizer(lemmatizer: Any) -> ArrayLemmatizer:
    if not isinstance(lemmatizer, Lemmatizer):
        raise ValueError(type(lemmatizer).__name__)
    return ArrayLemmatizer(lemmatizer)


class _Slot:
    """A pipeline component that runs the equivalent it is given once the pipeline is
    loaded (the original component is needed to build it)."""

    def __init__(self) -> None:
        self.component: Callable[[Doc], Doc] | None = None

    def use(self, component: Callable[[Doc], Doc]) -> None:
        self.component = component

    def __call__(self, doc: Doc) -> Doc:
        return self.component(doc) if self.component is not None else doc


@Language.factory("graphbuild_attribute_ruler", assigns=["token.pos", "token.morph",
                                                         "token.lemma"])
def make_compiled_attribute_ruler(nlp: Language, name: str) -> _Slot:
    """spaCy factory for the compiled attribute ruler (filled in by ``load_pipeline``)."""
    return _Slot()


@Language.factory("graphbuild_lemmatizer", assigns=["token.lemma"])
def make_array_lemmatizer(nlp: Language, name: str) -> _Slot:
    """spaCy factory for the array-based lemmatizer (filled in by ``load_pipeline``)."""
    return _Slot()
