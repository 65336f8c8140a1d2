"""The result of scoring one gold set, and its text and JSON renderings.

A report is plain data (no reference to the pipeline), so the CLI, a notebook or CI can render,
compare or store it. The JSON form is one object whose ``score`` is the format's headline
metric in 0..1, so that scripts comparing runs need not know each format's metric names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.errors import EvalError
from tacitus.eval.stats import ClassRow, Estimate
from tacitus.model import InputProblem

TOP_CONFUSIONS = 15


@dataclass(frozen=True, slots=True)
class Metric:
    """One named figure: ``key`` is its JSON name, ``label`` the words the text report prints."""

    key: str
    label: str
    estimate: Estimate

    def to_dict(self) -> dict[str, Any]:
        e = self.estimate
        return {
            "label": self.label,
            "value": _round(e.value),
            "ci95": None if e.low is None else [_round(e.low), _round(e.high)],
            "n": e.n,
        }


@dataclass(frozen=True, slots=True)
class Table:
    """Per-class rows: ``columns`` names the keys of each row, in print order."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "rows": [{c: _round(r.get(c)) for c in self.columns}
                                              for r in self.rows]}


def class_table(title: str, rows: Sequence[ClassRow], first: str = "label") -> Table:
    """The usual precision/recall/F1 table of a classification."""
    columns = (first, "support", "predicted", "precision", "recall", "f1")
    return Table(title, columns, tuple(
        {first: r.label, "support": r.support, "predicted": r.predicted,
         "precision": r.precision, "recall": r.recall, "f1": r.f1}
        for r in sorted(rows, key=lambda r: (-r.support, r.label))
    ))


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of tacitus on one gold set.

    ``errors`` holds one dict per wrongly coded record (gold vs system, with the sentence), for
    ``--errors FILE``; ``problems`` the malformed records that were skipped or the pipeline
    failed on.
    """

    format: str
    path: str
    size: int
    headline: str
    metrics: tuple[Metric, ...]
    tables: tuple[Table, ...] = ()
    confusion: tuple[tuple[str, str, int], ...] = ()
    problems: tuple[InputProblem, ...] = ()
    errors: tuple[dict[str, Any], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def dataset(self) -> str:
        return Path(self.path).name or self.path

    def metric(self, key: str) -> Metric:
        for m in self.metrics:
            if m.key == key:
                return m
        raise KeyError(key)

    @property
    def score(self) -> float:
        """The headline figure in 0..1 (0 when nothing could be scored)."""
        value = self.metric(self.headline).estimate.value
        return 0.0 if value is None else value

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "dataset": self.dataset,
            "path": self.path,
            "size": self.size,
            "headline": self.headline,
            "score": _round(self.score),
            "metrics": {m.key: m.to_dict() for m in self.metrics},
            "per_class": [t.to_dict() for t in self.tables],
            "confusion": [{"gold": g, "system": s, "count": c} for g, s, c in self.confusion],
            "problems": [str(p) for p in self.problems],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        head = self.metric(self.headline)
        lines = [
            f"tacitus eval {self.format}: {self.dataset} ({self.size} records scored"
            + (f", {len(self.problems)} problems" if self.problems else "") + ")",
            f"score ({head.label}): {_fmt(head.estimate.value)}  95% CI {_ci(head.estimate)}",
            "",
        ]
        width = max(len(m.label) for m in self.metrics)
        lines.append(f"{'metric':<{width}}  {'value':>8}  {'95% CI':<20}  {'n':>6}")
        for m in self.metrics:
            e = m.estimate
            lines.append(f"{m.label:<{width}}  {_fmt(e.value):>8}  {_ci(e):<20}  {e.n:>6}")
        for table in self.tables:
            lines += ["", table.title, *_render_table(table)]
        if self.confusion:
            lines += ["", "top confusions (gold -> system: count)"]
            lines += [f"  {g} -> {s}: {c}" for g, s, c in self.confusion[:TOP_CONFUSIONS]]
        if self.notes:
            lines += ["", *(f"note: {n}" for n in self.notes)]
        return "\n".join(lines)

    def write_errors(self, path: str | Path) -> int:
        """Write the error list as JSON Lines; returns how many were written."""
        try:
            with Path(path).open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(error, ensure_ascii=False, default=str) + "\n" for error in self.errors)
        except OSError as exc:
            raise EvalError(f"cannot write the error list: {exc.strerror}", where=str(path)) from exc
        return len(self.errors)


def _round(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _ci(e: Estimate) -> str:
    return "-" if e.low is None or e.high is None else f"[{e.low:.3f}, {e.high:.3f}]"


def _render_table(table: Table) -> list[str]:
    cells = [[_cell(row.get(c)) for c in table.columns] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    out = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                     for i, (c, w) in enumerate(zip(table.columns, widths)))]
    for row in cells:
        out.append("  ".join(v.ljust(w) if i == 0 else v.rjust(w)
                             for i, (v, w) in enumerate(zip(row, widths))))
    return out


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
