"""The whole single-process pipeline: articles in, coded results out.

This is the function the CLI, the HTTP API, ``eval`` and ``bench`` all call, so that they
measure and serve exactly the same code. Stages run in flow order: parse (nlp), code events
(extract, which resolves actors), find who said what (statements), place them (geo).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from tacitus import actors, extract, geo, ingest, statements
from tacitus.errors import ExtractionError
from tacitus.model import Article, ArticleResult, InputProblem
from tacitus.nlp import ParsedArticle, get_pipeline
from tacitus.statements.claims import claims as find_claims
from tacitus.statements.framing import framing as find_framing
from tacitus.statements.sentiment import party_sentiment

CODED_CHARS = 200_000
"""Longest text coded as one report (about 35,000 words, twenty long features). Longer inputs are
dumps of many reports; their text is stored whole, but only the first paragraphs up to this
length are coded, with a warning, so that one file cannot stall a corpus run."""

WARM_UP_TEXT = (
    "BAGHDAD, Dec 30 (Reuters) - US forces launched air strikes on Sunday against Kataib "
    "Hezbollah sites in Iraq and Syria, killing at least 25 fighters, officials said."
)
"""A short report that touches every stage: coding it loads spaCy and every lexicon and index."""


def _code(parsed: ParsedArticle) -> ArticleResult:
    """Run the stages after parsing on one article."""
    try:
        events = extract.events(parsed)
        quotes, quote_warnings = statements.extract_quotes(parsed, events)
        events = statements.link_quotes(events, quotes)
        placed = actors.localise_parties(geo.place_events(parsed, events))
        framing = find_framing(parsed, placed)
        claims = find_claims(parsed, placed, quotes)
        sentiment = party_sentiment(parsed, statements.parties_of(placed, quotes))
    except Exception as exc:
        if os.environ.get("TACITUS_DEBUG"):
            raise
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}",
                              where=parsed.article.path or parsed.article.id) from exc
    warnings = list(parsed.article.warnings) + quote_warnings
    unresolved = sorted({e.location.text for e in placed
                         if e.location is not None and e.location.lat is None})
    if unresolved:
        warnings.append(f"{len(unresolved)} place name(s) not in the gazetteer, left without "
                        f"coordinates: {', '.join(unresolved)}")
    if parsed.truncated:
        warnings.append(f"article is {len(parsed.article.text):,} characters: only the first "
                        f"{len(parsed.doc.text):,} were coded (split very long files into reports)")
    return ArticleResult(article=parsed.article, events=tuple(placed), quotes=tuple(quotes),
                         warnings=tuple(warnings),
                         framing=tuple(framing), sentiment=tuple(sentiment), claims=tuple(claims))


@cache
def warm_up() -> None:
    """Load everything the pipeline caches per process (once), then freeze it out of the
    garbage collector's sight.

    The first call of every corpus run, and of each new Dask worker, so that a timed run or a
    worker's first task is not charged for start-up. The models, lexicons and gazetteers live
    as long as the process: left to the collector, every full collection walks their millions
    of objects again (measured: 14% of the coding time of the GeoVirus passages went to
    collections; 3% once frozen), and so does the interpreter's exit, which in a Dask worker
    then outlasts the nanny's four-second wait and gets killed.
    """
    for parsed in get_pipeline().parse([Article(text=WARM_UP_TEXT)]):
        _code(parsed)
    gc.freeze()


def extract_articles(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Code each article; raises ExtractionError for an article the pipeline fails on."""
    warm_up()
    for parsed in get_pipeline().parse(articles, max_chars=CODED_CHARS):
        yield _code(parsed)


def code_batch(articles: Sequence[Article]) -> Iterator[ArticleResult | InputProblem]:
    """Code a batch of articles; one the pipeline fails on becomes an InputProblem in its place.

    The unit of work of every corpus run: the one-process path and each Dask task
    (``tacitus.api.cluster``) call it, so both code articles exactly alike.
    """
    warm_up()
    for parsed in get_pipeline().parse(articles, max_chars=CODED_CHARS):
        try:
            yield _code(parsed)
        except ExtractionError as exc:
            yield InputProblem(path=exc.where or "?", message=exc.message)


def extract_text(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> ArticleResult:
    """Code one text. A dateline at its top is parsed unless ``published`` is given."""
    article = ingest.from_text(text, published=published, source=source, title=title, url=url)
    return next(extract_articles([article]))


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[ArticleResult | InputProblem]:
    """Read files, folders and corpora and code every article in them.

    Inputs that cannot be read, and articles the pipeline fails on, come out as InputProblem
    records in their place; the rest go on. Articles for which ``skip`` is true (e.g. already
    stored) are dropped before parsing, which is where the time goes.
    """
    pending: list[Article] = []

    def flush() -> Iterator[ArticleResult | InputProblem]:
        yield from code_batch(pending)
        pending.clear()

    for item in ingest.read_many(Path(p) for p in paths):
        if isinstance(item, InputProblem):
            yield from flush()
            yield item
            continue
        if skip is not None and skip(item):
            continue
        pending.append(item)
        if len(pending) >= 32:
            yield from flush()
    yield from flush()
