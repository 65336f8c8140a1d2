"""Timing the pipeline against spaCy's parse alone, in one process or several.

Both passes see the same articles through the same ``Pipeline.parse`` call (so the same batch
size), after a warm-up that loads the model and every lexicon and index: the figures are steady
throughput, not start-up. The passes alternate slice by slice, so a machine shared with other
jobs slows both alike, and each slice is parsed once untimed first, so neither pass pays for
growing spaCy's vocabulary. With N processes each worker loads and warms up first, all wait at a
barrier, and only then does the clock start.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tacitus.api.pipeline import WARM_UP_TEXT
from tacitus.eval.system import code_articles, progress
from tacitus.model import Article
from tacitus.nlp import get_pipeline

CHUNKS_PER_PROCESS = 4
SLICE = 64
"""Articles per interleaved slice: several spaCy batches, so batching is not cut short."""


SLOWEST = 5


@dataclass(frozen=True, slots=True)
class Timing:
    parse_seconds: float
    pipeline_seconds: float
    events: int
    failures: int
    slowest: tuple[tuple[str, float], ...] = ()
    """The articles the pipeline took longest on (name, seconds), slowest first."""


def _parse_only(articles: Sequence[Article]) -> list[int]:
    """spaCy's parse alone: the token count of each article (one output per article, the shape
    a cluster task returns)."""
    return [len(parsed.doc) for parsed in get_pipeline().parse(articles)]


def _name(article: Article) -> str:
    return article.external_id or article.path or article.id[:12]


def _pipeline(articles: Sequence[Article]) -> tuple[int, int, tuple[tuple[str, float], ...]]:
    seconds: list[float] = []
    results, _ = code_articles(articles, [_name(a) for a in articles], "pipeline", False, seconds)
    slowest = sorted(zip(map(_name, articles), seconds), key=lambda x: -x[1])[:SLOWEST]
    return sum(len(r.events) for r in results if r), sum(r is None for r in results), tuple(slowest)


def _warm_up() -> None:
    warm = [Article(text=WARM_UP_TEXT)]
    _parse_only(warm)
    _pipeline(warm)


def _both(articles: Sequence[Article]) -> Timing:
    """Parse-only then the pipeline over one slice, each timed.

    An untimed parse of the slice comes first: the first sight of a text adds its new words to
    spaCy's vocabulary, which is slow, and would otherwise be charged to whichever pass ran
    first.
    """
    _parse_only(articles)
    start = time.perf_counter()
    _parse_only(articles)
    middle = time.perf_counter()
    events, failures, slowest = _pipeline(articles)
    return Timing(middle - start, time.perf_counter() - middle, events, failures, slowest)


def _total(parts: Sequence[Timing]) -> Timing:
    slowest = sorted((s for p in parts for s in p.slowest), key=lambda x: -x[1])[:SLOWEST]
    return Timing(sum(p.parse_seconds for p in parts), sum(p.pipeline_seconds for p in parts),
                  sum(p.events for p in parts), sum(p.failures for p in parts), tuple(slowest))


def run_single(articles: Sequence[Article]) -> Timing:
    """Both passes, interleaved slice by slice so that both see the same machine load (other
    processes come and go on a shared machine; a parse-then-pipeline order would not)."""
    _warm_up()
    parts = []
    with progress(len(articles), "bench") as bar:
        for piece in _chunks(articles, -(-len(articles) // SLICE)):
            parts.append(_both(piece))
            bar.update(len(piece))
    return _total(parts)


def _init_worker(barrier) -> None:
    _warm_up()
    barrier.wait()


def _ready(_: int) -> None:
    return None


def _chunks(articles: Sequence[Article], count: int) -> list[list[Article]]:
    size = max(1, -(-len(articles) // count))
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def run_parallel(articles: Sequence[Article], processes: int) -> Timing:
    """Both passes over ``processes`` spawned workers (spawn: safe with BLAS/OpenMP threads).

    Workers time each pass on each slice; the wall-clock time of the whole run is shared
    between the two passes in proportion to those in-worker times, so each figure is a
    wall-clock throughput of N processes.
    """
    context = mp.get_context("spawn")
    barrier = context.Barrier(processes)
    chunks = _chunks(articles, processes * CHUNKS_PER_PROCESS)
    parts = []
    with context.Pool(processes, initializer=_init_worker, initargs=(barrier,)) as pool:
        pool.map(_ready, range(processes), chunksize=1)
        start = time.perf_counter()
        with progress(len(articles), "bench") as bar:
            for part, chunk in zip(pool.imap(_both, chunks), chunks):
                parts.append(part)
                bar.update(len(chunk))
        wall = time.perf_counter() - start
        pool.close()
        pool.join()
    total = _total(parts)
    busy = total.parse_seconds + total.pipeline_seconds
    share = total.parse_seconds / busy if busy else 0.5
    return Timing(wall * share, wall * (1 - share), total.events, total.failures, total.slowest)


def peak_rss_mb() -> float:
    """Peak resident memory of this process or of its largest finished worker, in MB."""
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes vs KiB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / divisor
