"""Query parameters shared by the read endpoints: the event filters and the strictness rules.

The filters have the names and parsing of ``tacitus events`` (``EventFilter.parse``), so a
value the CLI refuses the API refuses with the same message. A parameter the endpoint does not
know, or one given twice, is an error rather than silently ignored: a typo such as ``contry=``
would otherwise return every event as if it had been applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Annotated

from fastapi import Query, Request

from tacitus.store.query import EventFilter
from tacitus.web.errors import ApiError

FILTERS: tuple[str, ...] = ("country", "type", "actor", "since", "until", "near", "status",
                            "min_confidence")


def event_filter(
    country: Annotated[str | None, Query(description="ISO alpha-3 code(s), e.g. IRQ,SYR")] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), e.g. ASSAULT,PROTEST")] = None,
    actor: Annotated[str | None, Query(description="text in either party's name, id or mention")] = None,
    since: Annotated[str | None, Query(description="event date on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="event date on or before (YYYY-MM-DD)")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: within KM of a point")] = None,
    status: Annotated[str | None, Query(description="status(es), e.g. occurred,alleged")] = None,
    min_confidence: Annotated[str | None, Query(description="confidence at least 0..1")] = None,
) -> EventFilter:
    """The filter of a request (ConfigError, hence 400 bad_filter, for a bad value)."""
    return EventFilter.parse(country=country, type=type, actor=actor, since=since, until=until,
                             near=near, status=status, min_confidence=min_confidence)


def known_params(*extra: str) -> Callable[[Request], None]:
    """A dependency refusing parameters other than the filters and ``extra``, and repeats."""
    allowed = frozenset(FILTERS) | frozenset(extra)

    def check(request: Request) -> None:
        names = Counter(name for name, _ in request.query_params.multi_items())
        unknown = sorted(set(names) - allowed)
        if unknown:
            raise ApiError(400, "bad_filter", f"unknown parameter {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(allowed))})")
        repeated = sorted(n for n, count in names.items() if count > 1)
        if repeated:
            raise ApiError(400, "bad_filter", f"parameter given more than once: "
                           f"{', '.join(repeated)} (use a comma list)")

    return check
