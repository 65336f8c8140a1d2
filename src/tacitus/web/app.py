"""The HTTP API and the web page: ``create_app(db)`` -> a FastAPI application.

A thin layer over the Python API: every read endpoint is one function of ``tacitus.api.views``
and ``/api/extract`` is ``tacitus.api.extract_text``, so the page, scripts and Python users see
the same data. What lives here is only what HTTP adds: parameter parsing, the token, input
limits and the JSON error body (``tacitus.web.errors``). The endpoints, their parameters and
bodies are described by the OpenAPI document served at ``/docs``.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from tacitus.api import extract_text, views
from tacitus.api.database import Database
from tacitus.errors import ConfigError
from tacitus.model import ArticleResult
from tacitus.store.query import EventFilter
from tacitus.web import errors
from tacitus.web.handle import DatabaseHandle
from tacitus.web.limits import BodyLimit, RateLimit
from tacitus.web.params import event_filter, known_params

STATIC = Path(__file__).resolve().parent / "static"
MAX_TEXT = 200_000


def _database(request: Request) -> Database:
    """The application's database (opened on first use; 503 while another process writes)."""
    handle: DatabaseHandle = request.app.state.database
    return handle.get()


Db = Annotated[Database, Depends(_database)]
Filter = Annotated[EventFilter, Depends(event_filter)]


class TextIn(BaseModel):
    """A report to code: its text and what the caller knows about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: date | None = None
    source: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)


class Stored(BaseModel):
    article_id: str
    stored: bool = Field(description="false when the same text was stored before")
    events: int


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return None


def _token_check(token: str | None, *, required: bool) -> Callable[..., None]:
    """A dependency: 403 when no token is configured, 401 unless the request carries it."""

    def check(authorization: Annotated[str | None, Header()] = None) -> None:
        if not required:
            return
        if token is None:
            raise errors.ApiError(403, "forbidden",
                                  "ingest is disabled: start the server with --token or "
                                  "TACITUS_TOKEN")
        given = _bearer(authorization)
        if given is None or not hmac.compare_digest(given.encode(), token.encode()):
            raise errors.ApiError(401, "unauthorized",
                                  "missing or wrong token (send Authorization: Bearer TOKEN)")

    return check


def create_app(db: str, *, token: str | None = None, private: bool = False,
               max_body: int = 1_000_000, rate: float | None = None) -> FastAPI:
    """The application serving the database file ``db``.

    ``token`` enables ``POST /api/articles`` (and opens the file for writing); ``private``
    makes every ``/api/`` endpoint require it; ``max_body`` bounds request bodies (413);
    ``rate`` limits each client to that many API requests a second on average (429).
    """
    if private and not token:
        raise ConfigError("--private needs a token (--token or TACITUS_TOKEN)")
    if rate is not None and rate <= 0:
        raise ConfigError("rate must be a positive number of requests a second")
    handle = DatabaseHandle(db, writable=token is not None)
    handle.try_open()
    extracting = threading.Lock()  # one article at a time through the shared spaCy pipeline

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        handle.close()

    app = FastAPI(title="tacitus", summary="Sourced political and conflict events from news",
                  lifespan=lifespan)
    app.state.database = handle
    errors.install(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    if rate is not None:
        app.add_middleware(RateLimit, rate=rate)

    read = [Depends(_token_check(token, required=private))]
    write = [Depends(_token_check(token, required=True))]
    paged = known_params("limit", "offset", "sort")

    @app.get("/api/events", dependencies=[*read, Depends(paged)])
    def events(db: Db, where: Filter,
               limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0,
               sort: Annotated[str, Query(description=" | ".join(views.SORTS))] = "-date",
               ) -> JSONResponse:
        """A page of events matching the filters, with the total count."""
        page = views.Page(limit, offset)
        return JSONResponse(views.events_page(db, where, sort=sort, page=page))

    @app.get("/api/events/{event_id}", dependencies=[*read, Depends(known_params())])
    def event(db: Db, event_id: str) -> JSONResponse:
        """One event with its evidence spans, provenance and context."""
        found = views.event_detail(db, event_id)
        if found is None:
            raise errors.ApiError(404, "not_found", f"no event {event_id}")
        return JSONResponse(found)

    @app.get("/api/articles/{article_id}", dependencies=[*read, Depends(known_params())])
    def article(db: Db, article_id: str) -> JSONResponse:
        """One article's text with each event's evidence offsets and its quotes."""
        found = views.article_detail(db, article_id)
        if found is None:
            raise errors.ApiError(404, "not_found", f"no article {article_id}")
        return JSONResponse(found)

    @app.get("/api/incidents", dependencies=[*read, Depends(known_params("limit", "offset"))])
    def incidents(db: Db, where: Filter,
                  limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
        """Cross-article incidents with at least one matching event."""
        return JSONResponse(views.incidents_page(db, where, page=views.Page(limit, offset)))

    @app.get("/api/actors", dependencies=[*read, Depends(known_params("limit"))])
    def actors(db: Db, where: Filter,
               limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE)] = 200) -> JSONResponse:
        """The actor network: parties with event counts, actor -> recipient edges."""
        return JSONResponse(views.actor_network(db, where, limit=limit))

    @app.get("/api/timeline", dependencies=[*read, Depends(known_params("by"))])
    def timeline(db: Db, where: Filter,
                 by: Annotated[str, Query(pattern="^(quad_class|type)$")] = "quad_class",
                 ) -> JSONResponse:
        """Events per day per QuadClass or PLOVER type."""
        return JSONResponse(views.timeline(db, where, by=by))

    @app.get("/api/map", dependencies=[*read, Depends(known_params("limit"))])
    def map_points(db: Db, where: Filter,
                   limit: Annotated[int, Query(ge=1, le=views.MAX_POINTS)] = 5000,
                   ) -> JSONResponse:
        """Events with coordinates, deadliest first."""
        return JSONResponse(views.map_points(db, where, limit=limit))

    def code(body: TextIn) -> ArticleResult:
        with extracting:
            return extract_text(body.text, published=body.published, source=body.source,
                                title=body.title, url=body.url)

    @app.post("/api/extract", dependencies=[*read, Depends(known_params())])
    def extract(body: TextIn) -> JSONResponse:
        """Code one text and return the article result (SCHEMA.md); nothing is stored."""
        return JSONResponse(code(body).to_dict())

    @app.post("/api/articles", dependencies=[*write, Depends(known_params())])
    def ingest(body: TextIn) -> Stored:
        """Code one text and store it (needs the token); the same text twice is stored once."""
        result = code(body)
        summary = handle.write(lambda db: db.store.write_batch([result]))
        return Stored(article_id=result.article.id, stored=summary.articles == 1,
                      events=len(result.events))

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        if not page.is_file():
            return errors.error_response(404, "not_found", "the web page is not installed")
        return FileResponse(page)

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app

