"""The pipeline on Dask: same results as one process, failures isolated, lost workers recovered.

Fast tests run a LocalCluster of threads inside the test process, whose workers share the
session's loaded pipeline. The slow ones start real worker processes (2, one thread each),
which load spaCy themselves, and kill one during an ingest.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from tacitus.api import cluster, pipeline
from tacitus.api.database import Database
from tacitus.api.database import open as open_db
from tacitus.errors import ConfigError
from tacitus.model import Article, ArticleResult, InputProblem
from tacitus.nlp import Pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
TIMESTAMPS = {"ingested_at", "recorded_at", "applied_at"}

REPORTS = [
    ("BAGHDAD, Dec 30 (Reuters) - US forces launched air strikes on Sunday against Kataib "
     "Hezbollah sites in Iraq and Syria, killing at least 25 fighters, officials said."),
    ("Police fired tear gas at hundreds of protesters in Lagos on Sunday, injuring at least 12 "
     "people, witnesses said."),
    ("Gunmen attacked a gendarmerie post near Niono in central Mali on Tuesday, killing four "
     "gendarmes, the army said."),
    ("The foreign minister of Colombia met his Venezuelan counterpart in Caracas on Friday to "
     "discuss reopening the border."),
    ("A roadside bomb struck a police vehicle in Helmand province on Monday, wounding three "
     "officers, a provincial spokesman said."),
]


@pytest.mark.parametrize(("spec", "workers"), [
    ("local:3", 3), ("local:1", 1), ("tcp://10.0.0.5:8786", None)])
def test_cluster_spec(spec: str, workers: int | None) -> None:
    assert cluster.local_workers(spec) == workers


def test_local_means_one_worker_per_core() -> None:
    assert cluster.local_workers("local") == cluster.CPU_COUNT >= 1


@pytest.mark.parametrize("spec", ["local:0", "local:", "local:two", "remote", "8786", ""])
def test_bad_cluster_spec(spec: str) -> None:
    with pytest.raises(ConfigError, match="--cluster takes local, local:N"):
        cluster.local_workers(spec)


def test_unreachable_scheduler_is_one_config_error() -> None:
    with pytest.raises(ConfigError, match="cannot start or reach the Dask cluster"):
        cluster.connect("tcp://127.0.0.1:9", timeout=1)


@pytest.fixture(scope="module")
def threads(pipeline: Pipeline) -> Iterator[cluster.Cluster]:
    """Two worker threads in this process: the pipeline is loaded already, so start-up is cheap."""
    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = Client(local)
    client.register_plugin(cluster.PipelineLoader())
    with cluster.Cluster(spec="threads", client=client, local=local) as handle:
        yield handle


def by_id(items: list[ArticleResult | InputProblem]) -> dict[str, ArticleResult | InputProblem]:
    return {i.article.id if isinstance(i, ArticleResult) else i.path: i for i in items}


def test_cluster_results_equal_one_process_results(threads: cluster.Cluster) -> None:
    articles = [Article(text=t, path=f"report{i}.txt") for i, t in enumerate(REPORTS)]
    unreadable = InputProblem(path="corpus.jsonl", message="malformed JSON", line=3)
    out = list(cluster.extract_articles(threads, [articles[0], unreadable, *articles[1:]],
                                        batch_size=2))
    assert len(out) == len(articles) + 1
    assert by_id(out) == by_id([unreadable, *pipeline.code_batch(articles)])
    assert sum(len(r.events) for r in out if isinstance(r, ArticleResult)) >= 3


def test_a_failing_batch_is_rerun_article_by_article(threads: cluster.Cluster,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def code_or_fail(articles: list[Article]) -> list[ArticleResult | InputProblem]:
        if any("gendarmerie" in a.text for a in articles):
            raise MemoryError("the worker ran out of memory")
        return list(pipeline.code_batch(articles))

    monkeypatch.setattr(cluster, "_code", code_or_fail)
    articles = [Article(text=t, path=f"report{i}.txt") for i, t in enumerate(REPORTS)]
    out = by_id(list(cluster.extract_articles(threads, articles, batch_size=3)))
    assert out.pop("report2.txt") == InputProblem(
        path="report2.txt", message="pipeline failed: MemoryError: the worker ran out of memory")
    assert sorted(r.article.path for r in out.values()) == [  # type: ignore[union-attr]
        "report0.txt", "report1.txt", "report3.txt", "report4.txt"]


TASK_SIZES: list[int] = []


def record_size(batch: list[Article]) -> list[str]:
    """A task that notes its size (module-level: Dask ships it by reference, not a copy)."""
    TASK_SIZES.append(len(batch))
    return [a.text for a in batch]


@pytest.mark.parametrize(("remaining", "threads", "size"), [
    (48, 2, 16), (20, 2, 10), (7, 2, 4), (3, 2, 2), (1, 2, 1), (1, 8, 1), (100, 3, 16),
    (5, 0, 5)])
def test_tail_tasks_take_a_worker_share_of_what_is_left(remaining: int, threads: int,
                                                        size: int) -> None:
    assert cluster.tail_size(remaining, threads, 16) == size


def test_tasks_shrink_to_single_articles_at_the_end(threads: cluster.Cluster) -> None:
    TASK_SIZES.clear()
    articles = [Article(text=f"report {n}") for n in range(70)]
    out = list(cluster.map_articles(threads, record_size, articles, batch_size=8))
    assert sorted(out) == sorted(a.text for a in articles)
    # Whole batches while the input flows (six, reading two ahead); at its end 22 are left:
    # each task then takes half of the rest, at most a batch: 8, 7, 4, 2, 1.
    assert sorted(TASK_SIZES, reverse=True) == [8] * 7 + [7, 4, 2, 1]


TASK_TEXTS: list[list[str]] = []


def record_texts(batch: list[Article]) -> list[str]:
    """A task that notes the texts it was given."""
    TASK_TEXTS.append([a.text for a in batch])
    return [a.text for a in batch]


def test_the_last_task_holds_the_shortest_article(threads: cluster.Cluster) -> None:
    TASK_TEXTS.clear()
    articles = [Article(text="report " + "x" * ((n * 7) % 30)) for n in range(70)]
    list(cluster.map_articles(threads, record_texts, articles, batch_size=8))
    # The input ends with 22 articles left; they go out longest first in tasks of 8, 7, 4, 2
    # and 1, so the one single-article task holds the shortest of them.
    assert [texts for texts in TASK_TEXTS if len(texts) == 1] == [
        [min((a.text for a in articles[48:]), key=len)]]


def test_parse_only_tasks_stream_like_the_pipeline(threads: cluster.Cluster) -> None:
    from tacitus.bench.runner import _parse_only

    articles = [Article(text=t) for t in REPORTS]
    assert sorted(cluster.map_articles(threads, _parse_only, articles, batch_size=2)) == sorted(
        len(parsed.doc) for parsed in pipeline.get_pipeline().parse(articles))


def test_ingest_skips_stored_articles_before_sending_them(
        threads: cluster.Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(REPORTS[:3]):
        (corpus / f"report{i}.txt").write_text(text, encoding="utf-8")
    with open_db(tmp_path / "db.duckdb") as db:
        first = cluster.ingest_paths(db, [corpus], threads)
        TASK_SIZES.clear()
        monkeypatch.setattr(cluster, "_code", record_size)
        second = cluster.ingest_paths(db, [corpus], threads)
    assert (first.articles, first.skipped, first.failures) == (3, 0, 0)
    assert (second.articles, second.skipped, second.events) == (0, 3, 0)
    assert TASK_SIZES == []


def contents(db: Database) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, timestamps aside, in a canonical order."""
    tables = {}
    for table in db.counts():
        frame = db.sql(f"SELECT * FROM {table}")
        frame = frame.drop(columns=[c for c in frame.columns if c in TIMESTAMPS]).astype(str)
        tables[table] = sorted(map(tuple, frame.itertuples(index=False)))
    return tables


