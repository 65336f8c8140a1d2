"""The store interface: what the pipeline and the API need from any database backend.

DuckDB (embedded, the default) implements it in ``duckdb_store``; a server backend
(PostgreSQL) implements the same methods, so the pipeline, the CLI and the Python API never
see which one they talk to.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

import pandas as pd

from tacitus.model import ArticleResult, InputProblem
from tacitus.store.query import EventFilter

# Every table a store holds, in the order documented in the README.
TABLES: tuple[str, ...] = (
    "articles", "events", "parties", "places", "evidence", "quotes", "claims", "incidents",
    "incident_events", "events_flat", "failures", "schema_migrations",
)


@dataclass(frozen=True, slots=True)
class WriteSummary:
    """What one batch changed: re-ingesting stored articles adds zero of everything."""

    articles: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(self.articles + other.articles, self.skipped + other.skipped,
                            self.events + other.events, self.failures + other.failures)


class Store(ABC):
    """A tacitus database. Writes are atomic per batch; reads return pandas DataFrames."""

    path: str

    @abstractmethod
    def migrate(self) -> list[str]:
        """Apply pending named migrations (each in its own transaction); return their names."""

    @abstractmethod
    def write_batch(self, results: Sequence[ArticleResult],
                    failures: Sequence[InputProblem] = ()) -> WriteSummary:
        """Store articles not yet stored, their events and incidents, and failures: all or nothing."""

    @abstractmethod
    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids (text hashes) are stored already."""

    def has_article(self, article_id: str) -> bool:
        return article_id in self.known_articles([article_id])

    @abstractmethod
    def events(self, where: EventFilter | None = None) -> pd.DataFrame:
        """Events (one row each, flattened as the native export) matching the filter."""

    @abstractmethod
    def incidents(self, where: EventFilter | None = None) -> pd.DataFrame:
        """Incidents with at least one member event matching the filter, with all evidence."""

    @abstractmethod
    def articles(self) -> pd.DataFrame:
        """Stored articles with their text."""

    @abstractmethod
    def failures(self) -> pd.DataFrame:
        """Inputs that failed, with their message."""

    @abstractmethod
    def sql(self, query: str) -> pd.DataFrame:
        """Run one read-only query (a single SELECT or WITH statement)."""

    @abstractmethod
    def _select(self, sql: str, params: list[Any]) -> pd.DataFrame:
        """Run one SELECT built by tacitus (``?`` placeholders, portable between DuckDB and
        PostgreSQL 15) and return its rows; dates come back as ``datetime.date``.

        Protected because the SQL must never contain user text: callers build it from
        ``EventFilter.where()`` and whitelisted names only (``tacitus.api.views``). Safe to call
        from several threads at once, which the HTTP server does.
        """

    @abstractmethod
    def article_result(self, article_id: str) -> ArticleResult:
        """One stored article with its events and quotes, as the pipeline produced it."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row count of every table."""

    @abstractmethod
    def rebuild_incidents(self) -> int:
        """Recompute every incident from scratch (after a change to the merge rule)."""

    def cluster_events(self) -> None:
        """Store events in (date, country) order where the backend's scans depend on it.

        Nothing to do by default (a server database answers through its indexes); the DuckDB
        backend rewrites ``events_flat`` so that its per-row-group min/max skip most of the file.
        """

    @abstractmethod
    def close(self) -> None:
        """Release the database (and its lock)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
