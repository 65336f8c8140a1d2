"""Ingest: idempotent re-runs, failures recorded, batches atomic."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.api.database import open as open_db
from tacitus.errors import StoreError
from tacitus.model import ArticleResult, InputProblem
from tests.store.conftest import BAGHDAD, KABUL, fake_extractor, report, snapshot

CORPUS: list[ArticleResult | InputProblem] = [
    report("BAGHDAD - US jets struck Kataib Hezbollah bases in Qaim.", events=[{}]),
    report("Pentagon: strikes in Qaim killed 25 fighters.", source="AFP", events=[{}]),
    InputProblem(path="corpus/broken.jsonl", message="malformed JSON", line=7),
    report("Protesters rallied in Baghdad against the strikes.", source="AP",
           published=date(2019, 12, 31),
           events=[{"type": "PROTEST", "cameo": "141", "location": BAGHDAD, "recipient": None,
                    "date": date(2019, 12, 31), "fatalities": None, "acled": None}]),
    report("A bomb hit a market in Kabul.", source="Tolo",
           events=[{"location": KABUL, "actor": None, "recipient": None}]),
    report("An editorial about nothing in particular."),
]


def test_ingest_twice_gives_identical_rows_and_ids(db_path: str) -> None:
    with open_db(db_path) as db:
        first = db.ingest(["corpus"], extractor=fake_extractor(CORPUS), batch_size=2)
        counts, ids = db.counts(), snapshot(db.store)
    with open_db(db_path) as db:
        second = db.ingest(["corpus"], extractor=fake_extractor(CORPUS), batch_size=3)
        assert db.counts() == counts
        assert snapshot(db.store) == ids
    assert (first.articles, first.skipped, first.events, first.failures) == (5, 0, 4, 1)
    assert (second.articles, second.skipped, second.events) == (0, 5, 0)
    assert counts["articles"] == 5 and counts["events"] == 4 and counts["failures"] == 1
    assert counts["incidents"] == 3  # the two Qaim reports are one incident


def test_failures_are_listed_with_their_error(db_path: str) -> None:
    with open_db(db_path) as db:
        db.ingest(["corpus"], extractor=fake_extractor(CORPUS))
        errors = db.errors()
    assert errors[["path", "line", "message"]].values.tolist() == [
        ["corpus/broken.jsonl", 7, "malformed JSON"]]


def test_duplicate_event_ids_become_a_failure_not_a_crash(db_path: str) -> None:
    good = report("One strike.", events=[{}])
    broken = ArticleResult(article=good.article, events=good.events * 2)
    other = report("Another report entirely.", source="AP", events=[{}])
    with open_db(db_path) as db:
        summary = db.ingest(["x"], extractor=fake_extractor([broken, other]))
        assert summary.articles == 1 and summary.failures == 1
        assert "duplicate event ids" in db.errors()["message"][0]


def test_a_crash_mid_run_keeps_whole_batches_only(db_path: str, new_db) -> None:
    def extractor(paths, skip):
        yield from CORPUS[:3]
        raise RuntimeError("killed")

    with open_db(db_path) as db:
        with pytest.raises(RuntimeError):
            db.ingest(["x"], extractor=extractor, batch_size=2)
        # The first batch (2 articles) is stored; the third input was in flight and is not.
        assert db.counts()["articles"] == 2 and db.counts()["failures"] == 0
        db.ingest(["x"], extractor=fake_extractor(CORPUS), batch_size=2)
    with open_db(db_path) as db, open_db(new_db("clean")) as clean:
        clean.ingest(["x"], extractor=fake_extractor(CORPUS))
        assert snapshot(db.store) == snapshot(clean.store)


def test_a_failing_write_rolls_back_the_batch(db_path: str, monkeypatch) -> None:
    with open_db(db_path) as db:
        db.ingest(["x"], extractor=fake_extractor(CORPUS[:2]))
        before = snapshot(db.store)

        def boom(*args, **kwargs):
            raise StoreError("disk full", where=db_path)

        monkeypatch.setattr(type(db.store), "_replace_incidents", boom)
        with pytest.raises(StoreError):
            db.ingest(["x"], extractor=fake_extractor(CORPUS[2:]))
        assert snapshot(db.store) == before
