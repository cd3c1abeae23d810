"""The spaCy pipeline: model loading, graphbuild's components, parsing.

Consumes ``Article`` records, produces parsed ``Doc`` objects. The statistical NER is
corrected by ``graphbuild_entities`` (``nlp.entities``); the attribute ruler is replaced by
its compiled equivalent (``nlp.tagging``), which gives the same annotations faster.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from graphbuild.errors import ModelNotFoundError
from graphbuild.models import default_model, not_installed
from graphbuild.nlp import entities as _components  # noqa: F401  (registers the components)
from graphbuild.nlp.tagging import CompiledAttributeRuler, UnsupportedPattern
from graphbuild.nlp.words import keep_whole_words
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
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("graphbuild_whole_word_lemmas", after="lemmatizer")
    nlp.add_pipe("graphbuild_paragraphs", before="parser")
    nlp.add_pipe("graphbuild_entities", after="ner")
    _compile_attribute_ruler(nlp)
    logger.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version", ""))
    return nlp


def parse(nlp: Language, articles: Iterable[Article], *, batch_size: int = 4,
          n_process: int = 1) -> Iterator[tuple[Doc, Article]]:
    """Parse articles, keeping each Doc paired with its Article. Small batches bound the
    parser's memory (a batch of long articles is what it holds at once) and cost no
    speed on this pipeline."""
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)


def _compile_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler for its compiled equivalent when every pattern
    compiles; otherwise keep the original (same output, only slower)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        if not isinstance(ruler, AttributeRuler):
            raise UnsupportedPattern(type(ruler).__name__)
        compiled = CompiledAttributeRuler(ruler)
    except UnsupportedPattern as error:
        logger.info("keeping spaCy's attribute ruler (%s)", error)
        return
    slot = nlp.replace_pipe("attribute_ruler", "graphbuild_attribute_ruler")
    assert isinstance(slot, _CompiledRulerSlot)
    slot.use(compiled)


class _CompiledRulerSlot:
    """The pipeline component that runs a :class:`CompiledAttributeRuler` once given one."""

    def __init__(self) -> None:
        self.ruler: CompiledAttributeRuler | None = None

    def use(self, ruler: CompiledAttributeRuler) -> None:
        self.ruler = ruler

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc) if self.ruler is not None else doc


@Language.factory("graphbuild_attribute_ruler", assigns=["token.pos", "token.morph",
                                                         "token.lemma"])
def make_compiled_attribute_ruler(nlp: Language, name: str) -> _CompiledRulerSlot:
    """spaCy factory for the compiled attribute ruler (filled in by ``load_pipeline``)."""
    return _CompiledRulerSlot()

