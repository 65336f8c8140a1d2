"""``tacitus serve``: the HTTP API and the web page over one database."""

from __future__ import annotations

import argparse
import os

from tacitus.errors import ConfigError
from tacitus.store import DEFAULT_DB

TOKEN_ENV = "TACITUS_TOKEN"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the HTTP API and the web page",
        description="Serve the events of a database over HTTP: the JSON API under /api/ "
        "(OpenAPI at /docs) and the web page at /. Reads are open unless --private; "
        f"POST /api/articles (ingest) needs the token from --token or ${TOKEN_ENV}. "
        "The server holds the database open: stop it before running tacitus ingest on the "
        "same file (requests made while another process writes it get HTTP 503).")
    parser.add_argument("--db", default=DEFAULT_DB,
                        help=f"DuckDB file or postgresql:// URL (default {DEFAULT_DB})")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--token", help=f"token for ingest and --private (default ${TOKEN_ENV})")
    parser.add_argument("--private", action="store_true", help="reads need the token too")
    parser.add_argument("--rate", type=float, metavar="N",
                        help="at most N API requests a second per client (default: no limit)")
    parser.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                        help="largest request body accepted (default 1000000)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from tacitus.web.app import create_app

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be 1..65535, not {args.port}")
    token = args.token or os.environ.get(TOKEN_ENV) or None
    app = create_app(args.db, token=token, private=args.private, max_body=args.max_body,
                     rate=args.rate)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
