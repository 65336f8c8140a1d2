"""Running tacitus on gold texts: the exact pipeline users run, one failure never stopping a set.

Gold sentences go through :func:`tacitus.api.extract_articles` (batched spaCy parsing, then
extraction and geocoding), so the figures describe the product, not a test harness. An article
the pipeline fails on is recorded as a problem and scored as "no output".
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from types import ModuleType

from tqdm import tqdm

from tacitus.errors import EvalError, TacitusError
from tacitus.model import Article, ArticleResult, Event, InputProblem


def _api() -> ModuleType:
    """The API, imported on first use: reading and scoring gold sets must not need spaCy."""
    try:
        from tacitus import api
    except ImportError as exc:
        raise EvalError(f"the extraction pipeline is not available: {exc}") from exc
    return api


def progress(total: int, desc: str, show: bool = True) -> tqdm:
    """A progress bar on stderr, shown only on a terminal and only if the run lasts > 2 s."""
    return tqdm(total=total, desc=desc, unit="rec", file=sys.stderr,
                disable=not (show and sys.stderr.isatty()), delay=2.0, leave=False)


def code_articles(
    articles: Sequence[Article], labels: Sequence[str], desc: str = "coding", show: bool = True,
    seconds: list[float] | None = None,
) -> tuple[list[ArticleResult | None], list[InputProblem]]:
    """Code every article in order; ``labels`` name them in problem messages.

    When the pipeline raises on one article, that article gets None and a problem, and the run
    resumes with the next one. If ``seconds`` is given, the wall time from the previous result
    to each result is appended to it (a batch's parse lands on its first article).
    """
    api = _api()
    results: list[ArticleResult | None] = []
    problems: list[InputProblem] = []
    clock = time.perf_counter()

    def done(result: ArticleResult | None) -> None:
        nonlocal clock
        results.append(result)
        now = time.perf_counter()
        if seconds is not None:
            seconds.append(now - clock)
        clock = now
        bar.update()

    with progress(len(articles), desc, show) as bar:
        while len(results) < len(articles):
            start = len(results)
            try:
                for result in api.extract_articles(articles[start:]):
                    done(result)
            except Exception as exc:  # noqa: BLE001 - one record never stops a set
                failed = len(results)
                message = exc.message if isinstance(exc, TacitusError) else f"{type(exc).__name__}: {exc}"
                problems.append(InputProblem(path=labels[failed], message=f"pipeline failed: {message}"))
                done(None)
    return results, problems


def main_event(result: ArticleResult | None) -> Event | None:
    """The event a one-snippet classifier reports for this result (the extract stage's rule)."""
    if result is None or not result.events:
        return None
    from tacitus.extract import main_event as choose

    return choose(result.events)
