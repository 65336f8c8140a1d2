"""Hand-built records for store tests: the store must not depend on what extraction finds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tacitus.model import (
    Acled,
    Article,
    ArticleResult,
    Attribution,
    Event,
    Evidence,
    InputProblem,
    Party,
    Place,
    Toll,
    stable_hash,
)
from tacitus.store import Store

US = Party("US forces", "United States Armed Forces", "USA-MIL", "USA", "MIL", "state")
KH = Party("Kataib Hezbollah", "Kataib Hezbollah", "IRQ-PMF-KH", "IRQ", "UAF", "non-state armed")
PROTESTERS = Party("protesters", "Protesters", "CVL", None, "CVL", "civilian")
POLICE = Party("police", "Police of Iraq", "IRQ-POL", "IRQ", "COP", "state")
QAIM = Place("Qaim", "Al Qaim", "IRQ", "Anbar", 34.37, 41.09, 99134, "city", 10, 14)
BAGHDAD = Place("Baghdad", "Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 98182, "city", 10, 17)
KABUL = Place("Kabul", "Kabul", "AFG", "Kabul", 34.53, 69.17, 1138958, "city", 10, 15)


def report(text: str, *, source: str = "Reuters", published: date = date(2019, 12, 30),
           events: Iterable[dict[str, Any]] = (), path: str | None = None) -> ArticleResult:
    """One article with events given as keyword overrides of a default air strike."""
    article = Article(text=text, source=source, published=published, path=path)
    built = []
    for n, fields in enumerate(events):
        values: dict[str, Any] = {
            "type": "ASSAULT", "cameo": "195", "goldstein": -10.0, "quad_class": 4,
            "status": "occurred", "mode": "aerial", "context": ("military",),
            "acled": Acled("Explosions/Remote violence", "Air/drone strike"),
            "date": date(2019, 12, 29), "date_precision": "day", "actor": US, "recipient": KH,
            "location": QAIM, "fatalities": Toll(25, 55, "at least"),
            "attribution": Attribution("Pentagon", False, None),
            "evidence": (Evidence(text[:20], 0, min(20, len(text))),), "confidence": 0.8,
            "provenance": {"type": "test"},
        }
        values.update(fields)
        built.append(Event(id=stable_hash(article.id, str(n)), **values))
    return ArticleResult(article=article, events=tuple(built))


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


def fake_extractor(results: list[ArticleResult | InputProblem]
                   ) -> Callable[[Iterable[Any]], Iterator[ArticleResult | InputProblem]]:
    """An extractor for Database.ingest that yields prepared results whatever the paths."""
    def extract(paths: Iterable[Any]) -> Iterator[ArticleResult | InputProblem]:
        list(paths)
        yield from results
    return extract


def snapshot(opened: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored id and link (what equal databases must share), without timestamps."""
    queries = {
        "articles": "SELECT id FROM articles ORDER BY id",
        "events": "SELECT id, article_id, seq FROM events ORDER BY id",
        "incidents": "SELECT id, n_events, n_articles, n_sources, killed_min, killed_max, "
                     "killed_most_cited, date_first, date_last FROM incidents ORDER BY id",
        "incident_events": "SELECT event_id, incident_id FROM incident_events ORDER BY event_id",
        "failures": "SELECT id, path, message FROM failures ORDER BY id",
        "parties": "SELECT event_id, role, party_id FROM parties ORDER BY 1, 2",
        "evidence": "SELECT event_id, seq FROM evidence ORDER BY 1, 2",
    }
    return {name: [tuple(r) for r in opened.sql(q).itertuples(index=False)]
            for name, q in queries.items()}
