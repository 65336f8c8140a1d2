"""Any valid record stored and read back is equal (Hypothesis)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tacitus.model import (
    DATE_PRECISIONS,
    PARTY_KINDS,
    PLACE_PRECISIONS,
    PLOVER_TYPES,
    QUALIFIERS,
    STATUSES,
    Acled,
    Article,
    ArticleResult,
    Attribution,
    Claim,
    Event,
    Evidence,
    Framing,
    Party,
    Place,
    Quote,
    Sentiment,
    Toll,
)
from tacitus.store import Store, open_store, sql_store
from tacitus.store.migrations import migrations

# Any character but NUL, which every backend stores as U+FFFD (tests/store/test_postgres.py).
CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.text(CHARACTERS, max_size=40)
SOME = st.text(CHARACTERS, min_size=1, max_size=20)
OPT = st.none() | SOME
COUNT = st.none() | st.integers(0, 10**9)
OFFSET = st.integers(0, 10**7)
DAY = st.dates(date(1900, 1, 1), date(2100, 12, 31))
CODE = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)

parties = st.builds(Party, text=SOME, name=SOME, id=SOME, country=st.none() | CODE,
                    sector=OPT, kind=st.sampled_from(PARTY_KINDS))
places = st.builds(
    Place, text=SOME, name=OPT, country=st.none() | CODE, admin1=OPT,
    lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
    geonameid=st.none() | st.integers(1, 2**40), precision=st.none() | st.sampled_from(PLACE_PRECISIONS),
    start=st.none() | OFFSET, end=st.none() | OFFSET)
events = st.builds(
    Event, id=st.uuids().map(str), type=st.sampled_from(PLOVER_TYPES),
    cameo=st.text("0123456789", min_size=2, max_size=4),
    goldstein=st.floats(-10, 10), quad_class=st.integers(1, 4), status=st.sampled_from(STATUSES),
    mode=OPT, context=st.lists(SOME, max_size=3).map(tuple),
    acled=st.none() | st.builds(Acled, SOME, SOME), date=st.none() | DAY,
    date_precision=st.none() | st.sampled_from(DATE_PRECISIONS),
    actor=st.none() | parties, recipient=st.none() | parties, location=st.none() | places,
    fatalities=st.none() | st.builds(Toll, COUNT, COUNT, st.sampled_from(QUALIFIERS)),
    attribution=st.builds(Attribution, OPT, st.booleans(), OPT),
    evidence=st.lists(st.builds(Evidence, TEXT, OFFSET, OFFSET), max_size=3).map(tuple),
    confidence=st.floats(0, 1),
    provenance=st.dictionaries(SOME, TEXT, max_size=4))
quotes = st.builds(Quote, id=SOME, speaker=st.none() | parties, text=TEXT, start=OFFSET,
                   end=OFFSET, direct=st.booleans(), about=st.lists(parties, max_size=2).map(tuple),
                   event_ids=st.lists(SOME, max_size=2).map(tuple))
articles = st.builds(
    Article, text=st.tuples(st.uuids(), TEXT).map(lambda t: f"{t[0]} {t[1]}"), source=OPT,
    published=st.none() | DAY, title=OPT, url=OPT, language=st.sampled_from(["en", "fr"]),
    path=OPT, external_id=OPT, dateline_place=OPT, warnings=st.lists(SOME, max_size=2).map(tuple))
framings = st.builds(Framing, term=SOME, label=SOME, category=SOME, stance=st.integers(-1, 1),
                     start=OFFSET, end=OFFSET, target=st.none() | parties, event_id=OPT,
                     rule=TEXT)
claims = st.builds(
    Claim, kind=st.sampled_from(["toll", "responsibility"]), event_id=OPT,
    source=st.none() | parties, source_text=OPT, certainty=st.integers(0, 3), start=OFFSET,
    end=OFFSET, rule=TEXT, killed=COUNT, injured=COUNT,
    qualifier=st.none() | st.sampled_from(QUALIFIERS), actor=st.none() | parties,
    hedges=st.lists(SOME, max_size=2).map(tuple), quote_id=OPT)
sentiments = st.builds(Sentiment, party=parties, score=st.floats(-1, 1),
                       mentions=st.integers(0, 1000))
results = st.builds(ArticleResult, article=articles,
                    framing=st.lists(framings, max_size=2).map(tuple),
                    sentiment=st.lists(sentiments, max_size=2).map(tuple),
                    events=st.lists(events, max_size=3, unique_by=lambda e: e.id).map(tuple),
                    quotes=st.lists(quotes, max_size=2).map(tuple),
                    claims=st.lists(claims, max_size=3).map(tuple),
                    warnings=st.lists(SOME, max_size=2).map(tuple))


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(tmp_path_factory.mktemp("roundtrip") / "roundtrip.duckdb") as store:
        yield store


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=results)
def test_any_valid_result_reads_back_equal(shared_store: Store, result: ArticleResult) -> None:
    # Examples may repeat an article text or event id; a stored id is (rightly) never rewritten.
    assume(not shared_store.has_article(result.article.id))
    ids = ", ".join(f"'{e.id}'" for e in result.events) or "''"
    assume(shared_store.sql(f"SELECT count(*) AS n FROM events WHERE id IN ({ids})")["n"][0] == 0)
    shared_store.write_batch([result])
    assert shared_store.article_result(result.article.id) == result


def test_round_trip_keeps_non_ascii_text(tmp_path: Path) -> None:
    text = "Mosul \u2014 \u0627\u0644\u0645\u0648\u0635\u0644 \U0001f4a5 strike"
    result = ArticleResult(article=Article(text=text, source="Al \u2018Arabiya"))
    with open_store(tmp_path / "t.duckdb") as store:
        store.write_batch([result])
        assert store.article_result(result.article.id) == result


KH = Party("Kataib Hezbollah", "Kataib Hezbollah", "IRQ-PMF-KH", "IRQ", "UAF", "non-state armed")
PMF = Party("the PMF", "Popular Mobilization Forces", "IRQ-PMF", "IRQ", "UAF", "non-state armed")
PENTAGON = Party("the Pentagon", "United States Department of Defense", "USA-DEF", "USA", "GOV",
                 "state")
TOLL_TEXT = "The PMF said 25 were killed; the Pentagon reportedly put the toll at 19."
CLAIMED = ArticleResult(
    article=Article(text=TOLL_TEXT, source="Reuters", published=date(2019, 12, 30)),
    claims=(
        Claim("toll", "e1", PMF, "The PMF", 2, 0, 27, "toll.yaml kill", killed=25,
              qualifier="exact", quote_id="q1"),
        Claim("toll", "e1", PENTAGON, "the Pentagon", 1, 29, 71, "toll.yaml toll at",
              killed=19, qualifier="exact", hedges=("reportedly",)),
        Claim("responsibility", "e1", None, None, 3, 0, 71, "event actor", actor=KH),
    ))


def test_disagreeing_claims_are_both_kept_in_order(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.duckdb") as store:
        store.write_batch([CLAIMED])
        assert store.article_result(CLAIMED.article.id) == CLAIMED
        assert store.counts()["claims"] == 3
        by_source = store.sql("SELECT source_text, killed, certainty, hedges FROM claims "
                              "WHERE kind = 'toll' ORDER BY seq")
        assert by_source["source_text"].tolist() == ["The PMF", "the Pentagon"]
        assert by_source["killed"].tolist() == [25, 19]
        assert [list(h) for h in by_source["hedges"]] == [[], ["reportedly"]]


def test_a_database_from_before_claims_migrates_forward_with_its_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.duckdb"
    old = ArticleResult(article=Article(text="Gunmen attacked a checkpoint in Kirkuk."))
    with monkeypatch.context() as patch:
        patch.setattr(sql_store, "migrations", lambda: migrations()[:1])
        with open_store(path) as store:
            store.write_batch([old])
            assert "claims" not in set(store.sql(
                "SELECT table_name FROM information_schema.tables")["table_name"])
    with open_store(path) as store:
        applied = store.sql("SELECT name FROM schema_migrations ORDER BY name")["name"].tolist()
        assert applied == [m.name for m in migrations()] and "0002_claims" in applied
        assert store.article_result(old.article.id) == old
        store.write_batch([CLAIMED])
        assert store.article_result(CLAIMED.article.id) == CLAIMED
        assert store.counts()["articles"] == 2
    with open_store(path) as store:
        assert store.migrate() == [], "a migrated database has nothing left to apply"
