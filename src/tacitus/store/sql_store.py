"""What the SQL backends share: migrations, batch writes, incident linking and reads.

DuckDB and PostgreSQL must hold the same rows for the same input, so everything that decides
*what* is stored is written once, here, over a few primitives each backend supplies (run a
query, insert rows, open a write transaction, turn a result into a DataFrame). Queries here use
only SQL both dialects accept: ``?`` placeholders (the PostgreSQL backend translates them) and
lists passed as ``CAST(? AS TEXT[])``.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, ClassVar

import pandas as pd

from tacitus.errors import StoreError
from tacitus.merge import (
    Incident,
    MergeItem,
    candidate_window,
    get_rule,
    group,
    item_of,
    summarise,
)
from tacitus.model import ArticleResult, InputProblem
from tacitus.store.base import TABLES, Store, WriteSummary
from tacitus.store.migrations import Migration, migrations
from tacitus.store.query import EventFilter
from tacitus.store.rows import RESULT_TABLES, Row, failure_row, result_of, result_rows

# A list parameter, in the form both dialects accept.
IN_LIST = "IN (SELECT unnest(CAST(? AS TEXT[])))"

# Columns of events_flat that MergeItem is built from, in MergeItem's field names.
_ITEM_COLUMNS = (
    "id AS event_id, article_id, type, status, date, date_precision, "
    "location_country AS country, location_admin1 AS admin1, location_lat AS lat, "
    "location_lon AS lon, location_precision AS precision, "
    "coalesce(location_name, location_text) AS location, "
    "actor_id, actor_country, actor_name AS actor, recipient_id, recipient_country, "
    "recipient_name AS recipient, source, published, killed, injured"
)


NUL = "\x00"
NUL_STORED_AS = "\ufffd"
"""What a NUL character in a text becomes in every backend. PostgreSQL text cannot hold NUL
(it ends C strings); DuckDB can, and the two must store the same rows. A NUL in a news report
is debris of an encoding or a binary file, never content; replacing it by U+FFFD, Unicode's
mark for an unrepresentable character, keeps the text's length, so the character offsets of
evidence, quotes and claims still point at the same words. The article id stays the hash of
the text as read, so a re-run still recognises the article as stored."""
NUL_WARNING = "NUL characters stored as U+FFFD (a database text cannot hold NUL)"


def _replace_nul(rows: Iterable[Row]) -> bool:
    """Replace NUL in every text value (and text in lists) of ``rows``, in place; whether there
    was any. Values written as JSON (provenance, parties) carry NUL escaped as ``\\u0000``,
    which any database holds, and stay as they are."""
    replaced = False
    for row in rows:
        for key, value in row.items():
            if isinstance(value, str) and NUL in value:
                row[key] = value.replace(NUL, NUL_STORED_AS)
                replaced = True
            elif isinstance(value, list) and any(isinstance(v, str) and NUL in v for v in value):
                row[key] = [v.replace(NUL, NUL_STORED_AS) if isinstance(v, str) else v
                            for v in value]
                replaced = True
    return replaced


class SqlStore(Store):
    """A store over a SQL database; subclasses supply the connection and its primitives."""

    path: str
    read_only: bool
    con: Any
    driver_error: ClassVar[type[Exception]]
    """The driver's base exception class."""
    translate: ClassVar[Callable[[Any, str], StoreError]]
    """The driver's error -> the one-line StoreError naming the database."""

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Translate the driver's errors inside the block into one-line StoreErrors."""
        try:
            yield
        except self.driver_error as exc:
            raise type(self).translate(exc, self.path) from exc

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """One write transaction (committed at the end of the block, rolled back on error),
        holding whatever lock keeps concurrent writers from interleaving."""

    @abstractmethod
    def _execute(self, query: str, params: Sequence[Any] = ()) -> None:
        """Run a statement (or, without parameters, a script of several)."""

    @abstractmethod
    def _fetch(self, query: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query; its rows as dicts keyed by column name."""

    @abstractmethod
    def _frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a query; its rows as a DataFrame typed as DuckDB types them (dates as objects)."""

    @abstractmethod
    def _insert(self, table: str, rows: Sequence[Row], *, or_ignore: bool = False) -> None:
        """Insert rows (all with the same keys); ``or_ignore`` skips rows whose key is stored."""

    def _own_migrations(self) -> tuple[Migration, ...]:
        """Migrations only this backend runs, after the shared ones (names must not clash)."""
        return ()

    def _open(self, *, migrate: bool) -> None:
        """After connecting: check the schema (read-only) or bring it up to date; on failure
        the connection is closed, so a refused open never keeps a lock."""
        try:
            if self.read_only:
                self._check_schema()
            elif migrate:
                self.migrate()
        except BaseException:
            self.con.close()
            raise

    def _check_schema(self) -> None:
        with self._guard():
            found = self._fetch("SELECT table_name FROM information_schema.tables "
                                "WHERE table_name = 'schema_migrations'")
        if not found:
            raise StoreError("not a tacitus database (no schema_migrations table)", where=self.path)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("database is open read-only", where=self.path)

    def migrate(self) -> list[str]:
        self._check_writable()
        with self._transaction():
            self._execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                          "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
        applied = []
        for migration in (*migrations(), *self._own_migrations()):
            with self._transaction():
                if self._fetch("SELECT name FROM schema_migrations WHERE name = ?",
                               [migration.name]):
                    continue
                self._execute(migration.sql)
                self._execute("INSERT INTO schema_migrations VALUES (?, ?)",
                              [migration.name, datetime.now(UTC).replace(tzinfo=None)])
            applied.append(migration.name)
        return applied

    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        if not article_ids:
            return set()
        with self._guard():
            found = self._fetch(f"SELECT id FROM articles WHERE id {IN_LIST}", [list(article_ids)])
        return {r["id"] for r in found}

    def write_batch(self, results: Sequence[ArticleResult],
                    failures: Sequence[InputProblem] = ()) -> WriteSummary:
        self._check_writable()
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._transaction():
            known = self.known_articles([r.article.id for r in results])
            fresh: dict[str, ArticleResult] = {}
            tables: dict[str, list[Row]] = {t: [] for t in RESULT_TABLES}
            for result in results:
                if result.article.id in known or result.article.id in fresh:
                    continue
                rows = result_rows(result, now)
                if _replace_nul(row for table in rows.values() for row in table):
                    rows["articles"][0]["warnings"].append(NUL_WARNING)
                fresh[result.article.id] = result
                for table, table_rows in rows.items():
                    tables[table].extend(table_rows)
            for table in RESULT_TABLES:
                self._insert(table, tables[table])
            before = self._count("failures")
            failed = [failure_row(f, now) for f in failures]
            _replace_nul(failed)
            self._insert("failures", failed, or_ignore=True)
            added = self._count("failures") - before
            self._link_incidents([item_of(e, r.article) for r in fresh.values() for e in r.events])
        return WriteSummary(articles=len(fresh), skipped=len(results) - len(fresh),
                            events=len(tables["events"]), failures=added)

    def _items(self, where: str, params: list[Any]) -> list[tuple[MergeItem, str | None]]:
        out = []
        for row in self._fetch(
                f"SELECT {_ITEM_COLUMNS}, incident_id FROM events_flat WHERE {where}", params):
            incident = row.pop("incident_id")
            out.append((MergeItem(**row), incident))
        return out

    def _link_incidents(self, new: list[MergeItem]) -> None:
        """Attach newly stored events to incidents (see tacitus.merge)."""
        if not new:
            return
        rule = get_rule()
        stored: list[MergeItem] = []
        incident_of: dict[str, str] = {}
        window = candidate_window(new, rule)
        if window is not None:
            countries = sorted({i.country for i in new if i.country})
            for item, owner in self._items(
                    f"location_country {IN_LIST} AND date BETWEEN ? AND ? "
                    "AND incident_id IS NOT NULL", [countries, window[0], window[1]]):
                stored.append(item)
                incident_of[item.event_id] = owner or ""
        groups = group(new, stored, incident_of, rule)
        old_ids = sorted({i for g in groups for i in g.old_incident_ids})
        old_members: dict[str, list[MergeItem]] = {}
        if old_ids:
            for item, owner in self._items(f"incident_id {IN_LIST}", [old_ids]):
                old_members.setdefault(owner or "", []).append(item)
        by_id = {i.event_id: i for i in new}
        incidents: list[Incident] = []
        links: list[Row] = []
        for g in groups:
            members = [by_id[e] for e in g.new_event_ids]
            for old in g.old_incident_ids:
                members.extend(old_members.get(old, []))
            incident = summarise(members, rule)
            incidents.append(incident)
            links.extend({"event_id": m.event_id, "incident_id": incident.id} for m in members)
        self._replace_incidents(old_ids, incidents, links)

    def _replace_incidents(self, old_ids: list[str], incidents: list[Incident],
                           links: list[Row]) -> None:
        if old_ids:
            self._execute(f"DELETE FROM incidents WHERE id {IN_LIST}", [old_ids])
        event_ids = [link["event_id"] for link in links]
        if event_ids:
            self._execute(f"DELETE FROM incident_events WHERE event_id {IN_LIST}", [event_ids])
        summaries = [asdict(i) for i in incidents]
        _replace_nul(summaries)  # names and places come from the events' text
        self._insert("incidents", summaries)
        self._insert("incident_events", links)
        if links:
            self._execute(
                "UPDATE events_flat SET incident_id = l.incident_id FROM ("
                "SELECT unnest(CAST(? AS TEXT[])) AS event_id, "
                "unnest(CAST(? AS TEXT[])) AS incident_id) l WHERE events_flat.id = l.event_id",
                [event_ids, [link["incident_id"] for link in links]])

    def rebuild_incidents(self) -> int:
        self._check_writable()
        rule = get_rule()
        with self._transaction():
            items = [item for item, _ in self._items("TRUE", [])]
            self._execute("DELETE FROM incident_events")
            self._execute("DELETE FROM incidents")
            by_id = {i.event_id: i for i in items}
            incidents: list[Incident] = []
            links: list[Row] = []
            for g in group(items, (), {}, rule):
                incident = summarise([by_id[e] for e in g.new_event_ids], rule)
                incidents.append(incident)
                links.extend({"event_id": e, "incident_id": incident.id} for e in g.new_event_ids)
            self._replace_incidents([], incidents, links)
        return len(incidents)

    def events(self, where: EventFilter | None = None) -> pd.DataFrame:
        condition, params = (where or EventFilter()).where()
        return self._frame(f"SELECT * FROM events_flat WHERE {condition} "
                           "ORDER BY date NULLS LAST, article_id, seq", params)

    def incidents(self, where: EventFilter | None = None) -> pd.DataFrame:
        condition, params = (where or EventFilter()).where()
        return self._frame(
            "WITH members AS ("
            "  SELECT ie.incident_id, array_agg(DISTINCT art.source ORDER BY art.source) "
            "      FILTER (WHERE art.source IS NOT NULL) AS sources,"
            "    array_agg(e.id ORDER BY e.id) AS event_ids"
            "  FROM incident_events ie JOIN events e ON e.id = ie.event_id"
            "  JOIN articles art ON art.id = e.article_id GROUP BY ie.incident_id),"
            " spans AS ("
            "  SELECT ie.incident_id, array_agg(v.sentence ORDER BY v.event_id, v.seq) AS evidence"
            "  FROM incident_events ie JOIN evidence v ON v.event_id = ie.event_id"
            "  GROUP BY ie.incident_id)"
            " SELECT i.*, m.sources, m.event_ids,"
            " coalesce(s.evidence, CAST(ARRAY[] AS TEXT[])) AS evidence"
            " FROM incidents i JOIN members m ON m.incident_id = i.id"
            " LEFT JOIN spans s ON s.incident_id = i.id"
            f" WHERE i.id IN (SELECT incident_id FROM events_flat WHERE {condition})"
            " ORDER BY i.date_first NULLS LAST, i.id", params)

    def articles(self) -> pd.DataFrame:
        return self._frame("SELECT * FROM articles ORDER BY ingested_at, id")

    def failures(self) -> pd.DataFrame:
        return self._frame("SELECT path, line, severity, message, recorded_at FROM failures "
                           "ORDER BY recorded_at, path, line")

    def article_result(self, article_id: str) -> ArticleResult:
        with self._guard():
            articles = self._fetch("SELECT * FROM articles WHERE id = ?", [article_id])
            if not articles:
                raise StoreError(f"no stored article {article_id}", where=self.path)
            events = self._fetch("SELECT * FROM events WHERE article_id = ?", [article_id])
            ids = [e["id"] for e in events]
            parts = {t: self._fetch(f"SELECT * FROM {t} WHERE event_id {IN_LIST}", [ids])
                     for t in ("parties", "places", "evidence")}
            quotes = self._fetch("SELECT * FROM quotes WHERE article_id = ?", [article_id])
            claims = self._fetch("SELECT * FROM claims WHERE article_id = ?", [article_id])
        return result_of(articles[0], events, parts["parties"], parts["places"],
                         parts["evidence"], quotes, claims)

    def _count(self, table: str) -> int:
        row = self._fetch(f"SELECT count(*) AS n FROM {table}")
        return int(row[0]["n"]) if row else 0

    def counts(self) -> dict[str, int]:
        with self._guard():
            return {t: self._count(t) for t in TABLES}
