"""The read views give the same answers from PostgreSQL as from DuckDB (portable SQL).

The example articles are coded once and the same results written to both backends; every view
is then compared over a table of filters. Skipped when PostgreSQL is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tacitus
from tacitus.api import extract_paths, views
from tacitus.api.database import Database
from tacitus.model import ArticleResult
from tacitus.store.query import EventFilter
from tests.postgres_server import PostgresServer, postgres_server  # noqa: F401 - a fixture

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
FILTERS = [
    {},
    {"country": "IRQ"},
    {"type": "ASSAULT", "since": "2019-01-01"},
    {"actor": "military", "status": "occurred"},
    {"near": "33.3,44.4,300", "min_confidence": "0.3"},
    {"actor": "%_"},
]


@pytest.fixture(scope="module")
def both(postgres_server: PostgresServer,  # noqa: F811 - the imported fixture
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    results = [r for r in extract_paths([EXAMPLES]) if isinstance(r, ArticleResult)]
    url = postgres_server.create_database("web_views")
    with tacitus.open(tmp_path_factory.mktemp("pg") / "same.duckdb") as duck, \
            tacitus.open(url) as pg:
        for db in (duck, pg):
            db.store.write_batch(results)
        yield duck, pg


def rounded(value: Any) -> Any:
    """Floats to 6 places: the backends may differ in the last bits of an average."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("view, options", [
    (views.events_page, {"sort": "-killed", "page": views.Page(limit=1000)}),
    (views.events_page, {"sort": "country", "page": views.Page(limit=5, offset=3)}),
    (views.incidents_page, {}),
    (views.actor_network, {"limit": 50}),
    (views.timeline, {"by": "type"}),
    (views.map_points, {"limit": 100}),
])
def test_views_agree(both: tuple[Database, Database], view, options: dict,
                     filters: dict) -> None:
    duck, pg = both
    where = EventFilter.parse(**filters)
    assert rounded(view(pg, where, **options)) == rounded(view(duck, where, **options))


def test_details_agree(both: tuple[Database, Database]) -> None:
    duck, pg = both
    page = views.events_page(duck, EventFilter(), page=views.Page(limit=1000))
    assert page["total"] > 50
    for event in page["events"][::10]:
        assert rounded(views.event_detail(pg, event["id"])) == \
            rounded(views.event_detail(duck, event["id"]))
        assert views.article_detail(pg, event["article_id"]) == \
            views.article_detail(duck, event["article_id"])
