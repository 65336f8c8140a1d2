"""PostgreSQL backend: concurrent ingest, reads during ingest, the CLI, and DuckDB parity.

The rest of the store suite runs on both backends through ``conftest.new_db``; these tests are
about what only a server database has (several writer processes, readers during a write) and
about DuckDB and PostgreSQL holding the same events for the same corpus.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings

from tacitus.api.database import open as open_db
from tacitus.api.pipeline import extract_paths
from tacitus.cli.main import main
from tacitus.errors import StoreError
from tacitus.model import ArticleResult, Evidence, InputProblem, Party
from tacitus.store import EventFilter, Store, open_store
from tacitus.store.rows import failure_row
from tacitus.store.sql_store import NUL_STORED_AS, NUL_WARNING
from tests.postgres_server import PostgresServer
from tests.store.conftest import (
    PostgresPool,
    fake_extractor,
    report,
    snapshot,
    synthetic,
)
from tests.store.test_ingest import CORPUS
from tests.store.test_roundtrip import results

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"


# A writer process: the synthetic corpus in batches of 4, forwards or backwards. It imports
# only the store (not spaCy), so that several start in well under a second.
WRITER = """
import sys, time
from tacitus.model import ArticleResult
from tacitus.store import open_store
from tests.store.conftest import synthetic
db, size, order, pause = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
numbers = range(size - 1, -1, -1) if order == "backwards" else range(size)
inputs = [synthetic(n) for n in numbers]
with open_store(db) as store:
    for start in range(0, size, 4):
        batch = inputs[start:start + 4]
        store.write_batch([r for r in batch if isinstance(r, ArticleResult)],
                          [r for r in batch if not isinstance(r, ArticleResult)])
        time.sleep(pause)
