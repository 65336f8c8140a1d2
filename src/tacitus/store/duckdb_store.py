"""The embedded DuckDB backend: one file, one writer process, many readers.

Each batch is one transaction: articles, events, their parts, incident updates and failures
become visible together or not at all, so killing ingest at any moment leaves a consistent
database and a re-run stores exactly what is missing. Every DuckDB error is translated into a
one-line StoreError naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from tacitus.errors import ConfigError, StoreError
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
from tacitus.store.driver_errors import store_error
from tacitus.store.migrations import migrations
from tacitus.store.query import EventFilter
from tacitus.store.rows import RESULT_TABLES, Row, failure_row, result_of, result_rows

# Columns of events_flat that MergeItem is built from, in MergeItem's field names.
_ITEM_COLUMNS = (
    "id AS event_id, article_id, type, status, date, date_precision, "
    "location_country AS country, location_admin1 AS admin1, location_lat AS lat, "
    "location_lon AS lon, location_precision AS precision, "
    "coalesce(location_name, location_text) AS location, "
    "actor_id, actor_country, actor_name AS actor, recipient_id, recipient_country, "
    "recipient_name AS recipient, source, published, killed, injured"
)


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


class DuckDBStore(Store):
    """A tacitus database in one DuckDB file (created and migrated on first write-open)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).is_file():
            raise StoreError("no such database (run tacitus ingest first)", where=self.path)
        with self._guard():
            self.con = duckdb.connect(self.path, read_only=read_only)
        try:
            if read_only:
                self._check_schema()
            else:
                self.migrate()
        except BaseException:
            self.con.close()
            raise

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise store_error(exc, self.path) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._guard():
            self.con.begin()
            try:
                yield
            except BaseException:
                try:
                    self.con.rollback()
                except duckdb.Error:
                    pass  # the failed commit already ended the transaction
                raise
            self.con.commit()

    def _check_schema(self) -> None:
        with self._guard():
            applied = {r[0] for r in self.con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_name = 'schema_migrations'").fetchall()}
        if not applied:
            raise StoreError("not a tacitus database (no schema_migrations table)", where=self.path)

    def migrate(self) -> list[str]:
        with self._guard():
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                             "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
            done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for migration in migrations():
            if migration.name in done:
                continue
            with self._transaction():
                self.con.execute(migration.sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)",
                                 [migration.name, datetime.now(UTC).replace(tzinfo=None)])
            applied.append(migration.name)
        return applied

    def _insert(self, table: str, rows: Sequence[Row], *, or_ignore: bool = False) -> None:
        if not rows:
            return
        columns = list(rows[0])
        batch = pa.table({c: [r[c] for r in rows] for c in columns})  # noqa: F841 - scanned by name
        names = ", ".join(f'"{c}"' for c in columns)
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM batch")

    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        if not article_ids:
            return set()
        with self._guard():
            found = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                     [list(article_ids)]).fetchall()
        return {r[0] for r in found}

    def write_batch(self, results: Sequence[ArticleResult],
                    failures: Sequence[InputProblem] = ()) -> WriteSummary:
        if self.read_only:
            raise StoreError("database is open read-only", where=self.path)
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._transaction():
            known = self.known_articles([r.article.id for r in results])
            fresh: dict[str, ArticleResult] = {}
            for result in results:
                if result.article.id not in known:
                    fresh.setdefault(result.article.id, result)
            tables: dict[str, list[Row]] = {t: [] for t in RESULT_TABLES}
            for result in fresh.values():
                for table, rows in result_rows(result, now).items():
                    tables[table].extend(rows)
            for table in RESULT_TABLES:
                self._insert(table, tables[table])
            before = self._count("failures")
            self._insert("failures", [failure_row(f, now) for f in failures], or_ignore=True)
            added = self._count("failures") - before
            self._link_incidents([item_of(e, r.article) for r in fresh.values() for e in r.events])
        return WriteSummary(articles=len(fresh), skipped=len(results) - len(fresh),
                            events=len(tables["events"]), failures=added)

    def _items(self, where: str, params: list[Any]) -> list[tuple[MergeItem, str | None]]:
        cursor = self.con.execute(
            f"SELECT {_ITEM_COLUMNS}, incident_id FROM events_flat WHERE {where}", params)
        out = []
        for row in _rows(cursor):
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
                    "location_country IN (SELECT unnest(?)) AND date BETWEEN ? AND ? "
                    "AND incident_id IS NOT NULL", [countries, window[0], window[1]]):
                stored.append(item)
                incident_of[item.event_id] = owner or ""
        groups = group(new, stored, incident_of, rule)
        old_ids = sorted({i for g in groups for i in g.old_incident_ids})
        old_members: dict[str, list[MergeItem]] = {}
        if old_ids:
            for item, owner in self._items("incident_id IN (SELECT unnest(?))", [old_ids]):
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
            self.con.execute("DELETE FROM incidents WHERE id IN (SELECT unnest(?))", [old_ids])
        event_ids = [link["event_id"] for link in links]
        if event_ids:
            self.con.execute("DELETE FROM incident_events WHERE event_id IN (SELECT unnest(?))",
                             [event_ids])
        self._insert("incidents", [_incident_row(i) for i in incidents])
        self._insert("incident_events", links)
        if links:
            links_batch = pa.table({"event_id": event_ids,  # noqa: F841 - scanned by name
                                    "incident_id": [link["incident_id"] for link in links]})
            self.con.execute("UPDATE events_flat SET incident_id = l.incident_id "
                             "FROM links_batch l WHERE events_flat.id = l.event_id")

    def rebuild_incidents(self) -> int:
        if self.read_only:
            raise StoreError("database is open read-only", where=self.path)
        rule = get_rule()
        with self._transaction():
            items = [item for item, _ in self._items("TRUE", [])]
            self.con.execute("DELETE FROM incident_events")
            self.con.execute("DELETE FROM incidents")
            by_id = {i.event_id: i for i in items}
            incidents: list[Incident] = []
            links: list[Row] = []
            for g in group(items, (), {}, rule):
                incident = summarise([by_id[e] for e in g.new_event_ids], rule)
                incidents.append(incident)
                links.extend({"event_id": e, "incident_id": incident.id} for e in g.new_event_ids)
            self._replace_incidents([], incidents, links)
        return len(incidents)

    def _frame(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        with self._guard():
            return self.con.execute(query, params or []).df(date_as_object=True)

    def events(self, where: EventFilter | None = None) -> pd.DataFrame:
        condition, params = (where or EventFilter()).where()
        return self._frame(f"SELECT * FROM events_flat WHERE {condition} "
                           "ORDER BY date NULLS LAST, article_id, seq", params)

    def incidents(self, where: EventFilter | None = None) -> pd.DataFrame:
        condition, params = (where or EventFilter()).where()
        return self._frame(
            "WITH members AS ("
            "  SELECT ie.incident_id, list(DISTINCT art.source ORDER BY art.source) "
            "      FILTER (WHERE art.source IS NOT NULL) AS sources,"
            "    list(e.id ORDER BY e.id) AS event_ids"
            "  FROM incident_events ie JOIN events e ON e.id = ie.event_id"
            "  JOIN articles art ON art.id = e.article_id GROUP BY ie.incident_id),"
            " spans AS ("
            "  SELECT ie.incident_id, list(v.sentence ORDER BY v.event_id, v.seq) AS evidence"
            "  FROM incident_events ie JOIN evidence v ON v.event_id = ie.event_id"
            "  GROUP BY ie.incident_id)"
            " SELECT i.*, m.sources, m.event_ids, coalesce(s.evidence, []) AS evidence"
            " FROM incidents i JOIN members m ON m.incident_id = i.id"
            " LEFT JOIN spans s ON s.incident_id = i.id"
            f" WHERE i.id IN (SELECT incident_id FROM events_flat WHERE {condition})"
            " ORDER BY i.date_first NULLS LAST, i.id", params)

    def articles(self) -> pd.DataFrame:
        return self._frame("SELECT * FROM articles ORDER BY ingested_at, id")

    def failures(self) -> pd.DataFrame:
        return self._frame("SELECT path, line, severity, message, recorded_at FROM failures "
                           "ORDER BY recorded_at, path, line")

    def sql(self, query: str) -> pd.DataFrame:
        with self._guard():
            try:
                statements = duckdb.extract_statements(query)
            except duckdb.ParserException as exc:
                raise ConfigError(f"SQL: {str(exc).splitlines()[0]}") from exc
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise ConfigError("only a single SELECT (or WITH ... SELECT) query is allowed")
        return self._frame(query)

    def article_result(self, article_id: str) -> ArticleResult:
        with self._guard():
            articles = _rows(self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
            if not articles:
                raise StoreError(f"no stored article {article_id}", where=self.path)
            events = _rows(self.con.execute("SELECT * FROM events WHERE article_id = ?",
                                            [article_id]))
            ids = [e["id"] for e in events] or [""]
            parts = {t: _rows(self.con.execute(f"SELECT * FROM {t} WHERE event_id IN "
                                               "(SELECT unnest(?))", [ids]))
                     for t in ("parties", "places", "evidence")}
            quotes = _rows(self.con.execute("SELECT * FROM quotes WHERE article_id = ?",
                                            [article_id]))
        return result_of(articles[0], events, parts["parties"], parts["places"],
                         parts["evidence"], quotes)

    def _count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        with self._guard():
            return {t: self._count(t) for t in TABLES}

    def close(self) -> None:
        with self._guard():
            self.con.close()


def _incident_row(incident: Incident) -> Row:
    return asdict(incident)
