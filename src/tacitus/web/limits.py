"""Input limits as ASGI middleware: request body size and a per-client request rate.

Both answer before the application sees the request, so an oversized upload is never held in
memory beyond the limit and a flooding client costs almost nothing. Their errors use the same
JSON body as every other API error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tacitus.web.errors import error_response

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_MAX_CLIENTS = 10_000


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with 413, whether or not they declare a
    Content-Length (a chunked upload is counted as it arrives)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        too_large = error_response(413, "too_large",
                                   f"request body is larger than {self.max_body:,} bytes")
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """A token bucket per client address over ``/api/``: ``rate`` requests a second on
    average, bursts of up to ``burst``; more gets 429 with Retry-After."""

    def __init__(self, app: ASGIApp, rate: float, burst: float | None = None) -> None:
        self.app = app
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate)
        self.buckets: dict[str, _Bucket] = {}

    def allow(self, client: str, now: float) -> bool:
        """Take one token from the client's bucket if it has one (refilled since last time)."""
        bucket = self.buckets.get(client)
        if bucket is None:
            if len(self.buckets) >= _MAX_CLIENTS:
                self.buckets.clear()  # forget idle clients rather than grow without bound
            bucket = self.buckets[client] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens < 1.0:
            return False
        bucket.tokens -= 1.0
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            client = (scope.get("client") or ("?", 0))[0]
            if not self.allow(client, time.monotonic()):
                wait = max(1, round(1 / self.rate))
                refused = error_response(429, "rate_limited",
                                         f"more than {self.rate:g} requests a second; slow down",
                                         {"Retry-After": str(wait)})
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)