"""
CORPUS_SIZE = 100


def _writer(db: str, order: str = "forwards", pause: float = 0.0) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, db, str(CORPUS_SIZE), order, str(pause)], cwd=REPO,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)})


def _finish(process: subprocess.Popen[bytes]) -> None:
    assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""


def _rows(store: Store) -> dict[str, int]:
    """Row counts of the data tables (PostgreSQL records its own index migration too)."""
    return {t: n for t, n in store.counts().items() if t != "schema_migrations"}


def _alone(path: str) -> dict:
    """What one process stores for the corpus, as the reference."""
    inputs = [synthetic(n) for n in range(CORPUS_SIZE)]
    with open_store(path) as store:
        store.write_batch([r for r in inputs if isinstance(r, ArticleResult)],
                          [r for r in inputs if not isinstance(r, ArticleResult)])
        return {"snapshot": snapshot(store), "counts": _rows(store)}


@pytest.fixture()
def pg_url(pg_pool: PostgresPool) -> Iterator[str]:
    url = pg_pool.take()
    yield url
    pg_pool.give_back(url)


def test_two_processes_ingesting_one_corpus_store_it_once(
        postgres_server: PostgresServer, tmp_path: Path) -> None:
    # A database never migrated: the two processes also race to create the schema.
    shared = postgres_server.create_database("concurrent")
    writers = [_writer(shared, "forwards"), _writer(shared, "backwards")]
    expected = _alone(str(tmp_path / "alone.duckdb"))
    for writer in writers:
        _finish(writer)
    with open_store(shared, read_only=True) as together:
        stored = snapshot(together)
        assert stored == expected["snapshot"]
        assert _rows(together) == expected["counts"]
    unreadable = sum(n % 37 == 5 for n in range(CORPUS_SIZE))
    assert len(stored["articles"]) == CORPUS_SIZE - unreadable
    assert len(stored["failures"]) == unreadable
    assert 0 < len(stored["incidents"]) < len(stored["events"])


@pytest.mark.slow
def test_writers_killed_mid_run_then_rerun_equal_an_uninterrupted_run(
        pg_url: str, tmp_path: Path) -> None:
    expected = _alone(str(tmp_path / "alone.duckdb"))
    with open_store(pg_url, read_only=True) as reader:
        for pause, stored_before_kill in ((0.02, 15), (0.03, 35), (0.05, 55)):
            writer = _writer(pg_url, pause=pause)
            while writer.poll() is None and reader.counts()["articles"] < stored_before_kill:
                time.sleep(0.01)
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            partial = snapshot(reader)
            stored = {row[0] for row in partial["articles"]}
            assert {row[1] for row in partial["events"]} <= stored
            assert {r[0] for r in partial["incident_events"]} == {r[0] for r in partial["events"]}
        _finish(_writer(pg_url))
        assert snapshot(reader) == expected["snapshot"]


def test_reads_are_answered_while_another_process_ingests(pg_url: str) -> None:
    with open_store(pg_url, read_only=True) as reader:
        writer = _writer(pg_url, pause=0.02)
        seen, slowest = [], 0.0
        try:
            while writer.poll() is None:
                started = time.monotonic()
                seen.append(int(reader.sql("SELECT count(*) AS n FROM articles")["n"][0]))
                reader.events(EventFilter.parse(country="IRQ", since="2020-01-02"))
                slowest = max(slowest, time.monotonic() - started)
                time.sleep(0.02)
        finally:
            _finish(writer)
        final = reader.counts()["articles"]
    assert final > 0 and seen == sorted(seen)
    assert any(0 < n < final for n in seen), "no read landed while articles were being written"
    assert slowest < 5.0


def test_a_read_does_not_wait_for_an_open_write_transaction(pg_url: str) -> None:
    with open_store(pg_url) as writer, open_store(pg_url, read_only=True) as reader:
        writer.write_batch(CORPUS[:1])
        with writer._transaction():  # holds the write lock, with a row not yet committed
            writer._insert("failures", [failure_row(CORPUS[2], datetime.now())])
            started = time.monotonic()
            assert reader.counts()["failures"] == 0 and reader.counts()["articles"] == 1
            assert time.monotonic() - started < 2.0
        assert reader.counts()["failures"] == 1


@pytest.fixture(scope="module")
def pg_store(pg_pool: PostgresPool) -> Iterator[Store]:
    url = pg_pool.take()
    with open_store(url) as store:
        yield store
    pg_pool.give_back(url)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=results)
def test_any_valid_result_reads_back_equal_from_postgresql(pg_store: Store,
                                                           result: ArticleResult) -> None:
    # Examples may repeat an article text or event id; a stored id is (rightly) never rewritten.
    assume(not pg_store.has_article(result.article.id))
    assume(not pg_store.sql("SELECT id FROM events WHERE id IN ("
                            + (", ".join(f"'{e.id}'" for e in result.events) or "''") + ")").size)
    pg_store.write_batch([result])
    assert pg_store.article_result(result.article.id) == result


def test_nul_is_stored_as_a_replacement_character_by_both_backends(db_path: str) -> None:
    # PostgreSQL text cannot hold NUL, DuckDB can: both store U+FFFD in its place, at the same
    # offsets, so the evidence still points at its words and both hold the same rows.
    text = "Mosul\x00 police said\x00 a strike killed 3.\x00"
    nul = report(text, path="nul.txt", events=[{
        "evidence": (Evidence(text[6:], 6, len(text)),),
        "actor": Party("police\x00", "Police\x00", "IRQ-POL"),
        "provenance": {"type": "rule\x00"}}])
    good = report("A clean report from Mosul.", events=[{}])
    unreadable = InputProblem(path="dump.bin", message="not UTF-8 near '\x00\x00'")
    with open_store(db_path) as store:
        summary = store.write_batch([nul, good], [unreadable])
        assert (summary.articles, summary.skipped, summary.failures) == (2, 0, 1)
        back = store.article_result(nul.article.id)
        shown = text.replace("\x00", NUL_STORED_AS)
        assert back.article.text == shown and back.article.id == nul.article.id
        evidence = back.events[0].evidence[0]
        assert shown[evidence.start:evidence.end] == evidence.sentence == shown[6:]
        assert back.events[0].actor.text == "police" + NUL_STORED_AS
        assert "Police" + NUL_STORED_AS in store.incidents()["actor"].tolist()
        assert store.failures()["message"].tolist() == [f"not UTF-8 near '{NUL_STORED_AS * 2}'"]
        assert back.events[0].provenance == {"type": "rule\x00"}  # JSON keeps it escaped
        assert back.warnings == (NUL_WARNING,)
        assert store.sql("SELECT count(*) AS n FROM articles WHERE text LIKE '%strike%'")["n"][0] == 1
        assert store.article_result(good.article.id) == good
        assert store.write_batch([nul]).skipped == 1


@pytest.mark.parametrize("url, shown", [
    ("postgresql://analyst:s3cret@127.0.0.1:1/events", "postgresql://analyst@127.0.0.1:1/events"),
    ("postgres://127.0.0.1:1/events", "postgres://127.0.0.1:1/events"),
])
def test_a_server_that_does_not_answer_is_one_line_without_the_password(url: str,
                                                                         shown: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    text = str(caught.value)
    assert text.startswith(f"{shown}: cannot connect to PostgreSQL: ") and "\n" not in text
    assert "s3cret" not in text


def test_a_missing_database_is_named(postgres_server: PostgresServer) -> None:
    with pytest.raises(StoreError, match='database "nowhere" does not exist'):
        open_store(postgres_server.url("nowhere"))


def test_a_database_without_tacitus_schema_is_refused_read_only(
        postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database("empty_read_only")
    with pytest.raises(StoreError, match="not a tacitus database"):
        open_store(url, read_only=True)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.mark.parametrize("backend", ["duckdb", "postgres"])
def test_migrate_command_applies_pending_migrations_once(
        backend: str, postgres_server: PostgresServer, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "m.duckdb") if backend == "duckdb" \
        else postgres_server.create_database("migrate_cmd")
    first = _cli(capsys, "migrate", "--db", db)
    own = ", postgres/0001_indexes" if backend == "postgres" else ""
    assert first.strip() == f"{db}: applied 0001_initial, 0002_claims{own}"
    assert _cli(capsys, "migrate", "--db", db).strip() == f"{db}: schema up to date"


def test_every_store_command_takes_a_postgresql_url(pg_url: str, monkeypatch, capsys) -> None:
    monkeypatch.setattr("tacitus.api.pipeline.extract_paths",
                        lambda paths, skip=None: fake_extractor(CORPUS)(paths))
    assert "5 articles stored" in _cli(capsys, "ingest", "corpus", "--db", pg_url)
    rows = json.loads(_cli(capsys, "events", "--db", pg_url, "--country", "IRQ",
                           "--format", "json"))
    assert len(rows) == 3
    counted = _cli(capsys, "sql", "--db", pg_url, "--format", "csv",
                   "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    assert counted.split() == ["type,n", "ASSAULT,3", "PROTEST,1"]
    assert _cli(capsys, "export", "--db", pg_url, "--shape", "acled",
                "--format", "csv").startswith("event_id_cnty,")
    assert "malformed JSON" in _cli(capsys, "errors", "--db", pg_url)
    assert main(["sql", "--db", pg_url, "DELETE FROM events"]) == 1
    assert "single SELECT" in capsys.readouterr().err


@cache
def _extracted(which: str) -> list:
    """The pipeline's results for (some of) the example articles, once for both stores."""
    paths = sorted(EXAMPLES.glob("*.txt"))[:3] if which == "some" else [EXAMPLES]
    return list(extract_paths(paths))


