"""The result of one benchmark run and its renderings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.model import InputProblem

TARGET_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Throughput of the full pipeline and of spaCy's parse alone over the same texts.

    ``ratio`` = pipeline throughput / parse-only throughput: 1.0 means extraction, actors and
    geocoding cost nothing on top of parsing; the design's limit is 0.8.
    """

    path: str
    articles: int
    words: int
    processes: int
    parse_seconds: float
    pipeline_seconds: float
    peak_rss_mb: float
    events: int
    failures: int
    problems: tuple[InputProblem, ...] = ()
    slowest: tuple[tuple[str, float], ...] = ()
    chars: int = 0
    cluster: str | None = None
    """The Dask cluster spec the run used (``processes`` is then its worker threads)."""

    @property
    def ratio(self) -> float:
        return self.parse_seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0

    def rate(self, seconds: float, amount: int) -> float:
        return amount / seconds if seconds else 0.0

    def _rates(self, seconds: float) -> dict[str, float]:
        return {"seconds": round(seconds, 3),
                "articles_per_s": round(self.rate(seconds, self.articles), 2),
                "words_per_s": round(self.rate(seconds, self.words), 1),
                "chars_per_s": round(self.rate(seconds, self.chars), 1)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": Path(self.path).name or self.path,
            "path": self.path,
            "articles": self.articles,
            "words": self.words,
            "processes": self.processes,
            "cluster": self.cluster,
            "chars": self.chars,
            "pipeline": self._rates(self.pipeline_seconds),
            "parse_only": self._rates(self.parse_seconds),
            "ratio": round(self.ratio, 3),
            "target_ratio": TARGET_RATIO,
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "events": self.events,
            "failures": self.failures,
            "slowest": [{"article": name, "seconds": round(s, 3)} for name, s in self.slowest],
            "problems": [str(p) for p in self.problems],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def to_text(self) -> str:
        plural = "es" if self.processes > 1 else ""
        where = (f"{self.processes} Dask worker threads on {self.cluster}" if self.cluster
                 else f"{self.processes} process{plural}")
        lines = [
            (f"tacitus bench: {Path(self.path).name or self.path} ({self.articles} articles, "
             f"{self.words:,} words, {where})"),
            f"{'':<18}{'seconds':>9}{'articles/s':>12}{'words/s':>10}",
        ]
        for label, seconds in (("spaCy parse only", self.parse_seconds),
                               ("full pipeline", self.pipeline_seconds)):
            lines.append(f"{label:<18}{seconds:>9.2f}{self.rate(seconds, self.articles):>12.2f}"
                         f"{self.rate(seconds, self.words):>10,.0f}")
        verdict = "ok" if self.ratio >= TARGET_RATIO else "below target"
        lines += [
            (f"ratio (pipeline / parse-only throughput): {self.ratio:.3f} "
             f"(target >= {TARGET_RATIO}: {verdict})"),
            f"peak memory (RSS): {self.peak_rss_mb:,.0f} MB",
            f"events: {self.events}; articles the pipeline failed on: {self.failures}",
        ]
        if self.slowest:
            lines.append("slowest articles (pipeline seconds, a batch's parse included): " + ", ".join(
                f"{name} {seconds:.2f}" for name, seconds in self.slowest))
        return "\n".join(lines)
