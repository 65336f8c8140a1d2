"""Measuring speed: ``tacitus bench PATH``.

Runs the full pipeline over a corpus and, in the same run, spaCy's parse alone over the same
texts, and reports throughput, peak memory and their ratio: the share of the time that goes to
parsing is the ceiling this design can reach, so ``ratio`` says how close tacitus is to it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tacitus.bench import corpus, runner
from tacitus.bench.report import TARGET_RATIO, BenchReport
from tacitus.errors import EvalError

if TYPE_CHECKING:
    from tacitus.api.cluster import Cluster


def run(path: str | os.PathLike[str], processes: int = 1, limit: int | None = None,
        cluster: Cluster | None = None) -> BenchReport:
    """Benchmark the corpus at ``path`` (its first ``limit`` articles) on ``processes``
    processes, or on the workers of a Dask ``cluster`` (see :func:`tacitus.api.cluster.connect`)."""
    if processes < 1:
        raise EvalError(f"--processes must be at least 1, not {processes}")
    if cluster is not None and processes > 1:
        raise EvalError("--processes and --cluster exclude each other: a cluster has its workers")
    articles, problems = corpus.load(path, limit)
    if cluster is not None:
        # Imports Dask: only when asked for.
        from tacitus.bench.dask_runner import run_cluster

        timing = run_cluster(articles, cluster)
        processes = cluster.threads()
    elif processes == 1:
        timing = runner.run_single(articles)
    else:
        timing = runner.run_parallel(articles, processes)
    return BenchReport(
        path=os.fspath(path),
        articles=len(articles),
        words=sum(len(a.text.split()) for a in articles),
        chars=sum(len(a.text) for a in articles),
        processes=processes,
        cluster=cluster.spec if cluster is not None else None,
        parse_seconds=timing.parse_seconds,
        pipeline_seconds=timing.pipeline_seconds,
        peak_rss_mb=runner.peak_rss_mb(),
        events=timing.events,
        failures=timing.failures,
        problems=tuple(problems),
        slowest=timing.slowest,
    )


__all__ = ["TARGET_RATIO", "BenchReport", "run"]
