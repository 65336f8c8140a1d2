"""The pipeline on a Dask cluster: ``tacitus ingest PATH --cluster local:4|tcp://HOST:PORT``.

One process is bounded by spaCy's parse, so a corpus run spreads over cores and machines with
``dask.distributed`` rather than a worker pool of our own: Dask places tasks, restarts dead
workers and re-runs their tasks elsewhere, and serves a dashboard.

The client reads the inputs (cheap), drops articles already stored, and submits batches of
articles as tasks; each task runs :func:`tacitus.api.pipeline.code_batch`, the same function the
one-process path runs, so both code articles exactly alike. Every worker loads spaCy and the
lexicons once, when it starts (:class:`PipelineLoader`), including a worker that replaces a
dead one. Results come back as they finish, in any order; the store writes them idempotently
(keyed by text hash) and incidents do not depend on order, so the database after a run with
lost workers equals that of a clean run.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import dask
from dask.system import CPU_COUNT
from distributed import Client, Future, KilledWorker, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from tacitus import ingest
from tacitus.api.database import Database, IngestSummary
from tacitus.api.pipeline import code_batch, warm_up
from tacitus.errors import ConfigError, ExtractionError
from tacitus.model import Article, ArticleResult, InputProblem

T = TypeVar("T")

BATCH = 16
"""Articles per task: one spaCy batch, and large enough that a task's overhead (a few
milliseconds of scheduling and pickling) is noise next to its seconds of parsing."""

IN_FLIGHT_PER_THREAD = 3
"""Batches submitted ahead per worker thread: enough that no worker waits for the next batch,
few enough that the client never holds a whole corpus in memory."""

ALLOWED_FAILURES = 1
"""Worker deaths a batch may see before Dask gives it up (``allowed-failures`` of a local
scheduler). A batch given up is split and its articles re-run one by one, so a lost machine
costs a re-run while an article that kills every worker it touches costs two more deaths and
is then reported as a failed input."""

LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 so that workers hand freed memory back to
    # the OS; spaCy allocates and frees constantly, and that setting makes it 15-20% slower
    # (measured with the same articles in one process). glibc's default is used instead.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The statistical profiler samples every worker's stack 100 times a second under the GIL,
    # a cost of several percent on a CPU-bound pipeline; the dashboard's profile page goes.
    "distributed.worker.profile.enabled": False,
    # Housekeeping that runs whether or not there is work: every event loop (scheduler, client,
    # nannies, workers) checks how late it is 50 times a second, every worker and nanny reads
    # its memory 10 times a second and every process samples system metrics twice a second.
    # An idle local:2 cluster burned 8.8% of a core on them (main process 4.8%, each worker
    # 2%); at 200 ms, 1 s and 5 s it burns 2%, which the two workers get back.
    "distributed.admin.tick.interval": "200ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
"""Settings of a LocalCluster started by :func:`connect`. A remote cluster keeps its own."""


class PipelineLoader(WorkerPlugin):
    """Warms the pipeline up once on every worker as it joins, before it takes a task."""

    name = "tacitus-pipeline"
    idempotent = True

    async def setup(self, worker: Any) -> None:
        # Loading takes seconds; in a thread the worker's event loop keeps answering the scheduler.
        await asyncio.to_thread(warm_up)


@dataclass(slots=True)
class Cluster:
    """A connected Dask client, and the LocalCluster it owns when it started one."""

    spec: str
    client: Client
    local: LocalCluster | None = None

    @property
    def dashboard(self) -> str:
        """The address of Dask's dashboard (served when ``bokeh`` is installed)."""
        return str(self.client.dashboard_link)

    def threads(self) -> int:
        """Worker threads in the cluster now (workers come and go)."""
        return sum(self.client.nthreads().values())

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def local_workers(spec: str) -> int | None:
    """The worker count of a ``local`` or ``local:N`` spec, or None for a scheduler address."""
    if spec.startswith("tcp://"):
        return None
    if spec == "local":
        return CPU_COUNT
    name, _, count = spec.partition(":")
    if name == "local" and count.isdigit() and int(count) >= 1:
        return int(count)
    raise ConfigError(f"--cluster takes local, local:N (N >= 1) or tcp://HOST:PORT, not {spec!r}")


def connect(spec: str, *, timeout: float = 30.0) -> Cluster:
    """Start a LocalCluster (``local``: one worker process per core; ``local:N``: N, one thread
    each) or connect to the scheduler at ``tcp://HOST:PORT``; every worker loads the pipeline.

    A remote cluster keeps its own settings (``LOCAL_CONFIG`` says which matter).
    """
    workers = local_workers(spec)
    local: LocalCluster | None = None
    try:
        if workers is None:
            client = Client(spec, timeout=timeout)
        else:
            with dask.config.set(LOCAL_CONFIG):
                local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address=":0")
            client = Client(local, timeout=timeout)
    except (OSError, TimeoutError, RuntimeError) as exc:
        if local is not None:
            local.close()
        raise ConfigError(f"cannot start or reach the Dask cluster: {exc}", where=spec) from exc
    cluster = Cluster(spec=spec, client=client, local=local)
    try:
        client.register_plugin(PipelineLoader())
    except Exception as exc:
        cluster.close()
        raise ConfigError(f"a Dask worker could not load the tacitus pipeline: "
                          f"{type(exc).__name__}: {exc}", where=spec) from exc
    return cluster


