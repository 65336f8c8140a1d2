"""Hand-built records for store tests, and fresh databases of every backend.

The store must not depend on what extraction finds, nor on which database holds it: tests that
take ``new_db`` (or ``db_path``, ``module_db``) run once on a DuckDB file and once on a
PostgreSQL database of the throwaway server (``tests/postgres_server.py``), taken from a pool of
migrated databases (``PostgresPool``) so that a fresh one costs milliseconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tacitus.model import (
    Acled,
    Article,
    ArticleResult,
    Attribution,
    Event,
    Evidence,
    InputProblem,
    Party,
    Place,
    Toll,
    stable_hash,
)
from tacitus.store import Store, open_store
from tests.postgres_server import PostgresServer, postgres_server  # noqa: F401 - a fixture

US = Party("US forces", "United States Armed Forces", "USA-MIL", "USA", "MIL", "state")
KH = Party("Kataib Hezbollah", "Kataib Hezbollah", "IRQ-PMF-KH", "IRQ", "UAF", "non-state armed")
PROTESTERS = Party("protesters", "Protesters", "CVL", None, "CVL", "civilian")
POLICE = Party("police", "Police of Iraq", "IRQ-POL", "IRQ", "COP", "state")
QAIM = Place("Qaim", "Al Qaim", "IRQ", "Anbar", 34.37, 41.09, 99134, "city", 10, 14)
BAGHDAD = Place("Baghdad", "Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 98182, "city", 10, 17)
KABUL = Place("Kabul", "Kabul", "AFG", "Kabul", 34.53, 69.17, 1138958, "city", 10, 15)


def report(text: str, *, source: str = "Reuters", published: date = date(2019, 12, 30),
           events: Iterable[dict[str, Any]] = (), path: str | None = None) -> ArticleResult:
    """One article with events given as keyword overrides of a default air strike."""
    article = Article(text=text, source=source, published=published, path=path)
    built = []
    for n, fields in enumerate(events):
        values: dict[str, Any] = {
            "type": "ASSAULT", "cameo": "195", "goldstein": -10.0, "quad_class": 4,
            "status": "occurred", "mode": "aerial", "context": ("military",),
            "acled": Acled("Explosions/Remote violence", "Air/drone strike"),
            "date": date(2019, 12, 29), "date_precision": "day", "actor": US, "recipient": KH,
            "location": QAIM, "fatalities": Toll(25, 55, "at least"),
            "attribution": Attribution("Pentagon", False, None),
            "evidence": (Evidence(text[:20], 0, min(20, len(text))),), "confidence": 0.8,
            "provenance": {"type": "test"},
        }
        values.update(fields)
        built.append(Event(id=stable_hash(article.id, str(n)), **values))
    return ArticleResult(article=article, events=tuple(built))


BACKENDS = ("duckdb", "postgres")
NewDb = Callable[[str], str]


class PostgresPool:
    """Migrated tacitus databases on the test server, emptied and reused between tests.

    A new database is a copy of a migrated template (no migration per test); a used one is
    emptied with DELETE (test data is small), which costs far less than a new database.
    """

    def __init__(self, server: PostgresServer) -> None:
        self.server = server
        self.template = "tacitus_template"
        open_store(server.create_database(self.template)).close()
        self.free: list[str] = []
        self.serial = itertools.count()

    def take(self) -> str:
        if self.free:
            return self.server.url(self.free.pop())
        return self.server.create_database(f"test_{next(self.serial)}", template=self.template)

    def give_back(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("SET lock_timeout = '5s'")
            tables = [r[0] for r in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'schema_migrations'")]
            for table in tables:
                con.execute(f"DELETE FROM {table}")
        self.free.append(name)


@pytest.fixture(scope="session")
def pg_pool(request: pytest.FixtureRequest) -> PostgresPool:
    return PostgresPool(request.getfixturevalue("postgres_server"))


def _databases(request: pytest.FixtureRequest, backend: str, folder: Path) -> Iterator[NewDb]:
    """A factory of new empty databases (their locations) of one backend."""
    if backend == "duckdb":
        yield lambda name="test": str(folder / f"{name}.duckdb")
        return
    pool: PostgresPool = request.getfixturevalue("pg_pool")
    taken: list[str] = []

    def new(name: str = "test") -> str:
        taken.append(pool.take())
        return taken[-1]

    yield new
    for url in taken:
        pool.give_back(url)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def new_db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[NewDb]:
    """``new_db(name)``: the location of a new empty database of the test's backend (``name``
    names the DuckDB file; a PostgreSQL database comes from the pool)."""
    yield from _databases(request, backend, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_db(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewDb]:
    """``new_db`` for module-scoped fixtures (one shared database per backend)."""
    yield from _databases(request, str(request.param), tmp_path_factory.mktemp("db"))


@pytest.fixture()
def db_path(new_db: NewDb) -> str:
    return new_db("test")


TOWNS = [Place(f"Town {n}", f"Town {n}", "IRQ", f"Province {n % 4}", 30 + n, 40 + n, 1000 + n,
               "city") for n in range(6)]


def synthetic(n: int, text: str | None = None, path: str | None = None) -> ArticleResult | InputProblem:
    """Report number ``n`` of a synthetic corpus: reports of 25 incidents in six towns (so that
    incidents link across articles), from seven outlets, every 37th input unreadable. ``text``
    and ``path`` override the generated ones (a corpus written to files)."""
    path = path or f"corpus/{n:03d}.txt"
    if n % 37 == 5:
        return InputProblem(path=path, message="unreadable")
    incident = n % 25
    actor = Party(f"Group {incident % 3}", f"Group {incident % 3}", f"G{incident % 3}")
    return report(text or f"Report {n}: fighting in town {n % 6}.", source=f"Outlet {n % 7}",
                  path=path,
                  events=[{"date": date(2020, 1, 1) + timedelta(days=incident // 6),
                           "location": TOWNS[incident % 6], "actor": actor,
                           "fatalities": Toll(n % 9, None, "exact")},
                          {"type": "PROTEST", "cameo": "141", "actor": None,
                           "date": date(2020, 2, 1) + timedelta(days=n % 3),
                           "location": TOWNS[n % 6]}][: 1 + n % 2])


def fake_extractor(results: list[ArticleResult | InputProblem]
                   ) -> Callable[..., Iterator[ArticleResult | InputProblem]]:
    """An extractor for Database.ingest that yields prepared results whatever the paths."""
    def extract(paths: Iterable[Any], skip: Any = None) -> Iterator[ArticleResult | InputProblem]:
        list(paths)
        yield from results
    return extract


def snapshot(opened: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored id and link (what equal databases must share), without timestamps."""
    queries = {
        "articles": "SELECT id FROM articles ORDER BY id",
        "events": "SELECT id, article_id, seq FROM events ORDER BY id",
        "incidents": "SELECT id, n_events, n_articles, n_sources, killed_min, killed_max, "
                     "killed_most_cited, date_first, date_last FROM incidents ORDER BY id",
        "incident_events": "SELECT event_id, incident_id FROM incident_events ORDER BY event_id",
        "failures": "SELECT id, path, message FROM failures ORDER BY id",
        "parties": "SELECT event_id, role, party_id FROM parties ORDER BY 1, 2",
        "evidence": "SELECT event_id, seq FROM evidence ORDER BY 1, 2",
    }
    return {name: [tuple(r) for r in opened.sql(q).itertuples(index=False)]
            for name, q in queries.items()}
