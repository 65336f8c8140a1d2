"""The few places where PostgreSQL differs from the SQL the store shares with DuckDB.

The shared code writes DuckDB-style ``?`` placeholders; psycopg wants ``%s`` (and a literal
``%`` doubled). Results must come back as the same DataFrames DuckDB gives, so that exports,
the API and tests never see which backend answered. URLs are shown without their password.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pandas as pd
import pyarrow as pa

URL_SCHEMES = ("postgresql://", "postgres://")
_CONVERTER = threading.local()  # an in-memory DuckDB per thread (connections are not shared)

# Single-quoted strings (with '' inside), double-quoted names, or one ? or % outside them.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[?%]")
# Leading blanks, -- comments, /* comments */ and opening parentheses before the first word.
_LEAD = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/|\()*", re.DOTALL)

# PostgreSQL type oids -> Arrow types, for typing empty and all-NULL columns like DuckDB does.
_ARROW_TYPES: dict[int, pa.DataType] = {
    16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 700: pa.float32(),
    701: pa.float64(), 18: pa.string(), 19: pa.string(), 25: pa.string(), 1042: pa.string(),
    1043: pa.string(), 1082: pa.date32(), 1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"), 1009: pa.list_(pa.string()),
    1015: pa.list_(pa.string()), 1016: pa.list_(pa.int64()), 1022: pa.list_(pa.float64()),
}


def is_url(location: str) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database rather than a DuckDB file."""
    return location.startswith(URL_SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages and ``Store.path``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def placeholders(query: str) -> str:
    """DuckDB-style ``?`` parameters as psycopg's ``%s`` (quoted text is left alone)."""
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        return {"?": "%s", "%": "%%"}.get(token, token.replace("%", "%%"))
    return _TOKENS.sub(swap, query)


def first_keyword(query: str) -> str:
    """The first word of a statement, upper-cased, after comments and parentheses."""
    rest = query[_LEAD.match(query).end():]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


def frame(names: Sequence[str], oids: Sequence[int], rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """Rows as the DataFrame DuckDB would return for the same columns.

    The rows go through Arrow into DuckDB's own conversion (``df(date_as_object=True)``), so
    nullable integers, booleans, dates, timestamps and lists get exactly the dtypes the DuckDB
    backend gives.
    """
    columns = {}
    for n, (name, oid) in enumerate(zip(names, oids)):
        values = [row[n] for row in rows]
        kind = _ARROW_TYPES.get(oid)
        try:
            columns[f"c{n}"] = pa.array(values, type=kind)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[f"c{n}"] = pa.array([None if v is None else str(v) for v in values],
                                        type=pa.string())
    if not columns:
        return pd.DataFrame()
    if not hasattr(_CONVERTER, "con"):
        _CONVERTER.con = duckdb.connect()
    out = _CONVERTER.con.from_arrow(pa.table(columns)).df(date_as_object=True)
    out.columns = list(names)
    return out
