"""Measuring speed: ``tacitus bench PATH``.

Runs the full pipeline over a corpus and, in the same run, spaCy's parse alone over the same
texts, and reports throughput, peak memory and their ratio: the share of the time that goes to
parsing is the ceiling this design can reach, so ``ratio`` says how close tacitus is to it.
"""

from __future__ import annotations

import os

from tacitus.bench import corpus, runner
from tacitus.bench.report import TARGET_RATIO, BenchReport
from tacitus.errors import EvalError


def run(path: str | os.PathLike[str], processes: int = 1, limit: int | None = None) -> BenchReport:
    """Benchmark the corpus at ``path`` (its first ``limit`` articles) on ``processes`` processes."""
    if processes < 1:
        raise EvalError(f"--processes must be at least 1, not {processes}")
    articles, problems = corpus.load(path, limit)
    if processes == 1:
        timing = runner.run_single(articles)
    else:
        timing = runner.run_parallel(articles, processes)
    return BenchReport(
        path=os.fspath(path),
        articles=len(articles),
        words=sum(len(a.text.split()) for a in articles),
        processes=processes,
        parse_seconds=timing.parse_seconds,
        pipeline_seconds=timing.pipeline_seconds,
        peak_rss_mb=runner.peak_rss_mb(),
        events=timing.events,
        failures=timing.failures,
        problems=tuple(problems),
        slowest=timing.slowest,
    )


__all__ = ["TARGET_RATIO", "BenchReport", "run"]