@pytest.fixture(scope="module")
def clean_run(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, list[tuple[str, ...]]]:
    """The examples ingested by one process, the reference every cluster run must equal."""
    with open_db(tmp_path_factory.mktemp("clean") / "db.duckdb") as db:
        db.ingest([EXAMPLES])
        return contents(db)


@pytest.fixture(scope="module")
def processes() -> Iterator[cluster.Cluster]:
    with cluster.connect("local:2") as handle:
        yield handle


@pytest.mark.slow
def test_cluster_ingest_equals_a_one_process_ingest(
        processes: cluster.Cluster, clean_run: dict, tmp_path: Path) -> None:
    assert processes.dashboard.startswith("http://")
    assert processes.threads() == 2
    with open_db(tmp_path / "db.duckdb") as db:
        summary = cluster.ingest_paths(db, [EXAMPLES], processes, task_size=4)
        assert contents(db) == clean_run
    assert summary.articles == len(clean_run["articles"]) > 10
    assert summary.failures == 0 and len(clean_run["events"]) > 50


@pytest.mark.slow
def test_a_worker_killed_during_ingest_changes_nothing(
        processes: cluster.Cluster, clean_run: dict, tmp_path: Path) -> None:
    client = processes.client
    killed: list[int] = []

    def kill_a_busy_worker(_: int) -> None:
        if killed:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        assert busy, "the test needs a batch in flight when the first results arrive"
        pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    with open_db(tmp_path / "db.duckdb") as db:
        cluster.ingest_paths(db, [EXAMPLES], processes, task_size=1,
                             progress=kill_a_busy_worker)
        assert contents(db) == clean_run
    assert killed and killed[0] not in client.run(os.getpid).values()
