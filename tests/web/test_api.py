"""The HTTP API against the real app and a real DuckDB file ingested from examples/articles.

One ingest serves the web tests (it costs seconds); apps that must open the file for
writing (token mode) get their own copy, because one process cannot hold the same DuckDB file
open both read-only and read-write.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import tacitus
from tacitus.api import views
from tacitus.cli.main import main as cli_main
from tacitus.model import PLOVER_TYPES
from tacitus.web.app import STATIC, create_app
from tacitus.web.limits import RateLimit

REPO = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token"
STRIKE = ("BAGHDAD (Reuters) - A car bomb killed five people and wounded 12 in a market in "
          "central Baghdad on Monday, police said.")


@pytest.fixture(scope="module")
def db_file(web_db: Path) -> Path:
    """The session's ingest of the example articles (tests/web/conftest.py), shared with the
    page tests; tests that write use ``copy``."""
    with tacitus.open(web_db, read_only=True) as db:
        assert db.counts()["events"] > 50
    return web_db


@pytest.fixture(scope="module")
def client(db_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_file)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def db(client: TestClient) -> tacitus.api.Database:
    """The database the app holds open (a second read-only open would be a second instance)."""
    return client.app.state.database.get()


@pytest.fixture()
def copy(db_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.duckdb"
    shutil.copy(db_file, target)
    return target


def get(client: TestClient, url: str, status: int = 200, **kwargs: Any) -> Any:
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.text
    return response.json()


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    message = body["error"]["message"]
    assert message and "\n" not in message and "Traceback" not in message


# --- /api/events -------------------------------------------------------------------------


def test_events_page_has_every_contract_column(client: TestClient, db) -> None:
    page = get(client, "/api/events?limit=5")
    assert page["total"] == len(db.events()) and page["limit"] == 5 and page["offset"] == 0
    assert len(page["events"]) == 5
    assert list(page["events"][0]) == list(views.EVENT_COLUMNS)
    dated = [e["date"] for e in page["events"] if e["date"]]
    assert all(date.fromisoformat(d) for d in dated)


@pytest.mark.parametrize("query, column, check", [
    ("country=IRQ", "location_country", lambda v: v == "IRQ"),
    ("country=irq,syr", "location_country", lambda v: v in ("IRQ", "SYR")),
    ("type=ASSAULT,coerce", "type", lambda v: v in ("ASSAULT", "COERCE")),
    ("status=occurred", "status", lambda v: v == "occurred"),
    ("since=2019-12-01&until=2019-12-31", "date", lambda v: "2019-12-01" <= v <= "2019-12-31"),
    ("min_confidence=0.7", "confidence", lambda v: v >= 0.7),
    ("near=33.3,44.4,50", "location_lat", lambda v: 32.8 < v < 33.8),
])
def test_event_filters_match_the_python_api(client: TestClient, db, query: str, column: str,
                                            check) -> None:
    page = get(client, f"/api/events?{query}&limit=1000")
    filters = dict(part.split("=") for part in query.split("&"))
    assert page["total"] == len(db.events(**filters)) > 0
    assert all(check(e[column]) for e in page["events"])


def test_actor_filter_is_a_substring_of_either_party(client: TestClient) -> None:
    page = get(client, "/api/events?actor=kataib&limit=1000")
    assert page["total"] > 0
    for event in page["events"]:
        parties = " ".join(str(event[f"{role}_{f}"]) for role in ("actor", "recipient")
                           for f in ("id", "name", "text"))
        assert "kataib" in parties.lower()


@pytest.mark.parametrize("sort", views.SORTS)
def test_sorting(client: TestClient, sort: str) -> None:
    events = get(client, f"/api/events?sort={sort}&limit=1000")["events"]
    column = views.SORT_KEYS[sort.lstrip("-")]
    values = [e[column] for e in events]
    present = [v for v in values if v is not None]
    assert values[:len(present)] == present  # missing values come last either way
    assert present == sorted(present, reverse=sort.startswith("-"))


def test_pages_tile_the_sorted_list(client: TestClient) -> None:
    whole = get(client, "/api/events?sort=killed&limit=1000")["events"]
    pages = [get(client, f"/api/events?sort=killed&limit=7&offset={o}")["events"]
             for o in range(0, len(whole) + 7, 7)]
    assert [e["id"] for page in pages for e in page] == [e["id"] for e in whole]
    assert get(client, "/api/events?offset=100000")["events"] == []


@pytest.mark.parametrize("query, code", [
    ("country=IRQ';DROP TABLE events;--", "bad_filter"),
    ("country=Iraq", "bad_filter"),
    ("type=BOMBING", "bad_filter"),
    ("status=rumoured", "bad_filter"),
    ("since=2020-13-01", "bad_filter"),
    ("until=yesterday", "bad_filter"),
    ("near=33,44", "bad_filter"),
    ("near=95,44,10", "bad_filter"),
    ("min_confidence=2", "bad_filter"),
    ("min_confidence=high", "bad_filter"),
    ("contry=IRQ", "bad_filter"),
    ("country=IRQ&country=SYR", "bad_filter"),
    ("sort=date;DROP TABLE events", "bad_filter"),
    ("sort=title", "bad_filter"),
    ("limit=0", "bad_request"),
    ("limit=1001", "bad_request"),
    ("limit=ten", "bad_request"),
    ("offset=-1", "bad_request"),
])
def test_bad_event_queries_are_400(client: TestClient, query: str, code: str) -> None:
    assert_error(client.get(f"/api/events?{query}"), 400, code)


@pytest.mark.parametrize("actor", ["%_\\'", "';--", "\" OR 1=1 --", "%", "_"])
def test_sql_metacharacters_in_actor_are_plain_text(client: TestClient, db, actor: str) -> None:
    before = db.counts()["events"]
    page = get(client, "/api/events", params={"actor": actor, "limit": 1000})
    frame = db.events()
    columns = [f"{role}_{f}" for role in ("actor", "recipient") for f in ("id", "name", "text")]
    expected = {row.id for row in frame.itertuples()
                if any(actor.lower() in str(getattr(row, c)).lower() for c in columns
                       if getattr(row, c) is not None)}
    assert {e["id"] for e in page["events"]} == expected
    assert db.counts()["events"] == before


# --- one event, one article -------------------------------------------------------------


def test_event_detail_spans_point_into_the_article(client: TestClient) -> None:
    first = get(client, "/api/events?type=ASSAULT&limit=1")["events"][0]
    event = get(client, f"/api/events/{first['id']}")
    assert {k: event[k] for k in views.EVENT_COLUMNS} == first
    assert isinstance(event["provenance"], dict) and event["provenance"]
    assert isinstance(event["context"], list)
    article = get(client, f"/api/articles/{event['article_id']}")
    assert event["evidence_spans"]
    for span in event["evidence_spans"]:
        assert article["text"][span["start_char"]:span["end_char"]] == span["text"]


def test_article_detail(client: TestClient, db) -> None:
    article_id = db.sql("SELECT article_id FROM quotes LIMIT 1").iat[0, 0]
    article = get(client, f"/api/articles/{article_id}")
    assert set(article) == {"id", "title", "source", "published", "url", "text", "events",
                            "quotes"}
    assert article["events"] and article["quotes"]
    for event in article["events"]:
        assert set(event) == {"id", "type", "cameo", "actor_name", "recipient_name", "date",
                              "status", "evidence_spans"}
        for span in event["evidence_spans"]:
            assert article["text"][span["start_char"]:span["end_char"]] == span["text"]
    for quote in article["quotes"]:
        assert set(quote) == {"id", "speaker", "text", "start_char", "end_char", "direct"}
        assert quote["speaker"] is None or "name" in quote["speaker"]
        assert quote["text"] in article["text"]


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/articles/nope",
                                  "/api/events/x' OR '1'='1", "/api/nothing-here"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


# --- incidents, actors, timeline, map ---------------------------------------------------


def test_incidents(client: TestClient, db) -> None:
    page = get(client, "/api/incidents?country=IRQ&limit=3")
    assert page["total"] == len(db.incidents(country="IRQ")) > 3
    assert len(page["incidents"]) == 3
    for incident in page["incidents"]:
        assert incident["event_ids"] and incident["sources"] and incident["evidence"]
        assert incident["n_events"] == len(incident["event_ids"])
    second = get(client, "/api/incidents?country=IRQ&limit=3&offset=3")["incidents"]
    assert {i["id"] for i in second}.isdisjoint(i["id"] for i in page["incidents"])
    assert_error(client.get("/api/incidents?sort=date"), 400, "bad_filter")


def test_actor_network(client: TestClient, db) -> None:
    graph = get(client, "/api/actors?limit=10")
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert 0 < len(nodes) <= 10
    counts = [n["events"] for n in graph["nodes"]]
    assert counts == sorted(counts, reverse=True)
    top = graph["nodes"][0]
    expected = db.sql(
        "SELECT count(*) FROM events_flat WHERE coalesce(nullif(actor_id, ''), actor_name) = "
        f"'{top['id']}' OR coalesce(nullif(recipient_id, ''), recipient_name) = '{top['id']}'")
    assert top["events"] == expected.iat[0, 0]
    assert graph["edges"]
    for edge in graph["edges"]:
        assert edge["source"] in nodes and edge["target"] in nodes
        assert edge["events"] >= 1 and -10 <= edge["goldstein"] <= 10


@pytest.mark.parametrize("by, keys", [("quad_class", {"1", "2", "3", "4"}),
                                      ("type", set(PLOVER_TYPES))])
def test_timeline_counts_every_dated_event(client: TestClient, db, by: str, keys: set) -> None:
    timeline = get(client, f"/api/timeline?by={by}&country=IRQ")
    assert timeline["by"] == by
    assert {s["key"] for s in timeline["series"]} <= keys
    dated = db.events(country="IRQ")["date"].notna().sum()
    assert sum(s["events"] for s in timeline["series"]) == dated
    dates = [s["date"] for s in timeline["series"]]
    assert dates == sorted(dates)
    assert_error(client.get("/api/timeline?by=actor"), 400, "bad_request")


def test_map_points(client: TestClient) -> None:
    points = get(client, "/api/map?limit=5")
    assert points["total"] > 5 and len(points["points"]) == 5
    for point in points["points"]:
        assert set(point) == {"id", "lat", "lon", "killed", "type", "location_name", "date"}
        assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180
    killed = [p["killed"] for p in points["points"] if p["killed"] is not None]
    assert killed == sorted(killed, reverse=True)
    assert_error(client.get("/api/map?limit=0"), 400, "bad_request")


# --- POST: extract and ingest -----------------------------------------------------------


def test_extract_codes_text_and_stores_nothing(client: TestClient, db) -> None:
    before = db.counts()["articles"]
    response = client.post("/api/extract", json={"text": STRIKE, "published": "2020-01-06"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert set(result) >= {"article", "events", "quotes", "warnings"}
    assert result["article"]["published"] == "2020-01-06"
    assert any(e["type"] == "ASSAULT" for e in result["events"])
    assert db.counts()["articles"] == before


@pytest.mark.parametrize("body, headers, status, code", [
    (b"{not json", {"content-type": "application/json"}, 400, "invalid_json"),
    (b"[1, 2]", {"content-type": "application/json"}, 400, "invalid_json"),
    (b'{"txt": "hello"}', {"content-type": "application/json"}, 400, "bad_request"),
    (b'{"text": "hello", "extra": 1}', {"content-type": "application/json"}, 400, "bad_request"),
    (b'{"text": ""}', {"content-type": "application/json"}, 400, "bad_request"),
    (b'{"text": "   "}', {"content-type": "application/json"}, 400, "bad_input"),
    (b'{"text": "hi", "published": "2020-02-30"}', {"content-type": "application/json"}, 400,
     "bad_request"),
    (b'{"text": "' + b"x" * 1_100_000 + b'"}', {"content-type": "application/json"}, 413,
     "too_large"),
])
def test_bad_extract_bodies(client: TestClient, body: bytes, headers: dict, status: int,
                            code: str) -> None:
    assert_error(client.post("/api/extract", content=body, headers=headers), status, code)


def test_oversized_chunked_body_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 100_000

    assert_error(client.post("/api/extract", content=chunks(),
                             headers={"content-type": "application/json"}), 413, "too_large")


def test_ingest_is_disabled_without_a_token(client: TestClient) -> None:
    assert_error(client.post("/api/articles", json={"text": STRIKE}), 403, "forbidden")


def test_ingest_with_a_token(copy: Path) -> None:
    with TestClient(create_app(str(copy), token=TOKEN)) as writer:
        assert_error(writer.post("/api/articles", json={"text": STRIKE}), 401, "unauthorized")
        assert_error(writer.post("/api/articles", json={"text": STRIKE},
                                 headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        auth = {"Authorization": f"Bearer {TOKEN}"}
        first = writer.post("/api/articles", json={"text": STRIKE, "source": "Reuters"},
                            headers=auth)
        assert first.status_code == 200, first.text
        stored = first.json()
        assert stored["stored"] is True and stored["events"] >= 1
        again = writer.post("/api/articles", json={"text": STRIKE}, headers=auth).json()
        assert again == {**stored, "stored": False}
        article = get(writer, f"/api/articles/{stored['article_id']}")
        assert len(article["events"]) == stored["events"]
        assert get(writer, "/api/events")["total"] > 0  # reads stay open


def test_private_mode_needs_the_token_for_reads(copy: Path) -> None:
    with TestClient(create_app(str(copy), token=TOKEN, private=True)) as private:
        assert_error(private.get("/api/events"), 401, "unauthorized")
        assert_error(private.get("/api/events", headers={"Authorization": "Bearer no"}), 401,
                     "unauthorized")
        assert get(private, "/api/events", headers={"Authorization": f"Bearer {TOKEN}"})["total"]


def test_private_without_a_token_is_refused(db_file: Path, capsys) -> None:
    assert cli_main(["serve", "--db", str(db_file), "--private"]) == 1
    assert capsys.readouterr().err.startswith("error: --private needs a token")


# --- limits, errors, the page -----------------------------------------------------------


def test_rate_limit(db_file: Path) -> None:
    limited = create_app(str(db_file), rate=2)
    with TestClient(limited) as test_client:
        statuses = [test_client.get("/api/events?limit=1").status_code for _ in range(3)]
        refused = test_client.get("/api/events?limit=1")
    assert statuses[:2] == [200, 200] and 429 in statuses + [refused.status_code]
    assert_error(refused, 429, "rate_limited")
    assert refused.headers["Retry-After"]


def test_token_bucket_refills_at_the_rate() -> None:
    bucket = RateLimit(app=None, rate=2.0, burst=2.0)  # type: ignore[arg-type]
    assert [bucket.allow("a", 0.0) for _ in range(3)] == [True, True, False]
    assert bucket.allow("b", 0.0)  # clients have their own buckets
    assert bucket.allow("a", 0.5) and not bucket.allow("a", 0.5)


def test_unexpected_errors_are_one_line_500(client: TestClient, monkeypatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internals\nTraceback (most recent call last)")

    monkeypatch.setattr(views, "timeline", broken)
    response = client.get("/api/timeline")
    assert_error(response, 500, "internal")
    assert "secret" not in response.text


def test_locked_database_is_503_until_released(copy: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(copy)!r})
        print("locked", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with TestClient(create_app(str(copy))) as busy:
            response = busy.get("/api/events")
            assert_error(response, 503, "database_busy")
            assert response.headers["Retry-After"]
            holder.communicate("", timeout=30)
            assert get(busy, "/api/events?limit=1")["total"] > 0
    finally:
        holder.kill()
        holder.wait()


def test_cors_is_off(client: TestClient) -> None:
    response = client.get("/api/events?limit=1", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/events", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_page_docs_and_openapi(client: TestClient) -> None:
    page = client.get("/")
    if (STATIC / "index.html").is_file():
        assert page.status_code == 200 and "<html" in page.text.lower()
    else:
        assert_error(page, 404, "not_found")
    assert client.get("/docs").status_code == 200
    paths = get(client, "/openapi.json")["paths"]
    assert set(paths) >= {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                          "/api/incidents", "/api/actors", "/api/timeline", "/api/map",
                          "/api/extract", "/api/articles"}
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} >= {
        "country", "type", "actor", "since", "until", "near", "status", "min_confidence",
        "limit", "offset", "sort"}
