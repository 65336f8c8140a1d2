"""PostgreSQL: a store outlives a dropped connection (a session ended by the server, a restart).

A read on a dropped connection is run again on a new one; a write fails with the one-line
StoreError (the server rolled its transaction back) and the next write succeeds. The sessions
are ended for real, with ``pg_terminate_backend`` on the test server or by restarting a server
of the test's own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from typing import Any

import psycopg
import pytest

from tacitus.errors import StoreError
from tacitus.model import ArticleResult
from tacitus.store import EventFilter, Store, open_store
from tacitus.store.postgres_store import PostgresStore
from tacitus.store.rows import failure_row
from tests.postgres_server import PostgresServer, running_server
from tests.store.conftest import PostgresPool
from tests.store.test_ingest import CORPUS

STORED = [r for r in CORPUS if isinstance(r, ArticleResult)]


def _end_session(server: PostgresServer, store: Store) -> None:
    """End the store's server session as an administrator would, and wait until it is gone."""
    assert isinstance(store, PostgresStore)
    pid = store.con.info.backend_pid
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _ in range(200):
            if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchall():
                return
            time.sleep(0.01)
    raise AssertionError(f"session {pid} still running")


@pytest.fixture()
def pg_url(pg_pool: PostgresPool) -> Iterator[str]:
    url = pg_pool.take()
    yield url
    pg_pool.give_back(url)


READS: dict[str, Callable[[Store], Any]] = {
    "counts": lambda s: s.counts()["articles"],
    "events": lambda s: s.events(EventFilter.parse(country="IRQ")).id.tolist(),
    "incidents": lambda s: len(s.incidents()),
    "sql": lambda s: s.sql("SELECT count(*) AS n FROM events")["n"].tolist(),
    "article": lambda s: s.article_result(STORED[0].article.id),
    "known": lambda s: s.has_article(STORED[1].article.id),
    "query": lambda s: len(s._select("SELECT id FROM events_flat WHERE type = ?", ["ASSAULT"])),
}


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize("read_only", [False, True])
def test_a_read_after_the_session_was_ended_reconnects(
        postgres_server: PostgresServer, pg_url: str, read: str, read_only: bool) -> None:
    with open_store(pg_url) as writer:
        writer.write_batch(STORED)
    with open_store(pg_url, read_only=read_only) as store:
        before = READS[read](store)
        first = store.con.info.backend_pid
        _end_session(postgres_server, store)
        assert READS[read](store) == before
        assert store.con.info.backend_pid != first


def test_a_write_on_an_ended_session_fails_in_one_line_and_the_next_write_succeeds(
        postgres_server: PostgresServer, pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.write_batch(STORED[:1])
        _end_session(postgres_server, store)
        with pytest.raises(StoreError) as caught:
            store.write_batch(STORED[1:])
        message = str(caught.value)
        assert message.startswith(f"{store.path}: lost the connection to PostgreSQL: ")
        assert "\n" not in message
        assert store.counts()["articles"] == 1  # the failed batch left nothing behind
        summary = store.write_batch(STORED[1:])
        assert (summary.articles, summary.skipped) == (len(STORED) - 1, 0)
        assert store.counts()["articles"] == len(STORED)


def test_a_write_stays_on_its_transaction_when_another_thread_replaces_the_connection(
        pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        with pytest.raises(RuntimeError, match="roll back"), store._transaction():
            # As a reader thread does after a drop: a new connection for the store.
            store.con = psycopg.connect(pg_url, autocommit=True)
            store._insert("failures", [failure_row(CORPUS[2], datetime(2020, 1, 1))])
            assert store._fetch("SELECT count(*) AS n FROM failures")[0]["n"] == 1
            raise RuntimeError("roll back")
        assert store.counts()["failures"] == 0  # nothing escaped the rolled-back transaction


def test_a_closed_store_stays_closed(pg_url: str) -> None:
    store = open_store(pg_url)
    store.close()
    with pytest.raises(StoreError, match="lost the connection to PostgreSQL: the connection is closed"):
        store.counts()
    assert store.con.closed


@pytest.mark.slow
def test_a_store_outlives_a_server_restart_and_a_stopped_server_is_one_line() -> None:
    with closing(running_server()) as servers:
        server = next(servers)
        url = server.create_database("restarted")
        with open_store(url) as store, open_store(url, read_only=True) as reader:
            store.write_batch(STORED[:2])
            server.pg_ctl("restart")
            assert reader.counts()["articles"] == 2
            with pytest.raises(StoreError, match="lost the connection to PostgreSQL"):
                store.write_batch(STORED[2:3])
            assert store.write_batch(STORED[2:3]).articles == 1

            server.pg_ctl("stop")
            for call in (reader.counts, lambda: store.write_batch(STORED[3:])):
                with pytest.raises(StoreError) as caught:
                    call()
                assert "\n" not in str(caught.value)
                assert "PostgreSQL" in str(caught.value)
            server.pg_ctl("start")
            assert store.write_batch(STORED[3:]).articles == len(STORED) - 3
            assert reader.counts()["articles"] == len(STORED)