def _code(articles: Sequence[Article]) -> list[ArticleResult | InputProblem]:
    """One task: a batch coded on a worker."""
    return list(code_batch(articles))


def _failed(article: Article, exc: BaseException) -> InputProblem:
    reason = ("the Dask workers running it died" if isinstance(exc, KilledWorker)
              else f"{type(exc).__name__}: {exc}")
    return InputProblem(path=article.path or article.id, message=f"pipeline failed: {reason}")


def tail_size(remaining: int, threads: int, batch_size: int) -> int:
    """Articles in the next task once the input has ended: guided self-scheduling.

    Each task takes a ``threads``-th of what is left, at most ``batch_size`` and at least one
    article, so the last tasks are single articles and the workers finish within about one
    article of each other. With whole batches to the end, one worker idled for up to a whole
    batch at the end of every run (0.2-2 s of a 15-50 s run of 229 articles on two workers).
    """
    return max(1, min(batch_size, -(-remaining // max(1, threads))))


def map_articles(cluster: Cluster, task: Callable[[list[Article]], list[T]],
                 items: Iterable[Article | InputProblem], *,
                 batch_size: int = BATCH) -> Iterator[T | InputProblem]:
    """Run ``task`` (one output per article) over batches of articles on the cluster and yield
    the outputs as they finish, in any order.

    At most ``IN_FLIGHT_PER_THREAD`` batches per worker thread are submitted ahead, and one
    batch per thread is read ahead, so that when the input ends what is left is split into
    ever smaller tasks (:func:`tail_size`), longest articles first, and no worker idles at the
    end. InputProblems among
    ``items`` pass straight through. A batch that fails (its workers died ``ALLOWED_FAILURES +
    1`` times, or it raised) is re-run article by article; an article that fails alone comes
    out as an InputProblem, and the run goes on.
    """
    client = cluster.client
    threads = max(1, cluster.threads())
    limit = max(2, IN_FLIGHT_PER_THREAD * threads)
    running: dict[Future, list[Article]] = {}
    finished = as_completed()
    pending: list[Article] = []

    def submit(articles: list[Article]) -> None:
        future = client.submit(task, articles, pure=False)
        running[future] = articles
        finished.add(future)

    def submit_next(size: int) -> Iterator[T | InputProblem]:
        submit(pending[:size])
        del pending[:size]
        yield from collect(block=len(running) >= limit)

    def collect(block: bool) -> Iterator[T | InputProblem]:
        while running and (block or finished.has_ready()):
            future = next(finished)
            articles = running.pop(future)
            block = len(running) >= limit
            try:
                done: list[T | InputProblem] = list(future.result())
            except asyncio.CancelledError as exc:
                raise ExtractionError(f"the Dask cluster cancelled the run: {exc}",
                                      where=cluster.spec) from exc
            except Exception as exc:  # noqa: BLE001 - one batch never stops a corpus run
                if len(articles) == 1:
                    done = [_failed(articles[0], exc)]
                else:
                    done = []
                    for article in articles:
                        submit([article])
            finally:
                future.release()
            yield from done

    for item in items:
        if isinstance(item, InputProblem):
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size * (threads + 1):
            yield from submit_next(batch_size)
    # Longest first: the last, smallest tasks then hold the shortest articles, so the workers
    # finish within a short article of each other (longest-processing-time-first scheduling).
    pending.sort(key=lambda a: len(a.text), reverse=True)
    while pending:
        yield from submit_next(tail_size(len(pending), threads, batch_size))
    while running:
        yield from collect(block=True)


def extract_articles(cluster: Cluster, items: Iterable[Article | InputProblem], *,
                     batch_size: int = BATCH) -> Iterator[ArticleResult | InputProblem]:
    """Code articles on the cluster and yield their results as they finish (in any order);
    see :func:`map_articles` for batching and failures."""
    return map_articles(cluster, _code, items, batch_size=batch_size)


def extract_paths(cluster: Cluster, paths: Iterable[str | os.PathLike[str]],
                  skip: Callable[[Article], bool] | None = None, *,
                  batch_size: int = BATCH) -> Iterator[ArticleResult | InputProblem]:
    """:func:`tacitus.api.extract_paths` on the cluster: inputs are read here, and articles for
    which ``skip`` is true (already stored) are dropped before they are sent."""
    items = ingest.read_many(Path(p) for p in paths)
    wanted = (i for i in items if isinstance(i, InputProblem) or skip is None or not skip(i))
    return extract_articles(cluster, wanted, batch_size=batch_size)


def ingest_paths(db: Database, paths: Iterable[str | os.PathLike[str]], cluster: Cluster, *,
                 task_size: int = BATCH, **options: Any) -> IngestSummary:
    """``db.ingest(paths)`` with the coding spread over ``cluster`` in tasks of ``task_size``
    articles; ``options`` as for :meth:`Database.ingest` (``batch_size`` is articles per
    transaction). Articles already stored are not sent, and count as skipped."""
    return db.ingest(paths, **options, extractor=lambda p, skip: extract_paths(
        cluster, p, skip, batch_size=task_size))
