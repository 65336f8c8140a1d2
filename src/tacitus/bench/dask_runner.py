"""Timing the pipeline on a Dask cluster (``tacitus bench --cluster SPEC``).

The pipeline pass is :func:`tacitus.api.cluster.extract_articles`, exactly what ``tacitus
ingest --cluster`` runs: batches streamed to the workers and typed results shipped back, so the
figure includes Dask's scheduling and transfer costs. The parse-only pass goes through the same
streaming (:func:`tacitus.api.cluster.map_articles`: same batches, same tasks in flight, same
shrinking tasks at the end), so the two passes are measured alike. As in the one-process run
the two passes alternate slice by slice, and every worker parses each slice once untimed first,
so neither pass pays for growing a worker's spaCy vocabulary. Workers load the pipeline when
they join, before the clock starts.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from distributed import wait

from tacitus.api.cluster import Cluster, extract_articles, map_articles
from tacitus.bench.runner import Timing, _chunks, _parse_only, _total
from tacitus.eval.system import progress
from tacitus.model import Article, InputProblem

SLICE_PER_WORKER = 256
"""Articles per worker in one interleaved slice. Every pass on a cluster starts with idle
workers and ends with one worker finishing its last article alone; a slice of 16 tasks per
worker keeps that ramp and tail a small share of the pass, as an ingest of the same corpus,
which streams it in one pass, pays them once. (A slice of 64 per worker charged the 229
GeoVirus passages two ramps and two tails per pass.)"""


def _parse_pass(cluster: Cluster, articles: list[Article]) -> float:
    """Wall-clock seconds for the cluster to parse ``articles``."""
    start = time.perf_counter()
    for _ in map_articles(cluster, _parse_only, articles):
        pass
    return time.perf_counter() - start


def _pipeline_pass(cluster: Cluster, articles: list[Article]) -> tuple[float, int, int]:
    """Wall-clock seconds, events and failures of the cluster pipeline over ``articles``."""
    start = time.perf_counter()
    events = failures = 0
    for result in extract_articles(cluster, articles):
        if isinstance(result, InputProblem):
            failures += 1
        else:
            events += len(result.events)
    return time.perf_counter() - start, events, failures


def run_cluster(articles: Sequence[Article], cluster: Cluster) -> Timing:
    """Both passes over the cluster's workers, interleaved slice by slice."""
    client = cluster.client
    workers = list(client.nthreads())
    parts = []
    with progress(len(articles), "bench") as bar:
        for piece in _chunks(articles, -(-len(articles) // (SLICE_PER_WORKER * len(workers)))):
            wait([client.submit(_parse_only, piece, workers=[w], pure=False) for w in workers])
            parse_seconds = _parse_pass(cluster, piece)
            pipeline_seconds, events, failures = _pipeline_pass(cluster, piece)
            parts.append(Timing(parse_seconds, pipeline_seconds, events, failures))
            bar.update(len(piece))
    return _total(parts)
