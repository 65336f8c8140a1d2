"""The database API: ``tacitus.open(db)`` -> :class:`Database`, for analysts and for the CLI.

Ingest is resumable and crash-safe because of how it writes: results are grouped into batches
(by count and by time, so a slow corpus still commits often), each batch is one store
transaction, and articles already stored (same text hash) are skipped. Killing the process
loses at most the batch in flight, which the next run redoes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pandas as pd

from tacitus.model import Article, ArticleResult, InputProblem
from tacitus.store import DEFAULT_DB, EventFilter, Store, WriteSummary, open_store
from tacitus.store.exports import export

# Below this many events a full scan is already fast; above it, an ingest that grew the table by
# this fraction re-sorts it (see Store.cluster_events), which costs far less than the coding did.
CLUSTER_MIN_EVENTS = 100_000
CLUSTER_GROWTH = 0.10

Extractor = Callable[[Iterable[str | os.PathLike[str]], Callable[[Article], bool]],
                     Iterator[ArticleResult | InputProblem]]
"""``extractor(paths, skip)``: results for the articles under ``paths`` for which ``skip`` (already
stored) is false, in any order: the one-process pipeline or a Dask cluster."""


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ``ingest`` run did."""

    articles: int
    skipped: int
    events: int
    failures: int
    incidents: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.articles} articles stored ({self.skipped} already stored), "
                f"{self.events} events, {self.incidents} incidents in the database, "
                f"{self.failures} inputs failed (see tacitus errors), {self.seconds:.1f} s")


def _problem(result: ArticleResult) -> InputProblem | None:
    """A result the store cannot hold as it is (the extractor broke its own contract)."""
    ids = [e.id for e in result.events]
    if len(set(ids)) != len(ids):
        return InputProblem(path=result.article.path or result.article.id,
                            message="extraction produced duplicate event ids; article not stored")
    return None


class Database:
    """A tacitus database: query events and incidents as DataFrames, ingest more reports."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def path(self) -> str:
        return self.store.path

    def events(self, *, incidents: bool = False, **filters: Any) -> pd.DataFrame:
        """Events matching the filters (``country``, ``type``, ``actor``, ``since``, ``until``,
        ``near``, ``status``, ``min_confidence``); with ``incidents=True`` the incidents
        those events belong to, one row each."""
        where = EventFilter.parse(**filters)
        return self.store.incidents(where) if incidents else self.store.events(where)

    def incidents(self, **filters: Any) -> pd.DataFrame:
        """Cross-article incidents with at least one event matching the filters."""
        return self.store.incidents(EventFilter.parse(**filters))

    def articles(self) -> pd.DataFrame:
        return self.store.articles()

    def errors(self) -> pd.DataFrame:
        """Inputs that could not be read or coded, with the reason."""
        return self.store.failures()

    def sql(self, query: str) -> pd.DataFrame:
        """One read-only SELECT over the tables documented in the README."""
        return self.store.sql(query)

    def export(self, shape: str, **filters: Any) -> pd.DataFrame:
        """Matching events in the ``native``, ``acled`` or ``gdelt`` shape."""
        return export(self.store, shape, EventFilter.parse(**filters))

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def ingest(self, paths: Iterable[str | os.PathLike[str]], *, batch_size: int = 32,
               batch_seconds: float = 5.0, progress: Callable[[int], None] | None = None,
               extractor: Extractor | None = None) -> IngestSummary:
        """Extract and store every article under ``paths``; resumable and idempotent.

        ``progress`` is called once per input handled (article or failed input);
        ``extractor`` replaces the pipeline (default :func:`tacitus.api.extract_paths`); it is
        given the ``skip`` test that counts already-stored articles as skipped.
        """
        started = time.monotonic()
        total = WriteSummary()
        results: list[ArticleResult] = []
        problems: list[InputProblem] = []
        last_write = time.monotonic()
        failed = 0

        def flush() -> None:
            nonlocal total, last_write
            if results or problems:
                total += self.store.write_batch(results, problems)
            results.clear()
            problems.clear()
            last_write = time.monotonic()

        stored_before = 0

        def already_stored(article: Article) -> bool:
            nonlocal stored_before
            known = self.store.has_article(article.id)
            stored_before += known
            return known

        if extractor is None:
            # Imported here so that querying a database never loads spaCy.
            from tacitus.api.pipeline import extract_paths as extractor
        for item in extractor(paths, already_stored):
            bad = _problem(item) if isinstance(item, ArticleResult) else item
            if bad is not None:
                problems.append(bad)
                failed += 1
            else:
                results.append(item)  # type: ignore[arg-type]
            if progress is not None:
                progress(1)
            if len(results) + len(problems) >= batch_size or \
                    time.monotonic() - last_write >= batch_seconds:
                flush()
        flush()
        stored = self.store.counts()
        if stored["events_flat"] >= CLUSTER_MIN_EVENTS and \
                total.events >= CLUSTER_GROWTH * stored["events_flat"]:
            self.store.cluster_events()
        return IngestSummary(articles=total.articles, skipped=total.skipped + stored_before,
                             events=total.events,
                             failures=failed,
                             incidents=stored["incidents"],
                             seconds=time.monotonic() - started)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open(db: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Database:
    """Open a tacitus database (created on first use unless ``read_only``)."""
    return Database(open_store(db, read_only=read_only))