def _comparable(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready values (NaN/None and array/list alike), without ingest times."""
    return json.loads(frame.drop(columns=["ingested_at"], errors="ignore")
                      .to_json(orient="records", date_format="iso"))


@pytest.mark.parametrize("which", ["some", pytest.param("all", marks=pytest.mark.slow)])
def test_duckdb_and_postgresql_hold_identical_events(pipeline, which: str, pg_url: str,
                                                     tmp_path: Path) -> None:
    results = _extracted(which)
    with open_db(tmp_path / "x.duckdb") as duck, open_db(pg_url) as pg:
        for db in (duck, pg):
            db.ingest([EXAMPLES], extractor=fake_extractor(results), batch_size=4)
        assert _rows(duck.store) == _rows(pg.store) and _rows(duck.store)["events"] > 0
        assert snapshot(duck.store) == snapshot(pg.store)
        assert _comparable(duck.events()) == _comparable(pg.events())
        assert _comparable(duck.incidents()) == _comparable(pg.incidents())
        for shape, stamp in (("native", "ingested_at"), ("acled", "timestamp"),
                             ("gdelt", "DATEADDED")):
            assert duck.export(shape).drop(columns=[stamp]).equals(
                pg.export(shape).drop(columns=[stamp])), shape
        for result in results:
            assert pg.store.article_result(result.article.id) == result


def test_the_http_views_answer_the_same_from_both_backends(pg_url: str, tmp_path: Path) -> None:
    from tacitus.api import views
    from tests.store.test_query import CORPUS as QUERY_CORPUS

    answers = []
    for location in (str(tmp_path / "v.duckdb"), pg_url):
        with open_db(location) as db:
            db.ingest(["x"], extractor=fake_extractor(QUERY_CORPUS))
            page = views.events_page(db, EventFilter.parse(country="IRQ"), sort="-date")
            answers.append(json.dumps([
                page, views.incidents_page(db, EventFilter()),
                views.event_detail(db, page["events"][0]["id"]),
                views.article_detail(db, QUERY_CORPUS[0].article.id)],
                sort_keys=True, default=str))
    assert answers[0] == answers[1] and '"total": 3' in answers[0]
