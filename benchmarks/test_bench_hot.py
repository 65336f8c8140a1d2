"""pytest-benchmark cases for the hot functions of the pipeline and of the scorer.

Kept outside ``tests/`` so the default test run does not collect them. Run with
``pytest benchmarks/ --benchmark-enable`` (add ``--benchmark-autosave`` to keep a baseline and
``--benchmark-compare`` to compare with it). Each case times one call on realistic input.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from tacitus.eval import stats
from tacitus.model import Article

TEXT = (
    "US forces launched air strikes on Sunday against five Kataib Hezbollah sites in Iraq and "
    "Syria, killing at least 25 fighters and wounding 55 others, the Pentagon said. The "
    "Popular Mobilization Forces vowed to respond, while the Fatah Alliance denounced the raids "
    "as an attack on Iraqi sovereignty. Protesters later gathered outside the US embassy in "
    "Baghdad, where police fired tear gas to disperse them."
)
PUBLISHED = date(2019, 12, 30)


@pytest.fixture(scope="module")
def parsed():
    from tacitus.nlp import ParsedArticle, get_pipeline

    article = Article(text=TEXT, published=PUBLISHED)
    return ParsedArticle(article=article, doc=get_pipeline().parse_text(TEXT))


def test_spacy_parse(benchmark) -> None:
    from tacitus.nlp import get_pipeline

    pipeline = get_pipeline()
    benchmark(pipeline.parse_text, TEXT)


def test_extract_events(benchmark, parsed) -> None:
    extract = pytest.importorskip("tacitus.extract")
    found = benchmark(extract.events, parsed)
    assert found


def test_place_events(benchmark, parsed) -> None:
    extract = pytest.importorskip("tacitus.extract")
    geo = pytest.importorskip("tacitus.geo")
    found = extract.events(parsed)
    benchmark(geo.place_events, parsed, found)


def test_geoparse(benchmark, parsed) -> None:
    geo = pytest.importorskip("tacitus.geo")
    geocoder = geo.get_geocoder()
    benchmark(geocoder.geoparse, parsed.doc)


def test_resolve_actor_text(benchmark) -> None:
    actors = pytest.importorskip("tacitus.actors")
    resolver = actors.get_resolver()
    benchmark(resolver.resolve_text, "the Iraqi defence minister", PUBLISHED)


def test_parse_dateline(benchmark) -> None:
    ingest = pytest.importorskip("tacitus.ingest")
    benchmark(ingest.parse_dateline, "BAGHDAD, Dec 30 (Reuters) - US forces launched air strikes")


def test_full_pipeline_one_article(benchmark) -> None:
    api = pytest.importorskip("tacitus.api")
    article = Article(text=TEXT, published=PUBLISHED)
    benchmark(lambda: list(api.extract_articles([article])))


def test_bootstrap_weighted_f1(benchmark) -> None:
    rng = np.random.default_rng(0)
    gold = [f"label{i}" for i in rng.integers(0, 30, 500)]
    system = [f"label{i}" for i in rng.integers(0, 30, 500)]
    benchmark(stats.classify, gold, system)
