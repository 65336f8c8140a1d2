"""Every error the HTTP API returns is JSON: ``{"error": {"code": ..., "message": one line}}``.

Clients (the web page, scripts) branch on the code; people read the message. Nothing a client
sends can produce a stack trace in a response: tacitus errors map to their HTTP status, request
validation to 400, and anything unexpected is logged here and answered with one line.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from tacitus.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    StoreBusy,
    StoreError,
    TacitusError,
)

log = logging.getLogger("tacitus.web")

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 429: "rate_limited",
               503: "unavailable"}


class ApiError(Exception):
    """An error the API answers on purpose, with its status and code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    one_line = " ".join(message.split())
    return JSONResponse({"error": {"code": code, "message": one_line}}, status_code=status,
                        headers=headers)


def tacitus_status(exc: TacitusError) -> tuple[int, str]:
    """The HTTP status and code for an error tacitus raised on purpose."""
    if isinstance(exc, ConfigError):
        return 400, "bad_filter"
    if isinstance(exc, InputError):
        return 400, "bad_input"
    if isinstance(exc, ExtractionError):
        return 422, "extraction_failed"
    if isinstance(exc, StoreBusy):
        return 503, "database_busy"
    return 500, "store_error" if isinstance(exc, StoreError) else "internal"


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    first = exc.errors()[0] if exc.errors() else {}
    if first.get("type") == "json_invalid":
        return "invalid_json", "request body is not valid JSON"
    if tuple(first.get("loc", ())) == ("body",):
        return "invalid_json", "request body must be a JSON object"
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    return "bad_request", f"{where}: {first.get('msg', 'invalid value')}"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON error body."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(TacitusError)
    async def tacitus_error(request: Request, exc: TacitusError) -> JSONResponse:
        status, code = tacitus_status(exc)
        if status >= 500 and code != "database_busy":
            log.error("%s %s: %s", request.method, request.url.path, exc)
        # The file name is the server's business; the client gets the problem.
        headers = {"Retry-After": "5"} if code == "database_busy" else None
        return error_response(status, code, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = _validation_message(exc)
        return error_response(400, code, message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, "http_error"),
                              str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal", "internal error (logged on the server)")
