"""Named schema migrations, shipped as SQL files under ``resources/store/migrations``.

A migration is applied once, in its own transaction together with the row recording it in
``schema_migrations``, so a migration that fails leaves the database as it was. File names
(``0001_initial.sql``) give both the order and the recorded name. The shared folder is portable
SQL every backend runs; a backend may add a folder of its own (``store/postgres``: indexes a
server database needs), applied after the shared ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.resources import path

FOLDER = "store/migrations"


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


@lru_cache(maxsize=4)
def migrations(folder_name: str = FOLDER) -> tuple[Migration, ...]:
    """Every migration of a folder under ``resources`` (default: the shared ones) in order."""
    folder = path(folder_name)
    files = sorted(folder.glob("*.sql"))
    if not files:
        raise ResourceError("no migrations found", where=str(folder))
    found = []
    for number, file in enumerate(files, start=1):
        prefix = file.stem.split("_", 1)[0]
        if not prefix.isdigit() or int(prefix) != number:
            raise ResourceError(f"migration files must be numbered 0001, 0002, ... without gaps "
                                f"(expected {number:04d})", where=str(file))
        found.append(Migration(file.stem, file.read_text(encoding="utf-8")))
    return tuple(found)
