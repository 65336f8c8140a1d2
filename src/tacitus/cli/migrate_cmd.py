"""``tacitus migrate --db FILE_OR_URL``: apply pending schema migrations explicitly.

Every write-open migrates on its own; this command exists for shared PostgreSQL databases,
where an administrator upgrades the schema once, before analysts and ingest workers connect.
"""

from __future__ import annotations

import argparse

from tacitus.store import DEFAULT_DB, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate", help="create the database or bring its schema up to date",
        description="Apply the pending named schema migrations, each in its own transaction "
        "recorded in schema_migrations, and list them. Safe to run again (it then applies "
        "nothing) and while other processes use the database.")
    parser.add_argument("--db", default=DEFAULT_DB,
                        help=f"DuckDB file or postgresql://user@host:port/dbname "
                        f"(default {DEFAULT_DB})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, migrate=False) as store:
        applied = store.migrate()
        where = store.path
    print(f"{where}: applied {', '.join(applied)}" if applied
          else f"{where}: schema up to date")
    return 0
