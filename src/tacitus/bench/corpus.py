"""Loading a benchmark corpus: anything ``tacitus extract`` reads, or a geoparsing XML file.

A GeoVirus/LGL-style XML file is accepted because its passages are the issue's reference
speed corpus; everything else goes through ingest, so bench measures what users feed tacitus.
"""

from __future__ import annotations

import os
from pathlib import Path

from tacitus.errors import EvalError
from tacitus.eval import geoxml
from tacitus.model import Article, InputProblem


def _geo_xml(path: Path) -> list[Article] | None:
    """The passages of a geoparsing XML file, or None if the file is not one."""
    try:
        gold = geoxml.read(path)
    except EvalError:
        return None
    return [Article(text=a.text, path=str(path), external_id=a.id) for a in gold.records] or None


def load(path: str | os.PathLike[str], limit: int | None = None) -> tuple[list[Article], list[InputProblem]]:
    """The articles of the corpus (the first ``limit``) and the inputs that could not be read."""
    from tacitus import ingest

    file = Path(path)
    if not file.exists():
        raise EvalError("no such file or directory", where=str(path))
    if limit is not None and limit < 1:
        raise EvalError(f"--limit must be at least 1, not {limit}")
    articles = _geo_xml(file) if file.is_file() and file.suffix.lower() == ".xml" else None
    problems: list[InputProblem] = []
    if articles is None:
        articles = []
        for item in ingest.read(file):
            if isinstance(item, InputProblem):
                problems.append(item)
            else:
                articles.append(item)
            if limit is not None and len(articles) >= limit:
                break
    articles = articles[:limit] if limit is not None else articles
    if not articles:
        raise EvalError("empty corpus: no readable article", where=str(path))
    return articles, problems
